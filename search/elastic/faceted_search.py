"""/search/ answered by Elasticsearch: the page of hits, its counts and the topics at once.

The response has the shape the database path gives (search/database/engine.py), so the template
does not know which engine answered. The words of a query match with OR and the ranking
sorts them out, so a plain question finds pages that hold some of its words; the
database path, which matches each synonym group as a phrase, finds fewer.

Facet counts are disjunctive, as elasticsearch-dsl's FacetedSearch computes them: each
facet's aggregation is filtered by every other facet's choice, and the choices themselves
narrow the hits through a post filter. The counts are a search of their own in the same
multi-search, which needs no scores, so the node works on them on one core while it scores
the page of hits on the other. Its total work stays about what one search doing both
cost (the two `took`s add up to within a few ms of it): a visitor gets the answer sooner,
and a busy node serves about as many. Facets nobody has chosen from share one filter,
whose count is the number of results.

Every hit shown is checked again against the viewer's own querysets (search/visible.py),
so a document the index still holds for a moment after a change can never show something
the viewer may not see.
"""

import datetime
import html
import logging
import re

from django.core.paginator import Paginator
from django.utils.html import escape
from django.utils.safestring import mark_safe
from elasticsearch_dsl import FacetedSearch, MultiSearch, Q, Search, TermsFacet
from elasticsearch_dsl.query import MatchAll, MatchNone

from network.pages.listing import selected_chips
from network.platform.membership import is_facilitator, is_member
from search.analytics import opened_url
from search.elastic.connection import ALIAS, guarded, index_alias
from search.elastic.documents import CONTENT_KINDS, TOPIC_KINDS, document_id
from search.facets import build_facets, facet_result
from search.language.text import STOPWORDS, printable, words
from search.results import (
    KIND_LABELS,
    MAX_QUERY_LENGTH,
    PAGE_SIZE,
    SORTS,
    Document,
    Hit,
    SearchResponse,
    add_toggle_queries,
    stored_passages,
)
from search.semantic import vectors
from search.visible import visible_keys

logger = logging.getLogger(__name__)

FIELDS = ["title^3", "keywords^2", "summary^2", "key_learning^2", "body", "document_text"]
# Snippets come from the short fields, as on the database path: highlighting the body of
# every hit would cost more than finding them.
SNIPPET_FIELDS = ("summary", "key_learning")
SNIPPET_LENGTH = 260
# A resource's passage comes from inside its document: only the ten hits shown are
# highlighted, and one page's words at most.
PASSAGE_FIELD = "document_text"
MEMBER_WEIGHT = 0.2
PERSON_FIELDS = ["title", "role^2", "summary", "keywords", "body^0.5"]
PERSON_MATCH = "2<75%"
PERSON_WEIGHT = 6.0
ROLE_WEIGHT = 3.0
TOPICS_SHOWN = 5
MAX_PAGE = 10_000 // PAGE_SIZE  # Elasticsearch's result window
DATE_DESC = {"date": {"order": "desc", "missing": "_last"}}
TERM_FACETS = {
    "type": "kind",
    "theme": "theme",
    "sector": "sector",
    "region": "region",
    "year": "year",
    "status": "status",
    "integration": "integration",
}
MAX_WORDS = 16
# Every choice applied: the unchosen facets' counts, and its own count the results'.
RESULTS_BUCKET = "_results"
PHRASE_FIELDS = ["title^2", "summary", "key_learning"]
COVERAGE_FIELDS = ["title", "keywords", "summary", "key_learning", "body", "document_text"]
COVERAGE_MATCH = "3<75%"  # all of up to three words, three in four of more
COVERAGE_WEIGHT = 2


class QueryRejectedError(Exception):
    """Elasticsearch refused this one query; the database path answers it instead."""


def query_text(query):
    """The words to send, each once and at most MAX_WORDS; empty when none carries meaning.

    A query repeating one acronym sixty times would otherwise expand, with its synonyms,
    into more clauses than Elasticsearch accepts. Small words stay, so phrases still match.
    """
    unique = []
    for word in words(query):
        if word not in unique:
            unique.append(word)
    if all(word in STOPWORDS for word in unique):
        return ""
    return " ".join(unique[:MAX_WORDS])


def viewer_filter(user):
    """What the viewer may find: audiences by role, and their own profile whatever it is."""
    audiences = ["public"]
    if is_member(user):
        audiences.append("members")
    if is_facilitator(user):
        audiences.append("hidden")
    allowed = Q("terms", audience=audiences)
    if getattr(user, "is_authenticated", False):
        allowed |= Q("term", owner=user.pk)
    return allowed


