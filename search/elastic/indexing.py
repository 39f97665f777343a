"""Keeping the index in step with the platform: changes recorded, then applied by a task.

A change is recorded as an IndexChange row inside the transaction that made it, and a
task is queued once that transaction commits. The task builds each changed object's
document from the database as it is then, so a post that was unpublished, deleted, made
private or hidden since is removed, and one published again is indexed; applying the same
record twice gives the same index. When Elasticsearch is down the rows stay pending and
the next run, after the node is back, applies them in the order they were recorded.

Wagtail drafts never reach the index: pages are recorded on publish, unpublish, move,
delete and privacy changes, never on a plain save.

A rebuild fills a new index from the database (search/elastic/index_admin.py does the
index work), then applies here the changes recorded while it filled.
"""

import logging
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from elasticsearch.helpers import bulk

from network.platform import content_versions
from search.elastic import documents as index_documents
from search.elastic import index_admin
from search.elastic.connection import guarded, index_alias, is_configured
from search.models import IndexChange
from search.semantic import vectors

logger = logging.getLogger(__name__)
# Sent once a transaction that recorded changes commits. Indexing never queues its own
# task: the signal leads to the task (search/signals.py), so nothing here imports it.
changes_recorded = Signal()

BATCH_SIZE = 500
KEEP_APPLIED = timedelta(days=7)


def _page_kind(page):
    from blog.models import BlogPage
    from casestudies.models import CaseStudyPage
    from network.events.models import EventPage
    from network.resources.models import ResourcePage

    model = page.specific_class
    if model is not None and issubclass(model, BlogPage):
        return "post"
    if model is not None and issubclass(model, CaseStudyPage):
        return "case-study"
    if model is not None and issubclass(model, EventPage):
        return "event"
    if model is not None and issubclass(model, ResourcePage):
        return "resource"
    return None


def record(pairs):
    """Record (kind, pk) pairs; the task to apply them runs once the transaction commits."""
    if not is_configured():
        return

    rows = [IndexChange(kind=kind, object_id=pk) for kind, pk in pairs if kind and pk]
    if not rows:
        return
    IndexChange.objects.bulk_create(rows)
    transaction.on_commit(_announce_changes)


def _announce_changes():
    """Whoever applies changes hears of them (search/signals.py queues the task)."""
    changes_recorded.send(sender=IndexChange)


def record_pages(pages):
    record((_page_kind(page), page.pk) for page in pages)


def record_page_and_descendants(page):
    from wagtail.models import Page

    record_pages(Page.objects.descendant_of(page, inclusive=True).only("pk", "content_type"))


def record_profile(profile):
    record([("member", profile.pk)])


def record_term(kind, term):
    """The term's own page, and every document that shows its name or filters on it."""
    if is_configured():
        record([(kind, term.pk), *index_documents.tagged_with(kind, term)])


def _documents(kind, pks):
    """Index actions for what is findable now, delete actions for the rest.

    The passages of what is findable are embedded here, in the task, before the index
    hears of the change; the vectors of the rest go with their documents.
    """
    found = dict(vectors.keep(index_documents.sources(kind, pks)))
    vectors.forget(
        index_documents.document_id(kind, pk)
        for pk in pks
        if index_documents.document_id(kind, pk) not in found
    )
    for pk in pks:
        doc_id = index_documents.document_id(kind, pk)
        if doc_id in found:
            yield {"_index": index_alias(), "_id": doc_id, "_source": found[doc_id]}
        else:
            yield {"_op_type": "delete", "_index": index_alias(), "_id": doc_id}


def _send(actions):
    with guarded() as es:
        _ok, errors = bulk(
            es, actions, raise_on_error=False, raise_on_exception=True, request_timeout=20
        )
    real = [e for e in errors if next(iter(e.values())).get("status") != 404]
    if real:
        logger.error("Search index rejected %s documents: %s", len(real), real[:3])


def apply(changes=None):
    """Apply recorded changes (by default the pending ones) in the order they were made.

    Raises SearchUnavailableError when the node cannot be reached; what was not applied then
    stays pending.

    The index is refreshed before the content version moves: a search rendered after the
    move must read the change, or every host would cache the old results under the new
    version until it moved again.
    """
    changes = IndexChange.objects.pending() if changes is None else changes
    if not changes.exists():
        return 0
    index_admin.ensure_index()
    applied = 0
    last = 0
    while True:
        rows = list(changes.filter(pk__gt=last).order_by("pk")[:BATCH_SIZE])
        if not rows:
            break
        by_kind = defaultdict(set)
        for row in rows:
            if row.kind in index_documents.KINDS:
                by_kind[row.kind].add(row.object_id)
        actions = [action for kind, pks in by_kind.items() for action in _documents(kind, pks)]
        if actions:
            _send(actions)
        IndexChange.objects.filter(pk__in=[row.pk for row in rows]).update(
            applied_at=timezone.now()
        )
        applied += len(rows)
        last = rows[-1].pk
    if applied:
        with guarded() as es:
            es.indices.refresh(index=index_alias(), request_timeout=20)
        # A search page cached before the index changed would still show the old results.
        content_versions.invalidate()
    IndexChange.objects.filter(applied_at__lt=timezone.now() - KEEP_APPLIED).delete()
    return applied


def _noting_ids(pairs, seen):
    for doc_id, source in pairs:
        seen.append(doc_id)
        yield doc_id, source


def rebuild(progress=None, rules=None):
    """A new index filled from the database, switched in atomically; returns its name.

    Each chunk's passages are embedded just before the chunk is sent, reusing the vectors
    of passages that have not changed; `progress.embedded(n)`, when the progress has it,
    hears how many passages have been embedded so far.
    """
    name = index_admin.create_index(index_admin.new_index_name(), rules=rules, filling=True)
    last_change = IndexChange.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    seen = []
    try:
        pairs = vectors.keep(
            _noting_ids(index_admin.all_sources(), seen),
            progress=getattr(progress, "embedded", None),
        )
        index_admin.fill(name, pairs, progress=progress)
        with guarded() as es:
            es.indices.put_settings(
                index=name,
                body=index_admin.serving_settings(),
                request_timeout=index_admin.ADMIN_TIMEOUT,
            )
            es.indices.refresh(index=name, request_timeout=index_admin.ADMIN_TIMEOUT)
            # Replicas copy over before the alias moves, so a cluster serves from them too.
            es.cluster.health(
                index=name,
                wait_for_status="green" if settings.ELASTICSEARCH_REPLICAS else "yellow",
                timeout="120s",
                request_timeout=150,
            )
            # Merged and read once before visitors meet it, rather than by their searches.
            es.indices.forcemerge(
                index=name, max_num_segments=1, request_timeout=index_admin.ADMIN_TIMEOUT * 5
            )
            index_admin.warm(es, name)
            old = index_admin.switch_alias(es, name)
    except Exception:
        with guarded() as es:
            es.indices.delete(index=name, ignore=[404], request_timeout=index_admin.ADMIN_TIMEOUT)
        raise
    vectors.forget(sorted(vectors.stored_documents() - set(seen)))
    # Changes recorded while the new index filled went to the old one: replay them here.
    apply(IndexChange.objects.filter(pk__gt=last_change))
    with guarded() as es:
        for stale in old:
            es.indices.delete(index=stale, ignore=[404], request_timeout=index_admin.ADMIN_TIMEOUT)
    return name
