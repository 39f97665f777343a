"""How a verified account becomes a network member: an application or an invitation."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models, transaction
from django.utils import timezone

from network.platform.membership import MEMBERS_GROUP

from .members import MemberProfile, Visibility


class ApplicationStatus(models.TextChoices):
    PENDING = "pending", "Waiting for a facilitator"
    APPROVED = "approved", "Approved"
    DECLINED = "declined", "Declined"


class MembershipApplicationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=ApplicationStatus.PENDING)


def make_member(user):
    """Add the user to the Members group and give them a profile to fill in."""
    user.groups.add(Group.objects.get(name=MEMBERS_GROUP))
    user.__dict__.pop("_network_group_names", None)


class MembershipApplication(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership_applications"
    )
    name = models.CharField("your name", max_length=120)
    organisation = models.CharField(
        max_length=200,
        blank=True,
        help_text="Leave this blank if you are joining as yourself, for example as someone "
        "with lived experience or a carer.",
    )
    role = models.CharField("your role", max_length=160)
    sector = models.ForeignKey("network.Sector", on_delete=models.PROTECT, related_name="+")
    region = models.ForeignKey("network.Region", on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(
        "why you would like to join",
        max_length=1500,
        help_text="A few sentences about your work and what you hope to share or learn",
    )
    status = models.CharField(
        max_length=10, choices=ApplicationStatus.choices, default=ApplicationStatus.PENDING
    )
    decision_message = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MembershipApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "membership application"

    def __str__(self):
        return f"{self.name} ({self.organisation})" if self.organisation else self.name

    @property
    def role_and_organisation(self):
        """ "Peer support worker, Northvale Mind", or the role alone for someone who joined
        as themselves."""
        return ", ".join(part for part in (self.role, self.organisation) if part)

    @transaction.atomic
    def approve(self, facilitator, message=""):
        self._decide(ApplicationStatus.APPROVED, facilitator, message)
        make_member(self.user)
        profile, _created = MemberProfile.objects.get_or_create(
            user=self.user,
            defaults={
                "name": self.name,
                "organisation": self.organisation,
                "role": self.role,
                "sector": self.sector,
                "region": self.region,
                "visibility": Visibility.MEMBERS,
            },
        )
        return profile

    def decline(self, facilitator, message):
        self._decide(ApplicationStatus.DECLINED, facilitator, message)

    def _decide(self, status, facilitator, message):
        self.status = status
        self.decided_by = facilitator
        self.decided_at = timezone.now()
        self.decision_message = message
        self.save()


def new_invitation_token():
    return secrets.token_urlsafe(32)


def invitation_expiry():
    return timezone.now() + timedelta(days=settings.MEMBERSHIP_INVITATION_DAYS)


class Invitation(models.Model):
    """A facilitator's invitation: whoever follows the link and verifies joins at once."""

    email = models.EmailField()
    token = models.CharField(max_length=64, unique=True, default=new_invitation_token)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    @property
    def is_expired(self):
        return timezone.now() >= self.expires_at

    @property
    def is_usable(self):
        return self.accepted_at is None and not self.is_expired

    def accept(self, user):
        self.accepted_at = timezone.now()
        self.accepted_by = user
        self.save(update_fields=["accepted_at", "accepted_by"])
        make_member(user)
