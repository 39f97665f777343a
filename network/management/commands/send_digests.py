"""``manage.py send_digests --daily|--weekly``: email members what is new in what they follow.

Run it from cron (or a systemd timer) at the time digests should go, or once with
``--schedule`` so that db_worker runs it every period from then on. Safe to run again:
digests already sent this period are skipped, and those that failed are retried.
"""

from django.core.management.base import BaseCommand, CommandError

from network.models import DigestFrequency
from network.notifications import digests
from network.platform.site_address import configured_url, site_url


class Command(BaseCommand):
    help = "Send the daily or weekly digests that are due, and retry any that failed."

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--daily", action="store_true")
        which.add_argument("--weekly", action="store_true")
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Queue the run for its next time on the task worker, repeating each period",
        )
        parser.add_argument("--batch-size", type=int, default=digests.BATCH_SIZE)

    def handle(self, *args, **options):
        frequency = DigestFrequency.DAILY if options["daily"] else DigestFrequency.WEEKLY
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be 1 or more.")
        if options["schedule"]:
            backend = digests.scheduled_digests.get_backend()
            if not backend.supports_defer:
                raise CommandError(
                    "The task backend cannot run tasks later; set TASKS_BACKEND to the "
                    "database backend and run db_worker, or run this command from cron."
                )
            when = digests.next_run(frequency)
            digests.scheduled_digests.using(run_after=when).enqueue(frequency)
            self.stdout.write(f"The {frequency} digests are queued for {when:%A %d %B %Y %H:%M}.")
            return

        def progress(done, total):
            self.stdout.write(f"  {done} of {total} digests handled")

        address = site_url()
        self.stdout.write(f"Links in these emails go to {address}/ (the site's own address).")
        if address != configured_url():
            self.stdout.write(
                self.style.WARNING(
                    f"SITE_URL here says {configured_url()}/; run `manage.py set_site_url` "
                    "with the right SITE_URL if the site has moved."
                )
            )
        opened, report = digests.run(frequency, progress=progress, batch_size=options["batch_size"])
        self.stdout.write(
            self.style.SUCCESS(
                f"{opened} {frequency} digests opened; {report.sent} sent, {report.empty} "
                f"with nothing new, {report.retrying} to retry, {report.failed} given up."
            )
        )
