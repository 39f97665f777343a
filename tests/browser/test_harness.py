"""The browser checks themselves: each must catch the fault it exists to catch."""

from tests.browser.conftest import browser_test, focus_is_visible, horizontal_overflow, run_axe

pytestmark = browser_test

FAULTY = """<!DOCTYPE html><html><head><title>Faults</title>
<style>#plain:focus { outline: none; box-shadow: none; }</style></head>
<body><main>
<img src="/static/nothing.png">
<p style="color:#aaa;background:#bbb">Low contrast text</p>
<input type="text">
<a id="plain" href="/">Plain link</a>
<div style="width:900px">Too wide</div>
</main></body></html>"""


def test_axe_reports_missing_alt_text_labels_and_contrast(new_page):
    page = new_page()
    page.goto("/")
    page.set_content(FAULTY)
    rules = {violation["id"] for violation in run_axe(page)}
    assert {"image-alt", "label", "color-contrast"} <= rules


def test_overflow_and_invisible_focus_are_caught(new_page):
    page = new_page(width=320)
    page.goto("/")
    page.set_content(FAULTY)
    assert horizontal_overflow(page) > 0
    page.locator("#plain").focus()
    assert not focus_is_visible(page, page.locator("#plain").element_handle())
