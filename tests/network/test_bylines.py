"""Bylines name an author only to readers who may open that author's profile.

A hidden profile answers 404 to everyone but its owner and the facilitators; a byline
that named the member (or linked to that 404) would give away what the profile keeps
back. Everyone else reads "a network member", with nothing to follow.
"""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser
from django.core.cache import caches

from network.models import Comment, CommentStatus, MemberProfile, Theme
from tests.factories import (
    BlogPageFactory,
    MemberProfileFactory,
    UserFactory,
    facilitator_user,
    member_user,
)

pytestmark = pytest.mark.django_db

HIDDEN_NAME = "Hana Hidden"
PUBLIC_NAME = "Sam Okafor"
MEMBERS_NAME = "Morgan Members"


@pytest.fixture
def hidden_owner(db):
    return member_user(username="hana")


@pytest.fixture
def authors(hidden_owner):
    return {
        "hidden": MemberProfileFactory(
            name=HIDDEN_NAME, visibility="hidden", user=hidden_owner, role="Carer peer lead"
        ),
        "public": MemberProfileFactory(name=PUBLIC_NAME, visibility="public"),
        "members": MemberProfileFactory(name=MEMBERS_NAME, visibility="members"),
    }


@pytest.fixture
def posts(blog_index, authors):
    theme = Theme.objects.get(slug="co-production")
    return {
        "solo": BlogPageFactory(
            parent=blog_index,
            title="Peer support at the front door",
            authors=[authors["hidden"]],
            taxonomy={"themes": [theme]},
        ),
        "joint": BlogPageFactory(
            parent=blog_index,
            title="Writing a crisis plan together",
            authors=[authors["public"], authors["hidden"]],
            taxonomy={"themes": [theme]},
        ),
    }


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def links_to(html, url):
    return BeautifulSoup(html, "html.parser").select(f'a[href="{url}"]')


def bylines(html):
    """What a reader reads in each byline, links reduced to their words."""
    return [
        " ".join(meta.get_text().split())
        for meta in BeautifulSoup(html, "html.parser").select("p.network-meta")
        if meta.get_text().strip().startswith("By ")
    ]


def json_ld_authors(html):
    tag = BeautifulSoup(html, "html.parser").find("script", type="application/ld+json")
    return json.loads(tag.string)["author"]


def pages_with_bylines(posts, authors):
    return {
        "home": "/",
        "listing": "/blog/",
        "post": posts["solo"].url,
        "joint post": posts["joint"].url,
        "theme": "/themes/co-production/",
        "co-author's profile": authors["public"].get_absolute_url(),
    }


@pytest.mark.parametrize("viewer", ["anonymous", "signed-up non-member", "another member"])
def test_a_hidden_author_is_a_network_member_to_those_who_may_not_see_the_profile(
    client, posts, authors, viewer
):
    if viewer == "signed-up non-member":
        client.force_login(UserFactory())
    elif viewer == "another member":
        client.force_login(member_user())
    hidden_url = authors["hidden"].get_absolute_url()
    assert client.get(hidden_url).status_code == 404

    for where, url in pages_with_bylines(posts, authors).items():
        html = page(client, url)
        assert HIDDEN_NAME not in html, where
        assert not links_to(html, hidden_url), where
        assert "a network member" in html, where

    assert bylines(page(client, posts["solo"].url))[0].startswith("By a network member Published")
    joint = page(client, posts["joint"].url)
    assert bylines(joint)[0].startswith(f"By {PUBLIC_NAME} and a network member Published")
    assert links_to(joint, authors["public"].get_absolute_url())
    assert f"By {PUBLIC_NAME} and a network member" in bylines(page(client, "/blog/"))


def test_a_hidden_profiles_owner_reads_shared_pages_as_other_members_do(
    client, posts, authors, hidden_owner
):
    """Posts and listings are shared by all members (network/caching/audience_cache.py), so the
    owner sees there what the other members see; their own profile page still opens."""
    client.force_login(hidden_owner)
    hidden_url = authors["hidden"].get_absolute_url()
    assert client.get(hidden_url).status_code == 200
    shared = pages_with_bylines(posts, authors)
    profile = shared.pop("co-author's profile")  # profiles are rendered for their reader
    for where, url in shared.items():
        html = page(client, url)
        assert not links_to(html, hidden_url), where
        assert HIDDEN_NAME not in html, where
    assert links_to(page(client, profile), hidden_url)


