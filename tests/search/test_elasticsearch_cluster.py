"""A three-node cluster with one replica keeps answering /search/ with a node stopped.

The only test that starts the cluster: three nodes in one JVM, on their own ports, so
the suite's single node is not disturbed.
"""

import json
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from django.test import Client

from search.elastic import indexing
from search.elastic.connection import breaker
from tests.factories import BlogPageFactory, CaseStudyPageFactory
from tests.services import require

pytestmark = pytest.mark.django_db
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "elasticsearch"
BASE_PORT = 59300
NODES = [f"http://127.0.0.1:{BASE_PORT + number}" for number in (1, 2, 3)]
ENV = {"ES_PORT": str(BASE_PORT), "PATH": "/usr/bin:/bin:/usr/local/bin"}


def script(*args):
    return subprocess.run(  # noqa: S603 - the project's own script
        ["/bin/bash", str(SCRIPT), *args], env=ENV, timeout=240, check=False
    )


def health(url):
    with urllib.request.urlopen(f"{url}/_cluster/health", timeout=5) as reply:  # noqa: S310
        return json.load(reply)


@pytest.fixture
def cluster(settings, elasticsearch_url):
    started = script("start", "--nodes", "3")
    require(started.returncode == 0, "The three-node Elasticsearch cluster did not start")
    settings.ELASTICSEARCH_URL = ",".join(NODES)
    settings.ELASTICSEARCH_INDEX = "cluster-content"
    settings.ELASTICSEARCH_REPLICAS = 1
    breaker.reset()
    try:
        yield
    finally:
        breaker.reset()
        script("stop")


def test_one_node_stopped_the_cluster_keeps_answering(cluster, blog_index, case_index):
    for number in range(5):
        BlogPageFactory(parent=blog_index, title=f"Outreach post {number}")
    CaseStudyPageFactory(parent=case_index, title="Outreach case study")
    indexing.rebuild()
    for _ in range(60):
        if health(NODES[1])["status"] == "green":
            break
        time.sleep(0.5)
    assert health(NODES[1])["status"] == "green"  # every shard has its replica elsewhere

    visitor = Client()

    def answered():
        response = visitor.get("/search/", {"q": "outreach"})
        assert response.status_code == 200
        search = response.context["search"]
        assert (search.engine, search.notice) == ("elasticsearch", "")
        return search.total

    assert answered() == 6
    script("stop-node", "1")
    for _ in range(60):
        try:
            if health(NODES[1])["number_of_nodes"] == 2:
                break
        except OSError:
            pass
        time.sleep(0.5)
    assert health(NODES[1])["number_of_nodes"] == 2
    assert [answered() for _ in range(10)] == [6] * 10
