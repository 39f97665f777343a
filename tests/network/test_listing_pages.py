"""The four index pages list their pages one way (network.pages.listing.ListingPage):
only what the reader may see, filtered by the query string, a page at a time."""

import re

import pytest
from django.utils.html import escape

from network.models import Theme
from tests.factories import (
    BlogPageFactory,
    CaseStudyPageFactory,
    EventPageFactory,
    ResourcePageFactory,
)

pytestmark = pytest.mark.django_db

INDEXES = {
    "blog": ("blog_index", BlogPageFactory, "{n} reflections"),
    "case studies": ("case_index", CaseStudyPageFactory, "{n} case studies"),
    "events": ("event_index", EventPageFactory, "{n} upcoming events"),
    "resources": ("resource_index", ResourcePageFactory, "{n} resources"),
}


def listed(html):
    return sorted(set(re.findall(r"Listed [a-z]+", html)))


@pytest.mark.parametrize("name", INDEXES)
def test_an_index_lists_what_the_reader_may_see_filtered_a_page_at_a_time(
    client, request, settings, name
):
    settings.LISTING_PAGE_SIZE = 2
    index_fixture, factory, count = INDEXES[name]
    index = request.getfixturevalue(index_fixture)
    chosen, other = Theme.objects.all()[:2]
    for word in ("alpha", "bravo", "charlie"):
        factory(parent=index, title=f"Listed {word}", taxonomy={"themes": [chosen]})
    factory(parent=index, title="Listed delta", taxonomy={"themes": [other]})
    factory(parent=index, title="Listed echo", audience="members", taxonomy={"themes": [chosen]})

    first = client.get(index.url, {"theme": [chosen.slug, "no-such-theme"]}).content.decode()
    assert count.format(n=3) in first
    assert escape(f"Theme: {chosen.name}") in first
    assert "Page 2 of 2" in first
    second = client.get(index.url, {"theme": chosen.slug, "page": "2"}).content.decode()
    assert len(listed(first)) == 2
    assert len(listed(second)) == 1
    assert sorted(listed(first) + listed(second)) == [
        "Listed alpha",
        "Listed bravo",
        "Listed charlie",
    ]

    past_the_end = client.get(index.url, {"theme": chosen.slug, "page": "99"}).content.decode()
    assert listed(past_the_end) == listed(second)
    everything = client.get(index.url, {"theme": "no-such-theme"}).content.decode()
    assert count.format(n=4) in everything
    assert "Showing only:" not in everything
