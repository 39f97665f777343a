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
        from wagtail.signals import page_published

        from network.notifications import digests
        from network.pages import home, index_pages

        from . import signals
        from .models import EventIndexPage, EventPage

        page_published.connect(
            signals.on_event_published, sender=EventPage, dispatch_uid="events-sequence"
        )
        home.register("upcoming_events", upcoming_events)
        index_pages.register("events", EventIndexPage)
        digests.register_source("events", EventPage.objects.published_between)
