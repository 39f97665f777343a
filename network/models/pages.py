"""The home page: the network's front door."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from .mixins import SharingMixin


class HomePage(SharingMixin, Page):
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

    def get_context(self, request, *args, **kwargs):
        from blog.models import BlogPage
        from casestudies.models import CaseStudyPage
        from network.models import Sector, Theme

        context = super().get_context(request, *args, **kwargs)
        context["latest_posts"] = BlogPage.objects.visible_to(request.user).for_listing()[:3]
        featured_ids = [item.case_study_id for item in self.featured_case_studies.all()]
        featured = (
            CaseStudyPage.objects.visible_to(request.user).filter(pk__in=featured_ids).for_listing()
        )
        order = {pk: index for index, pk in enumerate(featured_ids)}
        context["featured_case_studies"] = sorted(featured, key=lambda page: order[page.pk])
        from network.events.models import EventPage

        context["upcoming_events"] = list(
            EventPage.objects.visible_to(request.user)
            .filter(cancelled=False)
            .upcoming()
            .for_listing()[:3]
        )
        context["themes"] = Theme.objects.all()
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
