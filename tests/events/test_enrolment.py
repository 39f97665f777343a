"""Places, the waiting list, reminders and the attendee list."""

import csv
import datetime
import io
import threading

import pytest
from django.core import mail
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from network.events.enrolment import EnrolmentError, cancel, enrol
from network.events.models import Enrolment, EnrolmentStatus
from network.events.reminders import send_reminders
from network.models import MemberProfile
from tests.factories import EventPageFactory, UserFactory, member_user
from tests.services import require

pytestmark = pytest.mark.django_db


def statuses(event):
    return list(event.enrolments.order_by("queued_at", "pk").values_list("user__email", "status"))


def test_a_full_event_puts_members_on_a_waiting_list_in_order(event_index):
    event = EventPageFactory(parent=event_index, capacity=2)
    people = [member_user(email=f"m{n}@example.org") for n in range(4)]
    mail.outbox.clear()
    for person in people:
        enrol(person, event)
    assert statuses(event) == [
        ("m0@example.org", "enrolled"),
        ("m1@example.org", "enrolled"),
        ("m2@example.org", "waiting"),
        ("m3@example.org", "waiting"),
    ]
    assert [m.subject for m in mail.outbox][-1].endswith(
        f"You are on the waiting list for “{event.title}”"
    )

    mail.outbox.clear()
    cancel(people[0], event)
    assert dict(statuses(event))["m2@example.org"] == "enrolled"
    assert dict(statuses(event))["m3@example.org"] == "waiting"
    assert sorted((m.to[0], m.subject.split("] ")[1]) for m in mail.outbox) == [
        ("m0@example.org", f"You have cancelled your place at “{event.title}”"),
        ("m2@example.org", f"A place has come up for you at “{event.title}”"),
    ]


def test_members_enrol_and_cancel_from_the_page(member_client, member, event_index):
    event = EventPageFactory(parent=event_index, capacity=1)
    html = member_client.get(event.url).content.decode()
    assert "Book a place" in html
    response = member_client.post(reverse("event-enrol", args=[event.pk]))
    assert response.status_code == 302
    html = member_client.get(response["Location"]).content.decode()
    assert "You have a place" in html
    assert "Cancel my place" in html

    other = Client()
    waiting = member_user()
    other.force_login(waiting)
    assert "Join the waiting list" in other.get(event.url).content.decode()
    other.post(reverse("event-enrol", args=[event.pk]))
    html = other.get(event.url).content.decode()
    assert "You are number 1 on the waiting list" in html
    assert "Add to your calendar" not in html  # no place yet: nothing to put in a diary
    assert "once you have a place" in html

    member_client.post(reverse("event-cancel", args=[event.pk]))
    html = other.get(event.url).content.decode()
    assert "You have a place" in html
    assert "Add to your calendar" in html


def test_visitors_applicants_closed_and_cancelled_events_are_refused(client, event_index):
    open_event = EventPageFactory(parent=event_index)
    assert "Sign in" in client.get(open_event.url).content.decode()
    response = client.post(reverse("event-enrol", args=[open_event.pk]))
    assert reverse("account_login") in response["Location"]
    applicant = UserFactory()
    with pytest.raises(EnrolmentError, match="Only network members"):
        enrol(applicant, open_event)

    member = member_user()
    closed = EventPageFactory(
        parent=event_index,
        enrolment_closes_at=timezone.now() - datetime.timedelta(minutes=1),
    )
    with pytest.raises(EnrolmentError, match="closed"):
        enrol(member, closed)
    off = EventPageFactory(parent=event_index, cancelled=True)
    with pytest.raises(EnrolmentError, match="cancelled"):
        enrol(member, off)
    client.force_login(member)
    response = client.post(reverse("event-enrol", args=[closed.pk]), follow=True)
    assert "Enrolment for this event has closed." in response.content.decode()
    assert not Enrolment.objects.exists()
    assert client.get(reverse("event-enrol", args=[closed.pk])).status_code == 405


