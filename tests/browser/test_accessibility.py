"""WCAG 2.2 AA in a real browser: axe-core on every public and member page, reflow at
320 px, a visible focus indicator, and screenshots at 320, 768 and 1280 px.

One test walks all the pages so the demo content is loaded once; it collects every
problem and fails with the full list. The counts per page are written to
test-artifacts/accessibility.txt beside the screenshots.
"""

from django.test import Client
from django.utils import timezone

from blog.models import BlogPage
from casestudies.models import CaseStudyPage
from network.models import (
    MemberProfile,
    Notification,
    NotificationKind,
    Region,
    Sector,
    Theme,
    User,
)
from network.notifications import following, unsubscribe
from tests.browser.conftest import (
    ARTIFACTS,
    WIDTHS,
    browser_test,
    focus_is_visible,
    horizontal_overflow,
    run_axe,
    save_screenshot,
)
from tests.factories import UserFactory

pytestmark = browser_test


EXPECTED_STATUS = {
    "Page not found": 404,
    "Members-only post, to a visitor": 403,
    "Members-only resource, to a visitor": 403,
}


def anonymous_pages():
    post = BlogPage.objects.live().filter(audience="public").order_by("-date").first()
    studies = list(CaseStudyPage.objects.live().order_by("pk")[:2])
    theme, sector, region = Theme.objects.first(), Sector.objects.first(), Region.objects.first()
    profile = MemberProfile.objects.filter(visibility="public").first()
    members_only = BlogPage.objects.live().filter(audience="members").first()
    return [
        ("Home", "/", None),
        ("Blog listing", "/blog/", None),
        ("Blog listing, filtered", f"/blog/?theme={theme.slug}&sector={sector.slug}", None),
        ("Blog post", post.url, None),
        ("Case studies", "/case-studies/", None),
        ("Case studies, filtered", f"/case-studies/?theme={theme.slug}&status=established", None),
        ("Case study", studies[0].url, None),
        (
            "Compare case studies",
            f"/case-studies/compare/?ids={studies[0].pk}&ids={studies[1].pk}",
            None,
        ),
        ("Search, browse", "/search/", None),
        ("Search with results", "/search/?q=IAPT", None),
        ("Search with facets chosen", f"/search/?q=team&theme={theme.slug}&type=case-study", None),
        ("Search with no results", "/search/?q=zzqxv", None),
        ("Search with a suggestion", "/search/?q=comissioning", None),
        ("Themes", "/themes/", None),
        ("Theme page", theme.get_absolute_url(), None),
        ("Sectors", "/sectors/", None),
        ("Sector page", sector.get_absolute_url(), None),
        ("Regions", "/regions/", None),
        ("Region page", region.get_absolute_url(), None),
        ("Region outside England", "/regions/scotland/", None),
        ("Member directory", "/members/", None),
        ("Member profile", profile.get_absolute_url(), None),
        ("Sign in", "/accounts/login/", None),
        ("Sign in, with errors", "/accounts/login/", "submit"),
        ("Sign in by code", "/accounts/login/code/", None),
        ("Sign up", "/accounts/signup/", None),
        ("Sign up, with errors", "/accounts/signup/", "submit"),
        ("Password reset", "/accounts/password/reset/", None),
        ("Verification sent", "/accounts/confirm-email/", None),
        ("Verification link not valid", "/accounts/confirm-email/not-a-key/", None),
        ("Password reset sent", "/accounts/password/reset/done/", None),
        ("Password reset link not valid", "/accounts/password/reset/key/1-not-a-key/", None),
        ("Members-only post, to a visitor", members_only.url, None),
        ("Compare, too few chosen", f"/case-studies/compare/?ids={studies[0].pk}", None),
        ("Events", "/events/", None),
        ("Events, filtered", "/events/?format=in-person", None),
        ("Event page", "/events/workshop-co-producing-your-evaluation/", None),
        ("Past event", "/events/webinar-commissioning-the-voluntary-sector/", None),
        ("Resource library", "/resources/", None),
        ("Resource library, filtered", "/resources/?type=evaluation", None),
        ("Resource", "/resources/evaluation-self-referral-first-year/", None),
        (
            "Resource, text not searchable",
            "/resources/partnership-working-scottish-mental-health-services-scan/",
            None,
        ),
        (
            "Members-only resource, to a visitor",
            "/resources/template-joint-care-meeting-agenda/",
            None,
        ),
        ("Search finding a passage in a document", "/search/?q=median+wait", None),
        ("About the network", "/about/", None),
        ("Accessibility statement", "/accessibility/", None),
        ("Privacy notice", "/privacy/", None),
        ("Cookies", "/cookies/", None),
        ("Terms of use", "/terms/", None),
        ("Moderation policy", "/moderation-policy/", None),
        ("Contact the facilitators", "/contact/", None),
        ("Contact, with errors", "/contact/", "submit"),
        ("Contact message sent", "/contact/sent/", None),
        ("Page not found", "/no-such-page/", None),
    ]


