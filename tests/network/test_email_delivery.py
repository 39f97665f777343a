"""A title with a line break must not stop anyone's email, and an email that fails is seen.

The mail server here is a real one (aiosmtpd) listening on this machine, reached through
Django's SMTP backend exactly as in production, so what is checked is what went down the
wire: each message's headers, and the addresses the server was asked to deliver to.
"""

import email
import socket
from email import policy

import pytest
from aiosmtpd.controller import Controller
from bs4 import BeautifulSoup
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from blog.models import BlogPage
from network.models import FailedEmail, Theme
from network.notifications.emails import notify
from network.notifications.mail import header_safe
from tests.factories import MemberProfileFactory, facilitator_user
from tests.network.test_notifications import DATABASE_TASKS, run_worker_once

pytestmark = pytest.mark.django_db

INJECTED_TITLE = "Hello\r\nBcc: x@example.com"


class Inbox:
    """What the mail server accepted, and the addresses it is told to refuse."""

    def __init__(self):
        self.received = []
        self.refuse = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in self.refuse:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        message = email.message_from_bytes(envelope.original_content, policy=policy.default)
        self.received.append((list(envelope.rcpt_tos), message, envelope.original_content))
        return "250 Message accepted for delivery"

    def to(self, address):
        return [message for rcpt_tos, message, _raw in self.received if address in rcpt_tos]

    def all_recipients(self):
        return {address for rcpt_tos, _message, _raw in self.received for address in rcpt_tos}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def smtp_settings(port):
    return {
        "EMAIL_DELIVERY_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": port,
        "EMAIL_USE_TLS": False,
        "EMAIL_HOST_USER": "",
        "EMAIL_HOST_PASSWORD": "",
        "EMAIL_TIMEOUT": 5,
    }


@pytest.fixture
def smtp_server(settings):
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    for name, value in smtp_settings(port).items():
        setattr(settings, name, value)
    yield inbox
    controller.stop()


@pytest.fixture
def mail_server_down(settings):
    for name, value in smtp_settings(free_port()).items():  # nothing listens there
        setattr(settings, name, value)


def assert_one_line_headers(inbox):
    assert inbox.received, "no email reached the mail server"
    for _rcpt_tos, message, raw in inbox.received:
        subject = message["Subject"]
        assert "\r" not in subject
        assert "\n" not in subject
        assert message.get_all("Bcc") is None
        head = raw.split(b"\r\n\r\n", 1)[0]
        unfolded = head.replace(b"\r\n ", b" ").replace(b"\r\n\t", b" ")
        assert not any(line.lower().startswith(b"bcc:") for line in unfolded.split(b"\r\n"))
    assert "x@example.com" not in inbox.all_recipients()


def share(client, title):
    return client.post(
        reverse("share"),
        {
            "title": title,
            "summary": "What changed when we met weekly.",
            "body": "We met every week.",
            "themes": [Theme.objects.first().pk],
            "audience": "public",
            "submit": "1",
        },
    )


def reflection_with_title_as_stored(member, blog_index, title):
    """A reflection whose stored title kept a line break, as ones saved before titles
    were cleaned did, sent to review the way /share/ sends it."""
    from network.moderation.submissions import _quiet_wagtail_emails
    from tests.factories import BlogPageFactory

    profile = MemberProfileFactory(user=member)
    post = BlogPageFactory(parent=blog_index, live=False, authors=[profile], owner=member)
    post.title = post.draft_title = title
    post.save_revision(user=member, clean=False)
    BlogPage.objects.filter(pk=post.pk).update(title=title, draft_title=title)
    post = BlogPage.objects.get(pk=post.pk)
    _quiet_wagtail_emails(member)
    post.get_workflow().start(post, member)
    return BlogPage.objects.get(pk=post.pk)


def decide(client, post, action, comment):
    task_state = post.current_workflow_task_state
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(post.pk, action, task_state.pk)),
        {"comment": comment},
    )


# Subjects are one line ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Hello\r\nBcc: x@example.com",
        "Hello\nBcc: x@example.com",
        "Hello\rBcc: x@example.com",
        "Hello\u2028Bcc: x@example.com",
        "Hello\u2029Bcc: x@example.com",
        "Hello\x85Bcc: x@example.com",
        "Hello\x0bBcc: x@example.com",
        "Hello\x0cBcc: x@example.com",
        "Hello\x1eBcc: x@example.com",
        "Hello\x00Bcc: x@example.com",
        "  Hello \r\n\r\n Bcc: x@example.com\r\n",
    ],
)
def test_every_kind_of_line_break_becomes_one_space(text):
    assert header_safe(text) == "Hello Bcc: x@example.com"


def test_a_very_long_subject_is_shortened_not_refused():
    subject = header_safe("Reflection " * 100)
    assert len(subject) <= 250
    assert subject.endswith("…")


def test_a_title_with_a_line_break_is_saved_on_one_line(
    smtp_server, member_client, member, facilitator, blog_index
):
    response = share(member_client, INJECTED_TITLE)
    assert response.status_code == 302
    post = BlogPage.objects.get(authors__profile__user=member)
    assert post.title == "Hello Bcc: x@example.com"
    assert post.get_latest_revision_as_object().title == "Hello Bcc: x@example.com"
    # Facilitators hear from Wagtail that it is waiting for them.
    (notice,) = smtp_server.to(facilitator.email)
    assert "Hello Bcc: x@example.com" in notice["Subject"]
    assert_one_line_headers(smtp_server)


