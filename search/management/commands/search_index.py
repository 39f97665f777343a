"""Build, check and update the Elasticsearch index behind its alias."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError

from search.elastic import index_admin, indexing
from search.elastic.connection import SearchUnavailableError, index_alias, is_configured
from search.semantic import model as language_model
from search.semantic import vectors


class Progress:
    """A one-line progress bar on the terminal, or a line every 10% elsewhere."""

    def __init__(self, stream, total):
        self.stream = stream
        self.total = max(total, 1)
        self.started = time.monotonic()
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self.shown = -1
        self.passages = 0

    def embedded(self, passages):
        """Passages embedded by the language model so far, shown on the same line."""
        self.passages = passages

    def __call__(self, done):
        percent = min(100, done * 100 // self.total)
        if percent == self.shown or (not self.tty and percent % 10 and done != self.total):
            return
        self.shown = percent
        rate = done / max(time.monotonic() - self.started, 1e-6)
        bar = "#" * (percent // 4)
        line = f"[{bar:<25}] {percent:3d}% {done}/{self.total} ({rate:,.0f} documents/s)"
        if self.passages:
            line += f", {self.passages} passages embedded"
        self.stream.write(("\r" + line) if self.tty else line + "\n")
        self.stream.flush()

    def finish(self):
        if self.tty:
            self.stream.write("\n")


class Command(BaseCommand):
    help = (
        "--rebuild fills a new index and switches the alias to it (search keeps answering); "
        "--check compares the index with the database and exits 1 on any difference; "
        "--apply applies the changes recorded while the node was away."
    )

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--rebuild", action="store_true")
        group.add_argument("--check", action="store_true")
        group.add_argument("--apply", action="store_true")
        group.add_argument("--delete", action="store_true", help="remove the index and alias")

    def handle(self, *args, **options):
        if not is_configured():
            raise CommandError("ELASTICSEARCH_URL is not set: the site searches its database.")
        try:
            if options["rebuild"]:
                self.rebuild_index(options["verbosity"])
            elif options["check"]:
                self.check_index()
            elif options["apply"]:
                applied = indexing.apply()
                self.stdout.write(f"Applied {applied} recorded changes.")
            else:
                index_admin.delete_all()
                self.stdout.write(f"Removed {index_alias()} and its indices.")
        except SearchUnavailableError as error:
            raise CommandError(f"Elasticsearch cannot be reached: {error}") from error

    def rebuild_index(self, verbosity):
        total = index_admin.total_documents()
        progress = Progress(self.stderr if verbosity else _Silent(), total)
        started = time.monotonic()
        name = indexing.rebuild(progress=progress)
        progress.finish()
        seconds = time.monotonic() - started
        self.stdout.write(
            f"Indexed {total} documents into {name} in {seconds:.1f} s "
            f"({total / max(seconds, 1e-6):,.0f} a second); {index_alias()} now points to it."
        )

    def check_index(self):
        reason = language_model.missing_reason()
        if reason:
            self.stdout.write(f"Ranking by meaning: off, search ranks by words alone ({reason}).")
        else:
            stored = len(vectors.stored_documents())
            self.stdout.write(f"Ranking by meaning: on ({stored} documents have passage vectors).")
        report = index_admin.check()
        for problem in ("missing", "stale", "extra"):
            ids = report[problem]
            shown = ", ".join(ids[:10]) + (" …" if len(ids) > 10 else "")
            self.stdout.write(
                f"{problem.capitalize()}: {len(ids)}" + (f" ({shown})" if ids else "")
            )
        if any(report[problem] for problem in ("missing", "stale", "extra")):
            self.stdout.write("The index differs from the database: run search_index --rebuild.")
            sys.exit(1)
        self.stdout.write(f"The index matches the database ({report['expected']} documents).")


class _Silent:
    def write(self, text):
        pass

    def flush(self):
        pass

    def isatty(self):
        return False
