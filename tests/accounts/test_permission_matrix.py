"""Who may reach each member page and action: every role against every URL.

Each cell gives the answer a role must get: a status code, or a redirect to the sign-in
page (anonymous visitors), a plain 403 page (signed-in people without admin access on the
facilitators' screens, who would otherwise bounce between the admin and the sign-in page),
to /join/ (verified accounts that are not yet members, on member pages) or to where a
successful action lands. Side effects are checked too: a refused action changes nothing.
"""

import json
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction

from blog.models import BlogPage
from network.models import (
    Comment,
    CommentStatus,
    MemberProfile,
    MembershipApplication,
    Region,
    Sector,
    Theme,
    User,
)
from tests.factories import BlogPageFactory, MembershipApplicationFactory, UserFactory, member_user

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "visitor", "member", "other_member", "facilitator", "administrator")

# Where a redirect goes; resolved against the world in `expected_location`.
LOGIN = "sign-in page, coming back here afterwards"
JOIN = "/join/"
PROFILE = "/profile/"
MINE = "/share/mine/"
POST_COMMENTS = "the post, at its comments"
APPLICATIONS = "/admin/membership/applications/"
MODERATION = "/admin/moderation/"
REDIRECTS = {LOGIN, JOIN, PROFILE, MINE, POST_COMMENTS, APPLICATIONS, MODERATION}

DRAFT_TITLE = "A draft only its author may open"
POST_TITLE = "Liaison workers in neighbourhood teams"


@dataclass
class World:
    users: dict
    post: BlogPage
    draft: BlogPage
    published_comment: Comment
    pending_comment: Comment
    application: MembershipApplication


def reflection(**overrides):
    data = {
        "title": DRAFT_TITLE,
        "summary": "Notes from our first months.",
        "body": "We met every fortnight and kept notes.",
        "themes": [Theme.objects.first().pk],
        "keywords": "liaison",
        "audience": "public",
        "draft": "1",
    }
    data.update(overrides)
    return data


def profile_form(**overrides):
    data = {
        "name": "Sam Okafor",
        "role": "Link worker",
        "organisation": "Northvale PCN",
        "sector": Sector.objects.first().pk,
        "region": Region.objects.first().pk,
        "interests": [Theme.objects.first().pk],
        "bio": "I connect people with groups near home.",
        "visibility": "members",
    }
    data.update(overrides)
    return data


@pytest.fixture
def world(blog_index, facilitator):
    """The people in the matrix and the content they act on."""
    visitor = UserFactory(email="visitor@example.org")
    member = member_user(email="member@example.org")
    MemberProfile.objects.create(user=member, name="Mo Member", visibility="members")
    other_member = member_user(email="other@example.org")
    MemberProfile.objects.create(user=other_member, name="Olu Other", visibility="members")
    administrator = UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    commenter = member_user(email="commenter@example.org")
    applicant = UserFactory(email="applicant@example.org")

    post = BlogPageFactory(parent=blog_index, title=POST_TITLE)
    author = Client()
    author.force_login(member)
    assert author.post(reverse("share"), reflection()).status_code == 302
    draft = BlogPage.objects.get(title=DRAFT_TITLE)
    assert not draft.live

    published_comment = Comment.objects.create(
        page=post, author=commenter, body="Published remark.", status=CommentStatus.PUBLISHED
    )
    pending_comment = Comment.objects.create(
        page=post, author=commenter, body="Remark awaiting review.", status=CommentStatus.PENDING
    )
    application = MembershipApplicationFactory(user=applicant)
    users = {
        "anonymous": None,
        "visitor": visitor,
        "member": member,
        "other_member": other_member,
        "facilitator": facilitator,
        "administrator": administrator,
    }
    return World(users, post, draft, published_comment, pending_comment, application)


