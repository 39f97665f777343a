"""Good-practice case studies, recorded in comparable fields."""

import calendar
import datetime

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.urls import reverse
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.rich_text import RichText
from wagtail.search import index

from network.models import CareLevel, Region, Sector, Theme
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
from network.pages import structured_data
from network.pages.listing import ListingFilter, ListingPage, term_options
from network.pages.page_forms import NewPageSlugForm
from network.pages.restrictions import KnownRestrictionsMixin, RestrictionAwareQuerySet
from network.platform.form_fields import MAX_ID
from network.resources.models import ResourceAttachment, visible_attachments

from .choices import IntegrationType, InterfaceModel, PartnerRole, RelationshipType, Setting, Status
from .validators import validate_team_mailbox

TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]
COMPARE_MIN, COMPARE_MAX = 2, 4


def is_database_id(text):
    """ASCII digits within a 64-bit key: "²" or a 30-digit number must not reach the query."""
    return text.isascii() and text.isdigit() and 0 < int(text) <= MAX_ID


def add_months(day, months):
    """The same day a number of months later (or earlier), kept within shorter months."""
    year, month_index = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month_index + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def review_cutoff(today=None):
    """The last-reviewed date before which a case study is due for review."""
    return add_months(today or timezone.localdate(), -settings.CASE_STUDY_REVIEW_MONTHS)


class CaseStudyQuerySet(PublishedQuerySetMixin, RestrictionAwareQuerySet):
    def visible_to(self, user):
        """Published case studies, less members-only ones for anyone who is not a member."""
        return for_audience(self.published(), user)

    def review_due(self, today=None):
        return self.filter(last_reviewed__lt=review_cutoff(today))

    def for_listing(self):
        return (
            self.select_related("region", "share_image")
            .prefetch_related("themes", "sectors", "care_levels", "share_image__renditions")
            .order_by("-date_published", "-pk")
        )


CaseStudyManager = PageManager.from_queryset(CaseStudyQuerySet)


class CaseStudyIndexPage(KnownRestrictionsMixin, SharingMixin, ListingPage):
    # Read alike by everyone in an audience, less the personal parts (caching/audience_cache.py).
    shared_by_audience = True

    promote_panels = [*Page.promote_panels, FieldPanel("share_image")]

    subpage_types = ["casestudies.CaseStudyPage"]
    template = "casestudies/case_study_index_page.html"

    listing_model = "casestudies.CaseStudyPage"
    listing_name = "case_studies"

    def listing_filters(self, request):
        return [
            ListingFilter("theme", "Theme", "themes__slug", term_options(Theme)),
            ListingFilter("sector", "Sector", "sectors__slug", term_options(Sector)),
            ListingFilter("region", "Region", "region__slug", term_options(Region)),
            ListingFilter("status", "Status", "status", Status.choices),
            ListingFilter(
                "integration",
                "Integration type",
                "integration_type",
                IntegrationType.choices,
            ),
            ListingFilter(
                "relationship",
                "Relationship",
                "relationship_type",
                RelationshipType.choices,
            ),
            ListingFilter(
                "interface", "Interface model", "interface_model", InterfaceModel.choices
            ),
            ListingFilter("level", "Level of care", "care_levels__slug", term_options(CareLevel)),
            ListingFilter("setting", "Setting", "setting", Setting.choices),
        ]

    @path("compare/", name="compare")
    def compare(self, request):
        raw_ids = [
            part.strip()
            for value in request.GET.getlist("ids")
            for part in value.split(",")
            if part.strip()
        ]
        ids = list(dict.fromkeys(int(part) for part in raw_ids if is_database_id(part)))
        published = CaseStudyPage.objects.visible_to(request.user).descendant_of(self)
        error = notice = None
        studies = []
        if not raw_ids:
            notice = "Choose two to four case studies to see them side by side."
        elif len(ids) == 1:
            notice = "Choose one to three more case studies to compare with the one ticked below."
        elif not COMPARE_MIN <= len(ids) <= COMPARE_MAX:
            error = (
                f"Choose between {COMPARE_MIN} and {COMPARE_MAX} case studies to compare; "
                f"{len(ids)} {'was' if len(ids) == 1 else 'were'} chosen."
            )
        else:
            found = {
                study.pk: study
                for study in published.filter(pk__in=ids)
                .for_listing()
                .prefetch_related("partners__sector", "outcomes")
            }
            studies = [found[pk] for pk in ids if pk in found]
            missing = len(ids) - len(studies)
            if missing:
                error = (
                    f"{missing} of the chosen case studies could not be found; they may have "
                    "been withdrawn."
                )
                if len(studies) < COMPARE_MIN:
                    studies = []
        # Each value with its study, which a phone shows above it when the table stacks.
        rows = [
            {
                "label": label,
                "values": [getter(study) for study in studies],
                "cells": [(study, getter(study)) for study in studies],
            }
            for label, getter in CaseStudyPage.comparison_fields()
        ]
        return self.render(
            request,
            template="casestudies/compare.html",
            context_overrides={
                "studies": studies,
                "rows": rows,
                "error": error,
                "notice": notice,
                "choices": published.order_by("title"),
                "chosen_ids": ids,
            },
        )


