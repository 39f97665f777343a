"""Members' reflections: created as unpublished blog posts and sent to facilitator review.

A reflection is an ordinary BlogPage, so once approved it appears everywhere a post does;
until then it exists only as a draft revision that the author and facilitators can see.
"""

from django.db import transaction
from django.urls import reverse
from django.utils.text import slugify
from wagtail.log_actions import log

from network.models import MemberProfile
from network.moderation.limits import lock_account
from network.moderation.submissions import (
    ReviewState,
    Submission,
    review_feedback,
    review_state,
    send_for_review,
    started_since,
    with_reviews,
)
from network.pages.page_forms import free_slug

from .models import BlogIndexPage, BlogPage, BlogPageAuthor

# A reflection is reviewed like any other member submission; the names stay for callers.
ReflectionState = ReviewState
state_of = review_state
latest_feedback = review_feedback


def authored_by(user):
    """Every reflection a member wrote, published or not, newest first."""
    return (
        BlogPage.objects.filter(authors__profile__user=user)
        .select_related("latest_revision")
        .order_by("-latest_revision_created_at", "-pk")
        .distinct()
    )


def started_today(user):
    """Reflections the member began in the last 24 hours; case-study suggestions do not count."""
    return started_since(user, BlogPage.objects.all())


def is_new_member(user, posts_needed):
    published = BlogPage.objects.filter(authors__profile__user=user, live=True).count()
    return published < posts_needed


def _profile_for(user):
    profile = MemberProfile.objects.filter(user=user).first()
    if profile is None:
        name = user.get_full_name() or user.email.partition("@")[0]
        profile = MemberProfile.objects.create(user=user, name=name)
    return profile


def _apply(post, data, safety_flags):
    post.title = data["title"]
    post.summary = data["summary"]
    post.body = [("reflection_text", data["body"])]
    post.audience = data["audience"]
    post.safety_flags = safety_flags
    post.themes.set(data["themes"])
    post.sectors.set(data["sectors"])
    post.keywords.set(data["keywords"], clear=True)


class DailyLimitError(Exception):
    """The member has already started as many reflections today as the network allows."""


@transaction.atomic
def save_reflection(user, data, safety_flags, submit, post=None, daily_limit=None):
    """Create or update the member's post as a draft revision; optionally submit it.

    A new reflection is counted against the daily limit inside this transaction, under
    a lock on the member's own account, so a burst of parallel submissions cannot all
    read the count before any of them has added to it.
    """
    if post is None and daily_limit is not None:
        lock_account(user)
        if started_today(user) >= daily_limit:
            raise DailyLimitError
    # Lock the blog index: each new post takes the next position among its children, and
    # two members submitting at the same moment must not be handed the same one.
    index = BlogIndexPage.objects.select_for_update().order_by("pk").first()
    if post is None:
        post = BlogPage(
            title=data["title"],
            slug=free_slug(index, slugify(data["title"])[:70] or "reflection"),
            live=False,
            owner=user,
        )
        post.summary = data["summary"]
        post.body = [("reflection_text", data["body"])]
        index.add_child(instance=post)
        log(instance=post, action="wagtail.create", user=user)
        post.authors = [BlogPageAuthor(profile=_profile_for(user))]
    _apply(post, data, safety_flags)
    post.has_unpublished_changes = True
    post.save()
    revision = post.save_revision(user=user, log_action=True)
    if submit:
        send_for_review(post, user)
    return post, revision


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


def submissions(user):
    """The member's reflections as rows for /share/mine/ (network.moderation.submissions)."""
    rows = []
    # Each row reads its review twice (state and feedback): read once for them all.
    for post in with_reviews(authored_by(user)):
        state = review_state(post)
        rows.append(
            Submission(
                kind="Reflection",
                title=post.title,
                state=state,
                feedback=review_feedback(post),
                url=post.url if state == ReviewState.PUBLISHED else None,
                edit_url=(
                    reverse("share-edit", args=[post.pk]) if state in ReviewState.EDITABLE else None
                ),
                updated_at=post.latest_revision_created_at,
            )
        )
    return rows
