"""Text that must stay on one line wherever it goes: titles, names, email headers.

A title goes into email subjects, page titles, listings and calendar files, where a line
break either ends a header or breaks the file, so every way a title or a term's name is
saved keeps it to one line.
"""

import re

# Control characters (CR, LF, tab, vertical tab, form feed, the separators \x1c-\x1f, NEL
# \x85 and the rest of C0 and C1) and the Unicode line and paragraph separators: any of
# them can end a header line in some mail program.
_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_SPACES = re.compile(r" {2,}")


def one_line(text):
    """Text as a single line: every line break or control character becomes one space."""
    return _SPACES.sub(" ", _BREAKS.sub(" ", str(text))).strip()


def fields_on_one_line(*names):
    """A pre_save receiver that keeps the named text fields on one line.

    Connected per sender (every page type, every term) when the apps start, so a title
    typed with a line break in the admin is saved the way the member forms save one.
    """

    def receiver(sender, instance, **kwargs):
        for name in names:
            value = getattr(instance, name, None)
            if isinstance(value, str):
                setattr(instance, name, one_line(value))

    return receiver
