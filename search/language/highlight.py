"""Snippets with the matched words marked, escaped before any markup is added.

The text comes from members, so it is escaped piece by piece and only the <mark>
elements the search adds are markup: a member's "<script>" arrives as text.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.language.text import fold

SNIPPET_LENGTH = 260


def _spans(text, concepts):
    spans = []
    for concept in concepts:
        spans.extend(match.span() for match in concept.pattern.finditer(fold(text)))
    spans.sort()
    merged = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def highlight(text, concepts, length=SNIPPET_LENGTH):
    text = " ".join((text or "").split())  # plain text: rich text is flattened when gathered
    spans = _spans(text, concepts)
    start, end = 0, len(text)
    if len(text) > length:
        if spans and spans[0][0] > length // 3:
            start = text.rfind(" ", 0, spans[0][0] - length // 4) + 1
        end = text.find(" ", start + length)
        end = len(text) if end == -1 else end
    pieces = ["…" if start else ""]
    cursor = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        pieces.append(escape(text[cursor:span_start]))
        pieces.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    pieces.append(escape(text[cursor:end]))
    if end < len(text):
        pieces.append("…")
    return mark_safe("".join(pieces))  # every piece of text is escaped above


def passage(pages, concepts, length=SNIPPET_LENGTH):
    """The first page that holds a word asked for, and that page's passage around it.

    Returns (page number from 1, snippet) or None when no page matches, as when the
    document matched only through a word form the patterns do not cover.
    """
    for number, text in enumerate(pages, start=1):
        if any(concept.matches(text) for concept in concepts):
            return number, highlight(text, concepts, length)
    return None
