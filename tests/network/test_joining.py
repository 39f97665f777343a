"""Joining the network: sign up, verify, apply, and a facilitator's decision."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from network.models import Invitation, MemberProfile, MembershipApplication, Region, Sector, User
from network.platform.membership import is_member
from tests.factories import UserFactory, facilitator_user

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-and-unusual-passphrase"


def sign_up_and_verify(client, email):
    client.logout()
    response = client.post(
        reverse("account_signup"), {"email": email, "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 302
    message = mail.outbox[-1]
    assert message.to == [email]
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", message.body).group(1)
    response = client.post(link)
    assert response.status_code == 302
    return User.objects.get(email=email)


def application_form(**overrides):
    data = {
        "name": "Jo Brennan",
        "organisation": "Northvale Mind",
        "role": "Peer support lead",
        "sector": Sector.objects.get(slug="vcse").pk,
        "region": Region.objects.get(slug="north-west").pk,
        "reason": "I run peer groups alongside our neighbourhood team and want to share notes.",
    }
    data.update(overrides)
    return data


def test_unverified_accounts_cannot_sign_in(client):
    client.post(
        reverse("account_signup"),
        {"email": "new@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    client.logout()
    response = client.post(
        reverse("account_login"), {"login": "new@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")


def test_sign_up_verify_apply_and_be_approved(client, facilitator):
    user = sign_up_and_verify(client, "jo@example.org")
    assert not is_member(user)
    assert client.get("/share/").url == reverse("join")

    mail.outbox.clear()
    response = client.post(reverse("join"), application_form())
    assert response.status_code == 302
    application = MembershipApplication.objects.get(user=user)
    assert application.status == "pending"
    recipients = {address for message in mail.outbox for address in message.to}
    assert recipients == {"jo@example.org", facilitator.email}
    assert all(message.alternatives for message in mail.outbox)  # text and HTML parts
    assert "with the facilitators" in client.get(reverse("join")).content.decode()

    reviewer = facilitator_user()
    client.force_login(reviewer)
    assert "Jo Brennan" in client.get(reverse("membership_applications:index")).content.decode()
    mail.outbox.clear()
    response = client.post(
        reverse("membership_applications:decide", args=[application.pk]),
        {"decision": "approve", "message": "Welcome aboard."},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert is_member(User.objects.get(pk=user.pk))
    profile = MemberProfile.objects.get(user=user)
    assert (profile.name, profile.organisation, profile.visibility) == (
        "Jo Brennan",
        "Northvale Mind",
        "members",
    )
    assert mail.outbox[0].to == ["jo@example.org"]
    assert "Welcome aboard." in mail.outbox[0].body


def test_declining_needs_a_message_and_the_applicant_sees_it(client, facilitator):
    applicant = UserFactory()
    application = MembershipApplication.objects.create(
        user=applicant,
        **{**application_form(), "sector_id": 1, "region_id": 1}
        | {"sector": Sector.objects.first(), "region": Region.objects.first()},
    )
    client.force_login(facilitator)
    url = reverse("membership_applications:decide", args=[application.pk])
    response = client.post(url, {"decision": "decline", "message": ""})
    assert response.status_code == 200
    assert "Tell the applicant why" in response.content.decode()
    application.refresh_from_db()
    assert application.status == "pending"

    client.post(url, {"decision": "decline", "message": "Please tell us about your role."})
    application.refresh_from_db()
    assert application.status == "declined"
    assert not is_member(applicant)
    client.force_login(applicant)
    html = client.get(reverse("join")).content.decode()
    assert "Please tell us about your role." in html
    assert 'value="Northvale Mind"' in html  # the earlier answers are kept for a new try


def test_application_form_explains_each_problem_and_keeps_answers(client, visitor):
    client.force_login(visitor)
    response = client.post(reverse("join"), application_form(reason="", sector=""))
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Tell us why you would like to join" in html
    assert "Sector: Choose your sector" in html  # in the error summary
    assert 'value="Jo Brennan"' in html
    assert not MembershipApplication.objects.exists()


def test_auto_approved_domains_join_on_verification(client, settings):
    settings.MEMBERSHIP_AUTO_APPROVE_DOMAINS = ["example-trust.nhs.uk"]
    user = sign_up_and_verify(client, "link.worker@example-trust.nhs.uk")
    assert is_member(user)
    other = sign_up_and_verify(client, "someone@example.org")
    assert not is_member(other)


def test_invitation_link_makes_the_invited_person_a_member(client, facilitator):
    client.force_login(facilitator)
    client.post(reverse("membership_invitations"), {"email": "guest@example.org"})
    invitation = Invitation.objects.get(email="guest@example.org")
    message = mail.outbox[-1]
    assert message.to == ["guest@example.org"]
    link = reverse("join-invitation", args=[invitation.token])
    assert link in message.body

    client.logout()
    response = client.get(link)
    assert response.url.startswith(reverse("account_signup"))
    user = sign_up_and_verify(client, "guest@example.org")
    response = client.get(link)
    assert response.url == reverse("profile-edit")
    assert is_member(User.objects.get(pk=user.pk))
    invitation.refresh_from_db()
    assert invitation.accepted_by == user


def test_expired_or_used_invitations_say_so(client, visitor):
    expired = Invitation.objects.create(
        email=visitor.email, expires_at=timezone.now() - timezone.timedelta(days=1)
    )
    client.force_login(visitor)
    response = client.get(reverse("join-invitation", args=[expired.token]))
    assert response.status_code == 410
    assert "This invitation expired on" in response.content.decode()
    assert not is_member(visitor)
    response = client.get(reverse("join-invitation", args=["not-a-real-token"]))
    assert response.status_code == 404


def test_invitation_for_someone_else_is_refused(client, visitor):
    invitation = Invitation.objects.create(email="someone.else@example.org")
    client.force_login(visitor)
    response = client.get(reverse("join-invitation", args=[invitation.token]))
    assert response.status_code == 403
    assert "someone.else@example.org" in response.content.decode()


def test_admin_sign_in_goes_through_the_network_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_password_reset_does_not_reveal_who_has_an_account(client, member):
    known = client.post(reverse("account_reset_password"), {"email": member.email})
    unknown = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


def test_login_by_emailed_code_is_offered(client):
    html = client.get(reverse("account_login")).content.decode()
    assert reverse("account_request_login_code") in html


def test_rate_limits_are_on(settings):
    from allauth.account import app_settings

    assert app_settings.RATE_LIMITS  # allauth's defaults are in force, not switched off
    assert "login_failed" in app_settings.RATE_LIMITS


@pytest.mark.parametrize("organisation", ["", "None", " n/a "])
def test_people_join_as_themselves_without_an_organisation(client, facilitator, organisation):
    """People with lived experience and carers join as themselves: the organisation is
    optional, and a placeholder typed into it is read as none and never shown."""
    user = sign_up_and_verify(client, "sam@example.org")
    form = client.get(reverse("join")).content.decode()
    assert "Leave this blank if you are joining as yourself" in form
    response = client.post(
        reverse("join"),
        application_form(name="Sam Okafor", role="Expert by experience", organisation=organisation),
    )
    assert response.status_code == 302
    application = MembershipApplication.objects.get(user=user)
    assert application.organisation == ""
    assert "as Expert by experience." in client.get(reverse("join")).content.decode()
    notice = next(m for m in mail.outbox if facilitator.email in m.to)
    assert "Sam Okafor (Expert by experience) has applied" in notice.body

    client.force_login(facilitator)
    listing = client.get(reverse("membership_applications:index")).content.decode()
    assert "Sam Okafor, Expert by experience</h3>" in listing
    assert "None" not in listing.split("Waiting for a decision")[1].split("Recent decisions")[0]
    client.post(
        reverse("membership_applications:decide", args=[application.pk]), {"decision": "approve"}
    )
    assert MemberProfile.objects.get(user=user).organisation == ""


def test_a_facilitator_chooses_a_decision_none_is_made_for_them(client, facilitator):
    applicant = sign_up_and_verify(client, "kim@example.org")
    client.post(reverse("join"), application_form(name="Kim Lee"))
    application = MembershipApplication.objects.get(user=applicant)
    client.force_login(facilitator)
    listing = client.get(reverse("membership_applications:index")).content.decode()
    assert " checked" not in listing.split("Kim Lee")[1].split("</form>")[0]

    url = reverse("membership_applications:decide", args=[application.pk])
    response = client.post(url, {"message": "Welcome."})
    html = response.content.decode()
    assert "Choose whether to approve or decline the application." in html
    assert "Welcome." in html  # the message typed is kept
    application.refresh_from_db()
    assert application.status == "pending"
