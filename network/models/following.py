"""Staying in touch: what members follow, what they are told, and how they want email.

A follow points at any followable thing (a CMHF theme, a sector, a region, a blog
series, a member's profile) through a generic relation, so a content app can offer its
own things to follow without network importing it. Notifications are written by
network.notifications.notices, the one place that decides who hears of what.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone

from network.platform.membership import is_member


class Follow(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"], name="one_follow_per_target"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="follow_target")]

    def __str__(self):
        return f"{self.user} follows {self.content_type.model} {self.object_id}"


class NotificationKind(models.TextChoices):
    DECISION = "decision", "A decision on something you sent"
    COMMENT = "comment", "A comment on your post"
    REPLY = "reply", "A reply in a discussion you joined"
    FOLLOWED = "followed", "New in something you follow"
    MEMBERSHIP = "membership", "Your membership"


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)

    def for_member(self, user):
        """What this person is shown now. Someone whose membership has ended keeps only
        what is about themselves (decisions, their membership): what they were told as a
        member may name members-only content, and who may see it is decided when shown."""
        mine = self.filter(user=user)
        if not is_member(user):
            mine = mine.filter(kind__in=[NotificationKind.DECISION, NotificationKind.MEMBERSHIP])
        return mine.order_by("-created_at", "-pk")


class Notification(models.Model):
    """One thing a member is told in the site; `key` makes each event tell them once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=12, choices=NotificationKind.choices)
    key = models.CharField(max_length=120)
    title = models.CharField(max_length=300)
    text = models.TextField(blank=True, max_length=2000)
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="one_notification_per_event")
        ]
        indexes = [
            models.Index(
                fields=["user"], condition=Q(read_at__isnull=True), name="unread_notifications"
            )
        ]

    def __str__(self):
        return self.title


class Immediate(models.TextChoices):
    AT_ONCE = "at-once", "Email me at once"
    NEVER = "never", "Do not email me"


class DigestFrequency(models.TextChoices):
    DAILY = "daily", "A daily digest"
    WEEKLY = "weekly", "A weekly digest"
    NEVER = "never", "Do not email me"


class EmailPreferences(models.Model):
    """What a member wants by email; a member without a row gets the defaults."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_preferences"
    )
    decisions = models.CharField(
        "Decisions on what you send, and on your membership",
        max_length=8,
        choices=Immediate.choices,
        default=Immediate.AT_ONCE,
    )
    replies = models.CharField(
        "Comments on your posts and replies in discussions you joined",
        max_length=8,
        choices=Immediate.choices,
        default=Immediate.AT_ONCE,
    )
    digest = models.CharField(
        "New posts and case studies in what you follow",
        max_length=8,
        choices=DigestFrequency.choices,
        default=DigestFrequency.WEEKLY,
    )

    class Meta:
        verbose_name_plural = "email preferences"

    def __str__(self):
        return f"Email preferences of {self.user}"

    @classmethod
    def for_user(cls, user):
        preferences = getattr(user, "_email_preferences", None)
        if preferences is None:
            preferences = cls.objects.filter(user=user).first() or cls(user=user)
            user._email_preferences = preferences
        return preferences


class DigestStatus(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    SENT = "sent", "Sent"
    EMPTY = "empty", "Nothing new, not sent"
    FAILED = "failed", "Not sent after every retry"


class Digest(models.Model):
    """One member's digest for one period, recorded before it is sent.

    The unique period makes a rerun after a crash find the digests already sent (and
    skip them) and the ones still pending (and send them), so each goes exactly once.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    frequency = models.CharField(max_length=8, choices=DigestFrequency.choices)
    period_start = models.DateField()
    covers_from = models.DateTimeField()
    covers_until = models.DateTimeField()
    status = models.CharField(
        max_length=8, choices=DigestStatus.choices, default=DigestStatus.PENDING
    )
    items = models.PositiveIntegerField(default=0)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "frequency", "period_start"], name="one_digest_per_period"
            )
        ]
        indexes = [models.Index(fields=["status", "frequency"], name="digest_status")]

    def __str__(self):
        return f"{self.get_frequency_display()} for {self.user} from {self.period_start}"
