"""Response headers that keep members' pages from being framed, sniffed or scripted.

Public and member pages get a strict Content-Security-Policy: scripts and styles only
from the site's own files, no inline code. The Wagtail admin under /admin/ renders
inline scripts and styles of its own, so only there are those allowed, and only there
may a page be framed by the site itself (for editors' previews, which Wagtail renders as
requests of their own at the page's public path).
"""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.utils.cache import patch_cache_control

ADMIN_PREFIX = "/admin/"

ADMIN_ADDITIONS = {
    "script-src": [UNSAFE_INLINE],
    "style-src": [UNSAFE_INLINE],
    "img-src": ["blob:"],
    "frame-src": [SELF],
    "frame-ancestors": [SELF],
}

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
    )
)


def is_editor_preview(request):
    """Wagtail renders a preview as a page request of its own, at the page's public path.

    That request is made inside the admin for the editor's preview panel, which frames
    it, so it may be framed by the site itself even though the path is a public one.
    """
    return getattr(request, "is_dummy", False)


class NetworkCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and is_editor_preview(request):
            replace = dict(parts.replace or {})
            replace["frame-ancestors"] = [SELF]
            return PolicyParts(parts.config, parts.update, replace, parts.nonce)
        if not report_only and request.path_info.startswith(ADMIN_PREFIX):
            update = dict(parts.update or {})
            for directive, sources in ADMIN_ADDITIONS.items():
                update[directive] = [*update.get(directive, []), *sources]
            replace = dict(parts.replace or {})
            replace["frame-ancestors"] = [SELF]
            return PolicyParts(parts.config, update, replace, parts.nonce)
        return parts


class EditorFramingMiddleware:
    """Older browsers read X-Frame-Options, not frame-ancestors: keep the two in step.

    Listed after Django's XFrameOptionsMiddleware, so it answers first and Django's
    middleware leaves the header it finds alone; every other page keeps DENY.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_editor_preview(request) or request.path_info.startswith(ADMIN_PREFIX):
            response.setdefault("X-Frame-Options", "SAMEORIGIN")
        return response


class PermissionsPolicyMiddleware:
    """Turn off browser features the platform never uses, for every page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class PrivateToTheReaderMiddleware:
    """Every answer to a signed-in person is marked private, so no shared cache keeps it.

    `Vary: Cookie` alone lets a proxy keep one copy per cookie, and some proxies ignore
    Vary; a page naming its reader (notifications, email choices, a data download, an
    event's joining link) must only ever be kept by that reader's own browser. Listed
    first, so it sees every response last, the cached ones included.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True)  # and drops any "public"
        return response
