"""Per-client limits on views that are cheap to ask for and costly to answer, such as search.

Each limit is a number of requests a minute, set high enough that a person using the
site never meets it; it stops a script that sends hundreds. Counts are kept in the
default cache, as allauth's sign-in limits are, so with CACHE_URL pointing at Redis every
worker shares one count. A signed-in person is counted by account, anyone else by
address (an IPv6 address by its /64 network, which one household or phone usually
holds), found the way allauth finds it, so the same proxy settings apply to both. If the
cache cannot be reached, requests are let through: the limit protects the site and must
never be the thing that takes it down.
"""

import ipaddress
import logging
import math
import time
from functools import wraps

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

WINDOW_SECONDS = 60


def _address(request):
    try:
        ip = get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return "unknown"
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
    return str(address)


def client_key(request):
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return f"ip:{_address(request)}"


def seconds_to_wait(request, action, limit, window=WINDOW_SECONDS):
    """Count this request; None if it may go ahead, else how long until it may."""
    now = time.time()
    current = int(now // window)
    key = f"network:ratelimit:{action}:{client_key(request)}:{current}"
    try:
        cache.add(key, 0, timeout=window + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # the count expired between add and incr
            cache.set(key, 1, timeout=window + 1)
            count = 1
    except Exception:
        logger.exception("Rate limit for %s not checked: the cache is unavailable", action)
        return None
    if count <= limit:
        return None
    if count == limit + 1:  # once a window, so a flood of requests is not a flood of logs
        logger.warning("%s limited for %s", action, client_key(request))
    return max(1, math.ceil((current + 1) * window - now))


def limit_per_client(action, setting, refused):
    """Answer with ``refused(request, wait)`` once a client passes ``settings.<setting>``
    requests in a minute; 0 turns the limit off."""

    def decorate(view):
        @wraps(view)
        def limited(request, *args, **kwargs):
            limit = getattr(settings, setting)
            wait = seconds_to_wait(request, action, limit) if limit else None
            if wait is None:
                return view(request, *args, **kwargs)
            response = refused(request, wait)
            response["Retry-After"] = str(wait)
            add_never_cache_headers(response)
            return response

        return limited

    return decorate
