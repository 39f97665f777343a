"""Limits on what member Markdown may ask of the renderer, checked before it runs.

Python-Markdown looks for the end of every ``[`` and ``<`` by scanning forward through
the rest of the paragraph, so text made of thousands of openers that never close (a
reflection of ``![![![...``) costs time in proportion to the square of its length:
seconds for one comment, half a minute for one reflection. Deeply nested lists recurse
once per level and end in RecursionError. Neither is something a person writes.

Two remedies, both checked in time proportional to the length of the text:

* Each link and image processor may look only a bounded distance for the end of what
  it opened, and all of them together only a bounded total per text. Every link a
  person writes closes within a few thousand characters and renders as before; an
  opener that would have needed more comes out as the literal character it is.
* Nesting deeper than anyone uses is refused with a message that says which line,
  before any rendering, and the member's text stays in the form for them to change.
"""

import re

import markdown as markdown_lib
from django.core.exceptions import ValidationError
from markdown import inlinepatterns

MAX_NESTING = 16
# How far the renderer may look for the end of one link, its text and address together.
LONGEST_LINK = 3000
# The most the renderer may scan for the ends of links in one text, all openers together.
SCAN_BUDGET = 200_000
# One list item or quote marker at the start of a line (after the ones before it).
_NESTING_MARKER = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)]|>)(?=[ \t]|$|>)")


def nesting_depth(line):
    """How many lists and quotes a line opens: indentation plus the markers it starts with."""
    stripped = line.lstrip(" \t")
    indent = len(line) - len(stripped)
    indent += line[:indent].count("\t") * 3  # a tab indents like four spaces
    depth = indent // 2
    position = 0
    while match := _NESTING_MARKER.match(line, position):
        if match.end() == position:
            break
        depth += 1
        position = match.end()
    return depth


def validate_structure(source):
    """Refuse nesting the renderer cannot take, naming the line so it can be found."""
    for number, line in enumerate(source.splitlines(), start=1):
        if nesting_depth(line) > MAX_NESTING:
            raise ValidationError(
                f"Line {number} is nested too deeply: lists and quotes can go up to "
                f"{MAX_NESTING} levels, inside one another. Remove some of the spaces, "
                "dashes, numbers or “>” marks at the start of that line.",
                code="markdown_nesting",
            )


class _Budget:
    def __init__(self, total):
        self.left = total


class _BoundedScan:
    """A link or image processor that may look only so far for the end of what it opened.

    Each opener gets a window of the text, no longer than one real link could be and no
    longer than what is left of the text's budget. Past the window, the opener is plain
    text, which is what an unclosed ``[`` comes out as anyway.
    """

    def handleMatch(self, m, data):  # noqa: N802 (Python-Markdown's name)
        budget = self.md.scan_budget
        start = m.start(0)
        reach = min(len(data), start + min(budget.left, LONGEST_LINK))
        window = data[start:reach]
        local = self.compiled_re.match(window)
        if local is None:
            budget.left -= min(budget.left, len(window))
            return None, None, None
        self._scan_end = 0
        element, first, end = super().handleMatch(local, window)
        budget.left -= min(budget.left, max(self._scan_end, end or 0, local.end(0)))
        if first is None or end is None:
            return None, None, None
        return element, first + start, end + start

    def getText(self, data, index):  # noqa: N802 (Python-Markdown's name)
        text, end, handled = super().getText(data, index)
        self._scan_end = max(self._scan_end, end)
        return text, end, handled

    def getLink(self, data, index):  # noqa: N802 (Python-Markdown's name)
        href, title, end, handled = super().getLink(data, index)
        self._scan_end = max(self._scan_end, len(data) if not handled else end)
        return href, title, end, handled

    def evalId(self, data, index, text):  # noqa: N802 (Python-Markdown's name)
        found, end, handled = super().evalId(data, index, text)
        self._scan_end = max(self._scan_end, end if handled else len(data))
        return found, end, handled


# The processors that scan for a closing bracket, by the names and priorities
# Python-Markdown registers them under (markdown.inlinepatterns.build_inlinepatterns).
_LINK_PROCESSORS = {
    "reference": (inlinepatterns.ReferenceInlineProcessor, 170),
    "link": (inlinepatterns.LinkInlineProcessor, 160),
    "image_link": (inlinepatterns.ImageInlineProcessor, 150),
    "image_reference": (inlinepatterns.ImageReferenceInlineProcessor, 140),
    "short_reference": (inlinepatterns.ShortReferenceInlineProcessor, 130),
    "short_image_ref": (inlinepatterns.ShortImageReferenceInlineProcessor, 125),
}

_BOUNDED = {
    processor: type(f"Bounded{processor.__name__}", (_BoundedScan, processor), {})
    for processor, _priority in _LINK_PROCESSORS.values()
}


def bounded_markdown():
    """A fresh Markdown converter whose work grows with the length of the text only.

    Raw HTML blocks are not lifted out: Python's HTML parser, which does that, slows
    down with the square of the number of unclosed tags. Tags a member writes still reach
    the sanitiser inside their paragraph, so nothing they may use is lost.
    """
    md = markdown_lib.Markdown(extensions=["sane_lists"], output_format="html")
    md.preprocessors.deregister("html_block")
    for name, (processor, priority) in _LINK_PROCESSORS.items():
        original = md.inlinePatterns[name]
        md.inlinePatterns.register(_BOUNDED[processor](original.pattern, md), name, priority)
    md.scan_budget = _Budget(SCAN_BUDGET)
    return md
