"""The content index behind its alias: create, fill, switch, compare with the database.

Search and indexing always name the alias (ELASTICSEARCH_INDEX). A rebuild fills a new
index with the current analyzers and synonyms while the old one keeps answering, then
moves the alias to it in one atomic step and replays the changes recorded meanwhile, so
nothing saved during the rebuild is lost and no search sees an empty index.
"""

import collections
import gc
import itertools
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from django.conf import settings
from django.utils import timezone
from elasticsearch.helpers import bulk, scan
from elasticsearch_dsl import Index

from search.elastic import documents as index_documents
from search.elastic.analysis import analysis, current_synonym_rules
from search.elastic.connection import guarded, index_alias

# Creating, switching and deleting indices waits on the cluster, not on a visitor.
ADMIN_TIMEOUT = 60


def new_index_name():
    return f"{index_alias()}-{timezone.now():%Y%m%d%H%M%S%f}"


SERVING = {"refresh_interval": "1s", "translog.durability": "request"}
# While a new index fills nobody searches it and a crash only means starting again, so
# it is not refreshed, keeps no replicas and does not sync its log on every request.
FILLING = {"refresh_interval": "-1", "translog.durability": "async", "number_of_replicas": 0}


def serving_settings():
    return {**SERVING, "number_of_replicas": settings.ELASTICSEARCH_REPLICAS}


def create_index(name, rules=None, filling=False):
    index = Index(name)
    index.settings(
        number_of_shards=1,
        **(FILLING if filling else serving_settings()),
        max_result_window=10_000,
        analysis=analysis(current_synonym_rules() if rules is None else rules),
    )
    index.document(index_documents.ContentDocument)
    with guarded() as es:
        es.indices.create(index=name, **index.to_dict(), request_timeout=ADMIN_TIMEOUT)
        # Searched or filled before its shard has started, an index answers with errors.
        es.cluster.health(
            index=name, wait_for_status="yellow", timeout="60s", request_timeout=ADMIN_TIMEOUT
        )
    return name


def indices_behind_alias(es):
    if not es.indices.exists_alias(name=index_alias()):
        return []
    return list(es.indices.get_alias(name=index_alias()))


def ensure_index():
    """Create the first index and its alias when there is none.

    Indexing never writes to a name without its alias, or Elasticsearch would create a
    plain index of that name with guessed mappings; one left by such an accident goes.
    """
    with guarded() as es:
        if es.indices.exists_alias(name=index_alias()):
            return False
        if es.indices.exists(index=index_alias()):
            es.indices.delete(index=index_alias())
    name = create_index(new_index_name())
    with guarded() as es:
        es.indices.put_alias(index=name, name=index_alias(), request_timeout=ADMIN_TIMEOUT)
    return True


def all_sources(kinds=index_documents.KINDS):
    for kind in kinds:
        yield from index_documents.sources(kind)


def total_documents(kinds=index_documents.KINDS):
    return sum(index_documents.count(kind) for kind in kinds)


def bulk_actions(index, pairs):
    for doc_id, source in pairs:
        yield {"_index": index, "_id": doc_id, "_source": source}


IN_FLIGHT = 2
BUSY_RETRIES = 4


def _send_chunk(es, actions):
    # A node short of memory answers 429 (its circuit breaker) rather than failing; the
    # chunk is sent again after a pause instead of abandoning the rebuild.
    indexed, _errors = bulk(
        es,
        actions,
        raise_on_error=True,
        request_timeout=120,
        max_retries=BUSY_RETRIES,
        initial_backoff=1,
    )
    return indexed


# Building sources makes millions of short-lived objects; the collector's default pace
# rescans the whole Django heap several times a rebuild, a third of its Python time.
REBUILD_GC_THRESHOLD = (50_000, 20, 20)


@contextmanager
def fewer_collections():
    """Freeze what the worker has already loaded and collect young objects less often.

    Nothing built from the database forms lasting cycles, so memory still stays bounded
    by the chunk being built; both settings are put back afterwards.
    """
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(*REBUILD_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def fill(index, pairs, progress=None, chunk_size=500):
    """Send every (id, source) pair; returns how many were indexed.

    Chunks are sent from other threads while the next is built from the database here,
    so the node indexes on one core while Python builds on the other. Only the sending is
    threaded: every database query stays on this thread and its connection.
    """
    done = 0
    actions = bulk_actions(index, pairs)
    with (
        fewer_collections(),
        guarded() as es,
        ThreadPoolExecutor(max_workers=IN_FLIGHT) as sender,
    ):
        in_flight = collections.deque()
        while True:
            chunk = list(itertools.islice(actions, chunk_size))
            if chunk:
                in_flight.append(sender.submit(_send_chunk, es, chunk))
            if in_flight and (len(in_flight) >= IN_FLIGHT or not chunk):
                done += in_flight.popleft().result()
                if progress is not None:
                    progress(done)
            if not chunk and not in_flight:
                return done


WARMING_FACETS = ("kind", "theme", "sector", "region", "year", "status", "integration")


def warm(es, name):
    """Read the new index the way searches will, before any visitor does.

    A merged index still has to load its terms, norms and the facets' ordinals from disk
    on first use; left to the first searches, those are the slowest of the day.
    """
    aggregations = {field: {"terms": {"field": field, "size": 200}} for field in WARMING_FACETS}
    body = []
    for query in (
        {"match_all": {}},
        {"multi_match": {"query": "care support", "fields": ["title", "summary", "body"]}},
        {"multi_match": {"query": "mental health", "type": "phrase", "fields": ["title"]}},
    ):
        body.extend([{}, {"query": query, "size": 10, "aggs": aggregations}])
    for _round in range(2):
        es.msearch(index=name, body=body, request_timeout=ADMIN_TIMEOUT)


def switch_alias(es, new_index):
    if es.indices.exists(index=index_alias()) and not es.indices.exists_alias(name=index_alias()):
        es.indices.delete(index=index_alias())
    old = [name for name in indices_behind_alias(es) if name != new_index]
    actions = [{"remove": {"index": name, "alias": index_alias()}} for name in old]
    actions.append({"add": {"index": new_index, "alias": index_alias()}})
    es.indices.update_aliases(body={"actions": actions}, request_timeout=ADMIN_TIMEOUT)
    return old


def delete_all():
    """Remove the alias and every index behind it (tests and `search_index --delete`)."""
    with guarded() as es:
        es.indices.delete(index=f"{index_alias()}-*", ignore=[404], request_timeout=ADMIN_TIMEOUT)


def indexed_fingerprints(es):
    found = {}
    for hit in scan(es, index=index_alias(), query={"_source": ["fingerprint"]}, size=2000):
        found[hit["_id"]] = hit["_source"].get("fingerprint")
    return found


def check():
    """Documents missing from the index, stale in it, or extra, compared with the database."""
    with guarded() as es:
        es.indices.refresh(index=index_alias())
        indexed = indexed_fingerprints(es)
    expected = {doc_id: source["fingerprint"] for doc_id, source in all_sources()}
    missing = sorted(set(expected) - set(indexed))
    extra = sorted(set(indexed) - set(expected))
    stale = sorted(
        doc_id for doc_id in set(expected) & set(indexed) if expected[doc_id] != indexed[doc_id]
    )
    return {"missing": missing, "stale": stale, "extra": extra, "expected": len(expected)}
