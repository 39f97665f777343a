"""Search reacts to the rest of the platform: cached searches are counted, synonyms
saved in the admin take effect on the next search."""

from django.db.models.signals import post_delete, post_save
from django.urls import reverse

from network import page_cache
from search.analytics import counts_as_search, record_cached_search


def _cached_page_served(sender, request, **kwargs):
    if request.path == reverse("search") and counts_as_search(request.GET):
        record_cached_search(request.GET.get("q", ""))


def _synonyms_changed(sender, **kwargs):
    page_cache.invalidate()


def connect():
    from search.models import SearchSynonym

    page_cache.served_from_cache.connect(_cached_page_served, dispatch_uid="search-cached")
    post_save.connect(_synonyms_changed, sender=SearchSynonym, dispatch_uid="search-synonyms")
    post_delete.connect(_synonyms_changed, sender=SearchSynonym, dispatch_uid="search-synonyms-d")
