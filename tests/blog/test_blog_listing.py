import datetime

import pytest

from network.models import Region, Sector, Theme
from tests.factories import BlogPageFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return [post.title for post in response.context["posts"]]


@pytest.fixture
def tagged_posts(blog_index):
    access = Theme.objects.get(slug="access-no-wrong-door")
    workforce = Theme.objects.get(slug="workforce-new-roles")
    vcse = Sector.objects.get(slug="vcse")
    primary = Sector.objects.get(slug="primary-care")
    return {
        "self-referral": BlogPageFactory(
            parent=blog_index,
            title="Self-referral",
            date=datetime.date(2024, 3, 1),
            taxonomy={"themes": [access], "sectors": [vcse]},
            region=Region.objects.get(slug="south-west"),
        ),
        "arrs": BlogPageFactory(
            parent=blog_index,
            title="ARRS roles",
            date=datetime.date(2025, 5, 1),
            taxonomy={"themes": [workforce], "sectors": [primary]},
            region=Region.objects.get(slug="london"),
        ),
        "both": BlogPageFactory(
            parent=blog_index,
            title="Both themes",
            date=datetime.date(2025, 7, 1),
            taxonomy={"themes": [access, workforce], "sectors": [primary, vcse]},
        ),
    }


def test_listing_is_newest_first(client, tagged_posts):
    assert titles(client.get("/blog/")) == ["Both themes", "ARRS roles", "Self-referral"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("theme=access-no-wrong-door", ["Both themes", "Self-referral"]),
        ("theme=workforce-new-roles", ["Both themes", "ARRS roles"]),
        ("sector=vcse", ["Both themes", "Self-referral"]),
        ("sector=primary-care", ["Both themes", "ARRS roles"]),
        ("region=london", ["ARRS roles"]),
        ("region=south-west", ["Self-referral"]),
        ("year=2024", ["Self-referral"]),
        ("year=2025", ["Both themes", "ARRS roles"]),
        ("region=london&region=south-west", ["ARRS roles", "Self-referral"]),
        ("theme=access-no-wrong-door&sector=primary-care", ["Both themes"]),
        ("theme=access-no-wrong-door&year=2024", ["Self-referral"]),
        ("theme=no-such-theme", ["Both themes", "ARRS roles", "Self-referral"]),
        ("year=twenty", ["Both themes", "ARRS roles", "Self-referral"]),
    ],
)
def test_each_filter_narrows_the_listing(client, tagged_posts, query, expected):
    assert titles(client.get(f"/blog/?{query}")) == expected


def test_selected_filters_show_as_removable_chips(client, tagged_posts):
    html = client.get("/blog/?theme=access-no-wrong-door&region=london").content.decode()
    assert "Theme: Access, self-referral and no wrong door" in html
    assert 'href="?region=london"' in html
    assert 'href="?theme=access-no-wrong-door"' in html


def test_listing_paginates_and_survives_bad_page_numbers(client, blog_index, settings):
    settings.LISTING_PAGE_SIZE = 2
    for number in range(5):
        BlogPageFactory(parent=blog_index, title=f"Post {number}")
    assert len(client.get("/blog/").context["posts"]) == 2
    assert titles(client.get("/blog/?page=3")) == ["Post 0"]
    assert client.get("/blog/?page=99").status_code == 200
    assert client.get("/blog/?page=abc").status_code == 200


def test_members_only_and_draft_posts_stay_out_of_the_public_listing(
    client, member_client, blog_index
):
    BlogPageFactory(parent=blog_index, title="Public")
    BlogPageFactory(parent=blog_index, title="Members", audience="members")
    BlogPageFactory(parent=blog_index, title="Draft", live=False)
    assert titles(member_client.get("/blog/")) == ["Members", "Public"]
    member_client.logout()
    assert titles(member_client.get("/blog/")) == ["Public"]
