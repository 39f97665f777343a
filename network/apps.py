from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_save
from django.urls import register_converter

from network.platform.form_fields import IdConverter
from network.text.lines import fields_on_one_line


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = "Network"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Ids in addresses are bounded, so an absurd one is "not found" rather than a server
        # error; registered before any URLconf (the admin's hooks included) is read.
        register_converter(IdConverter, "id")

        from network.moderation.roles import ensure_roles

        post_migrate.connect(ensure_roles, sender=self, dispatch_uid="network-ensure-roles")

        from network.media import image_access, private_media

        post_migrate.connect(
            private_media.move_private_files, sender=self, dispatch_uid="network-private-media"
        )
        image_access.connect()

        from network.models import MemberProfile, Region, Sector, Theme
        from network.moderation import decisions
        from network.notifications import following, notices
        from network.platform import content_versions

        decisions.connect()
        notices.connect()
        following.register("theme", Theme, "CMHF themes")
        following.register("sector", Sector, "Sectors")
        following.register("region", Region, "Regions")
        following.register("member", MemberProfile, "Members")

        content_versions.connect()
        _watch_content()
        _keep_titles_on_one_line()

        from network.caching import (
            personal,
            personal_parts,  # noqa: F401  (registers the personal parts)
        )

        personal.part_at("member_home", "network.site.member_home.member_home")


def _watch_content():
    """What shows on the network's pages, so that changing it invalidates the page cache.

    Each page type sends its own signals (a reflection's save is not a Page's), so every
    page model is named, as are the models whose states show in the review queue.
    """
    from django.apps import apps
    from wagtail.models import (
        Page,
        PageViewRestriction,
        Site,
        TaskState,
        WorkflowState,
        get_page_models,
    )

    from network.models import CareLevel, Comment, MemberProfile, Region, Sector, Theme
    from network.platform import content_versions

    content_versions.watch(
        *{Page, *get_page_models()},
        PageViewRestriction,  # saved without the page when its privacy changes
        Site,
        Theme,
        Sector,
        Region,
        CareLevel,
        MemberProfile,
        Comment,
    )
    content_versions.watch_reviews(
        *(model for model in apps.get_models() if issubclass(model, (WorkflowState, TaskState)))
    )


_page_titles_on_one_line = fields_on_one_line("title", "draft_title", "seo_title")
_term_names_on_one_line = fields_on_one_line("name")


def _keep_titles_on_one_line():
    """Titles and term names reach email subjects, listings and calendar files."""
    from wagtail.models import Page, get_page_models

    from network.models import CareLevel, Region, Sector, Theme

    for model in {Page, *get_page_models()}:
        pre_save.connect(
            _page_titles_on_one_line,
            sender=model,
            dispatch_uid=f"one-line-title-{model._meta.label_lower}",
        )
    for model in (Theme, Sector, Region, CareLevel):
        pre_save.connect(
            _term_names_on_one_line,
            sender=model,
            dispatch_uid=f"one-line-name-{model._meta.label_lower}",
        )
