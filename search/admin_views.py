"""Search analytics for facilitators: what people look for, miss and open."""

from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from network.accounts.admin_views import FacilitatorOnlyMixin
from search.analytics import report

PERIODS = (7, 30, 90)


class SearchAnalyticsView(FacilitatorOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "search/admin/analytics.html"
    page_title = "Search analytics"
    header_icon = "search"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        days = self.request.GET.get("days", "30")
        days = int(days) if days.isdigit() and int(days) in PERIODS else 30
        context.update(report(days=days), periods=PERIODS)
        return context
