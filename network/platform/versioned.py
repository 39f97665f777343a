"""Values built once per content version and kept in this process.

Some answers are costly to build and change only when content does: the search
vocabulary and synonym groups, the pages' view restrictions, which pages each audience
may find, the site's address. Each worker keeps one copy for the current version
(network/caching/page_cache.py), and builds it again after MAX_AGE_SECONDS too, as a second
guard should the shared cache holding the version be flushed.
"""

import time

MAX_AGE_SECONDS = 600

_every = []


def clear_all():
    """Forget every kept value, for a test whose rolled-back content bumped no version."""
    for kept in _every:
        kept.clear()


class PerContentVersion:
    def __init__(self, build=None, *, registered=True):
        self.build = build
        self.clear()
        if registered:  # a keyed one's entries come and go with it
            _every.append(self)

    def clear(self):
        self.version = None
        self.value = None
        self.built_at = 0.0

    def get(self, version, build=None):
        """The kept value, or ``build()`` (else the builder given at creation) when stale."""
        stale = time.monotonic() - self.built_at > MAX_AGE_SECONDS
        if self.value is None or version != self.version or stale:
            value = (build or self.build)()
            # The value before its version: a thread that sees the new version sees its value.
            self.value, self.version, self.built_at = value, version, time.monotonic()
        return self.value


class PerContentVersionByKey:
    """One kept value a key (an audience, a host), with at most ``max_keys`` kept."""

    def __init__(self, max_keys=100):
        self.max_keys = max_keys
        self.entries = {}
        _every.append(self)

    def clear(self):
        self.entries.clear()

    def get(self, key, version, build):
        entry = self.entries.get(key)
        if entry is None:
            if len(self.entries) >= self.max_keys:  # keys from requests cannot fill memory
                self.entries.clear()
            entry = self.entries[key] = PerContentVersion(registered=False)
        return entry.get(version, build)
