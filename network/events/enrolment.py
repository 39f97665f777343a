"""Places at events: enrolling, the waiting list, and cancelling.

Every change to an event's places happens under a lock on the event's row, so members
enrolling at the same moment are counted one after another: the event never goes over
capacity, and each member who misses a place is on the waiting list in the order they
asked. When a place frees, the first member waiting gets it and an email to say so.

This module makes the changes, so it depends on the models and not the other way round:
what the event page shows about places only reads them (EventPage.place_standing).
"""

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from network.notifications.emails import notify
from network.platform.content_versions import invalidate
from network.platform.membership import is_member

from .models import Enrolment, EnrolmentStatus, EventPage


class EnrolmentError(Exception):
    """Why a member cannot enrol or cancel now, in words for the member."""


def _locked(event):
    """The event, re-read with its row locked until the transaction ends."""
    Page.objects.select_for_update().filter(pk=event.pk).first()
    return EventPage.objects.get(pk=event.pk)


def _tell(user, event, subject, template, **context):
    notify(
        [user.email],
        subject,
        template,
        title=event.title,
        url=event.get_url(),
        when=_when(event),
        **context,
    )


def _when(event):
    from django.utils.formats import date_format

    start = timezone.localtime(event.starts_at)
    end = timezone.localtime(event.ends_at)
    return f"{date_format(start, 'l j F Y, H:i')} to {date_format(end, 'H:i')} (UK time)"


@transaction.atomic
def enrol(user, event, now=None):
    """A place if one is free, else the end of the waiting list; the Enrolment either way."""
    event = _locked(event)
    if not is_member(user):
        raise EnrolmentError("Only network members can enrol on events.")
    if event.cancelled:
        raise EnrolmentError("This event has been cancelled.")
    if not event.is_open_for_enrolment(now):
        raise EnrolmentError("Enrolment for this event has closed.")
    enrolment = Enrolment.objects.filter(event=event, user=user).first()
    if enrolment and enrolment.status != EnrolmentStatus.CANCELLED:
        return enrolment
    # Anyone already waiting is ahead of a newcomer, even if a place has just come free.
    waiting = event.enrolments.filter(status=EnrolmentStatus.WAITING).exists()
    full = event.capacity is not None and (waiting or event.places_taken() >= event.capacity)
    status = EnrolmentStatus.WAITING if full else EnrolmentStatus.ENROLLED
    if enrolment is None:
        enrolment = Enrolment(event=event, user=user)
    enrolment.status = status
    enrolment.queued_at = timezone.now()
    enrolment.save()
    transaction.on_commit(invalidate)  # visitors' cached page shows the places left
    if full:
        _tell(user, event, f"You are on the waiting list for “{event.title}”", "event_waiting")
    else:
        _tell(
            user,
            event,
            f"You have a place at “{event.title}”",
            "event_place",
            calendar_url=event.url + "calendar/",
        )
    return enrolment


@transaction.atomic
def cancel(user, event):
    """Give up a place or leave the waiting list; a freed place goes to the first waiting."""
    event = _locked(event)
    enrolment = Enrolment.objects.filter(
        event=event, user=user, status__in=[EnrolmentStatus.ENROLLED, EnrolmentStatus.WAITING]
    ).first()
    if enrolment is None:
        raise EnrolmentError("You are not enrolled on this event.")
    had_place = enrolment.status == EnrolmentStatus.ENROLLED
    enrolment.status = EnrolmentStatus.CANCELLED
    enrolment.save(update_fields=["status"])
    transaction.on_commit(invalidate)
    _tell(user, event, f"You have cancelled your place at “{event.title}”", "event_cancelled")
    if had_place and not event.cancelled and not event.is_over():
        promote(event)
    return enrolment


def promote(event):
    """Move members up from the waiting list while places are free (under the event lock)."""
    moved = []
    while event.capacity is None or event.places_taken() < event.capacity:
        # Someone whose membership has ended stays on the list but is passed over.
        first = (
            event.enrolments.filter(status=EnrolmentStatus.WAITING)
            .of_current_members()
            .select_related("user")
            .order_by("queued_at", "pk")
            .first()
        )
        if first is None:
            break
        first.status = EnrolmentStatus.ENROLLED
        first.save(update_fields=["status"])
        _tell(
            first.user,
            event,
            f"A place has come up for you at “{event.title}”",
            "event_place",
            calendar_url=event.url + "calendar/",
            moved_up=True,
        )
        moved.append(first)
    return moved


@transaction.atomic
def after_publish(event):
    """A published change: more places go to those waiting; a cancellation tells everyone."""
    event = _locked(event)
    if event.cancelled:
        told = event.enrolments.filter(
            status__in=[EnrolmentStatus.ENROLLED, EnrolmentStatus.WAITING]
        ).select_related("user")
        for enrolment in told:
            enrolment.status = EnrolmentStatus.CANCELLED
            enrolment.save(update_fields=["status"])
            _tell(enrolment.user, event, f"Cancelled: “{event.title}”", "event_called_off")
        return
    if not event.is_over():
        promote(event)
