"""Facets for the search page, counted the way a shopper expects.

Values within a facet widen the results (OR); different facets narrow them (AND). Each
facet's counts are taken with every other facet's selection applied but not its own, so
a visitor can see how many results ticking another value of the same facet would add.
Values that are not options are ignored, as if they had not been given.
"""

from collections import Counter
from dataclasses import dataclass, field
from itertools import chain

from network.platform.content_versions import content_version
from network.platform.versioned import PerContentVersion
from search.results import KIND_LABELS


@dataclass
class Facet:
    param: str
    label: str
    options: list = field(default_factory=list)  # (value, label) pairs in display order

    def values(self, params):
        valid = {value for value, _label in self.options}
        chosen = []
        for value in params.getlist(self.param):
            value = value.strip()
            if value in valid and value not in chosen:
                chosen.append(value)
        return chosen


# The query-string names of the facets below, for code that only needs to recognise them.
FACET_PARAMS = ("type", "theme", "sector", "region", "year", "status", "integration")


def _term_options():
    from network.models import Region, Sector, Theme

    return {
        name: list(model.objects.values_list("slug", "name"))
        for name, model in (("theme", Theme), ("sector", Sector), ("region", Region))
    }


# Terms change only when facilitators edit them, which bumps the content version.
_terms = PerContentVersion(_term_options)


def theme_options():
    """The themes as (slug, name) pairs, in the order the facet lists them."""
    return _terms.get(content_version())["theme"]


def build_facets(years):
    from casestudies.choices import IntegrationType, Status

    terms = _terms.get(content_version())
    return [
        Facet("type", "Content type", list(KIND_LABELS.items())),
        Facet("theme", "CMHF theme", list(terms["theme"])),
        Facet("sector", "Sector", list(terms["sector"])),
        Facet("region", "Region", list(terms["region"])),
        Facet("year", "Year", [(str(year), str(year)) for year in sorted(years, reverse=True)]),
        Facet("status", "Case study status", list(Status.choices)),
        Facet("integration", "Integration type", list(IntegrationType.choices)),
    ]


EMPTY = frozenset()


def passes(document, selected, skip=None):
    facets = document.facets
    for param, values in selected.items():
        if param != skip and facets.get(param, EMPTY).isdisjoint(values):
            return False
    return True


@dataclass
class FacetCount:
    value: str
    label: str
    count: int
    selected: bool
    toggle_query: str = ""


@dataclass
class FacetResult:
    param: str
    label: str
    values: list

    @property
    def has_selection(self):
        return any(value.selected for value in self.values)


def count(documents, facets, selected):
    """Counts for every option of every facet, over the documents, disjunctively."""
    return tally(documents, facets, selected)[0]


def tally(documents, facets, selected):
    """The facets' counts (as count() gives them) and the documents that pass them all.

    One pass over the documents for all facets: a document that meets every selection
    counts in every facet, one that misses a single facet's selection counts in that
    facet alone (ticking another of its values would add it), and one that misses two
    counts nowhere. The same as counting each facet with ``passes(..., skip=facet)``.
    Each document carries its (facet, value) pairs, so the counting itself is one
    Counter fed in C.
    """
    chosen = list(selected.items())
    counted = Counter()
    passing = documents
    if not chosen:
        counted.update(chain.from_iterable(document.facet_pairs for document in documents))
    else:
        passing = []
        counted_everywhere = []
        for document in documents:
            found = document.facets
            missed = None
            for param, values in chosen:
                if found.get(param, EMPTY).isdisjoint(values):
                    if missed is not None:
                        missed = _TWO
                        break
                    missed = param
            if missed is None:
                passing.append(document)
                counted_everywhere.append(document.facet_pairs)
            elif missed is not _TWO:
                counted.update(pair for pair in document.facet_pairs if pair[0] == missed)
        counted.update(chain.from_iterable(counted_everywhere))
    by_facet = {facet.param: {} for facet in facets}
    for (param, value), number in counted.items():
        if param in by_facet:
            by_facet[param][value] = number
    return [facet_result(facet, by_facet[facet.param], selected) for facet in facets], passing


_TWO = object()  # a document that misses two facets' selections


def facet_result(facet, counts, selected):
    """Every option that has results or was chosen, with its count, in display order."""
    chosen = selected.get(facet.param, [])
    values = [
        FacetCount(value, label, counts.get(value, 0), value in chosen)
        for value, label in facet.options
        if counts.get(value, 0) or value in chosen
    ]
    return FacetResult(facet.param, facet.label, values)
