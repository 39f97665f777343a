"""``manage.py set_up_site``: the pages a new site needs, after its first migrate.

Migrations leave Wagtail's placeholder page; this replaces it with the network's home
page, adds the reflections and case study sections (both reviewed by facilitators) and
the about, accessibility, privacy, cookies, terms and moderation policy pages the footer
links to, and points the site at SITE_URL. Nothing that exists is changed, so it is safe
to run on every deploy.
"""

from django.core.management.base import BaseCommand

from network.demo.loader import DemoLoader


class Command(BaseCommand):
    help = (
        "Create the home page, the reflections and case study sections and the standard "
        "information pages where they are missing. Safe to run again."
    )

    def handle(self, *args, **options):
        log = (
            (lambda message: self.stdout.write(f"  {message}"))
            if options["verbosity"] >= 2
            else None
        )
        loader = DemoLoader(log=log).set_up_site()
        if loader.created:
            made = ", ".join(f"{count} {kind}" for kind, count in sorted(loader.created.items()))
            self.stdout.write(self.style.SUCCESS(f"Site set up: created {made}."))
        else:
            self.stdout.write(self.style.SUCCESS("The site's pages are all present; nothing new."))
