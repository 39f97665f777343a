"""What every page's schema.org description shares, for search engines and link previews.

Each content type describes itself (its page model's ``structured_data``), so the network
core names no content type; it gives them the parts that read alike on every page: the
frame with the page's own address and share picture, and an organisation.
"""

from network.platform.site_address import root_url

SCHEMA_ORG = "https://schema.org"


def organisation(name):
    """An organisation named as text: a publisher, an organiser, a partner, a collective."""
    return {"@type": "Organization", "name": name}


def _image(page, request):
    if not page.share_image:
        return {}
    rendition = page.share_image.get_rendition("fill-1200x630")
    return {"image": f"{root_url(request)}{rendition.url}"}


def describe(schema_type, page, request, **fields):
    """One page as a schema.org thing: its type and fields, then its address and picture.

    The picture is the one link previews show (og:image), named at the site's one address
    as og:image is, so a search engine and a shared link agree on it.
    """
    return {
        "@context": SCHEMA_ORG,
        "@type": schema_type,
        **fields,
        "url": page.get_full_url(request),
        **_image(page, request),
    }
