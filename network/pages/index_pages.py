"""Each content app's index page, for the links every page carries to it.

The header, footer and feed links name the reflections, case studies, events and resource
library wherever their index pages sit, so an editor can rename one's slug without
leaving links to its old address. The network core names no content type: each app
registers its index page model from its AppConfig.ready(), as ``register(name, model)``.

Every page shows these links, so the pages are found in one query per content version
(renaming or moving one bumps it) and kept in this process, rather than looked up per
link or per request. They are kept with only the fields every page has: enough for
``pageurl`` and ``routablepageurl``, which read the page's path and its type's routes.
"""

from django.utils.functional import SimpleLazyObject

from network.platform import content_versions
from network.platform.versioned import PerContentVersion

_models = {}


def register(name, model):
    _models[name] = model


def _find():
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    if not _models:
        return {}
    names = {model: name for name, model in _models.items()}
    types = ContentType.objects.get_for_models(*names).values()
    found = {}
    # One of each type may exist (max_count); should there be more, the first in the tree.
    pages = Page.objects.live().filter(content_type__in=types).order_by("path")
    for page in pages.specific(defer=True):
        found.setdefault(names[type(page)], page)
    return found


_kept = PerContentVersion(_find)


def index_pages():
    """The live index page under each registered name; a name with none is left out."""
    return _kept.get(content_versions.content_version())


def lazy_index_pages():
    """As index_pages(), looked up only when a template first reads one."""
    return SimpleLazyObject(index_pages)
