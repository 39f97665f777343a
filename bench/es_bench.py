"""Elasticsearch against the database search path, in one run, at a chosen size.

Starts its own PostgreSQL (scripts/postgres, port 54541) and Elasticsearch node
(scripts/elasticsearch, ES_PORT=59400, heap ES_HEAP, default 1g); each order of size up
from 10,000 takes the next ports (54542 and 59410 for 100,000). It builds demo content
plus `--size` generated documents (80% posts, 15% case studies, 5% members, as
search_bench.py does), then measures:

- bulk indexing: `indexing.rebuild()` over everything, in documents a second: on the
  node just started, and again once it has indexed 20,000 documents and its JIT has
  warmed (the target's figure);
- uncached search latency on both paths (page cache and the node's request cache off),
  after freezing what the process has loaded as the site's gunicorn workers do: plain
  words, an acronym, a typo and a query with two facets, each `--repeat` times through
  the /search/ view function with RequestFactory and an anonymous visitor, after ten
  untimed calls (the node's filter cache is then warm, as a running site's is); p50, p95
  and requests a second;
- the same searches on Elasticsearch right after the last rebuild (merged and warmed
  by the rebuild itself, no warm-up searches of the bench's own): what the first
  visitors after a rebuild meet;
- the semantic part: hybrid ranking is on whenever the language model is there
  (scripts/language-model fetch), so every Elasticsearch row includes embedding the
  query and the cosine over every passage vector. It reports the vectors' memory in
  this process and the embedding rate on the generated passages. Up to `--embed-all`
  documents (default 20,000) every passage is embedded by the rebuild itself; past it,
  the distinct passages of a sample of that many documents are embedded and the rest of
  the matrix reuses their vectors, which gives the matrix its real size (what the
  latency depends on) but not its real values (which only ranking quality depends on);
- the ceiling, the minimal Django view of bench/ceiling.py called the same way.

It prints one table with the issue's targets beside the numbers, writes the numbers to
var/bench/es_report.json and stops both services (`--keep` leaves them running, and the
next run reuses the content). It reports, it does not judge. Usage:

    .venv/bin/python bench/es_bench.py --size 10000 --repeat 30
"""

import argparse
import json
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG_PORT = "54541"
ES_PORT = "59400"
INDEXING_TARGET = 2000  # documents a second
# ms, every kind of query through the whole view (semantic part included), at 10,000 and
# 100,000 documents; it replaced a tenfold ratio to the database path, which is fast now.
P95_TARGET = 50
WARM_UP_DOCUMENTS = 20_000
MAX_REBUILDS = 4  # a small --size stops here
WARM_UP_SEARCHES = 10  # untimed, before each row

