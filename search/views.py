"""The /search/ page, its suggestions endpoint and the redirect that counts opened results.

Search and suggestions are limited per client (network/platform/ratelimit.py). An anonymous
search page may later be answered by the page cache, which never reaches the view and
so is not counted; that is harmless, because a cached page costs no search. A script
that varies its query to get past the cache reaches the view on every request and meets
the limit, and a refusal (429) is never stored in the page cache.
"""

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from network.platform.ratelimit import limit_per_client
from network.platform.site_address import is_local_path
from search import analytics, service
from search.results import SORTS


def _too_many_searches(request, wait):
    return render(
        request,
        "429.html",
        {"wait": wait, "limit": settings.SEARCH_RATE_LIMIT, "again": request.get_full_path()},
        status=429,
    )


def _too_many_suggestions(request, wait):
    return JsonResponse(
        {
            "query": request.GET.get("q", ""),
            "suggestions": [],
            "error": f"Too many requests for suggestions. Wait {wait} seconds.",
            "retry_after": wait,
        },
        status=429,
    )


@require_GET
@limit_per_client("search", "SEARCH_RATE_LIMIT", _too_many_searches)
def search(request):
    response = service.search(request)
    if response.query and response.searched_words and analytics.counts_as_search(request.GET):
        analytics.record_search(response.query, response.total)
    page = render(
        request,
        "search/search.html",
        {"search": response, "query": response.query, "sorts": SORTS},
    )
    if response.notice:
        # A page answered while Elasticsearch was away must not outlive the outage in
        # the page cache.
        add_never_cache_headers(page)
    return page


@require_GET
@limit_per_client("suggest", "SEARCH_SUGGEST_RATE_LIMIT", _too_many_suggestions)
def suggest(request):
    query = request.GET.get("q", "")
    return JsonResponse({"query": query, "suggestions": service.suggest(request.user, query)})


@csrf_exempt  # a browser's hyperlink-auditing ping carries no token; it only adds a count
@require_http_methods(["GET", "POST"])
def opened(request):
    """Count the result a visitor chose.

    Result links point straight at the page and name this view in their ``ping``
    attribute, so the browser reports the click (POST) without an intermediate redirect;
    a GET is the same count followed by a redirect, for links shared from elsewhere.
    Only local paths are followed, and only links signed by the search are counted, so
    nobody can fill the report with invented queries.
    """
    target = request.GET.get("to", "")
    query = request.GET.get("q", "")
    genuine = analytics.is_genuine_click(query, target, request.GET.get("sig"))
    if not is_local_path(request, target) or (request.method == "POST" and not genuine):
        if request.method == "POST":
            return HttpResponse(status=400)
        return HttpResponseRedirect(reverse("search"))
    if genuine:
        analytics.record_click(query, target)
    if request.method == "POST":
        return HttpResponse(status=204)
    return HttpResponseRedirect(target)
