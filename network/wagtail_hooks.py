"""Admin for facilitators: the Taxonomy menu, member profiles and dashboard panels."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from network.accounts.admin_views import ApplicationIndexView, InvitationView
from network.accounts.moderation_views import (
    CommentDecisionView,
    ModerationQueueView,
    ReportDecisionView,
)
from network.admin_panels import (
    CoverageGridPanel,
    FailedEmailsPanel,
    ModerationPanel,
    PendingApplicationsPanel,
    ReviewDuePanel,
)
from network.membership import is_facilitator
from network.models import CareLevel, MemberProfile, Region, Sector, Theme
from network.roles import assign_facilitator_review


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


register_snippet(TaxonomyGroup)
register_snippet(MemberProfileViewSet)


@hooks.register("construct_homepage_panels")
def add_facilitator_panels(request, panels):
    if is_facilitator(request.user):
        panels.append(FailedEmailsPanel())
        panels.append(PendingApplicationsPanel())
        panels.append(ModerationPanel())
        panels.append(CoverageGridPanel())
        panels.append(ReviewDuePanel())


@hooks.register("after_create_page")
def review_new_sections(request, page):
    from blog.models import BlogIndexPage
    from casestudies.models import CaseStudyIndexPage

    if isinstance(page.specific, BlogIndexPage | CaseStudyIndexPage):
        assign_facilitator_review(page)


membership_urls = (
    [
        path("", ApplicationIndexView.as_view(), name="index"),
        path("<int:pk>/decide/", ApplicationIndexView.as_view(), name="decide"),
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
            "moderation/comments/<int:pk>/",
            CommentDecisionView.as_view(),
            name="moderation_comment",
        ),
        path(
            "moderation/reports/<str:kind>/<int:pk>/",
            ReportDecisionView.as_view(),
            name="moderation_report",
        ),
    ]


class FacilitatorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_facilitator(request.user)


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
