"""What the database path finds, from the corpus kept per content version.

Pages are matched by Wagtail's database search (full text over every indexed field,
body included), which only says which ids hold a concept (search/fulltext.py); member
profiles and the theme, sector and region pages are few and short, so they are matched
directly. Each gatherer applies the viewer's visibility first, so nothing a viewer may
not see is ever counted in a facet.
"""

import datetime
from dataclasses import dataclass, field

from wagtail.search.query import PlainText

from search import fulltext
from search.corpus import PAGE_KINDS

KIND_LABELS = {
    "post": "Reflections",
    "case-study": "Case studies",
    "event": "Events",
    "resource": "Resources",
    "member": "Members",
    "theme": "CMHF themes",
    "sector": "Sectors",
    "region": "Regions",
}


@dataclass(slots=True)
class Document:
    """A hit Elasticsearch found, with the fields of a corpus entry the results page reads
    (search/corpus.py), so the template does not care which engine answered."""

    kind: str
    pk: int
    title: str
    text: str = ""
    date: datetime.date | None = None
    facets: dict = field(default_factory=dict)

    @property
    def facet_pairs(self):
        return tuple((facet, value) for facet, values in self.facets.items() for value in values)


def passages(pks):
    """Each resource's document pages and how to name them, for the hits being shown."""
    from network.resources.models import DocumentText, ResourcePage

    documents = dict(ResourcePage.objects.filter(pk__in=pks).values_list("pk", "document_id"))
    texts = {
        text.document_id: text
        for text in DocumentText.objects.filter(
            document_id__in=[d for d in documents.values() if d], status="searchable"
        ).select_related("document")
    }
    return {pk: texts[document] for pk, document in documents.items() if document in texts}


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
    from network.membership import is_facilitator, is_member
    from network.models import Visibility

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
