"""Whole-page caching for anonymous visitors, invalidated the moment content changes.

Anonymous pages are the same for every visitor, so a rendered page is stored under its
full URL and a content version. Any change that could show on a public page (a post
published or withdrawn, a case study edited, a theme renamed, a profile or comment
changed) bumps the version, so every cached page is replaced on its next request rather
than after a timeout. Signed-in people, and anyone carrying a session or messages, are
served by network/caching/audience_cache.py under the same version instead.
"""

import hashlib
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.dispatch import Signal
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from network.platform.content_versions import content_version
from network.platform.security import is_editor_preview

# Sent when a page is answered from the cache, for apps that count what was viewed.
served_from_cache = Signal()

BYPASS_COOKIES = ("sessionid", "messages")
SKIP_PREFIXES = (
    "/admin/",
    "/accounts/",
    "/join/",
    "/profile/",
    "/notifications/",
    "/follow/",
    "/email/",
    "/share/",
    "/comments/",
    "/report/",
    "/documents/",
    "/static/",
    "/media/",
)
CACHEABLE_TYPES = ("text/html", "application/xml", "application/rss+xml", "application/atom+xml")


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def cache_key(request, version, audience="anonymous"):
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    head = request.method == "HEAD"
    return f"page-cache:{version}:{audience}:{request.get_host()}:{head}:{digest}"


def _is_cacheable_request(request):
    if request.method not in ("GET", "HEAD") or not settings.PAGE_CACHE_SECONDS:
        return False
    if is_editor_preview(request):  # a draft, which must never stand in for the live page
        return False
    if any(name in request.COOKIES for name in BYPASS_COOKIES):
        return False
    return not request.path.startswith(SKIP_PREFIXES)


class LocalCopies:
    """Each worker keeps its most used pages in memory, keyed by content version.

    The shared cache is still asked for the current version on every request, so a
    change made through any worker is seen at once; only the page body, often tens of
    kilobytes, is saved from crossing the network and being unpickled again.
    """

    def __init__(self, size):
        self.size = size
        self.entries = OrderedDict()

    def get(self, key):
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
        return entry

    def put(self, key, entry):
        if self.size <= 0:
            return
        self.entries[key] = entry
        self.entries.move_to_end(key)
        while len(self.entries) > self.size:
            self.entries.popitem(last=False)


def freeze(response):
    headers = [(name, value) for name, value in response.items() if name != "X-Page-Cache"]
    return (response.status_code, headers, response.content)


def thaw(entry):
    status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.local = LocalCopies(settings.PAGE_CACHE_LOCAL_ENTRIES)

    def __call__(self, request):
        if not _is_cacheable_request(request):
            return self.get_response(request)
        key = cache_key(request, content_version())
        entry = self.local.get(key)
        if entry is None:
            entry = page_cache().get(key)
            if entry is not None:
                self.local.put(key, entry)
        if entry is not None:
            served_from_cache.send_robust(sender=self.__class__, request=request)
            response = thaw(entry)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self._is_cacheable_response(request, response):
            patch_vary_headers(response, ["Cookie"])
            entry = freeze(response)
            page_cache().set(key, entry, settings.PAGE_CACHE_SECONDS)
            self.local.put(key, entry)
        response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _is_cacheable_response(request, response):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return False
        return is_shareable_response(response)


def is_shareable_response(response):
    """A whole page that says nothing of who asked for it: no cookie, not marked private."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if "private" in response.get("Cache-Control", "") or response.has_header("Set-Cookie"):
        return False
    content_type = response.get("Content-Type", "")
    if not content_type.startswith(CACHEABLE_TYPES):
        return False
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    return True
