"""Pages rendered once per audience and content version, for people who are signed in.

A post, a case study or a listing reads the same for every member: what differs between
two members is the header's unread count, their CSRF token, whether they follow a theme
and their own comments still waiting for review. So a page that says it is shared
(``shared_by_audience`` on its page type, or the view decorator below) is rendered for
the audience as a whole, visitor, signed-in, member or facilitator, with a stand-in user
of that audience in place of the reader. The stand-in has no account of its own, so
nothing only one reader may see (their hidden profile's name, their own follows) can
reach the shared copy. The reader's own parts are left as markers (network/caching/personal.py)
and filled in for each request.

The copy is stored under the content version of network/caching/page_cache.py, so a change shows
at once, and under the audience, so a members-only page is only ever served to members.
A shared page is always rendered this way, kept or not, so it reads the same to its
reader whichever way it came: a member whose profile is hidden sees their own post's
byline as other members do. Pages behind Wagtail's own page privacy are rendered for
their reader alone.

A page only its own reader ever sees, such as a member's list of submissions, is kept for
that reader instead (``kept_for_reader``), under the content version and the review
version together, so a facilitator's decision shows on it at once.
"""

from functools import wraps

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils.cache import patch_cache_control

from network.caching import page_cache, personal
from network.platform import content_versions
from network.platform.membership import FACILITATORS_GROUP, MEMBERS_GROUP, is_facilitator, is_member
from network.platform.security import is_editor_preview

VISITOR = "visitor"
SIGNED_IN = "signed-in"
MEMBER = "member"
FACILITATOR = "facilitator"

_GROUPS = {SIGNED_IN: set(), MEMBER: {MEMBERS_GROUP}, FACILITATOR: {FACILITATORS_GROUP}}


def audience_of(user):
    if not getattr(user, "is_authenticated", False):
        return VISITOR
    if is_facilitator(user):
        return FACILITATOR
    if is_member(user):
        return MEMBER
    return SIGNED_IN


def stand_in(audience):
    """Someone of the audience who is nobody in particular: signed in as no account."""
    if audience == VISITOR:
        return AnonymousUser()
    from network.models import User

    user = User(pk=0, username=f"({audience})", is_active=True)
    user._state.adding = False
    user._network_group_names = set(_GROUPS[audience])
    return user


class _Offer:
    def __init__(self, audience):
        self.audience = audience


def share_with_audience(request):
    """Render this request's page for its audience, if the cache offered to keep it.

    Called before anything is rendered; from then on the request's user is the stand-in.
    """
    offer = getattr(request, "_audience_offer", None)
    if offer is None or personal.holes_of(request) is not None:
        return
    request._personal_holes = personal.Holes()
    request.user = stand_in(offer.audience)


def shared_by_audience(view):
    """For a view whose page depends on the reader only through their audience and the
    personal parts it marks."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        share_with_audience(request)
        return view(request, *args, **kwargs)

    return wrapped


def serve_shared_pages(serve):
    """Wagtail's ``on_serve_page`` hook: pages of a shared type, outside page privacy."""

    def serve_page(page, request, args, kwargs):
        # Asked of the page, so an alias of a private page counts as private too.
        if (
            getattr(page.specific_class, "shared_by_audience", False)
            and not page.get_view_restrictions().exists()
        ):
            share_with_audience(request)
        return serve(page, request, args, kwargs)

    return serve_page


def _carries_messages(request):
    if request.COOKIES.get("messages"):
        return True
    session = getattr(request, "session", None)
    return session is not None and "_messages" in session


def _may_keep(request):
    """Requests the anonymous page cache lets through, for pages that may be kept: people
    signed in, and visitors who still carry a session (after signing out, say). A page
    showing a message is rendered the shared way but never kept."""
    if not settings.PAGE_CACHE_SECONDS or request.path.startswith(page_cache.SKIP_PREFIXES):
        return False
    if not request.user.is_authenticated and "sessionid" not in request.COOKIES:
        return False
    return not _carries_messages(request)


def _kept_entry(local, key):
    entry = local.get(key)
    if entry is None:
        entry = page_cache.page_cache().get(key)
        if entry is not None:
            local.put(key, entry)
    return entry


def _from_entry(request, entry):
    page_cache.served_from_cache.send_robust(sender=AudiencePageCacheMiddleware, request=request)
    *frozen, parts = entry
    response = page_cache.thaw(frozen)
    response.content = personal.fill(request, response.content, parts)
    response["X-Page-Cache"] = "hit"
    patch_cache_control(response, private=True)
    return response


def _keep(local, key, response, holes):
    entry = (*page_cache.freeze(response), holes.parts)
    page_cache.page_cache().set(key, entry, settings.PAGE_CACHE_SECONDS)
    local.put(key, entry)
    response["X-Page-Cache"] = "miss"


_own_pages = page_cache.LocalCopies(settings.PAGE_CACHE_LOCAL_ENTRIES)


def kept_for_reader(view):
    """For a view whose page is its reader's own and changes only with content and
    reviews. Rendered for the reader themself, so the key names them and their audience
    (a member made facilitator reads a new copy); their personal parts are still filled
    per request, as the CSRF token must be."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        reader = request.user
        if (
            is_editor_preview(request)
            or request.method not in ("GET", "HEAD")
            or not settings.PAGE_CACHE_SECONDS
            or not reader.is_authenticated
            or _carries_messages(request)
        ):
            return view(request, *args, **kwargs)
        version = f"{content_versions.content_version()}.{content_versions.review_version()}"
        own = f"reader-{reader.pk}-{audience_of(reader)}"
        key = page_cache.cache_key(request, version, own)
        entry = _kept_entry(_own_pages, key)
        if entry is not None:
            return _from_entry(request, entry)
        holes = request._personal_holes = personal.Holes()
        try:
            response = view(request, *args, **kwargs)
        finally:
            del request._personal_holes
        if response.streaming:
            return response
        if page_cache.is_shareable_response(response):
            _keep(_own_pages, key, response, holes)
        response.content = personal.fill(request, response.content, holes.parts)
        patch_cache_control(response, private=True)
        return response

    return wrapped


class AudiencePageCacheMiddleware:
    """After authentication, so the reader's audience is known; last, so that what a
    page's view sets on the way out (its CSRF cookie) is set for a page from the cache too.

    A shared page is rendered for the audience even when it cannot be kept (the cache off,
    a message to show), so that a page reads the same however it reached its reader.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.local = page_cache.LocalCopies(settings.PAGE_CACHE_LOCAL_ENTRIES)

    def __call__(self, request):
        # A preview shows the draft, never the kept live page.
        if request.method not in ("GET", "HEAD") or is_editor_preview(request):
            return self.get_response(request)
        reader = request.user
        audience = audience_of(reader)
        key = None
        if _may_keep(request):
            key = page_cache.cache_key(request, content_versions.content_version(), audience)
            entry = _kept_entry(self.local, key)
            if entry is not None:
                return _from_entry(request, entry)
        request._audience_offer = _Offer(audience)
        try:
            response = self.get_response(request)
        finally:
            request.user = reader
            del request._audience_offer
        holes = request.__dict__.pop("_personal_holes", None)
        if holes is None or response.streaming:
            return response
        if key is not None and page_cache.is_shareable_response(response):
            _keep(self.local, key, response, holes)
        response.content = personal.fill(request, response.content, holes.parts)
        if reader.is_authenticated:
            patch_cache_control(response, private=True)
        return response
