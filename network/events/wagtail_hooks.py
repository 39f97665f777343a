from django.urls import path, reverse
from wagtail import hooks

from network.platform.admin_menu import FacilitatorMenuItem

from .views import EventAttendeesView, attendees_csv


@hooks.register("register_admin_urls")
def event_admin_urls():
    return [
        path("events/attendees/", EventAttendeesView.as_view(), name="event_attendees"),
        path("events/<id:pk>/attendees.csv", attendees_csv, name="event_attendees_csv"),
    ]


@hooks.register("register_admin_menu_item")
def event_attendees_menu_item():
    return FacilitatorMenuItem(
        "Event attendees", reverse("event_attendees"), icon_name="date", order=208
    )