def test_reminders_go_once_to_members_with_a_place(event_index):
    soon = EventPageFactory(
        parent=event_index,
        starts_at=timezone.now() + datetime.timedelta(hours=20),
        ends_at=timezone.now() + datetime.timedelta(hours=21),
        capacity=1,
    )
    later = EventPageFactory(parent=event_index)
    placed, waiting = member_user(email="placed@example.org"), member_user()
    enrol(placed, soon)
    enrol(waiting, soon)
    enrol(placed, later)
    mail.outbox.clear()
    assert send_reminders() == 1
    assert send_reminders() == 0
    [reminder] = mail.outbox
    assert reminder.to == ["placed@example.org"]
    assert "is tomorrow" in reminder.body
    assert "https://meet.example.org/network" in reminder.body


def test_facilitators_download_the_attendee_list(client, facilitator, member, event_index):
    event = EventPageFactory(parent=event_index, capacity=1)
    MemberProfile.objects.create(user=member, name="=HYPERLINK(1)", organisation="Mind")
    enrol(member, event)
    enrol(member_user(email="next@example.org"), event)
    client.force_login(member)
    assert client.get(reverse("event_attendees_csv", args=[event.pk])).status_code == 403
    client.force_login(facilitator)
    assert event.title in client.get(reverse("event_attendees")).content.decode()
    response = client.get(reverse("event_attendees_csv", args=[event.pk]))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Name", "Email", "Organisation", "Status", "Since"]
    assert rows[1][:4] == ["'=HYPERLINK(1)", member.email, "Mind", "Has a place"]
    assert rows[2][1:4] == ["next@example.org", "", "On the waiting list"]


ENROLLING = 20


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_members_enrolling_at_once_never_overfill_the_event(event_index):
    require(connection.vendor == "postgresql", "concurrent writers need PostgreSQL")
    event = EventPageFactory(parent=event_index, capacity=5)
    people = [member_user() for _ in range(ENROLLING)]
    start = threading.Barrier(ENROLLING)
    answers = {}

    def book(person):
        client = Client()
        client.force_login(person)
        start.wait()
        try:
            answers[person.pk] = client.post(reverse("event-enrol", args=[event.pk])).status_code
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert answers == dict.fromkeys((person.pk for person in people), 302)
    counts = {
        status: event.enrolments.filter(status=status).count()
        for status in (EnrolmentStatus.ENROLLED, EnrolmentStatus.WAITING)
    }
    assert counts == {EnrolmentStatus.ENROLLED: 5, EnrolmentStatus.WAITING: 15}
    # Everyone leaving frees places in waiting-list order until no one is left waiting.
    order = list(
        event.enrolments.filter(status=EnrolmentStatus.WAITING)
        .order_by("queued_at", "pk")
        .values_list("user_id", flat=True)
    )
    for enrolment in list(event.enrolments.filter(status=EnrolmentStatus.ENROLLED)):
        cancel(enrolment.user, event)
    promoted = set(
        event.enrolments.filter(status=EnrolmentStatus.ENROLLED).values_list("user_id", flat=True)
    )
    assert promoted == set(order[:5])


def test_bookings_are_in_the_members_data_download(member_client, member, event_index):
    event = EventPageFactory(parent=event_index, title="Spring network meeting")
    enrol(member, event)
    data = member_client.get(reverse("my-data-download")).json()
    assert [(row["event"], row["status"]) for row in data["event_enrolments"]] == [
        ("Spring network meeting", "enrolled")
    ]


def test_more_places_go_to_those_waiting_before_anyone_new(event_index):
    event = EventPageFactory(parent=event_index, capacity=1)
    first, second, third = (member_user(email=f"w{n}@example.org") for n in range(3))
    for person in (first, second, third):
        enrol(person, event)
    revision = event.get_latest_revision_as_object()
    revision.capacity = 2
    revision.save_revision().publish()
    assert dict(statuses(event))["w1@example.org"] == "enrolled"
    newcomer = member_user(email="new@example.org")
    enrol(newcomer, event)  # one place was freed for w2 by nobody: w2 still waits first
    assert dict(statuses(event))["new@example.org"] == "waiting"
    revision = event.get_latest_revision_as_object()
    revision.capacity = None
    revision.save_revision().publish()
    assert {status for _email, status in statuses(event)} == {"enrolled"}