# Each action: (method, path from the world, form data from the world and role).
ACTIONS = {
    "GET /share/": ("get", lambda w: reverse("share"), None),
    "POST /share/": (
        "post",
        lambda w: reverse("share"),
        lambda w, role: reflection(title=f"Shared by {role}"),
    ),
    "GET /share/mine/": ("get", lambda w: reverse("share-mine"), None),
    "GET /share/<member's draft>/edit/": (
        "get",
        lambda w: reverse("share-edit", args=[w.draft.pk]),
        None,
    ),
    "POST /share/<member's draft>/edit/": (
        "post",
        lambda w: reverse("share-edit", args=[w.draft.pk]),
        lambda w, role: reflection(title=f"Draft retitled by {role}"),
    ),
    "GET /profile/": ("get", lambda w: reverse("profile-edit"), None),
    "POST /profile/": (
        "post",
        lambda w: reverse("profile-edit"),
        lambda w, role: profile_form(name=f"Profile saved by {role}"),
    ),
    "GET /profile/data/": ("get", lambda w: reverse("my-data"), None),
    "GET /profile/data/download/": ("get", lambda w: reverse("my-data-download"), None),
    "POST /profile/delete/ without confirm": (
        "post",
        lambda w: reverse("account-delete"),
        lambda w, role: {"withdraw": "1"},
    ),
    "GET /join/": ("get", lambda w: reverse("join"), None),
    "POST /comments/<public post>/": (
        "post",
        lambda w: reverse("comment-create", args=[w.post.pk]),
        lambda w, role: {"body": f"A thought from {role}."},
    ),
    "GET /report/post/<public post>/": (
        "get",
        lambda w: reverse("report-page", args=[w.post.pk]),
        None,
    ),
    "GET /report/comment/<published comment>/": (
        "get",
        lambda w: reverse("report-comment", args=[w.published_comment.pk]),
        None,
    ),
    "GET /admin/membership/applications/": (
        "get",
        lambda w: reverse("membership_applications:index"),
        None,
    ),
    "POST /admin/membership/applications/<pk>/decide/": (
        "post",
        lambda w: reverse("membership_applications:decide", args=[w.application.pk]),
        lambda w, role: {"decision": "approve", "message": "Welcome."},
    ),
    "GET /admin/membership/invitations/": (
        "get",
        lambda w: reverse("membership_invitations"),
        None,
    ),
    "GET /admin/moderation/": ("get", lambda w: reverse("moderation_queue"), None),
    "POST /admin/moderation/comments/<pending comment>/": (
        "post",
        lambda w: reverse("moderation_comment", args=[w.pending_comment.pk]),
        lambda w, role: {"decision": "publish"},
    ),
}

# fmt: off
EXPECTED = {
    #                                                 anonymous visitor member other_member facilitator administrator  # noqa: E501
    "GET /share/":                                    (LOGIN, JOIN, 200, 200, 200, 200),
    "POST /share/":                                   (LOGIN, JOIN, MINE, MINE, MINE, MINE),
    "GET /share/mine/":                               (LOGIN, JOIN, 200, 200, 200, 200),
    "GET /share/<member's draft>/edit/":              (LOGIN, JOIN, 200, 404, 404, 404),
    "POST /share/<member's draft>/edit/":             (LOGIN, JOIN, MINE, 404, 404, 404),
    "GET /profile/":                                  (LOGIN, JOIN, 200, 200, 200, 200),
    "POST /profile/":                                 (LOGIN, JOIN, PROFILE, PROFILE, PROFILE, PROFILE),  # noqa: E501
    "GET /profile/data/":                             (LOGIN, 200, 200, 200, 200, 200),
    "GET /profile/data/download/":                    (LOGIN, 200, 200, 200, 200, 200),
    "POST /profile/delete/ without confirm":          (LOGIN, 400, 400, 400, 400, 400),
    "GET /join/":                                     (LOGIN, 200, PROFILE, PROFILE, PROFILE, PROFILE),  # noqa: E501
    "POST /comments/<public post>/":                  (LOGIN, 404, POST_COMMENTS, POST_COMMENTS, POST_COMMENTS, POST_COMMENTS),  # noqa: E501
    "GET /report/post/<public post>/":                (LOGIN, 404, 200, 200, 200, 200),
    "GET /report/comment/<published comment>/":       (LOGIN, 404, 200, 200, 200, 200),
    "GET /admin/membership/applications/":            (LOGIN, 403, 403, 403, 200, 200),
    "POST /admin/membership/applications/<pk>/decide/": (LOGIN, 403, 403, 403, APPLICATIONS, APPLICATIONS),  # noqa: E501
    "GET /admin/membership/invitations/":             (LOGIN, 403, 403, 403, 200, 200),
    "GET /admin/moderation/":                         (LOGIN, 403, 403, 403, 200, 200),
    "POST /admin/moderation/comments/<pending comment>/": (LOGIN, 403, 403, 403, MODERATION, MODERATION),  # noqa: E501
}
# fmt: on

CELLS = [
    pytest.param(action, role, expected, id=f"{action} | {role}")
    for action, row in EXPECTED.items()
    for role, expected in zip(ROLES, row, strict=True)
]


def expected_location(world, expected, path):
    if expected == LOGIN:
        return f"{reverse('account_login')}?next={path}"
    if expected == POST_COMMENTS:
        return f"{world.post.url}#comments"
    return expected


def succeeded(expected):
    """Whether the cell's answer means the action was carried out."""
    return expected not in (LOGIN, JOIN, 400, 403, 404)


