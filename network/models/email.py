"""Emails the mail server did not take, kept for facilitators (network/notifications/mail.py)."""

from django.db import models
from django.utils import timezone


class FailedEmailQuerySet(models.QuerySet):
    def unsent(self):
        return self.filter(sent_at__isnull=True)


class FailedEmail(models.Model):
    """One email that could not be sent: without it, a member would never hear a decision."""

    recipients = models.TextField()
    subject = models.CharField(max_length=300)
    reason = models.CharField(max_length=200)
    error = models.TextField(blank=True)
    attempts = models.PositiveIntegerField(default=1)
    first_failed_at = models.DateTimeField(default=timezone.now)
    last_failed_at = models.DateTimeField(default=timezone.now, db_index=True)
    next_attempt_at = models.DateTimeField(
        null=True, blank=True, help_text="When the email will be tried again; empty if never"
    )
    sent_at = models.DateTimeField(null=True, blank=True, help_text="Sent on a later try")

    objects = FailedEmailQuerySet.as_manager()

    class Meta:
        ordering = ["-last_failed_at"]

    def __str__(self):
        return f"{self.subject} to {self.recipients}"
