"""sitemap.xml: public pages, taxonomy landing pages and public member profiles.

Every address in it starts with the Wagtail Site's root URL, as the page entries do
through Wagtail, rather than with whatever host name the crawler happened to use.
"""

from itertools import chain
from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import Sitemap as PageSitemap

from network.models import MemberProfile, Region, Sector, Theme, Visibility
from network.platform.site_address import root_url


class SiteAddressSitemap(PageSitemap):
    """A sitemap of things other than pages, at the Site's address."""

    lastmod = None  # Wagtail's is for pages

    def location(self, item):
        return item.get_absolute_url()

    def get_urls(self, page=1, site=None, protocol=None):
        address = urlsplit(root_url(self.request))
        # Django's own listing, not Wagtail's, which asks each item for page URLs.
        return Sitemap._urls(self, page, address.scheme, address.netloc)


class TermSitemap(SiteAddressSitemap):
    changefreq = "weekly"

    def items(self):
        return list(chain(Theme.objects.all(), Sector.objects.all(), Region.objects.all()))


class PublicProfileSitemap(SiteAddressSitemap):
    changefreq = "monthly"

    def items(self):
        return MemberProfile.objects.filter(visibility=Visibility.PUBLIC).order_by("pk")

    def lastmod(self, profile):
        return profile.updated_at


sitemaps = {"pages": PageSitemap, "terms": TermSitemap, "members": PublicProfileSitemap}
