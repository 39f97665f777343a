"""What building the weekly digests costs: time and queries for thousands of members.

Builds demo content plus generated pages in a scratch PostgreSQL database (started by
scripts/postgres on its own port and stopped after), spreads the pages' first publication
over the last week, adds members who each follow ten themes, sectors and regions, then
opens the week's digests and builds them batch by batch as `send_digests` does, counting
queries. With --send it also sends them to a local aiosmtpd server on 127.0.0.1. Usage:

    .venv/bin/python bench/digest_bench.py --size 10000 --members 5000 [--send]
"""

import argparse
import datetime
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG_PORT = "54533"


def add_members(count, follows_each, seed):
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType

    from network.models import Follow, Region, Sector, Theme, User
    from network.platform.membership import MEMBERS_GROUP

    rng = random.Random(seed)
    password = make_password(None)
    users = User.objects.bulk_create(
        [
            User(username=f"digest-reader-{n}", email=f"reader{n}@example.org", password=password)
            for n in range(count)
        ],
        batch_size=1000,
    )
    members = Group.objects.get(name=MEMBERS_GROUP)
    through = User.groups.through
    through.objects.bulk_create(
        [through(user_id=user.pk, group_id=members.pk) for user in users], batch_size=2000
    )
    targets = [
        (ContentType.objects.get_for_model(model).pk, pk)
        for model in (Theme, Sector, Region)
        for pk in model.objects.values_list("pk", flat=True)
    ]
    Follow.objects.bulk_create(
        [
            Follow(user_id=user.pk, content_type_id=content_type, object_id=pk)
            for user in users
            for content_type, pk in rng.sample(targets, min(follows_each, len(targets)))
        ],
        batch_size=5000,
    )
    return users


def run(args):
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.db.models import Max, Min
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from blog.models import BlogPage
    from casestudies.models import CaseStudyPage
    from network.models import Digest, DigestFrequency, Follow
    from network.notifications import digests

    call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    posts = int(args.size * 0.85)
    started = time.perf_counter()
    call_command(
        "generate_content",
        posts=posts,
        case_studies=args.size - posts,
        no_comments=True,
        no_index=True,
        verbosity=0,
    )
    generated = time.perf_counter() - started
    now = timezone.now()
    rng = random.Random(args.seed)
    for model in (BlogPage, CaseStudyPage):
        for pk in model.objects.values_list("pk", flat=True):
            seconds = rng.uniform(0, args.days * 24 * 3600)
            model.objects.filter(pk=pk).update(
                first_published_at=now - datetime.timedelta(seconds=seconds)
            )
    pages = BlogPage.objects.live().count() + CaseStudyPage.objects.live().count()
    add_members(args.members, args.follows, args.seed)
    follows = Follow.objects.count()

    reset_queries()  # the query log holds 9,000 at most; counting starts from empty
    began = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        opened = digests.open_period(DigestFrequency.WEEKLY, now)
    open_seconds = time.perf_counter() - began
    open_queries = len(captured)

    ids = list(
        Digest.objects.filter(frequency=DigestFrequency.WEEKLY)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    reset_queries()
    began = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        window = Digest.objects.aggregate(start=Min("covers_from"), end=Max("covers_until"))
        content = digests.new_content(window["start"], window["end"])
    content_seconds = time.perf_counter() - began
    content_queries = len(captured)
    batch_times, batch_queries, items = [], [], []
    for offset in range(0, len(ids), args.batch_size):
        reset_queries()
        began = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            batch = list(Digest.objects.filter(pk__in=ids[offset : offset + args.batch_size]))
            built = digests.build(batch, content)
        batch_times.append(time.perf_counter() - began)
        batch_queries.append(len(captured))
        items.extend(result.items + result.more for result in built)

    send_line = ""
    if args.send:
        send_line = send_all(now)

    print(f"\nWeekly digests: {pages:,} pages published over {args.days} days, PostgreSQL")
    print(f"Content generated in {generated:.0f} s; {args.members:,} members, {follows:,} follows")
    print(f"\n{'Step':34} {'seconds':>9} {'queries':>9}")
    step = f"Open the week ({opened:,} digests)"
    print(f"{step:34} {open_seconds:9.2f} {open_queries:9d}")
    step = f"Fetch the week's pages ({len(content.pages):,})"
    print(f"{step:34} {content_seconds:9.2f} {content_queries:9d}")
    total = sum(batch_times)
    print(
        f"{'Build all, ' + str(len(batch_times)) + ' batches of ' + str(args.batch_size):34} "
        f"{total:9.2f} {sum(batch_queries):9d}"
    )
    print(
        f"{'  per batch (median)':34} {statistics.median(batch_times):9.2f} "
        f"{int(statistics.median(batch_queries)):9d}"
    )
    print(f"{'  per member':34} {total / max(len(ids), 1) * 1000:8.2f}ms")
    print(
        f"\nQueries per batch: min {min(batch_queries)}, max {max(batch_queries)} "
        "(the same whatever the batch holds)"
    )
    print(f"Items per digest: median {statistics.median(items):.0f}, max {max(items)}")
    if send_line:
        print(send_line)


def send_all(now):
    import logging

    from aiosmtpd.controller import Controller
    from django.conf import settings

    from network.notifications import digests

    logging.getLogger("mail.log").setLevel(logging.WARNING)
    from network.models import DigestFrequency

    class Count:
        received = 0

        async def handle_DATA(self, server, session, envelope):  # noqa: N802
            Count.received += 1
            return "250 OK"

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Count(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        settings.EMAIL_BACKEND = "network.notifications.mail.EmailBackend"
        settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = (
            "127.0.0.1",
            controller.server.sockets[0].getsockname()[1],
        )
        settings.EMAIL_USE_TLS = False
        began = time.perf_counter()
        report = digests.send_pending(DigestFrequency.WEEKLY, now)
        seconds = time.perf_counter() - began
    finally:
        controller.stop()
    return (
        f"Sent {report.sent:,} digests through a local SMTP server in {seconds:.1f} s "
        f"({report.sent / seconds:,.0f} a second); the server received {Count.received:,}"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=10000, help="pages to generate")
    parser.add_argument("--members", type=int, default=5000)
    parser.add_argument("--follows", type=int, default=10, help="follows per member")
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--days", type=int, default=365, help="pages' first publication spread over this many days"
    )
    parser.add_argument("--send", action="store_true", help="Also send them over SMTP")
    args = parser.parse_args()

    env = dict(os.environ, PGPORT=PG_PORT, PGDIR=f"/tmp/network-digest-bench-{PG_PORT}")
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
        os.environ.update(DATABASE_URL=url, DJANGO_SETTINGS_MODULE="network.settings.dev")
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        run(args)
    finally:
        subprocess.run(["bash", "scripts/postgres", "stop"], cwd=ROOT, env=env, check=False)


if __name__ == "__main__":
    main()
