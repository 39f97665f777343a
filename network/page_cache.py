"""Whole-page caching for anonymous visitors, invalidated the moment content changes.

Anonymous pages are the same for every visitor, so a rendered page is stored under its
full URL and a content version. Any change that could show on a public page (a post
published or withdrawn, a case study edited, a theme renamed, a profile or comment
changed) bumps the version, so every cached page is replaced on its next request rather
than after a timeout. Signed-in people, and anyone carrying a session or messages, are
served by network/audience_cache.py under the same version instead.
"""

import hashlib
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from network.security import is_editor_preview

VERSION_KEY = "page-cache:version"
# Bumped when a review moves on without its page being saved (a facilitator asks for
# changes): only a member's own list of submissions shows that.
REVIEW_VERSION_KEY = "page-cache:review-version"

# Sent when a page is answered from the cache, for apps that count what was viewed.
served_from_cache = Signal()

# Sent with `page` when a queryset update shows or hides a page without saving it (reports
# hiding a post, a facilitator restoring it), for apps that keep a copy such as search.
visibility_changed = Signal()

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


def _fresh_version():
    """A number no earlier version used: after the shared cache is flushed or restarted,
    counting again from 1 would meet versions that workers still keep values for."""
    return time.time_ns() // 1000


def _version(key):
    cache = page_cache()
    version = cache.get(key)
    if version is None:
        cache.add(key, _fresh_version(), timeout=None)
        version = cache.get(key) or _fresh_version()
    return version


def content_version():
    return _version(VERSION_KEY)


def review_version():
    return _version(REVIEW_VERSION_KEY)


def _bump_key(key):
    cache = page_cache()
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, _fresh_version(), timeout=None)


def _bump():
    _bump_key(VERSION_KEY)


def _bump_reviews():
    _bump_key(REVIEW_VERSION_KEY)


def _now_and_after_commit(bump):
    bump()
    db = transaction.get_connection()
    # One bump after commit however many saves the transaction makes (Django keeps its
    # pending callbacks as (savepoints, function, robust)).
    if db.in_atomic_block and not any(entry[1] is bump for entry in db.run_on_commit):
        transaction.on_commit(bump)


def invalidate(**kwargs):
    """Bump the version now, and again once the change commits.

    A request that reads the database between the save and its commit sees the old
    content under the new version, and would keep it there (a page, or the view
    restrictions of network/restrictions.py); the second bump retires whatever it stored.
    """
    _now_and_after_commit(_bump)


def invalidate_reviews():
    """As invalidate(), for the review version."""
    _now_and_after_commit(_bump_reviews)


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


def _watched_models():
    from wagtail.models import Page, PageViewRestriction, Site

    from network.models import CareLevel, Comment, MemberProfile, Region, Sector, Theme

    return (
        Page,
        PageViewRestriction,  # saved without the page when its privacy changes
        Site,
        Theme,
        Sector,
        Region,
        CareLevel,
        MemberProfile,
        Comment,
        *_also_watched,
    )


_also_watched = []


def watch(*models):
    """Content apps add the models outside pages that show on their pages (a blog series'
    name, a collective author), so that changing one invalidates the cache too."""
    _also_watched.extend(model for model in models if model not in _also_watched)


def _on_change(sender, instance=None, **kwargs):
    if isinstance(instance, _watched_models()):
        invalidate()
    elif isinstance(instance, _review_models()):
        invalidate_reviews()


def _review_models():
    from wagtail.models import TaskState, WorkflowState

    return (WorkflowState, TaskState)


def connect():
    """Every change that can show on a public page invalidates the cache.

    Pages are matched by instance rather than sender because each page type sends its
    own signals; queryset updates that bypass signals call invalidate() themselves.
    """
    from wagtail.signals import page_published, page_unpublished

    visibility_changed.connect(invalidate, dispatch_uid="page-cache-visibility")
    page_published.connect(invalidate, dispatch_uid="page-cache-published")
    page_unpublished.connect(invalidate, dispatch_uid="page-cache-unpublished")
    post_save.connect(_on_change, dispatch_uid="page-cache-save")
    post_delete.connect(_on_change, dispatch_uid="page-cache-delete")
    m2m_changed.connect(_on_change, dispatch_uid="page-cache-m2m")
