"""The resource library: guidance documents the network shares, searchable to the word.

A resource page describes one document (a guide, an evaluation report, a commissioning
template, a policy or a slide deck) and carries it as a Wagtail document. The document's
words are read into DocumentText by a task after upload (network.resources.extraction),
so search finds a passage inside the file and can say which page it is on. A file whose
words cannot be read is still published, marked "text not searchable".

Case studies and events attach resources through a ResourceAttachment of their own; the
library never names them, so content apps depend on it and not the other way round.
"""

import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from network.models import Region, Sector, Theme
from network.models.mixins import (
    Audience,
    AudienceMixin,
    PublishedQuerySetMixin,
    SharingMixin,
    TaxonomyMixin,
    for_audience,
)
from network.pages import structured_data
from network.pages.listing import ListingFilter, ListingPage, term_options
from network.pages.restrictions import KnownRestrictionsMixin, RestrictionAwareQuerySet

FIRST_YEAR = 1950


class DocumentType(models.TextChoices):
    GUIDE = "guide", "Guide"
    EVALUATION = "evaluation", "Evaluation report"
    TEMPLATE = "template", "Template"
    POLICY = "policy", "Policy"
    SLIDES = "slides", "Slides"


class ResourceIndexPage(KnownRestrictionsMixin, ListingPage):
    # Read alike by everyone in an audience, less the personal parts (caching/audience_cache.py).
    shared_by_audience = True

    subpage_types = ["resources.ResourcePage"]
    template = "resources/resource_index_page.html"

    listing_model = "resources.ResourcePage"
    listing_name = "resources"
    listing_order = ("-year", "title", "pk")

    class Meta:
        verbose_name = "resource library"

    def listing_filters(self, request):
        return [
            ListingFilter("type", "Kind of document", "document_type", DocumentType.choices),
            ListingFilter("theme", "Theme", "themes__slug", term_options(Theme)),
            ListingFilter("sector", "Sector", "sectors__slug", term_options(Sector)),
            ListingFilter("region", "Region", "region__slug", term_options(Region)),
        ]


class ResourcePageQuerySet(PublishedQuerySetMixin, RestrictionAwareQuerySet):
    def visible_to(self, user):
        """Live, unrestricted resources, less members-only ones for anyone not a member."""
        return for_audience(self.live().public(), user)

    def for_listing(self):
        return self.select_related("document__extracted_text", "region")


def _this_year_and_next():
    return datetime.date.today().year + 1


class ResourcePage(KnownRestrictionsMixin, AudienceMixin, TaxonomyMixin, SharingMixin, Page):
    # Read alike by everyone in an audience, less the personal parts (caching/audience_cache.py).
    shared_by_audience = True

    summary = models.CharField(max_length=300, help_text="What the document is and who it is for")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,  # a document deleted in the admin leaves the page saying so
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="PDF, Word, OpenDocument or slides, up to 25 MB",
    )
    document_type = models.CharField(
        "kind of document", max_length=20, choices=DocumentType.choices
    )
    publisher = models.CharField(max_length=200, help_text="The organisation that published it")
    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)],
        help_text="The year it was published",
    )

    objects = PageManager.from_queryset(ResourcePageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("document"),
        FieldRowPanel([FieldPanel("document_type"), FieldPanel("year")]),
        FieldPanel("publisher"),
        *TaxonomyMixin.taxonomy_panels,
        *AudienceMixin.audience_panels,
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("share_image")]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=3),
        index.SearchField("publisher"),
        index.SearchField("document_text"),
        index.FilterField("audience"),
    ]

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []
    template = "resources/resource_page.html"

    kind_label = "Resource"
    kind_label_plural = "Resources"

    class Meta:
        verbose_name = "resource"

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.year and self.year > _this_year_and_next():
            raise ValidationError({"year": "Give the year the document was published."})
        if self.document_id is None:
            raise ValidationError({"document": "Choose or upload the document."})

    def structured_data(self, request):
        """A DigitalDocument: the file the page offers, by whoever published it."""
        return structured_data.describe(
            "DigitalDocument",
            self,
            request,
            name=self.title,
            description=self.summary,
            genre=self.get_document_type_display(),
            publisher=structured_data.organisation(self.publisher),
            datePublished=str(self.year),
            **({"encodingFormat": self.document.content_type} if self.document_id else {}),
        )

    @property
    def text(self):
        """The document's extracted words, or None before they are read or when the file has
        gone."""
        if self.document_id is None:
            return None
        try:
            return self.document.extracted_text
        except DocumentText.DoesNotExist:
            return None

    @property
    def document_format(self):
        """The file's kind as a reader would name it ("PDF", "Word document")."""
        from .files import label_for

        return label_for(self.document.filename) if self.document_id else ""

    def document_text(self):
        text = self.text
        return text.joined() if text is not None else ""

    @property
    def text_not_searchable(self):
        text = self.text
        return text is not None and not text.is_searchable


