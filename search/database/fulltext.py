"""Which pages' full text holds a query, as ids: everything else comes from the corpus.

Wagtail's database backend compiles the query, so each database reads it its own way
(PostgreSQL's English stemming, SQLite's FTS5 table). On PostgreSQL the index entries are
read directly rather than through each page type's queryset: one query answers every
kind, and it is steered onto the GIN index on ``title || body`` (migration
search/0003). A word in most pages ("new", "team") makes the planner prefer reading every
entry, which unpacks every stored body vector; the index's posting lists give the same
ids without opening a single one (measured at 10,000 pages: 87 ms against 12 ms).
"""

from django.db import connection, transaction
from django.db.models import F

from search.database.corpus import PAGE_KINDS


def _models():
    from blog.models import BlogPage
    from casestudies.models import CaseStudyPage
    from network.events.models import EventPage
    from network.resources.models import ResourcePage

    return {
        "post": BlogPage,
        "case-study": CaseStudyPage,
        "event": EventPage,
        "resource": ResourcePage,
    }


def matching(query):
    """{kind: set of page ids} whose indexed text matches the Wagtail search query."""
    models = _models()
    if connection.vendor == "postgresql":
        return _from_index_entries(query, models)
    return {
        kind: set(
            models[kind]
            .objects.search(query, operator="or", order_by_relevance=False)
            .get_queryset()
            .values_list("pk", flat=True)
        )
        for kind in PAGE_KINDS
    }


def _from_index_entries(query, models):
    from django.contrib.contenttypes.models import ContentType
    from django.contrib.postgres.aggregates import ArrayAgg
    from wagtail.search.models import IndexEntry

    results = models["post"].objects.search(query, operator="or", order_by_relevance=False)
    compiler = results.query_compiler
    tsquery = compiler.build_tsquery(compiler.query, config=compiler.get_config(results.backend))
    found = {kind: set() for kind in PAGE_KINDS}
    if tsquery is None:
        return found
    kinds = {ContentType.objects.get_for_model(model).pk: kind for kind, model in models.items()}
    # One row per indexed model, its ids as an array, so thousands of ids cost no Python
    # loop. Not filtered by content type: the planner would then read the content type's
    # index and every entry of it instead of the GIN index; other models' rows are few.
    entries = (
        IndexEntry.objects.annotate(_vector_=F("title")._combine(F("body"), "||", False))
        .filter(_vector_=tsquery)
        .order_by()
        .values("content_type_id")
        .annotate(ids=ArrayAgg("object_id"))
        .values_list("content_type_id", "ids")
    )
    with transaction.atomic(), connection.cursor() as cursor:
        # For this query only: a rolled-back savepoint or the end of the block restores it.
        cursor.execute(
            "SELECT current_setting('enable_seqscan'), set_config('enable_seqscan', 'off', true)"
        )
        previous = cursor.fetchone()[0]
        rows = list(entries)
        cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [previous])
    for content_type, ids in rows:
        kind = kinds.get(content_type)
        if kind is not None:
            found[kind] = set(map(int, ids))
    return found
