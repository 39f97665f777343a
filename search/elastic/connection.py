"""The Elasticsearch client, and the breaker that keeps a dead node from slowing the site.

Every call to the node goes through `guarded()`. A refused connection opens the breaker
at once: nothing is listening. A slow answer or a server error is counted instead, and
the breaker opens when ELASTICSEARCH_BREAKER_FAILURES of them fall within
ELASTICSEARCH_BREAKER_WINDOW seconds, so one slow search falls back on its own without
sending everyone on that worker to the database for the pause. Once open, for
ELASTICSEARCH_RETRY_SECONDS nobody waits on the node, search answers from the database
and indexing leaves its backlog for later. The first call after the pause tries again;
when it succeeds the backlog is applied.
"""

import logging
import threading
import time
from collections import deque
from contextlib import contextmanager

from django.conf import settings
from django.dispatch import Signal
from elasticsearch import ConnectionError as NodeUnreachable
from elasticsearch import ConnectionTimeout, Elasticsearch, TransportError
from elasticsearch_dsl import connections

logger = logging.getLogger(__name__)

ALIAS = "network"  # the elasticsearch-dsl connection name
# The node's refusal of a request (no index, a malformed query), named here so that code
# outside search/elastic can catch it without importing the client.
NodeRefusedError = TransportError


class SearchUnavailableError(Exception):
    """Elasticsearch is configured but cannot answer now."""


def is_configured():
    return bool(settings.ELASTICSEARCH_URL)


def index_alias():
    return settings.ELASTICSEARCH_INDEX


_clients = {}
_lock = threading.Lock()


def hosts():
    """ELASTICSEARCH_URL may name several nodes of one cluster, separated by commas."""
    return [url.strip() for url in settings.ELASTICSEARCH_URL.split(",") if url.strip()]


def client():
    """One client per URL and timeout, registered with elasticsearch-dsl under ALIAS.

    With several nodes a request that finds one dead is tried once on each of the others;
    a timeout is not retried, so a slow cluster costs one timeout, not several.
    """
    key = (settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_TIMEOUT)
    with _lock:
        if key not in _clients:
            _clients.clear()
            nodes = hosts()
            _clients[key] = Elasticsearch(
                nodes,
                timeout=settings.ELASTICSEARCH_TIMEOUT,
                max_retries=len(nodes) - 1,
                retry_on_timeout=False,
            )
            connections.add_connection(ALIAS, _clients[key])
        return _clients[key]


class Breaker:
    def __init__(self):
        self.open_until = 0.0
        self.failures = 0
        self.recent = deque()  # when the failures not yet forgiven happened

    def allows(self):
        return time.monotonic() >= self.open_until

    @property
    def is_open(self):
        return not self.allows()

    def failed(self, error, at_once=False):
        now = time.monotonic()
        self.failures += 1
        self.recent.append(now)
        while self.recent and now - self.recent[0] > settings.ELASTICSEARCH_BREAKER_WINDOW:
            self.recent.popleft()
        if not at_once and len(self.recent) < settings.ELASTICSEARCH_BREAKER_FAILURES:
            logger.info("Elasticsearch failed one search (%s); that one used the database", error)
            return
        self.recent.clear()
        self.open_until = now + settings.ELASTICSEARCH_RETRY_SECONDS
        logger.warning(
            "Elasticsearch unavailable (%s); using the database path for %s s",
            error,
            settings.ELASTICSEARCH_RETRY_SECONDS,
        )

    def succeeded(self):
        was_failing = self.failures > 0
        self.failures = 0
        self.recent.clear()
        self.open_until = 0.0
        if was_failing:
            logger.warning("Elasticsearch answers again; applying the index backlog")
            recovered.send(sender=Breaker)

    def reset(self):
        self.open_until = 0.0
        self.failures = 0
        self.recent.clear()


breaker = Breaker()
# Sent when the node answers again after an outage: search/signals.py queues the pending
# index changes then, so the connection knows nothing of tasks.
recovered = Signal()


def _is_outage(error):
    if isinstance(error, NodeUnreachable):  # refused, reset and timed out alike
        return True
    status = getattr(error, "status_code", None)
    return isinstance(status, int) and (status >= 500 or status == 429)


@contextmanager
def guarded():
    """Run calls to the node; an outage opens the breaker and becomes SearchUnavailableError."""
    if not is_configured():
        raise SearchUnavailableError("Elasticsearch is not configured")
    if breaker.is_open:
        raise SearchUnavailableError("Elasticsearch is paused after a failure")
    try:
        yield client()
    except TransportError as error:
        if not _is_outage(error):
            raise
        refused = isinstance(error, NodeUnreachable) and not isinstance(error, ConnectionTimeout)
        breaker.failed(error, at_once=refused)
        raise SearchUnavailableError(str(error)) from error
    breaker.succeeded()