QUERIES = {
    "Plain words": {"q": "community mental health team working"},
    "Plain question": {"q": "how can I get help without seeing my GP first"},
    "Acronym": {"q": "IAPT"},
    "Typo": {"q": "comissioning"},
    "Two facets": None,  # a query plus the theme and sector with the most posts, found later
}


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def sh(*args, env):
    result = subprocess.run(args, cwd=ROOT, env=env, text=True, capture_output=True, check=False)
    if result.returncode:
        sys.exit(f"{' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000, help="documents to generate")
    parser.add_argument("--repeat", type=int, default=30, help="timed requests per query")
    parser.add_argument(
        "--profile", action="store_true", help="also print where an Elasticsearch search spends"
    )
    parser.add_argument(
        "--embed-all",
        type=int,
        default=20_000,
        help="embed every passage up to this many documents; past it, a sample's (see above)",
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="leave both services running with the content, and reuse it on the next run",
    )
    args = parser.parse_args()

    # Kept content is kept per order of size: 100,000 documents get services of their own.
    tier = len(str(args.size)) - 5
    pg_port, es_port = str(int(PG_PORT) + tier), str(int(ES_PORT) + 10 * tier)
    pg_env = dict(os.environ, PGPORT=pg_port, PGDIR=f"/tmp/network-es-bench-pg-{pg_port}")
    es_env = dict(os.environ, ES_PORT=es_port, ES_HEAP=os.environ.get("ES_HEAP", "1g"))
    began = time.perf_counter()
    try:
        print(sh("bash", "scripts/postgres", "start", env=pg_env))
        print(sh("bash", "scripts/elasticsearch", "start", env=es_env))
        os.environ.update(
            DATABASE_URL=sh("bash", "scripts/postgres", "url", env=pg_env),
            DJANGO_SETTINGS_MODULE="network.settings.dev",
            DEBUG="false",  # no query log growing through thousands of requests
            PAGE_CACHE_SECONDS="0",
            SEARCH_RATE_LIMIT="0",  # one client asking thousands of times is the point here
            SEARCH_SUGGEST_RATE_LIMIT="0",
            ELASTICSEARCH_URL="",  # set once the content exists, so generating is unchanged
            ELASTICSEARCH_INDEX="es-bench-content",
        )
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        run(args, sh("bash", "scripts/elasticsearch", "url", env=es_env), es_env["ES_HEAP"])
    finally:
        if not args.keep:
            for script, env in (("elasticsearch", es_env), ("postgres", pg_env)):
                stop = ["bash", f"scripts/{script}", "stop"]
                subprocess.run(stop, cwd=ROOT, env=env, check=False)
    print(f"Whole run: {time.perf_counter() - began:.0f} s")


def build(size):
    from django.core.management import call_command

    from blog.models import BlogPage

    call_command("migrate", verbosity=0)
    kept = BlogPage.objects.count()
    if kept >= size * 0.8:  # kept from a run with --keep
        print(f"Reusing the {kept:,} posts already generated", flush=True)
        return 0.0
    call_command("load_demo", verbosity=0)
    posts, studies = int(size * 0.8), int(size * 0.15)
    members = size - posts - studies
    print(f"Generating {posts:,} posts, {studies:,} case studies, {members:,} members", flush=True)
    started = time.perf_counter()
    # Comments are never searched, so they are not generated; the database path's own
    # (Wagtail) index is, since that path searches it.
    call_command(
        "generate_content",
        posts=posts,
        case_studies=studies,
        members=members,
        no_comments=True,
        verbosity=0,
    )
    return time.perf_counter() - started


def busiest_facets():
    """The theme with the most posts, and the sector most of those posts share."""
    from django.db.models import Count

    from blog.models import BlogPage
    from network.models import Sector, Theme

    themes = BlogPage.themes.through.objects.values("theme_id").annotate(n=Count("pk"))
    theme_id = themes.order_by("-n").first()["theme_id"]
    posts = BlogPage.themes.through.objects.filter(theme_id=theme_id).values("blogpage_id")
    sectors = BlogPage.sectors.through.objects.filter(blogpage_id__in=posts)
    sector_id = sectors.values("sector_id").annotate(n=Count("pk")).order_by("-n")[0]["sector_id"]
    return Theme.objects.get(pk=theme_id).slug, Sector.objects.get(pk=sector_id).slug


class Fallbacks(logging.Handler):
    """Counts the searches search.service sent to the database instead of Elasticsearch."""

    count = 0

    def emit(self, record):
        self.count += 1


def anonymous_get(params):
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    request = RequestFactory().get("/search/", params)
    request.user = AnonymousUser()
    return request


def measure(view, params, repeat, warm_up=WARM_UP_SEARCHES):
    def call():
        response = view(anonymous_get(params))
        assert response.status_code == 200, response.status_code

    # The first search builds the database path's corpus; the next ones let the node's JIT
    # compile this query's code, as a site's node that has answered for days has.
    for _ in range(warm_up):
        call()
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        timings.append(time.perf_counter() - started)
    return {
        "p50_ms": percentile(timings, 0.5) * 1000,
        "p95_ms": percentile(timings, 0.95) * 1000,
        "rps": len(timings) / sum(timings),
    }


def profile(view, repeat):
    """Where the Elasticsearch path's time goes, over every query, by cumulative time."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    for params in QUERIES.values():
        for _ in range(repeat):
            profiler.runcall(view, anonymous_get(params))
    print("\nProfile of the Elasticsearch path, all queries:")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


def profile_indexing():
    """Where a rebuild's time goes on this thread (building the documents; the sending
    threads show only as waits)."""
    import cProfile
    import pstats

    from search.elastic import indexing

    profiler = cProfile.Profile()
    profiler.runcall(indexing.rebuild)
    print("\nProfile of a rebuild:")
    pstats.Stats(profiler).sort_stats("tottime").print_stats(30)


def fill_vectors(limit):
    """Passage vectors for every document before the rebuild, from a sample's passages.

    Each document's passages are stored under their own text hashes, so the rebuild's
    indexing finds them current and embeds nothing; their values are those of the
    sample's passages, in turn. Returns (passages, distinct passages embedded, seconds).
    """
    import itertools

    from search.elastic import index_admin
    from search.models import PassageVector
    from search.semantic import model as language_model
    from search.semantic.passages import passages, text_hash
    from search.semantic.vectors import mark_changed

    model = language_model.get()
    sample, started = [], time.perf_counter()
    pairs = index_admin.all_sources()
    for _doc_id, source in itertools.islice(pairs, limit):
        sample.extend(passages(source))
    sample = list(dict.fromkeys(sample))
    vectors = [vector.tobytes() for vector in model.embed(sample)]
    seconds = time.perf_counter() - started
    PassageVector.objects.all().delete()
    rows, count = [], 0
    cycle = itertools.cycle(vectors)
    for doc_id, source in index_admin.all_sources():
        for position, text in enumerate(passages(source)):
            rows.append(
                PassageVector(
                    document=doc_id,
                    position=position,
                    text_hash=text_hash(text),
                    vector=next(cycle),
                )
            )
        if len(rows) >= 5000:
            PassageVector.objects.bulk_create(rows)
            count += len(rows)
            rows = []
    PassageVector.objects.bulk_create(rows)
    mark_changed()
    return count + len(rows), len(sample), seconds


def embedding_rate(sample_size=512):
    """Passages a second the model embeds, on passages of the generated content."""
    import itertools

    from search.elastic import index_admin
    from search.semantic import model as language_model
    from search.semantic.passages import passages

    texts = []
    for _doc_id, source in itertools.islice(index_admin.all_sources(), 5000):
        texts.extend(passages(source))
        if len(texts) >= sample_size:
            break
    model = language_model.get()
    model.embed(texts[:8])
    started = time.perf_counter()
    model.embed(texts[:sample_size])
    return len(texts[:sample_size]) / (time.perf_counter() - started)


def run(args, es_url, heap):
    from django.conf import settings

    from bench.ceiling import ceiling
    from network import gunicorn as gunicorn_settings
    from search import service
    from search import views as search_views
    from search.elastic import connection, index_admin, indexing

    settings.ALLOWED_HOSTS = ["*"]
    settings.PAGE_CACHE_SECONDS = 0
    generated = build(args.size)
    theme, sector = busiest_facets()
    QUERIES["Two facets"] = {"q": "peer support", "theme": theme, "sector": sector}

    settings.ELASTICSEARCH_URL = es_url
    settings.ELASTICSEARCH_TIMEOUT = 10.0  # a slow answer is measured, not sent elsewhere
    connection.breaker.reset()
    documents = index_admin.total_documents()
    print(f"Indexing {documents:,} documents", flush=True)
    # The first rebuild meets a node just started, whose JIT has compiled nothing yet; a
    # site's node has been running for days, so the timed rebuild comes once the node has
    # indexed WARM_UP_DOCUMENTS (two rebuilds of 10,000 still find it compiling).
    warm_ups = min(MAX_REBUILDS - 1, max(1, -(-WARM_UP_DOCUMENTS // max(documents, 1))))
    from search.semantic import model as language_model
    from search.semantic import vectors

    semantic = {"model": language_model.missing_reason() or "on"}
    if not language_model.missing_reason():
        semantic["passages_per_s"] = embedding_rate()
        if documents > args.embed_all:
            print(f"Passage vectors from a sample of {args.embed_all:,} documents", flush=True)
            rows_made, distinct, seconds = fill_vectors(args.embed_all)
            semantic["filled"] = {"passages": rows_made, "embedded": distinct, "seconds": seconds}
    rebuilds = []
    for _ in range(warm_ups + 1):
        started = time.perf_counter()
        indexing.rebuild()
        rebuilds.append(time.perf_counter() - started)
    cold_s, indexing_s = rebuilds[0], rebuilds[-1]
    if vectors.available():
        matrix = vectors.matrix()
        semantic["passages"] = int(matrix.vectors.shape[0])
        semantic["matrix_mb"] = matrix.nbytes / 2**20
        semantic["documents"] = len(matrix.documents)
    # The node would answer a repeated count (a size-0 search) from its shard request
    # cache; every figure here is for a search worked out afresh. (A kept index stays so
    # until the next run's rebuild replaces it.)
    with connection.guarded() as es:
        es.indices.put_settings(
            index=connection.index_alias(), body={"index.requests.cache.enable": False}
        )
    fallbacks = Fallbacks()
    logging.getLogger("search.service").addHandler(fallbacks)
    logging.getLogger("search.service").setLevel(logging.INFO)

    # As network/gunicorn.py does in each worker once it has loaded the site.
    gunicorn_settings.post_worker_init(worker=None)
    print(f"Timing {len(QUERIES)} queries on both paths, {args.repeat} times each", flush=True)
    # Right after the rebuild, before any warm-up search: what the first visitors meet.
    settings.ELASTICSEARCH_URL = es_url
    after_rebuild = [
        {
            "query": label,
            "engine": "elasticsearch",
            "results": None,
            **measure(search_views.search, params, args.repeat, warm_up=0),
        }
        for label, params in QUERIES.items()
    ]
    ceiling_row = {"query": "Minimal Django view (ceiling)", "engine": "-", "results": None}
    rows = [{**ceiling_row, **measure(ceiling, {}, args.repeat)}]
    for label, params in QUERIES.items():
        for url in ("", es_url):
            settings.ELASTICSEARCH_URL = url
            answer = service.search(anonymous_get(params))  # untimed: what answered, and how many
            engine = answer.engine + (" (fell back)" if answer.notice else "")
            before = fallbacks.count
            timing = measure(search_views.search, params, args.repeat)
            if fallbacks.count != before:
                engine += f" ({fallbacks.count - before} fell back)"
            rows.append({"query": label, "engine": engine, "results": answer.total, **timing})
    report = {
        "size": args.size,
        "repeat": args.repeat,
        "es_heap": heap,
        "generation_s": generated,
        "indexing": {
            "documents": documents,
            "seconds": indexing_s,
            "documents_per_s": documents / indexing_s,
            "cold_seconds": cold_s,
            "cold_documents_per_s": documents / cold_s,
            "target_per_s": INDEXING_TARGET,
        },
        "two_facet_params": QUERIES["Two facets"],
        "targets": {"p95_ms_every_query": P95_TARGET},
        "rows": rows,
        "after_rebuild": after_rebuild,
        "semantic": semantic,
    }
    print_report(report)
    if args.profile:
        settings.ELASTICSEARCH_URL = es_url
        profile(search_views.search, args.repeat)
        profile_indexing()
    out = ROOT / "var" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    (out / "es_report.json").write_text(json.dumps(report, indent=2))
    print(f"\nNumbers written to {out / 'es_report.json'}")


def print_report(report):
    indexing = report["indexing"]
    print(
        f"\nElasticsearch vs database search: --size {report['size']:,}, page cache off, "
        f"{report['repeat']} timed requests per row, one process, ES heap {report['es_heap']}"
    )
    print(f"Content generated in {report['generation_s']:.0f} s")
    print(
        f"Bulk indexing (indexing.rebuild): {indexing['documents']:,} documents in "
        f"{indexing['seconds']:.1f} s = {indexing['documents_per_s']:,.0f} documents/s "
        f"(target >= {indexing['target_per_s']:,}/s); the run's first rebuild (on a node "
        f"just started, unless --keep kept it): {indexing['cold_seconds']:.1f} s = "
        f"{indexing['cold_documents_per_s']:,.0f} documents/s"
    )
    print(f"Two facets: {json.dumps(report['two_facet_params'])}\n")
    header = f"{'Query':30} {'engine':14} {'results':>8} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>9}"
    print(f"{header}  target")
    print("-" * (len(header) + 50))
    database = None
    for row in report["rows"]:
        note = ""
        if row["engine"] == "database":
            database = row
        elif row["engine"] == "elasticsearch" and database:
            note = f"{row['rps'] / database['rps']:5.1f}x db; p95 target <= {P95_TARGET} ms"
        shown = "-" if row["results"] is None else f"{row['results']:,}"
        print(
            f"{row['query']:30} {row['engine']:14} {shown:>8} {row['p50_ms']:8.2f} "
            f"{row['p95_ms']:8.2f} {row['rps']:9.1f}  {note}"
        )
    print("\nElasticsearch right after the rebuild (merged and warmed by it; no warm-up here):")
    for row in report["after_rebuild"]:
        print(
            f"{row['query']:30} {row['engine']:14} {'':>8} {row['p50_ms']:8.2f} "
            f"{row['p95_ms']:8.2f} {row['rps']:9.1f}  p95 target <= {P95_TARGET} ms"
        )
    semantic = report["semantic"]
    print(f"\nRanking by meaning: {semantic['model']}")
    if "passages" in semantic:
        print(
            f"  {semantic['passages']:,} passage vectors of {semantic['documents']:,} documents: "
            f"{semantic['matrix_mb']:.1f} MB in each web process (target <= 60 MB at 10,000)"
        )
        print(f"  embedding: {semantic['passages_per_s']:.0f} passages/s (target >= 20)")
    if "filled" in semantic:
        filled = semantic["filled"]
        print(
            f"  {filled['embedded']:,} distinct passages embedded in {filled['seconds']:.0f} s; "
            f"the other vectors of the {filled['passages']:,} reuse theirs (see above)"
        )


if __name__ == "__main__":
    main()
