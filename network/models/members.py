"""Accounts and the public face of a network member."""

from django import forms
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from network.platform.membership import (
    FACILITATORS_GROUP,
    MEMBERS_GROUP,
    is_facilitator,
    is_member,
)

from .taxonomy import Region, Sector, Theme


class UserQuerySet(models.QuerySet):
    def members(self):
        """Active members and facilitators, in one query: the same people as is_member()."""
        return (
            self.filter(is_active=True)
            .filter(Q(is_superuser=True) | Q(groups__name__in=[MEMBERS_GROUP, FACILITATORS_GROUP]))
            .distinct()
        )


class UserManager(DjangoUserManager.from_queryset(UserQuerySet)):
    pass


class User(AbstractUser):
    """The platform's account; a custom model from the start so accounts can grow safely."""

    email = models.EmailField("email address", unique=True, null=True, blank=True)

    objects = UserManager()

    def get_full_name(self):
        """The name on the member's profile, which is how the network knows them.

        Wagtail names people this way in the review queue, page history and its emails;
        most members never give a first and last name, so they would appear as a username.
        """
        if self.pk is not None:
            try:
                name = self.profile.name.strip()
            except ObjectDoesNotExist:
                name = ""
            if name:
                return name
        return super().get_full_name()

    def save(self, *args, **kwargs):
        # Store an empty address as NULL so the unique constraint only binds real addresses.
        if not self.email:
            self.email = None
        super().save(*args, **kwargs)


class Visibility(models.TextChoices):
    PUBLIC = "public", "Public: anyone can see this profile"
    MEMBERS = "members", "Members only: signed-in network members"
    HIDDEN = "hidden", "Hidden: only you and the facilitators"


class MemberProfileQuerySet(models.QuerySet):
    def visible_to(self, user):
        if is_facilitator(user):
            return self
        allowed = Q(visibility=Visibility.PUBLIC)
        if is_member(user):
            allowed |= Q(visibility=Visibility.MEMBERS)
        if getattr(user, "is_authenticated", False):
            allowed |= Q(user=user)
        return self.filter(allowed)

    def listed_to(self, user):
        """The directory lists hidden profiles only to facilitators and to their owner."""
        queryset = self.visible_to(user)
        if is_facilitator(user):
            return queryset
        hidden_from_others = Q(visibility=Visibility.HIDDEN)
        if getattr(user, "is_authenticated", False):
            hidden_from_others &= ~Q(user=user)
        return queryset.exclude(hidden_from_others)


FORMER_MEMBER_SLUG = "former-member"


class MemberProfile(models.Model):
    user = models.OneToOneField(
        "network.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="profile",
        help_text="Left empty for profiles a facilitator keeps on someone's behalf",
    )
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=140, unique=True, blank=True)
    role = models.CharField(
        max_length=160, blank=True, help_text="For example 'Peer support worker'"
    )
    organisation = models.CharField(max_length=200, blank=True)
    sector = models.ForeignKey(
        Sector, null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    interests = models.ManyToManyField(
        Theme, blank=True, related_name="interested_members", verbose_name="CMHF interests"
    )
    bio = models.TextField(
        "short bio", max_length=800, blank=True, help_text="Plain text, up to 800 characters"
    )
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MemberProfileQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("role"), FieldPanel("organisation")]),
        FieldRowPanel([FieldPanel("sector"), FieldPanel("region")]),
        FieldPanel("interests", widget=forms.CheckboxSelectMultiple),
        FieldPanel("bio"),
        FieldPanel("photo"),
        MultiFieldPanel([FieldPanel("visibility"), FieldPanel("user")], heading="Visibility"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "member profile"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("member-detail", kwargs={"slug": self.slug})

    def _unique_slug(self):
        base = slugify(self.name)[:120] or "member"
        slug, number = base, 2
        # The former-member slug is reserved for the placeholder that credits deleted accounts.
        while slug == FORMER_MEMBER_SLUG or (
            MemberProfile.objects.filter(slug=slug).exclude(pk=self.pk).exists()
        ):
            slug = f"{base}-{number}"
            number += 1
        return slug

    @property
    def is_former_member(self):
        return self.slug == FORMER_MEMBER_SLUG and self.user_id is None

    def is_visible_to(self, user):
        """MemberProfileQuerySet.visible_to for one profile already in hand.

        Decided without a query, because every byline on a listing asks it of each author;
        a test holds the two to the same answers.
        """
        if self.visibility == Visibility.PUBLIC or is_facilitator(user):
            return True
        if self.visibility == Visibility.MEMBERS and is_member(user):
            return True
        return bool(getattr(user, "is_authenticated", False) and self.user_id == user.pk)
