import feedparser
import pytest

from network.models import Sector, Theme
from tests.factories import BlogPageFactory, MemberProfileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def posts(blog_index):
    theme = Theme.objects.get(slug="co-production")
    sector = Sector.objects.get(slug="lived-experience")
    author = MemberProfileFactory(name="Sam Okafor")
    return [
        BlogPageFactory(
            parent=blog_index,
            title="Experts by experience on the board",
            authors=[author],
            taxonomy={"themes": [theme], "sectors": [sector]},
        ),
        BlogPageFactory(parent=blog_index, title="Data sharing agreements"),
        BlogPageFactory(
            parent=blog_index,
            title="Members only reflection",
            audience="members",
            taxonomy={"themes": [theme]},
        ),
        BlogPageFactory(parent=blog_index, title="Unpublished draft", live=False),
    ]


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return response, feed


@pytest.mark.parametrize(("url", "version"), [("/blog/rss/", "rss20"), ("/blog/atom/", "atom10")])
def test_blog_feeds_are_valid_and_public_only(client, posts, url, version):
    _response, feed = parse(client, url)
    assert feed.version == version
    titles = {entry.title for entry in feed.entries}
    assert titles == {"Experts by experience on the board", "Data sharing agreements"}
    entry = next(e for e in feed.entries if e.title == "Experts by experience on the board")
    assert entry.link == f"http://testserver{posts[0].url}"
    assert entry.author == "Sam Okafor"


def test_members_do_not_get_members_only_posts_in_feeds(member_client, posts):
    _response, feed = parse(member_client, "/blog/rss/")
    assert "Members only reflection" not in {entry.title for entry in feed.entries}


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_theme_and_sector_feeds_carry_only_tagged_posts(client, posts, fmt):
    _response, feed = parse(client, f"/blog/themes/co-production/{fmt}/")
    assert [entry.title for entry in feed.entries] == ["Experts by experience on the board"]
    assert "Co-production and lived experience leadership" in feed.feed.title
    _response, feed = parse(client, f"/blog/sectors/lived-experience/{fmt}/")
    assert [entry.title for entry in feed.entries] == ["Experts by experience on the board"]


def test_unknown_theme_feed_is_not_found(client, posts):
    assert client.get("/blog/themes/not-a-theme/rss/").status_code == 404
