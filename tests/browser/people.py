"""Two ways of using the site in a journey: with the mouse, or with the keyboard alone.

A journey is written once against these verbs; the keyboard person reaches every
control with Tab or Shift+Tab and acts with Enter, Space or typing, never a click.
"""

from tests.browser.conftest import tab_to


class Mouse:
    def __init__(self, page):
        self.page = page

    def type_into(self, locator, text):
        locator.fill(text)

    def choose(self, select, label):
        select.select_option(label=label)

    def follow(self, locator):
        locator.click()

    def tick(self, locator):
        locator.check()

    def press_button(self, button):
        button.click()


class Keyboard(Mouse):
    def type_into(self, locator, text, attempts=3):
        """Type the text, and type it again if the field did not take every key.

        A field whose scripts are still starting (the admin's comment dialog on a busy
        machine) can drop keys typed into it; a person would see that and retype.
        """
        tab_to(self.page, locator)
        for _ in range(attempts):
            self.page.keyboard.press("Control+A")
            self.page.keyboard.type(text)
            if locator.input_value() == text:
                return
            self.page.wait_for_timeout(250)
        assert locator.input_value() == text

    def choose(self, select, label):
        tab_to(self.page, select)
        self.page.keyboard.type(label)
        assert select.evaluate("(element) => element.selectedOptions[0].label") == label

    def follow(self, locator):
        tab_to(self.page, locator)
        self.page.keyboard.press("Enter")

    def tick(self, locator):
        if not _reachable_forwards(self.page, locator):
            tab_to(self.page, locator, backwards=True)
        self.page.keyboard.press("Space")
        assert locator.is_checked()

    def press_button(self, button):
        tab_to(self.page, button)
        self.page.keyboard.press("Enter")


def _reachable_forwards(page, locator, limit=150):
    """Tab forwards to the control if it lies ahead; False (focus unchanged) if not."""
    target = locator.element_handle()
    ahead = page.evaluate(
        """(target) => {
            const here = document.activeElement;
            if (!here || here === document.body) return true;
            return !!(here.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING);
        }""",
        target,
    )
    if not ahead:
        return False
    tab_to(page, locator, limit=limit)
    return True
