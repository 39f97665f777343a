"""Site search over published posts and case studies, on Wagtail's database backend.

Plain-language questions are matched with OR so that a visitor typing a sentence still
finds pages containing some of its words; results are ranked by how many they contain.
"""

from django.db.models import Q
from django.shortcuts import render
from wagtail.models import Page

from blog.models import BlogPage
from casestudies.models import CaseStudyPage
from network.listing import paginate
from network.membership import is_member
from network.models.mixins import Audience

MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        pages = Page.objects.live().public().type(BlogPage, CaseStudyPage)
        hidden_posts = BlogPage.objects.filter(hidden_for_review=True)
        if not is_member(request.user):
            hidden_posts = BlogPage.objects.filter(
                Q(hidden_for_review=True) | Q(audience=Audience.MEMBERS)
            )
        pages = pages.exclude(pk__in=hidden_posts.values("pk"))
        results = paginate(request, pages.specific().search(query, operator="or"))
    return render(request, "search/search.html", {"query": query, "results": results})
