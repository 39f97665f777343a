"""Resources first published in a window, for network.notifications.digests, fetched in one go."""

from .models import ResourcePage


def published_between(start, end):
    return list(
        ResourcePage.objects.live()
        .public()
        .filter(first_published_at__gt=start, first_published_at__lte=end)
        .select_related("region")
        .prefetch_related("themes", "sectors")
    )
