"""``manage.py restore``: replace the database and media with a backup, then reindex."""

from django.core.management.base import BaseCommand, CommandError

from network.site.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Replace all content with a backup made by `manage.py backup`, restore its media "
        "and rebuild the search index. Everything currently in the database is removed."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--no-input", action="store_true", help="Do not ask to confirm")

    def handle(self, *args, **options):
        if not options["no_input"]:
            answer = input("This replaces everything in the database. Type 'restore' to go on: ")
            if answer.strip() != "restore":
                raise CommandError("Nothing was restored.")
        try:
            restore_backup(options["archive"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS("Restored. The search index has been rebuilt."))