class CaseStudyKeyword(TaggedItemBase):
    content_object = ParentalKey(
        "casestudies.CaseStudyPage", related_name="tagged_keywords", on_delete=models.CASCADE
    )


class CaseStudyPage(
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

    summary = models.TextField(max_length=500, help_text="Two or three sentences for listings")
    place = models.CharField(
        max_length=160, help_text="Town, city, borough or integrated care system"
    )
    population_covered = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=[MaxValueValidator(60_000_000)],
        help_text="Number of people served, for example 50000",
    )
    setting = models.CharField(max_length=20, choices=Setting.choices)
    integration_type = models.CharField(max_length=20, choices=IntegrationType.choices)
    relationship_type = models.CharField(
        max_length=30,
        choices=RelationshipType.choices,
        help_text="From the loosest (taking into account) to the tightest (merger)",
    )
    interface_model = models.CharField(
        max_length=30,
        choices=InterfaceModel.choices,
        blank=True,
        help_text="How primary and specialist care meet, where that applies",
    )
    care_levels = ParentalManyToManyField(
        CareLevel, blank=True, related_name="+", verbose_name="levels of care"
    )
    problem = RichTextField(features=TEXT_FEATURES, help_text="What needed to change, and for whom")
    what_was_done = RichTextField(features=TEXT_FEATURES)
    outcomes_summary = RichTextField(
        "outcomes and evidence", features=TEXT_FEATURES, help_text="The overall picture"
    )
    barriers = RichTextField(features=TEXT_FEATURES)
    enablers = RichTextField(features=TEXT_FEATURES)
    key_learning = RichTextField(features=TEXT_FEATURES)
    cost_and_funding = RichTextField(features=TEXT_FEATURES)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ESTABLISHED)
    contact_role = models.CharField(
        "contact role or team", max_length=160, help_text="A role or team, not a named person"
    )
    contact_email = models.EmailField(
        "team mailbox",
        blank=True,
        validators=[validate_team_mailbox],
        help_text="A shared team or role mailbox, never a personal address",
    )
    date_published = models.DateField(default=timezone.localdate)
    last_reviewed = models.DateField("date last reviewed", default=timezone.localdate)
    keywords = ClusterTaggableManager(through=CaseStudyKeyword, blank=True)
    suggested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="suggested_case_studies",
        help_text="The member who suggested this example, who follows it on their submissions",
    )
    suggested_partners = models.TextField(
        "other organisations named in the suggestion",
        blank=True,
        help_text="As the member gave them: add each as a partner organisation above",
    )

    members_only_reason = (
        "Some local examples are shared only within the network, often while a service is "
        "still settling in or before its partners are ready to be named in public."
    )

    objects = CaseStudyManager()
    base_form_class = NewPageSlugForm

    content_panels = [
        IdentifierCheckPanel(),
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("place"), FieldPanel("population_covered")]),
                FieldPanel("setting"),
                FieldPanel("status"),
            ],
            heading="Where and when",
        ),
        InlinePanel("partners", label="Partner organisation", min_num=1),
        *TaxonomyMixin.taxonomy_panels,
        MultiFieldPanel(
            [
                FieldPanel("integration_type"),
                FieldPanel("relationship_type"),
                FieldPanel("interface_model"),
                FieldPanel("care_levels", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Type of integration",
        ),
        FieldPanel("problem"),
        FieldPanel("what_was_done"),
        FieldPanel("outcomes_summary"),
        InlinePanel("outcomes", label="Outcome and how it was measured"),
        FieldPanel("barriers"),
        FieldPanel("enablers"),
        FieldPanel("key_learning"),
        FieldPanel("cost_and_funding"),
        InlinePanel("attached_resources", label="Resource from the library"),
        MultiFieldPanel(
            [FieldPanel("contact_role"), FieldPanel("contact_email")], heading="Contact"
        ),
        FieldRowPanel([FieldPanel("date_published"), FieldPanel("last_reviewed")]),
        FieldPanel("keywords"),
        *AudienceMixin.audience_panels,
        FieldPanel("suggested_partners", read_only=True),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("share_image")]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=3),
        index.SearchField("key_learning", boost=3),
        index.SearchField("problem"),
        index.SearchField("what_was_done"),
        index.SearchField("outcomes_summary"),
        index.SearchField("place"),
        index.FilterField("status"),
        index.FilterField("audience"),
        index.FilterField("date_published"),
        index.RelatedFields("keywords", [index.SearchField("name", boost=2)]),
    ]

    parent_page_types = ["casestudies.CaseStudyIndexPage"]
    subpage_types = []
    template = "casestudies/case_study_page.html"

    class Meta:
        verbose_name = "case study"
        verbose_name_plural = "case studies"

    # What readers call this kind of page, in digests, notifications and the refusal a
    # visitor gets for a members-only one.
    kind_label = "Case study"
    kind_label_plural = "Case studies"
    submission_noun = "case study suggestion"

    def member_authors(self):
        """Only the member who suggested it: facilitators' own case studies tell no one."""
        return [self.suggested_by] if self.suggested_by_id else []

    def member_edit_url(self):
        return reverse("suggest-case-study-edit", args=[self.pk])

    def structured_data(self, request):
        """A Report: a written account of a piece of work and what it found."""
        return structured_data.describe(
            "Report",
            self,
            request,
            name=self.title,
            headline=self.title,
            abstract=self.summary,
            datePublished=self.date_published.isoformat(),
            dateModified=self.last_reviewed.isoformat(),
            contributor=[
                structured_data.organisation(partner.name) for partner in self.partners.all()
            ],
            spatialCoverage={"@type": "Place", "name": self.place},
            about=[theme.name for theme in self.themes.all()],
            creativeWorkStatus=self.get_status_display(),
        )

    def get_context(self, request, *args, **kwargs):
        # Read by the structured data, the facts panel and the tag list: fetched once.
        if self.pk is not None:  # a new page's preview has no rows to fetch yet
            prefetch_related_objects(
                [self],
                "themes",
                "sectors",
                "care_levels",
                Prefetch("partners", queryset=CaseStudyPartner.objects.select_related("sector")),
            )
        context = super().get_context(request, *args, **kwargs)
        context["resources"] = visible_attachments(self, request.user)
        context.update(discussion_context(self, request))
        return context

    @property
    def review_due_on(self):
        return add_months(self.last_reviewed, settings.CASE_STUDY_REVIEW_MONTHS)

    @property
    def is_review_due(self):
        return self.last_reviewed < review_cutoff()

    @staticmethod
    def comparison_fields():
        """(label, getter) pairs, in the order the detail page and the compare view show them."""

        def names(attribute):
            return lambda study: ", ".join(str(item) for item in getattr(study, attribute).all())

        return [
            ("Place", lambda study: study.place),
            ("Region", lambda study: study.region or ""),
            (
                "Population covered",
                lambda study: f"{study.population_covered:,}" if study.population_covered else "",
            ),
            ("Setting", lambda study: study.get_setting_display()),
            ("Status", lambda study: study.get_status_display()),
            (
                "Partners",
                lambda study: "; ".join(
                    f"{partner.name} ({partner.get_role_display()})"
                    for partner in study.partners.all()
                ),
            ),
            ("Sectors", names("sectors")),
            ("CMHF themes", names("themes")),
            ("Integration type", lambda study: study.get_integration_type_display()),
            ("Relationship", lambda study: study.get_relationship_type_display()),
            ("Interface model", lambda study: study.get_interface_model_display()),
            ("Levels of care", names("care_levels")),
            ("Problem", lambda study: RichText(study.problem)),
            ("What was done", lambda study: RichText(study.what_was_done)),
            ("Outcomes and evidence", lambda study: RichText(study.outcomes_summary)),
            (
                "How outcomes were measured",
                lambda study: "; ".join(
                    f"{outcome.outcome}: {outcome.how_measured}" for outcome in study.outcomes.all()
                ),
            ),
            ("Barriers", lambda study: RichText(study.barriers)),
            ("Enablers", lambda study: RichText(study.enablers)),
            ("Key learning", lambda study: RichText(study.key_learning)),
            ("Cost and funding", lambda study: RichText(study.cost_and_funding)),
            ("Contact", lambda study: study.contact_role),
            ("Published", lambda study: f"{study.date_published:%-d %B %Y}"),
            ("Last reviewed", lambda study: f"{study.last_reviewed:%-d %B %Y}"),
        ]


class CaseStudyPartner(Orderable):
    page = ParentalKey(CaseStudyPage, related_name="partners", on_delete=models.CASCADE)
    name = models.CharField(max_length=200)
    sector = models.ForeignKey(Sector, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=20, choices=PartnerRole.choices)

    # Radios: the snippet chooser pages its list, hiding a sector on its second page.
    panels = [
        FieldPanel("name"),
        FieldPanel("sector", widget=forms.RadioSelect),
        FieldPanel("role"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "partner organisation"

    def __str__(self):
        return self.name


class CaseStudyResource(ResourceAttachment):
    """An evaluation report, template or slide deck from the library that goes with it."""

    page = ParentalKey(CaseStudyPage, related_name="attached_resources", on_delete=models.CASCADE)


class CaseStudyOutcome(Orderable):
    page = ParentalKey(CaseStudyPage, related_name="outcomes", on_delete=models.CASCADE)
    outcome = models.CharField(max_length=300, help_text="What changed")
    how_measured = models.CharField(
        max_length=300, help_text="How it was measured, for example 'waiting list audit'"
    )

    panels = [FieldPanel("outcome"), FieldPanel("how_measured")]

    class Meta(Orderable.Meta):
        verbose_name = "outcome"
