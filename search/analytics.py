"""Counting searches and opened results for facilitators, without recording who searched.

Queries are counted per day under their normalised text. A search answered from the page
cache is counted too (the cache tells us through a signal), keeping the result count the
last real run found, which cannot have changed since the cache entry is for the same
content version.
"""

import logging
from datetime import timedelta

from django.core import signing
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.http import urlencode

from network.platform.facilitator_screens import FacilitatorScreen
from search.facets import FACET_PARAMS
from search.language.text import printable
from search.models import SearchClickDay, SearchQueryDay

logger = logging.getLogger(__name__)
MAX_LENGTH = 200


def normalise_query(text):
    return " ".join(printable(text).lower().split())[:MAX_LENGTH]


CLICK_SALT = "search-click"


def click_signature(query, url):
    """Signs a query and result, so only links the search itself made are counted."""
    return signing.Signer(salt=CLICK_SALT).signature(f"{normalise_query(query)}\n{url}")


def opened_url(query, url):
    """The signed address a result link pings when it is opened."""
    params = {"q": query, "to": url, "sig": click_signature(query, url)}
    return f"{reverse('search-click')}?{urlencode(params)}"


def is_genuine_click(query, url, signature):
    return constant_time_compare(click_signature(query, url), signature or "")


ROWS_PER_DAY = 5000
RETENTION_DAYS = 366


def _bump(model, lookup, defaults, **updates):
    """Add one to today's row, creating it if this is the day's first.

    New rows stop at ROWS_PER_DAY a day (existing ones still count up), so a script
    inventing queries cannot fill the database, and rows older than RETENTION_DAYS are
    dropped as each day's first row is written.
    """
    try:
        with transaction.atomic():
            changed = model.objects.filter(**lookup).update(**updates)
            if not changed:
                today = model.objects.filter(day=lookup["day"])
                if today.count() >= ROWS_PER_DAY:
                    return
                if not today.exists():
                    cutoff = lookup["day"] - timedelta(days=RETENTION_DAYS)
                    model.objects.filter(day__lt=cutoff).delete()
                model.objects.create(**lookup, **defaults)
    except IntegrityError:
        _update_quietly(model, lookup, updates)
    except DatabaseError:
        # Counting is a nicety; a search must never fail because its count could not be kept.
        logger.warning("Could not record search analytics", exc_info=True)


def _update_quietly(model, lookup, updates):
    try:
        model.objects.filter(**lookup).update(**updates)
    except DatabaseError:
        logger.warning("Could not record search analytics", exc_info=True)


def record_search(query, results):
    query = normalise_query(query)
    if not query:
        return
    today = timezone.localdate()
    _bump(
        SearchQueryDay,
        {"query": query, "day": today},
        {"searches": 1, "results": results},
        searches=F("searches") + 1,
        results=results,
    )


def record_cached_search(query):
    query = normalise_query(query)
    if not query:
        return
    today = timezone.localdate()
    try:
        last = SearchQueryDay.objects.filter(query=query).order_by("-day").first()
    except DatabaseError:
        logger.warning("Could not read search analytics", exc_info=True)
        return
    results = last.results if last else 0
    _bump(
        SearchQueryDay,
        {"query": query, "day": today},
        {"searches": 1, "results": results},
        searches=F("searches") + 1,
    )


def record_click(query, url, title=""):
    query = normalise_query(query)
    if not query:
        return
    today = timezone.localdate()
    _bump(
        SearchClickDay,
        {"query": query, "day": today, "url": url[:300]},
        {"clicks": 1, "title": title[:300]},
        clicks=F("clicks") + 1,
    )


def report(days=30, limit=20):
    since = timezone.localdate() - timedelta(days=days - 1)
    queries = SearchQueryDay.objects.filter(day__gte=since)
    top = (
        queries.values("query").annotate(total=Sum("searches")).order_by("-total", "query")[:limit]
    )
    no_results = (
        queries.filter(results=0)
        .values("query")
        .annotate(total=Sum("searches"))
        .order_by("-total", "query")[:limit]
    )
    opened = (
        SearchClickDay.objects.filter(day__gte=since)
        .values("query", "url", "title")
        .annotate(total=Sum("clicks"))
        .order_by("-total", "query")[:limit]
    )
    return {
        "days": days,
        "top": list(top),
        "no_results": list(no_results),
        "opened": list(opened),
        "total_searches": queries.aggregate(total=Sum("searches"))["total"] or 0,
    }


def counts_as_search(params):
    """A typed query counts once: paging and narrowing by facets are not new searches."""
    if not params.get("q", "").strip():
        return False
    if params.get("page", "1") not in ("", "1"):
        return False
    return not any(params.get(param) for param in FACET_PARAMS)


PERIODS = (7, 30, 90)


class SearchAnalyticsView(FacilitatorScreen):
    template_name = "search/admin/analytics.html"
    page_title = "Search analytics"
    header_icon = "search"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        days = self.request.GET.get("days", "30")
        days = int(days) if days.isdigit() and int(days) in PERIODS else 30
        context.update(report(days=days), periods=PERIODS)
        return context
