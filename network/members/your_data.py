"""A member's own data: everything the platform holds about them, and erasing it.

What the content apps hold (reflections, case study suggestions) comes from the sources
they register in network.members.member_data, which also decide what deletion does to them.
"""

from django.db import transaction
from django.utils import timezone

from network.members import member_data
from network.models import Comment, EmailPreferences, MemberProfile, Notification, Visibility
from network.models.members import FORMER_MEMBER_SLUG
from network.notifications import following

from .photos import delete_photos

FORMER_MEMBER = "A former member"


def export_for(user):
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
    }
    for source in member_data.sources():
        data[source.key] = source.export(user)
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
    data["following"] = [
        {"kind": followable.heading, "name": str(thing)}
        for followable, things in following.followed_by(user)
        for thing in things
    ]
    preferences = EmailPreferences.for_user(user)
    data["email_preferences"] = {
        "decisions": preferences.decisions,
        "replies": preferences.replies,
        "digest": preferences.digest,
    }
    data["notifications"] = [
        {
            "kind": notification.kind,
            "title": notification.title,
            "text": notification.text,
            "url": notification.url,
            "created_at": notification.created_at,
            "read_at": notification.read_at,
        }
        for notification in Notification.objects.for_member(user)
    ]
    data["event_enrolments"] = [
        {
            "event": enrolment.event.title,
            "starts_at": enrolment.event.starts_at,
            "status": enrolment.status,
            "since": enrolment.queued_at,
        }
        for enrolment in user.enrolments.select_related("event")
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


def _former_member():
    former = MemberProfile.objects.filter(slug=FORMER_MEMBER_SLUG, user__isnull=True).first()
    if former is None:
        former = MemberProfile(
            slug=FORMER_MEMBER_SLUG, name=FORMER_MEMBER, visibility=Visibility.HIDDEN
        )
        former.save()
    return former


@transaction.atomic
def delete_account(user, withdraw_posts=False):
    for source in member_data.sources():
        if source.erase:
            source.erase(user, withdraw_posts, _former_member)
    profile = MemberProfile.objects.filter(user=user).first()
    if profile:
        delete_photos(profile)
        profile.delete()
    user.delete()
