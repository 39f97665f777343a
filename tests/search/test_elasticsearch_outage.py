"""Elasticsearch stopped, refusing or hanging: /search/ answers from the database, and the
index catches up with what was published meanwhile once the node is back."""

import socket
import subprocess
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.test import Client

from search.elastic.connection import breaker
from search.elastic.tasks import apply_index_changes
from search.models import IndexChange
from search.service import FALLBACK_NOTICE
from tests.factories import BlogPageFactory

pytestmark = pytest.mark.django_db
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "elasticsearch"


def node(url, *args):
    port = urlparse(url).port - 1  # the script's base port: node 1 listens one above it
    subprocess.run(  # noqa: S603 - the project's own script
        ["/bin/bash", str(SCRIPT), *args],
        check=True,
        env={"ES_PORT": str(port), "PATH": "/usr/bin:/bin:/usr/local/bin"},
        timeout=180,
    )


def search(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return response.context["search"], response.content.decode()


def found(result):
    return [hit.title for hit in result.page.object_list] if result.page else []


def test_a_stopped_node_falls_back_and_the_backlog_is_applied_when_it_returns(
    elastic, client, blog_index, settings
):
    settings.ELASTICSEARCH_RETRY_SECONDS = 0
    BlogPageFactory(parent=blog_index, title="Outreach before the outage")
    elastic.sync()
    result, _html = search(client, "outreach")
    assert result.engine == "elasticsearch"

    node(elastic.url, "stop", "--keep-data")
    try:
        result, html = search(client, "outreach")
        assert result.engine == "database"
        assert result.notice == FALLBACK_NOTICE
        assert FALLBACK_NOTICE in html
        assert found(result) == ["Outreach before the outage"]
        assert client.get("/search/suggest/", {"q": "outr"}).status_code == 200

        BlogPageFactory(parent=blog_index, title="Outreach during the outage")
        apply_index_changes.enqueue()  # the node is down: the change waits
        assert IndexChange.objects.pending().exists()
    finally:
        node(elastic.url, "start", "--keep-data")

    result, _html = search(client, "outreach")  # answers again, and applies the backlog
    assert result.engine == "elasticsearch"
    assert not IndexChange.objects.pending().exists()
    elastic.refresh()
    result, _html = search(client, "outreach")
    assert set(found(result)) == {"Outreach before the outage", "Outreach during the outage"}


def test_a_refusing_node_opens_the_breaker(elastic, blog_index, settings):
    BlogPageFactory(parent=blog_index, title="Outreach")
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    visitor = Client()
    result, _html = search(visitor, "outreach")
    assert (result.engine, result.notice) == ("database", FALLBACK_NOTICE)
    assert found(result) == ["Outreach"]
    assert breaker.is_open
    assert breaker.failures == 1
    response = visitor.get("/search/", {"q": "outreach"})  # no attempt: the breaker is open
    assert response.context["search"].notice == FALLBACK_NOTICE
    assert breaker.failures == 1
    assert "private" in response["Cache-Control"]  # never kept by the page cache


def test_a_hanging_node_costs_a_few_short_timeouts(elastic, blog_index, settings):
    """A listener that accepts connections and never answers, as a stuck node does: each
    slow search falls back on its own, and the third in the window opens the breaker."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    accepted = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept)
    thread.start()
    try:
        BlogPageFactory(parent=blog_index, title="Outreach")
        settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{listener.getsockname()[1]}"
        settings.ELASTICSEARCH_TIMEOUT = 0.3
        settings.ELASTICSEARCH_BREAKER_FAILURES = 3
        settings.ELASTICSEARCH_BREAKER_WINDOW = 60
        for attempt in range(1, 4):
            result, _html = search(Client(), "outreach")
            assert (result.engine, result.notice) == ("database", FALLBACK_NOTICE)
            assert found(result) == ["Outreach"]
            assert breaker.is_open == (attempt == 3), attempt
        search(Client(), "outreach")  # the breaker is open: no fourth wait on the node
        assert len(accepted) == 3
    finally:
        stop.set()
        thread.join()
        for connection in accepted:
            connection.close()
        listener.close()


def test_a_missing_index_falls_back_for_that_search_without_pausing_elasticsearch(
    elastic, blog_index
):
    from search.elastic import index_admin

    BlogPageFactory(parent=blog_index, title="Outreach")
    index_admin.delete_all()
    result, _html = search(Client(), "outreach")
    assert (result.engine, result.notice) == ("database", FALLBACK_NOTICE)
    assert found(result) == ["Outreach"]
    assert not breaker.is_open


def test_slow_answers_spread_over_time_never_open_the_breaker(settings, monkeypatch):
    """One slow search now and then is that search's problem, not everyone's."""
    from search.elastic import connection

    settings.ELASTICSEARCH_BREAKER_FAILURES = 3
    settings.ELASTICSEARCH_BREAKER_WINDOW = 10
    clock = {"now": 1000.0}
    monkeypatch.setattr(connection.time, "monotonic", lambda: clock["now"])
    breaker.reset()
    try:
        for _ in range(5):
            breaker.failed(TimeoutError("slow"))
            assert not breaker.is_open
            clock["now"] += 6  # two failures at most in any ten seconds
        breaker.failed(TimeoutError("slow"))
        clock["now"] += 1
        breaker.failed(TimeoutError("slow"))
        assert breaker.is_open  # three within ten seconds
        breaker.reset()
        breaker.failed(ConnectionRefusedError("nothing listening"), at_once=True)
        assert breaker.is_open
    finally:
        breaker.reset()
