"""Journey 1: a visitor searches "IAPT", narrows by a CMHF theme, opens a case study,
compares it with another and follows a theme link; by mouse, by keyboard alone, and
with JavaScript off."""

import re

import pytest

from tests.browser.conftest import browser_test, horizontal_overflow, run_axe, save_screenshot
from tests.browser.people import Keyboard, Mouse

STUDY = "A shared pathway between NHS Talking Therapies and the community team"
OTHER = "Self-referral to community mental health services without a GP appointment"
THEME = "Integrating primary and specialist care"

pytestmark = browser_test


def search_iapt_and_compare(page, person):
    page.goto("/")
    person.type_into(page.locator("#home-search"), "IAPT")
    person.press_button(page.locator("main form[role=search] button[type=submit]"))
    page.wait_for_url(re.compile(r"/search/\?q=IAPT"))
    assert page.get_by_role("link", name=STUDY).is_visible()

    person.follow(page.locator("nav.network-facets a", has_text=THEME))
    page.wait_for_url(re.compile(r"theme=primary-secondary-integration"))
    assert page.locator(".network-chips").get_by_text(f"CMHF theme: {THEME}").is_visible()
    assert page.get_by_role("link", name=STUDY).is_visible()

    person.follow(page.get_by_role("link", name=STUDY))
    page.wait_for_url(re.compile(r"/case-studies/talking-therapies-and-cmht-shared-pathway/"))
    assert page.get_by_role("heading", level=1).inner_text() == STUDY

    person.follow(page.get_by_role("link", name="Compare with other case studies"))
    page.wait_for_url(re.compile(r"/case-studies/compare/"))
    person.tick(page.get_by_label(OTHER))
    person.press_button(page.get_by_role("button", name="Compare"))
    page.wait_for_url(re.compile(r"ids=.*ids="))
    table = page.locator("table.network-compare")
    assert table.get_by_role("link", name=STUDY).is_visible()
    assert table.get_by_role("link", name=OTHER).is_visible()

    person.follow(table.get_by_role("link", name=STUDY))
    page.wait_for_url(re.compile(r"/case-studies/talking-therapies-and-cmht-shared-pathway/"))
    person.follow(page.locator(".network-tags").get_by_role("link", name=THEME))
    page.wait_for_url(re.compile(r"/themes/primary-secondary-integration/"))
    assert page.get_by_role("heading", level=1).inner_text().strip().endswith(THEME)


@pytest.mark.parametrize(
    ("person", "javascript"),
    [(Mouse, True), (Keyboard, True), (Mouse, False)],
    ids=["mouse", "keyboard-only", "javascript-off"],
)
def test_visitor_searches_narrows_compares_and_follows_a_theme(new_page, person, javascript):
    page = new_page(javascript=javascript)
    search_iapt_and_compare(page, person(page))


@pytest.mark.parametrize(("width", "height"), [(320, 568), (375, 667)])
def test_on_a_phone_the_first_result_is_on_the_first_screen(new_page, width, height):
    """The filters fold behind one "Filter results" line, opened by keyboard as by touch,
    and a chosen filter still shows as a chip above the results."""
    page = new_page(width=width)
    page.set_viewport_size({"width": width, "height": height})
    page.goto("/search/?q=peer+support&type=post")
    first = page.locator(".network-results > li h2 a").first
    box = first.bounding_box()
    line = 28  # the first line of the result's title, in the design system's type
    assert box["y"] + line <= height, f"the first result starts {box['y']:.0f} px down"
    assert page.locator(".network-chips").get_by_text("Reflections").first.is_visible()

    control = page.locator("summary", has_text="Filter results")
    assert control.is_visible()
    assert not page.locator("nav.network-facets").is_visible()
    control.focus()
    page.keyboard.press("Enter")
    assert page.locator("nav.network-facets").is_visible()
    assert page.locator("nav.network-facets a", has_text="Case studies").first.is_visible()

    assert run_axe(page) == []
    assert horizontal_overflow(page) <= 0
    save_screenshot(page, "search-results-phone", width)
