"""Who hears of what: the one place that tells members about events, in the site and by email.

Every event that concerns a member comes through here: a facilitator's decision on what
they sent, a comment on their post, a reply in a discussion they joined, something new in
what they follow, and the decision on their membership. Each writes at most one
notification per person (the event's key is unique per member, so running it twice tells
no one twice) and, where the member wants it, one email. Nobody is told of anything they
may not see.
"""

import logging

from django.db import transaction
from django.urls import reverse
from django_tasks import task
from wagtail import signals as wagtail_signals

from network.models import Follow, Notification, NotificationKind, User
from network.models.mixins import Audience
from network.notifications.emails import notify_member
from network.pages import bylines
from network.platform.membership import is_member

logger = logging.getLogger(__name__)


def _tell(users, kind, key, title, text="", url=""):
    """A notification for each user; an event already told to someone is skipped."""
    rows = [
        Notification(user=user, kind=kind, key=key[:120], title=title[:300], text=text, url=url)
        for user in {user.pk: user for user in users if user is not None}.values()
    ]
    Notification.objects.bulk_create(rows, ignore_conflicts=True)


def is_shown(page):
    """Live, not hidden while reports are reviewed, and not behind Wagtail page privacy."""
    if not page.live or getattr(page, "hidden_for_review", False):
        return False
    return not page.get_view_restrictions().exists()


def for_members_only(page):
    return getattr(page, "audience", Audience.PUBLIC) == Audience.MEMBERS


# Decisions on what members sent -------------------------------------------------------

DECISION_TEXT = {
    "published": "Your {noun} “{title}” is published.",
    "changes": "A facilitator has asked for changes to your {noun} “{title}”.",
    "rejected": "Your {noun} “{title}” will not be published.",
}
DECISION_EMAIL = {
    "published": ("Your {noun} “{title}” is published", "decision_published"),
    "changes": ("Changes requested on “{title}”", "decision_changes_requested"),
    "rejected": ("Your {noun} “{title}” was not published", "decision_rejected"),
}


def decision(page, outcome, comment="", revision_id=None):
    """Tell each member author of the page what the facilitator decided."""
    noun, title = page.submission_noun, page.title
    published_url = page.get_url() if outcome == "published" else ""
    edit_url = (page.member_edit_url() or "") if outcome == "changes" else ""
    headline = DECISION_TEXT[outcome].format(noun=noun, title=title)
    authors = page.member_authors()
    _tell(
        authors,
        NotificationKind.DECISION,
        f"decision:{page.pk}:{revision_id or page.latest_revision_id}:{outcome}",
        headline,
        f"{headline}\n\n{comment}" if comment else headline,
        published_url or edit_url or reverse("share-mine"),
    )
    subject, template = DECISION_EMAIL[outcome]
    for user in authors:
        notify_member(
            user,
            "decisions",
            subject.format(noun=noun, title=title),
            template,
            noun=noun,
            title=title,
            url=published_url,
            edit_url=edit_url,
            comment=comment,
            reason=comment,
        )


# Membership ---------------------------------------------------------------------------


def membership_decided(application, approved, message):
    user = application.user
    if approved:
        title = "Your application is approved: welcome to the network"
        url = reverse("profile-edit")
        subject, template = "Welcome to the network", "application_approved"
    else:
        title = "Your application to join the network was declined"
        url = ""
        subject, template = "Your application to join the network", "application_declined"
    text = f"{title}.\n\n{message}" if message else f"{title}."
    _tell([user], NotificationKind.MEMBERSHIP, f"membership:{application.pk}", title, text, url)
    notify_member(
        user,
        "decisions",
        subject,
        template,
        name=application.name,
        message=message,
        profile_url=reverse("profile-edit"),
    )


# Comments -----------------------------------------------------------------------------


