"""The member directory and profiles: each shown only to those allowed to see it."""

import datetime

import pytest
from bs4 import BeautifulSoup

from network.models import MemberProfile, Region, Sector, Theme
from tests.factories import BlogPageFactory, MemberProfileFactory, UserFactory, member_user

pytestmark = pytest.mark.django_db

DIRECTORY = "/members/"


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def listed_names(response):
    assert response.status_code == 200
    return {
        link.get_text(strip=True)
        for link in soup(response).select("ul.network-card-grid h3.nhsuk-card__heading a")
    }


def post_titles(response):
    assert response.status_code == 200
    return [
        heading.get_text(strip=True)
        for heading in soup(response).select("ul.network-card-list h3.nhsuk-card__heading")
    ]


@pytest.fixture
def owner(db):
    """A signed-up user who is not (yet) a network member and keeps a hidden profile."""
    return UserFactory(username="owner")


@pytest.fixture
def profiles(owner):
    return {
        "public": MemberProfileFactory(name="Priya Public", visibility="public"),
        "members": MemberProfileFactory(name="Morgan Members", visibility="members"),
        "hidden": MemberProfileFactory(name="Hana Hidden", visibility="hidden", user=owner),
    }


# The directory -------------------------------------------------------------------------


def test_anonymous_visitors_see_only_public_profiles(client, profiles):
    response = client.get(DIRECTORY)

    assert listed_names(response) == {"Priya Public"}
    assert "1 member" in soup(response).find("p", attrs={"role": "status"}).get_text()
    assert "Some members share their profile only with other members." in (
        response.content.decode()
    )


def test_signed_in_non_members_see_only_public_profiles(client, visitor, profiles):
    client.force_login(visitor)

    assert listed_names(client.get(DIRECTORY)) == {"Priya Public"}


def test_members_see_public_and_members_only_profiles(member_client, profiles):
    response = member_client.get(DIRECTORY)

    assert listed_names(response) == {"Priya Public", "Morgan Members"}
    assert "Some members share their profile only" not in response.content.decode()


def test_facilitators_see_every_profile_including_hidden(facilitator_client, profiles):
    response = facilitator_client.get(DIRECTORY)

    assert listed_names(response) == {"Priya Public", "Morgan Members", "Hana Hidden"}
    assert "Hidden" in soup(response).select_one("span.nhsuk-tag--grey").get_text()


def test_hidden_profile_listed_only_to_its_owner(client, owner, visitor, profiles):
    client.force_login(owner)
    assert listed_names(client.get(DIRECTORY)) == {"Priya Public", "Hana Hidden"}
    client.force_login(visitor)
    assert listed_names(client.get(DIRECTORY)) == {"Priya Public"}


def test_owner_of_a_members_only_profile_sees_it_before_joining(client, visitor, profiles):
    MemberProfileFactory(name="Nadia New", visibility="members", user=visitor)
    client.force_login(visitor)

    assert listed_names(client.get(DIRECTORY)) == {"Priya Public", "Nadia New"}


# Profile pages -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("viewer", "visible"),
    [
        ("anonymous", {"public"}),
        ("visitor", {"public"}),
        ("member", {"public", "members"}),
        ("owner", {"public", "hidden"}),
        ("facilitator", {"public", "members", "hidden"}),
    ],
)
def test_profile_pages_404_for_those_who_may_not_see_them(
    client, profiles, visitor, member, facilitator, owner, viewer, visible
):
    users = {"visitor": visitor, "member": member, "facilitator": facilitator, "owner": owner}
    if viewer in users:
        client.force_login(users[viewer])

    for key, profile in profiles.items():
        response = client.get(f"/members/{profile.slug}/")
        if key in visible:
            assert response.status_code == 200, key
            assert soup(response).h1.get_text(strip=True) == profile.name
        else:
            assert response.status_code == 404, key
            assert profile.name not in response.content.decode()


def test_unknown_profile_is_404(client, home):
    response = client.get("/members/nobody-at-all/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_profile_page_shows_the_members_details(client):
    theme = Theme.objects.get(slug="co-production")
    profile = MemberProfileFactory(
        name="Sam Peer",
        role="Peer support lead",
        organisation="Northvale Mind",
        sector=Sector.objects.get(slug="vcse"),
        region=Region.objects.get(slug="north-west"),
        bio="I run a peer support group.",
        interests=[theme],
    )

    response = client.get(profile.get_absolute_url())

    text = soup(response).get_text(" ", strip=True)
    assert "Peer support lead, Northvale Mind" in text
    assert "I run a peer support group." in text
    html = response.content.decode()
    assert 'href="/sectors/vcse/"' in html
    assert 'href="/regions/north-west/"' in html
    assert 'href="/themes/co-production/"' in html


# Filters -------------------------------------------------------------------------------


@pytest.fixture
def tagged_profiles(db):
    vcse = Sector.objects.get(slug="vcse")
    primary = Sector.objects.get(slug="primary-care")
    london = Region.objects.get(slug="london")
    south_west = Region.objects.get(slug="south-west")
    co_production = Theme.objects.get(slug="co-production")
    older = Theme.objects.get(slug="older-adults")
    MemberProfileFactory(name="Ada", sector=vcse, region=london, interests=[co_production, older])
    MemberProfileFactory(name="Ben", sector=primary, region=south_west, interests=[older])
    MemberProfileFactory(name="Cal", sector=vcse, region=south_west, interests=[])
    MemberProfileFactory(
        name="Dee", sector=vcse, region=london, visibility="members", interests=[co_production]
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"sector": "vcse"}, {"Ada", "Cal"}),
        ({"sector": "primary-care"}, {"Ben"}),
        ({"sector": ["vcse", "primary-care"]}, {"Ada", "Ben", "Cal"}),
        ({"region": "south-west"}, {"Ben", "Cal"}),
        ({"region": "london"}, {"Ada"}),
        ({"interest": "co-production"}, {"Ada"}),
        ({"interest": "older-adults"}, {"Ada", "Ben"}),
        ({"interest": ["older-adults", "co-production"]}, {"Ada", "Ben"}),
        ({"sector": "vcse", "region": "south-west"}, {"Cal"}),
        ({"sector": "vcse", "interest": "older-adults"}, {"Ada"}),
        ({"region": "north-west"}, set()),
        ({"sector": "no-such-sector"}, {"Ada", "Ben", "Cal"}),
    ],
)
def test_directory_filters(client, tagged_profiles, query, expected):
    assert listed_names(client.get(DIRECTORY, query)) == expected


