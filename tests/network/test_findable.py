"""Being found: the sitemap, robots.txt, canonical and sharing metadata, and the error pages."""

import json
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from django.test import RequestFactory
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from network.models import Region, Sector, Theme
from tests.factories import (
    BlogPageFactory,
    CaseStudyPageFactory,
    EventPageFactory,
    MemberProfileFactory,
    ResourcePageFactory,
)

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
BASE = "http://testserver"


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    return {loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)}


def meta(page, prop):
    tag = page.find("meta", attrs={"property": prop})
    assert tag is not None, prop
    return tag["content"]


@pytest.fixture
def content(blog_index, case_index):
    return {
        "public_post": BlogPageFactory(parent=blog_index, slug="open-reflection"),
        "members_post": BlogPageFactory(
            parent=blog_index, slug="members-reflection", audience="members"
        ),
        "draft_post": BlogPageFactory(parent=blog_index, slug="draft-reflection", live=False),
        "study": CaseStudyPageFactory(parent=case_index, slug="crisis-cafe"),
        "draft_study": CaseStudyPageFactory(parent=case_index, slug="draft-study", live=False),
        "public_profile": MemberProfileFactory(name="Pat Public", visibility="public"),
        "members_profile": MemberProfileFactory(name="Mo Members", visibility="members"),
        "hidden_profile": MemberProfileFactory(name="Hal Hidden", visibility="hidden"),
    }


# sitemap.xml ---------------------------------------------------------------------------


def test_sitemap_lists_public_pages_and_profiles(client, content):
    locations = sitemap_locations(client)

    assert f"{BASE}/" in locations
    assert f"{BASE}/blog/" in locations
    assert f"{BASE}/case-studies/" in locations
    assert f"{BASE}/blog/open-reflection/" in locations
    assert f"{BASE}/case-studies/crisis-cafe/" in locations
    assert f"{BASE}/members/pat-public/" in locations


def test_sitemap_lists_every_theme_sector_and_region_page(client, content):
    locations = sitemap_locations(client)

    for model, prefix in ((Theme, "themes"), (Sector, "sectors"), (Region, "regions")):
        for slug in model.objects.values_list("slug", flat=True):
            assert f"{BASE}/{prefix}/{slug}/" in locations
    assert f"{BASE}/themes/access-no-wrong-door/" in locations
    assert f"{BASE}/sectors/talking-therapies/" in locations
    assert f"{BASE}/regions/south-west/" in locations


def test_sitemap_leaves_out_what_is_not_public(client, content):
    locations = sitemap_locations(client)

    for private in [
        f"{BASE}/blog/members-reflection/",
        f"{BASE}/blog/draft-reflection/",
        f"{BASE}/case-studies/draft-study/",
        f"{BASE}/members/mo-members/",
        f"{BASE}/members/hal-hidden/",
    ]:
        assert private not in locations
    assert not any("members-reflection" in location for location in locations)


def test_sitemap_lists_each_url_once(client, content):
    response = client.get("/sitemap.xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    locations = [loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)]

    assert len(locations) == len(set(locations))
    # home, blog, case studies, a post, a case study, 41 terms and one profile
    assert len(locations) == 5 + 19 + 11 + 11 + 1


# robots.txt ----------------------------------------------------------------------------


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, home):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert f"Sitemap: {BASE}/sitemap.xml" in lines
    assert "Disallow: /" not in lines


# Canonical and sharing metadata --------------------------------------------------------


def test_blog_post_has_canonical_and_opengraph_tags(client, blog_index):
    post = BlogPageFactory(
        parent=blog_index,
        title="What a shared front door taught us",
        slug="shared-front-door",
        summary="One referral form for four services.",
    )

    response = client.get(post.url, {"utm_source": "newsletter"})

    assert response.status_code == 200
    page = soup(response)
    canonical = page.find("link", rel="canonical")
    assert canonical["href"] == f"{BASE}/blog/shared-front-door/"
    assert meta(page, "og:title") == "What a shared front door taught us"
    assert meta(page, "og:description") == "One referral form for four services."
    assert meta(page, "og:type") == "article"
    assert meta(page, "og:url") == f"{BASE}/blog/shared-front-door/"


