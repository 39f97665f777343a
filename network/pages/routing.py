"""Where each address under the home page leads, kept per content version.

Wagtail finds a page by walking down from the site's root one slug at a time, reading
each child and then its specific type: four queries to reach a post, on every request
the page cache does not answer. Where an address leads changes only when pages do, and
every page change bumps the content version (network/caching/page_cache.py), so the home page
remembers, under the current version, which page each walk ended at. The next request for
the address loads that page by its type and key in one query and lets it route as before,
so a routable page still answers its own listing in its own way; its feeds and other
sub-addresses are walked to as ever. The page's parent (a breadcrumb links to it) is the
one the walk read, kept once per parent for the version.
"""

from network.platform import content_versions
from network.platform.versioned import PerContentVersion

# Only addresses of pages in the tree are kept, and no more than this.
MAX_ADDRESSES = 5000


class _Kept:
    def __init__(self):
        self.addresses = {}
        self.parents = {}


_kept = PerContentVersion(_Kept)


def route_from(root, request, path_components, walk):
    """``walk(request, path_components)`` is Wagtail's own route from ``root``."""
    kept = _kept.get(content_versions.content_version())
    key = (root.pk, tuple(path_components))
    found = kept.addresses.get(key)
    if found is not None:
        model, pk, parent_pk = found
        page = model._base_manager.filter(pk=pk).first()
        if page is not None:
            if parent_pk in kept.parents:
                page._cached_parent_obj = kept.parents[parent_pk]
            return page.route(request, [])
    result = walk(request, path_components)
    page = result[0]
    depth = len([slug for slug in page.url_path[len(root.url_path) :].split("/") if slug])
    # Only an address the tree itself used up: a routable page's own sub-addresses (a
    # feed for any slug) are answered by the page, and would let made-up ones fill the map.
    if (
        len(kept.addresses) < MAX_ADDRESSES
        and page.url_path.startswith(root.url_path)
        and depth == len(path_components)
    ):
        parent = getattr(page, "_cached_parent_obj", None)
        if parent is not None:
            kept.parents.setdefault(parent.pk, parent)
        kept.addresses[key] = (type(page), page.pk, parent and parent.pk)
    return result
