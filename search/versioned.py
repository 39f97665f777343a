"""A value built once per content version and kept in this process.

The vocabulary and the synonym groups are costly to build and change only when content
does. Each worker keeps one copy for the current version, and rebuilds it after
MAX_AGE_SECONDS too, in case the shared cache holding the version was flushed and the
numbering started again.
"""

import time

MAX_AGE_SECONDS = 600


class PerContentVersion:
    def __init__(self, build):
        self.build = build
        self.clear()

    def clear(self):
        self.version = None
        self.value = None
        self.built_at = 0.0

    def get(self, version):
        stale = time.monotonic() - self.built_at > MAX_AGE_SECONDS
        if self.value is None or version != self.version or stale:
            self.value = self.build()
            self.version = version
            self.built_at = time.monotonic()
        return self.value
