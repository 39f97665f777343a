from django.apps import AppConfig
from django.db.models.signals import post_migrate


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = "Network"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from network.roles import ensure_roles

        post_migrate.connect(ensure_roles, sender=self, dispatch_uid="network-ensure-roles")

        from network import image_access, private_media

        post_migrate.connect(
            private_media.move_private_files, sender=self, dispatch_uid="network-private-media"
        )
        image_access.connect()

        from network import decisions, following, notices, page_cache
        from network.models import MemberProfile, Region, Sector, Theme

        decisions.connect()
        notices.connect()
        following.register("theme", Theme, "CMHF themes")
        following.register("sector", Sector, "Sectors")
        following.register("region", Region, "Regions")
        following.register("member", MemberProfile, "Members")

        page_cache.connect()

        from network import personal_parts  # noqa: F401  (registers the personal parts)
