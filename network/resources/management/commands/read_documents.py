"""Read the words of documents that were never read (or all of them, with --all).

For documents uploaded while the task worker was stopped, and after restoring a backup.
"""

from django.core.management.base import BaseCommand

from network.resources import reading


class Command(BaseCommand):
    help = "Read the words of uploaded documents so search can find them."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="read every document again")

    def handle(self, *args, **options):
        counts = reading.read_unread(every=options["all"])
        summary = ", ".join(f"{count} {status}" for status, count in sorted(counts.items()))
        self.stdout.write(f"Read {sum(counts.values())} documents ({summary or 'none'}).")