def test_facilitators_see_a_hidden_profiles_name_and_link(client, posts, authors):
    client.force_login(facilitator_user())
    hidden_url = authors["hidden"].get_absolute_url()
    assert client.get(hidden_url).status_code == 200

    for where, url in pages_with_bylines(posts, authors).items():
        html = page(client, url)
        assert [link.get_text() for link in links_to(html, hidden_url)], where
        assert "a network member" not in html, where
    joint = bylines(page(client, posts["joint"].url))[0]
    assert joint.startswith(f"By {PUBLIC_NAME} and {HIDDEN_NAME} Published")


def test_a_members_only_author_is_named_to_members_and_not_to_visitors(client, blog_index, authors):
    post = BlogPageFactory(parent=blog_index, authors=[authors["members"]])
    members_url = authors["members"].get_absolute_url()

    html = page(client, post.url)
    assert MEMBERS_NAME not in html
    assert not links_to(html, members_url)
    assert bylines(html)[0].startswith("By a network member Published")

    client.force_login(member_user())
    html = page(client, post.url)
    assert [link.get_text() for link in links_to(html, members_url)] == [MEMBERS_NAME]


def test_two_unnamed_authors_are_credited_once(client, blog_index, authors):
    post = BlogPageFactory(parent=blog_index, authors=[authors["hidden"], authors["members"]])
    assert bylines(page(client, post.url))[0].startswith("By a network member Published")


@pytest.mark.parametrize("viewer", ["anonymous", "facilitator"])
def test_structured_data_credits_authors_as_a_visitor_sees_them(client, posts, viewer):
    """Search engines and link previews read it, and they are never signed in."""
    if viewer == "facilitator":
        client.force_login(facilitator_user())
    html = page(client, posts["joint"].url)
    assert json_ld_authors(html) == [
        {"@type": "Person", "name": PUBLIC_NAME, "jobTitle": "Peer support worker"},
        {"@type": "Person", "name": "A network member"},
    ]


def test_a_hidden_members_comments_do_not_name_them(client, posts, hidden_owner):
    post = posts["joint"]
    Comment.objects.create(
        page=post, author=hidden_owner, body="What helped us most.", status=CommentStatus.PUBLISHED
    )

    html = page(client, post.url)
    assert "What helped us most." in html
    assert HIDDEN_NAME not in html

    # The post is shared by all members (network/caching/audience_cache.py), so its owner reads
    # the thread as other members do.
    client.force_login(hidden_owner)
    comment = BeautifulSoup(page(client, post.url), "html.parser").select_one(".network-comment")
    assert HIDDEN_NAME not in comment.get_text()


def test_cached_pages_never_carry_a_name_rendered_for_someone_signed_in(
    client, posts, authors, hidden_owner, settings
):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "byline-cache-tests",
        }
    }
    settings.PAGE_CACHE_SECONDS = 600
    caches["default"].clear()
    url = posts["solo"].url

    facilitator = facilitator_user()
    client.force_login(facilitator)
    assert HIDDEN_NAME in page(client, url)
    client.logout()
    client.cookies.clear()
    first = client.get(url)
    second = client.get(url)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert HIDDEN_NAME not in second.content.decode()

    client.force_login(hidden_owner)
    assert HIDDEN_NAME not in page(client, url)  # the members' copy, as other members read it
    client.logout()
    client.cookies.clear()
    assert HIDDEN_NAME not in page(client, url)

    # Making the profile public shows the name to visitors at once, not when the cache expires.
    authors["hidden"].visibility = "public"
    authors["hidden"].save()
    assert HIDDEN_NAME in page(client, url)
    caches["default"].clear()


def test_the_profile_rule_for_one_profile_matches_the_queryset_rule(authors, hidden_owner):
    """Bylines decide per profile without a query; the profile page uses the same method."""
    viewers = {
        "anonymous": None,
        "signed-up": UserFactory(),
        "member": member_user(),
        "owner": hidden_owner,
        "facilitator": facilitator_user(),
        "inactive member": member_user(is_active=False),
    }
    for label, viewer in viewers.items():
        viewer = viewer or AnonymousUser()
        expected = set(MemberProfile.objects.visible_to(viewer).values_list("pk", flat=True))
        shown = {profile.pk for profile in authors.values() if profile.is_visible_to(viewer)}
        assert shown == expected & {profile.pk for profile in authors.values()}, label
