"""Reflections first published in a window, for network.notifications.digests, fetched in one go."""

from django.db.models import Prefetch

from .models import BlogPage, BlogPageAuthor


def published_between(start, end):
    return list(
        BlogPage.objects.live()
        .public()
        .filter(hidden_for_review=False, first_published_at__gt=start, first_published_at__lte=end)
        .select_related("series", "region")
        .prefetch_related(
            "themes",
            "sectors",
            Prefetch("authors", queryset=BlogPageAuthor.objects.select_related("profile")),
        )
    )