def typing_slips(text, fields, boost):
    """Each word matched loosely (one slip in five letters, two from nine), without
    synonyms: what forgives a typing slip in guidance and in profiles alike."""
    return Q(
        "multi_match",
        query=text,
        fields=fields,
        analyzer="content_words",
        fuzziness="AUTO:5,9",
        prefix_length=1,
        max_expansions=20,
        boost=boost,
    )


def content_query(text, fields=FIELDS):
    """Synonyms and word forms, plus a fuzzy pass without synonyms for typing slips, a
    phrase pass, and coverage: a page that holds most of the query's words somewhere
    between its title and its text gains over one that repeats a few of them, as the
    database path ranks a page holding more of the question's concepts first.

    The fuzzy pass also matches every word on its own, exactly as well as loosely: where
    the first clause reads a synonym group as one phrase ("peer support"), it is what
    still finds a page holding only one of the words, and what joins a hyphenated word.
    So it covers every word, known or not, though for a question of common words it is
    most of what the node spends on the search."""
    return Q(
        "bool",
        should=[
            Q("multi_match", query=text, fields=fields, type="most_fields"),
            typing_slips(text, fields, boost=0.3),
            Q(
                "multi_match",
                query=text,
                type="phrase",
                slop=2,
                fields=PHRASE_FIELDS,
                boost=2,
            ),
            Q(
                "multi_match",
                query=text,
                type="cross_fields",
                fields=COVERAGE_FIELDS,
                minimum_should_match=COVERAGE_MATCH,
                boost=COVERAGE_WEIGHT,
            ),
        ],
        minimum_should_match=1,
    )


def person_query(text):
    """Profiles, ranked by how much of the query the person is.

    A profile that mentions a word or two of a question about guidance ranks low: its
    words count at MEMBER_WEIGHT. One whose name, role, organisation, sector, region and
    interests hold most of the query's ideas together (a role with a place or an
    interest: "pharmacist doing medication reviews in the North West") is scored as one
    field across them all, at PERSON_WEIGHT, and a role named in the query adds to it:
    that profile comes first. The weights were set on the judged set as a whole
    (tests/search/test_judged_set.py), never on one query.
    """
    member = Q("term", kind="member")
    most_ideas = Q(
        "multi_match",
        query=text,
        type="cross_fields",
        fields=PERSON_FIELDS,
        minimum_should_match=PERSON_MATCH,
        boost=PERSON_WEIGHT,
    )
    names_role = Q("match", role={"query": text, "boost": ROLE_WEIGHT})
    return Q(
        "bool",
        filter=[member],
        should=[
            most_ideas,
            names_role,
            Q("multi_match", query=text, fields=FIELDS, boost=MEMBER_WEIGHT),
            typing_slips(text, PERSON_FIELDS, boost=MEMBER_WEIGHT),
        ],
        minimum_should_match=1,
    )


class ContentSearch(FacetedSearch):
    """Posts, case studies and profiles; filters that are not facets are ignored."""

    using = ALIAS
    fields = FIELDS
    facets = {param: TermsFacet(field=field, size=200) for param, field in TERM_FACETS.items()}

    def __init__(self, viewer, query, filters, sort, typed=""):
        self.index = index_alias()
        self.viewer = viewer
        self.typed = typed or query
        self.chosen = filters
        super().__init__(query, filters, sort)

    def add_filter(self, name, filter_values):
        if name in self.facets:
            super().add_filter(name, filter_values)

    def search(self):
        return (
            super()
            .search()
            .filter(viewer_filter(self.viewer))
            .filter("terms", kind=list(CONTENT_KINDS))
            .extra(track_total_hits=False)  # the number comes from counts_search()
            .source(["kind", "object_id", "title", "summary", "date", "url", "theme_names"])
        )

    def aggregate(self, search):
        """Nothing on the page of hits: counts_search() asks for the counts beside it."""

    def _chosen(self, but=None):
        """Every facet's choice, less facet `but`'s, as one filter."""
        combined = MatchAll()
        for name, choice in self._filters.items():
            if name != but:
                combined &= choice
        return combined

    def counts_search(self):
        """Every facet's counts, and in RESULTS_BUCKET the number of results."""
        counts = self.query(self.search(), self._query).extra(size=0)
        shared = counts.aggs.bucket(RESULTS_BUCKET, "filter", filter=self._chosen())
        for name, facet in self.facets.items():
            if name in self._filters:
                bucket = counts.aggs.bucket(f"_filter_{name}", "filter", filter=self._chosen(name))
            else:
                bucket = shared
            bucket.bucket(name, facet.get_aggregation())
        return counts

    def query(self, search, query):
        if not query:
            return search
        return search.query(
            Q(
                "bool",
                should=[
                    Q("bool", must=[content_query(query)], must_not=[Q("term", kind="member")]),
                    person_query(query),
                ],
                minimum_should_match=1,
            )
        )

    def highlight(self, search):
        options = {
            "encoder": "html",
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "type": "unified",
        }
        if self._query:
            # Marked: the words and their synonyms; the fuzzy and phrase clauses would cost
            # most of the request to highlight and add little to what a reader sees.
            options["highlight_query"] = Q(
                "multi_match", query=self._query, fields=[*SNIPPET_FIELDS, PASSAGE_FIELD]
            ).to_dict()
        return search.highlight(
            *SNIPPET_FIELDS, PASSAGE_FIELD, number_of_fragments=1, fragment_size=SNIPPET_LENGTH
        ).highlight_options(**options)


