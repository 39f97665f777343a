"""Relevance of the database search path, judged on the demo content with nDCG@10.

The queries and grades live in tests/data/search_judgements.json. The bar was set from
the first scored run (0.889 on SQLite, 0.891 on PostgreSQL) less a small margin, so a
change that makes ranking worse fails here with both the score and the worst queries
named. The Elasticsearch path has no score: no Elasticsearch 8 node can be run here.
"""

import json
import sys
from pathlib import Path

import ir_measures
import pytest
from django.core.management import call_command
from django.test import Client
from ir_measures import nDCG

JUDGEMENTS = Path(__file__).resolve().parents[1] / "data" / "search_judgements.json"
BAR = 0.85

pytestmark = pytest.mark.django_db


def judged_queries():
    data = json.loads(JUDGEMENTS.read_text(encoding="utf-8"))
    data.pop("_about")
    return data


def test_judged_queries_score_above_the_bar(capsys):
    call_command("load_demo", verbosity=0)
    judgements = judged_queries()
    assert len(judgements) >= 30
    qrels, run = [], []
    client = Client()
    for number, (query, grades) in enumerate(judgements.items()):
        query_id = f"q{number}"
        qrels.extend(ir_measures.Qrel(query_id, path, grade) for path, grade in grades.items())
        search = client.get("/search/", {"q": query}).context["search"]
        hits = list(search.page.object_list) if search.page else []
        run.extend(
            ir_measures.ScoredDoc(query_id, hit.url, float(len(hits) - rank))
            for rank, hit in enumerate(hits)
        )
    per_query = {
        metric.query_id: metric.value for metric in ir_measures.iter_calc([nDCG @ 10], qrels, run)
    }
    overall = ir_measures.calc_aggregate([nDCG @ 10], qrels, run)[nDCG @ 10]
    names = {f"q{number}": query for number, query in enumerate(judgements)}
    worst = sorted(per_query.items(), key=lambda item: item[1])[:5]
    report = [
        f"nDCG@10 on the database path: {overall:.3f} over {len(judgements)} queries",
        "nDCG@10 on Elasticsearch: not measured (no Elasticsearch 8 node here)",
        "Weakest: " + "; ".join(f"{names[q]!r} {value:.2f}" for q, value in worst),
    ]
    with capsys.disabled():
        sys.stdout.write("\n" + "\n".join(report) + "\n")
    assert overall >= BAR, f"nDCG@10 {overall:.3f} is below {BAR}; weakest: {worst}"
