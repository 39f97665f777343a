"""What both search paths hand the results page: hits, the response, kinds and links.

The database path and Elasticsearch never import each other; the page they fill in is
described here once, so the template does not care which engine answered.
"""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

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


KIND_LABELS = {
    "post": "Reflections",
    "case-study": "Case studies",
    "event": "Events",
    "resource": "Resources",
    "member": "Members",
    "theme": "CMHF themes",
    "sector": "Sectors",
    "region": "Regions",
}


@dataclass(slots=True)
class Document:
    """A hit Elasticsearch found, with the fields of a corpus entry the results page reads
    (search/database/corpus.py), so the template does not care which engine answered."""

    kind: str
    pk: int
    title: str
    text: str = ""
    date: datetime.date | None = None
    facets: dict = field(default_factory=dict)

    @property
    def facet_pairs(self):
        return tuple((facet, value) for facet, values in self.facets.items() for value in values)


def stored_passages(pks):
    """Each resource's document pages and how to name them, for the hits being shown."""
    from network.resources.models import DocumentText, ResourcePage

    documents = dict(ResourcePage.objects.filter(pk__in=pks).values_list("pk", "document_id"))
    texts = {
        text.document_id: text
        for text in DocumentText.objects.filter(
            document_id__in=[d for d in documents.values() if d], status="searchable"
        ).select_related("document")
    }
    return {pk: texts[document] for pk, document in documents.items() if document in texts}


def add_toggle_queries(params, facet_results):
    """Every facet value's link: the query string with that value ticked or unticked.

    Any page number is dropped, since the results change. Built from each parameter's
    encoded pairs once rather than by copying the query for each of the fifty or so values
    on the page.
    """
    lists = [(key, values) for key, values in params.lists() if key != "page"]
    encoded = {key: [urlencode({key: value}) for value in values] for key, values in lists}
    for facet in facet_results:
        param = facet.param
        current = dict(lists).get(param, [])
        for value in facet.values:
            chosen = value.value
            toggled = (
                [v for v in current if v != chosen] if chosen in current else [*current, chosen]
            )
            own = [urlencode({param: v}) for v in toggled]
            parts = [
                part for key, _values in lists for part in (own if key == param else encoded[key])
            ]
            if param not in encoded:
                parts += own
            value.toggle_query = "&".join(parts)