def _topics_search(viewer, query):
    return (
        Search(index=index_alias())
        .filter("terms", kind=list(TOPIC_KINDS))
        .filter(viewer_filter(viewer))
        .query(
            Q(
                "bool",
                should=[
                    # A topic is listed when its name holds every word asked for.
                    Q("match", title={"query": query, "operator": "and"}),
                    Q(
                        "match",
                        title={
                            "query": query,
                            "operator": "and",
                            "analyzer": "content_words",
                            "fuzziness": "AUTO:5,9",
                            "prefix_length": 1,
                        },
                    ),
                    Q("match_phrase", summary={"query": query, "slop": 1}),
                ],
                minimum_should_match=1,
            )
        )
        .source(["kind", "object_id", "title", "url"])[:TOPICS_SHOWN]
    )


def _did_you_mean(search, query):
    """Corrections for words the public content never uses in any form (term suggesters:
    one lookup per word, where a phrase suggester would run a query per candidate).

    `spelling` offers real words as corrections; `known` reads the same words with word
    forms, so "involve" is known from "involved" and "works" from "work", and a word
    it finds in any form is never corrected. The query goes as it was typed, so each
    correction's offset points into it."""
    options = {"suggest_mode": "missing", "min_word_length": 4, "size": 1}
    return search.suggest(
        "spelling", query, term={"field": "spelling", "analyzer": "folded", **options}
    ).suggest("known", query, term={"field": "spelling.forms", "analyzer": "spelling", **options})


class ResultWindow:
    """The hits of one page posing as the whole result list, for Django's Paginator."""

    def __init__(self, total, hits):
        self.total = total
        self.hits = hits

    def __len__(self):
        return self.total

    def __getitem__(self, index):
        return self.hits


def _page_number(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), MAX_PAGE)


def _snippet(hit):
    highlighted = getattr(hit.meta, "highlight", None)
    if highlighted is not None:
        for name in SNIPPET_FIELDS:
            fragments = getattr(highlighted, name, None)
            if fragments:
                # The html encoder escaped the member's text; only <mark> is markup here.
                return mark_safe(fragments[0])
    summary = " ".join((hit.summary or "").split()) if "summary" in hit else ""
    if len(summary) > SNIPPET_LENGTH:
        summary = summary[: summary.rfind(" ", 0, SNIPPET_LENGTH) + 1 or SNIPPET_LENGTH] + "…"
    return escape(summary)


TAG = re.compile(r"</?mark>")


def _passages(found):
    """Each shown resource's passage and the page it is on, found by matching the
    highlighted fragment against the stored pages (the index does not say which page)."""
    fragments = {}
    for hit in found:
        highlighted = getattr(hit.meta, "highlight", None)
        texts = getattr(highlighted, PASSAGE_FIELD, None) if highlighted is not None else None
        if hit.kind == "resource" and texts:
            fragments[hit.object_id] = texts[0]
    if not fragments:
        return {}
    stored = stored_passages(list(fragments))
    passages = {}
    for pk, fragment in fragments.items():
        plain = html.unescape(TAG.sub("", fragment))
        text = stored.get(pk)
        number = (
            next((n for n, page in enumerate(text.pages, start=1) if plain in page), None)
            if text is not None
            else None
        )
        where = text.page_label(number) if text is not None else ""
        # The html encoder escaped the document's words; only <mark> is markup here.
        passages[pk] = {"passage": mark_safe(fragment), "passage_where": where}
    return passages


