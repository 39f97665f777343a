"""Latency of the database search path without the page cache, at a chosen size.

Builds demo content plus generated pages in a scratch PostgreSQL database (started by
scripts/postgres on its own port and stopped after), then times the search view in
process, page cache off, for plain, acronym, typo and faceted queries, and prints p50 and
p95. This is what a visitor waits for on the first request after content changes; every
later identical request is a page-cache hit, measured by run_bench.py. Usage:

    .venv/bin/python bench/search_bench.py --size 10000 --repeat 20
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG_PORT = "54532"
PG_DIR = f"/tmp/network-search-bench-{PG_PORT}"

QUERIES = [
    ("Plain words", {"q": "supervision for new roles"}),
    ("Acronym with synonyms", {"q": "IAPT"}),
    ("Typo", {"q": "comissioning"}),
    ("Faceted: theme and type", {"q": "neighbourhood", "theme": "co-production", "type": "post"}),
    ("Faceted: two themes, sector, year", None),  # filled in once slugs are known
    ("Browse: empty query, one facet", {"theme": "co-production"}),
]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--profile", action="store_true", help="Also print where the time goes")
    parser.add_argument(
        "--keep",
        action="store_true",
        help="leave PostgreSQL running with the content, and reuse it on the next run",
    )
    args = parser.parse_args()

    env = dict(os.environ, PGPORT=PG_PORT, PGDIR=PG_DIR)
    subprocess.run(["bash", "scripts/postgres", "start"], cwd=ROOT, env=env, check=True)
    try:
        url = subprocess.run(
            ["bash", "scripts/postgres", "url"],
            cwd=ROOT,
            env=env,
            check=True,
            text=True,
            capture_output=True,
        ).stdout.strip()
        os.environ.update(
            DATABASE_URL=url, DJANGO_SETTINGS_MODULE="network.settings.dev", PAGE_CACHE_SECONDS="0"
        )
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        run(args)
    finally:
        if not args.keep:
            subprocess.run(["bash", "scripts/postgres", "stop"], cwd=ROOT, env=env, check=False)


def run(args):
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from blog.models import BlogPage
    from casestudies.models import CaseStudyPage
    from network.models import Sector, Theme

    setup_test_environment()  # so each response carries the search's context
    settings.PAGE_CACHE_SECONDS = 0
    settings.SEARCH_RATE_LIMIT = 0  # one client asks far more than a visitor may
    settings.ALLOWED_HOSTS = ["*"]
    posts = int(args.size * 0.8)
    studies = int(args.size * 0.15)
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    kept = BlogPage.objects.count()
    if kept and not posts <= kept <= posts + 500:
        sys.exit(f"The kept database holds {kept} posts, not this size: remove {PG_DIR} first")
    if not kept:  # else the demo plus this size, kept by --keep
        call_command("load_demo", verbosity=0)
        call_command(
            "generate_content",
            posts=posts,
            case_studies=studies,
            members=args.size - posts - studies,
            verbosity=0,
        )
    built = time.perf_counter() - started
    documents = BlogPage.objects.live().count() + CaseStudyPage.objects.live().count()
    themes = list(Theme.objects.values_list("slug", flat=True)[:2])
    sector = Sector.objects.values_list("slug", flat=True).first()
    QUERIES[4] = (
        "Faceted: two themes, sector, year",
        {"q": "team", "theme": themes, "sector": sector, "year": "2025"},
    )
    client = Client()
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    rows = []
    for label, params in QUERIES:
        client.get("/search/", params)  # the first search builds the vocabulary once
        timings = []
        total = 0
        for _ in range(args.repeat):
            began = time.perf_counter()
            response = client.get("/search/", params)
            timings.append((time.perf_counter() - began) * 1000)
            assert response.status_code == 200, response.status_code
            total = response.context["search"].total
        rows.append((label, total, percentile(timings, 0.5), percentile(timings, 0.95)))
    if profiler is not None:
        import pstats

        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats("search/|modelsearch", 30)
    print(f"\nDatabase search, page cache off: {documents} pages (+ members), PostgreSQL")
    print(f"Content generated in {built:.0f} s; {args.repeat} timed requests per query\n")
    print(f"{'Query':40} {'results':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for label, total, p50, p95 in rows:
        print(f"{label:40} {total:8d} {p50:8.1f} {p95:8.1f}")
    print(f"\nMean p95: {statistics.mean(row[3] for row in rows):.1f} ms")


if __name__ == "__main__":
    main()
