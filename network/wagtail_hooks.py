"""Admin for facilitators: the Taxonomy menu, member profiles, contact messages and dashboard
panels."""

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from network.members.application_views import ApplicationIndexView, InvitationView
from network.models import CareLevel, ContactMessage, MemberProfile, Region, Sector, Theme
from network.moderation import registry as reviewed
from network.moderation.queue_views import (
    CommentDecisionView,
    ModerationQueueView,
    ReportDecisionView,
)
from network.moderation.roles import assign_facilitator_review
from network.platform.admin_menu import FacilitatorMenuItem
from network.platform.membership import is_facilitator
from network.site.dashboard_panels import (
    REVIEW_QUEUE_ORDER,
    REVIEW_QUEUE_PANEL,
    CoverageGridPanel,
    FailedEmailsPanel,
    InterestPanel,
    ModerationPanel,
    PendingApplicationsPanel,
    ReviewDuePanel,
)


class TermViewSet(SnippetViewSet):
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class SectorViewSet(TermViewSet):
    model = Sector
    icon = "group"


class ThemeViewSet(TermViewSet):
    model = Theme
    icon = "tag"


class RegionViewSet(TermViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "slug", "in_framework", "sort_order"]


class CareLevelViewSet(SnippetViewSet):
    model = CareLevel
    icon = "list-ol"
    list_display = ["name", "slug", "sort_order"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = "Taxonomy"
    menu_icon = "tag"
    menu_order = 200
    items = (ThemeViewSet, SectorViewSet, RegionViewSet, CareLevelViewSet)


class MemberProfileViewSet(SnippetViewSet):
    model = MemberProfile
    icon = "user"
    menu_label = "Member profiles"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "organisation", "sector", "region", "visibility"]
    list_filter = ["visibility", "sector", "region"]
    search_fields = ["name", "organisation", "role"]


class ContactMessageViewSet(SnippetViewSet):
    """Messages from the contact form: read here, marked when dealt with, never rewritten."""

    model = ContactMessage
    icon = "mail"
    menu_label = "Contact messages"
    menu_order = 207
    add_to_admin_menu = True
    list_display = ["name", "topic", "email", "created_at", "dealt_with"]
    list_filter = ["topic", "dealt_with"]
    search_fields = ["name", "email", "message"]
    ordering = ["dealt_with", "-created_at"]
    panels = [
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("topic", read_only=True),
        FieldPanel("message", read_only=True),
        FieldPanel("dealt_with"),
    ]


register_snippet(TaxonomyGroup)
register_snippet(MemberProfileViewSet)
register_snippet(ContactMessageViewSet)


@hooks.register("construct_homepage_panels")
def add_facilitator_panels(request, panels):
    if is_facilitator(request.user):
        for panel in panels:
            if getattr(panel, "name", None) == REVIEW_QUEUE_PANEL:
                panel.order = REVIEW_QUEUE_ORDER
        panels.append(FailedEmailsPanel())
        panels.append(PendingApplicationsPanel())
        panels.append(ModerationPanel())
        panels.append(CoverageGridPanel())
        panels.append(InterestPanel())
        panels.append(ReviewDuePanel())


@hooks.register("register_admin_viewset")
def reviewed_page_viewsets():
    """Reviewed pages (posts, case studies) end their decisions on the dashboard queue
    rather than in the page explorer."""
    from network.moderation.review_views import ReviewedPageViewSet

    return [
        ReviewedPageViewSet(f"reviewed_{name}_pages", model=model, icon="doc-full")
        for name, model in reviewed.page_models().items()
    ]


@hooks.register("after_create_page")
def review_new_sections(request, page):
    if isinstance(page.specific, reviewed.section_models()):
        assign_facilitator_review(page)


@hooks.register("after_create_page")
def add_information_pages(request, page):
    """A home page made in the admin comes with the standard pages, ready to edit."""
    from network.models import HomePage
    from network.site.information_content import ensure_information_pages

    if isinstance(page.specific, HomePage):
        ensure_information_pages(page.specific)


membership_urls = (
    [
        path("", ApplicationIndexView.as_view(), name="index"),
        path("<id:pk>/decide/", ApplicationIndexView.as_view(), name="decide"),
    ],
    "membership_applications",
)


@hooks.register("register_admin_urls")
def membership_admin_urls():
    return [
        path("membership/applications/", include(membership_urls)),
        path("membership/invitations/", InvitationView.as_view(), name="membership_invitations"),
        path("moderation/", ModerationQueueView.as_view(), name="moderation_queue"),
        path(
            "moderation/comments/<id:pk>/",
            CommentDecisionView.as_view(),
            name="moderation_comment",
        ),
        path(
            "moderation/reports/<str:kind>/<id:pk>/",
            ReportDecisionView.as_view(),
            name="moderation_report",
        ),
    ]


@hooks.register("register_admin_menu_item")
def applications_menu_item():
    return FacilitatorMenuItem(
        "Membership applications",
        reverse("membership_applications:index"),
        icon_name="user",
        order=205,
    )


@hooks.register("register_admin_menu_item")
def invitations_menu_item():
    return FacilitatorMenuItem(
        "Invitations", reverse("membership_invitations"), icon_name="mail", order=206
    )


@hooks.register("register_admin_menu_item")
def moderation_menu_item():
    return FacilitatorMenuItem(
        "Comments and reports", reverse("moderation_queue"), icon_name="warning", order=204
    )


@hooks.register("on_serve_page")
def share_pages_with_their_audience(serve):
    from network.caching.audience_cache import serve_shared_pages

    return serve_shared_pages(serve)


@hooks.register("insert_global_admin_css")
def network_admin_css():
    """The network's own panels and screens (frontend/src/admin.css)."""
    return format_html('<link rel="stylesheet" href="{}">', static("frontend/admin.css"))