def member_pages():
    member = User.objects.get(username="member")
    token = unsubscribe.token(member, "digest")
    return [
        ("Stop these emails", f"/email/unsubscribe/{token}/", None),
        ("Share a reflection", "/share/", None),
        ("Share, with errors", "/share/", "share"),
        ("Contact, signed in", "/contact/", None),
        ("My submissions", "/share/mine/", None),
        ("Suggest a case study", "/share/case-study/", None),
        ("Suggest a case study, with errors", "/share/case-study/", "share"),
        ("Edit profile", "/profile/", None),
        ("Your data", "/profile/data/", None),
        ("What you follow", "/profile/following/", None),
        ("Event page, as a member", "/events/learning-set-supervision-across-organisations/", None),
        ("Event page, booked", "/events/learning-set-supervision-across-organisations/", "book"),
        ("Members-only resource", "/resources/template-joint-care-meeting-agenda/", None),
        ("Notifications", "/notifications/", None),
        ("Which emails you get", "/profile/emails/", None),
        ("Theme page, as a member", "/themes/access-no-wrong-door/", None),
        ("Member directory, as a member", "/members/", None),
        ("Email addresses", "/accounts/email/", None),
        ("Change password", "/accounts/password/change/", None),
        ("Sign out", "/accounts/logout/", None),
    ]


# The facilitators' dashboard is Wagtail's admin; axe checks the panels the network adds.
NETWORK_PANELS = [
    "#awaiting-review-section",
    "[aria-labelledby=pending-applications-heading]",
    "[aria-labelledby=moderation-heading]",
    "[aria-labelledby=coverage-grid-heading]",
    "[aria-labelledby=interest-heading]",
    "[aria-labelledby=review-due-heading]",
]


# What the network adds to each admin page it is checked on.
ADMIN_PARTS = {
    "Facilitator dashboard": NETWORK_PANELS,
    "Documents not searchable": ["main .listing", "main p"],
}


def facilitator_pages():
    return [
        ("Facilitator dashboard", "/admin/", None),
        ("Documents not searchable", "/admin/resources/not-searchable/", None),
    ]


# The pages the issue tracker asks to see on a phone as well as on a wide screen.
PHONE_SCREENSHOTS = {"Home", "Facilitator dashboard", "Sign up", "Case study", "Theme page"}
PHONE = 360


def applicant_pages():
    return [
        ("Apply to join", "/join/", None),
        ("Apply to join, with errors", "/join/", "submit"),
    ]


def _act(page, action):
    if action == "submit":
        # Skip the browser's own required-field check so the server's messages show.
        page.locator("main form").first.evaluate("(form) => { form.noValidate = true; }")
        page.locator("main form button[type=submit]").first.click()
        page.wait_for_load_state()
        assert page.locator(".nhsuk-error-message, .nhsuk-error-summary").first.is_visible()
    elif action == "book":
        page.get_by_role("button", name="Book a place").click()
        page.wait_for_load_state()
        assert page.get_by_role("heading", name="You have a place").is_visible()
    elif action == "share":
        page.get_by_role("button", name="Send to facilitators").click()
        page.wait_for_load_state()
        assert page.locator(".nhsuk-error-summary").is_visible()


