"""Landing pages for each theme, sector and region: everything tagged with it, newest first."""

from dataclasses import dataclass
from heapq import merge

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.functional import cached_property

from blog.models import BlogPage
from casestudies.models import CaseStudyPage
from network.caching.audience_cache import audience_of, shared_by_audience
from network.events.models import EventPage
from network.models import MemberProfile, Region, Sector, Theme
from network.platform import content_versions
from network.platform.versioned import PerContentVersionByKey
from network.resources.models import ResourcePage


@dataclass(frozen=True)
class TermKind:
    model: type
    plural: str
    page_lookup: str  # how posts and case studies refer to the term
    member_lookup: str  # how member profiles refer to it


KINDS = {
    "theme": TermKind(Theme, "CMHF themes", "themes", "interests"),
    "sector": TermKind(Sector, "Sectors", "sectors", "sector"),
    "region": TermKind(Region, "Regions", "region", "region"),
}


class MergedPaginator(Paginator):
    """Paginates two date-ordered querysets as one list without loading either in full."""

    def __init__(self, sources, per_page, counts=None):
        self.sources = sources  # (queryset, date attribute) pairs, each newest first
        if counts is not None:  # each source's size, where the caller knows it already
            self.counts = list(counts)
        super().__init__([], per_page)

    @cached_property
    def counts(self):
        """Each source's size, counted once however often the page and template ask."""
        return [queryset.count() for queryset, _ in self.sources]

    @cached_property
    def count(self):
        return sum(self.counts)

    def page(self, number):
        number = self.validate_number(number)
        end = number * self.per_page
        streams = [
            [(getattr(item, attr), item) for item in queryset[:end]]
            for queryset, attr in self.sources
        ]
        ordered = [item for _, item in merge(*streams, key=lambda pair: pair[0], reverse=True)]
        return Page(ordered[end - self.per_page : end], number, self)


_counts = PerContentVersionByKey(max_keys=1000)  # by kind, term and audience
_terms = PerContentVersionByKey()  # each kind's terms by slug


def _terms_by_slug(model):
    return _terms.get(
        model._meta.label,
        content_versions.content_version(),
        lambda: {term.slug: term for term in model.objects.all()},
    )


@shared_by_audience
def term_index(request, kind):
    term_kind = KINDS[kind]
    terms = list(term_kind.model.objects.all())
    outside = [term for term in terms if not getattr(term, "in_framework", True)]
    return render(
        request,
        "network/term_index.html",
        {
            "kind": kind,
            "heading": term_kind.plural,
            "terms": [term for term in terms if term not in outside],
            "outside_framework": outside,
        },
    )


@shared_by_audience
def term_detail(request, kind, slug):
    term_kind = KINDS[kind]
    term = _terms_by_slug(term_kind.model).get(slug)
    if term is None:
        raise Http404(f"No {kind} is called {slug}")
    posts = (
        BlogPage.objects.visible_to(request.user)
        .filter(**{term_kind.page_lookup: term})
        .for_listing()
    )
    case_studies = (
        CaseStudyPage.objects.visible_to(request.user)
        .filter(**{term_kind.page_lookup: term})
        .for_listing()
    )
    members = MemberProfile.objects.listed_to(request.user).filter(
        **{term_kind.member_lookup: term}
    )
    # What the reader's audience finds under the term, counted once per content version.
    post_count, case_study_count, member_count = _counts.get(
        (kind, term.pk, audience_of(request.user)),
        content_versions.content_version(),
        lambda: (posts.count(), case_studies.count(), members.count()),
    )
    paginator = MergedPaginator(
        [(posts, "date"), (case_studies, "date_published")],
        settings.LISTING_PAGE_SIZE,
        counts=(post_count, case_study_count),
    )
    items = paginator.get_page(request.GET.get("page"))
    counts = [
        (post_count, "reflection" if post_count == 1 else "reflections"),
        (case_study_count, "case study" if case_study_count == 1 else "case studies"),
        (member_count, "member profile" if member_count == 1 else "member profiles"),
    ]
    return render(
        request,
        "network/term_detail.html",
        {
            "kind": kind,
            "kind_plural": term_kind.plural,
            "term": term,
            "items": items,
            "counts": counts,
            "members": members.select_related("sector", "region", "photo")[:12],
            "events": list(
                EventPage.objects.visible_to(request.user)
                .filter(cancelled=False, **{term_kind.page_lookup: term})
                .upcoming()
                .for_listing()[:3]
            ),
            "resources": list(
                ResourcePage.objects.visible_to(request.user)
                .filter(**{term_kind.page_lookup: term})
                .for_listing()
                .order_by("-year", "title", "pk")[:3]
            ),
        },
    )
