"""A member's own home at the top of the home page: what is new in what they follow, where
their submissions stand, and the events they have a place at.

The home page is shared by everyone in an audience and cached that way; this is one of
its personal parts (network/caching/personal.py, registered by its path in
network/apps.py), rendered for each member on each visit, and who may see each item is
decided here, as it is shown.
"""

from django.template.loader import render_to_string
from django.utils import timezone

from network.events.models import Enrolment, EnrolmentStatus, EventPage
from network.models import Notification, NotificationKind
from network.moderation import submissions
from network.platform.membership import is_member

SHOWN = 5


def _news(user):
    return list(
        Notification.objects.for_member(user).filter(kind=NotificationKind.FOLLOWED)[:SHOWN]
    )


def _places(user):
    """Upcoming events the member has a place at, soonest first, if they may still see
    each one (an event made members-only stays theirs only while they are a member)."""
    places = (
        Enrolment.objects.filter(
            user=user, status=EnrolmentStatus.ENROLLED, event__ends_at__gte=timezone.now()
        )
        .select_related("event")
        .order_by("event__starts_at", "pk")
    )
    events = [place.event for place in places[: SHOWN * 2]]
    allowed = set(
        EventPage.objects.visible_to(user)
        .filter(pk__in=[event.pk for event in events])
        .values_list("pk", flat=True)
    )
    return [event for event in events if event.pk in allowed][:SHOWN]


def _open_submissions(user):
    """Everything not yet published, and the latest decisions, most recent first."""
    return submissions.for_member(user)[:SHOWN]


def member_home(request):
    user = request.user
    if not is_member(user):
        return ""
    return render_to_string(
        "network/member_home.html",
        {
            "news": _news(user),
            "unread_news": Notification.objects.for_member(user)
            .filter(kind=NotificationKind.FOLLOWED)
            .unread()
            .count(),
            "submissions": _open_submissions(user),
            "places": _places(user),
            "request": request,
        },
    )
