"""A member's Markdown kept together with the markup it was rendered to when saved.

Rendering runs once, at save time, so a page view or the moderation queue only ever
serves stored, sanitised markup: however a text was crafted, reading it costs nothing
more than reading any other. The source stays beside it for editing and searching.
"""

from django.utils.safestring import SafeString, mark_safe

from network.text.sanitiser import markdown_to_html


class MemberText(str):
    """The Markdown source itself, so it can be edited, counted and indexed as text."""

    def __new__(cls, source="", html=None):
        text = super().__new__(cls, source or "")
        text._html = html
        return text

    @property
    def html(self) -> SafeString:
        if self._html is None:
            self._html = markdown_to_html(str(self))
        # Only ever the output of markdown_to_html, stored as it came out of the sanitiser.
        return mark_safe(self._html)

    def stored(self):
        """The JSON kept in the database: the source and the markup made from it."""
        return {"source": str(self), "html": str(self.html)}

    @classmethod
    def from_stored(cls, value):
        if isinstance(value, cls):
            return value
        if isinstance(value, dict):
            return cls(value.get("source", ""), value.get("html"))
        return cls(value or "")  # saved before markup was stored: rendered on first use
