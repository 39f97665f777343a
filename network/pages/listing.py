"""Query-string filters and pagination shared by the index pages and the member directory.

Filters name terms by slug and combine values of one filter with OR and different
filters with AND. Values that are not among a filter's options are ignored, as if they
had not been given, and malformed values (a year that is not a number, a page past the
end) never raise.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from network.platform import content_versions
from network.platform.versioned import PerContentVersionByKey

_term_options = PerContentVersionByKey()  # by term model


@dataclass
class ListingFilter:
    param: str
    label: str
    lookup: str
    options: list = field(default_factory=list)  # (value, label) pairs
    integer: bool = False

    def values(self, params):
        raw = [value.strip() for value in params.getlist(self.param) if value.strip()]
        if self.integer:
            raw = [value for value in raw if value.isdigit()]
        valid = {str(value) for value, _label in self.options}
        return [value for value in raw if value in valid] if self.options else raw


def filter_queryset(queryset, params, filters):
    """Apply each filter through a pk subquery so many-to-many lookups never duplicate rows."""
    selected = {}
    for listing_filter in filters:
        values = listing_filter.values(params)
        if not values:
            continue
        selected[listing_filter.param] = values
        matching = queryset.model.objects.filter(**{f"{listing_filter.lookup}__in": values})
        queryset = queryset.filter(pk__in=matching.values("pk"))
    return queryset, selected


def term_options(model):
    """A filter's terms, read once per content version: renaming a term bumps it."""
    return _term_options.get(
        model._meta.label,
        content_versions.content_version(),
        lambda: tuple((term.slug, term.name) for term in model.objects.all()),
    )


def paginate(request, items, per_page=None):
    paginator = Paginator(items, per_page or settings.LISTING_PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))


def querystring_without(params, param, value=None):
    """The current query string less one filter value: the link behind a removable chip."""
    copy = params.copy()
    copy.pop("page", None)
    if value is None:
        copy.pop(param, None)
    else:
        copy.setlist(param, [item for item in copy.getlist(param) if item != value])
    return copy.urlencode()


def selected_chips(params, filters, selected):
    chips = []
    for listing_filter in filters:
        labels = {str(value): label for value, label in listing_filter.options}
        for value in selected.get(listing_filter.param, []):
            chips.append(
                {
                    "label": f"{listing_filter.label}: {labels.get(value, value)}",
                    "remove_query": querystring_without(params, listing_filter.param, value),
                }
            )
    return chips


class ListingPage(RoutablePageMixin, Page):
    """An index page listing the pages of one type below it, filtered and a page at a time.

    Each index page names the type it lists, its filters and, where they differ from the
    type's ``for_listing()``, its order and what the template shows; its own routes (feeds,
    compare, calendars) stand beside the listing at its address.
    """

    introduction = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    # One listing of each kind, straight under the home page.
    parent_page_types = ["network.HomePage"]
    max_count = 1

    # The page type listed, as "app_label.Model" (it is usually defined further down):
    # its queryset has visible_to() and for_listing().
    listing_model = None
    listing_name = None  # the template's name for the page of results
    listing_order = ()  # an order of its own, where for_listing() gives none or another
    listing_page_size = None  # settings.LISTING_PAGE_SIZE unless set

    class Meta:
        abstract = True

    def listing_filters(self, request):
        """The ListingFilters offered, in the order the form shows them."""
        return []

    def listing_results(self, request, pages):
        """What the template shows of the filtered pages: a page of them and how many."""
        pages = pages.for_listing()
        if self.listing_order:
            pages = pages.order_by(*self.listing_order)
        results = paginate(request, pages, self.listing_page_size)
        return {self.listing_name: results, "result_count": results.paginator.count}

    def listing_context(self, request):
        filters = self.listing_filters(request)
        model = apps.get_model(self.listing_model)
        pages = model.objects.visible_to(request.user).descendant_of(self)
        filtered, selected = filter_queryset(pages, request.GET, filters)
        return {
            **self.listing_results(request, filtered),
            "filters": filters,
            "selected": selected,
            "chips": selected_chips(request.GET, filters, selected),
        }

    @path("")
    def listing(self, request):
        return self.render(request, context_overrides=self.listing_context(request))
