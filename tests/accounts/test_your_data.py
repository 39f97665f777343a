"""A member's own data: downloading all of it, and deleting the account."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model

from blog.models import BlogPage, BlogPageAuthor
from network.models import (
    Comment,
    CommentStatus,
    MemberProfile,
    MembershipApplication,
    Region,
    Report,
    Sector,
    Theme,
    User,
)
from tests.factories import BlogPageFactory, MembershipApplicationFactory, UserFactory, member_user

pytestmark = pytest.mark.django_db

DRAFT = "Draft about shared caseload meetings"
AWAITING = "Awaiting review: peer workers in GP surgeries"
PUBLISHED = "Published: what link workers taught us"
OTHERS_POST = "Another member's post about crisis cafes"


def reflection(title, submit):
    data = {
        "title": title,
        "summary": "A short summary.",
        "body": "What we did, and what we would do again.",
        "themes": [Theme.objects.first().pk],
        "keywords": "caseload",
        "audience": "public",
    }
    data["submit" if submit else "draft"] = "1"
    return data


def photo_upload():
    output = io.BytesIO()
    Image.new("RGB", (300, 300), (10, 20, 30)).save(output, "JPEG")
    return SimpleUploadedFile("me.jpg", output.getvalue(), content_type="image/jpeg")


@pytest.fixture
def person(client, blog_index, member):
    """A member with a profile, an application, reflections in each state, comments, a report."""
    sector, region = Sector.objects.get(slug="vcse"), Region.objects.get(slug="north-west")
    MembershipApplication.objects.create(
        user=member,
        name="Mo Member",
        organisation="Riverside Mind",
        role="Peer support lead",
        sector=sector,
        region=region,
        reason="To share what our peer groups learn.",
        status="approved",
        decision_message="Welcome aboard.",
    )
    profile = MemberProfile.objects.create(
        user=member,
        name="Mo Member",
        role="Peer support lead",
        organisation="Riverside Mind",
        sector=sector,
        region=region,
        bio="Peer groups in Riverside.",
        visibility="public",
    )
    profile.interests.set(Theme.objects.all()[:1])
    client.force_login(member)
    assert client.post(reverse("share"), reflection(DRAFT, submit=False)).status_code == 302
    assert client.post(reverse("share"), reflection(AWAITING, submit=True)).status_code == 302
    published = BlogPageFactory(parent=blog_index, title=PUBLISHED, authors=[profile])

    other = member_user(email="other@example.org")
    other_profile = MemberProfile.objects.create(user=other, name="Olu Other", visibility="public")
    others_post = BlogPageFactory(parent=blog_index, title=OTHERS_POST, authors=[other_profile])

    Comment.objects.create(
        page=others_post, author=member, body="Mo's published comment.", status="published"
    )
    Comment.objects.create(page=others_post, author=member, body="Mo's held comment.")
    Comment.objects.create(
        page=published, author=other, body="Olu's reply on Mo's post.", status="published"
    )
    Report.objects.create(
        reporter=member, page=others_post, reason="spam", note="Looks like an advert."
    )
    Report.objects.create(reporter=other, page=published, reason="other", note="Olu's report.")
    return {
        "user": member,
        "profile": profile,
        "published": published,
        "other": other,
        "other_profile": other_profile,
        "others_post": others_post,
    }


def download(client):
    response = client.get(reverse("my-data-download"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment")
    assert ".json" in response["Content-Disposition"]
    return json.loads(response.content)


# Downloading


def test_download_holds_everything_about_the_member(client, person):
    data = download(client)

    assert data["account"]["email"] == person["user"].email
    profile = data["profile"]
    assert profile["name"] == "Mo Member"
    assert profile["role"] == "Peer support lead"
    assert profile["organisation"] == "Riverside Mind"
    assert profile["sector"] == "vcse"
    assert profile["region"] == "north-west"
    assert profile["bio"] == "Peer groups in Riverside."
    assert profile["visibility"] == "public"
    assert profile["interests"] == [Theme.objects.first().slug]

    [application] = data["membership_applications"]
    assert application["organisation"] == "Riverside Mind"
    assert application["reason"] == "To share what our peer groups learn."
    assert application["status"] == "approved"
    assert application["decision_message"] == "Welcome aboard."

    states = {post["title"]: post["state"] for post in data["posts"]}
    assert states == {DRAFT: "Draft", AWAITING: "Awaiting review", PUBLISHED: "Published"}
    by_title = {post["title"]: post for post in data["posts"]}
    assert by_title[DRAFT]["url"] is None
    assert by_title[PUBLISHED]["url"] == person["published"].url
    assert "What we did" in json.dumps(by_title[DRAFT]["body"])


def test_download_holds_the_members_comments_and_reports(client, person):
    data = download(client)
    comments = {comment["body"]: comment for comment in data["comments"]}
    assert set(comments) == {"Mo's published comment.", "Mo's held comment."}
    assert comments["Mo's published comment."]["status"] == "published"
    assert comments["Mo's held comment."]["status"] == "pending"
    assert comments["Mo's held comment."]["on"] == OTHERS_POST

    [report] = data["reports_made"]
    assert report["about"] == OTHERS_POST
    assert report["kind"] == "post"
    assert report["reason"] == "spam"
    assert report["note"] == "Looks like an advert."


def test_download_holds_nothing_about_anyone_else(client, person):
    text = json.dumps(download(client))
    assert "other@example.org" not in text
    assert "Olu's reply on Mo's post." not in text
    assert "Olu's report." not in text
    assert OTHERS_POST in text  # only as what Mo commented on and reported

    client.force_login(person["other"])
    text = json.dumps(download(client))
    for mine in (DRAFT, AWAITING, "Mo's held comment.", person["user"].email):
        assert mine not in text


def test_visitor_download_has_the_application_and_no_profile(client):
    visitor = UserFactory(email="applicant@example.org")
    MembershipApplicationFactory(user=visitor)
    client.force_login(visitor)
    data = download(client)
    assert data["account"]["email"] == "applicant@example.org"
    assert data["profile"] is None
    assert data["posts"] == []
    assert data["membership_applications"][0]["status"] == "pending"


def test_your_data_page_links_to_the_download_and_the_delete_form(client, person):
    html = client.get(reverse("my-data")).content.decode()
    assert reverse("my-data-download") in html
    assert f'action="{reverse("account-delete")}"' in html


# Deleting


def test_delete_without_confirming_deletes_nothing(client, person):
    response = client.post(reverse("account-delete"), {"withdraw": "1"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Tick the box to confirm that you want to delete your account." in html
    assert 'name="withdraw" type="checkbox" value="1" checked' in html
    assert User.objects.filter(pk=person["user"].pk).exists()
    assert MemberProfile.objects.filter(pk=person["profile"].pk).exists()
    assert BlogPage.objects.get(pk=person["published"].pk).live
    assert client.get(reverse("profile-edit")).status_code == 200  # still signed in


def test_get_does_not_delete(client, person):
    response = client.get(reverse("account-delete"))
    assert response.status_code == 302
    assert response["Location"] == reverse("my-data")
    assert User.objects.filter(pk=person["user"].pk).exists()


def test_delete_erases_the_account_and_keeps_published_posts_as_a_former_member(client, person):
    client.post(
        reverse("profile-edit"),
        {"name": "Mo Member", "visibility": "public", "photo_upload": photo_upload()},
    )
    person["profile"].refresh_from_db()
    assert person["profile"].photo is not None
    user_pk, profile_pk = person["user"].pk, person["profile"].pk

    response = client.post(reverse("account-delete"), {"confirm": "delete"}, follow=True)
    assert response.redirect_chain[0] == ("/", 302)
    assert "Your account has been deleted." in response.content.decode()

    assert not User.objects.filter(pk=user_pk).exists()
    assert not MemberProfile.objects.filter(pk=profile_pk).exists()
    assert not MembershipApplication.objects.filter(user_id=user_pk).exists()
    assert not get_image_model().objects.exists()  # the photo went with the profile

    # Signed out: member pages now ask for a sign-in.
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("profile-edit")).url.startswith(reverse("account_login"))

    published = BlogPage.objects.get(pk=person["published"].pk)
    assert published.live
    assert [author.profile.name for author in published.authors.all()] == ["A former member"]
    html = client.get(published.url).content.decode()
    assert "A former member" in html
    assert "Mo Member" not in html
    assert "Olu's reply on Mo's post." in html  # other members' comments stay

    # Mo's comments stay on the other post, credited to a former member.
    others_page = client.get(person["others_post"].url).content.decode()
    assert "Mo's published comment." in others_page
    assert "Mo Member" not in others_page
    assert Comment.objects.get(body="Mo's published comment.").author is None


def test_delete_with_withdraw_unpublishes_the_members_posts(client, person):
    client.post(reverse("account-delete"), {"confirm": "delete", "withdraw": "1"})
    assert not User.objects.filter(pk=person["user"].pk).exists()
    published = BlogPage.objects.get(pk=person["published"].pk)
    assert not published.live
    client.logout()
    assert client.get(person["published"].url).status_code == 404
    assert PUBLISHED not in client.get("/blog/").content.decode()
    assert PUBLISHED not in client.get("/blog/rss/").content.decode()
    assert "what-link-workers" not in client.get("/sitemap.xml").content.decode()


def test_delete_leaves_other_members_content_alone(client, person):
    client.post(reverse("account-delete"), {"confirm": "delete", "withdraw": "1"})
    other, other_profile = person["other"], person["other_profile"]
    assert User.objects.filter(pk=other.pk).exists()
    other_profile.refresh_from_db()
    assert other_profile.name == "Olu Other"
    assert other_profile.user == other
    others_post = BlogPage.objects.get(pk=person["others_post"].pk)
    assert others_post.live
    assert [a.profile.pk for a in others_post.authors.all()] == [other_profile.pk]
    reply = Comment.objects.get(body="Olu's reply on Mo's post.")
    assert (reply.author, reply.status) == (other, CommentStatus.PUBLISHED)
    assert Report.objects.filter(reporter=other, note="Olu's report.").exists()
    client.logout()
    assert OTHERS_POST in client.get(person["others_post"].url).content.decode()


def test_unpublished_reflections_go_with_the_account(client, person):
    """Drafts and reflections still waiting for review never joined the shared record: they
    must not outlive the account (nor be approved and published after the author left)."""
    assert BlogPage.objects.filter(title__in=[DRAFT, AWAITING]).count() == 2
    client.post(reverse("account-delete"), {"confirm": "delete"})
    assert not BlogPage.objects.filter(title__in=[DRAFT, AWAITING]).exists()


def test_deleted_posts_are_never_credited_to_a_real_member_called_former_member(client, person):
    """The placeholder's slug is reserved; a real member whose name would slugify to it gets
    another slug and is never handed the deleted member's posts."""
    namesake = MemberProfile.objects.create(
        user=member_user(), name="Former Member", visibility="public"
    )
    assert namesake.slug == "former-member-2"
    client.post(reverse("account-delete"), {"confirm": "delete"})
    assert not BlogPageAuthor.objects.filter(profile=namesake).exists()
    published = BlogPage.objects.get(pk=person["published"].pk)
    [credit] = [author.profile for author in published.authors.all()]
    assert credit.user is None
    assert credit.name == "A former member"