def test_calling_an_event_off_tells_everyone_booked_or_waiting(event_index):
    event = EventPageFactory(parent=event_index, capacity=1)
    booked, waiting = member_user(email="b@example.org"), member_user(email="w@example.org")
    enrol(booked, event)
    enrol(waiting, event)
    mail.outbox.clear()
    revision = event.get_latest_revision_as_object()
    revision.cancelled = True
    revision.save_revision().publish()
    assert sorted(m.to[0] for m in mail.outbox) == ["b@example.org", "w@example.org"]
    assert all("has been cancelled" in m.body for m in mail.outbox)
    assert {status for _email, status in statuses(event)} == {"cancelled"}
    with pytest.raises(EnrolmentError, match="cancelled"):
        enrol(member_user(), event)


def test_booking_again_does_not_repeat_the_reminder(event_index):
    event = EventPageFactory(
        parent=event_index,
        starts_at=timezone.now() + datetime.timedelta(hours=5),
        ends_at=timezone.now() + datetime.timedelta(hours=6),
    )
    member = member_user()
    enrol(member, event)
    assert send_reminders() == 1
    cancel(member, event)
    enrol(member, event)
    assert send_reminders() == 0


def test_a_preview_of_an_unsaved_event_shows_no_booking(event_index):
    from network.events.models import EventPage

    assert EventPage(capacity=10).place_standing(member_user()) == {
        "places_taken": 0,
        "places_left": 10,
        "can_enrol": False,
    }


def _lose_membership(user, how):
    """A member removed from the network, or whose account was switched off."""
    if how == "former member":
        user.groups.clear()
    else:
        user.is_active = False
        user.save(update_fields=["is_active"])


LEFT = ["former member", "inactive account"]


@pytest.mark.parametrize("how", LEFT)
def test_a_place_held_by_someone_who_left_gets_no_reminder(event_index, how):
    soon = EventPageFactory(
        parent=event_index,
        audience="members",
        starts_at=timezone.now() + datetime.timedelta(hours=20),
        ends_at=timezone.now() + datetime.timedelta(hours=21),
    )
    stays, leaves = member_user(email="stays@example.org"), member_user()
    enrol(stays, soon)
    enrol(leaves, soon)
    _lose_membership(leaves, how)
    mail.outbox.clear()

    assert send_reminders() == 1
    assert [message.to for message in mail.outbox] == [["stays@example.org"]]


@pytest.mark.parametrize("how", LEFT)
def test_the_waiting_list_passes_over_someone_who_left(event_index, how):
    event = EventPageFactory(parent=event_index, audience="members", capacity=1)
    placed, gone, next_in_line = member_user(), member_user(), member_user(email="next@example.org")
    enrol(placed, event)
    enrol(gone, event)
    enrol(next_in_line, event)
    _lose_membership(gone, how)
    mail.outbox.clear()

    cancel(placed, event)

    assert Enrolment.objects.get(event=event, user=gone).status == EnrolmentStatus.WAITING
    assert Enrolment.objects.get(event=event, user=next_in_line).status == EnrolmentStatus.ENROLLED
    assert all(message.to != [gone.email] for message in mail.outbox)


def test_a_public_online_event_hides_its_joining_link_from_a_former_member(client, event_index):
    event = EventPageFactory(parent=event_index, format="online")
    former = member_user()
    enrol(former, event)
    client.force_login(former)
    assert "https://meet.example.org/network" in client.get(event.url).content.decode()

    former.groups.clear()

    assert "https://meet.example.org/network" not in client.get(event.url).content.decode()
