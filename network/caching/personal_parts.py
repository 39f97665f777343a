"""What each reader sees of their own on a page the audience shares (network/caching/personal.py).

Each part asks only about the reader: one small query at most, never the page's own.
"""

from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html

from network.caching.personal import part
from network.models import Notification


@part("csrf_token")
def csrf_token(request):
    return get_token(request)


@part("unread_notifications")
def unread_notifications(request):
    count = unread(request.user)
    if not count:
        return ""
    return format_html(
        ' <span class="network-count">{}<span class="nhsuk-u-visually-hidden">{}</span></span>',
        count,
        " unread",
    )


@part("follow")
def follow_form(request, kind, object_id, name, next_url):
    from network.models import Follow
    from network.notifications import following

    followable = following.by_kind(kind)
    follows = Follow.objects.filter(
        user=request.user, content_type=followable.content_type, object_id=object_id
    ).exists()
    return render_to_string(
        "components/follow_form.html",
        {
            "kind": kind,
            "object_id": object_id,
            "name": name,
            "next": next_url,
            "following": follows,
            "csrf_token": get_token(request),
        },
    )


@part("report_comment")
def report_comment(request, comment_id, author_id):
    """Members report others' comments, never their own."""
    if author_id == request.user.pk:
        return ""
    return format_html(
        '<p class="nhsuk-body-s"><a href="{}">Report this comment</a></p>',
        reverse("report-comment", args=[comment_id]),
    )


@part("own_pending_comments")
def own_pending_comments(request, page_id, published_count):
    """The reader's own comments still waiting for a facilitator, which only they see."""
    from network.models import Comment

    if not getattr(request.user, "is_authenticated", False):
        mine = []
    else:
        mine = list(
            Comment.objects.awaiting_review()
            .filter(page_id=page_id, author=request.user)
            .select_related("author__profile")
            .order_by("created_at", "pk")
        )
    if not mine:
        return "" if published_count else "<p>No comments yet.</p>"
    return render_to_string("components/comment_list.html", {"comments": mine, "request": request})


def unread(user):
    """The header's count of unread notifications (a personal part)."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.for_member(user).unread().count()
