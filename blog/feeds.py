"""RSS and Atom feeds of public posts, for the whole blog and for each theme and sector.

Feeds are read anonymously by feed readers, so they only ever carry public posts, and
credit authors as a visitor would see them.

Titles, summaries and names are written by members, and a feed reader is a page we do
not control: many render an RSS title or description, and an Atom summary declared
type="html", as markup. So member text first goes through the sanitiser's plain-text
rule (no tags, nothing from inside a script), then is HTML-escaped wherever a reader may
take it as HTML. Escaping after cleaning matters: the sanitiser decodes "&lt;script&gt;"
into the characters "<script>", which would be markup again once the reader decodes the
XML. Atom entry titles are declared HTML too, so no reader has to guess; Atom author
names can only be text, so they are cleaned and not escaped.
"""

from html import escape

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from network.models import Sector, Theme
from network.pages import bylines
from network.text.sanitiser import clean_text

FEED_LENGTH = 30


def as_text(value):
    return clean_text(value or "")


def as_html(value):
    """Member text for an element the reader renders as HTML: shown as written, never run.

    Quotes are left alone: they mean nothing in element content, and escaping them would
    show "&#x27;" to readers that take the element as text after all.
    """
    return escape(as_text(value), quote=False)


class _EntryTitlesAsHtml:
    """Passes Atom1Feed's XML writer through, declaring each entry title type="html"."""

    def __init__(self, handler):
        self._handler = handler

    def __getattr__(self, name):
        return getattr(self._handler, name)

    def addQuickElement(self, name, contents=None, attrs=None):  # noqa: N802 (SAX's name)
        if name == "title" and not attrs:
            attrs = {"type": "html"}
        self._handler.addQuickElement(name, contents, attrs)


class AtomFeedWithHtmlTitles(Atom1Feed):
    """Django writes entry titles as Atom's default, text; ours carry escaped HTML."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(_EntryTitlesAsHtml(handler), item)


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
        # The index page decides which posts are public (BlogIndexPage.feed_posts).
        posts = self.index_page.feed_posts()
        if term is not None:
            posts = posts.filter(**{self.kind: term})
        return posts.for_listing()[:FEED_LENGTH]

    # RSS leaves open whether a name is text or HTML, so it is written to be safe as either.
    author_text = staticmethod(as_html)

    def item_title(self, item):
        return as_html(item.title)

    def item_description(self, item):
        return as_html(item.summary)

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        names = bylines.author_line(item, bylines.VISITOR)
        return self.author_text(names) if names else None

    def item_categories(self, item):
        return [theme.name for theme in item.themes.all()] + [s.name for s in item.sectors.all()]


class BlogAtomFeed(BlogRssFeed):
    feed_type = AtomFeedWithHtmlTitles
    author_text = staticmethod(as_text)

    def subtitle(self, term):
        return self.description(term)
