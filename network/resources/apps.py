from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "network.resources"
    label = "resources"
    verbose_name = "Resource library"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from network.notifications import digests
        from network.pages import index_pages

        from . import access, signals
        from .models import ResourceIndexPage, ResourcePage

        access.connect()
        signals.connect()
        digests.register_source("resources", ResourcePage.objects.published_between)
        index_pages.register("resources", ResourceIndexPage)
