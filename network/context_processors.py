from django.conf import settings
from django.utils.functional import lazy

from network.membership import is_facilitator, is_member
from network.site_address import root_url


def network(request):
    user = getattr(request, "user", None)
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        # Lazy, so a response that never shows an absolute link never looks up the site.
        "site_root_url": lazy(root_url, str)(request),
        "viewer_is_member": is_member(user),
        "viewer_is_facilitator": is_facilitator(user),
        # Lazy: counted only where the header shows it, for a signed-in person.
        "unread_notifications": lazy(_unread, int)(user),
    }


def _unread(user):
    if not getattr(user, "is_authenticated", False):
        return 0
    from network.models import Notification

    return Notification.objects.filter(user=user).unread().count()
