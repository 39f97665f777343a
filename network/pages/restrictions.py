"""Pages' view restrictions, read once per content version instead of on every query.

Wagtail's ``PageQuerySet.public()`` reads every view restriction each time it is called.
A search results page checks four page types at once, and a member's page asks the same
question of its related posts, its comments and its sidebar, so one request read the
same small table many times. Restrictions change only when a page's privacy does, and
that bumps the page cache's content version (network/caching/page_cache.py watches
PageViewRestriction), so the paths read under one version stay right for all of it.

The filter built from them is the one Wagtail builds (a path prefix per restricted
page), so every search backend that understands ``public()`` understands this too.
"""

from django.db.models import Q
from wagtail.query import PageQuerySet

from network.platform import content_versions
from network.platform.versioned import PerContentVersion


def _read_paths():
    from wagtail.models import PageViewRestriction

    return tuple(sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))))


_paths = PerContentVersion(_read_paths)


def restricted_paths():
    return _paths.get(content_versions.content_version())


class RestrictionAwareQuerySet(PageQuerySet):
    """Page querysets whose ``public()`` reuses the restrictions read for this version."""

    def private_q(self):
        q = Q()
        for path in restricted_paths():
            q |= Q(path__startswith=path)
        # Match no page when nothing is restricted, as Wagtail's own filter does.
        return q if q else Q(pk__in=[])


def _read_alias_paths():
    from wagtail.models import Page

    return tuple(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True))


_alias_paths = PerContentVersion(_read_alias_paths)


class KnownRestrictionsMixin:
    """For every page type: Wagtail asks a page served, and the discussion asks it again,
    for its view restrictions, reading the page's ancestors and the restrictions table each
    time. A page under no restricted page, and under no alias (whose source page's
    restrictions would apply), has none, and that is known from what was read once for the
    content version."""

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        path = self.path
        version = content_versions.content_version()
        if path and not any(
            path.startswith(prefix) for prefix in (*_paths.get(version), *_alias_paths.get(version))
        ):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
