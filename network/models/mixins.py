"""Fields and behaviour shared by the network's content pages."""

from django import forms
from django.db import models
from django.template.response import TemplateResponse
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from network.pages.page_forms import OptionalRadioSelect
from network.platform.membership import is_member


class Audience(models.TextChoices):
    PUBLIC = "public", "Public"
    MEMBERS = "members", "Network members only"


class AudienceMixin(models.Model):
    """Who may read a page: everyone, or network members only.

    Every content type shares one rule so that a members-only page stays out of every
    channel a visitor can reach (listings, feeds, sitemap, search, images) in the same way.
    """

    audience = models.CharField(max_length=10, choices=Audience.choices, default=Audience.PUBLIC)

    # What readers call one page of this kind and several: a visitor refused a
    # members-only page is told what it is and where the public ones are.
    kind_label = "Page"
    kind_label_plural = "Pages"
    # Why some pages of this kind are kept to members, where the kind has a reason of its
    # own; otherwise the refusal gives the network's.
    members_only_reason = ""

    audience_panels = [FieldPanel("audience")]

    class Meta:
        abstract = True

    @property
    def is_members_only(self):
        return self.audience == Audience.MEMBERS

    def members_only_refusal(self, request):
        """The page a non-member gets instead of a members-only one, or None for a reader.

        Nothing about the page itself, not even its title, reaches a non-member, and the
        403 is never cached because the page cache keeps only 200 responses.
        """
        if self.is_members_only and not is_member(request.user):
            context = {
                "kind": self.kind_label.lower(),
                "kinds": self.kind_label_plural.lower(),
                "reason": self.members_only_reason,
                "listing": self.get_parent(),
            }
            return TemplateResponse(request, "components/members_only.html", context, status=403)
        return None

    def is_visible_to(self, user):
        """The page type's own listing rule (``objects.visible_to``), which also decides who
        may fetch the images and files the page shows."""
        return type(self).objects.visible_to(user).filter(pk=self.pk).exists()

    def serve(self, request, *args, **kwargs):
        # First in a page's bases, so routed sub-pages (an event's calendar file) are
        # refused too.
        refusal = self.members_only_refusal(request)
        if refusal is not None:
            return refusal
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        if self.is_members_only:
            return []
        return super().get_sitemap_urls(request)


def for_audience(queryset, user):
    """The queryset less members-only pages, unless the viewer is a network member."""
    if is_member(user):
        return queryset
    return queryset.filter(audience=Audience.PUBLIC)


class DiscussionMixin(models.Model):
    """Pages members may comment on and report; posts and case studies opt in.

    The discussion code (network/moderation/discussion.py) asks the page, never its type, whether it
    is open and how to take it down while reports about it are reviewed.
    """

    class Meta:
        abstract = True

    def is_open_for_discussion(self):
        return True

    def hide_for_review(self, hidden):
        """Take the page down (or put it back) while reports are reviewed; a page type that
        cannot be hidden this way stays up and its reports still reach facilitators."""


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
                # Radios: the snippet chooser pages its list, hiding some regions.
                FieldPanel("region", widget=OptionalRadioSelect(none_label="No one region")),
            ],
            heading="Themes, sectors and region",
        )
    ]

    class Meta:
        abstract = True

    def followed_targets(self):
        """What a member may follow that this page belongs to, for telling followers.

        Reads the prefetched themes and sectors when a batch has fetched them.
        """
        targets = [*self.themes.all(), *self.sectors.all()]
        if self.region_id:
            targets.append(self.region)
        return targets


class PublishedQuerySetMixin:
    """For the queryset of a page type with TaxonomyMixin: what readers can find of it."""

    def published(self):
        """Live pages under no view restriction."""
        return self.live().public()

    def published_between(self, start, end):
        """Pages first published after ``start`` up to ``end``, for the email digests
        (network.notifications.digests), with the terms followed_targets() reads fetched
        with them rather than a query a page."""
        return (
            self.published()
            .filter(first_published_at__gt=start, first_published_at__lte=end)
            .select_related("region")
            .prefetch_related("themes", "sectors")
        )


class SharingMixin(models.Model):
    """What a page shows when shared or found: the description and image used for OpenGraph,
    and the schema.org description search engines read."""

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

    def structured_data(self, request):
        """The page as schema.org describes it (network/pages/structured_data.py), for the
        JSON-LD block of templates/network/detail_base.html; None for a page without one."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["structured_data"] = self.structured_data(request)
        return context


class ReviewOutcomeMixin(models.Model):
    """What a facilitator's review decided about a member's submission.

    The facilitator review task records an outright rejection here for any page type it
    reviews, so every page a member can submit needs these fields.
    """

    rejected_at = models.DateTimeField(null=True, blank=True, editable=False)
    rejection_reason = models.TextField(blank=True, editable=False)
    safety_flags = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text="Kinds of possibly identifying details the author was warned about",
    )

    class Meta:
        abstract = True

    # How the member who sent it names this kind of page in the emails about decisions.
    submission_noun = "submission"

    def member_authors(self):
        """The accounts told of decisions and comments: the member who sent the page."""
        return [self.owner] if self.owner_id else []

    def decision_recipients(self):
        return [user.email for user in self.member_authors() if user.email]

    def member_edit_url(self):
        """Where the member changes the page after a facilitator asks for changes.

        None where members have no form of their own for this kind of page.
        """
