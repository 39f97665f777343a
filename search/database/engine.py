"""The search itself on the database path: gather, rank, facet, page and highlight.

Ranking is done here rather than trusted to the backend, because SQLite's backend
ignores field boosts: a concept found in a title counts most, in a summary or key
learning next, and further into the page least, so a page that holds every word of the
question in its body still outranks one that holds a single word. Rare concepts count
more than common ones, as in any inverse-document-frequency scheme, so "CMHT" outweighs
"work" in "how does the CMHT work".
"""

import math

from django.core.paginator import Paginator

from network.pages.listing import selected_chips
from network.platform.content_versions import content_version
from search.analytics import opened_url
from search.database import fulltext
from search.database import hits as gather
from search.database.corpus import PAGE_KINDS, TERM_KINDS, corpus
from search.database.spelling import vocabulary
from search.facets import build_facets, tally, theme_options
from search.language.highlight import highlight, passage
from search.language.query import parse
from search.language.text import printable
from search.results import (
    KIND_LABELS,
    MAX_QUERY_LENGTH,
    PAGE_SIZE,
    SORTS,
    Hit,
    SearchResponse,
    add_toggle_queries,
    stored_passages,
)
from search.synonyms import synonym_index

IN_TITLE, IN_TEXT, IN_BODY = 3, 2, 1
# What a concept found in each place adds, times the concept's rarity.
PLACE_SCORES = (0, 0.75, 1.5, 3)


def rank(entries, concepts, anywhere):
    """Each entry's score: for every concept it holds, where it holds it times how rare
    the concept is among the matches.

    Worked concept by concept over all the entries at once rather than entry by entry,
    so that a common word's thousands of matches cost a few passes in C.
    """
    scores = [0.0] * len(entries)
    total = len(entries)
    title_keys = [entry.title_key for entry in entries]
    text_keys = [entry.text_key for entry in entries]
    everywhere_in_titles = set(range(total))
    for concept, ids in zip(concepts, anywhere, strict=True):
        in_title = concept.found_among(title_keys)
        in_text = concept.found_among(text_keys) - in_title
        in_body = (
            {
                position
                for position, entry in enumerate(entries)
                if entry.pk in ids.get(entry.kind, ())
            }
            - in_title
            - in_text
        )
        weight = 1 + math.log((total + 1) / (len(in_title) + len(in_text) + len(in_body) + 1))
        for place, positions in ((IN_TITLE, in_title), (IN_TEXT, in_text), (IN_BODY, in_body)):
            points = PLACE_SCORES[place] * weight
            for position in positions:
                scores[position] += points
        everywhere_in_titles &= in_title
    for position in everywhere_in_titles:
        if entries[position].kind in TERM_KINDS:
            scores[position] += 5  # the landing page of exactly what was asked for
    return scores


def sort_entries(entries, scores, sort):
    """The entries in the order asked for; ties go to the newest, then by title.

    The corpus numbers its entries in that order once per version (``Entry.order``), so
    sorting thousands of matches compares two numbers each.
    """
    if sort == "newest":
        keys = [
            (entry.day, -score, entry.order) for entry, score in zip(entries, scores, strict=True)
        ]
    else:
        keys = [(-score, entry.order) for entry, score in zip(entries, scores, strict=True)]
    return [entries[position] for position in sorted(range(len(entries)), key=keys.__getitem__)]


def _gather(user, parsed):
    """Every match the viewer may see, and for each concept the page ids holding it."""
    anywhere = [fulltext.matching(concept.backend_query()) for concept in parsed.concepts]
    kept = corpus()
    found = gather.pages(kept, user, parsed.concepts, anywhere)
    found += gather.members(kept, user, parsed.concepts)
    found += gather.taxonomy_terms(kept, parsed.concepts)
    return found, anywhere


def _urls(request, documents):
    """Each shown hit's address and theme names.

    Pages are read with their URL path alone, which is all Wagtail's routing needs to
    address them; their themes are already in the corpus, named in the facet's order.
    """
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
    theme_names = theme_options()
    themes = {
        (document.kind, document.pk): [
            name for slug, name in theme_names if slug in document.facets.get("theme", ())
        ]
        for document in documents
        if document.kind in PAGE_KINDS
    }
    urls = {}
    for kind, pks in wanted.items():
        queryset = models[kind].objects.filter(pk__in=pks)
        if kind in PAGE_KINDS:
            for page in queryset.only("url_path"):
                urls[(kind, page.pk)] = (page.get_url(request), themes[(kind, page.pk)])
        else:
            for obj in queryset:
                urls[(kind, obj.pk)] = (obj.get_absolute_url(), [])
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
    documents, anywhere = _gather(request.user, parsed)
    years = {document.date.year for document in documents if document.date}
    facets = build_facets(years)
    selected = {facet.param: facet.values(params) for facet in facets}
    selected = {param: values for param, values in selected.items() if values}

    response = SearchResponse(query=query, sort=sort, searched_words=bool(parsed.concepts))
    response.browse = not parsed.concepts and not selected
    response.facets, matching = tally(documents, facets, selected)
    add_toggle_queries(params, response.facets)
    response.chips = selected_chips(params, facets, selected)

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
    matching = sort_entries(matching, rank(matching, parsed.concepts, anywhere), sort)
    response.page = Paginator(matching, PAGE_SIZE).get_page(params.get("page"))
    shown = list(response.page.object_list)
    urls = _urls(request, shown)
    texts = stored_passages([d.pk for d in shown if d.kind == "resource"])
    hits = []
    for document in shown:
        url, themes = urls.get((document.kind, document.pk), (None, []))
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
