"""``manage.py backup``: the database and uploaded files in one archive."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from network.site.backups import create_backup


class Command(BaseCommand):
    help = "Write a backup archive of the database and uploaded media."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="Archive to write (default: var/backups/network-<timestamp>.tar.gz)",
        )

    def handle(self, *args, **options):
        output = options["output"] or (f"var/backups/network-{timezone.now():%Y%m%d-%H%M%S}.tar.gz")
        path = create_backup(output)
        size = path.stat().st_size / 1_048_576
        self.stdout.write(self.style.SUCCESS(f"Backup written to {path} ({size:.1f} MB)."))