def _facet_counts(aggregations):
    """{facet: {value: count}} from counts_search()'s aggregations."""
    shared = aggregations[RESULTS_BUCKET]
    found = {}
    for param in TERM_FACETS:
        holder = shared if param in shared else aggregations[f"_filter_{param}"]
        found[param] = {
            str(bucket["key"]): bucket["doc_count"] for bucket in holder[param]["buckets"]
        }
    return found


def _facets(years):
    facets = build_facets(years)
    for facet in facets:
        if facet.param == "type":
            facet.options = [
                (kind, label) for kind, label in facet.options if kind in CONTENT_KINDS
            ]
    return facets


def _page_of(faceted, number):
    start = (number - 1) * PAGE_SIZE
    return faceted._s[start : start + PAGE_SIZE]


def _ask(faceted, number, hits=True, closest=None, after_first=None):
    """One round trip: the page of hits, the counts, the topics and, when ranking by
    meaning, the documents closest in meaning that the viewer and the filters allow.

    Answers (hits, counts, topics, close hits): hits is None when not asked for, topics
    empty when there are no words (or a filter is chosen), close hits None without
    `closest`. With `closest`, the hits are the first FUSED_DEPTH by words, to be fused.
    With `after_first` (the document ids the fused first page showed), the hits are page
    `number` of the ranking by words that goes on after that page, without them.
    """
    text = faceted._query
    multi = MultiSearch(index=index_alias(), using=ALIAS)
    if hits:
        multi = multi.add(_hits_search(faceted, number, closest, after_first))
    multi = multi.add(faceted.counts_search())
    # Topics sit beside the results of a search across everything; once the visitor has
    # narrowed to a kind, theme, sector, region or year, a topic page is not what they
    # narrowed to.
    topics = bool(text and not faceted._filters)
    if topics:
        multi = multi.add(_topics_search(faceted.viewer, text))
    close = [doc for doc, cosine in closest or () if cosine >= CLOSE_IN_MEANING]
    if close:
        allowed = ContentSearch(faceted.viewer, "", faceted.chosen, faceted._sort)
        multi = multi.add(allowed._s.filter("ids", values=close)[: len(close)])
    with guarded():
        answers = multi.execute(raise_on_error=False)
    if any(answer is None for answer in answers):
        raise QueryRejectedError(text)
    answers = list(answers)
    found = answers.pop(0) if hits else None
    counts = answers.pop(0)
    topics_found = answers.pop(0) if topics else []
    close_found = answers.pop(0) if close else None
    return found, counts, topics_found, close_found


def _hits_search(faceted, number, closest=None, after_first=None):
    if closest is not None:
        return faceted._s[:FUSED_DEPTH]
    if after_first is not None:
        start = (number - 2) * PAGE_SIZE
        return faceted._s.exclude("ids", values=after_first or ["-"])[start : start + PAGE_SIZE]
    return _page_of(faceted, number)


def _spelling(query):
    """The query with its misspelt words corrected, or None: a request of its own, first,
    so that the one search after it already looks for the corrected words.

    The suggester reads the index's dictionary of words, which keeps the words of a
    document's earlier versions until its segments merge. A correction is offered only
    when a public document holds it now, so words of a profile since hidden or a post
    since made members-only never come back through "Did you mean"."""
    check = _did_you_mean(
        Search(index=index_alias(), using=ALIAS).query(MatchNone()).extra(size=0), query
    )
    with guarded():
        answer = check.execute()
    suggestion = _suggestion(answer, query)
    if not suggestion:
        return None
    corrections = sorted(set(words(suggestion)) - set(words(query)))
    if corrections:
        multi = MultiSearch(index=index_alias(), using=ALIAS)
        for word in corrections:
            multi = multi.add(
                Search()
                .filter("term", audience="public")
                .query(Q("match", spelling=word))
                .extra(size=0, terminate_after=1, track_total_hits=1)
            )
        with guarded():
            held = multi.execute(raise_on_error=False)
        if any(answer is None or not answer.hits.total.value for answer in held):
            return None
    return suggestion


TOPIC_LABELS = {"theme": "CMHF theme", "sector": "sector", "region": "region"}


def _hit(document, url, query, **fields):
    fields.setdefault("kind_label", KIND_LABELS[document.kind])
    return Hit(
        document=document, url=url, title=document.title, open_url=opened_url(query, url), **fields
    )


