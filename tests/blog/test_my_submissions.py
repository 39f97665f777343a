"""My submissions leads somewhere: read again what was sent, withdraw what still waits."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from blog.models import BlogPage
from tests.blog.test_sharing import SECRET_TITLE, author, reflection  # noqa: F401 (fixture)
from tests.factories import member_user

pytestmark = pytest.mark.django_db


def mine(client):
    return client.get(reverse("share-mine")).content.decode()


def test_a_member_reads_again_what_they_sent(client, author, home):  # noqa: F811
    client.post(reverse("share"), reflection())
    post = BlogPage.objects.get(title=SECRET_TITLE)
    read = reverse("share-read", args=[post.pk])
    assert f'<a href="{read}">{SECRET_TITLE}</a>' in mine(client)

    response = client.get(read)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<strong>supervision</strong>" in html  # the page itself, as readers will see it
    assert "Only you and the facilitators can read it until it is published." in html
    assert "no-store" in response["Cache-Control"]

    client.force_login(member_user())
    assert client.get(read).status_code == 404
    client.logout()
    assert client.get(read).status_code == 302  # to sign in


def test_a_member_withdraws_a_reflection_waiting_for_review(client, author, home):  # noqa: F811
    client.post(reverse("share"), reflection())
    post = BlogPage.objects.get(title=SECRET_TITLE)
    withdraw = reverse("share-withdraw", args=[post.pk])
    assert f'action="{withdraw}"' in mine(client)
    assert client.get(withdraw).status_code == 405

    response = client.post(withdraw)
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.current_workflow_state is None
    assert WorkflowState.objects.filter(
        object_id=str(post.pk), status=WorkflowState.STATUS_CANCELLED
    ).exists()
    page = mine(client)
    assert "is withdrawn: it is a draft again" in page
    assert "Draft" in page
    assert f'action="{withdraw}"' not in page
    assert reverse("share-edit", args=[post.pk]) in page

    again = client.post(withdraw)
    assert again.status_code == 302
    assert "nothing to withdraw" in mine(client)

    client.post(reverse("share-edit", args=[post.pk]), reflection())
    post.refresh_from_db()
    assert post.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_nobody_withdraws_another_members_reflection(client, author, home):  # noqa: F811
    client.post(reverse("share"), reflection())
    post = BlogPage.objects.get(title=SECRET_TITLE)
    client.force_login(member_user())
    assert client.post(reverse("share-withdraw", args=[post.pk])).status_code == 404
    post.refresh_from_db()
    assert post.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