class TextStatus(models.TextChoices):
    PENDING = "pending", "Not read yet"
    SEARCHABLE = "searchable", "Searchable"
    NOT_SEARCHABLE = "not-searchable", "Text not searchable"


class TextProblem(models.TextChoices):
    NO_TEXT = "no-text", "No text found: probably a scanned image"
    ENCRYPTED = "encrypted", "Locked with a password"
    BROKEN = "broken", "Damaged, or not a valid document"
    UNSUPPORTED = "unsupported", "Words are not read from this kind of file"
    TOO_COSTLY = "too-costly", "Too large or complex to read within the library's limits"


class DocumentText(models.Model):
    """The words of one uploaded document, page by page (slide by slide for a deck).

    Kept apart from Wagtail's document so that reading a large file happens in a task,
    once per version of the file (``file_hash``), and never while a facilitator waits.
    """

    document = models.OneToOneField(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="extracted_text"
    )
    status = models.CharField(max_length=20, choices=TextStatus.choices, default=TextStatus.PENDING)
    problem = models.CharField(max_length=20, choices=TextProblem.choices, blank=True)
    # Page N's words at index N - 1. Paged is False for a word-processor file, which has
    # no fixed pages: its text is one entry and no page number is shown.
    pages = models.JSONField(default=list, blank=True)
    paged = models.BooleanField(default=True)
    truncated = models.BooleanField(default=False)
    file_hash = models.CharField(max_length=64, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "document text"
        verbose_name_plural = "document texts"

    def __str__(self):
        return f"Text of {self.document}: {self.get_status_display()}"

    @property
    def is_searchable(self):
        return self.status == TextStatus.SEARCHABLE

    def joined(self):
        return "\n".join(self.pages) if self.is_searchable else ""

    def page_label(self, number):
        """How a reader is told where a passage is: "page 3", "slide 3", or nothing."""
        if not self.paged or number is None:
            return ""
        slides = self.document.file_extension in ("pptx", "odp")
        return f"{'slide' if slides else 'page'} {number}"


class ResourceAttachment(Orderable):
    """A resource shown with a case study or event; each content type subclasses this with
    its own ParentalKey, so the library knows nothing of the pages that attach it."""

    resource = models.ForeignKey(
        ResourcePage, on_delete=models.CASCADE, related_name="+", verbose_name="resource"
    )

    panels = [PageChooserPanel("resource", "resources.ResourcePage")]

    class Meta(Orderable.Meta):
        abstract = True


def visible_attachments(page, user):
    """The resources a page attaches that this viewer may see, in the editor's order."""
    order = {
        resource_id: position
        for position, resource_id in enumerate(
            page.attached_resources.order_by("sort_order").values_list("resource_id", flat=True)
        )
    }
    if not order:
        return []
    found = ResourcePage.objects.visible_to(user).filter(pk__in=order).for_listing()
    return sorted(found, key=lambda resource: order[resource.pk])


__all__ = [
    "Audience",
    "DocumentText",
    "DocumentType",
    "ResourceAttachment",
    "ResourceIndexPage",
    "ResourcePage",
    "TextProblem",
    "TextStatus",
]