def _hits(user, query, found, topics_found):
    """Hits to show from the index's hits (`found`, a list) and the topics beside them."""
    keys = [(hit.kind, hit.object_id) for hit in [*found, *topics_found]]
    visible = visible_keys(user, keys)
    passages = _passages(found)
    hits = []
    for hit in found:
        if (hit.kind, hit.object_id) not in visible:
            continue
        day = datetime.date.fromisoformat(hit.date[:10]) if "date" in hit and hit.date else None
        document = Document(hit.kind, hit.object_id, hit.title, date=day)
        themes = list(hit.theme_names) if "theme_names" in hit else []
        passage = passages.get(hit.object_id, {}) if hit.kind == "resource" else {}
        hits.append(_hit(document, hit.url, query, snippet=_snippet(hit), themes=themes, **passage))
    topics = [
        _hit(
            Document(topic.kind, topic.object_id, topic.title),
            topic.url,
            query,
            snippet="",
            kind_label=TOPIC_LABELS[topic.kind],
        )
        for topic in topics_found
        if (topic.kind, topic.object_id) in visible
    ]
    return hits, topics


def search(request):
    """Raises SearchUnavailableError when the node cannot answer; the caller falls back."""
    params = request.GET
    query = " ".join(printable(params.get("q", "")).split())[:MAX_QUERY_LENGTH]
    sort = params.get("sort") if params.get("sort") in SORTS else "relevance"
    text = query_text(query)

    # Years are options only once the index says which exist; other facets are known.
    known = _facets(years=range(1990, 2100))
    selected = {facet.param: facet.values(params) for facet in known}
    selected = {param: values for param, values in selected.items() if values}
    browse = not text and not selected
    if not text:
        sort = "newest"  # nothing to rank by: browsing a facet
    order = (DATE_DESC, "_score") if sort == "newest" else ("_score", DATE_DESC)
    number = _page_number(params.get("page"))
    suggestion = _spelling(query) if text else None
    if suggestion:
        # A misspelt word matches nothing as typed: its correction is searched beside it,
        # as on the database path, while "Did you mean" offers the corrected query.
        text = query_text(f"{query} {suggestion}")
    faceted = ContentSearch(request.user, text, selected, order, typed=query)
    closest = _closest(text, suggestion) if text and sort == "relevance" else None
    # The first page fuses words and meaning; the pages after it go on with the ranking
    # by words, less what the first page showed, so nothing is shown twice or skipped.
    first_page, added, after_ids = None, 0, None
    if closest is not None and number > 1:
        found, _counts, _topics, close_found = _ask(faceted, 1, closest=closest)
        first_page, added = _fused_page(found, closest, close_found)
        after_ids = [document_id(hit.kind, hit.object_id) for hit in first_page]
    found, counts, topics_found, close_found = _ask(
        faceted,
        number,
        hits=not browse,
        closest=closest if number == 1 else None,
        after_first=after_ids,
    )
    shown = list(found.hits) if found is not None else []
    if closest is not None and number == 1:
        shown, added = _fused_page(found, closest, close_found)
    aggregations = counts.to_dict()["aggregations"]
    total = aggregations[RESULTS_BUCKET]["doc_count"] + added
    if not browse and (number - 1) * PAGE_SIZE >= total:  # past the end: the last page
        number = min(max(-(-total // PAGE_SIZE), 1), MAX_PAGE)
        if first_page is not None and number == 1:
            shown = first_page
        else:
            with guarded():  # only the hits change
                shown = list(_hits_search(faceted, number, after_first=after_ids).execute().hits)

    counted = _facet_counts(aggregations)
    # A chosen year stays an option (ticked, count 0) when other choices leave it empty.
    facets = _facets({*counted["year"], *selected.get("year", ())})
    response = SearchResponse(query=query, sort=sort, searched_words=bool(text))
    response.engine = "elasticsearch"
    response.browse = browse
    response.facets = [facet_result(facet, counted[facet.param], selected) for facet in facets]
    add_toggle_queries(params, response.facets)
    response.chips = selected_chips(params, facets, selected)
    if browse:
        return response

    if suggestion:
        response.suggestion = suggestion
        suggestion_params = params.copy()
        suggestion_params["q"] = suggestion
        suggestion_params.pop("page", None)
        response.suggestion_query = suggestion_params.urlencode()
    response.total = total
    hits, response.topics = _hits(request.user, query, shown, topics_found)
    paginator = Paginator(ResultWindow(min(total, MAX_PAGE * PAGE_SIZE), hits), PAGE_SIZE)
    response.page = paginator.page(number)
    return response


# Hybrid ranking: the first FUSED_DEPTH hits by words and the closest documents by meaning
# are fused by reciprocal rank (each list gives 1 / (RANK_CONSTANT + rank)); past the
# pages they fill, the ranking by words goes on alone.
FUSED_DEPTH = 20
RANK_CONSTANT = 60
MEANING_WEIGHT = 1.0
# Below this cosine a document is not close enough in meaning to be added by meaning.
CLOSE_IN_MEANING = 0.35


def _fused_page(found, closest, close_found):
    """The first page's hits by reciprocal rank over words and meaning, and how many of
    them only meaning found (the total grows by those).

    A document found only by meaning is shown only if the index gave it back in
    `close_found`, which asked with every filter the words' hits had: the viewer's
    audiences, the kinds searched and the chosen facets.
    """
    by_words = list(found.hits)
    ranked = {document_id(hit.kind, hit.object_id): n for n, hit in enumerate(by_words)}
    by_id = {document_id(hit.kind, hit.object_id): hit for hit in by_words}
    for hit in close_found.hits if close_found is not None else ():
        by_id.setdefault(document_id(hit.kind, hit.object_id), hit)
    close = [doc for doc, cosine in closest if cosine >= CLOSE_IN_MEANING]
    scores = {doc: 1 / (RANK_CONSTANT + n + 1) for doc, n in ranked.items()}
    for n, doc in enumerate(close):
        scores[doc] = scores.get(doc, 0) + MEANING_WEIGHT / (RANK_CONSTANT + n + 1)
    fused = sorted((doc for doc in scores if doc in by_id), key=lambda doc: -scores[doc])
    page = fused[:PAGE_SIZE]
    return [by_id[doc] for doc in page], sum(1 for doc in page if doc not in ranked)


def _closest(text, suggestion):
    """[(document id, cosine)] closest in meaning to the query, or None when ranking by
    meaning is unavailable: without the model, or when the vectors cannot be read (a
    damaged row, a database hiccup), search goes on by words and says why in the log."""
    try:
        if not vectors.available():
            return None
        return vectors.nearest(query_text(suggestion) if suggestion else text, FUSED_DEPTH)
    except Exception:
        logger.exception("Search ranks by words alone: the vectors could not be read")
        return None


CLOSE_ENOUGH = 0.75  # a slip of one letter in four, not a different word ("sian", "seat")


def _suggestion(counts, query):
    """The query as typed with each misspelt word replaced, or None when none was.

    The suggester gives each word's place in the typed query, so every other word,
    its case and its punctuation stay as the person typed them."""
    if "suggest" not in counts:
        return None
    # Words whose every form is missing: only `known` entries with options.
    unknown = {(entry.offset, entry.length) for entry in counts.suggest.known if entry.options}
    # The node counts offsets in UTF-16 units: a character beyond the first plane (an
    # emoji) is two of them.
    at = [n for n, char in enumerate(query) for _unit in range(2 if ord(char) > 0xFFFF else 1)]
    at.append(len(query))
    corrected = query
    for entry in sorted(counts.suggest.spelling, key=lambda entry: -entry.offset):
        if (entry.offset, entry.length) not in unknown:
            continue
        if not entry.options or entry.options[0].score < CLOSE_ENOUGH:
            continue
        last = len(at) - 1
        start = at[min(entry.offset, last)]
        end = at[min(entry.offset + entry.length, last)]
        corrected = corrected[:start] + entry.options[0].text + corrected[end:]
    return corrected if corrected != query else None


def suggest(user, text, limit=8):
    """Titles for the search box as people type: prefixes of words, and acronyms expanded."""
    text = " ".join(printable(text).split())[:100]
    if len(text) < 2:
        return []
    prefix_fields = ["title.suggest", "title.suggest._2gram", "title.suggest._3gram"]
    search = (
        Search(index=index_alias(), using=ALIAS)
        .filter(viewer_filter(user))
        .query(
            Q(
                "bool",
                should=[
                    Q(
                        "multi_match",
                        query=text,
                        type="bool_prefix",
                        operator="and",
                        fields=prefix_fields,
                    ),
                    Q("match", title={"query": text, "operator": "and"}),
                ],
                minimum_should_match=1,
            )
        )
        .source(["title"])[: limit * 2]
    )
    with guarded():
        found = search.execute()
    unique = []
    for hit in found:
        if hit.title not in unique:
            unique.append(hit.title)
    return unique[:limit]