def test_directory_filters_respect_visibility(member_client, tagged_profiles):
    response = member_client.get(DIRECTORY, {"interest": "co-production"})

    assert listed_names(response) == {"Ada", "Dee"}


def test_directory_filter_chip_links_back_without_the_value(client, tagged_profiles):
    response = client.get(DIRECTORY, {"sector": "vcse", "region": "london"})

    chips = {
        link.get_text(" ", strip=True).split(" (remove")[0]: link["href"]
        for link in soup(response).select("a.network-chip")
    }
    assert chips == {
        "Sector: Voluntary, community and social enterprise": "?region=london",
        "Region: London": "?sector=vcse",
    }


# Posts on a profile --------------------------------------------------------------------


@pytest.fixture
def author_with_posts(blog_index):
    author = MemberProfileFactory(name="Writer Wren", visibility="public")
    someone_else = MemberProfileFactory(name="Other Otto", visibility="public")
    BlogPageFactory(
        parent=blog_index, title="Wren public", date=datetime.date(2025, 1, 1), authors=[author]
    )
    BlogPageFactory(
        parent=blog_index,
        title="Wren members only",
        date=datetime.date(2025, 2, 1),
        audience="members",
        authors=[author],
    )
    BlogPageFactory(
        parent=blog_index,
        title="Wren draft",
        date=datetime.date(2025, 3, 1),
        live=False,
        authors=[author],
    )
    BlogPageFactory(
        parent=blog_index,
        title="Co-written",
        date=datetime.date(2024, 12, 1),
        authors=[someone_else, author],
    )
    BlogPageFactory(parent=blog_index, title="Otto alone", authors=[someone_else])
    return author


def test_profile_lists_published_public_posts_for_anonymous_visitors(client, author_with_posts):
    response = client.get(author_with_posts.get_absolute_url())

    assert post_titles(response) == ["Wren public", "Co-written"]
    html = response.content.decode()
    assert "Wren members only" not in html
    assert "Wren draft" not in html
    assert "Otto alone" not in html


def test_profile_lists_members_only_posts_for_members(member_client, author_with_posts):
    response = member_client.get(author_with_posts.get_absolute_url())

    assert post_titles(response) == ["Wren members only", "Wren public", "Co-written"]
    assert "Wren draft" not in response.content.decode()


def test_profile_without_posts_says_so(client, profiles):
    response = client.get(profiles["public"].get_absolute_url())

    assert post_titles(response) == []
    assert "No published posts yet." in response.content.decode()


# Slugs ---------------------------------------------------------------------------------


def test_slugs_are_unique_when_members_share_a_name(db):
    first = MemberProfileFactory(name="Alex Smith")
    second = MemberProfileFactory(name="Alex Smith")
    third = MemberProfileFactory(name="alex smith")

    assert [first.slug, second.slug, third.slug] == ["alex-smith", "alex-smith-2", "alex-smith-3"]


def test_each_namesake_has_their_own_page(client):
    first = MemberProfileFactory(name="Alex Smith", role="Social worker")
    second = MemberProfileFactory(name="Alex Smith", role="GP partner")

    assert "Social worker" in client.get(first.get_absolute_url()).content.decode()
    assert "GP partner" in client.get(second.get_absolute_url()).content.decode()
    assert first.get_absolute_url() == "/members/alex-smith/"
    assert second.get_absolute_url() == "/members/alex-smith-2/"


def test_slug_kept_when_the_profile_is_saved_again(db):
    profile = MemberProfileFactory(name="Jo Bloggs")
    MemberProfileFactory(name="Jo Bloggs")

    profile.role = "Team manager"
    profile.save()
    profile.refresh_from_db()

    assert profile.slug == "jo-bloggs"
    assert MemberProfile.objects.filter(slug__startswith="jo-bloggs").count() == 2


def test_name_without_letters_still_gets_a_slug(db):
    first = MemberProfileFactory(name="???")
    second = MemberProfileFactory(name="!!!")

    assert {first.slug, second.slug} == {"member", "member-2"}


def test_profile_of_a_member_visible_to_other_members(client, profiles):
    other = member_user()
    client.force_login(other)

    response = client.get(profiles["members"].get_absolute_url())

    assert response.status_code == 200
    assert soup(response).h1.get_text(strip=True) == "Morgan Members"
