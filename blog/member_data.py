"""A member's reflections in their data download, and what happens to them on deletion.

Published reflections belong to the network's shared record, so they stay, credited to
"a former member", unless the member asks for them to be withdrawn. Drafts and
reflections still in review go with the account.
"""

from network.members.member_data import Source
from network.moderation.submissions import review_state

from .models import BlogPageAuthor
from .reflections import authored_by


def _record(post):
    revision = post.get_latest_revision_as_object()
    return {
        "title": revision.title,
        "summary": revision.summary,
        "body": [block.get_prep_value() for block in revision.body],
        "state": review_state(post),
        "audience": revision.audience,
        "themes": [theme.slug for theme in revision.themes.all()],
        "sectors": [sector.slug for sector in revision.sectors.all()],
        "url": post.url if post.live else None,
        "first_published_at": post.first_published_at,
    }


def export(user):
    return [_record(post) for post in authored_by(user)]


def erase(user, withdraw_published, former_profile):
    posts = list(authored_by(user))
    unpublished = [post for post in posts if not post.live and not post.first_published_at]
    for post in unpublished:
        workflow_state = post.current_workflow_state
        if workflow_state:
            workflow_state.cancel(user=None)
        post.delete()
    kept = [post for post in posts if post not in unpublished]
    if withdraw_published:
        for post in kept:
            if post.live:
                post.unpublish(user=None)
    if kept:
        BlogPageAuthor.objects.filter(profile__user=user).update(profile=former_profile())
    for post in kept:
        if post.owner_id == user.pk:
            type(post).objects.filter(pk=post.pk).update(owner=None)


SOURCE = Source(key="posts", export=export, erase=erase)
