"""The day-before reminder for members with a place, sent once each."""

import datetime

from django.utils import timezone

from network.notifications.emails import notify

from .enrolment import _when
from .models import Enrolment, EnrolmentStatus

AHEAD = datetime.timedelta(hours=24)


def send_reminders(now=None):
    """Remind everyone with a place at an event starting within a day; returns how many.

    Each enrolment is claimed (its reminded_at set) before its email is queued, so runs
    that overlap, or a rerun, never remind anyone twice.
    """
    now = now or timezone.now()
    # Who may hear is decided now, not when the place was taken: members only.
    due = (
        Enrolment.objects.of_current_members()
        .filter(
            status=EnrolmentStatus.ENROLLED,
            reminded_at__isnull=True,
            event__live=True,
            event__cancelled=False,
            event__starts_at__gt=now,
            event__starts_at__lte=now + AHEAD,
        )
        .select_related("event", "user")
    )
    sent = 0
    for enrolment in due:
        claimed = Enrolment.objects.filter(pk=enrolment.pk, reminded_at__isnull=True).update(
            reminded_at=now
        )
        if not claimed:
            continue
        event = enrolment.event
        notify(
            [enrolment.user.email],
            f"Tomorrow: “{event.title}”",
            "event_reminder",
            title=event.title,
            url=event.url,
            when=_when(event),
            joining_link=event.joining_link if event.is_online else "",
            venue=event.venue,
            address=event.address,
        )
        sent += 1
    return sent
