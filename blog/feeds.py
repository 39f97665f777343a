"""RSS and Atom feeds of public posts, for the whole blog and for each theme and sector.

Feeds are read anonymously by feed readers, so they only ever carry public posts.
"""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from network.models import Sector, Theme

FEED_LENGTH = 30


class BlogRssFeed(Feed):
    feed_type = Rss201rev2Feed
    term_models = {"themes": Theme, "sectors": Sector}

    def __init__(self, index_page, kind=None):
        super().__init__()
        self.index_page = index_page
        self.kind = kind

    def get_object(self, request, slug=None):
        self.request = request
        if self.kind is None:
            return None
        try:
            return self.term_models[self.kind].objects.get(slug=slug)
        except self.term_models[self.kind].DoesNotExist as missing:
            raise Http404("No such theme or sector") from missing

    def title(self, term):
        site_name = self.index_page.get_site().site_name or "Network"
        if term is None:
            return f"{site_name}: {self.index_page.title}"
        return f"{site_name}: {self.index_page.title} on {term.name}"

    def link(self, term):
        if term is None:
            return self.index_page.get_url(self.request)
        return f"{self.index_page.get_url(self.request)}?{self.kind[:-1]}={term.slug}"

    def description(self, term):
        if term is None:
            return self.index_page.introduction or "Reflections from the network"
        return f"Public posts tagged {term.name}"

    def items(self, term):
        from .models import BlogPage

        # Feed readers are anonymous: only what a visitor may read goes in.
        posts = BlogPage.objects.visible_to(None).descendant_of(self.index_page)
        if term is not None:
            posts = posts.filter(**{self.kind: term})
        return posts.for_listing()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        if item.collective_author:
            return item.collective_author.name
        return ", ".join(profile.name for profile in item.author_profiles()) or None

    def item_categories(self, item):
        return [theme.name for theme in item.themes.all()] + [s.name for s in item.sectors.all()]


class BlogAtomFeed(BlogRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, term):
        return self.description(term)
