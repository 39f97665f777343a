"""The member directory and profiles, each shown only to those allowed to see it."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from blog.models import BlogPage
from network.models import MemberProfile, Region, Sector, Theme
from network.pages.listing import (
    ListingFilter,
    filter_queryset,
    paginate,
    selected_chips,
    term_options,
)


def directory_filters():
    return [
        ListingFilter("sector", "Sector", "sector__slug", term_options(Sector)),
        ListingFilter("region", "Region", "region__slug", term_options(Region)),
        ListingFilter("interest", "Interest", "interests__slug", term_options(Theme)),
    ]


def member_directory(request):
    profiles = MemberProfile.objects.listed_to(request.user)
    filters = directory_filters()
    filtered, selected = filter_queryset(profiles, request.GET, filters)
    members = paginate(
        request,
        filtered.select_related("sector", "region", "photo").prefetch_related("interests"),
    )
    return render(
        request,
        "network/member_directory.html",
        {
            "members": members,
            "filters": filters,
            "selected": selected,
            "chips": selected_chips(request.GET, filters, selected),
            "result_count": members.paginator.count,
        },
    )


def member_detail(request, slug):
    profile = get_object_or_404(
        MemberProfile.objects.select_related("sector", "region", "photo"), slug=slug
    )
    if not profile.is_visible_to(request.user):
        # Hidden and members-only profiles do not reveal that they exist.
        raise Http404("No such member")
    posts = BlogPage.objects.visible_to(request.user).filter(authors__profile=profile).for_listing()
    return render(
        request,
        "network/member_detail.html",
        {"profile": profile, "posts": paginate(request, posts)},
    )
