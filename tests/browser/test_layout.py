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


def test_listings_are_compact_enough_to_scan(new_page):
    page = new_page(width=1280)
    for path in ("/case-studies/", "/blog/"):
        page.goto(path)
        cards = page.locator("main .network-card-list > .nhsuk-card")
        assert cards.count() >= 5, path
        assert page.locator("main .network-card-list img").count() == 0, path  # no decoration
        heights = [cards.nth(n).bounding_box()["height"] for n in range(5)]
        assert max(heights) < 320, (path, heights)  # about 620 with the picture
    save_screenshot(page, "case-study-listing", 1280)


def test_compare_stacks_by_field_on_a_phone(new_page):
    from casestudies.models import CaseStudyPage
    from tests.browser.conftest import horizontal_overflow

    first, second = CaseStudyPage.objects.live().public().order_by("pk")[:2]
    page = new_page(width=375)
    page.goto(f"/case-studies/compare/?ids={first.pk}&ids={second.pk}")
    assert horizontal_overflow(page) <= 0
    labels = page.locator("main .network-compare tbody tr").first.locator(".network-compare__study")
    assert labels.count() == 2
    assert labels.nth(1).is_visible()
    assert labels.nth(1).inner_text() == second.title
    box = labels.nth(1).bounding_box()
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= 375
    save_screenshot(page, "compare-stacked", 375)

    wide = new_page(width=1280)
    wide.goto(f"/case-studies/compare/?ids={first.pk}&ids={second.pk}")
    assert not wide.locator(".network-compare__study").first.is_visible()
    assert wide.locator(".network-compare thead th").nth(1).is_visible()


def test_the_coverage_grid_and_dashboard_headings_fit(new_page):
    from network.models import User

    facilitator = User.objects.get(email="facilitator@example.org")
    page = new_page(user=facilitator, width=1280)
    page.goto("/admin/")
    overflowing = page.evaluate(
        """() => [...document.querySelectorAll('.network-coverage thead th')]
              .filter((th) => th.scrollWidth > th.clientWidth + 1).map((th) => th.innerText)"""
    )
    assert overflowing == [], overflowing
    # Every sector name keeps its words whole: each line break falls between words.
    broken = page.evaluate(
        """() => [...document.querySelectorAll('.network-coverage thead th')].filter((th) => {
            const range = document.createRange();
            const text = th.firstChild;
            if (!text || text.nodeType !== 3) return false;
            let lastTop = null;
            for (let i = 0; i < text.length; i++) {
                range.setStart(text, i); range.setEnd(text, i + 1);
                const top = range.getBoundingClientRect().top;
                if (lastTop !== null && top > lastTop + 2 && text.data[i - 1] !== ' '
                    && text.data[i] !== ' ' && text.data[i - 1] !== '-') return true;
                lastTop = top;
            }
            return false;
        }).map((th) => th.innerText)"""
    )
    assert broken == [], broken
    assert page.get_by_text("the grid scrolls sideways and down").is_visible()
    save_screenshot(page, "facilitator-dashboard", 1280)

    phone = new_page(user=facilitator, width=375)
    phone.goto("/admin/")
    clipped = phone.evaluate(
        """() => [...document.querySelectorAll('.w-panel__heading')]
              .filter((h) => h.scrollWidth > h.clientWidth + 1).map((h) => h.innerText)"""
    )
    assert clipped == [], clipped
