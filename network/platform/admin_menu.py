"""Admin menu items only facilitators see, for any app's wagtail_hooks to use."""

from wagtail.admin.menu import MenuItem

from network.platform.membership import is_facilitator


class FacilitatorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_facilitator(request.user)
