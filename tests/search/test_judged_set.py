"""Both search paths scored on the judged set (tests/data/relevance/), kind by kind.

Over 150 queries, written as the platform's visitors and members type them, graded 0 to 2
against over 150 documents of every kind before anyone looked at what either path
returns (the notes beside each grade say why). The table printed gives nDCG@10 per kind
of query for the database path, Elasticsearch on words alone, and Elasticsearch with
the local language model (hybrid), which is kept only while it helps.
"""

import sys
from collections import defaultdict

import ir_measures
import pytest
from django.test import Client
from ir_measures import nDCG

from search.semantic import model as language_model
from tests.search import judged_corpus
from tests.services import require

pytestmark = pytest.mark.django_db
KINDS = ("people", "question", "acronym", "typo", "american", "topical", "facet")
TOLERANCE = 0.02
# Kinds on which Elasticsearch already ranks at least as well as the database path. On
# acronyms and topical words it is still short of it (see the README's Search section);
# each is held to its measured figure less a margin, so a change that makes them worse
# fails, until the work that closes the gap moves them here.
AT_LEAST_DATABASE = ("people", "question", "typo", "american", "facet")
HYBRID_FLOORS = {"acronym": 0.75, "topical": 0.76}
# From the scored runs less a margin: hybrid 0.737, words alone 0.703, database 0.693.
HYBRID_BAR = 0.71
DATABASE_BAR = 0.66


def score(judged, urls):
    """(engine, {kind: nDCG@10}, overall, weakest queries)."""
    client = Client()
    qrels, run, engines = [], [], set()
    kind_of = {}
    for number, item in enumerate(judged):
        query_id = f"q{number}"
        kind_of[query_id] = item["kind"]
        qrels.extend(
            ir_measures.Qrel(query_id, urls[key], grade) for key, grade in item["grades"].items()
        )
        response = client.get("/search/", {"q": item["query"], **item.get("filters", {})})
        assert response.status_code == 200, item["query"]
        search = response.context["search"]
        engines.add(search.engine)
        shown = list(search.topics) + (list(search.page.object_list) if search.page else [])
        run.extend(
            ir_measures.ScoredDoc(query_id, hit.url, float(len(shown) - rank))
            for rank, hit in enumerate(shown)
        )
    (engine,) = engines
    per_query = {m.query_id: m.value for m in ir_measures.iter_calc([nDCG @ 10], qrels, run)}
    by_kind = defaultdict(list)
    for query_id in kind_of:
        by_kind[kind_of[query_id]].append(per_query.get(query_id, 0.0))
    kinds = {kind: sum(values) / len(values) for kind, values in by_kind.items()}
    overall = sum(per_query.get(q, 0.0) for q in kind_of) / len(kind_of)
    worst = sorted(kind_of, key=lambda q: per_query.get(q, 0.0))[:6]
    weakest = "; ".join(
        f"{judged[int(q[1:])]['query']!r} {per_query.get(q, 0.0):.2f}" for q in worst
    )
    return engine, kinds, overall, weakest


def table(rows, judged):
    counts = defaultdict(int)
    for item in judged:
        counts[item["kind"]] += 1
    names = list(rows)
    lines = ["kind of query (queries) | " + " | ".join(names)]
    for kind in KINDS:
        cells = " | ".join(f"{rows[name][1].get(kind, 0):.3f}" for name in names)
        lines.append(f"{kind} ({counts[kind]}) | {cells}")
    lines.append(f"all ({len(judged)}) | " + " | ".join(f"{rows[n][2]:.3f}" for n in names))
    for name in names:
        lines.append(f"weakest on {name}: {rows[name][3]}")
    return "\n".join(lines)


def test_the_judged_set_is_large_and_every_grade_has_a_note():
    judged = judged_corpus.queries()
    assert len(judged) >= 150
    keys = set()
    for name in ("posts", "case_studies", "events", "members", "resources"):
        keys.update(item["key"] for item in judged_corpus.read(f"{name}.json"))
    assert len(keys) >= 150
    assert {item["kind"] for item in judged} == set(KINDS)
    for item in judged:
        assert any(grade == 2 for grade in item["grades"].values()), item["query"]
        assert set(item["grades"]) <= set(item["notes"]), item["query"]
        pages = {key for key in item["grades"] if ":" not in key}
        assert pages <= keys, item["query"]


def test_elasticsearch_ranks_every_kind_of_query_at_least_as_well_as_the_database(
    capsys, settings, elastic
):
    require(not language_model.missing_reason(), "The search language model is missing")
    urls = judged_corpus.load()
    judged = judged_corpus.queries()

    settings.ELASTICSEARCH_URL = ""
    rows = {"database": score(judged, urls)}
    settings.ELASTICSEARCH_URL = elastic.url
    model_dir = settings.LANGUAGE_MODEL_DIR
    settings.LANGUAGE_MODEL_DIR = ""
    elastic.rebuild()
    rows["elasticsearch, words"] = score(judged, urls)
    settings.LANGUAGE_MODEL_DIR = model_dir
    elastic.rebuild()
    rows["elasticsearch, hybrid"] = score(judged, urls)
    report = table(rows, judged)
    with capsys.disabled():
        sys.stdout.write("\nnDCG@10 on the judged set\n" + report + "\n")

    database, words, hybrid = (rows[name] for name in rows)
    assert database[0] == "database"
    assert hybrid[0] == "elasticsearch"
    assert database[2] >= DATABASE_BAR, report
    for kind in AT_LEAST_DATABASE:
        assert hybrid[1][kind] >= database[1][kind] - TOLERANCE, (kind, report)
    for kind, floor in HYBRID_FLOORS.items():
        assert hybrid[1][kind] >= floor, (kind, report)
    assert hybrid[2] >= HYBRID_BAR, report
    assert hybrid[2] >= database[2], report
    assert hybrid[2] >= words[2], report
