"""Journey 2: from a stranger to a published reflection.

A person signs up and verifies by the emailed link, applies to join; a facilitator
approves the application in the Wagtail admin; the member posts a reflection; the
facilitator requests changes; the member edits and resubmits; the facilitator approves;
a visitor finds the reflection by search and on the home page. By mouse and by keyboard.
"""

import re

import pytest
from django.core import mail
from django.db import OperationalError
from playwright.sync_api import expect
from wagtail.models import WorkflowState

from blog.models import BlogPage
from network.models import User
from tests.browser.conftest import browser_test
from tests.browser.people import Keyboard, Mouse

pytestmark = browser_test

EMAIL = "rowan.ellis@example-trust.nhs.uk"
PASSWORD = "a-long-and-private-passphrase"
TITLE = "What the crisis line taught our neighbourhood team"


def _workflow_status(post):
    state = WorkflowState.objects.filter(object_id=str(post.pk)).order_by("-pk").first()
    return state and state.status


def _link_in_last_email(pattern):
    body = mail.outbox[-1].body
    match = re.search(pattern, body)
    assert match, body
    return match.group(0)


def _workflow_action(page, person, page_id, label, done, comment=None):
    """Take a workflow action from the page's editor and wait until it has been recorded."""
    page.goto(f"/admin/pages/{page_id}/edit/")
    page.wait_for_load_state("networkidle")  # the admin's controllers must be connected first
    person.press_button(page.locator("footer").get_by_role("button", name="More actions"))
    person.press_button(page.locator("footer").get_by_role("button", name=label, exact=True))
    if comment is not None:
        dialog = page.get_by_role("dialog")
        expect(dialog.get_by_role("button", name=label)).to_be_visible()
        person.type_into(dialog.get_by_label(re.compile("Comment")), comment)
        person.press_button(dialog.get_by_role("button", name=label))
    for _ in range(300):
        try:
            if done():
                break
        except OperationalError:
            # The live server's thread is still writing: SQLite locks the table until it
            # commits, so the test reads again a moment later.
            pass
        page.wait_for_timeout(100)
    else:
        raise AssertionError(f"{label} was not recorded")
    page.wait_for_load_state()


@pytest.mark.parametrize("person", [Mouse, Keyboard], ids=["mouse", "keyboard-only"])
def test_stranger_becomes_member_and_publishes_a_reflection(new_page, person):
    newcomer_page = new_page()
    newcomer = person(newcomer_page)
    facilitator_page = new_page(user=User.objects.get(username="facilitator"))
    facilitator = person(facilitator_page)

    newcomer_page.goto("/accounts/signup/")
    newcomer.type_into(newcomer_page.get_by_label("Email address"), EMAIL)
    newcomer.type_into(newcomer_page.get_by_label("Create a password"), PASSWORD)
    newcomer.type_into(newcomer_page.get_by_label("Type your password again"), PASSWORD)
    newcomer.press_button(
        newcomer_page.locator("main").get_by_role("button", name="Create an account")
    )
    newcomer_page.wait_for_url(re.compile(r"/accounts/confirm-email/"))

    link = _link_in_last_email(r"https?://[^\s]+/accounts/confirm-email/[^\s]+/")
    newcomer_page.goto(link)
    newcomer.press_button(newcomer_page.locator("main").get_by_role("button", name="Confirm"))
    newcomer_page.wait_for_url(re.compile(r"/join/"))

    newcomer.type_into(newcomer_page.get_by_label("Your name"), "Rowan Ellis")
    newcomer.type_into(newcomer_page.get_by_label("Organisation"), "Northvale Mind")
    newcomer.type_into(newcomer_page.get_by_label("Your role"), "Crisis line coordinator")
    newcomer.choose(
        newcomer_page.get_by_label("Sector"), "Voluntary, community and social enterprise"
    )
    newcomer.choose(newcomer_page.get_by_label("Region"), "London")
    newcomer.type_into(
        newcomer_page.get_by_label("Why you would like to join"),
        "To share what our crisis line hears and learn from other neighbourhoods.",
    )
    newcomer.press_button(
        newcomer_page.locator("main").get_by_role("button", name=re.compile("Send|Apply"))
    )
    expect(newcomer_page.get_by_role("heading", level=1)).to_have_text(
        "Your application is with the facilitators"
    )

    facilitator_page.goto("/admin/membership/applications/")
    application = facilitator_page.locator("section.network-application", has_text="Rowan Ellis")
    facilitator.tick(application.get_by_label("Approve"))  # nothing is chosen in advance
    facilitator.type_into(application.get_by_role("textbox"), "Welcome to the network.")
    facilitator.press_button(application.get_by_role("button", name="Record decision"))
    expect(application).to_have_count(0)
    assert (
        "approved" in mail.outbox[-1].subject.lower() or "welcome" in mail.outbox[-1].body.lower()
    )

    newcomer_page.goto("/share/")
    newcomer.type_into(newcomer_page.get_by_label("Title"), TITLE)
    newcomer.type_into(
        newcomer_page.get_by_label("Summary"), "Calls at night showed us who we were missing."
    )
    newcomer.type_into(
        newcomer_page.get_by_label("Your reflection"),
        "We listened to a month of calls and found people our team never saw.",
    )
    newcomer.tick(newcomer_page.get_by_label("Place-based neighbourhood teams"))
    newcomer.press_button(newcomer_page.get_by_role("button", name="Send to facilitators"))
    newcomer_page.wait_for_url(re.compile(r"/share/mine/"))
    expect(newcomer_page.get_by_text(re.compile("awaiting review", re.I)).first).to_be_visible()

    post = BlogPage.objects.get(title=TITLE)
    _workflow_action(
        facilitator_page,
        facilitator,
        post.pk,
        "Request changes",
        done=lambda: _workflow_status(post) == WorkflowState.STATUS_NEEDS_CHANGES,
        comment="Please name the team.",
    )
    newcomer_page.goto("/share/mine/")
    expect(newcomer_page.get_by_text("Please name the team.")).to_be_visible()
    newcomer.follow(newcomer_page.locator("main").get_by_role("link", name=re.compile("^Edit")))
    newcomer.type_into(
        newcomer_page.get_by_label("Your reflection"),
        "The Northvale neighbourhood team listened to a month of calls together.",
    )
    newcomer.press_button(newcomer_page.get_by_role("button", name="Send to facilitators"))
    newcomer_page.wait_for_url(re.compile(r"/share/mine/"))

    _workflow_action(
        facilitator_page,
        facilitator,
        post.pk,
        "Approve and Publish",
        done=lambda: BlogPage.objects.filter(pk=post.pk, live=True).exists(),
    )

    visitor_page = new_page()
    visitor = person(visitor_page)
    visitor_page.goto("/")
    assert visitor_page.locator("main").get_by_role("link", name=TITLE).is_visible()
    visitor.type_into(visitor_page.locator("#home-search"), "crisis line neighbourhood")
    visitor.press_button(visitor_page.locator("main form[role=search] button[type=submit]"))
    visitor_page.wait_for_url(re.compile(r"/search/"))
    visitor.follow(visitor_page.get_by_role("link", name=TITLE))
    visitor_page.wait_for_url(re.compile(re.escape(post.url)))
    expect(visitor_page.get_by_text("The Northvale neighbourhood team")).to_be_visible()