def test_a_facilitator_editing_in_the_admin_cannot_save_a_line_break(
    facilitator_client, blog_index
):
    from tests.blog.test_facilitator_review import post_form

    form = post_form(title="Liaison roles\r\nBcc: x@example.com")
    form["themes"] = [Theme.objects.first().pk]
    form["action-publish"] = "Publish"
    response = facilitator_client.post(
        reverse("wagtailadmin_pages:add", args=("blog", "blogpage", blog_index.pk)), form
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert BlogPage.objects.get(slug="liaison-roles").title == "Liaison roles Bcc: x@example.com"


@pytest.mark.parametrize(
    ("action", "member_hears"),
    [("decline", "was not published"), ("reject", "Changes requested on")],
)
def test_a_title_with_a_line_break_still_reaches_facilitators_and_the_member(
    smtp_server, client, member, blog_index, action, member_hears
):
    """The headers hold even when the title itself was never cleaned."""
    facilitator = facilitator_user()
    post = reflection_with_title_as_stored(member, blog_index, INJECTED_TITLE)
    assert post.title == INJECTED_TITLE

    (notice,) = smtp_server.to(facilitator.email)
    assert "is waiting for review" in notice["Subject"]
    assert "Hello Bcc: x@example.com" in notice["Subject"]

    client.force_login(facilitator)
    response = decide(client, post, action, "Please remove the second line.")
    assert response.status_code in (200, 302)
    (decision,) = smtp_server.to(member.email)
    assert member_hears in decision["Subject"]
    assert "Hello Bcc: x@example.com" in decision["Subject"]
    assert_one_line_headers(smtp_server)
    assert not FailedEmail.objects.exists()


def test_an_approval_reaches_the_member_with_a_one_line_subject(
    smtp_server, client, member, blog_index
):
    facilitator = facilitator_user()
    post = reflection_with_title_as_stored(member, blog_index, INJECTED_TITLE)
    client.force_login(facilitator)
    response = decide(client, post, "approve", "Thank you.")
    assert response.status_code in (200, 302)
    (decision,) = smtp_server.to(member.email)
    assert "is published" in decision["Subject"]
    assert_one_line_headers(smtp_server)


# A failed email is recorded and shown ---------------------------------------------------


def dashboard_failures(client):
    html = client.get("/admin/").content.decode()
    panel = BeautifulSoup(html, "html.parser").find(id="failed-emails-heading")
    if panel is None:
        return None
    return panel.find_parent("section")


def test_a_refused_decision_email_is_shown_on_the_facilitators_dashboard(
    smtp_server, client, member, blog_index
):
    facilitator = facilitator_user()
    post = reflection_with_title_as_stored(member, blog_index, "Weekly huddles")
    client.force_login(facilitator)
    assert dashboard_failures(client) is None  # nothing to act on, nothing shown

    smtp_server.refuse.add(member.email)
    decide(client, post, "decline", "Not for this site.")

    failure = FailedEmail.objects.get()
    assert failure.recipients == member.email
    assert "Your reflection “Weekly huddles” was not published" in failure.subject
    assert failure.reason == "The mail server refused the address."
    assert "550" in failure.error
    assert failure.next_attempt_at is None  # sent at once here, so no later try

    panel = dashboard_failures(client)
    assert panel is not None
    text = panel.get_text(" ", strip=True)
    assert "Emails not sent (1)" in text
    assert member.email in text
    assert "Weekly huddles" in text
    assert "The mail server refused the address." in text
    assert "Not sent: no more tries." in text


def test_the_dashboard_panel_is_for_facilitators_only(smtp_server, client, member):
    smtp_server.refuse.add(member.email)
    notify([member.email], "Welcome", "application_approved", name="Jo", message="")
    assert FailedEmail.objects.count() == 1
    client.force_login(member)
    response = client.get("/admin/")
    assert "Emails not sent" not in response.content.decode()


def test_wagtails_moderation_emails_are_recorded_when_the_server_is_down(
    mail_server_down, client, member, blog_index, caplog
):
    """Wagtail gives up its whole batch when it cannot connect; each one is kept here."""
    first, second = facilitator_user(), facilitator_user()
    reflection_with_title_as_stored(member, blog_index, "Written while mail was down")
    failed = FailedEmail.objects.filter(subject__contains="Written while mail was down")
    assert {failure.recipients for failure in failed} >= {first.email, second.email}
    assert {failure.reason for failure in failed} == {"The mail server could not be reached."}
    assert "not sent" in caplog.text

    client.force_login(first)
    text = dashboard_failures(client).get_text(" ", strip=True)
    assert second.email in text


def test_an_email_retried_later_is_shown_as_waiting_then_cleared(smtp_server, client, member):
    facilitator = facilitator_user()
    with override_settings(TASKS=DATABASE_TASKS):
        smtp_server.refuse.add(member.email)
        notify([member.email], "Welcome", "application_approved", name="Jo", message="")
        run_worker_once()
        failure = FailedEmail.objects.get()
        assert failure.next_attempt_at > timezone.now()

        client.force_login(facilitator)
        assert "Will be tried again" in dashboard_failures(client).get_text(" ", strip=True)

        # The address works again by the time of the next try.
        smtp_server.refuse.clear()
        from django_tasks_db.models import DBTaskResult

        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
        run_worker_once()
    assert [message["To"] for message in smtp_server.to(member.email)] == [member.email]
    failure.refresh_from_db()
    assert failure.sent_at is not None
    assert dashboard_failures(client) is None


def test_subjects_are_one_line_whichever_backend_delivers(settings, member):
    """Development and tests deliver through other backends; the subject is the same."""
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox.clear()
    notify([member.email], INJECTED_TITLE, "application_approved", name="Jo", message="")
    (message,) = mail.outbox
    assert message.subject.endswith("Hello Bcc: x@example.com")
    parsed = email.message_from_bytes(message.message().as_bytes(), policy=policy.default)
    assert parsed.get_all("Bcc") is None
