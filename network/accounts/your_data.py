"""A member's own data: everything the platform holds about them, and erasing it.

Published reflections belong to the network's shared record, so by default they stay,
credited to "a former member"; the member can instead ask for them to be withdrawn.
"""

from django.db import transaction
from django.utils import timezone

from network.models import Comment, MemberProfile, Visibility
from network.models.members import FORMER_MEMBER_SLUG

from .photos import delete_photos

FORMER_MEMBER = "A former member"


def _post_record(post):
    from blog.reflections import state_of

    revision = post.get_latest_revision_as_object()
    return {
        "title": revision.title,
        "summary": revision.summary,
        "body": [block.get_prep_value() for block in revision.body],
        "state": state_of(post),
        "audience": revision.audience,
        "themes": [theme.slug for theme in revision.themes.all()],
        "sectors": [sector.slug for sector in revision.sectors.all()],
        "url": post.url if post.live else None,
        "first_published_at": post.first_published_at,
    }


def export_for(user):
    from blog.reflections import authored_by

    profile = MemberProfile.objects.filter(user=user).first()
    data = {
        "exported_at": timezone.now(),
        "account": {
            "email": user.email,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "groups": sorted(user.groups.values_list("name", flat=True)),
        },
        "membership_applications": [
            {
                "name": application.name,
                "organisation": application.organisation,
                "role": application.role,
                "sector": application.sector.slug,
                "region": application.region.slug,
                "reason": application.reason,
                "status": application.status,
                "decision_message": application.decision_message,
                "created_at": application.created_at,
            }
            for application in user.membership_applications.select_related("sector", "region")
        ],
        "profile": None,
        "posts": [_post_record(post) for post in authored_by(user)],
    }
    if profile:
        data["profile"] = {
            "name": profile.name,
            "role": profile.role,
            "organisation": profile.organisation,
            "sector": profile.sector.slug if profile.sector else None,
            "region": profile.region.slug if profile.region else None,
            "interests": [theme.slug for theme in profile.interests.all()],
            "bio": profile.bio,
            "visibility": profile.visibility,
            "photo": profile.photo.file.name if profile.photo else None,
        }
    data["comments"] = [
        {
            "on": comment.page.title,
            "body": comment.body,
            "status": comment.status,
            "created_at": comment.created_at,
        }
        for comment in Comment.objects.filter(author=user).select_related("page")
    ]
    data["reports_made"] = [
        {
            "about": report.comment.page.title if report.comment else report.page.title,
            "kind": "comment" if report.comment else "post",
            "reason": report.reason,
            "note": report.note,
            "created_at": report.created_at,
            "resolved": report.resolved_at is not None,
        }
        for report in user.reports_made.select_related("page", "comment__page")
    ]
    return data


@transaction.atomic
def delete_account(user, withdraw_posts=False):
    from blog.models import BlogPageAuthor
    from blog.reflections import authored_by

    posts = list(authored_by(user))
    unpublished = [post for post in posts if not post.live and not post.first_published_at]
    for post in unpublished:
        # Drafts and reflections still in review go with the account.
        workflow_state = post.current_workflow_state
        if workflow_state:
            workflow_state.cancel(user=None)
        post.delete()
    posts = [post for post in posts if post not in unpublished]
    if withdraw_posts:
        for post in posts:
            if post.live:
                post.unpublish(user=None)
    profile = MemberProfile.objects.filter(user=user).first()
    if profile:
        former = MemberProfile.objects.filter(slug=FORMER_MEMBER_SLUG, user__isnull=True).first()
        if former is None:
            former = MemberProfile(
                slug=FORMER_MEMBER_SLUG, name=FORMER_MEMBER, visibility=Visibility.HIDDEN
            )
            former.save()
        BlogPageAuthor.objects.filter(profile=profile).update(profile=former)
        delete_photos(profile)
        profile.delete()
    for post in posts:
        if post.owner_id == user.pk:
            type(post).objects.filter(pk=post.pk).update(owner=None)
    user.delete()
