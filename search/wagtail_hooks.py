"""Search in the admin: synonyms facilitators can extend, and the analytics report."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from network.platform.admin_menu import FacilitatorMenuItem
from search.analytics import SearchAnalyticsView
from search.models import SearchSynonym


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = "Search synonyms"
    menu_order = 215
    add_to_admin_menu = True
    list_display = ["terms", "note"]
    search_fields = ["terms", "note"]


register_snippet(SearchSynonymViewSet)


@hooks.register("register_admin_urls")
def search_admin_urls():
    return [path("search-analytics/", SearchAnalyticsView.as_view(), name="search_analytics")]


@hooks.register("register_admin_menu_item")
def search_analytics_menu_item():
    return FacilitatorMenuItem(
        "Search analytics", reverse("search_analytics"), icon_name="search", order=216
    )
