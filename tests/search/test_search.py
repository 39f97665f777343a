"""Search on the database path, through the real view: what is found, for whom, and how."""

import re

import pytest
from django.http import QueryDict
from django.test import Client

from blog.models import BlogPage
from network.models import Region, Sector, Theme
from network.models.mixins import Audience
from search.language.text import forms
from search.models import SearchSynonym
from tests.factories import BlogPageFactory, CaseStudyPageFactory, MemberProfileFactory

pytestmark = pytest.mark.django_db


def results(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    return response.context["search"]


def titles(client, **params):
    search = results(client, **params)
    return [hit.title for hit in search.page.object_list] if search.page else []


SYNONYM_PAIRS = [
    ("IAPT", "NHS Talking Therapies pathway"),
    ("talking therapies", "IAPT waiting list"),
    ("SMI", "Severe mental illness outreach"),
    ("severe mental illness", "SMI register checks"),
    ("VCSE", "Voluntary sector alliance"),
    ("CMHT", "Community mental health team triage"),
    ("PCN", "Primary care network huddles"),
    ("ARRS", "Additional Roles Reimbursement Scheme posts"),
    ("ICB", "Integrated care board funding"),
    ("GP", "General practice attachments"),
    ("CPN", "Community psychiatric nurse caseloads"),
    ("MDT", "Multidisciplinary team meetings"),
    ("CPA", "Care programme approach reviews"),
    ("organization", "Organisation of the alliance"),
    ("behavior", "Behaviour support plans"),
    ("program", "Programme board minutes"),
]


@pytest.mark.parametrize(("query", "title"), SYNONYM_PAIRS)
def test_acronyms_synonyms_and_spellings_find_each_other(client, blog_index, query, title):
    BlogPageFactory(parent=blog_index, title=title)
    BlogPageFactory(parent=blog_index, title="Something unrelated entirely")
    assert titles(client, q=query, type="post") == [title]


def test_plurals_and_word_forms_match(client, blog_index):
    BlogPageFactory(parent=blog_index, title="Therapies in the community")
    BlogPageFactory(parent=blog_index, title="One team, many hands")
    assert titles(client, q="therapy", type="post") == ["Therapies in the community"]
    assert titles(client, q="teams", type="post") == ["One team, many hands"]


def test_a_typo_still_finds_and_offers_the_better_spelling(client, blog_index):
    BlogPageFactory(parent=blog_index, title="Commissioning for the long haul")
    search = results(client, q="comissioning")
    assert "Commissioning for the long haul" in [hit.title for hit in search.page.object_list]
    assert titles(client, q="comissioning", type="post") == ["Commissioning for the long haul"]
    assert search.suggestion == "commissioning"
    html = client.get("/search/", {"q": "comissioning"}).content.decode()
    assert re.search(r"Did you mean <a href=\"\?q=commissioning\">commissioning</a>", html)


def test_a_correctly_spelled_query_gets_no_suggestion(client, blog_index):
    BlogPageFactory(parent=blog_index, title="Commissioning for the long haul")
    assert results(client, q="commissioning").suggestion is None


def test_plain_questions_find_pages_with_some_of_the_words(client, blog_index):
    BlogPageFactory(parent=blog_index, title="Self-referral without a GP appointment")
    found = titles(client, q="how can people refer themselves without seeing a doctor", type="post")
    assert found == ["Self-referral without a GP appointment"]


def test_title_and_summary_outrank_body_text(client, blog_index, case_index):
    body_only = BlogPageFactory(
        parent=blog_index, title="Notes from the autumn meeting", summary="Round-up."
    )
    body_only.body = [("rich_text", "<p>We discussed supervision at length.</p>")]
    body_only.save_revision().publish()
    in_summary = BlogPageFactory(
        parent=blog_index, title="A year in the team", summary="Supervision across partners."
    )
    in_title = CaseStudyPageFactory(parent=case_index, title="Supervision for new roles")
    found = titles(client, q="supervision", type=["post", "case-study"])
    assert found == [in_title.title, in_summary.title, body_only.title]


def test_case_study_key_learning_weighs_like_a_summary(client, case_index, blog_index):
    CaseStudyPageFactory(
        parent=case_index, title="Link workers", key_learning="<p>Trust first.</p>"
    )
    post = BlogPageFactory(parent=blog_index, title="An ordinary week")
    post.body = [("rich_text", "<p>Trust grows slowly.</p>")]
    post.save_revision().publish()
    assert titles(client, q="trust", type=["post", "case-study"]) == [
        "Link workers",
        "An ordinary week",
    ]


def test_sort_by_newest(client, blog_index):
    import datetime

    BlogPageFactory(parent=blog_index, title="Older crisis cafe", date=datetime.date(2023, 1, 1))
    BlogPageFactory(parent=blog_index, title="Crisis cafe", date=datetime.date(2025, 1, 1))
    assert titles(client, q="crisis cafe", type="post") == ["Crisis cafe", "Older crisis cafe"]
    BlogPageFactory(parent=blog_index, title="Cafe", date=datetime.date(2026, 1, 1))
    assert titles(client, q="crisis cafe", type="post")[-1] == "Cafe"
    assert titles(client, q="crisis cafe", type="post", sort="newest") == [
        "Cafe",
        "Crisis cafe",
        "Older crisis cafe",
    ]
    assert titles(client, q="crisis cafe", type="post", sort="nonsense")[0] != "Cafe"


def test_results_are_paginated(client, blog_index):
    for number in range(13):
        BlogPageFactory(parent=blog_index, title=f"Peer support story {number}")
    first = results(client, q="peer support", type="post")
    assert first.total == 13
    assert len(first.page.object_list) == 10
    second = results(client, q="peer support", type="post", page="2")
    assert len(second.page.object_list) == 3
    assert results(client, q="peer support", type="post", page="99").page.number == 2


def test_members_only_content_is_found_only_by_members(member_client, blog_index):
    BlogPageFactory(parent=blog_index, title="Open reflection on triage")
    BlogPageFactory(parent=blog_index, title="Members reflection on triage", audience="members")
    anonymous = set(titles(Client(), q="triage"))
    member = set(titles(member_client, q="triage"))
    assert member - anonymous == {"Members reflection on triage"}
    assert anonymous <= member


def test_members_only_case_studies_are_found_only_by_members(member_client, case_index):
    CaseStudyPageFactory(parent=case_index, title="Open lantern house")
    CaseStudyPageFactory(parent=case_index, title="Members lantern house", audience="members")
    assert titles(Client(), q="lantern house") == ["Open lantern house"]
    assert set(titles(member_client, q="lantern house")) == {
        "Open lantern house",
        "Members lantern house",
    }
    assert _facet(results(Client(), q="lantern house"), "type")["case-study"].count == 1
    assert _facet(results(member_client, q="lantern house"), "type")["case-study"].count == 2
    suggested = Client().get("/search/suggest/", {"q": "Members lan"}).content.decode()
    assert "Members lantern house" not in suggested
    assert (
        "Members lantern house"
        in member_client.get("/search/suggest/", {"q": "Members lan"}).content.decode()
    )


def test_posts_are_called_reflections_in_results_and_the_type_facet(client, blog_index):
    BlogPageFactory(parent=blog_index, title="Triage in practice")
    search = results(client, q="triage")
    assert search.page.object_list[0].kind_label == "Reflections"
    assert _facet(search, "type")["post"].label == "Reflections"


def test_drafts_pending_and_hidden_posts_are_never_found(client, facilitator_client, blog_index):
    BlogPageFactory(parent=blog_index, title="Draft about triage", live=False)
    hidden = BlogPageFactory(parent=blog_index, title="Hidden post about triage")
    BlogPage.objects.filter(pk=hidden.pk).update(hidden_for_review=True)
    BlogPageFactory(parent=blog_index, title="Published triage")
    assert titles(client, q="triage") == ["Published triage"]
    assert titles(facilitator_client, q="triage") == ["Published triage"]


def test_publish_makes_a_page_findable_and_unpublish_removes_it(client, blog_index):
    post = BlogPageFactory(parent=blog_index, title="Navigator roles", live=False)
    assert titles(client, q="navigator") == []
    post.save_revision().publish()
    assert titles(client, q="navigator") == ["Navigator roles"]
    post.refresh_from_db()
    post.unpublish()
    assert titles(client, q="navigator") == []


def test_member_profiles_are_found_only_where_visible(member_client, db):
    MemberProfileFactory(name="Aisha Public", role="Navigator", visibility="public")
    MemberProfileFactory(name="Ben Members", role="Navigator", visibility="members")
    MemberProfileFactory(name="Cara Hidden", role="Navigator", visibility="hidden")
    assert set(titles(Client(), q="navigator")) == {"Aisha Public"}
    assert set(titles(member_client, q="navigator")) == {"Aisha Public", "Ben Members"}


def test_a_hidden_profile_is_found_by_its_owner_and_by_facilitators(client, member, facilitator):
    """Profiles are kept per content version for everyone alike; who may find which is
    decided per search, as the member directory decides it."""
    MemberProfileFactory(name="Dev Hidden", role="Navigator", visibility="hidden", user=member)
    MemberProfileFactory(name="Eve Hidden", role="Navigator", visibility="hidden")
    client.force_login(member)
    assert set(titles(client, q="navigator")) == {"Dev Hidden"}
    client.force_login(facilitator)
    assert set(titles(client, q="navigator")) == {"Dev Hidden", "Eve Hidden"}
    client.logout()
    assert titles(client, q="navigator") == []


def test_theme_sector_and_region_pages_are_found(client, db):
    theme = Theme.objects.create(name="Crisis alternatives", slug="crisis-alternatives")
    search = results(client, q="crisis alternatives")
    hit = search.page.object_list[0]
    assert hit.title == "Crisis alternatives"
    assert hit.url == theme.get_absolute_url()
    assert hit.kind_label == "CMHF themes"


def _facet(search, param):
    return {
        value.value: value for value in next(f for f in search.facets if f.param == param).values
    }


@pytest.fixture
def tagged(blog_index, case_index):
    themes = list(Theme.objects.all()[:2])
    sectors = list(Sector.objects.all()[:2])
    region = Region.objects.first()
    a, b = themes
    x, y = sectors
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
    return {"a": a, "b": b, "x": x, "y": y, "region": region}


def test_facet_counts_equal_the_databases(client, tagged):
    search = results(client, q="outreach")
    themes = _facet(search, "theme")
    a, b = tagged["a"], tagged["b"]
    for theme in (a, b):
        expected = BlogPage.objects.live().filter(
            themes=theme, title__icontains="outreach"
        ).count() + theme_case_studies(theme)
        assert themes[theme.slug].count == expected
    kinds = _facet(search, "type")
    assert kinds["post"].count == 3
    assert kinds["case-study"].count == 1
    assert _facet(search, "region")[tagged["region"].slug].count == 1


def test_a_change_shows_in_the_next_search_although_the_corpus_is_kept(client, tagged):
    """What ranking and facets read is kept per content version (search/database/corpus.py): a
    theme added, a post withdrawn and a post retitled each show in the very next search."""
    a, b = tagged["a"], tagged["b"]
    assert _facet(results(client, q="outreach"), "theme")[b.slug].count == 2
    one = BlogPage.objects.get(title="Outreach one")
    one.themes.add(b)
    one.save_revision().publish()
    assert _facet(results(client, q="outreach"), "theme")[b.slug].count == 3
    BlogPage.objects.get(title="Outreach two").unpublish()
    search = results(client, q="outreach")
    assert _facet(search, "theme")[b.slug].count == 2
    assert _facet(search, "type")["post"].count == 2
    three = BlogPage.objects.get(title="Outreach three")
    three.title = "Outreach three, retitled"
    three.save_revision().publish()
    assert "Outreach three, retitled" in titles(client, q="outreach", theme=[a.slug])


def theme_case_studies(theme):
    from casestudies.models import CaseStudyPage

    return CaseStudyPage.objects.live().filter(themes=theme, title__icontains="outreach").count()


def test_values_within_a_facet_widen_and_facets_narrow(client, tagged):
    a, b, x = tagged["a"], tagged["b"], tagged["x"]
    assert set(titles(client, q="outreach", theme=[a.slug])) == {
        "Outreach one",
        "Outreach three",
        "Outreach study",
    }
    assert len(titles(client, q="outreach", theme=[a.slug, b.slug])) == 4
    assert titles(client, q="outreach", theme=[a.slug], sector=[x.slug]) == ["Outreach one"]


def test_each_facets_counts_ignore_its_own_selection(client, tagged):
    a, b, x = tagged["a"], tagged["b"], tagged["x"]
    search = results(client, q="outreach", theme=[a.slug])
    themes = _facet(search, "theme")
    assert themes[a.slug].selected
    assert themes[a.slug].count == 3
    assert themes[b.slug].count == 2  # ticking it would add the posts tagged b
    sectors = _facet(search, "sector")
    assert sectors[x.slug].count == 1  # sector counts do narrow by the chosen theme
    toggled = QueryDict(themes[b.slug].toggle_query)
    assert toggled.getlist("theme") == [a.slug, b.slug]
    assert QueryDict(themes[a.slug].toggle_query).getlist("theme") == []


def test_selected_facets_show_as_removable_chips(client, tagged):
    a = tagged["a"]
    html = client.get("/search/", {"q": "outreach", "theme": a.slug}).content.decode()
    assert f"CMHF theme: {a.name}" in html
    assert 'href="?q=outreach"' in html


def test_unknown_filters_and_odd_input_are_ignored_not_errors(client, tagged):
    expected = titles(client, q="outreach")
    assert titles(client, q="outreach", theme="no-such-theme", year="19x", colour="red") == expected
    for query in ["<script>", "'; DROP TABLE", "%", "“quotes”", "a" * 5000, "   ", "AND OR NOT"]:
        assert client.get("/search/", {"q": query}).status_code == 200


def test_empty_query_shows_browsing_by_facet(client, tagged):
    search = results(client)
    assert search.browse
    assert _facet(search, "type")["post"].count == 3
    assert "Browse by" in client.get("/search/").content.decode()
    narrowed = results(client, theme=[tagged["a"].slug])
    assert not narrowed.browse
    assert narrowed.total == 3


def test_zero_results_suggest_widening(client, tagged):
    html = client.get("/search/", {"q": "outreach", "region": "no-such"}).content.decode()
    assert "4 results" in html
    html = client.get("/search/", {"q": "zzqxv"}).content.decode()
    assert "Nothing matched" in html
    assert "browse by" in html


def test_highlights_are_escaped(client, blog_index):
    payload = '<img src=x onerror=alert(1)> Crisis <script>alert("x")</script> planning'
    BlogPageFactory(parent=blog_index, title="Crisis planning together", summary=payload)
    html = client.get("/search/", {"q": "crisis"}).content.decode()
    assert "<mark>Crisis</mark>" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<script>alert" not in html
    assert "<img src=x" not in html


def test_a_query_that_looks_like_markup_is_escaped(client, blog_index):
    BlogPageFactory(parent=blog_index, title="Mark and the team")
    html = client.get("/search/", {"q": "<mark>team</mark>"}).content.decode()
    assert "&lt;mark&gt;team&lt;/mark&gt;" in html


def test_search_is_only_for_reading(client):
    assert client.post("/search/", {"q": "x"}).status_code == 405


def test_results_from_the_same_audience_use_direct_links(client, blog_index):
    post = BlogPageFactory(parent=blog_index, title="Crisis cafes")
    html = client.get("/search/", {"q": "crisis"}).content.decode()
    assert f'href="{post.url}" ping="/search/open/?q=crisis&amp;to=%2F' in html
    assert "&amp;sig=" in html


def test_audience_field_is_respected_by_facets_too(member_client, blog_index):
    theme = Theme.objects.first()
    BlogPageFactory(parent=blog_index, title="Triage open", taxonomy={"themes": [theme]})
    BlogPageFactory(
        parent=blog_index,
        title="Triage closed",
        audience=Audience.MEMBERS,
        taxonomy={"themes": [theme]},
    )
    assert _facet(results(Client(), q="triage"), "theme")[theme.slug].count == 1
    assert _facet(results(member_client, q="triage"), "theme")[theme.slug].count == 2


def test_synonyms_added_by_facilitators_apply_to_the_next_search(client, blog_index):
    BlogPageFactory(parent=blog_index, title="The Haven crisis house")
    assert titles(client, q="sanctuary") == []
    SearchSynonym.objects.create(terms="sanctuary, crisis house")
    assert titles(client, q="sanctuary") == ["The Haven crisis house"]


def _queries_for(client, params):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get("/search/", params).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("params", [{"q": "outreach"}, {"q": "outreach", "theme": "x"}, {}])
def test_search_runs_a_fixed_number_of_queries_however_many_match(client, blog_index, params):
    theme = Theme.objects.first()
    if "theme" in params:
        params = {**params, "theme": theme.slug}
    for number in range(5):
        BlogPageFactory(parent=blog_index, title=f"Outreach {number}", taxonomy={"themes": [theme]})
    results(client, **params)  # the vocabulary is built once per content version
    few = _queries_for(client, params)
    for number in range(25):
        BlogPageFactory(
            parent=blog_index, title=f"Outreach more {number}", taxonomy={"themes": [theme]}
        )
    results(client, **params)
    many = _queries_for(client, params)
    assert few == many, f"{params}: {few} queries with 5 matches, {many} with 30"


def test_accents_fold_both_ways(member_client, db):
    MemberProfileFactory(name="Siân Pryce", role="Navigator", visibility="public")
    search = results(member_client, q="sian", type="member")
    assert [hit.title for hit in search.page.object_list] == ["Siân Pryce"]
    html = member_client.get("/search/", {"q": "Siân"}).content.decode()
    assert "Siân Pryce" in html


def test_a_dotless_i_is_found_by_a_plain_i(client, db):
    MemberProfileFactory(name="Ay\u015fe Y\u0131ld\u0131z", role="Navigator")
    assert titles(client, q="yildiz", type="member") == ["Ay\u015fe Y\u0131ld\u0131z"]


def test_word_forms_stop_at_plurals(client, blog_index):
    BlogPageFactory(parent=blog_index, title="Even the quiet weeks")
    BlogPageFactory(parent=blog_index, title="Evening clinics")
    # PostgreSQL's English stemmer may still match "even" in the body text; the title
    # match must rank first everywhere, and the search's own word forms stay plural-only.
    assert titles(client, q="evening", type="post")[0] == "Evening clinics"
    assert forms("evening") == {"evening", "evenings"}


def test_a_word_found_in_a_body_is_not_corrected(client, blog_index):
    BlogPageFactory(parent=blog_index, title="Commissioning for the long haul")
    post = BlogPageFactory(parent=blog_index, title="A week in the team")
    post.body = [("rich_text", "<p>Thanks to Comissioni, our chair.</p>")]
    post.save_revision().publish()
    search = results(client, q="comissioni")
    assert search.suggestion is None


def test_corrections_never_come_from_members_only_words(client, blog_index):
    BlogPageFactory(parent=blog_index, title="Zephyrine pathway", audience="members")
    assert results(client, q="zephyrene").suggestion is None


def test_long_repetitive_queries_are_cut_to_a_few_concepts(client, blog_index):
    BlogPageFactory(parent=blog_index, title="GP attachments")
    for query in ["gp " * 66, "vcse " * 40, " ".join(f"word{n}" for n in range(60))]:
        assert client.get("/search/", {"q": query}).status_code == 200


def test_key_learning_reads_as_text(client, case_index):
    CaseStudyPageFactory(
        parent=case_index,
        title="Joint triage",
        key_learning="<p>Health &amp; care</p><p>together</p>",
    )
    search = results(client, q="joint triage", type="case-study")
    assert "Health &amp; care together" in str(search.page.object_list[0].snippet)


def test_the_facet_names_analytics_recognises_are_the_facets_shown(db):
    from search.facets import FACET_PARAMS, build_facets

    assert tuple(facet.param for facet in build_facets(years=set())) == FACET_PARAMS
