"""``manage.py restore``: replace the database and media with a backup, then reindex."""

from django.core.management.base import BaseCommand, CommandError

from network.resources import reading
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
            read = restore_backup(options["archive"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS("Restored. The search index has been rebuilt."))
        if read:
            counts = ", ".join(f"{count} {status}" for status, count in sorted(read.items()))
            self.stdout.write(f"Documents read after their files were put back: {counts}.")
        unread = reading.unread_count()
        if unread:
            self.stdout.write(
                self.style.WARNING(
                    f"{unread} {'document has' if unread == 1 else 'documents have'} no file "
                    "to read, so search cannot find their words. Put the files back, then "
                    "run `manage.py read_documents`."
                )
            )
