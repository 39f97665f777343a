"""Only the words no indexed document holds get the fuzzy clause, asked of the real node."""

import pytest
from django.contrib.auth.models import AnonymousUser

from search import es_search, index_admin
from search.connection import breaker
from search.known_words import unknown
from tests.factories import BlogPageFactory

pytestmark = pytest.mark.django_db

FIELDS = [field.split("^")[0] for field in es_search.FIELDS]


@pytest.fixture
def commissioning(elastic, blog_index):
    BlogPageFactory(
        parent=blog_index,
        title="Commissioning for the long haul",
        summary="Peer support workers in primary care.",
    )
    elastic.sync()


def test_a_word_no_document_holds_is_unknown_and_short_words_are_never_asked(commissioning):
    asked = ["commissioning", "comissioning", "workers", "haul", "tean"]
    assert unknown(asked, FIELDS) == {"comissioning"}


def test_word_forms_and_accents_count_as_held(commissioning):
    assert unknown(["commissioned", "Commissioning", "commíssioning"], FIELDS) == set()


def test_a_published_word_is_known_at_the_next_search(elastic, blog_index, commissioning):
    assert unknown(["lanternhouse"], FIELDS) == {"lanternhouse"}
    BlogPageFactory(parent=blog_index, title="Lanternhouse pilot")  # a new content version
    elastic.sync()
    assert unknown(["lanternhouse"], FIELDS) == set()


def test_answers_are_kept_and_a_missing_index_makes_every_word_loose(commissioning):
    assert unknown(["commissioning", "comissioning"], FIELDS) == {"comissioning"}
    index_admin.delete_all()
    # Kept: answered without asking the node, which would now say 404.
    assert unknown(["commissioning", "comissioning"], FIELDS) == {"comissioning"}
    # Not kept: the node cannot say, so the word is matched loosely, and a 404 is no outage.
    assert unknown(["peer", "support", "primary"], FIELDS) == {"support", "primary"}
    assert not breaker.is_open


def _fuzzy_words(search):
    found = []

    def walk(node):
        if isinstance(node, dict):
            match = node.get("multi_match")
            if isinstance(match, dict) and "fuzziness" in match:
                found.append(match["query"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(search.to_dict())
    return found


def test_the_fuzzy_clause_holds_only_slips_and_hyphenated_words(commissioning):
    order = ("_score", es_search.DATE_DESC)
    typed = "commissioning comissioning co-operative support"
    search = es_search.ContentSearch(AnonymousUser(), typed, {}, order)
    assert _fuzzy_words(search._s) == ["comissioning co-operative"]
    assert _fuzzy_words(search.counts_search()) == ["comissioning co-operative"]
    known = es_search.ContentSearch(AnonymousUser(), "commissioning support", {}, order)
    assert _fuzzy_words(known._s) == []


def test_a_slip_among_known_words_still_finds_the_page(commissioning, client):
    response = client.get("/search/", {"q": "comissioning peer support"})
    search = response.context["search"]
    assert search.engine == "elasticsearch"
    assert [hit.title for hit in search.page.object_list] == ["Commissioning for the long haul"]
