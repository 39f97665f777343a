"""``manage.py send_event_reminders``: remind members of events starting within a day.

Run it hourly from cron or a timer; each member is reminded once whatever runs overlap.
"""

from django.core.management.base import BaseCommand

from network.events.reminders import send_reminders


class Command(BaseCommand):
    help = "Email members with a place at an event that starts within the next day."

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(self.style.SUCCESS(f"{sent} reminder{'s' if sent != 1 else ''} sent."))
