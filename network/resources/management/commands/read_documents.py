"""Read the words of documents that were never read (or all of them, with --all).

For documents uploaded while the task worker was stopped, and after restoring a backup.
"""

from django.core.management.base import BaseCommand
from wagtail.documents import get_document_model

from network.resources import reading
from network.resources.models import TextStatus


class Command(BaseCommand):
    help = "Read the words of uploaded documents so search can find them."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="read every document again")

    def handle(self, *args, **options):
        documents = get_document_model().objects.order_by("pk")
        if not options["all"]:
            documents = documents.exclude(
                extracted_text__status__in=[TextStatus.SEARCHABLE, TextStatus.NOT_SEARCHABLE]
            )
        counts = {}
        for document_id in documents.values_list("pk", flat=True):
            record = reading.read(document_id, force=options["all"])
            if record is not None:
                counts[record.status] = counts.get(record.status, 0) + 1
        summary = ", ".join(f"{count} {status}" for status, count in sorted(counts.items()))
        self.stdout.write(f"Read {sum(counts.values())} documents ({summary or 'none'}).")
