"""Search reacts to the rest of the platform: cached searches are counted, synonyms saved
in the admin take effect, and every change to what can be found reaches the index.

Pages are indexed on Wagtail's publish, unpublish, move, delete and privacy events, never
on a raw post_save, which also fires for drafts and revisions that nobody may see yet.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.urls import reverse

from network.caching import page_cache
from network.platform import content_versions
from search.analytics import counts_as_search, record_cached_search
from search.elastic import connection, indexing
from search.elastic.connection import is_configured
from search.elastic.tasks import apply_index_changes, rebuild_index


def _cached_page_served(sender, request, **kwargs):
    if request.path == reverse("search") and counts_as_search(request.GET):
        record_cached_search(request.GET.get("q", ""))


def _queue_rebuild():
    try:
        rebuild_index.enqueue()
    except Exception:
        indexing.logger.exception("Could not queue the search index rebuild")


def _queue_apply(sender, **kwargs):
    """Changes were recorded, or the node answers again: the task applies what waits."""
    try:
        apply_index_changes.enqueue()
    except Exception:
        # Queuing must never undo the save; the rows wait for the next run.
        indexing.logger.exception("Could not queue the search index update")


def _synonyms_changed(sender, **kwargs):
    content_versions.invalidate()
    if is_configured():
        # Synonyms are part of the index's analyzers: a new index takes them, behind the alias.
        transaction.on_commit(_queue_rebuild)


def _page_published_or_withdrawn(sender, instance, **kwargs):
    indexing.record_pages([instance])


def _page_deleted(sender, instance, **kwargs):
    indexing.record_pages([instance])


def _page_moved(sender, instance, **kwargs):
    indexing.record_page_and_descendants(instance)


def _privacy_changed(sender, instance, **kwargs):
    page = getattr(instance, "page", None)
    if page is not None:
        indexing.record_page_and_descendants(page)


def _visibility_changed(sender, page, **kwargs):
    indexing.record_pages([page])


def _profile_changed(sender, instance, **kwargs):
    indexing.record_profile(instance)


def _interests_changed(sender, instance, action, **kwargs):
    from network.models import MemberProfile

    if action.startswith("post_") and isinstance(instance, MemberProfile):
        indexing.record_profile(instance)


def _term_changed(kind):
    def receiver(sender, instance, **kwargs):
        indexing.record_term(kind, instance)

    return receiver


_term_receivers = {kind: _term_changed(kind) for kind in ("theme", "sector", "region")}


def connect():
    from wagtail.models import Page, PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from network.models import MemberProfile, Region, Sector, Theme
    from search.models import SearchSynonym

    page_cache.served_from_cache.connect(_cached_page_served, dispatch_uid="search-cached")
    post_save.connect(_synonyms_changed, sender=SearchSynonym, dispatch_uid="search-synonyms")
    post_delete.connect(_synonyms_changed, sender=SearchSynonym, dispatch_uid="search-synonyms-d")

    page_published.connect(_page_published_or_withdrawn, dispatch_uid="search-index-published")
    page_unpublished.connect(_page_published_or_withdrawn, dispatch_uid="search-index-withdrawn")
    post_page_move.connect(_page_moved, dispatch_uid="search-index-moved")
    # Every page's deletion deletes its Page row too, so one sender covers every page type.
    post_delete.connect(_page_deleted, sender=Page, dispatch_uid="search-index-deleted")
    indexing.changes_recorded.connect(_queue_apply, dispatch_uid="search-index-apply")
    connection.recovered.connect(_queue_apply, dispatch_uid="search-index-recovered")
    for signal, uid in ((post_save, "saved"), (post_delete, "removed")):
        signal.connect(
            _privacy_changed, sender=PageViewRestriction, dispatch_uid=f"search-index-privacy-{uid}"
        )
        signal.connect(
            _profile_changed, sender=MemberProfile, dispatch_uid=f"search-index-profile-{uid}"
        )
    # Terms before they go, while the pages that carry them can still be found.
    for signal, uid in ((post_save, "saved"), (pre_delete, "removed")):
        for kind, model in (("theme", Theme), ("sector", Sector), ("region", Region)):
            signal.connect(
                _term_receivers[kind], sender=model, dispatch_uid=f"search-index-{kind}-{uid}"
            )
    m2m_changed.connect(
        _interests_changed,
        sender=MemberProfile.interests.through,
        dispatch_uid="search-index-interests",
    )
    content_versions.visibility_changed.connect(
        _visibility_changed, dispatch_uid="search-index-hidden"
    )
