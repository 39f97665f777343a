"""Members' reflections: created as unpublished blog posts and sent to facilitator review.

A reflection is an ordinary BlogPage, so once approved it appears everywhere a post does;
until then it exists only as a draft revision that the author and facilitators can see.
Saving and sending it to review is network.moderation.drafts; this module says what a
reflection is made of.
"""

from network.models import MemberProfile
from network.moderation.drafts import DraftKind

from .models import BlogIndexPage, BlogPage, BlogPageAuthor


def authored_by(user):
    """Every reflection a member wrote, published or not, newest first."""
    return (
        BlogPage.objects.filter(authors__profile__user=user)
        .select_related("latest_revision")
        .order_by("-latest_revision_created_at", "-pk")
        .distinct()
    )


def is_new_member(user, posts_needed):
    published = BlogPage.objects.filter(authors__profile__user=user, live=True).count()
    return published < posts_needed


def _profile_for(user):
    profile = MemberProfile.objects.filter(user=user).first()
    if profile is None:
        name = user.get_full_name() or user.email.partition("@")[0]
        profile = MemberProfile.objects.create(user=user, name=name)
    return profile


def _new_post(user, data):
    post = BlogPage(title=data["title"])
    post.summary = data["summary"]
    post.body = [("reflection_text", data["body"])]
    post.authors = [BlogPageAuthor(profile=_profile_for(user))]
    return post


def _apply(post, data, safety_flags):
    post.title = data["title"]
    post.summary = data["summary"]
    post.body = [("reflection_text", data["body"])]
    post.audience = data["audience"]
    post.safety_flags = safety_flags
    post.themes.set(data["themes"])
    post.sectors.set(data["sectors"])
    post.keywords.set(data["keywords"], clear=True)


def form_initial(post):
    """The values a member last saved, for editing a draft or a post sent back to them."""
    revision = post.get_latest_revision_as_object()
    body = "\n\n".join(
        block.value for block in revision.body if block.block_type == "reflection_text"
    )
    return {
        "title": revision.title,
        "summary": revision.summary,
        "body": body,
        "themes": list(revision.themes.all()),
        "sectors": list(revision.sectors.all()),
        "keywords": ", ".join(tag.name for tag in revision.keywords.all()),
        "audience": revision.audience,
    }


REFLECTIONS = DraftKind(
    label="Reflection",
    index_model=BlogIndexPage,
    limit_setting="REFLECTIONS_PER_DAY",
    slug_fallback="reflection",
    member_pages=authored_by,
    # Every post the member began counts; case study suggestions do not.
    counted=lambda user: BlogPage.objects.all(),
    new_page=_new_post,
    apply=_apply,
    initial=form_initial,
)
