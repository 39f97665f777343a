"""Which of the hits Elasticsearch returned the viewer may see now, by the database's rules.

The index may hold a document for a moment after a change (a post unpublished, made
members-only or hidden while reports are reviewed, a profile hidden), so every hit shown
is checked against the viewer's own querysets and the database has the last word.

Asking the database for the ten hits of every search cost more than Elasticsearch took
to find them. Whether a page is visible depends only on whether the viewer is a member
(network.models.mixins.for_audience), and any change that could alter it bumps the page
cache's content version (network/caching/page_cache.py), so the ids of the pages each audience may
see are read once per version and kept in this worker's memory: one query per kind after
a change, none on the searches between. Terms are kept the same way. Profiles depend on
who is asking (a member always finds their own), so they are still asked per search.
"""

from network.platform import content_versions
from network.platform.membership import is_member
from network.platform.versioned import PerContentVersionByKey

_kept = PerContentVersionByKey()  # ids by (kind, audience)


def _readers():
    """Each kind's queryset of what may be seen, given the viewer: pages by audience,
    terms for everyone alike."""
    from blog.models import BlogPage
    from casestudies.models import CaseStudyPage
    from network.events.models import EventPage
    from network.models import Region, Sector, Theme
    from network.resources.models import ResourcePage

    pages = {
        "post": BlogPage.objects.visible_to,
        "case-study": CaseStudyPage.objects.visible_to,
        "event": EventPage.objects.visible_to,
        "resource": ResourcePage.objects.visible_to,
    }
    terms = {"theme": Theme, "sector": Sector, "region": Region}
    return pages, terms


def _kept_ids(kind, audience, read):
    return _kept.get(
        (kind, audience),
        content_versions.content_version(),
        lambda: frozenset(read().values_list("pk", flat=True)),
    )


def visible_ids(user, kind):
    """The ids of the pages of one kind that the viewer may see."""
    pages, _terms = _readers()
    audience = "members" if is_member(user) else "public"
    return _kept_ids(kind, audience, lambda: pages[kind](user))


def visible_keys(user, keys):
    """The (kind, id) pairs, of those given, that the viewer may see."""
    from network.models import MemberProfile

    wanted = {}
    for kind, pk in keys:
        wanted.setdefault(kind, set()).add(pk)
    pages, terms = _readers()
    audience = "members" if is_member(user) else "public"
    visible = set()
    for kind, pks in wanted.items():
        if kind in pages:
            allowed = _kept_ids(kind, audience, lambda kind=kind: pages[kind](user))
        elif kind in terms:
            allowed = _kept_ids(kind, "everyone", terms[kind].objects.all)
        elif kind == "member":
            profiles = MemberProfile.objects.listed_to(user).filter(pk__in=pks)
            allowed = set(profiles.values_list("pk", flat=True))
        else:  # a kind this worker does not know yet: shown to nobody
            continue
        visible.update((kind, pk) for pk in pks if pk in allowed)
    return visible
