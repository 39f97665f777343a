"""Account pages and emails in the network's own words, not allauth's stock English.

allauth's text is Title Case ("Sign In", "Remember Me"), says "contact us" with nowhere
to contact, greets people with the server's host name and calls them by a username they
never chose. The project catalogue (locale/en_GB) rewords its pages and messages, the
form classes in network/members/allauth_forms.py its labels and errors, and
templates/account/email/ its emails.
"""

import gettext
import io
import re
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "en_GB" / "LC_MESSAGES"
STOCK = [
    "Sign In",
    "Sign Up",
    "Signup",
    "Remember Me",
    "Verify Your Email Address",
    "Password (again)",
    "contact us",
    "placeholder=",
    "---------",
]
PASSWORD = "a long demo password 2026"


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def main(html):
    """The page's own content: the header's search box keeps its one-word placeholder."""
    return html[html.index("<main") : html.index("</main>")]


def heading(html):
    return re.search(r"<h1>\s*(.*?)\s*</h1>", html, re.S).group(1)


def assert_own_words(html):
    found = [text for text in STOCK if text in main(html)]
    assert not found, f"allauth's stock wording: {found}"


def po_entries(text):
    """msgid to msgstr for a catalogue with no plurals or contexts, as this one is."""
    entries, current, field = {}, {}, None
    for line in [*text.splitlines(), ""]:
        if line.startswith(("msgid ", "msgstr ")):
            field, _, rest = line.partition(" ")
            current[field] = eval(rest)  # noqa: S307 - a quoted string from our own file
        elif line.startswith('"') and field:
            current[field] += eval(line)  # noqa: S307
        elif not line.strip() and current:
            entries[current["msgid"]] = current["msgstr"]
            current, field = {}, None
    entries.pop("", None)
    return entries


def test_compiled_catalogue_matches_its_source():
    """A fresh clone serves the committed .mo: it must hold every wording in the .po."""
    entries = po_entries((CATALOGUE / "django.po").read_text())
    with (CATALOGUE / "django.mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    stale = [msgid for msgid, msgstr in entries.items() if catalogue.gettext(msgid) != msgstr]
    assert not stale, f"recompile django.mo with msgfmt; out of date: {stale[:3]}"
    assert len(entries) > 50


def test_sign_in_page(client, home):
    html = page(client, reverse("account_login"))
    assert_own_words(html)
    assert heading(html) == "Sign in"
    assert "Keep me signed in on this device" in html
    assert "Email address" in html
    assert "Forgotten your password?" in html


def test_sign_up_explains_both_steps_and_links_the_privacy_notice(client, home):
    html = page(client, reverse("account_signup"))
    assert_own_words(html)
    assert re.search(r"<title>\s*Create an account\s*\|", html)
    assert "Joining takes 2 steps" in html
    assert html.index("Confirm your email address") < html.index("Apply to join")
    content = main(html)
    assert content.index("Joining takes 2 steps") < content.index("<form")
    assert 'href="/privacy/"' in html


def test_other_account_pages(client, home):
    for url in (
        reverse("account_reset_password"),
        reverse("account_reset_password_done"),
        reverse("account_request_login_code"),
    ):
        assert_own_words(page(client, url))


def test_signed_in_account_pages(client, home):
    user = UserFactory()
    client.force_login(user)
    email_page = page(client, reverse("account_email"))
    assert_own_words(email_page)
    assert 'href="/privacy/"' in email_page  # adding an address collects one
    assert_own_words(page(client, reverse("account_change_password")))


def test_joining_forms_link_the_privacy_notice_and_name_their_empty_choices(client, home):
    client.force_login(UserFactory())
    html = page(client, reverse("join"))
    assert 'href="/privacy/"' in html
    assert '<option value="" selected>Choose your sector</option>' in html
    assert '<option value="" selected>Choose your region</option>' in html
    assert "---------" not in html


def test_sign_up_email_and_page_after_it(client, home, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8141"
    call_command("set_site_url", stdout=io.StringIO())  # emails follow the Site, as pages do
    response = client.post(
        reverse("account_signup"),
        {"email": "rowan@example.org", "password1": PASSWORD, "password2": PASSWORD},
        follow=True,
    )
    html = response.content.decode()
    assert_own_words(html)
    assert heading(html) == "Confirm your email address"
    assert "check your spam or junk folder" in html

    (message,) = mail.outbox
    assert message.subject == "[Community Mental Health Network] Confirm your email address"
    body = message.body
    assert body.startswith("Hello,\n")
    assert "Hello from" not in body
    assert "testserver" not in body
    user = EmailAddress.objects.get(email="rowan@example.org").user
    assert f"user {user.username}" not in body
    assert "Apply to join" in body
    link = re.search(r"http\S+/accounts/confirm-email/\S+/", body).group(0)
    assert link.startswith("http://127.0.0.1:8141/accounts/confirm-email/")

    confirm = page(client, link.removeprefix("http://127.0.0.1:8141"))
    assert_own_words(confirm)
    assert "Confirm that <strong>rowan@example.org</strong> is your email address." in confirm


def test_password_reset_and_unknown_address_emails(client, home, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8141"
    call_command("set_site_url", stdout=io.StringIO())
    UserFactory(email="known@example.org")
    client.post(reverse("account_reset_password"), {"email": "known@example.org"})
    client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    reset, unknown = mail.outbox
    assert reset.subject.endswith("Reset your password")
    assert "http://127.0.0.1:8141/accounts/password/reset/key/" in reset.body
    assert "username" not in reset.body
    assert "There is no account with this address" in unknown.body
    assert "http://127.0.0.1:8141/accounts/signup/" in unknown.body
    for message in (reset, unknown):
        assert "Hello from" not in message.body
        assert "testserver" not in message.body


def test_wrong_password_says_what_to_do(client, home):
    UserFactory(email="known@example.org")
    response = client.post(
        reverse("account_login"), {"login": "known@example.org", "password": "wrong"}
    )
    html = response.content.decode()
    assert "The email address or password is not right. Check them and try again." in html
