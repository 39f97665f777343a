"""What the database path ranks and counts, read once per content version.

A search for a common word matches most of the site. Reading the title, summary, date,
region and terms of thousands of matches on every search, and folding their accents
again, cost more than everything else the search does together. None of it changes
until content does, and every change that could alter it (a page published, edited or
withdrawn, a term renamed, a profile changed) bumps the page cache's content version
(network/caching/page_cache.py), so this worker keeps one copy per version and the full-text
query only has to say which ids match (search/database/fulltext.py).

Entries hold every live page of each kind, whoever may read it; what a viewer may see is
applied per search (search/visible.py), as it is for Elasticsearch's hits.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from network.platform.content_versions import content_version
from network.platform.versioned import PerContentVersion
from search.language.text import fold, plain_text

PAGE_KINDS = ("post", "case-study", "event", "resource")
TERM_KINDS = ("theme", "sector", "region")


def match_key(text):
    """The text as concepts are compared with it: accents folded, lower case.

    A dotless i becomes i, as a case-blind expression would match it (a Turkish surname
    found by its spelling without the letter); it is the one such letter folding leaves,
    and the length stays the same.
    """
    return fold(text).lower().replace(DOTLESS_I, "i") if text else ""


DOTLESS_I = "\u0131"


@dataclass(slots=True, eq=False)
class Entry:
    """One searchable thing; read by every search of this version, changed by none."""

    kind: str
    pk: int
    title: str
    text: str
    date: datetime.date | None
    facets: dict
    title_key: str
    text_key: str
    # Member profiles only: who may find them (network.models.members.listed_to).
    visibility: str = ""
    user_id: int | None = None
    # Set once all are read: (facet, value) pairs for counting, and the position among
    # all entries newest first then by title, which settles ties in ranking.
    facet_pairs: tuple = ()
    order: int = 0

    @property
    def day(self):
        """Newest first, undated last, as one number."""
        return -self.date.toordinal() if self.date else 1


def _entry(kind, pk, title, text, day, facets, **extra):
    facets = {facet: _shared(values) for facet, values in facets.items() if values}
    return Entry(kind, pk, title, text, day, facets, match_key(title), match_key(text), **extra)


_sets = {}


def _shared(values):
    """One frozen set for each distinct set of values ({"post"}, {"2025"}, a theme pair):
    thousands of entries share a few hundred, which halves what the corpus keeps."""
    values = frozenset(values)
    return _sets.setdefault(values, values)


@dataclass
class Corpus:
    pages: dict = field(default_factory=dict)  # kind -> {pk: Entry}
    members: list = field(default_factory=list)
    terms: list = field(default_factory=list)

    def __post_init__(self):
        # Every profile's and term's match keys in one list each, for Concept.found_among.
        self.member_keys = ([e.title_key for e in self.members], [e.text_key for e in self.members])
        self.term_keys = ([e.title_key for e in self.terms], [e.text_key for e in self.terms])


def _terms_by_page(model):
    """Each page's theme and sector slugs, from the two tag tables."""
    owner = f"{model._meta.model_name}_id"
    tagged = {}
    for facet, through, term in (
        ("theme", model.themes.through, "theme"),
        ("sector", model.sectors.through, "sector"),
    ):
        rows = through.objects.values_list(owner, f"{term}__slug").iterator(chunk_size=5000)
        for pk, slug in rows:
            tagged.setdefault(pk, {}).setdefault(facet, set()).add(slug)
    return tagged


def _pages(kind, model, columns, describe):
    """Every live page of one kind as entries; ``describe`` turns a row into its parts."""
    tagged = _terms_by_page(model)
    entries = {}
    rows = model.objects.live().values_list("pk", *columns).iterator(chunk_size=5000)
    for pk, *row in rows:
        title, text, day, facets = describe(*row)
        facets["type"] = {kind}
        if day is not None:
            facets["year"] = {str(day.year)}
        facets.update(tagged.get(pk, {}))
        entries[pk] = _entry(kind, pk, title, text, day, facets)
    return entries


def _region(slug):
    return {"region": {slug}} if slug else {}


def _posts():
    from blog.models import BlogPage

    return _pages(
        "post",
        BlogPage,
        ("title", "summary", "date", "region__slug"),
        lambda title, summary, day, region: (title, summary, day, _region(region)),
    )


def _case_studies():
    from casestudies.models import CaseStudyPage

    def describe(title, summary, key_learning, day, region, status, integration):
        facets = {**_region(region), "status": {status}, "integration": {integration}}
        return title, f"{summary} {plain_text(key_learning)}", day, facets

    columns = (
        "title",
        "summary",
        "key_learning",
        "date_published",
        "region__slug",
        "status",
        "integration_type",
    )
    return _pages("case-study", CaseStudyPage, columns, describe)


def _timed(title, summary, moment, region):
    """Events and resources: dated by a moment (a start, a first publication) on the
    local calendar."""
    return title, summary, timezone.localdate(moment) if moment else None, _region(region)


def _events():
    from network.events.models import EventPage

    columns = ("title", "summary", "starts_at", "region__slug")
    return _pages("event", EventPage, columns, _timed)


def _resources():
    from network.resources.models import ResourcePage

    columns = ("title", "summary", "first_published_at", "region__slug")
    return _pages("resource", ResourcePage, columns, _timed)


def _members():
    from network.models import MemberProfile

    interests = {}
    through = MemberProfile.interests.through.objects
    for owner, slug in through.values_list("memberprofile_id", "theme__slug"):
        interests.setdefault(owner, set()).add(slug)
    rows = MemberProfile.objects.values_list(
        "pk",
        "name",
        "role",
        "organisation",
        "bio",
        "sector__slug",
        "region__slug",
        "visibility",
        "user_id",
    )
    entries = []
    for pk, name, role, organisation, bio, sector, region, visibility, user_id in rows:
        text = " · ".join(part for part in (role, organisation, bio) if part)
        facets = {
            "type": {"member"},
            "sector": {sector} if sector else set(),
            "region": {region} if region else set(),
            "theme": interests.get(pk, set()),
        }
        entries.append(
            _entry("member", pk, name, text, None, facets, visibility=visibility, user_id=user_id)
        )
    return entries


def _taxonomy_terms():
    from network.models import Region, Sector, Theme

    return [
        _entry(kind, pk, name, description, None, {"type": {kind}})
        for kind, model in (("theme", Theme), ("sector", Sector), ("region", Region))
        for pk, name, description in model.objects.values_list("pk", "name", "description")
    ]


def _build():
    _sets.clear()
    pages = {
        "post": _posts(),
        "case-study": _case_studies(),
        "event": _events(),
        "resource": _resources(),
    }
    built = Corpus(pages=pages, members=_members(), terms=_taxonomy_terms())
    every = [entry for entries in pages.values() for entry in entries.values()]
    every += built.members + built.terms
    every.sort(key=lambda entry: (entry.day, entry.title.lower(), entry.kind, entry.pk))
    pairs = {}
    for position, entry in enumerate(every):
        entry.order = position
        entry.facet_pairs = tuple(
            pairs.setdefault(pair, pair)
            for facet, values in entry.facets.items()
            for pair in ((facet, value) for value in values)
        )
    _sets.clear()
    return built


_kept = PerContentVersion(_build)


def corpus():
    return _kept.get(content_version())
