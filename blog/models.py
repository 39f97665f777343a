"""Reflections and co-authored network blogs."""

import math
from collections import Counter

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path, re_path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from network.caching.audience_cache import audience_of
from network.models import Region, Sector, Theme, Visibility
from network.models.mixins import (
    AudienceMixin,
    DiscussionMixin,
    PublishedQuerySetMixin,
    ReviewOutcomeMixin,
    SharingMixin,
    TaxonomyMixin,
    for_audience,
)
from network.moderation.discussion import discussion_context
from network.moderation.review import IdentifierCheckPanel
from network.pages import bylines, structured_data
from network.pages.listing import ListingFilter, ListingPage, term_options
from network.pages.page_forms import NewPageSlugForm
from network.pages.restrictions import KnownRestrictionsMixin, RestrictionAwareQuerySet
from network.platform import content_versions
from network.platform.membership import is_facilitator
from network.platform.versioned import PerContentVersionByKey
from network.text.lines import one_line

from .blocks import BodyBlock, stream_words
from .feeds import BlogAtomFeed, BlogRssFeed
from .moderation import FacilitatorReviewTask  # noqa: F401  (a model: registered with the app)

WORDS_PER_MINUTE = 200

# Each post's related posts by audience (BlogPage.related_posts).
_related_ids = PerContentVersionByKey(max_keys=5000)
# The years a blog's year filter offers, by blog and audience.
_listing_years = PerContentVersionByKey()


class CollectiveAuthor(models.Model):
    """A group that signs a post together, such as a regional knowledge exchange network."""

    name = models.CharField(max_length=160, unique=True)
    description = models.TextField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = "collective author"

    def __str__(self):
        return self.name


