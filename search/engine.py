"""The search itself on the database path: gather, rank, facet, page and highlight.

Ranking is done here rather than trusted to the backend, because SQLite's backend
ignores field boosts: a concept found in a title counts most, in a summary or key
learning next, and the backend's own order only separates pages that match in the body
alone. Rare concepts count more than common ones, as in any inverse-document-frequency
scheme, so "CMHT" outweighs "work" in "how does the CMHT work".
"""

import math
from dataclasses import dataclass, field

from django.core.paginator import Paginator

from network.listing import selected_chips
from network.page_cache import content_version
from search import documents as gather
from search.analytics import opened_url
from search.documents import KIND_LABELS
from search.facets import build_facets, count, passes
from search.highlight import highlight, passage
from search.query import parse
from search.spelling import vocabulary
from search.synonyms import synonym_index
from search.text import printable

PAGE_SIZE = 10
MAX_QUERY_LENGTH = 200
SORTS = {"relevance": "Relevance", "newest": "Newest first"}


@dataclass
class Hit:
    document: object
    url: str
    title: str
    snippet: str
    kind_label: str
    open_url: str = ""
    themes: list = field(default_factory=list)
    # A resource's passage from inside its document, and where it is ("page 3").
    passage: str = ""
    passage_where: str = ""


@dataclass
class SearchResponse:
    query: str
    sort: str
    total: int = 0
    page: object = None
    facets: list = field(default_factory=list)
    chips: list = field(default_factory=list)
    suggestion: str | None = None
    suggestion_query: str = ""
    browse: bool = False
    notice: str = ""
    searched_words: bool = False  # False when the query held only stopwords or symbols
    topics: list = field(default_factory=list)  # theme, sector and region pages beside
    engine: str = "database"


IN_TITLE, IN_TEXT = 2, 1


def _where_found(document, concepts):
    """For each concept: found in the title, in the summary-like text, or not at all."""
    return [
        IN_TITLE if c.matches(document.title) else IN_TEXT if c.matches(document.text) else 0
        for c in concepts
    ]


def rank(documents, concepts):
    found = [_where_found(document, concepts) for document in documents]
    total = len(documents)
    weights = [
        1 + math.log((total + 1) / (sum(1 for places in found if places[i]) + 1))
        for i in range(len(concepts))
    ]
    for document, places in zip(documents, found, strict=True):
        score = document.backend_rank
        for place, weight in zip(places, weights, strict=True):
            score += {IN_TITLE: 3, IN_TEXT: 1.5}.get(place, 0) * weight
        if document.kind in ("theme", "sector", "region") and all(
            place == IN_TITLE for place in places
        ):
            score += 5  # the landing page of exactly what was asked for
        document.score = score


def sort_documents(documents, sort):
    if sort == "newest":
        documents.sort(
            key=lambda d: (d.date is None, -(d.date.toordinal() if d.date else 0), -d.score)
        )
    else:
        documents.sort(
            key=lambda d: (-d.score, -(d.date.toordinal() if d.date else 0), d.title.lower())
        )


PAGE_KINDS = ("post", "case-study", "event", "resource")


def toggle_query(params, param, value):
    copy = params.copy()
    copy.pop("page", None)
    values = copy.getlist(param)
    copy.setlist(param, [v for v in values if v != value] if value in values else [*values, value])
    return copy.urlencode()


def _gather(user, parsed):
    backend_query = parsed.backend_query()
    found = gather.posts(user, backend_query) + gather.case_studies(user, backend_query)
    found += gather.events(user, backend_query) + gather.resources(user, backend_query)
    return found + gather.members(user, parsed.concepts) + gather.taxonomy_terms(parsed.concepts)


def _urls(request, documents):
    from blog.models import BlogPage
    from casestudies.models import CaseStudyPage
    from network.events.models import EventPage
    from network.models import MemberProfile, Region, Sector, Theme
    from network.resources.models import ResourcePage

    models = {
        "post": BlogPage,
        "case-study": CaseStudyPage,
        "event": EventPage,
        "resource": ResourcePage,
        "member": MemberProfile,
        "theme": Theme,
        "sector": Sector,
        "region": Region,
    }
    wanted = {}
    for document in documents:
        wanted.setdefault(document.kind, []).append(document.pk)
    objects = {}
    for kind, pks in wanted.items():
        queryset = models[kind].objects.filter(pk__in=pks)
        if kind in PAGE_KINDS:
            queryset = queryset.prefetch_related("themes")
        for obj in queryset:
            objects[(kind, obj.pk)] = obj
    urls = {}
    for key, obj in objects.items():
        if key[0] in PAGE_KINDS:
            urls[key] = (obj.get_url(request), [theme.name for theme in obj.themes.all()])
        else:
            urls[key] = (obj.get_absolute_url(), [])
    return urls


def _passage(text, parsed):
    """Where in a resource's document the words were found, for the hit's second line."""
    found = passage(text.pages, parsed.concepts) if text is not None and parsed.concepts else None
    if found is None:
        return {}
    number, snippet = found
    return {"passage": snippet, "passage_where": text.page_label(number)}


def search(request):
    params = request.GET
    query = " ".join(printable(params.get("q", "")).split())[:MAX_QUERY_LENGTH]
    sort = params.get("sort") if params.get("sort") in SORTS else "relevance"
    version = content_version()
    parsed = parse(
        query,
        synonym_index(version),
        vocabulary(version),
        found_as_typed=lambda word: gather.found_as_typed(request.user, word),
    )
    documents = _gather(request.user, parsed)
    years = {document.date.year for document in documents if document.date}
    facets = build_facets(years)
    selected = {facet.param: facet.values(params) for facet in facets}
    selected = {param: values for param, values in selected.items() if values}

    response = SearchResponse(query=query, sort=sort, searched_words=bool(parsed.concepts))
    response.browse = not parsed.concepts and not selected
    response.facets = count(documents, facets, selected)
    for facet in response.facets:
        for value in facet.values:
            value.toggle_query = toggle_query(params, facet.param, value.value)
    response.chips = selected_chips(params, facets, selected)

    matching = [document for document in documents if passes(document, selected)]
    response.total = len(matching) if not response.browse else 0
    if parsed.suggestion:
        response.suggestion = parsed.suggestion
        suggestion_params = params.copy()
        suggestion_params["q"] = parsed.suggestion
        suggestion_params.pop("page", None)
        response.suggestion_query = suggestion_params.urlencode()
    if response.browse:
        return response

    if not parsed.concepts:
        response.sort = sort = "newest"  # nothing to rank by: browsing a facet
    rank(matching, parsed.concepts)
    sort_documents(matching, sort)
    response.page = Paginator(matching, PAGE_SIZE).get_page(params.get("page"))
    shown = list(response.page.object_list)
    urls = _urls(request, shown)
    texts = gather.passages([d.pk for d in shown if d.kind == "resource"])
    hits = []
    for document in shown:
        url, themes = urls.get(document.key, (None, []))
        if url is None:
            continue
        hits.append(
            Hit(
                document=document,
                url=url,
                title=document.title,
                snippet=highlight(document.text, parsed.concepts),
                kind_label=KIND_LABELS[document.kind],
                open_url=opened_url(query, url),
                themes=themes,
                **_passage(texts.get(document.pk) if document.kind == "resource" else None, parsed),
            )
        )
    response.page.object_list = hits
    return response
