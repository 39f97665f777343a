"""The home page: the network's front door."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from network.pages import routing
from network.pages.restrictions import KnownRestrictionsMixin
from network.platform import content_versions
from network.platform.membership import is_member
from network.platform.versioned import PerContentVersionByKey

from .mixins import SharingMixin

_themes_in_use = PerContentVersionByKey()  # by audience


class HomePage(KnownRestrictionsMixin, SharingMixin, Page):
    # Read alike by everyone in an audience, less the personal parts (caching/audience_cache.py).
    shared_by_audience = True

    introduction = models.TextField(
        help_text="What the network is, in two or three sentences", blank=True
    )
    join_heading = models.CharField(max_length=120, default="Join the network")
    join_text = RichTextField(
        features=["bold", "italic", "link", "ol", "ul"],
        blank=True,
        help_text="How to join: who can become a member and what they get",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("join_heading"),
        FieldPanel("join_text"),
        InlinePanel("featured_case_studies", label="Featured case studies", max_num=6),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("share_image")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "blog.BlogIndexPage",
        "casestudies.CaseStudyIndexPage",
        "events.EventIndexPage",
        "resources.ResourceIndexPage",
        "network.InformationPage",
    ]
    template = "network/home_page.html"
    max_count = 1

    def get_share_description(self):
        return self.introduction or super().get_share_description()

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        return routing.route_from(self, request, path_components, super().route)

    def get_context(self, request, *args, **kwargs):
        from network.models import Sector, Theme
        from network.pages import home

        context = super().get_context(request, *args, **kwargs)
        # The latest reflections, featured case studies and upcoming events, each from
        # the content app that owns them (network.pages.home).
        context.update(home.sections(self, request))
        # Only themes that lead somewhere for this reader: an empty theme page is a dead end.
        # Which those are changes only with content, so it is kept per audience and version.
        audience = "members" if is_member(request.user) else "public"
        context["themes"] = _themes_in_use.get(
            audience,
            content_versions.content_version(),
            lambda: list(Theme.objects.tagging_pages_visible_to(request.user, "themes")),
        )
        context["sectors"] = Sector.objects.all()
        return context


class HomePageFeaturedCaseStudy(Orderable):
    home_page = ParentalKey(
        HomePage, related_name="featured_case_studies", on_delete=models.CASCADE
    )
    case_study = models.ForeignKey(
        "casestudies.CaseStudyPage", on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("case_study")]

    class Meta(Orderable.Meta):
        verbose_name = "featured case study"
