"""Links to the reflections, case studies, events and resource library follow their index
pages: an editor who renames one's slug leaves no link to its old address anywhere a page
names it (header, footer, feeds, the home page, the 404 page, theme and sector pages)."""

import re

import pytest

from network.models import Theme
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="([^"]*)"')
FEED_IN_HEAD = re.compile(
    r'<link rel="alternate" type="application/rss\+xml"[^>]* href="/reflections/rss/">'
)


def links(response):
    return set(HREF.findall(response.content.decode()))


def rename(page, slug):
    page.slug = slug
    page.save_revision().publish()


@pytest.fixture
def theme():
    return Theme.objects.get(slug="co-production")


@pytest.fixture
def renamed(home, blog_index, case_index, event_index, resource_index, theme, client):
    EventPageFactory(parent=event_index, taxonomy={"themes": [theme]})
    client.get("/")  # the old addresses are kept for the content version before the change
    rename(blog_index, "reflections")
    rename(case_index, "good-practice")
    rename(event_index, "whats-on")


def test_every_page_links_to_renamed_index_pages_at_their_new_addresses(client, renamed, theme):
    pages = {
        "home": client.get("/"),
        "404": client.get("/blog/"),
        "theme": client.get(f"/themes/{theme.slug}/"),
        "sector": client.get("/sectors/vcse/"),
    }
    assert pages["404"].status_code == 404
    for name, page in pages.items():
        found = links(page)
        # The header and the footer, on every page.
        assert {"/reflections/", "/good-practice/", "/whats-on/", "/resources/"} <= found, name
        assert {"/reflections/rss/", "/reflections/atom/"} <= found, name
        old = sorted(
            url for url in found if url.startswith(("/blog/", "/case-studies/", "/events/"))
        )
        assert not old, (name, old)
        assert FEED_IN_HEAD.search(page.content.decode()), name

    assert {"/reflections/", "/good-practice/", "/whats-on/"} <= links(pages["home"])
    assert "/good-practice/" in links(pages["404"])
    assert {
        f"/reflections/themes/{theme.slug}/rss/",
        f"/reflections/themes/{theme.slug}/atom/",
        f"/whats-on/themes/{theme.slug}/calendar/",
    } <= links(pages["theme"])
    assert {"/reflections/sectors/vcse/rss/", "/reflections/sectors/vcse/atom/"} <= links(
        pages["sector"]
    )


def test_the_new_addresses_each_link_names_answer(client, renamed, theme):
    for url in [
        "/reflections/",
        "/reflections/rss/",
        "/reflections/atom/",
        f"/reflections/themes/{theme.slug}/rss/",
        "/good-practice/",
        "/whats-on/",
        f"/whats-on/themes/{theme.slug}/calendar/",
    ]:
        assert client.get(url).status_code == 200, url


def test_a_site_without_an_index_page_leaves_its_links_out(client, home, blog_index, theme):
    """Before an editor adds the events section, no page links to where it would be."""
    for url in ["/", f"/themes/{theme.slug}/", "/nowhere/"]:
        page = client.get(url)
        found = links(page)
        assert "/blog/" in found, url
        assert ">Events</a>" not in page.content.decode(), url
        assert not [link for link in found if link.startswith(("/events/", "/case-studies/"))], url
