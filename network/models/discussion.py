"""Members' comments on posts and case studies, and reports about posts or comments."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from network.text.member_text import MemberText


class CommentStatus(models.TextChoices):
    PENDING = "pending", "Waiting for a facilitator"
    PUBLISHED = "published", "Published"
    HIDDEN = "hidden", "Hidden"


class CommentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=CommentStatus.PUBLISHED)

    def awaiting_review(self):
        return self.filter(status=CommentStatus.PENDING)

    def shown_to(self, user):
        """Published comments, plus the viewer's own comments still waiting for review."""
        shown = Q(status=CommentStatus.PUBLISHED)
        if getattr(user, "is_authenticated", False):
            shown |= Q(status=CommentStatus.PENDING, author=user)
        return self.filter(shown)


class Comment(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="member_comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="member_comments",
    )
    body = models.TextField(max_length=4000)
    # The body's Markdown rendered through the sanitiser when saved, so that showing a
    # comment, in a thread or in the moderation queue, never renders it again.
    body_html = models.TextField(blank=True, editable=False)
    status = models.CharField(
        max_length=10, choices=CommentStatus.choices, default=CommentStatus.PENDING
    )
    safety_flags = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"Comment by {self.author_name} on {self.page.title}"

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "body" in update_fields:
            self.body_html = self.render_body(self.body)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "body_html"}
        super().save(*args, **kwargs)

    @staticmethod
    def render_body(body):
        """Markup for a body, for saving; bulk creation calls this itself."""
        return str(MemberText(body).html)

    @property
    def text(self):
        return MemberText(self.body, self.body_html or None)

    @property
    def author_name(self):
        profile = getattr(self.author, "profile", None) if self.author else None
        if profile:
            return profile.name
        return "A former member" if self.author is None else self.author.email.partition("@")[0]

    def review(self, facilitator, status):
        self.status = status
        self.reviewed_by = facilitator
        self.reviewed_at = timezone.now()
        self.save(update_fields=["status", "reviewed_by", "reviewed_at"])


class ReportReason(models.TextChoices):
    INAPPROPRIATE = "inappropriate", "Inappropriate or offensive"
    PATIENT_INFORMATION = "patient-information", "Could identify a patient"
    SPAM = "spam", "Spam or advertising"
    OTHER = "other", "Something else"


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)


class Report(models.Model):
    """One member's report about one post or one comment."""

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="reports_made"
    )
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    reason = models.CharField(max_length=30, choices=ReportReason.choices)
    note = models.TextField(blank=True, max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(page__isnull=False, comment__isnull=True)
                | Q(page__isnull=True, comment__isnull=False),
                name="report_names_one_item",
            ),
            models.UniqueConstraint(
                fields=["reporter", "page"],
                condition=Q(resolved_at__isnull=True, page__isnull=False),
                name="one_open_report_per_member_per_page",
            ),
            models.UniqueConstraint(
                fields=["reporter", "comment"],
                condition=Q(resolved_at__isnull=True, comment__isnull=False),
                name="one_open_report_per_member_per_comment",
            ),
        ]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.created_at:%d %b %Y})"