def comment_published(comment):
    """Tell the post's authors of a new comment, and earlier commenters of the reply.

    Called when a comment becomes visible: at once for a trusted member, or when a
    facilitator publishes it from the queue.
    """
    from network.models import Comment, CommentStatus

    page = comment.page.specific
    writer = comment.author
    authors = [user for user in getattr(page, "member_authors", list)() if user != writer]
    earlier = (
        Comment.objects.filter(page=comment.page, status=CommentStatus.PUBLISHED)
        .exclude(pk=comment.pk)
        .exclude(author=writer)
        .exclude(author__isnull=True)
        .select_related("author")
    )
    repliers = list({c.author_id: c.author for c in earlier if c.author not in authors}.values())
    url = f"{page.get_url()}#comment-{comment.pk}"
    excerpt = comment.body[:300]
    if not is_shown(page):
        return
    members_only = for_members_only(page)
    for users, kind, verb in (
        (authors, NotificationKind.COMMENT, "commented on"),
        (repliers, NotificationKind.REPLY, "replied on"),
    ):
        for user in users:
            if members_only and not is_member(user):
                continue
            # Named as this reader may see the commenter, as the thread itself does.
            name = bylines.comment_credit(comment, user).name
            title = f"{name} {verb} “{page.title}”"
            _tell([user], kind, f"comment:{comment.pk}", title, excerpt, url)
            notify_member(
                user,
                "replies",
                title,
                "comment_published",
                heading=title,
                excerpt=excerpt,
                url=url,
            )


def withdraw(page=None, comment=None):
    """Take back what members were told about a page or comment no longer shown to them."""
    if comment is not None:
        Notification.objects.filter(key=f"comment:{comment.pk}").delete()
    if page is not None:
        Notification.objects.filter(key=f"published:{page.pk}").delete()
        comments = page.member_comments.values_list("pk", flat=True)
        Notification.objects.filter(key__in=[f"comment:{pk}" for pk in comments]).delete()


# New content in what members follow ---------------------------------------------------


def followers_of(targets):
    """{user id: [followed things]} for everyone who follows any of the targets."""
    from network.notifications import following

    wanted = {following.key(target): target for target in targets}
    if not wanted:
        return {}
    found = {}
    content_types = {content_type for content_type, _pk in wanted}
    follows = Follow.objects.filter(
        content_type_id__in=content_types,
        object_id__in={pk for _ct, pk in wanted},
    ).values_list("user_id", "content_type_id", "object_id")
    for user_id, content_type_id, object_id in follows:
        target = wanted.get((content_type_id, object_id))
        if target is not None:
            found.setdefault(user_id, []).append(target)
    return found


def tell_followers(page):
    """Tell everyone following something the newly published page belongs to."""
    if not is_shown(page):
        return
    followers = followers_of(page.followed_targets())
    for user in getattr(page, "member_authors", list)():
        followers.pop(user.pk, None)
    # Only members follow; one whose membership has ended hears of nothing.
    allowed = set(
        User.objects.filter(pk__in=list(followers)).members().values_list("pk", flat=True)
    )
    url = page.get_url()
    rows = [
        Notification(
            user_id=user_id,
            kind=NotificationKind.FOLLOWED,
            key=f"published:{page.pk}",
            title=f"New: “{page.title}”"[:300],
            text=f"In {', '.join(str(target) for target in targets[:3])}, which you follow.",
            url=url,
        )
        for user_id, targets in followers.items()
        if user_id in allowed
    ]
    Notification.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)


def announce(page_id):
    """After a page is first published, tell its followers (run outside the request)."""
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return
    page = page.specific
    if hasattr(page, "followed_targets"):
        with transaction.atomic():
            tell_followers(page)


@task()
def announce_task(page_id):
    announce(page_id)


def on_page_published(sender, instance, revision=None, **kwargs):
    """The first publication of a page tells its followers; later edits do not."""
    if not hasattr(instance, "followed_targets"):
        return
    if instance.first_published_at != instance.last_published_at:
        return
    page_id = instance.pk

    def enqueue():
        try:
            announce_task.enqueue(page_id)
        except Exception:
            # Publishing must never fail because followers could not be told.
            logger.exception("Could not queue telling followers of page %s", page_id)

    transaction.on_commit(enqueue)


def on_page_unpublished(sender, instance, **kwargs):
    withdraw(page=instance)


def connect():
    wagtail_signals.page_published.connect(on_page_published, dispatch_uid="notices-page-published")
    wagtail_signals.page_unpublished.connect(
        on_page_unpublished, dispatch_uid="notices-page-unpublished"
    )
