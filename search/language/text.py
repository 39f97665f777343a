"""Words as the database search path compares them.

The database backends differ in how they stem (PostgreSQL's English configuration does,
SQLite's FTS5 table does not), so the search adds simple word forms itself and both paths
then find "therapy" for "therapies" and "team" for "teams".
"""

import html
import re
import unicodedata

from django.utils.html import strip_tags

APOSTROPHES_AND_HYPHENS = "'\u2019-"
WORD = re.compile(rf"[a-z0-9]+(?:[{APOSTROPHES_AND_HYPHENS}][a-z0-9]+)*")

STOPWORDS = frozenset(
    """
    a about an and are as at be but by can do for from how i in into is it its of on or
    our so than that the their them there these they this to was we were what when where
    which who why will with without you your
    """.split()  # noqa: SIM905 - a paragraph of words reads better than 50 strings
)


def normalise(text):
    """Lower case without accents, so "Café" and "cafe" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def _fold_char(char):
    base = unicodedata.normalize("NFKD", char)[:1]
    return base if base and base.isascii() and base.isalnum() else char


def fold(text):
    """Accents removed character by character, so positions still match the original.

    Matching runs on folded text and highlighting marks the same spans of the original,
    so "Sian" finds "Siân" and the mark lands on "Siân".
    """
    if not text or text.isascii():
        return text or ""  # the common case, and the one ranking calls thousands of times
    return "".join(_fold_char(char) if ord(char) > 127 else char for char in text)


def printable(text):
    """Control characters (a NUL byte among them) removed: no database accepts them all."""
    return "".join(char for char in text or "" if char.isprintable() or char in " \t")


def words(text):
    return WORD.findall(normalise(text))


def singular(word):
    """Only plural endings come off here: "-ing" would take "evening" to "even"."""
    for suffix, replacement in (("ies", "y"), ("sses", "ss"), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            if suffix == "es" and not word.endswith(("shes", "ches", "xes", "sses", "zes")):
                continue
            return word[: -len(suffix)] + replacement
    return word


def stem(word):
    """A light English stem: plurals and "-ing" come off, enough to meet word forms half way.

    Used for keys (synonyms, the vocabulary), never to widen a query.
    """
    if word.endswith("ing") and len(word) >= 6:
        return word[:-3]
    return singular(word)


def forms(word):
    """The word with its plural and singular forms, for query expansion."""
    found = {word}
    base = singular(word)
    found.add(base)
    if len(word) >= 3 and word.isalpha():
        if base.endswith("y") and base[-2:-1] not in "aeiou":
            found.add(base[:-1] + "ies")
        elif base.endswith(("s", "sh", "ch", "x", "z")):
            found.add(base + "es")
        else:
            found.add(base + "s")
    return found


def phrase_pattern(phrase):
    """A regular expression matching the phrase as whole words, in any of its word forms."""
    parts = []
    for word in words(phrase):
        alternatives = sorted(forms(word), key=len, reverse=True)
        parts.append("(?:" + "|".join(re.escape(form) for form in alternatives) + ")")
    if not parts:
        return None
    return r"(?<![a-z0-9])" + "[\\s\\-\u2013]+".join(parts) + r"(?![a-z0-9])"


BLOCK_END = re.compile(r"</(p|li|h[1-6]|blockquote|div)>|<br\s*/?>", re.IGNORECASE)


def plain_text(rich_text):
    """Rich text as a reader sees it in a result's snippet: blocks apart, entities decoded."""
    return html.unescape(strip_tags(BLOCK_END.sub(" ", rich_text or "")))
