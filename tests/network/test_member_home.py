"""A member's home at the top of the home page; visitors and applicants see the invitation."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from network.events.models import Enrolment, EnrolmentStatus
from network.models import Follow, Notification, Theme
from tests.factories import EventPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def home_of(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return BeautifulSoup(client.get("/").content, "html.parser")


def test_visitors_and_applicants_are_invited_members_see_their_own_home(home, member):
    for reader in (None, UserFactory()):
        page = home_of(reader)
        assert page.find(id="member-home-heading") is None
        assert "Members can" in page.get_text() or page.find(class_="nhsuk-card--feature")
    page = home_of(member)
    assert page.find(id="member-home-heading").get_text() == "Your network"
    assert page.find(class_="nhsuk-card--feature") is None  # no "Join the network"
    assert "Join the network" not in page.get_text()


def test_a_members_home_shows_follows_submissions_and_places(
    client, blog_index, member, event_index
):
    theme = Theme.objects.get(slug="co-production")
    Follow.objects.create(
        user=member, content_type=ContentType.objects.get_for_model(Theme), object_id=theme.pk
    )
    Notification.objects.create(
        user=member, kind="followed", key="k1", title="New in Co-production: Peer panels", url="/"
    )
    soon = timezone.now() + datetime.timedelta(days=3)
    booked = EventPageFactory(parent=event_index, title="Learning set", starts_at=soon)
    waiting = EventPageFactory(parent=event_index, title="Full meeting", starts_at=soon)
    past = EventPageFactory(
        parent=event_index,
        title="Last month",
        starts_at=timezone.now() - datetime.timedelta(days=30),
        ends_at=timezone.now() - datetime.timedelta(days=30, hours=-1),
    )
    for event, status in ((booked, "enrolled"), (waiting, "waiting"), (past, "enrolled")):
        Enrolment.objects.create(event=event, user=member, status=status)
    members_only = EventPageFactory(
        parent=event_index, title="Members circle", starts_at=soon, audience="members"
    )
    Enrolment.objects.create(event=members_only, user=member, status=EnrolmentStatus.ENROLLED)

    client.force_login(member)
    client.post(
        reverse("share"),
        {
            "title": "Our first peer panel",
            "summary": "What we learnt.",
            "body": "It went well.",
            "themes": [theme.pk],
            "keywords": "",
            "audience": "public",
            "submit": "1",
        },
    )
    section = (
        BeautifulSoup(client.get("/").content, "html.parser")
        .find(id="member-home-heading")
        .find_parent("section")
    )
    text = section.get_text(" ", strip=True)
    assert "New in Co-production: Peer panels" in text
    assert "1 new" in text
    assert "Our first peer panel Awaiting review" in text
    assert "Learning set" in text
    assert "Members circle" in text
    assert "Full meeting" not in text  # a waiting-list spot is not a place
    assert "Last month" not in text

    # Who may see is decided when shown: a member no longer cannot see members-only events.
    member.groups.clear()
    assert home_of(member).find(id="member-home-heading") is None
