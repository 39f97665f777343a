"""``manage.py set_site_url``: make the Wagtail Site answer at SITE_URL.

Pages, the sitemap and canonical links take their address from the Site record and
emails take theirs from SITE_URL; run this after changing either, so that they agree.
"""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from network.platform.site_address import point_site_at_site_url, site_url


class Command(BaseCommand):
    help = "Point the default Wagtail site at SITE_URL, so pages, sitemap and emails agree."

    def handle(self, *args, **options):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default Wagtail site yet: run migrate first.")
        try:
            changed = point_site_at_site_url(site)
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        verb = "now answers" if changed else "already answers"
        self.stdout.write(f"The site {verb} at {site_url()}/")
