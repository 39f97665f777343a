"""The content index behind its alias: create, fill, switch, compare with the database.

Search and indexing always name the alias (ELASTICSEARCH_INDEX). A rebuild fills a new
index with the current analyzers and synonyms while the old one keeps answering, then
moves the alias to it in one atomic step and replays the changes recorded meanwhile, so
nothing saved during the rebuild is lost and no search sees an empty index.
"""

from django.conf import settings
from django.utils import timezone
from elasticsearch.helpers import scan, streaming_bulk
from elasticsearch_dsl import Index

from search import index_documents
from search.analysis import analysis, current_synonym_rules
from search.connection import guarded, index_alias


def _new_index_name():
    return f"{index_alias()}-{timezone.now():%Y%m%d%H%M%S%f}"


def create_index(name, rules=None):
    index = Index(name)
    index.settings(
        number_of_shards=1,
        number_of_replicas=settings.ELASTICSEARCH_REPLICAS,
        refresh_interval="1s",
        max_result_window=10_000,
        analysis=analysis(current_synonym_rules() if rules is None else rules),
    )
    index.document(index_documents.ContentDocument)
    with guarded() as es:
        es.indices.create(index=name, **index.to_dict())
        # Searched or filled before its shard has started, an index answers with errors.
        es.cluster.health(index=name, wait_for_status="yellow", timeout="60s")
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
    name = create_index(_new_index_name())
    with guarded() as es:
        es.indices.put_alias(index=name, name=index_alias())
    return True


def all_sources(kinds=index_documents.KINDS):
    for kind in kinds:
        yield from index_documents.sources(kind)


def total_documents(kinds=index_documents.KINDS):
    return sum(index_documents.count(kind) for kind in kinds)


def bulk_actions(index, pairs):
    for doc_id, source in pairs:
        yield {"_index": index, "_id": doc_id, "_source": source}


def fill(index, pairs, progress=None, chunk_size=1000):
    """Send every (id, source) pair; returns how many were indexed."""
    done = 0
    with guarded() as es:
        for ok, _item in streaming_bulk(
            es,
            bulk_actions(index, pairs),
            chunk_size=chunk_size,
            max_chunk_bytes=20 * 1024 * 1024,
            raise_on_error=True,
            request_timeout=120,
        ):
            if ok:
                done += 1
            if progress is not None:
                progress(done)
    return done


def switch_alias(es, new_index):
    if es.indices.exists(index=index_alias()) and not es.indices.exists_alias(name=index_alias()):
        es.indices.delete(index=index_alias())
    old = [name for name in indices_behind_alias(es) if name != new_index]
    actions = [{"remove": {"index": name, "alias": index_alias()}} for name in old]
    actions.append({"add": {"index": new_index, "alias": index_alias()}})
    es.indices.update_aliases(body={"actions": actions})
    return old


def rebuild(progress=None, rules=None):
    """A new index filled from the database, switched in atomically; returns its name."""
    from search import indexing
    from search.models import IndexChange

    name = create_index(_new_index_name(), rules=rules)
    last_change = IndexChange.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    try:
        fill(name, all_sources(), progress=progress)
        with guarded() as es:
            es.indices.refresh(index=name)
            old = switch_alias(es, name)
    except Exception:
        with guarded() as es:
            es.indices.delete(index=name, ignore=[404])
        raise
    # Changes recorded while the new index filled went to the old one: replay them here.
    indexing.apply(IndexChange.objects.filter(pk__gt=last_change), refresh=True)
    with guarded() as es:
        for stale in old:
            es.indices.delete(index=stale, ignore=[404])
    return name


def delete_all():
    """Remove the alias and every index behind it (tests and `search_index --delete`)."""
    with guarded() as es:
        es.indices.delete(index=f"{index_alias()}-*", ignore=[404])


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
