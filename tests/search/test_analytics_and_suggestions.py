"""What facilitators learn from searches, and the suggestions endpoint."""

import pytest
from django.test import Client
from django.utils import timezone

from search.analytics import opened_url
from search.models import SearchClickDay, SearchQueryDay, SearchSynonym
from tests.factories import BlogPageFactory

pytestmark = pytest.mark.django_db


def test_a_search_is_counted_with_its_result_count(client, blog_index):
    BlogPageFactory(parent=blog_index, title="Crisis cafes")
    client.get("/search/", {"q": "Crisis  Cafes"})
    client.get("/search/", {"q": "crisis cafes"})
    client.get("/search/", {"q": "zzqxv"})
    row = SearchQueryDay.objects.get(query="crisis cafes", day=timezone.localdate())
    assert row.searches == 2
    assert row.results >= 1
    assert SearchQueryDay.objects.get(query="zzqxv").results == 0


def test_paging_and_narrowing_are_not_new_searches(client, blog_index):
    BlogPageFactory(parent=blog_index, title="Crisis cafes")
    client.get("/search/", {"q": "crisis", "page": "2"})
    client.get("/search/", {"q": "crisis", "type": "post"})
    client.get("/search/")
    assert not SearchQueryDay.objects.exists()


def test_searches_answered_from_the_page_cache_are_counted(client, blog_index, settings):
    settings.PAGE_CACHE_SECONDS = 600
    BlogPageFactory(parent=blog_index, title="Crisis cafes")
    first = client.get("/search/", {"q": "crisis"})
    second = client.get("/search/", {"q": "crisis"})
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    row = SearchQueryDay.objects.get(query="crisis")
    assert row.searches == 2
    assert row.results == first.context["search"].total


def _ping_url(client, query, title):
    search = client.get("/search/", {"q": query}).context["search"]
    return next(hit.open_url for hit in search.page.object_list if hit.title == title)


def test_opened_results_are_counted_by_ping_and_by_link(client, blog_index):
    post = BlogPageFactory(parent=blog_index, title="Crisis cafes")
    ping_url = _ping_url(client, "crisis", "Crisis cafes")
    ping = client.post(ping_url, content_type="text/ping")
    assert ping.status_code == 204
    followed = client.get(ping_url)
    assert followed.status_code == 302
    assert followed["Location"] == post.url
    assert SearchClickDay.objects.get(query="crisis", url=post.url).clicks == 2


def test_invented_clicks_are_not_counted(client, blog_index):
    post = BlogPageFactory(parent=blog_index, title="Crisis cafes")
    ping_url = _ping_url(client, "crisis", "Crisis cafes")
    assert client.post(f"/search/open/?q=made+up&to={post.url}").status_code == 400
    assert client.post(ping_url.replace("q=crisis", "q=other")).status_code == 400
    followed = client.get("/search/open/", {"q": "made up", "to": post.url})
    assert followed["Location"] == post.url  # a shared link still works, uncounted
    assert not SearchClickDay.objects.exists()


def test_analytics_rows_are_bounded_per_day_and_old_ones_expire(client, monkeypatch):
    import datetime

    from search import analytics

    old = timezone.localdate() - datetime.timedelta(days=analytics.RETENTION_DAYS + 1)
    SearchQueryDay.objects.create(query="long ago", day=old, searches=1)
    monkeypatch.setattr(analytics, "ROWS_PER_DAY", 3)
    for number in range(6):
        client.get("/search/", {"q": f"query{number}"})
    client.get("/search/", {"q": "query0"})
    today = SearchQueryDay.objects.filter(day=timezone.localdate())
    assert today.count() == 3
    assert today.get(query="query0").searches == 2
    assert not SearchQueryDay.objects.filter(query="long ago").exists()


def test_queries_of_only_stopwords_or_control_characters_are_handled(client):
    for query in ["the and of", "\x00", "crisis\x00cafe", "\u202e\u200b"]:
        assert client.get("/search/", {"q": query}).status_code == 200
    assert not SearchQueryDay.objects.filter(query="the and of").exists()
    assert client.get("/search/suggest/", {"q": "cr\x00"}).status_code == 200


@pytest.mark.parametrize(
    "target", ["https://elsewhere.example/", "//elsewhere.example/", "javascript:alert(1)", ""]
)
def test_only_local_pages_are_followed_or_counted(client, target):
    response = client.get("/search/open/", {"q": "crisis", "to": target})
    assert response.status_code == 302
    assert response["Location"] == "/search/"
    assert client.post(f"/search/open/?q=x&to={target}").status_code == 400
    assert not SearchClickDay.objects.exists()


def test_facilitators_see_top_queries_misses_and_opened_results(facilitator_client, blog_index):
    post = BlogPageFactory(parent=blog_index, title="Crisis cafes")
    anonymous = Client()
    for _ in range(3):
        anonymous.get("/search/", {"q": "crisis"})
    anonymous.get("/search/", {"q": "qqqzz nothing"})
    anonymous.post(opened_url("crisis", post.url))
    response = facilitator_client.get("/admin/search-analytics/")
    assert response.status_code == 200
    context = response.context
    assert context["top"][0] == {"query": "crisis", "total": 3}
    assert context["no_results"] == [{"query": "qqqzz nothing", "total": 1}]
    assert context["opened"][0]["url"] == post.url
    html = response.content.decode()
    assert "Queries with no results" in html
    assert "qqqzz nothing" in html
    assert facilitator_client.get("/admin/search-analytics/?days=abc").status_code == 200


def test_members_cannot_see_search_analytics(member_client):
    response = member_client.get("/admin/search-analytics/")
    assert response.status_code in (302, 403)


def test_facilitators_add_synonyms_in_the_admin(facilitator_client, blog_index):
    BlogPageFactory(parent=blog_index, title="The Haven crisis house")
    url = "/admin/snippets/network_search/searchsynonym/add/"
    refused = facilitator_client.post(url, {"terms": "sanctuary", "note": ""})
    assert refused.status_code == 200
    assert "Give at least two words or phrases" in refused.content.decode()
    assert 'value="sanctuary"' in refused.content.decode()
    created = facilitator_client.post(url, {"terms": "sanctuary, crisis house", "note": "local"})
    assert created.status_code == 302
    assert SearchSynonym.objects.filter(terms="sanctuary, crisis house").exists()
    search = Client().get("/search/", {"q": "sanctuary", "type": "post"}).context["search"]
    assert [hit.title for hit in search.page.object_list] == ["The Haven crisis house"]


def test_suggestions_while_typing(client, blog_index):
    BlogPageFactory(parent=blog_index, title="Talking Therapies and the CMHT")
    BlogPageFactory(parent=blog_index, title="Talking to commissioners", audience="members")
    reply = client.get("/search/suggest/", {"q": "talk"}).json()
    assert "Talking Therapies and the CMHT" in reply["suggestions"]
    assert "Talking to commissioners" not in reply["suggestions"]
    assert client.get("/search/suggest/", {"q": "t"}).json()["suggestions"] == []
    assert client.get("/search/suggest/", {"q": "%_'\""}).status_code == 200


def test_suggestions_reach_the_page_without_inline_script(client):
    html = client.get("/search/").content.decode()
    assert 'list="search-suggestions"' in html
    assert 'data-suggest-url="/search/suggest/"' in html
    assert "<script>" not in html
