"""Fields and behaviour shared by the network's content pages."""

from django import forms
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class Audience(models.TextChoices):
    PUBLIC = "public", "Public"
    MEMBERS = "members", "Network members only"


class TaxonomyMixin(models.Model):
    """Sector, CMHF theme and region tags that drive filters, landing pages and facets."""

    sectors = ParentalManyToManyField("network.Sector", blank=True, related_name="+")
    themes = ParentalManyToManyField(
        "network.Theme", blank=True, related_name="+", verbose_name="CMHF themes"
    )
    region = models.ForeignKey(
        "network.Region", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    taxonomy_panels = [
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
                FieldPanel("region"),
            ],
            heading="Themes, sectors and region",
        )
    ]

    class Meta:
        abstract = True


class SharingMixin(models.Model):
    """What a page shows when shared: the description and image used for OpenGraph."""

    share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when the page is shared; also used on listing cards",
    )

    class Meta:
        abstract = True

    def get_share_description(self):
        return getattr(self, "summary", "") or self.search_description or ""
