"""How many links a new member's text holds, counted as a reader will see them.

A limit on links in a newcomer's first posts and comments keeps spam out of the review
queue, but it must count what the page will show: `[text](https://www.example.org/)` is
one link, not three. So the text is rendered by the site's one sanitiser, exactly as it
will be published, and each anchor that still has somewhere to go counts once (a bare
address the sanitiser turns into a link counts too; a refused target, left as plain
words, does not).
"""

import re

from django.core.exceptions import ValidationError

from network.text.sanitiser import markdown_to_html

# The sanitiser writes every anchor it keeps as `<a href="…"`; one it refused has no href.
_ANCHOR_WITH_TARGET = re.compile(r"<a\s[^>]*\bhref=", re.IGNORECASE)


def count_links(source):
    return len(_ANCHOR_WITH_TARGET.findall(str(markdown_to_html(source))))


def check_link_limit(source, limit, what):
    """Refuse a text with more than `limit` links, saying how many it has and why.

    `what` names the member's text in the message ("posts", "comments")."""
    links = count_links(source)
    if links > limit:
        raise ValidationError(
            f"Your first {what} can contain up to {limit} "
            f"{'link' if limit == 1 else 'links'}; this one has {links}. "
            f"The limit goes once facilitators have approved a few of your {what}.",
            code="too_many_links",
        )
