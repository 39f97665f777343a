from django.urls import path

from . import views

# Beside the events' own pages, which Wagtail serves under the events index.
urlpatterns = [
    path("events/<id:pk>/enrol/", views.enrol_view, name="event-enrol"),
    path("events/<id:pk>/cancel/", views.cancel_view, name="event-cancel"),
]
