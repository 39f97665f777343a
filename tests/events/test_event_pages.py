"""Event pages and the events listing: times in UK time, who sees what, and the filters."""

import datetime
import json
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from network.events.models import EventPage
from network.models import Theme
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def at_london(year, month, day, hour):
    return datetime.datetime(year, month, day, hour, 0, tzinfo=LONDON)


def test_ten_oclock_is_ten_oclock_either_side_of_the_clock_change(client, event_index):
    spring = EventPageFactory(
        parent=event_index,
        title="Spring learning set",
        starts_at=at_london(2027, 3, 30, 10),
        ends_at=at_london(2027, 3, 30, 12),
    )
    autumn = EventPageFactory(
        parent=event_index,
        title="Autumn learning set",
        starts_at=at_london(2027, 11, 9, 10),
        ends_at=at_london(2027, 11, 9, 12),
    )
    spring.refresh_from_db()
    autumn.refresh_from_db()
    # Stored in UTC: British Summer Time is an hour ahead in March, not in November.
    assert spring.starts_at.astimezone(datetime.UTC).hour == 9
    assert autumn.starts_at.astimezone(datetime.UTC).hour == 10
    for event in (spring, autumn):
        html = client.get(event.url).content.decode()
        assert ", 10:00</time> to" in html
        assert ">12:00</time> (UK time)" in html


def test_the_listing_puts_upcoming_events_first_and_past_ones_below(client, event_index):
    now = timezone.now()
    EventPageFactory(
        parent=event_index,
        title="Last month",
        starts_at=now - datetime.timedelta(days=30),
        ends_at=now - datetime.timedelta(days=30, hours=-1),
    )
    EventPageFactory(
        parent=event_index,
        title="Next month",
        starts_at=now + datetime.timedelta(days=30),
        ends_at=now + datetime.timedelta(days=30, hours=1),
    )
    EventPageFactory(
        parent=event_index,
        title="Next week",
        starts_at=now + datetime.timedelta(days=7),
        ends_at=now + datetime.timedelta(days=7, hours=1),
    )
    html = client.get(event_index.url).content.decode()
    assert html.index("Next week") < html.index("Next month") < html.index("Past events")
    assert html.index("Past events") < html.index("Last month")
    assert "2 upcoming events" in html


def test_filters_by_theme_and_by_online_or_in_person(client, event_index):
    theme = Theme.objects.get(slug="co-production")
    EventPageFactory(parent=event_index, title="Online co-production", taxonomy={"themes": [theme]})
    EventPageFactory(
        parent=event_index, title="In the town hall", format="in-person", venue="Town hall"
    )
    html = client.get(event_index.url, {"theme": "co-production"}).content.decode()
    assert "Online co-production" in html
    assert "In the town hall" not in html
    html = client.get(event_index.url, {"format": "in-person", "nonsense": "x"}).content.decode()
    assert "In the town hall" in html
    assert "Online co-production" not in html


def test_members_only_events_stay_out_of_every_visitor_channel(client, member_client, event_index):
    secret = EventPageFactory(parent=event_index, title="Members learning set", audience="members")
    from django.test import Client

    visitor = Client()
    assert "Members learning set" not in visitor.get(event_index.url).content.decode()
    response = visitor.get(secret.url)
    assert response.status_code == 403
    assert "Members learning set" not in response.content.decode()
    assert visitor.get(secret.url + "calendar/").status_code == 403
    assert b"Members learning set" not in visitor.get(event_index.url + "calendar/").content
    sitemap = ET.fromstring(visitor.get("/sitemap.xml").content)  # noqa: S314 - our own
    assert not any(secret.url in (loc.text or "") for loc in sitemap.iter())
    assert "Members learning set" in member_client.get(event_index.url).content.decode()
    assert member_client.get(secret.url).status_code == 200


def sharing(response):
    """The page's og:type and its JSON-LD, as a link preview or search engine reads them."""
    page = BeautifulSoup(response.content.decode(), "html.parser")
    scripts = page.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return page.find("meta", attrs={"property": "og:type"})["content"], json.loads(
        scripts[0].string
    )


