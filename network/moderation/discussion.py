"""Comments and reports: who may post, what waits for a facilitator, what gets hidden."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from network.models import Comment, CommentStatus, Report
from network.moderation.limits import lock_account
from network.notifications import notices
from network.notifications.emails import facilitator_addresses, notify
from network.platform.content_versions import invalidate
from network.platform.membership import is_member


class CommentLimitError(Exception):
    """Raised with a message for the member when a comment cannot be accepted now."""


def can_discuss(user, page):
    """Members comment on and report the pages that open a discussion (DiscussionMixin)
    and that they can read; nobody else can."""
    from network.models.mixins import DiscussionMixin

    if not is_member(user) or not page.live or page.get_view_restrictions().exists():
        return False
    specific = page.specific
    return isinstance(specific, DiscussionMixin) and specific.is_open_for_discussion()


def comment_link_limit(user):
    """New commenters, whose comments a facilitator reads first, may add only a few links;
    None once enough of theirs have been published."""
    approved = Comment.objects.filter(author=user, status=CommentStatus.PUBLISHED).count()
    return settings.NEW_MEMBER_LINK_LIMIT if approved < settings.COMMENTS_HELD_UNTIL else None


@transaction.atomic
def add_comment(user, page, body, safety_flags=()):
    """Count the hour's comments under a lock on the member's account, then add this one.

    The lock makes the count and the new comment one step, so parallel posts by one
    member cannot all slip in under the limit together.
    """
    lock_account(user)
    since = timezone.now() - timedelta(hours=1)
    recent = Comment.objects.filter(author=user, created_at__gte=since).count()
    if recent >= settings.COMMENTS_PER_HOUR:
        raise CommentLimitError(
            f"You have posted {recent} comments in the last hour, the most the network allows. "
            "Your comment is still here; post it a little later."
        )
    approved = Comment.objects.filter(author=user, status=CommentStatus.PUBLISHED).count()
    held = approved < settings.COMMENTS_HELD_UNTIL or bool(safety_flags)
    comment = Comment.objects.create(
        page=page,
        author=user,
        body=body,
        safety_flags=list(safety_flags),
        status=CommentStatus.PENDING if held else CommentStatus.PUBLISHED,
    )
    if not held:
        transaction.on_commit(lambda: notices.comment_published(comment))
    if held:
        notify(
            facilitator_addresses(),
            f"A comment on “{page.title}” is waiting for review",
            "comment_waiting",
            page_title=page.title,
            excerpt=body[:300],
        )
    return comment


@transaction.atomic
def report(user, reason, note="", page=None, comment=None):
    """Record a member's report; enough distinct reporters hide the item until reviewed."""
    try:
        with transaction.atomic():
            Report.objects.create(
                reporter=user, reason=reason, note=note, page=page, comment=comment
            )
    except IntegrityError:
        return False  # this member has already reported it and it is not yet resolved
    reports = Report.objects.open().filter(page=page, comment=comment)
    reporters = reports.values("reporter").distinct().count()
    if reporters >= settings.REPORTS_TO_HIDE:
        hide_reported(page=page, comment=comment)
    target = comment.page.title if comment else page.title
    notify(
        facilitator_addresses(),
        f"A {'comment' if comment else 'post'} on “{target}” has been reported",
        "report_received",
        target=target,
        kind="comment" if comment else "post",
        reason=reason,
        note=note,
        reporters=reporters,
    )
    return True


def _hide_page(page, hidden):
    specific = page.specific
    hide = getattr(specific, "hide_for_review", None)
    if hide is not None:
        hide(hidden)


def hide_reported(page=None, comment=None):
    if comment is not None:
        Comment.objects.filter(pk=comment.pk).update(status=CommentStatus.HIDDEN)
    elif page is not None:
        _hide_page(page, hidden=True)
    notices.withdraw(page=page, comment=comment)
    invalidate()


def resolve_reports(facilitator, keep_hidden, page=None, comment=None):
    """A facilitator's review of reported content: restore it or keep it hidden."""
    Report.objects.open().filter(page=page, comment=comment).update(
        resolved_at=timezone.now(), resolved_by=facilitator
    )
    if comment is not None:
        comment.review(
            facilitator, CommentStatus.HIDDEN if keep_hidden else CommentStatus.PUBLISHED
        )
    elif page is not None:
        _hide_page(page, hidden=keep_hidden)
    invalidate()


def discussion_context(page, request):
    """What a post or case study page needs to show its comments and the comment form."""
    from network.moderation.discussion_forms import CommentForm

    if page.pk is None:  # the editor's preview of a page not saved yet has no discussion
        return {"comments": Comment.objects.none(), "can_discuss": False}
    # The reader's own comments still waiting for review are a personal part
    # (network/caching/personal_parts.py), so the thread itself is the same for every reader.
    comments = Comment.objects.published().filter(page=page).select_related("author__profile")
    return {
        "comments": comments,
        "can_discuss": can_discuss(request.user, page),
        "comment_form": CommentForm(),
    }
