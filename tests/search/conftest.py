import contextlib
import json
import urllib.request

import pytest

from search.elastic.connection import breaker, client
from tests.services import require


def _answers(url):
    try:
        with urllib.request.urlopen(f"{url}/_cluster/health", timeout=3) as reply:  # noqa: S310
            return json.load(reply)["status"] in ("green", "yellow")
    except OSError:
        return False


@pytest.fixture(scope="session")
def elasticsearch_url():
    from django.conf import settings

    url = settings.ELASTICSEARCH_TEST_URL
    require(url and _answers(url), "No Elasticsearch node answers at ELASTICSEARCH_TEST_URL")
    return url


class Node:
    """The test's view of the real node: apply what was recorded, then search it."""

    def __init__(self, url):
        self.url = url

    def sync(self):
        """Run the indexing task over what was recorded, and make it searchable."""
        from search.elastic import indexing

        applied = indexing.apply()
        self.refresh()
        return applied

    def refresh(self):
        from search.elastic.connection import index_alias

        client().indices.refresh(index=index_alias())

    def rebuild(self):
        from search.elastic import indexing

        return indexing.rebuild()


@pytest.fixture
def elastic(settings, elasticsearch_url):
    """Elasticsearch on for this test, with an empty index of its own behind the alias."""
    from search.elastic import index_admin, indexing

    settings.ELASTICSEARCH_URL = elasticsearch_url
    settings.ELASTICSEARCH_INDEX = "test-content"
    settings.ELASTICSEARCH_RETRY_SECONDS = 30
    settings.ELASTICSEARCH_TIMEOUT = 10  # a busy CI machine is not an outage
    breaker.reset()
    index_admin.delete_all()
    indexing.rebuild()  # the taxonomy the migrations seeded
    yield Node(elasticsearch_url)
    breaker.reset()
    with contextlib.suppress(Exception):  # a test that stopped the node cleans nothing up
        index_admin.delete_all()
