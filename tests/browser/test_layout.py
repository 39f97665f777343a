"""How listings and pages lay out on a phone and on paper."""

from tests.browser.conftest import browser_test, save_screenshot

pytestmark = browser_test


def first_result_top(page):
    return page.evaluate(
        "() => document.querySelector('main .nhsuk-card').getBoundingClientRect().top"
    )


def test_on_a_phone_filters_fold_away_and_results_come_first(new_page):
    page = new_page(width=360)
    for path in ("/blog/", "/case-studies/"):
        page.goto(path)
        filters = page.locator("details[data-closed-when-narrow]")
        assert filters.get_attribute("open") is None, path
        assert first_result_top(page) < 1200, path
        page.locator("summary.network-filters-disclosure__summary").click()
        assert page.locator(".network-filters button[type=submit]").is_visible(), path
    save_screenshot(page, "listing-filters-folded", 360)


def test_on_a_wide_screen_and_without_javascript_filters_stay_open(new_page):
    for page in (new_page(width=1280), new_page(width=360, javascript=False)):
        page.goto("/blog/")
        assert page.locator("details[data-closed-when-narrow]").get_attribute("open") == ""


def test_printed_tags_carry_no_link_addresses(new_page):
    page = new_page()
    page.goto("/blog/")
    page.click("main .nhsuk-card a")
    page.emulate_media(media="print")
    after = page.evaluate(
        """() => [...document.querySelectorAll('.network-tags a, .nhsuk-tag')]
              .map((tag) => getComputedStyle(tag, '::after').content)"""
    )
    assert after
    assert all(content in ("none", "normal") for content in after), after


def test_the_home_page_opens_with_a_way_to_join(new_page):
    for width in (360, 1280):
        page = new_page(width=width)
        page.goto("/")
        button = page.get_by_role("link", name="Join the network")
        assert button.is_visible()
        assert button.bounding_box()["y"] < (1400 if width == 360 else 900)
        save_screenshot(page, "home-first-screen", width)
    button.click()
    assert page.url.endswith("/accounts/signup/")


def test_a_signed_in_members_own_links_stay_in_view_at_every_width(new_page):
    """Notifications with the unread count, My submissions, the profile and Sign out sit in
    the header's account bar, which never folds into "More"; sections fold there instead."""
    from network.models import Notification, User
    from tests.browser.conftest import horizontal_overflow, run_axe

    facilitator = User.objects.get(email="facilitator@example.org")
    Notification.objects.create(
        user=facilitator, kind="comment", key="header-test", title="A new comment", url="/"
    )
    for width in (1280, 375):
        page = new_page(user=facilitator, width=width)
        page.goto("/")
        horizontal_overflow(page)
        account = page.get_by_role("navigation", name="Your account")
        for name in ("Notifications", "My submissions", "Your profile", "Sign out"):
            link = account.get_by_role("link", name=name)
            assert link.is_visible(), (name, width)
            box = link.bounding_box()
            assert box["x"] >= 0, (name, width)
            assert box["x"] + box["width"] <= width, (name, width)
        assert "1" in account.get_by_role("link", name="Notifications").inner_text()
        if width == 1280:
            main = page.get_by_role("navigation", name="Main")
            for name in ("Reflections", "Case studies", "Members", "Share a reflection"):
                assert main.get_by_role("link", name=name).is_visible(), name
        assert horizontal_overflow(page) <= 0
        assert run_axe(page, include=["header"]) == []
        save_screenshot(page, "header-signed-in", width)
