"""Ranking by meaning: passage vectors kept beside the index, fused with the words.

The real model (scripts/language-model) and the real node; no stand-ins.
"""

import pytest
from django.core.management import call_command

from network.models.mixins import Audience
from search.models import PassageVector
from search.semantic import model as language_model
from search.semantic import vectors
from tests.factories import BlogPageFactory
from tests.services import require

pytestmark = pytest.mark.django_db

SPA = "One front door for the whole borough"
SPA_SUMMARY = (
    "A single point of access takes referrals from anyone, including people themselves, "
    "by phone or online, and a practitioner calls back within two working days."
)


@pytest.fixture
def model():
    require(not language_model.missing_reason(), "The search language model is missing")


def use_path(engine, settings):
    """Search through `engine`: the database path answers once no node is configured."""
    if engine == "database":
        settings.ELASTICSEARCH_URL = ""


def titles(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    search = response.context["search"]
    assert search.engine == "elasticsearch", search.notice
    return [hit.title for hit in search.page.object_list] if search.page else []


LONELINESS = {
    "title": "Loneliness in later life",
    "summary": "Befriending volunteers visit isolated pensioners every week.",
    "body": [],
}


def test_a_question_in_other_words_finds_the_page_that_answers_it(
    model, elastic, client, blog_index
):
    """No word of the query is on the page: the words alone find nothing."""
    BlogPageFactory(parent=blog_index, **LONELINESS)
    BlogPageFactory(
        parent=blog_index,
        title="Recipes from the allotment group",
        summary="Members of the gardening club share what they grew and cooked this summer.",
        body=[],
    )
    elastic.sync()
    assert titles(client, q="elderly people feeling alone") == [LONELINESS["title"]]


def test_indexing_embeds_each_passage_once_and_forgets_what_goes(model, elastic, blog_index):
    post = BlogPageFactory(parent=blog_index, title=SPA, summary=SPA_SUMMARY)
    elastic.sync()
    document = f"post-{post.pk}"
    stored = list(PassageVector.objects.filter(document=document).values_list("pk", "text_hash"))
    assert stored

    post.save_revision().publish()  # the same words: nothing embedded again
    elastic.sync()
    assert (
        list(PassageVector.objects.filter(document=document).values_list("pk", "text_hash"))
        == stored
    )

    post.unpublish()
    elastic.sync()
    assert not PassageVector.objects.filter(document=document).exists()


def test_a_members_only_page_found_by_meaning_is_never_shown_to_a_visitor(
    model, elastic, client, blog_index
):
    post = BlogPageFactory(parent=blog_index, audience=Audience.MEMBERS, **LONELINESS)
    elastic.sync()
    assert vectors.nearest("elderly people feeling alone", 1)[0][0] == f"post-{post.pk}"
    assert titles(client, q="elderly people feeling alone") == []


def test_without_the_model_search_ranks_by_words_and_the_check_says_so(
    elastic, client, blog_index, settings, capsys
):
    settings.LANGUAGE_MODEL_DIR = "/nonexistent/language-model"
    BlogPageFactory(parent=blog_index, title=SPA, summary=SPA_SUMMARY)
    elastic.sync()
    assert SPA in titles(client, q="single point of access")
    assert not PassageVector.objects.filter(document__startswith="post-").exists()
    call_command("search_index", check=True)  # exits 1 only when the index differs
    assert "Ranking by meaning: off" in capsys.readouterr().out


@pytest.mark.parametrize(
    "query",
    [
        "involve",
        "what works for older people",
        "how do we involve carers",
        "supporters",
    ],
)
@pytest.mark.parametrize("engine", ["database", "elasticsearch"])
def test_a_correctly_spelled_query_gets_no_did_you_mean(
    query, engine, elastic, client, blog_index, settings
):
    BlogPageFactory(
        parent=blog_index,
        title="What worked for older people: carers involved from the start",
        summary="Supporters and families were involved in every review; this is what works.",
    )
    elastic.sync()
    use_path(engine, settings)
    search = client.get("/search/", {"q": query}).context["search"]
    assert search.engine == engine
    assert not search.suggestion


@pytest.mark.parametrize("engine", ["database", "elasticsearch"])
def test_a_correction_keeps_the_other_words_as_typed(engine, elastic, client, blog_index, settings):
    BlogPageFactory(
        parent=blog_index,
        title="Commissioning for the long haul",
        summary="Commissioning voluntary sector services on five-year terms.",
    )
    elastic.sync()
    use_path(engine, settings)
    search = client.get("/search/", {"q": "Comissioning in the NHS?"}).context["search"]
    assert search.engine == engine
    assert search.suggestion == "commissioning in the NHS?"


@pytest.mark.parametrize(
    "query",
    [
        "peer " * 400,  # 2,000 characters
        "the of and to in",  # only stop words
        # Full-width letters, a zero-width space, a right-to-left override, a combining
        # accent and an emoji.
        "\uff43\uff4f\uff0d\uff50\uff52\uff4f\uff44 \u200b\u202e mental\u0301 health \U0001f9e0",
        'care AND "plan OR (title:x) [1 TO 2] {a} ~2 ^3 * ? \\ / ! || &&',  # query syntax
    ],
    ids=["long", "stop-words", "unicode", "query-syntax"],
)
@pytest.mark.parametrize("engine", ["database", "elasticsearch"])
def test_odd_queries_get_a_normal_results_page(
    query, engine, elastic, client, blog_index, settings
):
    BlogPageFactory(parent=blog_index, title=SPA, summary=SPA_SUMMARY)
    elastic.sync()
    use_path(engine, settings)
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert response.context["search"].engine == engine
    assert not response.context["search"].notice  # not a fallback after a node error


def test_the_pages_after_the_first_go_on_without_repeating_or_skipping(
    model, elastic, client, blog_index
):
    for n in range(25):
        BlogPageFactory(
            parent=blog_index,
            title=f"Peer support group {n}",
            summary="Peer support for carers, weekly.",
            body=[],
        )
    BlogPageFactory(parent=blog_index, **LONELINESS)
    elastic.sync()
    seen = []
    for number in (1, 2, 3):
        search = client.get("/search/", {"q": "peer support", "page": number}).context["search"]
        seen.extend(hit.url for hit in search.page.object_list)
    assert len(seen) == len(set(seen))
    assert len(seen) == search.total


@pytest.mark.parametrize("engine", ["database", "elasticsearch"])
def test_a_page_past_the_end_of_nothing_is_the_first_page(engine, elastic, client, settings):
    use_path(engine, settings)
    response = client.get("/search/", {"q": "zzzzqqqq", "page": 7})
    assert response.status_code == 200
    assert response.context["search"].total == 0


def test_a_correction_after_an_emoji_lands_on_the_word(elastic, client, blog_index):
    BlogPageFactory(parent=blog_index, title="Commissioning for the long haul", body=[])
    elastic.sync()
    search = client.get("/search/", {"q": "\U0001f499 comissioning now"}).context["search"]
    assert search.suggestion == "\U0001f499 commissioning now"
