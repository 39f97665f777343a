"""What the database path finds, from the corpus kept per content version.

Pages are matched by Wagtail's database search (full text over every indexed field,
body included), which only says which ids hold a concept (search/database/fulltext.py); member
profiles and the theme, sector and region pages are few and short, so they are matched
directly. Each gatherer applies the viewer's visibility first, so nothing a viewer may
not see is ever counted in a facet.
"""

from wagtail.search.query import PlainText

from search.database import fulltext
from search.database.corpus import PAGE_KINDS


def pages(kept, user, concepts, anywhere):
    """Every page the viewer may see that holds a concept: all of them to browse a facet.

    Each gatherer takes the corpus it reads from its caller, so that one search reads
    one version even when content changes while it runs.
    """
    from search.visible import visible_ids

    found = []
    for kind in PAGE_KINDS:
        allowed = visible_ids(user, kind)
        pks = set().union(*(ids[kind] for ids in anywhere)) & allowed if concepts else allowed
        entries = kept.pages[kind]
        found.extend(entries[pk] for pk in pks if pk in entries)
    return found


def _holding_a_concept(entries, keys, concepts):
    """The entries whose name or text holds any of the concepts; all of them when none."""
    if not concepts:
        return list(entries)
    names, texts = keys
    held = set()
    for concept in concepts:
        held |= concept.found_among(names) | concept.found_among(texts)
    return [entries[position] for position in sorted(held)]


def members(kept, user, concepts):
    """Profiles the viewer may find, as the directory lists them (``listed_to``), matched in
    Python so that accents fold ("Sian" finds "Siân")."""
    from network.models import Visibility
    from network.platform.membership import is_facilitator, is_member

    everyone = is_facilitator(user)
    shown = {Visibility.PUBLIC, Visibility.MEMBERS} if is_member(user) else {Visibility.PUBLIC}
    own = user.pk if getattr(user, "is_authenticated", False) else None
    return [
        entry
        for entry in _holding_a_concept(kept.members, kept.member_keys, concepts)
        if everyone or entry.visibility in shown or (own is not None and entry.user_id == own)
    ]


def taxonomy_terms(kept, concepts):
    return _holding_a_concept(kept.terms, kept.term_keys, concepts)


def found_as_typed(user, word):
    """Whether any post, case study, event or resource the viewer may see has the word."""
    from search.visible import visible_ids

    found = fulltext.matching(PlainText(word))
    return any(found[kind] & visible_ids(user, kind) for kind in PAGE_KINDS)
