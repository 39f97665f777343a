"""What a page under review still lacks before it can be published.

Publishing saves the page, and saving runs the page's own validation; a member's
suggestion is a draft that a facilitator completes (a case study's integration type,
for one), so approving it as it stands would fail. The queue and the approve button ask
here first, and offer the editor instead of a decision that cannot succeed.
"""

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.utils.text import capfirst

# Decisions that publish, in Wagtail's group approval task and the facilitator review.
PUBLISHING_ACTIONS = frozenset({"approve"})


def _label(page, name):
    try:
        return capfirst(page._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return capfirst(name.replace("_", " "))


def publishing_gaps(page):
    """Labels of the fields the latest revision leaves incomplete, in the page's order,
    then any rule about the page as a whole; empty when it can be published."""
    draft = page.get_latest_revision_as_object() if page.latest_revision_id else page
    try:
        draft.full_clean()
    except ValidationError as error:
        problems = error.message_dict
    else:
        return []
    order = [field.name for field in draft._meta.fields]
    named = sorted((name for name in problems if name != NON_FIELD_ERRORS), key=order.index)
    gaps = [_label(draft, name) for name in named]
    return gaps + list(problems.get(NON_FIELD_ERRORS, ()))


def decidable_actions(actions, gaps):
    """The queue's actions, less those that would publish a page with gaps."""
    if not gaps:
        return actions
    return [action for action in actions if action[0] not in PUBLISHING_ACTIONS]


def gaps_sentence(gaps):
    """Semicolons, since a label may hold an "and" of its own ("Cost and funding")."""
    return "; ".join(gaps)