def test_an_event_tells_search_engines_when_and_where_it_is_and_who_runs_it(
    client, member, event_index
):
    from network.events.enrolment import enrol

    online = EventPageFactory(
        parent=event_index,
        title="Learning set on self-referral",
        summary="How three teams took self-referrals without a GP appointment.",
        organiser="Northvale PCN",
        starts_at=at_london(2027, 3, 30, 10),
        ends_at=at_london(2027, 3, 30, 12),
        joining_link="https://meet.example.org/secret",
    )
    in_person = EventPageFactory(
        parent=event_index,
        format="in-person",
        venue="Northvale town hall",
        address="1 Market Street\nNorthvale\n",
        joining_link="",
        cancelled=True,
        starts_at=at_london(2027, 11, 9, 10),
        ends_at=at_london(2027, 11, 9, 12),
    )

    og_type, data = sharing(client.get(online.url))

    assert og_type == "article"
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "Learning set on self-referral"
    assert data["description"] == "How three teams took self-referrals without a GP appointment."
    assert data["startDate"] == "2027-03-30T10:00:00+01:00"
    assert data["endDate"] == "2027-03-30T12:00:00+01:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": f"http://testserver{online.url}"}
    assert data["organizer"] == {"@type": "Organization", "name": "Northvale PCN"}
    assert data["url"] == f"http://testserver{online.url}"
    # Not even for a member with a place, whose page shows the link.
    enrol(member, online)
    client.force_login(member)
    response = client.get(online.url)
    assert "meet.example.org/secret" in response.content.decode()
    assert "meet.example.org" not in json.dumps(sharing(response)[1])
    client.logout()

    og_type, data = sharing(client.get(in_person.url))

    assert og_type == "article"
    assert data["startDate"] == "2027-11-09T10:00:00+00:00"
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"] == {
        "@type": "Place",
        "name": "Northvale town hall",
        "address": "1 Market Street, Northvale",
    }


def test_the_joining_link_is_shown_only_to_members_with_a_place(
    client, member, member_client, event_index
):
    from network.events.enrolment import enrol

    event = EventPageFactory(parent=event_index, joining_link="https://meet.example.org/secret")
    assert "meet.example.org/secret" not in client.get(event.url).content.decode()
    assert "meet.example.org/secret" not in member_client.get(event.url).content.decode()
    enrol(member, event)
    html = member_client.get(event.url).content.decode()
    assert 'href="https://meet.example.org/secret"' in html
    assert "You have a place" in html


def test_an_event_must_end_after_it_starts_and_say_where_it_is(event_index):
    from django.core.exceptions import ValidationError

    start = timezone.now() + datetime.timedelta(days=3)
    event = EventPage(
        title="Backwards",
        slug="backwards",
        summary="x",
        description="<p>x</p>",
        kind="workshop",
        format="in-person",
        organiser="Facilitators",
        starts_at=start,
        ends_at=start - datetime.timedelta(hours=1),
    )
    with pytest.raises(ValidationError) as raised:
        event.clean()
    assert set(raised.value.message_dict) == {"ends_at", "venue"}


def test_events_reach_followers_and_the_home_page_lists_nothing_it_should_not(
    event_index, member, django_capture_on_commit_callbacks
):
    from network.models import Notification
    from network.notifications import following

    theme = Theme.objects.get(slug="co-production")
    following.follow(member, theme)
    with django_capture_on_commit_callbacks(execute=True):
        event = EventPageFactory(parent=event_index, taxonomy={"themes": [theme]})
    assert Notification.objects.get(user=member).url == event.url


def test_theme_and_sector_pages_show_what_is_coming_up(client, event_index):
    theme = Theme.objects.get(slug="co-production")
    EventPageFactory(parent=event_index, title="Co-production clinic", taxonomy={"themes": [theme]})
    EventPageFactory(parent=event_index, title="Unrelated", taxonomy={})
    EventPageFactory(
        parent=event_index,
        title="Members clinic",
        audience="members",
        taxonomy={"themes": [theme]},
    )
    html = client.get(theme.get_absolute_url()).content.decode()
    assert "Coming up" in html
    assert "Co-production clinic" in html
    assert "Unrelated" not in html
    assert "Members clinic" not in html
    assert f"{event_index.url}themes/co-production/calendar/" in html
