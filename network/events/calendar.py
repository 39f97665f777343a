"""iCalendar files: one per event, and feeds of upcoming public events (all, or one theme).

Built with the icalendar library. Times carry the Europe/London zone with its VTIMEZONE,
so calendars show 10:00 as 10:00 whichever side of the clock change the event falls. The
UID stays the same for the life of the event and SEQUENCE rises with each published
change (network.events.signals), so calendars update the entry rather than adding a
second one; a cancelled event goes out as STATUS:CANCELLED.

This module only renders: it is given the events, and imports no model.
"""

from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from network.platform.site_address import site_url
from network.text.lines import one_line

LONDON = ZoneInfo("Europe/London")
PRODID = "-//Community Mental Health Network//Events//EN"
FEED_SIZE = 200


def uid(event):
    return f"event-{event.pk}@{urlsplit(site_url()).hostname}"


def _component(event):
    entry = Event()
    entry.add("uid", uid(event))
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", event.starts_at.astimezone(LONDON))
    entry.add("dtend", event.ends_at.astimezone(LONDON))
    entry.add("summary", one_line(event.title))
    url = f"{site_url()}{event.url}"
    entry.add("description", f"{event.summary}\n\n{url}")
    entry.add("url", url)
    entry.add(
        "location",
        "Online"
        if event.is_online
        else ", ".join(part for part in (one_line(event.venue), one_line(event.address)) if part),
    )
    organiser = vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL}")
    organiser.params["cn"] = vText(one_line(event.organiser))
    entry.add("organizer", organiser)
    entry.add("sequence", event.sequence)
    entry.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    if event.last_published_at:
        entry.add("last-modified", event.last_published_at)
    return entry


def calendar_of(events, name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", one_line(name))
    calendar.add("method", "PUBLISH")
    for event in events:
        calendar.add_component(_component(event))
    calendar.add_missing_timezones()
    return calendar


def _response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_response(event, request):
    """The event's own file; members-only events reach members only (served by the page)."""
    return _response(calendar_of([event], event.title), f"{event.slug}.ics")


def feed_response(events, request, theme=None):
    """Upcoming public events (EventIndexPage.calendar_events), named for the theme if any.

    A feed is read by calendar apps that never sign in, so the events given must be public.
    """
    name = "Network events" if theme is None else f"Network events: {theme.name}"
    return _response(calendar_of(events[:FEED_SIZE], name), "events.ics")
