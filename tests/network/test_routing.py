"""Addresses lead where Wagtail's own walk down the page tree leads, however often asked.

The home page keeps, per content version, the page each address reached
(network/pages/routing.py), and pages know they have no view restrictions from what was read
once per version (network/pages/restrictions.py). Both must follow every change at once: a
page moved or renamed, a page withdrawn, a section made private.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.factories import BlogPageFactory

pytestmark = pytest.mark.django_db


def status(client, url):
    return client.get(url).status_code


def test_a_kept_address_follows_a_renamed_or_withdrawn_post(client, blog_index):
    post = BlogPageFactory(parent=blog_index, title="Walking groups", slug="walking-groups")
    for _ in range(2):
        page = client.get("/blog/walking-groups/")
        assert page.status_code == 200
        assert 'href="/blog/">Reflections</a>' in page.content.decode()  # the breadcrumb

    post.slug = "walking-groups-in-leeds"
    post.save_revision().publish()
    assert status(client, "/blog/walking-groups/") == 404
    assert status(client, "/blog/walking-groups-in-leeds/") == 200

    post.refresh_from_db()
    post.unpublish()
    assert status(client, "/blog/walking-groups-in-leeds/") == 404


def test_a_post_moved_between_sections_answers_at_its_new_address(client, home, blog_index):
    from blog.models import BlogIndexPage

    other = home.add_child(instance=BlogIndexPage(title="Archive", slug="archive"))
    post = BlogPageFactory(parent=blog_index, slug="moving")
    assert status(client, "/blog/moving/") == 200
    assert status(client, "/blog/moving/") == 200
    post.move(other, pos="last-child")
    moved = client.get("/blog/moving/")  # Wagtail leaves a redirect behind a moved page
    assert moved.status_code == 301
    assert moved["Location"] == "/archive/moving/"
    assert status(client, "/archive/moving/") == 200


def test_a_routable_pages_own_addresses_still_answer_once_kept(client, blog_index):
    BlogPageFactory(parent=blog_index, title="Fed")
    for _ in range(2):
        feed = client.get("/blog/rss/")
        assert feed.status_code == 200
        assert "Fed" in feed.content.decode()
        assert status(client, "/blog/") == 200
    assert status(client, "/blog/no-such-post/") == 404


def test_a_kept_address_is_found_in_one_query_for_the_page(client, blog_index):
    post = BlogPageFactory(parent=blog_index)
    client.get(post.url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(post.url).status_code == 200
    tree_reads = [query["sql"] for query in captured if 'FROM "wagtailcore_page"' in query["sql"]]
    assert tree_reads == [], "the page is read with its own type, not walked to"


def test_a_section_made_private_is_private_at_once(client, blog_index):
    post = BlogPageFactory(parent=blog_index)
    assert status(client, post.url) == 200
    assert not post.get_view_restrictions().exists()
    PageViewRestriction.objects.create(page=blog_index, restriction_type="login")
    assert post.get_view_restrictions().exists()
    response = client.get(post.url)
    assert response.status_code == 302
    assert f"next={post.url}" in response["Location"]


def test_made_up_feed_addresses_are_answered_but_never_kept(client, blog_index):
    from network.pages import routing

    for number in range(3):
        client.get(f"/blog/themes/made-up-{number}/rss/")
    client.get("/blog/")
    kept = routing._kept.get(routing.content_versions.content_version())
    assert [path for _root, path in kept.addresses] == [("blog",)]
