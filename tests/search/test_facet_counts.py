"""Facet counts taken in one pass equal each facet counted on its own, disjunctively."""

import random
from collections import Counter

from search.facets import Facet, count, facet_result, passes
from search.results import Document

OPTIONS = {
    "type": ["post", "case-study", "member"],
    "theme": ["access", "co-production", "supervision", "crisis"],
    "sector": ["nhs", "vcse", "local-authority"],
    "year": ["2024", "2025", "2026"],
}
FACETS = [
    Facet(param, param.title(), [(value, value) for value in values])
    for param, values in OPTIONS.items()
]


def each_facet_alone(documents, selected):
    results = []
    for facet in FACETS:
        counter = Counter()
        for document in documents:
            if passes(document, selected, skip=facet.param):
                counter.update(document.facets.get(facet.param, ()))
        results.append(facet_result(facet, counter, selected))
    return results


def test_one_pass_counts_equal_each_facet_counted_alone():
    rng = random.Random(2026)
    documents = [
        Document(
            kind="post",
            pk=number,
            title=f"Document {number}",
            facets={
                param: set(rng.sample(values, rng.randint(0, min(2, len(values)))))
                for param, values in OPTIONS.items()
                if rng.random() > 0.1  # some documents lack a facet altogether
            },
        )
        for number in range(300)
    ]
    for _ in range(200):
        selected = {
            param: rng.sample(values, rng.randint(1, 2))
            for param, values in OPTIONS.items()
            if rng.random() < 0.4
        }
        assert count(documents, FACETS, selected) == each_facet_alone(documents, selected), selected
