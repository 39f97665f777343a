"""Every form sent empty says, field by field, what to do, as NHS.UK error messages do.

"This field is required." names neither the field nor the fix, and in the error summary
a screen reader user hears it once for every field, all alike.
"""

import pytest
from django.urls import reverse

from network.models import MemberProfile
from tests.factories import BlogPageFactory, UserFactory

pytestmark = pytest.mark.django_db

STOCK = "This field is required."
# Every field left blank; one key is sent so the form counts as submitted.
EMPTY = {"website": ""}


def assert_each_message(response, messages):
    html = response.content.decode()
    assert STOCK not in html
    missing = [message for message in messages if message not in html]
    assert not missing, f"not shown: {missing}"
    assert "There is a problem" in html


def test_application_form(client):
    client.force_login(UserFactory())
    response = client.post(reverse("join"), EMPTY)
    assert_each_message(
        response,
        [
            "Enter your name",
            "Enter your role",
            "Sector: Choose your sector",
            "Region: Choose your region",
            "Tell us why you would like to join",
        ],
    )


def test_profile_form(client, member):
    MemberProfile.objects.create(user=member, name="Mo Member")
    client.force_login(member)
    response = client.post(reverse("profile-edit"), {"name": ""})
    assert_each_message(response, ["Enter your name", "Choose who can see your profile"])


def test_reflection_form(client, member, blog_index):
    client.force_login(member)
    response = client.post(reverse("share"), EMPTY)
    assert_each_message(
        response,
        [
            "Enter a title for your reflection",
            "Enter a short summary of your reflection",
            "Write your reflection",
            "Choose at least one CMHF theme.",
            "Choose who can read your reflection",
        ],
    )


def test_comment_and_report_forms(client, member, blog_index):
    post = BlogPageFactory(parent=blog_index, title="Liaison roles in practice")
    client.force_login(member)
    response = client.post(reverse("comment-create", args=[post.pk]), EMPTY)
    assert_each_message(response, ["Write something before posting your comment."])
    response = client.post(reverse("report-page", args=[post.pk]), EMPTY)
    assert_each_message(response, ["Choose why you are reporting this"])


def test_sign_in_form(client, home):
    response = client.post(reverse("account_login"), {"login": "", "password": ""})
    assert_each_message(response, ["Enter your email address", "Enter your password"])


def test_sign_in_with_something_that_is_not_an_email_address(client, home):
    response = client.post(reverse("account_login"), {"login": "member", "password": "x"})
    html = response.content.decode()
    assert "Enter an email address in the correct format, like name@example.com" in html
    assert "Enter a valid email address." not in html


def test_sign_up_form(client, home):
    response = client.post(reverse("account_signup"), {"email": ""})
    assert_each_message(
        response,
        ["Enter your email address", "Create a password", "Type your password again"],
    )


def test_password_reset_form(client, home):
    response = client.post(reverse("account_reset_password"), {"email": ""})
    assert_each_message(response, ["Enter your email address"])
