"""``manage.py set_site_url``: make the Wagtail Site answer at SITE_URL.

Pages, the sitemap, canonical links and emails take their address from the Site record;
run this after changing SITE_URL, so that the site answers where it says.
"""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from network.platform.site_address import configured_url, point_site_at_site_url


class Command(BaseCommand):
    help = "Point the default Wagtail site at SITE_URL; pages, sitemap and emails follow it."

    def handle(self, *args, **options):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default Wagtail site yet: run migrate first.")
        try:
            changed = point_site_at_site_url(site)
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        # Said before the server starts, so it names the address, not whether it answers.
        verb = "is now" if changed else "was already"
        self.stdout.write(f"The site's address {verb} {configured_url()}/")
