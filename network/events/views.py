"""Enrolling and cancelling from an event's page, and the attendee list for facilitators."""

import csv

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from network.platform.busy import BUSY_MESSAGE, is_busy
from network.platform.facilitator_screens import FacilitatorScreen
from network.platform.membership import member_required

from .enrolment import EnrolmentError, cancel, enrol
from .models import Enrolment, EnrolmentStatus, EventPage

REFUSAL = "Events are for network members. Apply to join to enrol."


def _event(request, pk):
    return get_object_or_404(EventPage.objects.visible_to(request.user), pk=pk)


def _change_places(request, pk, change, said):
    """Run an enrolment change and say what happened, or why it could not be done."""
    event = _event(request, pk)
    try:
        result = change(request.user, event)
    except EnrolmentError as error:
        messages.error(request, str(error))
    except Exception as error:
        if not is_busy(error):
            raise
        messages.error(request, BUSY_MESSAGE)
    else:
        messages.success(request, said(result))
    return redirect(event.url)


def _booked(enrolment):
    if enrolment.status == EnrolmentStatus.ENROLLED:
        return "You have a place. We have emailed you the details."
    return (
        "The event is full, so you are on the waiting list. We will email you if a place comes up."
    )


@require_POST
@member_required(REFUSAL)
def enrol_view(request, pk):
    return _change_places(request, pk, enrol, _booked)


@require_POST
@member_required(REFUSAL)
def cancel_view(request, pk):
    return _change_places(
        request, pk, cancel, lambda _enrolment: "You are no longer enrolled on this event."
    )


class EventAttendeesView(FacilitatorScreen):
    template_name = "events/admin/attendees.html"
    page_title = "Event attendees"
    header_icon = "date"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        events = EventPage.objects.live().order_by("-starts_at")
        places = {}
        for event_id, status in Enrolment.objects.exclude(
            status=EnrolmentStatus.CANCELLED
        ).values_list("event_id", "status"):
            counts = places.setdefault(event_id, {"enrolled": 0, "waiting": 0})
            counts["enrolled" if status == EnrolmentStatus.ENROLLED else "waiting"] += 1
        context["events"] = [
            {"event": event, "upcoming": event.ends_at >= now, **places.get(event.pk, {})}
            for event in events[:200]
        ]
        return context


def attendees_csv(request, pk):
    """One row per member enrolled or waiting, for the organiser's register."""
    from network.platform.membership import is_facilitator

    if not is_facilitator(request.user):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    event = get_object_or_404(EventPage, pk=pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-attendees.csv"'
    writer = csv.writer(response)
    writer.writerow(["Name", "Email", "Organisation", "Status", "Since"])
    enrolments = (
        event.enrolments.exclude(status=EnrolmentStatus.CANCELLED)
        .select_related("user__profile")
        .order_by("status", "queued_at", "pk")
    )
    for enrolment in enrolments:
        profile = getattr(enrolment.user, "profile", None)
        name = profile.name if profile else enrolment.user.get_full_name()
        writer.writerow(
            [
                _cell(name or enrolment.user.email),
                _cell(enrolment.user.email),
                _cell(profile.organisation if profile else ""),
                enrolment.get_status_display(),
                timezone.localtime(enrolment.queued_at).strftime("%Y-%m-%d %H:%M"),
            ]
        )
    return response


def _cell(value):
    """Text as a spreadsheet shows it, never as a formula (CSV injection)."""
    value = str(value)
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
