from django.conf import settings
from django.utils.functional import lazy

from network.caching import personal
from network.pages.index_pages import lazy_index_pages
from network.platform.membership import is_facilitator, is_member
from network.platform.site_address import root_url


def network(request):
    user = getattr(request, "user", None)
    shared = {}
    if personal.holes_of(request) is not None:
        # A page rendered for its audience carries a marker where each form's token goes;
        # every reader gets their own token when the markers are filled.
        shared["csrf_token"] = lazy(personal.render, str)(request, "csrf_token")
    return {
        **shared,
        "site_name": settings.WAGTAIL_SITE_NAME,
        # Lazy, so a response that never shows an absolute link never looks up the site.
        "site_root_url": lazy(root_url, str)(request),
        "viewer_is_member": is_member(user),
        "viewer_is_facilitator": is_facilitator(user),
        # Lazy, so a response that links to no index page never looks them up.
        "index_pages": lazy_index_pages(),
    }
