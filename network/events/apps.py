from django.apps import AppConfig


def upcoming_events(home_page, request):
    from .models import EventPage

    return list(
        EventPage.objects.visible_to(request.user)
        .filter(cancelled=False)
        .upcoming()
        .for_listing()[:3]
    )


class EventsConfig(AppConfig):
    name = "network.events"
    label = "events"
    verbose_name = "Events"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from network import digests, home

        from . import calendar, digest_source

        calendar.connect()
        home.register("upcoming_events", upcoming_events)
        digests.register_source("events", digest_source.published_between)