class BlogSeries(models.Model):
    title = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    description = models.TextField(blank=True)

    panels = [FieldPanel("title"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["title"]
        verbose_name = "blog series"
        verbose_name_plural = "blog series"

    def __str__(self):
        return self.title


class BlogPageQuerySet(PublishedQuerySetMixin, RestrictionAwareQuerySet):
    def visible_to(self, user):
        """Live, unrestricted posts, less members-only ones for anyone who is not a member."""
        return for_audience(self.live().public().filter(hidden_for_review=False), user)

    def published_between(self, start, end):
        # A post hidden while reports are reviewed is in no digest; its series and
        # authors are followed as well as its terms.
        return (
            super()
            .published_between(start, end)
            .filter(hidden_for_review=False)
            .select_related("series")
            .prefetch_related(
                Prefetch("authors", queryset=BlogPageAuthor.objects.select_related("profile"))
            )
        )

    def for_listing(self):
        return (
            self.select_related("region", "collective_author", "series", "share_image")
            .prefetch_related(
                "themes",
                "sectors",
                "share_image__renditions",
                Prefetch(
                    "authors",
                    queryset=BlogPageAuthor.objects.select_related("profile").order_by(
                        "sort_order"
                    ),
                ),
            )
            .order_by("-date", "-pk")
        )


BlogPageManager = PageManager.from_queryset(BlogPageQuerySet)


class BlogIndexPage(KnownRestrictionsMixin, SharingMixin, ListingPage):
    # Read alike by everyone in an audience, less the personal parts (caching/audience_cache.py).
    shared_by_audience = True

    promote_panels = [*Page.promote_panels, FieldPanel("share_image")]

    subpage_types = ["blog.BlogPage"]
    template = "blog/blog_index_page.html"

    listing_model = "blog.BlogPage"
    listing_name = "posts"

    @staticmethod
    def keyword_options(params):
        """Only the keywords asked for, so the filter names them without listing every tag.

        Keywords are free text and run to hundreds; a post's keyword links here, and the
        chosen one shows as a chip and a ticked box that can be cleared like any filter.
        """
        slugs = [value.strip() for value in params.getlist("keyword")[:10] if value.strip()]
        if not slugs:
            return []
        used = BlogPageKeyword.objects.filter(tag__slug__in=slugs).values("tag_id")
        return list(Tag.objects.filter(pk__in=used).order_by("name").values_list("slug", "name"))

    def listing_years(self, user):
        """The years with posts the reader's audience may read, newest first, worked out
        once per audience and content version."""
        posts = BlogPage.objects.visible_to(user).descendant_of(self)
        return _listing_years.get(
            (self.pk, audience_of(user)),
            content_versions.content_version(),
            lambda: tuple(str(day.year) for day in posts.dates("date", "year", order="DESC")),
        )

    def listing_filters(self, request):
        years = self.listing_years(request.user)
        filters = [
            ListingFilter("theme", "Theme", "themes__slug", term_options(Theme)),
            ListingFilter("sector", "Sector", "sectors__slug", term_options(Sector)),
            ListingFilter("region", "Region", "region__slug", term_options(Region)),
            ListingFilter("year", "Year", "date__year", [(y, y) for y in years], integer=True),
        ]
        keywords = self.keyword_options(request.GET)
        if keywords:
            filters.append(
                ListingFilter("keyword", "Keyword", "tagged_keywords__tag__slug", keywords)
            )
        return filters

    def feed_posts(self):
        """The posts this blog's feeds may carry (blog.feeds narrows them to a term).

        Feed readers are anonymous: only what a visitor may read goes in.
        """
        return BlogPage.objects.visible_to(None).descendant_of(self)

    @path("rss/", name="rss")
    def rss(self, request):
        return BlogRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom(self, request):
        return BlogAtomFeed(self)(request)

    @re_path(r"^(?P<kind>themes|sectors)/(?P<slug>[-\w]+)/(?P<format>rss|atom)/$", name="term-feed")
    def term_feed(self, request, kind, slug, format):
        feed_class = BlogRssFeed if format == "rss" else BlogAtomFeed
        return feed_class(self, kind=kind)(request, slug=slug)


class BlogPageAuthor(Orderable):
    page = ParentalKey("blog.BlogPage", related_name="authors", on_delete=models.CASCADE)
    profile = models.ForeignKey(
        "network.MemberProfile", on_delete=models.CASCADE, related_name="authored_posts"
    )

    panels = [FieldPanel("profile")]

    class Meta(Orderable.Meta):
        verbose_name = "author"


class BlogPageKeyword(TaggedItemBase):
    content_object = ParentalKey(
        "blog.BlogPage", related_name="tagged_keywords", on_delete=models.CASCADE
    )


class BlogPage(
    KnownRestrictionsMixin,
    AudienceMixin,
    ReviewOutcomeMixin,
    TaxonomyMixin,
    SharingMixin,
    DiscussionMixin,
    Page,
):
    # Read alike by everyone in an audience, less the personal parts (caching/audience_cache.py).
    shared_by_audience = True

    summary = models.TextField(
        max_length=400, help_text="One or two sentences shown in listings and when shared"
    )
    date = models.DateField("published date", default=timezone.localdate, db_index=True)
    body = StreamField(BodyBlock())
    collective_author = models.ForeignKey(
        CollectiveAuthor,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="posts",
        help_text="For a post written together, such as a regional network's blog",
    )
    collated_by = models.CharField(
        max_length=200,
        blank=True,
        help_text="Who collated a collective post, for example 'a network facilitator'",
    )
    series = models.ForeignKey(
        BlogSeries, null=True, blank=True, on_delete=models.SET_NULL, related_name="posts"
    )
    series_part = models.PositiveSmallIntegerField(null=True, blank=True)
    keywords = ClusterTaggableManager(through=BlogPageKeyword, blank=True)
    reading_minutes = models.PositiveSmallIntegerField(default=1, editable=False)
    hidden_for_review = models.BooleanField(
        default=False,
        help_text="Hidden from everyone but facilitators after repeated reports",
    )

    objects = BlogPageManager()
    base_form_class = NewPageSlugForm

    content_panels = [
        IdentifierCheckPanel(),
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("date"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                InlinePanel("authors", label="Member author"),
                FieldPanel("collective_author"),
                FieldPanel("collated_by"),
            ],
            heading="Authors",
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("series"), FieldPanel("series_part")])],
            heading="Series",
        ),
        *TaxonomyMixin.taxonomy_panels,
        FieldPanel("keywords"),
        FieldPanel("audience"),
        FieldPanel("hidden_for_review"),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("share_image")]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=3),
        index.SearchField("body"),
        index.FilterField("audience"),
        index.FilterField("hidden_for_review"),
        index.FilterField("date"),
        index.RelatedFields("keywords", [index.SearchField("name", boost=2)]),
    ]

    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []
    template = "blog/blog_page.html"

    class Meta:
        verbose_name = "blog post"

    def _title_on_one_line(self):
        """A line break in a title (only a hand-made request can send one) would reach
        email subjects and listings; drafts and published saves both pass through here."""
        self.title = one_line(self.title)
        if self.draft_title:
            self.draft_title = one_line(self.draft_title)

    def minimal_clean(self):
        self._title_on_one_line()
        super().minimal_clean()

    def clean(self):
        self._title_on_one_line()
        super().clean()
        errors = {}
        if self.series_id and not self.series_part:
            errors["series_part"] = "Give the part number of this post in its series."
        if self.series_part and not self.series_id:
            errors["series"] = "Choose the series this part belongs to, or clear the part number."
        if self.series_id and self.series_part:
            clash = (
                BlogPage.objects.filter(series_id=self.series_id, series_part=self.series_part)
                .exclude(pk=self.pk)
                .first()
            )
            if clash:
                errors["series_part"] = (
                    f"Part {self.series_part} of this series is already “{clash.title}”."
                )
        if self.collated_by and not self.collective_author_id:
            errors["collective_author"] = (
                "A collated post needs the collective author it speaks for."
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.reading_minutes = max(1, math.ceil(stream_words(self.body) / WORDS_PER_MINUTE))
        super().save(*args, **kwargs)

    def is_open_for_discussion(self):
        return not self.hidden_for_review

    def hide_for_review(self, hidden):
        from network.platform.content_versions import visibility_changed

        BlogPage.objects.filter(pk=self.pk).update(hidden_for_review=hidden)
        self.hidden_for_review = hidden
        visibility_changed.send(sender=BlogPage, page=self)

    def serve(self, request, *args, **kwargs):
        if self.hidden_for_review and not is_facilitator(request.user):
            raise Http404("This post is hidden while facilitators review reports about it")
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        if self.hidden_for_review:
            return []
        return super().get_sitemap_urls(request)

    def author_profiles(self):
        return [author.profile for author in self.authors.all()]

    # What readers call this kind of page, in digests, notifications and the refusal a
    # visitor gets for a members-only one.
    kind_label = "Reflection"
    kind_label_plural = "Reflections"
    submission_noun = "reflection"

    def member_authors(self):
        """Every author with an account, or whoever sent it when no author has one."""
        users = [
            author.profile.user
            for author in self.authors.select_related("profile__user")
            if author.profile.user_id
        ]
        return users or super().member_authors()

    def followed_targets(self):
        """Its themes, sectors and region, its series, and the profiles of its authors."""
        targets = super().followed_targets()
        if self.series_id:
            targets.append(self.series)
        # A profile hidden from other members is never named as what someone follows.
        targets += [
            author.profile
            for author in self.authors.all()
            if author.profile.visibility != Visibility.HIDDEN
        ]
        return targets

    def member_edit_url(self):
        return reverse("share-edit", args=[self.pk])

    def series_neighbours(self, user):
        if not self.series_id or not self.series_part:
            return None, None
        parts = BlogPage.objects.visible_to(user).filter(series_id=self.series_id)
        previous = parts.filter(series_part__lt=self.series_part).order_by("-series_part").first()
        following = parts.filter(series_part__gt=self.series_part).order_by("series_part").first()
        return previous, following

    def related_posts(self, user, limit=3, candidates=200, kept=True):
        """Posts sharing the most themes and sectors with this one, newest first on ties.

        The same for everyone in an audience until content changes, so which posts they
        are is worked out once per post, audience and content version; only the posts
        themselves are read for each page. A preview of a draft (``kept=False``) works
        them out from the draft's own themes and keeps nothing.
        """
        if not kept:
            best = self._related_ids(user, limit, candidates)
        else:
            best = _related_ids.get(
                (self.pk, audience_of(user), limit),
                content_versions.content_version(),
                lambda: self._related_ids(user, limit, candidates),
            )
        if not best:
            return []
        posts = BlogPage.objects.filter(pk__in=best).select_related("share_image").in_bulk()
        return [posts[pk] for pk in best if pk in posts]

    def _related_ids(self, user, limit, candidates):
        """Scoring every post in one grouped query grows with the whole blog, so only the
        newest posts sharing at least one theme or sector are scored, from the narrow tag
        tables."""
        theme_ids = [theme.pk for theme in self.themes.all()]
        sector_ids = [sector.pk for sector in self.sectors.all()]
        if not theme_ids and not sector_ids:
            return ()
        themes = BlogPage.themes.through.objects
        sectors = BlogPage.sectors.through.objects
        shared = Q(pk__in=themes.filter(theme_id__in=theme_ids).values("blogpage_id")) | Q(
            pk__in=sectors.filter(sector_id__in=sector_ids).values("blogpage_id")
        )
        newest = list(
            BlogPage.objects.visible_to(user)
            .exclude(pk=self.pk)
            .filter(shared)
            .order_by("-date", "-pk")
            .values_list("pk", flat=True)[:candidates]
        )
        scores = Counter(
            themes.filter(blogpage_id__in=newest, theme_id__in=theme_ids).values_list(
                "blogpage_id", flat=True
            )
        )
        scores.update(
            sectors.filter(blogpage_id__in=newest, sector_id__in=sector_ids).values_list(
                "blogpage_id", flat=True
            )
        )
        return tuple(sorted(newest, key=lambda pk: -scores[pk])[:limit])

    def _schema_authors(self):
        """Authors as a visitor sees them: search engines and link previews are never signed in."""
        if self.collective_author:
            return [structured_data.organisation(self.collective_author.name)]
        return [
            {
                "@type": "Person",
                "name": credit.name,
                **({"jobTitle": credit.role} if credit.role else {}),
            }
            for credit in bylines.post_credits(self, bylines.VISITOR)
        ]

    def structured_data(self, request):
        modified = self.last_published_at or self.latest_revision_created_at
        return structured_data.describe(
            "Article",
            self,
            request,
            headline=self.title,
            description=self.summary,
            datePublished=self.date.isoformat(),
            dateModified=modified.isoformat() if modified else self.date.isoformat(),
            author=self._schema_authors(),
            keywords=[theme.name for theme in self.themes.all()],
            isAccessibleForFree=True,
        )

    def get_context(self, request, *args, **kwargs):
        # Themes, sectors and bylines are read by related posts, the structured data, the
        # byline and the tag list: fetched once here for all of them.
        if self.pk is not None:  # a new page's preview has no rows to fetch yet
            prefetch_related_objects(
                [self],
                "themes",
                "sectors",
                Prefetch("authors", queryset=BlogPageAuthor.objects.select_related("profile")),
            )
        context = super().get_context(request, *args, **kwargs)
        context["previous_part"], context["next_part"] = self.series_neighbours(request.user)
        context["related_posts"] = self.related_posts(
            request.user, kept=not getattr(request, "is_preview", False)
        )
        context.update(discussion_context(self, request))
        return context
