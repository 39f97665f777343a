"""Load-test the platform as production serves it and print one table.

Starts PostgreSQL (scripts/postgres) and Redis (scripts/redis) on 127.0.0.1, builds a
site of the requested size (demo content plus generated pages), serves it with gunicorn on
production settings, and loads each page with wrk at 16 connections for a fixed time. A
minimal Django view served the same way is the ceiling each page is compared with.
Everything it starts, it stops. Usage:

    .venv/bin/python bench/run_bench.py --size 10000 --duration 10
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
PG_PORT = "54531"
REDIS_PORT = "63791"
SITE_PORT = 8301
CEILING_PORT = 8302
CONNECTIONS = 16


def sh(*args, env=None, capture=False):
    result = subprocess.run(args, cwd=ROOT, env=env, check=True, text=True, capture_output=capture)
    return result.stdout if capture else None


def environment(args):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="network.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        DATABASE_URL=f"postgres://network@127.0.0.1:{PG_PORT}/network",
        DATABASE_CONN_MAX_AGE="600",
        STATIC_ROOT=str(ROOT / "var" / "bench-static"),
        LOG_LEVEL="WARNING",
    )
    if not args.no_redis:
        env["CACHE_URL"] = f"redis://127.0.0.1:{REDIS_PORT}/0"
    return env


def build_site(env, size):
    posts = int(size * 0.8)
    case_studies = int(size * 0.15)
    members = size - posts - case_studies
    sh(PYTHON, "manage.py", "migrate", "--no-input", "-v0", env=env)
    sh(PYTHON, "manage.py", "load_demo", "-v0", env=env)
    print(
        sh(
            PYTHON,
            "manage.py",
            "generate_content",
            f"--posts={posts}",
            f"--case-studies={case_studies}",
            f"--members={members}",
            env=env,
            capture=True,
        ).strip()
    )
    sh(PYTHON, "manage.py", "collectstatic", "--no-input", "-v0", env=env)


def signed_in_session(env, username):
    code = (
        "from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY\n"
        "from importlib import import_module\n"
        "from django.conf import settings\n"
        "SessionStore = import_module(settings.SESSION_ENGINE).SessionStore\n"
        "from network.models import User\n"
        f"user = User.objects.get(username={username!r})\n"
        "session = SessionStore()\n"
        "session[SESSION_KEY] = str(user.pk)\n"
        "session[BACKEND_SESSION_KEY] = 'django.contrib.auth.backends.ModelBackend'\n"
        "session[HASH_SESSION_KEY] = user.get_session_auth_hash()\n"
        "session.create()\n"
        "print(session.session_key)\n"
    )
    return sh(PYTHON, "manage.py", "shell", "-v0", "-c", code, env=env, capture=True).strip()


def sample_urls(env):
    code = (
        "import json\n"
        "from blog.models import BlogPage\n"
        "from casestudies.models import CaseStudyPage\n"
        "post = BlogPage.objects.live().filter(audience='public').order_by('-pk').first()\n"
        "study = CaseStudyPage.objects.live().order_by('-pk').first()\n"
        "pages = BlogPage.objects.live().filter(audience='public').count() // 12\n"
        "print(json.dumps({'post': post.url, 'study': study.url, 'deep': max(1, pages // 2)}))\n"
    )
    return json.loads(sh(PYTHON, "manage.py", "shell", "-v0", "-c", code, env=env, capture=True))


def start_gunicorn(app, port, env, workers):
    process = subprocess.Popen(
        [
            GUNICORN,
            "-c",
            "python:network.gunicorn",
            app,
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            "--worker-class=sync",
            "--access-logfile=-" if os.environ.get("BENCH_ACCESS_LOG") else "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
            return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError(f"gunicorn for {app} did not start on port {port}")


def worker_memory_mb(master):
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children")
    pids = children.read_text().split() if children.exists() else []
    sizes = []
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(int(line.split()[1]) / 1024)
    return sizes


def wrk(url, duration, cookie=None):
    command = [
        "wrk",
        "-t2",
        f"-c{CONNECTIONS}",
        f"-d{duration}s",
        "--timeout=5s",
        "-s",
        str(ROOT / "bench" / "report.lua"),
    ]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run([*command, url], check=True, text=True, capture_output=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000, help="pages to generate")
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--no-redis", action="store_true", help="local-memory cache instead")
    parser.add_argument("--keep", action="store_true", help="leave the database running")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install wrk")

    pg_env = dict(os.environ, PGPORT=PG_PORT, PGDIR=f"/tmp/network-bench-pg-{PG_PORT}")
    redis_env = dict(os.environ, REDIS_PORT=REDIS_PORT)
    processes = []
    try:
        sh("bash", "scripts/postgres", "start", env=pg_env)
        if not args.no_redis:
            sh("bash", "scripts/redis", "start", env=redis_env)
        env = environment(args)
        started = time.perf_counter()
        build_site(env, args.size)
        print(f"Site built in {time.perf_counter() - started:.0f} s")
        urls = sample_urls(env)
        readers = {
            "Member": f"sessionid={signed_in_session(env, 'member')}",
            "Facilitator": f"sessionid={signed_in_session(env, 'facilitator')}",
        }

        site = start_gunicorn("network.wsgi:application", SITE_PORT, env, args.workers)
        processes.append(site)
        ceiling = start_gunicorn("bench.ceiling:application", CEILING_PORT, env, args.workers)
        processes.append(ceiling)

        base = f"http://127.0.0.1:{SITE_PORT}"
        # Pages every audience reads: a visitor's come from the anonymous page cache, a
        # signed-in reader's from the copy shared by their audience, personal parts filled.
        shared = [
            ("home page", f"{base}/"),
            ("blog listing, first page", f"{base}/blog/"),
            ("blog listing, deep page", f"{base}/blog/?page={urls['deep']}"),
            ("blog post", base + urls["post"]),
            (
                "case studies, two filters",
                f"{base}/case-studies/?theme=neighbourhood-teams&status=established",
            ),
            ("case study", base + urls["study"]),
            ("theme page", f"{base}/themes/access-no-wrong-door/"),
        ]
        pages = [("Minimal Django view (ceiling)", f"http://127.0.0.1:{CEILING_PORT}/", None)]
        pages += [(f"Visitor: {label}", url, None) for label, url in shared]
        pages += [
            ("Visitor: member directory", f"{base}/members/", None),
            ("Visitor: search, plain (database)", f"{base}/search/?q=supervision", None),
            ("Visitor: search, acronym (database)", f"{base}/search/?q=IAPT", None),
        ]
        for reader, cookie in readers.items():
            pages += [(f"{reader}: {label}", url, cookie) for label, url in shared]
            pages.append((f"{reader}: /share/mine/", f"{base}/share/mine/", cookie))
        results = []
        for label, url, page_cookie in pages:
            wrk(url, 2, page_cookie)  # warm up caches and connections
            results.append((label, wrk(url, args.duration, page_cookie)))
        memory = worker_memory_mb(site)

        ceiling_rps = results[0][1]["rps"]
        print()
        print(
            f"Platform benchmark: {args.size:,} generated pages, {args.workers} gunicorn "
            f"workers, {CONNECTIONS} connections, {args.duration} s per page, "
            f"cache: {'Redis' if not args.no_redis else 'local memory'}"
        )
        header = (
            f"{'Page':48} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'of ceiling':>10}"
        )
        print(header)
        print("-" * len(header))
        for label, result in results:
            share = result["rps"] / ceiling_rps if ceiling_rps else 0
            errors = result["errors"] + result["non2xx"]
            note = f"  ({errors} errors)" if errors else ""
            print(
                f"{label:48} {result['rps']:9.1f} {result['p50']:8.1f} {result['p95']:8.1f} "
                f"{result['p99']:8.1f} {share:10.0%}{note}"
            )
        print()
        print("Worker memory after the load (MB): " + ", ".join(f"{size:.0f}" for size in memory))
        report = {
            "size": args.size,
            "workers": args.workers,
            "connections": CONNECTIONS,
            "duration": args.duration,
            "results": dict(results),
            "worker_memory_mb": memory,
        }
        out = ROOT / "var" / "bench"
        out.mkdir(parents=True, exist_ok=True)
        (out / "report.json").write_text(json.dumps(report, indent=2))
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
        if not args.keep:
            sh("bash", "scripts/postgres", "stop", env=pg_env)
        if not args.no_redis:
            sh("bash", "scripts/redis", "stop", env=redis_env)


if __name__ == "__main__":
    main()
