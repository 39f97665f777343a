"""Tampered ids and absurd numbers get a clear answer, never a server error."""

import pytest
from django.urls import reverse

from blog.models import BlogPage
from network.models import MemberProfile, MembershipApplication, Theme
from tests.factories import UserFactory, member_user

pytestmark = pytest.mark.django_db

HUGE = "999999999999999999999999999999"


@pytest.fixture
def member_client(client, blog_index):
    user = member_user()
    MemberProfile.objects.create(user=user, name="Tam Tester")
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "path",
    [
        "/share/99999999999999999999/edit/",
        f"/report/post/{HUGE}/",
        f"/report/comment/{HUGE}/",
    ],
)
def test_ids_too_long_for_the_database_are_not_found(member_client, path):
    assert member_client.get(path).status_code == 404


def test_commenting_on_an_impossible_page_is_not_found(member_client):
    response = member_client.post(f"/comments/{HUGE}/", {"body": "Hello"})

    assert response.status_code == 404


def test_an_impossible_theme_is_a_form_error_that_keeps_the_text(member_client):
    response = member_client.post(
        reverse("share"),
        {
            "title": "A reflection with a tampered theme",
            "summary": "The theme list was edited before sending.",
            "body": "Everything I typed is still here.",
            "themes": [HUGE, str(Theme.objects.first().pk)],
            "audience": "public",
            "submit": "1",
        },
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Select a valid choice" in html
    assert "Everything I typed is still here." in html
    assert not BlogPage.objects.exists()


def test_an_impossible_sector_in_an_application_is_a_form_error(client, home):
    client.force_login(UserFactory())

    response = client.post(
        reverse("join"),
        {
            "name": "Ari Applicant",
            "organisation": "A peer support charity",
            "role": "Coordinator",
            "sector": HUGE,
            "reason": "To learn from other networks.",
        },
    )

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert "A peer support charity" in response.content.decode()
    assert not MembershipApplication.objects.exists()
