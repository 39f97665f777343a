"""Search through the real Elasticsearch node that `make test` starts, via the real view."""

import threading

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.test import RequestFactory
from wagtail.models import PageViewRestriction

from blog.models import BlogPage
from casestudies.models import CaseStudyPage
from network.models import Region, Sector, Theme
from network.models.mixins import Audience
from network.moderation.discussion import hide_reported, resolve_reports
from network.platform.content_versions import content_version
from search.database import engine
from search.elastic import faceted_search as es_search
from search.elastic.connection import client, index_alias
from search.elastic.tasks import apply_index_changes
from search.models import IndexChange
from tests.factories import BlogPageFactory, CaseStudyPageFactory, MemberProfileFactory

pytestmark = pytest.mark.django_db


def results(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    return response.context["search"]


def titles(client, **params):
    search = results(client, **params)
    assert search.engine == "elasticsearch", search.notice
    return [hit.title for hit in search.page.object_list] if search.page else []


def test_the_index_has_the_platforms_analyzers_and_mappings(elastic):
    es = client()
    (name,) = es.indices.get_alias(name=index_alias())
    mapping = es.indices.get_mapping(index=name)[name]["mappings"]["properties"]
    assert mapping["title"]["analyzer"] == "content"
    assert mapping["title"]["search_analyzer"] == "content_search"
    assert mapping["title"]["fields"]["suggest"]["type"] == "search_as_you_type"
    assert mapping["audience"]["type"] == "keyword"
    assert mapping["theme"]["type"] == "keyword"

    def tokens(analyzer, text):
        found = es.indices.analyze(index=name, body={"analyzer": analyzer, "text": text})
        return [token["token"] for token in found["tokens"]]

    assert set(tokens("content", "Co-operative")) >= {"co", "operative", "cooperative"}
    assert tokens("content", "Waiting for Siân's teams") == ["wait", "sian", "team"]
    assert {"iapt", "nhs", "talk", "therapy"} <= set(tokens("content_search", "IAPT"))
    assert tokens("content_search", "how do I refer myself?") == ["refer"]


# (query, a title it must find): acronyms both ways, word forms, hyphens, spellings, typos
PAIRS = [
    ("IAPT", "NHS Talking Therapies drop-in"),
    ("NHS Talking Therapies", "IAPT step-up clinic"),
    ("SMI", "Severe mental illness outreach"),
    ("serious mental illness", "SMI register checks"),
    ("CMHT", "Community mental health team triage"),
    ("primary care network", "PCN huddles"),
    ("ARRS", "Additional Roles Reimbursement Scheme posts"),
    ("VCSE", "Voluntary sector alliance"),
    ("waiting", "Wait times after the change"),
    ("supervised", "Supervision that sticks"),
    ("co-operative", "A cooperative of peer groups"),
    ("cooperative", "The co-operative café"),
    ("self-referral", "Self referral by phone"),
    ("self referral", "Self-referral pilot"),
    ("coproduction", "Co-production in strategy"),
    ("organization", "Organisation of the alliance"),
    ("behavior", "Behaviour support plans"),
    ("counseling", "Counselling in practices"),
    ("neighbourhod", "Neighbourhood huddles"),
    ("comissioning", "Commissioning for the long haul"),
    ("How do I refer myself without seeing a GP?", "Referrals that skip the surgery"),
]


def test_synonyms_word_forms_hyphens_spellings_and_typos_find_each_other(elastic, blog_index):
    for _query, title in PAIRS:
        BlogPageFactory(parent=blog_index, title=title, summary="A note from the network.")
    BlogPageFactory(parent=blog_index, title="Something unrelated entirely")
    elastic.sync()
    from django.test import Client

    browser = Client()
    misses = [
        (query, title)
        for query, title in PAIRS
        if title not in titles(browser, q=query, type="post")[:3]
    ]
    assert misses == []
    assert "Something unrelated entirely" not in titles(browser, q="IAPT")


def test_a_synonym_phrase_in_a_question_leaves_each_of_its_words_findable(
    elastic, client, blog_index
):
    """ "peer support" is a synonym group, matched as a phrase; a page holding only one of
    its words still comes back, below the pages about it, as on the database path."""
    BlogPageFactory(parent=blog_index, title="Peer support in the community")
    BlogPageFactory(parent=blog_index, title="Peer workers on the ward")
    BlogPageFactory(parent=blog_index, title="Support for carers at home")
    elastic.sync()
    found = titles(client, q="peer support")
    assert set(found[:2]) == {"Peer support in the community", "Peer workers on the ward"}
    assert found[2:] == ["Support for carers at home"]


def test_a_typo_is_offered_the_better_spelling(elastic, client, blog_index):
    BlogPageFactory(parent=blog_index, title="Commissioning for the long haul")
    BlogPageFactory(parent=blog_index, title="A seat at the table")
    MemberProfileFactory(name="Siân Evans", visibility="public")
    elastic.sync()
    search = results(client, q="comissioning")
    assert search.suggestion == "commissioning"
    assert "Did you mean" in client.get("/search/", {"q": "comissioning"}).content.decode()
    assert results(client, q="commissioning").suggestion is None
    assert results(client, q="Siân").suggestion is None  # a name, not a slip for "seat"


@pytest.fixture
def tagged(blog_index, case_index):
    a, b = Theme.objects.all()[:2]
    x, y = Sector.objects.all()[:2]
    region = Region.objects.first()
    BlogPageFactory(
        parent=blog_index, title="Outreach one", taxonomy={"themes": [a], "sectors": [x]}
    )
    BlogPageFactory(
        parent=blog_index, title="Outreach two", taxonomy={"themes": [b], "sectors": [x]}
    )
    BlogPageFactory(
        parent=blog_index, title="Outreach three", taxonomy={"themes": [a, b], "sectors": [y]}
    )
    CaseStudyPageFactory(
        parent=case_index, title="Outreach study", region=region, taxonomy={"themes": [a]}
    )
    profile = MemberProfileFactory(name="Outreach worker", visibility="public", region=region)
    profile.interests.set([b])
    return {"a": a, "b": b, "x": x, "y": y, "region": region}


def _counts(search):
    return {
        (facet.param, value.value): (value.count, value.selected)
        for facet in search.facets
        for value in facet.values
        if facet.param != "type" or value.value in ("post", "case-study", "member")
    }


def _both_paths(rf, params):
    request = rf.get("/search/", params)
    request.user = AnonymousUser()
    return es_search.search(request), engine.search(request)


@pytest.mark.parametrize(
    "choices",
    [{}, {"theme": "a"}, {"theme": ["a", "b"]}, {"theme": "a", "sector": "x"}, {"type": "post"}],
)
def test_facet_counts_equal_the_database_paths(elastic, rf, tagged, choices):
    elastic.sync()
    params = {"q": "outreach"}
    for param, value in choices.items():
        keys = value if isinstance(value, list) else [value]
        params[param] = [tagged[key].slug if key in tagged else key for key in keys]
    on_elasticsearch, on_database = _both_paths(rf, params)
    assert on_elasticsearch.total == on_database.total
    assert _counts(on_elasticsearch) == _counts(on_database)


def test_counts_equal_the_database_paths_with_every_facet_chosen(elastic, rf, tagged):
    """No facet is left to share the unchosen facets' filter, whose count is the total."""
    elastic.sync()
    study = CaseStudyPage.objects.get(title="Outreach study")
    params = {
        "q": "outreach",
        "type": ["case-study", "post"],
        "theme": [tagged["a"].slug],
        "sector": [tagged["x"].slug, tagged["y"].slug],
        "region": [tagged["region"].slug],
        "year": [str(study.date_published.year)],
        "status": [study.status],
        "integration": [study.integration_type],
    }
    on_elasticsearch, on_database = _both_paths(rf, params)
    assert on_elasticsearch.total == on_database.total
    assert _counts(on_elasticsearch) == _counts(on_database)
    chosen = [
        value for facet in on_elasticsearch.facets for value in facet.values if value.selected
    ]
    assert len(chosen) == 9


@pytest.mark.parametrize("choices", [{}, {"theme": "a"}, {"theme": "a", "sector": "x"}])
def test_browsing_counts_equal_the_database_paths(elastic, rf, tagged, choices):
    """With no words there is no page of hits to rank: only the counts are asked for."""
    elastic.sync()
    params = {param: tagged[key].slug for param, key in choices.items()}
    on_elasticsearch, on_database = _both_paths(rf, params)
    assert on_elasticsearch.browse == on_database.browse == (not choices)
    assert _counts(on_elasticsearch) == _counts(on_database)
    if choices:
        assert on_elasticsearch.total == on_database.total


def test_unknown_filters_and_values_are_ignored(elastic, client, tagged):
    elastic.sync()
    everything = titles(client, q="outreach")
    assert titles(client, q="outreach", theme="no-such-theme", colour="blue") == everything


def test_highlights_escape_what_members_wrote(elastic, client, blog_index):
    BlogPageFactory(
        parent=blog_index,
        title="Outreach notes",
        summary='<img src=x onerror="alert(1)"> outreach <script>alert(2)</script> & more',
    )
    elastic.sync()
    search = results(client, q="outreach")
    snippet = str(search.page.object_list[0].snippet)
    assert "<mark>outreach</mark>" in snippet
    assert "<img" not in snippet
    assert "<script" not in snippet
    assert "&lt;img" in snippet
    assert "&lt;script&gt;" in snippet
    page = client.get("/search/", {"q": "<script>alert(3)</script> outreach"}).content.decode()
    assert "<script>alert(3)" not in page


def test_members_find_exactly_the_members_only_content_visitors_do_not(
    elastic, client, member_client, blog_index
):
    BlogPageFactory(parent=blog_index, title="Outreach for everyone")
    BlogPageFactory(parent=blog_index, title="Outreach among members", audience=Audience.MEMBERS)
    MemberProfileFactory(name="Outreach lead", visibility="public")
    MemberProfileFactory(name="Outreach nurse", visibility="members")
    MemberProfileFactory(name="Outreach hermit", visibility="hidden")
    elastic.sync()
    from django.test import Client

    seen_by_visitor = set(titles(Client(), q="outreach"))
    seen_by_member = set(titles(member_client, q="outreach"))
    assert seen_by_visitor == {"Outreach for everyone", "Outreach lead"}
    assert seen_by_member - seen_by_visitor == {"Outreach among members", "Outreach nurse"}
    assert "Outreach among members" not in es_search.suggest(AnonymousUser(), "outreach am")


def test_members_only_case_studies_are_found_by_members_alone(elastic, member_client, case_index):
    CaseStudyPageFactory(parent=case_index, title="Lantern house open to all")
    closed = CaseStudyPageFactory(
        parent=case_index, title="Lantern house pilot for members", audience=Audience.MEMBERS
    )
    elastic.sync()
    from django.test import Client

    document = client().get(index=index_alias(), id=f"case-study-{closed.pk}")
    assert document["_source"]["audience"] == "members"
    assert document["_source"]["spelling"] == ""
    assert titles(Client(), q="lantern house") == ["Lantern house open to all"]
    assert set(titles(member_client, q="lantern house")) == {
        "Lantern house open to all",
        "Lantern house pilot for members",
    }
    assert "Lantern house pilot for members" not in es_search.suggest(AnonymousUser(), "lantern")


def test_drafts_pages_in_review_hidden_and_private_pages_are_never_found(
    elastic, client, facilitator, blog_index, case_index
):
    BlogPageFactory(parent=blog_index, title="Outreach draft", live=False)
    reported = BlogPageFactory(parent=blog_index, title="Outreach reported")
    private = CaseStudyPageFactory(parent=case_index, title="Outreach private")
    in_review = BlogPageFactory(parent=blog_index, title="Outreach in review", live=False)
    in_review.get_workflow().start(in_review, facilitator)
    BlogPageFactory(parent=blog_index, title="Outreach shown")
    elastic.sync()
    assert "Outreach reported" in titles(client, q="outreach")

    hide_reported(page=reported)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    elastic.sync()
    assert titles(client, q="outreach") == ["Outreach shown"]
    assert "Outreach reported" not in titles(client, q="outreach", sort="newest")

    resolve_reports(facilitator, keep_hidden=False, page=reported)
    elastic.sync()
    assert set(titles(client, q="outreach")) == {"Outreach shown", "Outreach reported"}


def test_publishing_makes_a_page_findable_and_unpublishing_removes_it(elastic, client, blog_index):
    post = BlogPageFactory(parent=blog_index, title="Outreach later", live=False)
    elastic.sync()
    assert titles(client, q="outreach") == []

    post.save_revision().publish()
    assert titles(client, q="outreach") == []  # recorded, not yet applied
    assert IndexChange.objects.pending().filter(object_id=post.pk).exists()
    apply_index_changes.enqueue()  # the task the commit queues
    elastic.refresh()
    assert titles(client, q="outreach") == ["Outreach later"]

    version = content_version()
    BlogPage.objects.get(pk=post.pk).unpublish()
    version_after_unpublish = content_version()
    apply_index_changes.enqueue()
    assert content_version() > version_after_unpublish > version  # cached searches replaced
    elastic.refresh()
    assert titles(client, q="outreach") == []
    assert not IndexChange.objects.pending().exists()


def test_a_change_is_searchable_before_the_content_version_moves(
    elastic, client, blog_index, monkeypatch
):
    """Every host caches search pages under the content version. The task must make the
    change searchable before the version moves, or a search in between is cached,
    under the new version, without it. The node's own periodic refresh is switched off
    here, so only the task can make the change visible."""
    from network.platform import content_versions
    from search.elastic import connection

    post = BlogPageFactory(parent=blog_index, title="Outreach later", live=False)
    elastic.sync()
    settings = connection.client().indices
    settings.put_settings(index=index_alias(), body={"index": {"refresh_interval": "-1"}})
    try:
        post.save_revision().publish()
        seen = []
        moving = content_versions.invalidate

        def search_as_the_version_moves(**kwargs):
            seen.append(titles(client, q="outreach"))
            return moving(**kwargs)

        monkeypatch.setattr(content_versions, "invalidate", search_as_the_version_moves)
        apply_index_changes.enqueue()
        monkeypatch.undo()
        assert seen
        assert seen[-1] == ["Outreach later"]
    finally:
        settings.put_settings(index=index_alias(), body={"index": {"refresh_interval": None}})


def test_a_rebuild_while_searches_run_loses_none_of_them(elastic, blog_index):
    for number in range(30):
        BlogPageFactory(parent=blog_index, title=f"Outreach {number}")
    elastic.sync()
    seen, errors = [], []
    stop = threading.Event()

    def search_continuously():
        from elasticsearch_dsl import Search

        while not stop.is_set():
            try:
                seen.append(
                    Search(using=client(), index=index_alias())
                    .query("match", title="outreach")
                    .count()
                )
            except Exception as error:
                errors.append(error)

    searcher = threading.Thread(target=search_continuously)
    searcher.start()
    try:
        for _ in range(3):
            elastic.rebuild()
    finally:
        stop.set()
        searcher.join()
    assert errors == []
    assert len(seen) > 10
    assert set(seen) == {30}


def test_check_finds_documents_missing_stale_or_extra(elastic, blog_index, capsys):
    kept = BlogPageFactory(parent=blog_index, title="Outreach kept")
    gone = BlogPageFactory(parent=blog_index, title="Outreach gone")
    elastic.sync()
    call_command("search_index", "--check")
    assert "The index matches the database" in capsys.readouterr().out

    client().delete(index=index_alias(), id=f"post-{gone.pk}", refresh=True)
    BlogPage.objects.filter(pk=kept.pk).update(title="Outreach renamed")  # no signal
    with pytest.raises(SystemExit) as exited:
        call_command("search_index", "--check")
    assert exited.value.code == 1
    out = capsys.readouterr().out
    assert f"Missing: 1 (post-{gone.pk})" in out
    assert f"Stale: 1 (post-{kept.pk})" in out

    call_command("search_index", "--rebuild", verbosity=0)
    call_command("search_index", "--check")


def test_rebuild_reports_progress_and_rate(elastic, blog_index, capsys):
    BlogPageFactory(parent=blog_index, title="Outreach")
    call_command("search_index", "--rebuild")
    captured = capsys.readouterr()
    assert "100%" in captured.err
    assert "documents into test-content-" in captured.out


def test_a_saved_synonym_group_takes_effect_after_the_rebuild_it_queues(
    elastic, client, blog_index, django_capture_on_commit_callbacks
):
    from search.models import SearchSynonym

    BlogPageFactory(parent=blog_index, title="Crisis café evenings")
    elastic.sync()
    assert titles(client, q="sanctuary") == []
    with django_capture_on_commit_callbacks(execute=True):
        SearchSynonym.objects.create(terms="sanctuary, crisis cafe")
    elastic.refresh()
    assert titles(client, q="sanctuary") == ["Crisis café evenings"]


def test_suggestions_answer_acronyms_and_partial_words(elastic, client, blog_index):
    BlogPageFactory(parent=blog_index, title="Self-referral six months in")
    BlogPageFactory(parent=blog_index, title="NHS Talking Therapies and the CMHT")
    elastic.sync()
    assert (
        "Self-referral six months in"
        in client.get("/search/suggest/", {"q": "self ref"}).json()["suggestions"]
    )
    assert (
        "NHS Talking Therapies and the CMHT"
        in client.get("/search/suggest/", {"q": "IAPT"}).json()["suggestions"]
    )


def test_topics_are_listed_beside_the_results(elastic, client, blog_index):
    Theme.objects.create(name="Crisis alternatives", slug="crisis-alternatives")
    BlogPageFactory(parent=blog_index, title="Crisis alternatives in the city")
    elastic.rebuild()
    search = results(client, q="crisis alternatives")
    assert [topic.title for topic in search.topics] == ["Crisis alternatives"]
    assert [hit.title for hit in search.page.object_list] == ["Crisis alternatives in the city"]
    assert (
        "Crisis alternatives</a>"
        in client.get("/search/", {"q": "crisis alternatives"}).content.decode()
    )


def test_a_page_past_the_last_shows_the_last(elastic, client, blog_index):
    for number in range(12):
        BlogPageFactory(parent=blog_index, title=f"Outreach {number}")
    elastic.sync()
    search = results(client, q="outreach", page="99")
    assert search.page.number == 2
    assert len(search.page.object_list) == 2
    assert results(client, q="outreach", page="x").page.number == 1


@pytest.fixture
def rf():
    return RequestFactory()


@pytest.mark.parametrize(
    "params",
    [
        {"q": "out\x00reach"},
        {"q": "outreach " * 600},
        {"q": "IAPT " * 60},
        {"q": '"(outreach* AND [ OR ~'},
        {"q": "outreach", "page": "99999999999999999999"},
        {"q": "outreach", "page": "-3", "sort": "sideways", "year": "1066"},
        {"q": "the of and"},
        {"q": ""},
    ],
)
def test_odd_input_gets_an_answer_from_elasticsearch(elastic, client, blog_index, params):
    BlogPageFactory(parent=blog_index, title="Outreach")
    elastic.sync()
    search = results(client, **params)
    assert search.engine == "elasticsearch"
    assert search.notice == ""


def test_profile_visibility_and_page_deletion_reach_the_index(elastic, client, blog_index):
    profile = MemberProfileFactory(name="Outreach coordinator", visibility="public")
    post = BlogPageFactory(parent=blog_index, title="Outreach diary")
    elastic.sync()
    assert set(titles(client, q="outreach")) == {"Outreach coordinator", "Outreach diary"}

    profile.visibility = "hidden"
    profile.save()
    BlogPage.objects.get(pk=post.pk).delete()
    elastic.sync()
    assert titles(client, q="outreach") == []
    assert client.get("/search/suggest/", {"q": "outreach"}).json()["suggestions"] == []


def test_a_renamed_theme_is_renamed_on_the_results_that_carry_it(elastic, client, blog_index):
    theme = Theme.objects.create(name="Crisis alternatives", slug="crisis-alternatives")
    BlogPageFactory(parent=blog_index, title="Outreach at night", taxonomy={"themes": [theme]})
    elastic.sync()
    assert results(client, q="outreach").page.object_list[0].themes == ["Crisis alternatives"]

    theme.name = "Alternatives to crisis care"
    theme.save()
    elastic.sync()
    assert results(client, q="outreach").page.object_list[0].themes == [
        "Alternatives to crisis care"
    ]
    theme.delete()
    elastic.sync()
    assert results(client, q="outreach").page.object_list[0].themes == []
    call_command("search_index", "--check")
