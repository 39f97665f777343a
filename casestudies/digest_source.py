"""Case studies first published in a window, for the digests, fetched in one go."""

from .models import CaseStudyPage


def published_between(start, end):
    return list(
        CaseStudyPage.objects.published()
        .filter(first_published_at__gt=start, first_published_at__lte=end)
        .select_related("region")
        .prefetch_related("themes", "sectors")
    )
