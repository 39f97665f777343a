"""sitemap.xml: public pages, taxonomy landing pages and public member profiles."""

from itertools import chain

from django.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import Sitemap as PageSitemap

from network.models import MemberProfile, Region, Sector, Theme, Visibility


class TermSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return list(chain(Theme.objects.all(), Sector.objects.all(), Region.objects.all()))


class PublicProfileSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return MemberProfile.objects.filter(visibility=Visibility.PUBLIC).order_by("pk")

    def lastmod(self, profile):
        return profile.updated_at


sitemaps = {"pages": PageSitemap, "terms": TermSitemap, "members": PublicProfileSitemap}
