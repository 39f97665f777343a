"""A member's own home at the top of the home page: what is new in what they follow, where
their submissions stand, and the events they have a place at.

The home page is shared by everyone in an audience and cached that way; this is one of
its personal parts (network/caching/personal.py, registered by its path in
network/apps.py), rendered for each member on each visit, and who may see each item is
decided here, as it is shown.
"""

from django.conf import settings
from django.core.cache import caches
from django.template.loader import render_to_string
from django.utils import timezone

from network.events.models import EnrolmentStatus, EventPage
from network.models import Notification, NotificationKind
from network.moderation import submissions
from network.platform import content_versions
from network.platform.membership import is_member

SHOWN = 5
KEPT_SECONDS = 3600


def _news(user):
    """The latest of what is new in what they follow, each read or not (one query)."""
    return list(
        Notification.objects.for_member(user).filter(kind=NotificationKind.FOLLOWED)[:SHOWN]
    )


def _places(user):
    """Upcoming events the member has a place at, soonest first, among those they may see
    (an event made members-only stays theirs only while they are a member)."""
    events = (
        EventPage.objects.visible_to(user)
        .filter(
            enrolments__user=user,
            enrolments__status=EnrolmentStatus.ENROLLED,
            ends_at__gte=timezone.now(),
        )
        .order_by("starts_at", "pk")[:SHOWN]
    )
    return [{"title": e.title, "url": e.url, "starts_at": e.starts_at} for e in events]


def _kept(user):
    """Submissions and places change only with content (an enrolment or a save bumps the
    content version) or a review (the review version), so they are kept for the reader
    under both; the news is read afresh on every visit."""
    cache = caches[settings.PAGE_CACHE_ALIAS]
    version = f"{content_versions.content_version()}.{content_versions.review_version()}"
    key = f"member-home:{user.pk}:{version}"
    kept = cache.get(key)
    if kept is None:
        kept = {"submissions": submissions.for_member(user)[:SHOWN], "places": _places(user)}
        cache.set(key, kept, KEPT_SECONDS)
    return kept


def member_home(request):
    user = request.user
    if not is_member(user):
        return ""
    news = _news(user)
    return render_to_string(
        "network/member_home.html",
        {
            "news": news,
            "new_count": sum(1 for item in news if item.read_at is None),
            **_kept(user),
            "request": request,
        },
    )
