"""Suggestions while typing on the database path: titles and terms that start with what was typed.

Small and cheap on purpose: the endpoint answers a few dozen bytes per keystroke and the
search page works the same without it.
"""

from django.db.models import Q

from search.language.text import normalise, printable

LIMIT = 8
MIN_LENGTH = 2


def suggest(user, text):
    from blog.models import BlogPage
    from casestudies.models import CaseStudyPage
    from network.models import Region, Sector, Theme

    text = " ".join(normalise(printable(text)).split())[:100]
    if len(text) < MIN_LENGTH:
        return []
    found = []
    for model in (Theme, Sector, Region):
        found.extend(model.objects.filter(name__istartswith=text).values_list("name", flat=True))
    starts = Q(title__istartswith=text) | Q(title__icontains=f" {text}")
    for queryset in (
        BlogPage.objects.visible_to(user),
        CaseStudyPage.objects.visible_to(user),
    ):
        titles = queryset.filter(starts).order_by("title").values_list("title", flat=True)
        found.extend(titles[:LIMIT])
    unique = []
    for title in found:
        if title not in unique:
            unique.append(title)
    return unique[:LIMIT]
