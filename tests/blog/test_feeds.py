import html
from html.parser import HTMLParser
from xml.etree import ElementTree

import feedparser
import pytest

from network.models import Sector, Theme
from tests.factories import (
    BlogPageFactory,
    MemberProfileFactory,
    facilitator_user,
    member_user,
)

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


# Member text in feeds ------------------------------------------------------------------

ATOM = "{http://www.w3.org/2005/Atom}"
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"

# What members might type, and what a reader should then show: the words, never markup.
PAYLOADS = [
    ("<script>alert(1)</script>", ""),
    ("<img src=x onerror=alert(1)>", ""),
    ("&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>"),
    ('<a href="javascript:alert(1)">look</a>', "look"),
    ("<svg><script>alert(1)</script></svg>", ""),
    ("Tom & Jerry's <b>plan</b>", "Tom & Jerry's plan"),
]


class ElementFinder(HTMLParser):
    """A feed reader that renders HTML: what elements would it build from this text?"""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        self.elements.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.elements.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def rendered(decoded):
    """The elements and the words a reader gets from HTML that came out of the feed."""
    finder = ElementFinder()
    finder.feed(decoded)
    finder.close()
    return finder.elements, "".join(finder.text)


@pytest.fixture
def payload_posts(blog_index):
    author = MemberProfileFactory(name="<img src=x onerror=alert(1)>Ada &lt;b&gt;")
    return {
        BlogPageFactory(
            parent=blog_index,
            title=f"Title {number} {payload} end",
            summary=f"Summary {number} {payload} end",
            authors=[author],
        ).url: (number, shown)
        for number, (payload, shown) in enumerate(PAYLOADS)
    }


def feed_xml(response):
    assert response.status_code == 200
    return ElementTree.fromstring(response.content)  # noqa: S314 - our own response


def assert_reader_shows(decoded, expected):
    elements, words = rendered(decoded)
    assert elements == [], decoded
    assert " ".join(words.split()) == " ".join(expected.split()), decoded


def test_atom_entries_carry_member_text_as_words_a_reader_cannot_run(client, payload_posts):
    response = client.get("/blog/atom/")
    entries = feed_xml(response).findall(f"{ATOM}entry")
    assert len(entries) == len(PAYLOADS)
    for entry in entries:
        link = entry.find(f"{ATOM}link").get("href").removeprefix("http://testserver")
        number, shown = payload_posts[link]
        for field in ("title", "summary"):
            element = entry.find(f"{ATOM}{field}")
            expected = f"{field.title()} {number} {shown} end"
            if element.get("type") == "text":
                assert element.text == expected
            else:
                assert element.get("type") == "html"
                assert_reader_shows(element.text, expected)
        # Atom names are text only: no tags survive, and a text reader shows them as written.
        assert entry.find(f"{ATOM}author/{ATOM}name").text == "Ada <b>"


def test_rss_items_carry_member_text_as_words_a_reader_cannot_run(client, payload_posts):
    response = client.get("/blog/rss/")
    items = feed_xml(response).findall("channel/item")
    assert len(items) == len(PAYLOADS)
    for item in items:
        number, shown = payload_posts[item.findtext("link").removeprefix("http://testserver")]
        # RSS says nothing about whether these are HTML; many readers render all three.
        assert_reader_shows(item.findtext("title"), f"Title {number} {shown} end")
        assert_reader_shows(item.findtext("description"), f"Summary {number} {shown} end")
        assert_reader_shows(item.findtext(DC_CREATOR), "Ada <b>")


def test_feeds_still_read_naturally_in_a_feed_reader(client, blog_index):
    BlogPageFactory(
        parent=blog_index,
        title="Tom & Jerry's crisis plan",
        summary="What we learnt: 2 < 3 & carers' voices matter.",
    )
    for url in ("/blog/rss/", "/blog/atom/"):
        _response, feed = parse(client, url)
        [entry] = feed.entries
        assert html.unescape(entry.title) == "Tom & Jerry's crisis plan"
        assert html.unescape(entry.summary) == "What we learnt: 2 < 3 & carers' voices matter."


# Authors in feeds ----------------------------------------------------------------------


@pytest.mark.parametrize("viewer", ["anonymous", "member", "facilitator"])
@pytest.mark.parametrize("url", ["/blog/rss/", "/blog/atom/"])
def test_feeds_name_authors_as_a_visitor_sees_them(client, blog_index, viewer, url):
    """Feeds are public whoever fetches them, so a hidden author is never named there."""
    hidden = MemberProfileFactory(name="Hana Hidden", visibility="hidden", user=member_user())
    members_only = MemberProfileFactory(name="Morgan Members", visibility="members")
    public = MemberProfileFactory(name="Sam Okafor")
    BlogPageFactory(parent=blog_index, title="Solo", authors=[hidden])
    BlogPageFactory(parent=blog_index, title="Joint", authors=[public, hidden, members_only])
    if viewer == "member":
        client.force_login(member_user())
    elif viewer == "facilitator":
        client.force_login(facilitator_user())

    response, feed = parse(client, url)
    body = response.content.decode()
    assert "Hana Hidden" not in body
    assert "Morgan Members" not in body
    assert hidden.get_absolute_url() not in body
    authors = {entry.title: entry.author for entry in feed.entries}
    assert authors == {"Solo": "A network member", "Joint": "Sam Okafor, A network member"}
    root = feed_xml(response)
    if url.endswith("rss/"):
        creators = [item.findtext(DC_CREATOR) for item in root.findall("channel/item")]
    else:
        creators = [name.text for name in root.iter(f"{ATOM}name")]
    assert sorted(creators) == ["A network member", "Sam Okafor, A network member"]
