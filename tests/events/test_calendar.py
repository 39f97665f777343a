"""iCalendar files and feeds, read back with the icalendar library."""

import datetime

import icalendar
import pytest

from network.events.calendar import uid
from network.models import Theme
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def events_in(response):
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return calendar, list(calendar.walk("VEVENT"))


def test_an_event_file_carries_its_zone_uid_and_sequence(client, event_index):
    event = EventPageFactory(parent=event_index, title="Spring learning set")
    calendar, [entry] = events_in(client.get(event.url + "calendar/"))
    assert str(entry["UID"]) == uid(event) == f"event-{event.pk}@testserver"
    assert entry["SEQUENCE"] == 0
    assert entry["STATUS"] == "CONFIRMED"
    assert entry["SUMMARY"] == "Spring learning set"
    assert entry["DTSTART"].params["TZID"] == "Europe/London"
    assert entry.decoded("DTSTART") == event.starts_at.replace(microsecond=0)
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/London"]


def test_each_published_change_raises_the_sequence_and_cancelling_says_so(client, event_index):
    event = EventPageFactory(parent=event_index)
    event.starts_at += datetime.timedelta(hours=1)
    event.ends_at += datetime.timedelta(hours=1)
    event.save_revision().publish()
    _calendar, [moved] = events_in(client.get(event.url + "calendar/"))
    assert moved["SEQUENCE"] == 1
    event.refresh_from_db()
    event.cancelled = True
    event.save_revision().publish()
    _calendar, [cancelled] = events_in(client.get(event.url + "calendar/"))
    assert cancelled["SEQUENCE"] == 2
    assert cancelled["STATUS"] == "CANCELLED"
    assert str(cancelled["UID"]) == str(moved["UID"])


def test_the_feeds_hold_upcoming_public_events_all_or_by_theme(client, event_index):
    theme = Theme.objects.get(slug="co-production")
    with_theme = EventPageFactory(parent=event_index, taxonomy={"themes": [theme]})
    other = EventPageFactory(parent=event_index)
    EventPageFactory(parent=event_index, audience="members", title="For members")
    past_start = datetime.datetime(2024, 1, 10, 10, tzinfo=datetime.UTC)
    EventPageFactory(
        parent=event_index,
        title="Long ago",
        starts_at=past_start,
        ends_at=past_start + datetime.timedelta(hours=1),
    )
    _calendar, entries = events_in(client.get(event_index.url + "calendar/"))
    assert sorted(str(entry["UID"]) for entry in entries) == sorted([uid(with_theme), uid(other)])
    _calendar, entries = events_in(client.get(f"{event_index.url}themes/co-production/calendar/"))
    assert [str(entry["UID"]) for entry in entries] == [uid(with_theme)]
    assert client.get(f"{event_index.url}themes/no-such-theme/calendar/").status_code == 404


def test_edits_made_from_revisions_keep_raising_the_sequence(client, event_index):
    event = EventPageFactory(parent=event_index)
    for number in range(1, 4):
        edited = event.get_latest_revision_as_object()  # as the admin editor builds it
        edited.summary = f"Edited {number} times."
        edited.save_revision().publish()
        _calendar, [entry] = events_in(client.get(event.url + "calendar/"))
        assert entry["SEQUENCE"] == number
    assert entry["ORGANIZER"] == "mailto:network@localhost"
    assert entry["ORGANIZER"].params["CN"] == "Network facilitators"


def test_members_only_event_images_are_not_for_visitors(event_index):
    from django.contrib.auth.models import AnonymousUser

    from tests.factories import member_user

    event = EventPageFactory(parent=event_index, audience="members")
    assert not event.is_visible_to(AnonymousUser())
    assert event.is_visible_to(member_user())


def test_a_members_only_events_calendar_file_is_refused_to_visitors(client, event_index):
    from tests.factories import member_user

    event = EventPageFactory(parent=event_index, audience="members", title="Closed set")
    for url in (event.url, event.url + "calendar/"):
        response = client.get(url)
        assert response.status_code == 403, url
        assert b"Closed set" not in response.content
    client.force_login(member_user())
    assert client.get(event.url + "calendar/").status_code == 200


def test_a_title_typed_with_a_line_break_is_saved_on_one_line(client, event_index):
    event = EventPageFactory(parent=event_index, title="Spring learning\nset")

    event.refresh_from_db()
    assert event.title == "Spring learning set"
    _calendar, [entry] = events_in(client.get(event.url + "calendar/"))
    assert entry["SUMMARY"] == "Spring learning set"


def test_a_term_name_typed_with_a_line_break_is_saved_on_one_line(client, event_index):
    theme = Theme.objects.create(name="Night\r\nsupport", slug="night-support")

    theme.refresh_from_db()
    assert theme.name == "Night support"
    EventPageFactory(parent=event_index, taxonomy={"themes": [theme]})
    calendar, [_entry] = events_in(client.get(f"{event_index.url}themes/night-support/calendar/"))
    assert calendar["X-WR-CALNAME"] == "Network events: Night support"


def test_the_calendar_writes_one_line_whatever_the_database_holds(client, event_index):
    """Rows changed without a save (a bulk update) still make a file calendars can read."""
    event = EventPageFactory(parent=event_index)
    type(event).objects.filter(pk=event.pk).update(
        title="Two\nlines", organiser="Network\r\nfacilitators", venue="Room\n1"
    )

    _calendar, [entry] = events_in(client.get(event.url + "calendar/"))

    assert entry["SUMMARY"] == "Two lines"
    assert entry["ORGANIZER"].params["CN"] == "Network facilitators"


@pytest.mark.parametrize("pk", [2**63, 10**30])
def test_an_absurd_event_id_in_the_attendee_list_is_not_found(facilitator_client, home, pk):
    response = facilitator_client.get(f"/admin/events/{pk}/attendees.csv", follow=True)

    assert response.status_code == 404
