"""Journey 6: a new member's own home, one ordinary link, and everything they send, from a
saved half-finished suggestion to the facilitator who completes it."""

import re

from playwright.sync_api import expect

from casestudies.models import CaseStudyPage
from network.models import User
from tests.browser.conftest import browser_test, run_axe, save_screenshot
from tests.factories import MemberProfileFactory, member_user

pytestmark = browser_test

REFLECTION = "What our crisis café learnt from its first winter"
SUGGESTION = "Peer workers on every neighbourhood team in Eastfield"


def test_a_new_member_shares_reads_withdraws_and_finishes_what_they_send(new_page):
    member = member_user(email="new.member@example.org")
    MemberProfileFactory(user=member, name="Sam Okafor", visibility="members")
    page = new_page(user=member)

    # Their own home, not an invitation to join (item 11).
    page.goto("/")
    home = page.locator("section", has=page.get_by_role("heading", name="Your network"))
    expect(home).to_be_visible()
    expect(home.get_by_text("You have not shared anything yet.")).to_be_visible()
    assert not page.get_by_role("link", name="Join the network").count()

    # One ordinary link is one link, in the preview and when sent (item 2).
    page.goto("/share/")
    page.get_by_label("Title").fill(REFLECTION)
    page.get_by_label("Summary").fill("Who came, who did not, and what we changed.")
    page.get_by_label("Your reflection").fill(
        "We followed [the framework's guidance](https://www.england.nhs.uk/publication/cmhf/)."
    )
    page.get_by_label("Access, self-referral and no wrong door").check()
    page.get_by_role("button", name="Preview").click()
    preview = page.locator("section.network-preview")
    expect(preview.get_by_role("link", name="the framework's guidance")).to_be_visible()
    assert not page.get_by_text(re.compile("can contain up to")).count()
    page.get_by_role("button", name="Send to facilitators").click()
    page.wait_for_url(re.compile(r"/share/mine/"))

    # My submissions leads somewhere: read it again, then take it back (item 13).
    row = page.locator("tr", has_text=REFLECTION)
    expect(row.get_by_text("Awaiting review")).to_be_visible()
    row.get_by_role("link", name=REFLECTION).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(REFLECTION)
    expect(page.get_by_text("Only you and the facilitators can read it")).to_be_visible()
    page.go_back()
    page.locator("tr", has_text=REFLECTION).get_by_role("button", name="Withdraw").click()
    expect(page.get_by_text("is withdrawn: it is a draft again")).to_be_visible()
    expect(page.locator("tr", has_text=REFLECTION).get_by_text("Draft")).to_be_visible()

    # A long suggestion saved half-way, then finished and sent (item 13).
    page.goto("/share/case-study/")
    page.get_by_label("Title").fill(SUGGESTION)
    page.get_by_label("The problem").fill("Nobody in the teams had lived experience.")
    page.get_by_role("button", name="Save as draft").click()
    page.wait_for_url(re.compile(r"/share/mine/"))
    suggestion_row = page.locator("tr", has_text=SUGGESTION)
    suggestion_row.get_by_role("link", name=re.compile("^Edit")).click()
    expect(page.get_by_label("The problem")).to_have_value(
        "Nobody in the teams had lived experience."
    )
    answers = {
        "Summary": "Each neighbourhood team has a peer worker from the local Mind.",
        "Place": "Eastfield",
        "Lead organisation": "Eastfield PCN",
        "What was done": "Three peer workers joined the teams' weekly huddles.",
        "Outcomes and evidence": "Fewer missed first appointments, from the team's audit.",
        "Barriers": "Honorary contracts took months.",
        "Enablers": "A shared induction.",
        "Key learning": "Agree supervision before anyone starts.",
        "Cost and funding": "Paid from the transformation fund.",
        "Contact role or team": "Neighbourhood team manager",
    }
    for label, value in answers.items():
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_label("Lead organisation's sector").select_option(label="Primary care")
    page.get_by_label("Urban", exact=True).check()
    page.get_by_label("Pilot").check()
    page.get_by_label("Co-production and lived experience leadership").check()
    page.get_by_role("button", name="Preview").click()
    expect(
        page.locator("section.network-preview").get_by_text("A shared induction.")
    ).to_be_visible()
    page.get_by_role("button", name="Send to facilitators").click()
    page.wait_for_url(re.compile(r"/share/mine/"))
    expect(page.locator("tr", has_text=SUGGESTION).get_by_text("Awaiting review")).to_be_visible()

    page.goto("/")
    expect(home.get_by_text(SUGGESTION)).to_be_visible()
    save_screenshot(page, "member-home", 1280)
    assert run_axe(page, include=[".network-member-home"]) == []

    # The facilitator is told what to complete, never offered a decision that fails (item 1).
    facilitator = User.objects.get(email="facilitator@example.org")
    admin = new_page(user=facilitator)
    admin.goto("/admin/")
    item = admin.locator("tr", has_text=SUGGESTION)
    expect(item.get_by_text("Case study suggestion")).to_be_visible()
    expect(item.get_by_text("To publish it, complete in the editor:")).to_be_visible()
    expect(item.get_by_text("Integration type")).to_be_visible()
    item.get_by_role("button", name="Actions").click()
    assert not item.get_by_role("button", name="Approve", exact=True).count()
    item.get_by_role("link", name="Complete it in the editor").click()
    study = CaseStudyPage.objects.get(title=SUGGESTION)
    admin.wait_for_url(re.compile(rf"/admin/pages/{study.pk}/edit/"))
