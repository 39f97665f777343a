"""Listing pages run a fixed number of queries however many items they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from network.models import Region, Sector, Theme
from tests.factories import (
    BlogPageFactory,
    BlogSeriesFactory,
    CaseStudyPageFactory,
    MemberProfileFactory,
)

pytestmark = pytest.mark.django_db

LISTINGS = [
    "/",
    "/blog/",
    "/blog/?theme=neighbourhood-teams&sector=vcse",
    "/case-studies/",
    "/case-studies/?theme=neighbourhood-teams&status=established",
    "/members/",
    "/members/?sector=vcse",
    "/themes/neighbourhood-teams/",
    "/sectors/vcse/",
    "/regions/south-west/",
    "/blog/rss/",
    "/blog/themes/neighbourhood-teams/atom/",
    "/sitemap.xml",
]


def populate(count, blog_index, case_index):
    theme = Theme.objects.get(slug="neighbourhood-teams")
    sector = Sector.objects.get(slug="vcse")
    region = Region.objects.get(slug="south-west")
    photo = Image.objects.create(title="Photo", file=get_test_image_file())
    series = BlogSeriesFactory()
    for number in range(count):
        author = MemberProfileFactory(sector=sector, region=region, photo=photo, interests=[theme])
        BlogPageFactory(
            parent=blog_index,
            authors=[author],
            taxonomy={"themes": [theme], "sectors": [sector]},
            region=region,
            share_image=photo,
            series=series,
            series_part=number + 1,
        )
        CaseStudyPageFactory(
            parent=case_index,
            taxonomy={"themes": [theme], "sectors": [sector]},
            region=region,
        )


def query_counts(client):
    counts = {}
    for url in LISTINGS:
        client.get(url)  # warm per-process caches such as the site root paths
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(context.captured_queries)
    return counts


@pytest.mark.parametrize("viewer", ["anonymous", "member"])
def test_listing_queries_do_not_grow_with_the_number_of_items(
    client, member, home, blog_index, case_index, settings, viewer
):
    settings.LISTING_PAGE_SIZE = 50
    if viewer == "member":
        client.force_login(member)
    populate(5, blog_index, case_index)
    small = query_counts(client)
    populate(45, blog_index, case_index)
    large = query_counts(client)
    grown = {url: (small[url], large[url]) for url in LISTINGS if large[url] != small[url]}
    assert not grown, f"queries grew with the number of items (5 items, 50 items): {grown}"
