"""Controlled vocabularies that make posts and case studies comparable.

They are plain models rather than tags so that facilitators curate one spelling of each
term and URLs, filters and search facets can rely on stable slugs.
"""

from django.db import models
from django.urls import reverse
from wagtail.models import get_page_models

from network.models.mixins import TaxonomyMixin


class TermQuerySet(models.QuerySet):
    def tagging_pages_visible_to(self, user, field):
        """Terms that tag at least one page, of any kind, that `user` may read; `field`
        is the pages' name for the terms ("themes", "sectors")."""
        used = set()
        for model in get_page_models():
            if issubclass(model, TaxonomyMixin) and hasattr(model.objects, "visible_to"):
                used.update(
                    model.objects.visible_to(user)
                    .filter(**{f"{field}__isnull": False})
                    .values_list(field, flat=True)
                    .distinct()
                )
        return self.filter(pk__in=used)

    def by_slugs(self, slugs):
        return self.filter(slug__in=[slug for slug in slugs if slug])


class Term(models.Model):
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True, help_text="Stable identifier used in URLs")
    description = models.TextField(blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    objects = TermQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse(self.landing_url_name, kwargs={"slug": self.slug})


class Sector(Term):
    """Where a member or partner works: NHS, primary care, the voluntary sector and so on."""

    landing_url_name = "sector-detail"

    class Meta(Term.Meta):
        verbose_name = "sector"


class Theme(Term):
    """A theme of the Community Mental Health Framework (CMHF)."""

    landing_url_name = "theme-detail"

    class Meta(Term.Meta):
        verbose_name = "CMHF theme"
        verbose_name_plural = "CMHF themes"


class Region(Term):
    """An NHS England region, or a wider area for national and devolved work.

    Scotland, Wales and Northern Ireland stay, so members there can share their work,
    but they are marked: the Community Mental Health Framework is England's, and a
    reader comparing case studies needs to know when the policy behind one differs.
    """

    landing_url_name = "region-detail"
    in_framework = models.BooleanField(
        "covered by the framework",
        default=True,
        help_text=(
            "Untick for places outside England, where the Community Mental Health "
            "Framework does not apply"
        ),
    )

    class Meta(Term.Meta):
        verbose_name = "region"


class CareLevel(models.Model):
    """A level of care from community wellbeing to tertiary care.

    A model rather than choices because one case study spans several levels and
    filters need to match any of them on every database.
    """

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    objects = TermQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order"]
        verbose_name = "level of care"
        verbose_name_plural = "levels of care"

    def __str__(self):
        return self.name
