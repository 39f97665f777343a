"""Keywords lead to what shares them; lead images show with their alt text."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from tests.factories import BlogPageFactory, CaseStudyPageFactory

pytestmark = pytest.mark.django_db


def titles(response):
    assert response.status_code == 200
    return re.findall(
        r'class="nhsuk-card__link" href="[^"]+">([^<]+)</a>', response.content.decode()
    )


@pytest.fixture
def keyworded(blog_index):
    first = BlogPageFactory(parent=blog_index, title="Huddles in Northvale")
    first.keywords.add("link worker", "supervision")
    first.save_revision().publish()
    second = BlogPageFactory(parent=blog_index, title="Link workers in practice")
    second.keywords.add("link worker")
    second.save_revision().publish()
    BlogPageFactory(parent=blog_index, title="Nothing shared")
    return first, second


def test_a_posts_keywords_link_to_the_posts_that_share_them(client, keyworded):
    first, _second = keyworded
    page = client.get(first.url).content.decode()
    assert (
        '<a class="nhsuk-tag nhsuk-tag--white" href="/blog/?keyword=link-worker">link worker</a>'
        in page
    )
    assert 'href="/blog/?keyword=supervision">supervision</a>' in page

    response = client.get("/blog/", {"keyword": "link-worker"})
    assert set(titles(response)) == {"Huddles in Northvale", "Link workers in practice"}
    assert "Keyword: link worker" in response.content.decode()  # a chip that clears it
    assert titles(client.get("/blog/", {"keyword": "supervision"})) == ["Huddles in Northvale"]


def test_an_unknown_keyword_is_ignored_like_any_other_filter_value(client, keyworded):
    assert len(titles(client.get("/blog/", {"keyword": "no-such-keyword"}))) == 3


def test_members_only_posts_stay_hidden_behind_a_keyword(member_client, blog_index):
    post = BlogPageFactory(parent=blog_index, title="Closed huddle", audience="members")
    post.keywords.add("huddle")
    post.save_revision().publish()
    assert titles(Client().get("/blog/", {"keyword": "huddle"})) == []
    assert titles(member_client.get("/blog/", {"keyword": "huddle"})) == ["Closed huddle"]


def picture(description):
    output = io.BytesIO()
    PillowImage.new("RGB", (1200, 630), (20, 90, 200)).save(output, "JPEG")
    return get_image_model().objects.create(
        title="Estuary",
        description=description,
        file=SimpleUploadedFile("estuary.jpg", output.getvalue()),
    )


def image_alts(html):
    return re.findall(r'<img[^>]* alt="([^"]*)"', html)


def test_lead_images_show_on_pages_and_cards_with_alt_text(client, blog_index, case_index):
    """On the page itself and on the home page's cards; listings are for scanning and
    carry no decorative picture."""
    image = picture("A river mouth at low tide under a pale sky")
    post = BlogPageFactory(parent=blog_index, title="By the river", share_image=image)
    study = CaseStudyPageFactory(parent=case_index, title="Estuary hub", share_image=image)
    BlogPageFactory(parent=blog_index, title="No picture")
    alt = "A river mouth at low tide under a pale sky"
    for url in (post.url, study.url, "/"):
        assert alt in image_alts(client.get(url).content.decode()), url
    for url in ("/blog/", "/case-studies/"):
        assert alt not in image_alts(client.get(url).content.decode()), url
