"""A real Chromium, driven by Playwright, against the site served by a live server.

Debian's chromium is used because Playwright's own browser download cannot run here.
Playwright's synchronous API keeps an event loop in the test thread, so Django's guard
against ORM calls from async code is lifted while a browser is open (the calls are still
made synchronously, from this one thread). With CI=true a missing Chromium fails rather
than skips, so a green CI run always means the browser tests ran.
"""

import contextlib
from pathlib import Path

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connections
from django.test import Client

from tests.services import require

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
WIDTHS = (320, 768, 1280)

browser_test = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def browser(demo, monkeypatch):
    """One Chromium per test, started after the database is ready and closed before the
    test's data is flushed: Playwright's event loop must not be running while Django
    restores the migrated data between tests."""
    require(CHROMIUM.exists(), f"{CHROMIUM} is not installed")
    require(AXE.exists(), "axe-core is not installed (npm ci)")
    from playwright.sync_api import sync_playwright

    # Only while the browser runs: a subprocess started by another test must not inherit it.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()
    # Queries made while Playwright's loop ran may have opened their own connections.
    connections.close_all()


@pytest.fixture
def demo(live_server, settings):
    """The demo content, as `make run` shows it, served at live_server.url."""
    settings.ALLOWED_HOSTS = ["*"]
    # `make run` sets SITE_URL to the address it serves and the demo points the Site at
    # it, so pages and emails link back to it.
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    # Rate-limit counters (one verification email per address every few minutes) and
    # cached pages from an earlier test must not carry over into this one.
    for cache in caches.all():
        cache.clear()
    call_command("load_demo", verbosity=0)
    return live_server.url


def _context(browser, base_url, **options):
    context = browser.new_context(base_url=base_url, bypass_csp=True, **options)
    context.set_default_timeout(10_000)
    return context


@pytest.fixture
def new_page(browser, demo):
    """Open a page, optionally signed in as `user` and with JavaScript off."""
    contexts = []

    def open_page(user=None, javascript=True, width=1280):
        context = _context(
            browser,
            demo,
            java_script_enabled=javascript,
            viewport={"width": width, "height": 900},
        )
        if user is not None:
            client = Client()
            client.force_login(user)
            context.add_cookies(
                [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": demo}]
            )
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


FOCUS_STYLE = """(element) => {
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    return outline || style.boxShadow !== "none";
}"""


def focus_is_visible(page, element):
    return page.evaluate(FOCUS_STYLE, element)


def run_axe(page, include=None):
    """Violations of the WCAG 2.0, 2.1 and 2.2 A and AA rules on the page as it is now.

    `include` narrows the check to those CSS selectors (each must match something).
    """
    page.add_script_tag(path=str(AXE))
    if include:
        missing = [selector for selector in include if not page.locator(selector).count()]
        assert not missing, f"nothing on the page matches {missing}"
    return page.evaluate(
        """async (include) => {
            const context = include ? {include: include.map((selector) => [selector])} : document;
            const report = await axe.run(context, {
                runOnly: {type: "tag", values: [
                    "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"
                ]},
            });
            return report.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
            }));
        }""",
        include,
    )


OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def horizontal_overflow(page):
    """Sideways scroll in pixels once the layout has settled after a resize.

    The header moves links into its "More" menu from a resize handler, so the page is
    given up to two seconds to finish reflowing before what remains is reported.
    """
    from playwright.sync_api import TimeoutError as StillOverflowing

    with contextlib.suppress(StillOverflowing):
        page.wait_for_function(f"({OVERFLOW})() <= 0", timeout=2000)
    return page.evaluate(OVERFLOW)


def save_screenshot(page, name, width):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)


def tab_to(page, locator, limit=150, backwards=False):
    """Press Tab (or Shift+Tab) until the locator has focus, as a keyboard user would."""
    target = locator.element_handle()
    for _ in range(limit):
        if page.evaluate("(element) => element === document.activeElement", target):
            return
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
    raise AssertionError(f"could not reach {locator} with the keyboard")