def _focus_is_visible(page, presses=12):
    missing = []
    page.locator("body").focus()
    for _ in range(presses):
        page.keyboard.press("Tab")
        focused = page.evaluate_handle("() => document.activeElement")
        if page.evaluate("(element) => element === document.body", focused):
            continue
        if not focus_is_visible(page, focused):
            missing.append(page.evaluate("(element) => element.outerHTML.slice(0, 80)", focused))
    return missing


def _follow_and_be_told(member):
    """So /profile/following/ and /notifications/ show what they hold, not empty states."""
    theme = Theme.objects.get(slug="access-no-wrong-door")
    following.follow(member, theme)
    following.follow(member, Sector.objects.first())
    post = BlogPage.objects.live().filter(themes=theme).first()
    for number, read in ((1, False), (2, True)):
        Notification.objects.create(
            user=member,
            kind=NotificationKind.FOLLOWED,
            key=f"published:demo-{number}",
            title=f"New: “{post.title}”",
            text=f"In {theme.name}, which you follow.",
            url=post.url,
            read_at=timezone.now() if read else None,
        )


def _send_a_reflection_for_review(member):
    """So the dashboard's "Awaiting your review" panel has something in it."""
    client = Client()
    client.force_login(member)
    response = client.post(
        "/share/",
        {
            "title": "Peer workers at the front door",
            "summary": "What changed when peer workers answered the first call.",
            "body": "We tried it for a month.\n\n- fewer repeat calls\n- shorter waits",
            "themes": [Theme.objects.first().pk],
            "keywords": "peer support",
            "audience": "public",
            "submit": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]


def test_every_page_meets_wcag_aa_reflows_and_shows_focus(new_page):
    member = User.objects.get(username="member")
    _send_a_reflection_for_review(member)
    _follow_and_be_told(member)
    visits = [(name, path, action, None) for name, path, action in anonymous_pages()]
    visits += [(name, path, action, member) for name, path, action in member_pages()]
    applicant = UserFactory(email="applicant@example.org")
    visits += [(name, path, action, applicant) for name, path, action in applicant_pages()]
    facilitator = User.objects.get(username="facilitator")
    visits += [(name, path, action, facilitator) for name, path, action in facilitator_pages()]
    pages = {
        None: new_page(),
        member: new_page(user=member),
        applicant: new_page(user=applicant),
        facilitator: new_page(user=facilitator),
    }
    problems, lines = [], []
    for name, path, action, user in visits:
        page = pages[user]
        response = page.goto(path)
        expected = EXPECTED_STATUS.get(name, 200)
        assert response.status == expected, f"{name} {path} answered {response.status}"
        _act(page, action)
        violations = run_axe(page, include=ADMIN_PARTS.get(name) if user == facilitator else None)
        lines.append(f"{len(violations):3d}  {name}  ({path})")
        for violation in violations:
            problems.append(f"{name} {path}: {violation['id']} {violation['targets']}")
        widths = sorted({*WIDTHS, PHONE}) if name in PHONE_SCREENSHOTS else WIDTHS
        for width in widths:
            page.set_viewport_size({"width": width, "height": 900})
            overflow = horizontal_overflow(page)
            if width == 320 and overflow > 0 and user != facilitator:
                problems.append(f"{name} {path}: scrolls sideways by {overflow}px at 320px")
            save_screenshot(page, name.lower().replace(" ", "-").replace(",", ""), width)
        page.set_viewport_size({"width": 1280, "height": 900})
        for element in _focus_is_visible(page):
            problems.append(f"{name} {path}: no visible focus on {element}")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    report = "axe-core violations (WCAG 2.0/2.1/2.2 A and AA) per page\n" + "\n".join(lines)
    (ARTIFACTS.parent / "accessibility.txt").write_text(report + "\n", encoding="utf-8")
    assert not problems, "\n".join(problems)
