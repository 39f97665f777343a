from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "network.resources"
    label = "resources"
    verbose_name = "Resource library"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from network.notifications import digests
        from network.pages import index_pages

        from . import access, digest_source, signals
        from .models import ResourceIndexPage

        access.connect()
        signals.connect()
        digests.register_source("resources", digest_source.published_between)
        index_pages.register("resources", ResourceIndexPage)
