"""Anonymous pages come from the cache, and every kind of change replaces them at once.

Each test runs against local memory and against a real Redis server (the production
cache), which `make test` starts.
"""

import os

import pytest
from django.core.cache import caches
from django.urls import reverse
from wagtail.models import Page

from blog.models import BlogPage
from network.models import Comment, Theme
from tests.factories import BlogPageFactory, CaseStudyPageFactory, member_user
from tests.services import require

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("REDIS_URL")


@pytest.fixture(params=["locmem", "redis"])
def page_cache(request, settings):
    if request.param == "redis":
        require(REDIS_URL, "REDIS_URL is not set: no Redis server is running")
        settings.CACHES = {
            "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL}
        }
    else:
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "page-cache-tests",
            }
        }
    settings.PAGE_CACHE_SECONDS = 600
    cache = caches["default"]
    cache.clear()
    yield cache
    cache.clear()


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get("X-Page-Cache"), response.content.decode()


def test_second_anonymous_request_is_served_from_the_cache(client, page_cache, blog_index):
    BlogPageFactory(parent=blog_index, title="Cached reflection")
    assert fetch(client, "/blog/")[0] == "miss"
    state, html = fetch(client, "/blog/")
    assert state == "hit"
    assert "Cached reflection" in html
    assert fetch(client, "/blog/?page=1")[0] == "miss"  # the query string is part of the key


def test_a_newly_approved_reflection_appears_everywhere_at_once(
    client, page_cache, home, blog_index
):
    theme = Theme.objects.get(slug="co-production")
    BlogPageFactory(parent=blog_index, title="Older post", taxonomy={"themes": [theme]})
    urls = ["/", "/blog/", "/themes/co-production/", "/blog/rss/", "/sitemap.xml"]
    for url in urls:
        fetch(client, url)
        assert fetch(client, url)[0] == "hit"
    draft = BlogPageFactory(
        parent=blog_index, title="Approved just now", taxonomy={"themes": [theme]}, live=False
    )
    for url in urls:
        assert "Approved just now" not in fetch(client, url)[1]
    draft.get_latest_revision().publish()
    for url in urls:
        state, html = fetch(client, url)
        assert state == "miss", url
        assert "Approved just now" in html or f"/{draft.slug}/" in html, url


def test_an_edited_case_study_shows_its_new_text(client, page_cache, case_index):
    study = CaseStudyPageFactory(parent=case_index, title="Link workers in Northvale")
    for url in (study.url, "/case-studies/"):
        fetch(client, url)
    revision_page = study.get_latest_revision_as_object()
    revision_page.title = "Link workers in every Northvale practice"
    revision_page.save_revision().publish()
    for url in (study.url, "/case-studies/"):
        assert "Link workers in every Northvale practice" in fetch(client, url)[1]


def test_a_renamed_theme_is_renamed_on_every_page(client, page_cache, blog_index):
    theme = Theme.objects.get(slug="carers-families")
    post = BlogPageFactory(parent=blog_index, taxonomy={"themes": [theme]})
    for url in (post.url, "/themes/", "/themes/carers-families/", "/blog/"):
        fetch(client, url)
    theme.name = "Carers, families and friends"
    theme.save()
    for url in (post.url, "/themes/", "/themes/carers-families/", "/blog/"):
        assert "Carers, families and friends" in fetch(client, url)[1], url


def test_comment_decisions_and_reports_reach_cached_pages(
    client, page_cache, facilitator, blog_index, settings
):
    settings.REPORTS_TO_HIDE = 1
    post = BlogPageFactory(parent=blog_index, title="Discussed post")
    comment = Comment.objects.create(page=post, author=member_user(), body="Held comment")
    fetch(client, post.url)
    comment.review(facilitator, "published")
    assert "Held comment" in fetch(client, post.url)[1]
    assert "Discussed post" in fetch(client, "/blog/")[1]
    reporter = member_user()
    client.force_login(reporter)
    client.post(reverse("report-page", args=[post.pk]), {"reason": "spam"})
    client.logout()
    assert "Discussed post" not in fetch(client, "/blog/")[1]


def test_a_withdrawn_post_disappears(client, page_cache, blog_index):
    post = BlogPageFactory(parent=blog_index, title="Soon withdrawn")
    fetch(client, "/blog/")
    Page.objects.get(pk=post.pk).specific.unpublish()
    assert "Soon withdrawn" not in fetch(client, "/blog/")[1]
    assert client.get(post.url).status_code == 404


def test_a_post_made_private_is_not_served_from_the_cache(client, page_cache, blog_index):
    from wagtail.models import PageViewRestriction

    post = BlogPageFactory(parent=blog_index, title="Soon private")
    assert fetch(client, post.url)[0] == "miss"
    assert fetch(client, post.url)[0] == "hit"
    assert "Soon private" in fetch(client, "/blog/")[1]
    # What Wagtail's privacy setting saves: a restriction, not the page itself.
    PageViewRestriction.objects.create(page=post, restriction_type="login")
    assert client.get(post.url).status_code == 302  # to sign in
    assert "Soon private" not in fetch(client, "/blog/")[1]


def test_signed_in_people_never_get_the_visitors_copy(client, page_cache, member, blog_index):
    BlogPageFactory(parent=blog_index, title="Public")
    BlogPageFactory(parent=blog_index, title="Members only", audience="members")
    fetch(client, "/blog/")
    assert fetch(client, "/blog/")[0] == "hit"
    client.force_login(member)
    state, html = fetch(client, "/blog/")
    assert state == "miss"  # the members' copy (the audience cache), not the visitors'
    assert "Members only" in html
    client.logout()
    state, html = fetch(client, "/blog/")
    assert "Members only" not in html


def test_pages_that_set_cookies_or_fail_are_not_cached(client, page_cache, blog_index):
    post = BlogPageFactory(parent=blog_index, audience="members")
    client.get(post.url)  # 403 sign-in prompt
    assert client.get(post.url).get("X-Page-Cache") == "miss"
    client.get("/no-such-page/")
    assert client.get("/no-such-page/").get("X-Page-Cache") == "miss"


def test_bulk_generated_content_invalidates_too(client, page_cache, home, blog_index):
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)
    before = fetch(client, "/blog/")[1]
    call_command("generate_content", "--posts", "3", "--no-index", verbosity=0)
    after = fetch(client, "/blog/")[1]
    assert after != before
    assert BlogPage.objects.count() >= 3


def test_every_worker_sees_a_change_at_once(page_cache, blog_index):
    """Each test client builds its own middleware, like a separate gunicorn worker."""
    from django.test import Client

    workers = [Client(), Client()]
    for worker in workers:
        fetch(worker, "/blog/")
        assert fetch(worker, "/blog/")[0] == "hit"
    BlogPageFactory(parent=blog_index, title="Published through one worker")
    for worker in workers:
        assert "Published through one worker" in fetch(worker, "/blog/")[1]
