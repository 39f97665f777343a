"""schema.org descriptions of posts and case studies for search engines and link previews."""

from network.pages import bylines


def _author_entries(post, request):
    """Authors as a visitor sees them: search engines and link previews are never signed in."""
    if post.collective_author:
        return [{"@type": "Organization", "name": post.collective_author.name}]
    return [
        {
            "@type": "Person",
            "name": credit.name,
            **({"jobTitle": credit.role} if credit.role else {}),
        }
        for credit in bylines.post_credits(post, bylines.VISITOR)
    ]


def _image(page, request):
    if not page.share_image:
        return {}
    rendition = page.share_image.get_rendition("fill-1200x630")
    return {"image": request.build_absolute_uri(rendition.url)}


def blog_post(post, request):
    modified = post.last_published_at or post.latest_revision_created_at
    return {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": post.title,
        "description": post.summary,
        "datePublished": post.date.isoformat(),
        "dateModified": modified.isoformat() if modified else post.date.isoformat(),
        "author": _author_entries(post, request),
        "keywords": [theme.name for theme in post.themes.all()],
        "url": post.get_full_url(request),
        "isAccessibleForFree": True,
        **_image(post, request),
    }


def case_study(study, request):
    """A Report: a written account of a piece of work and what it found."""
    return {
        "@context": "https://schema.org",
        "@type": "Report",
        "name": study.title,
        "headline": study.title,
        "abstract": study.summary,
        "datePublished": study.date_published.isoformat(),
        "dateModified": study.last_reviewed.isoformat(),
        "contributor": [
            {"@type": "Organization", "name": partner.name} for partner in study.partners.all()
        ],
        "spatialCoverage": {"@type": "Place", "name": study.place},
        "about": [theme.name for theme in study.themes.all()],
        "creativeWorkStatus": study.get_status_display(),
        "url": study.get_full_url(request),
        **_image(study, request),
    }
