"""Every way into the admin goes through the network's sign-in and its rules."""

import pytest
from django.core import mail
from django.urls import reverse

from network.models import Invitation, MembershipApplication
from tests.factories import BlogPageFactory, UserFactory

PASSWORD = "a-good-long-password"

pytestmark = pytest.mark.usefixtures("fresh_rate_limits")


def signed_in(client):
    return "_auth_user_id" in client.session


def test_admin_sign_in_form_sends_people_to_the_network_sign_in(client, home):
    response = client.get("/admin/login/?next=/admin/pages/")

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next=%2Fadmin%2Fpages%2F"


def test_admin_sign_in_keeps_only_next_addresses_on_this_site(client, home):
    response = client.get("/admin/login/?next=https://elsewhere.example/")

    assert response["Location"] == f"{reverse('account_login')}?next=%2Fadmin%2F"


def test_posting_a_password_to_the_admin_sign_in_gives_no_session(client, facilitator):
    response = client.post(
        "/admin/login/", {"username": facilitator.username, "password": PASSWORD}
    )

    assert response.status_code == 302
    assert not signed_in(client)


def test_the_admin_cannot_step_round_the_failed_sign_in_limit(client, facilitator):
    for _ in range(25):
        client.post(reverse("account_login"), {"login": facilitator.email, "password": "wrong"})
    locked = client.post(
        reverse("account_login"), {"login": facilitator.email, "password": PASSWORD}
    )
    assert not signed_in(client)
    assert "You have tried to sign in too many times" in locked.content.decode()

    for fields in (
        {"username": facilitator.username, "password": PASSWORD},
        {"username": facilitator.email, "password": PASSWORD},
    ):
        client.post("/admin/login/", fields)
        assert not signed_in(client)


def test_an_unverified_address_gets_no_session_on_any_sign_in(client, home):
    unverified = UserFactory(verified=False)

    client.post("/admin/login/", {"username": unverified.username, "password": PASSWORD})
    assert not signed_in(client)
    client.post(reverse("account_login"), {"login": unverified.email, "password": PASSWORD})
    assert not signed_in(client)


def test_an_unverified_account_cannot_apply_to_join(client, home):
    unverified = UserFactory(verified=False)
    client.force_login(unverified)

    response = client.post(
        reverse("join"),
        {"name": "Una Verified", "organisation": "A charity", "role": "Volunteer"},
    )

    assert not MembershipApplication.objects.filter(user=unverified).exists()
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert "join" not in response["Location"]


def test_an_unverified_account_cannot_take_up_an_invitation(client, home):
    unverified = UserFactory(verified=False)
    invitation = Invitation.objects.create(email=unverified.email)
    client.force_login(unverified)

    client.get(reverse("join-invitation", args=[invitation.token]))

    invitation.refresh_from_db()
    assert invitation.accepted_at is None
    assert not unverified.groups.exists()


def test_a_verified_invitee_still_joins(client, home):
    invitee = UserFactory()
    invitation = Invitation.objects.create(email=invitee.email)
    client.force_login(invitee)

    client.get(reverse("join-invitation", args=[invitation.token]))

    invitation.refresh_from_db()
    assert invitation.accepted_at is not None


def test_the_admin_password_reset_is_closed(client, facilitator):
    for _ in range(15):
        response = client.post("/admin/password_reset/", {"email": facilitator.email})
        assert response.status_code == 302
        assert response["Location"] == reverse("account_reset_password")
    for step in ("done/", "confirm/MQ/abc-def/", "complete/"):
        assert client.get(f"/admin/password_reset/{step}")["Location"] == reverse(
            "account_reset_password"
        )
    assert mail.outbox == []


def test_password_reset_goes_through_the_rate_limited_form(client, facilitator):
    statuses = [
        client.post(reverse("account_reset_password"), {"email": facilitator.email}).status_code
        for _ in range(8)
    ]

    assert 429 in statuses
    assert len(mail.outbox) <= 5


@pytest.mark.parametrize("who", ["member", "visitor"])
def test_signed_in_people_without_admin_access_get_a_plain_page(client, home, who, request):
    client.force_login(request.getfixturevalue(who))

    response = client.get("/admin/")

    assert response.status_code == 403
    html = response.content.decode()
    assert "You do not have access to this area" in html
    assert "Location" not in response


def test_facilitators_still_reach_the_admin(facilitator_client, home):
    assert facilitator_client.get("/admin/").status_code == 200


def test_signing_out_of_the_admin_ends_the_session(facilitator_client, home):
    response = facilitator_client.post("/admin/logout/")

    assert response.status_code == 302
    assert not signed_in(facilitator_client)


def test_the_editor_preview_panel_may_be_framed_by_the_admin_only(facilitator, blog_index, rf):
    """Wagtail renders the preview as a request at the page's own public path."""
    page = BlogPageFactory(parent=blog_index, title="Previewed in the editor")
    editor_request = rf.get(
        reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
        {"in_preview_panel": "true"},
    )
    editor_request.user = facilitator

    response = page.make_preview_request(editor_request, page.default_preview_mode)

    assert response.status_code == 200
    assert "Previewed in the editor" in response.content.decode()
    policy = response["Content-Security-Policy"]
    framing = policy.split("frame-ancestors", 1)[1].split(";", 1)[0]
    assert framing.strip() == "'self'"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]


def test_public_pages_still_refuse_to_be_framed(client, blog_index):
    page = BlogPageFactory(parent=blog_index)

    response = client.get(page.url)

    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_a_new_post_or_case_study_can_be_previewed_before_its_first_save(
    facilitator, blog_index, case_index, rf
):
    """The editor previews a page that has no id yet; its context must not need one."""
    from blog.models import BlogPage
    from casestudies.models import CaseStudyPage
    from tests.factories import BlogPageFactory, CaseStudyPageFactory

    for parent, factory, model in (
        (blog_index, BlogPageFactory, BlogPage),
        (case_index, CaseStudyPageFactory, CaseStudyPage),
    ):
        saved = factory(parent=parent)
        page = model.objects.get(pk=saved.pk).get_latest_revision_as_object()
        page.pk = page.id = page.page_ptr_id = None
        page.title = "Not saved yet"
        editor_request = rf.get("/admin/pages/add/", {"in_preview_panel": "true"})
        editor_request.user = facilitator
        response = page.make_preview_request(editor_request, page.default_preview_mode)
        assert response.status_code == 200, model
        assert "Not saved yet" in response.content.decode()
