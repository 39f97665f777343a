"""The network's own admin screens for facilitators (applications, comments and reports,
attendees, search analytics, documents not searchable).

Wagtail's template mixin heads a screen with breadcrumbs that stop at "Home", so the
header said "Home" on every one of them; these end in the screen's own title, as
Wagtail's own screens do.
"""

from django.core.exceptions import PermissionDenied
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from network.platform.membership import is_facilitator


class FacilitatorOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not is_facilitator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class FacilitatorScreen(FacilitatorOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]