def check_side_effects(world, action, role, expected, response):
    """A refused action leaves everything as it was; an allowed one does its job."""
    user = world.users[role]
    done = succeeded(expected)
    if action == "POST /share/":
        assert BlogPage.objects.filter(title=f"Shared by {role}").exists() == done
    elif action == "POST /share/<member's draft>/edit/":
        draft = BlogPage.objects.get(pk=world.draft.pk)
        title = draft.get_latest_revision_as_object().title
        assert (title == f"Draft retitled by {role}") == done
        assert not draft.live
    elif action == "POST /profile/":
        assert MemberProfile.objects.filter(name=f"Profile saved by {role}").exists() == done
        if done:
            assert MemberProfile.objects.get(name=f"Profile saved by {role}").user == user
    elif action == "POST /profile/delete/ without confirm":
        assert User.objects.count() == 7  # everyone in the world, the facilitator included
        if user is not None:
            assert MemberProfile.objects.filter(user=user).exists() == (
                role in {"member", "other_member"}
            )
    elif action == "GET /profile/data/download/" and done:
        assert response["Content-Disposition"].startswith("attachment")
        data = json.loads(response.content)
        assert data["account"]["email"] == user.email
        if role != "member":  # nobody else's download mentions the member's draft
            assert DRAFT_TITLE not in response.content.decode()
    elif action == "POST /comments/<public post>/":
        assert Comment.objects.filter(body=f"A thought from {role}.").exists() == done
    elif action == "POST /admin/membership/applications/<pk>/decide/":
        world.application.refresh_from_db()
        assert (world.application.status == "approved") == done
    elif action == "POST /admin/moderation/comments/<pending comment>/":
        world.pending_comment.refresh_from_db()
        assert (world.pending_comment.status == CommentStatus.PUBLISHED) == done
    elif action == "GET /share/<member's draft>/edit/" and done:
        assert DRAFT_TITLE in response.content.decode()
    elif action == "GET /admin/membership/applications/" and done:
        assert "Ana Applicant" in response.content.decode()
    elif action == "GET /admin/moderation/" and done:
        assert "Remark awaiting review." in response.content.decode()


@pytest.mark.parametrize(("action", "role", "expected"), CELLS)
def test_permission_matrix(client, world, action, role, expected):
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    method, path_for, data_for = ACTIONS[action]
    path = path_for(world)
    data = data_for(world, role) if data_for else None
    response = getattr(client, method)(path, data) if data else getattr(client, method)(path)

    if expected in REDIRECTS:
        assert response.status_code == 302, f"{role} {action}: expected a redirect"
        assert response["Location"] == expected_location(world, expected, path)
    else:
        assert response.status_code == expected, (
            f"{role} {action}: expected {expected}, got {response.status_code}"
            + (f" to {response['Location']}" if response.status_code == 302 else "")
        )
    check_side_effects(world, action, role, expected, response)


def test_another_member_cannot_find_a_draft_by_guessing_ids(client, world):
    client.force_login(world.users["other_member"])
    highest = BlogPage.objects.order_by("-pk").first().pk
    for guess in range(1, highest + 5):
        path = reverse("share-edit", args=[guess])
        assert client.get(path).status_code == 404, guess
        response = client.post(path, reflection(title="Overwritten by someone else"))
        assert response.status_code == 404, guess
    draft = BlogPage.objects.get(pk=world.draft.pk)
    assert draft.get_latest_revision_as_object().title == DRAFT_TITLE
    assert DRAFT_TITLE not in client.get(reverse("share-mine")).content.decode()
    assert client.get(f"/blog/{world.draft.slug}/").status_code == 404


def test_members_cannot_comment_on_or_report_pages_that_are_not_posts(client, world):
    """Only posts and case studies take comments: not the home page or a blog index."""
    client.force_login(world.users["member"])
    for page in (world.post.get_parent(), world.post.get_parent().get_parent()):
        response = client.post(reverse("comment-create", args=[page.pk]), {"body": "Hello."})
        assert response.status_code == 404, page.title
        assert client.get(reverse("report-page", args=[page.pk])).status_code == 404, page.title
    assert not Comment.objects.filter(body="Hello.").exists()


def test_members_cannot_comment_on_a_post_they_are_not_allowed_to_read(client, world):
    """A post behind a password (a view restriction) is not open to discussion either."""
    PageViewRestriction.objects.create(
        page=world.post, restriction_type=PageViewRestriction.PASSWORD, password="letmein"
    )
    client.force_login(world.users["member"])
    assert "Published remark." not in client.get(world.post.url).content.decode()
    response = client.post(
        reverse("comment-create", args=[world.post.pk]), {"body": "Behind the password."}
    )
    assert response.status_code == 404
    assert client.get(reverse("report-page", args=[world.post.pk])).status_code == 404
    assert not Comment.objects.filter(body="Behind the password.").exists()
