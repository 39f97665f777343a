from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "network.events"
    label = "events"
    verbose_name = "Events"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from network import digests

        from . import calendar, digest_source

        calendar.connect()
        digests.register_source("events", digest_source.published_between)
