from django.conf import settings

from network.membership import is_facilitator, is_member


def network(request):
    user = getattr(request, "user", None)
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "viewer_is_member": is_member(user),
        "viewer_is_facilitator": is_facilitator(user),
    }
