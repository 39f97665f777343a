"""Every door Wagtail opens for signing in leads through the network's own sign-in.

Wagtail ships its own sign-in, sign-out and password-reset views: the admin's, and the
front-end one at /_util/login/ where a page or collection restricted to signed-in
people sends its readers. They authenticate through Django's `authenticate()`, which
knows nothing of allauth's rate limits, its lock-out after failed attempts or the rule
that an address is verified before it gives a session, so leaving them reachable would
let anyone step round all three. Here they are replaced by redirects to allauth's views,
and a signed-in person without admin access gets a plain page saying so rather than
being sent back to sign in, which (already signed in) sends them straight back to the
admin, round and round.
"""

from functools import wraps

from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode

from network.platform.ratelimit import limit_attempts
from network.platform.site_address import is_local_path

ADMIN_PREFIX = "/admin/"
ADMIN_PERMISSION = "wagtailadmin.access_admin"
PRIVACY_PASSWORD_WINDOW = 5 * 60


def _next_on_this_site(request, default):
    """Where to go after signing in: the page asked for, if it is on this site."""
    target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME)
    return target if target and is_local_path(request, target) else default


def _to_network_sign_in(request, default):
    query = urlencode({REDIRECT_FIELD_NAME: _next_on_this_site(request, default)})
    return redirect(f"{reverse('account_login')}?{query}")


def admin_login(request):
    """Wagtail's sign-in form, replaced by the network's (one set of limits, verified email)."""
    return _to_network_sign_in(request, ADMIN_PREFIX)


def frontend_login(request):
    """Wagtail's front-end sign-in (/_util/login/), replaced by the network's.

    WAGTAIL_FRONTEND_LOGIN_URL already sends restricted pages and documents to allauth;
    this closes the old address too, for links and bookmarks that still name it.
    """
    return _to_network_sign_in(request, "/")


def admin_password_reset(request, rest=""):
    """Every step of Wagtail's password reset goes to allauth's, which is rate limited."""
    return redirect("account_reset_password")


class AdminAccessMiddleware:
    """Tell signed-in people without admin access so, instead of redirecting them in a loop."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            request.path_info.startswith(ADMIN_PREFIX)
            and user is not None
            and user.is_authenticated
            and not user.has_perm(ADMIN_PERMISSION)
            and not request.path_info.startswith(f"{ADMIN_PREFIX}logout/")
        ):
            return render(request, "network/admin_no_access.html", status=403)
        return self.get_response(request)


def _too_many_password_attempts(request, wait):
    return render(request, "429.html", {"wait": wait, "again": request.path}, status=429)


def limit_privacy_passwords(view):
    """Wagtail's forms for a page's or a collection's shared password, limited as sign-in
    is: PRIVACY_PASSWORD_ATTEMPTS posts in 5 minutes for each client and restriction."""

    @wraps(view)  # still Wagtail's view to anything that asks which view answers
    def limited(request, *args, **kwargs):
        restriction = kwargs.get("page_view_restriction_id") or kwargs.get("restriction_id")
        guarded = limit_attempts(
            f"privacy-password:{restriction}",
            "PRIVACY_PASSWORD_ATTEMPTS",
            PRIVACY_PASSWORD_WINDOW,
            _too_many_password_attempts,
        )(view)
        return guarded(request, *args, **kwargs)

    return limited
