"""The parts of a shared page that belong to the one person reading it.

A page rendered once for an audience (network/caching/audience_cache.py) leaves a marker where
each personal part goes: the header's unread count, a form's CSRF token, "you follow
this", the reader's own comments still waiting for review, a report link that is not
offered on the reader's own comment. Every request then fills the markers in for its own
reader, without running the page's queries again.

A marker carries a key derived from SECRET_KEY, so text a member writes can never pose as
one, and only the characters that HTML escaping leaves alone, so it survives in an
attribute as in text. Outside a shared render each part is rendered in place, by the same
function, so a page reads the same whichever way it was built.
"""

import hashlib
import hmac
import re

from django.conf import settings
from django.utils.functional import cached_property
from django.utils.module_loading import import_string
from django.utils.safestring import mark_safe

_parts = {}
_by_path = {}


def part(name):
    """Register ``function(request, *args) -> str`` as the personal part called ``name``."""

    def register(function):
        _parts[name] = function
        return function

    return register


def part_at(name, path):
    """Register the part called ``name`` by the dotted path of its function.

    For a part that belongs to a package above the cache (the member's home, at the
    site level): it is imported the first time a page needs it, so this package never
    imports upwards, and a worker whose first request is a cached page still finds it."""
    _by_path[name] = path


def _function(name):
    if name not in _parts:
        _parts[name] = import_string(_by_path[name])
    return _parts[name]


class _Key:
    @cached_property
    def value(self):
        digest = hmac.new(settings.SECRET_KEY.encode(), b"personal-parts", hashlib.sha256)
        return digest.hexdigest()[:16]

    @cached_property
    def pattern(self):
        return re.compile(rf"pp{self.value}x(\d+)x")


_key = _Key()


class Holes:
    """The personal parts one shared render left, in the order their markers were made."""

    def __init__(self):
        self.parts = []
        self._index = {}

    def marker(self, name, args):
        entry = (name, tuple(args))
        index = self._index.get(entry)
        if index is None:
            index = self._index[entry] = len(self.parts)
            self.parts.append(entry)
        return f"pp{_key.value}x{index}x"


def holes_of(request):
    """The render's holes while a page is rendered for its audience, else None."""
    return getattr(request, "_personal_holes", None)


def render(request, name, *args):
    """A personal part: its marker in a shared render, its content for this reader else."""
    holes = holes_of(request)
    if holes is not None:
        return mark_safe(holes.marker(name, args))
    return mark_safe(_function(name)(request, *args))


def fill(request, content, parts):
    """The shared page's bytes with every marker replaced by this reader's part."""
    if not parts:
        return content
    filled = [str(_function(name)(request, *args)) for name, args in parts]

    def replace(match):
        index = int(match.group(1))
        return filled[index] if index < len(filled) else ""

    return _key.pattern.sub(replace, content.decode()).encode()