def test_case_study_has_canonical_and_opengraph_tags(client, case_index):
    study = CaseStudyPageFactory(
        parent=case_index,
        title="Crisis cafe in Northvale",
        slug="crisis-cafe-northvale",
        summary="An evening crisis cafe run by peers.",
    )

    response = client.get(study.url, {"ref": "x"})

    assert response.status_code == 200
    page = soup(response)
    assert (
        page.find("link", rel="canonical")["href"] == f"{BASE}/case-studies/crisis-cafe-northvale/"
    )
    assert meta(page, "og:title") == "Crisis cafe in Northvale"
    assert meta(page, "og:description") == "An evening crisis cafe run by peers."
    assert meta(page, "og:type") == "article"
    assert page.find("meta", attrs={"name": "description"})["content"] == (
        "An evening crisis cafe run by peers."
    )


@pytest.fixture
def pictured_pages(blog_index, case_index, event_index, resource_index):
    """One page of each kind with a share picture, by the schema.org type it is."""
    photo = get_image_model().objects.create(title="Photo", file=get_test_image_file())
    return {
        "Article": BlogPageFactory(parent=blog_index, share_image=photo),
        "Report": CaseStudyPageFactory(parent=case_index, share_image=photo),
        "Event": EventPageFactory(parent=event_index, share_image=photo),
        "DigitalDocument": ResourcePageFactory(parent=resource_index, share_image=photo),
    }


@pytest.mark.parametrize("schema_type", ["Article", "Report", "Event", "DigitalDocument"])
def test_every_kind_of_page_carries_the_same_sharing_tags_and_json_ld(
    client, pictured_pages, schema_type
):
    shown = pictured_pages[schema_type]

    response = client.get(shown.url, {"utm_source": "newsletter"})

    assert response.status_code == 200
    page = soup(response)
    address = f"{BASE}{shown.url}"
    assert page.find("link", rel="canonical")["href"] == address
    assert meta(page, "og:url") == address
    assert meta(page, "og:type") == "article"
    assert meta(page, "og:title") == shown.title
    assert meta(page, "og:description") == shown.summary
    assert page.find("meta", attrs={"name": "description"})["content"] == shown.summary
    picture = meta(page, "og:image")
    assert picture.startswith(f"{BASE}/")
    assert "fill-1200x630" in picture
    scripts = page.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == schema_type
    assert data["url"] == address
    assert data["image"] == picture


def test_a_page_without_a_share_picture_names_none(client, event_index):
    event = EventPageFactory(parent=event_index)

    page = soup(client.get(event.url))

    assert page.find("meta", attrs={"property": "og:image"}) is None
    assert "image" not in json.loads(page.find("script", type="application/ld+json").string)


def test_seo_title_is_used_for_og_title_when_set(client, case_index):
    study = CaseStudyPageFactory(
        parent=case_index, title="Crisis cafe", seo_title="Peer-run crisis cafe, Northvale"
    )

    page = soup(client.get(study.url))

    assert meta(page, "og:title") == "Peer-run crisis cafe, Northvale"


def test_sharing_tags_escape_quotes_in_titles(client, case_index):
    study = CaseStudyPageFactory(parent=case_index, title='The "no wrong door" pilot')

    response = client.get(study.url)

    assert 'content="The &quot;no wrong door&quot; pilot"' in response.content.decode()
    assert meta(soup(response), "og:title") == 'The "no wrong door" pilot'


# Error pages ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["/no-such-page/", "/case-studies/no-such-study/", "/blog/2031/nothing/"]
)
def test_unknown_url_shows_the_helpful_404_page(client, blog_index, case_index, url):
    response = client.get(url)

    assert response.status_code == 404
    page = soup(response)
    assert page.h1.get_text(strip=True) == "Page not found"
    form = page.find("form", attrs={"role": "search"})
    assert form is not None
    assert form["action"] == "/search/"
    assert form.find("input", attrs={"name": "q"}) is not None
    assert page.find("a", href="/case-studies/") is not None


def test_404_page_renders_for_a_members_only_visitor_path(client, home):
    response = client.get("/members/no-one-here/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_500_template_renders_without_any_context():
    html = render_to_string("500.html")

    assert "Sorry, there is a problem with the service" in html
    assert 'href="/"' in html
    assert "{%" not in html


def test_500_template_renders_with_a_bare_request():
    request = RequestFactory().get("/broken/")

    html = render_to_string("500.html", request=request)

    assert "<h1>Sorry, there is a problem with the service</h1>" in html
