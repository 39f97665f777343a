"""Per-client limits on views that are cheap to ask for and costly to answer, such as search.

Each limit is a number of requests a minute, set high enough that a person using the
site never meets it; it stops a script that sends hundreds. The minute slides: requests
are counted in one-second slots, and a request goes ahead only while the slots of the
last 61 seconds hold no more than the limit, so no run of 60 seconds, wherever it
starts, lets more through (a fixed clock minute would let twice the limit through
either side of its boundary). Counts are kept in the
default cache, as allauth's sign-in limits are, so with CACHE_URL pointing at Redis every
worker shares one count. A signed-in person is counted by account, anyone else by
address (an IPv6 address by its /64 network, which one household or phone usually
holds), found the way allauth finds it, so the same proxy settings apply to both. If the
cache cannot be reached, requests are let through: the limit protects the site and must
never be the thing that takes it down.
"""

import contextlib
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
SLOT_SECONDS = 1


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
    """Count this request; None if it may go ahead, else how long until it may.

    The request is counted in its slot first and the slots read after, so of two
    requests at once each sees the other: both may be refused, never both let through
    past the limit. A refused request is taken off the count again, so a client that
    keeps asking is let through once its earlier requests leave the window.
    """
    now = time.time()
    slot_seconds = max(SLOT_SECONDS, window // 60)  # 61 slots, whatever the window
    current = int(now // slot_seconds)
    slots = range(current - window // slot_seconds, current + 1)
    prefix = f"network:ratelimit:{action}:{client_key(request)}"
    keys = [f"{prefix}:{slot}" for slot in slots]
    keep = window + 2 * slot_seconds
    try:
        cache.add(keys[-1], 0, timeout=keep)
        try:
            cache.incr(keys[-1])
        except ValueError:  # the count expired between add and incr
            cache.set(keys[-1], 1, timeout=keep)
        found = cache.get_many(keys)
    except Exception:
        logger.exception("Rate limit for %s not checked: the cache is unavailable", action)
        return None
    counts = [int(found.get(key) or 0) for key in keys]
    total = sum(counts)
    if total <= limit:
        return None
    counts[-1] -= 1
    total -= 1
    with contextlib.suppress(Exception):  # an expired slot or a lost cache: nothing to undo
        cache.decr(keys[-1])
        # Logged once a minute for each client, so a flood of requests is not a flood of logs.
        if cache.add(f"{prefix}:logged", 1, timeout=window):
            logger.warning("%s limited for %s", action, client_key(request))
    # Wait until enough of the oldest slots have left the window for one more request.
    for slot, count in zip(slots, counts, strict=True):
        total -= count
        if total < limit:
            leaves = (slot + len(slots)) * slot_seconds
            return max(1, math.ceil(leaves - now))
    return window


def limit_per_client(action, setting, refused, window=WINDOW_SECONDS):
    """Answer with ``refused(request, wait)`` once a client passes ``settings.<setting>``
    requests in a minute (or `window` seconds); 0 turns the limit off."""

    def decorate(view):
        @wraps(view)
        def limited(request, *args, **kwargs):
            limit = getattr(settings, setting)
            wait = seconds_to_wait(request, action, limit, window) if limit else None
            if wait is None:
                return view(request, *args, **kwargs)
            response = refused(request, wait)
            response["Retry-After"] = str(wait)
            add_never_cache_headers(response)
            return response

        return limited

    return decorate


def limit_attempts(action, setting, window, refused):
    """As limit_per_client, for form posts only, over `window` seconds: attempts at a
    password are limited, reading the form that asks for one is not."""

    def decorate(view):
        counted = limit_per_client(action, setting, refused, window=window)(view)

        @wraps(view)
        def limited(request, *args, **kwargs):
            if request.method != "POST":
                return view(request, *args, **kwargs)
            return counted(request, *args, **kwargs)

        return limited

    return decorate
