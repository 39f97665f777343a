"""A member's case study suggestions in their data download, and on deletion.

A published suggestion has been checked and completed by facilitators and is part of
the library, so it stays (it no longer names who suggested it). One never published goes
with the account, as a draft reflection does.
"""

from network.members.member_data import Source
from network.moderation.submissions import review_state

from .forms import STORY_FIELDS
from .suggestions import PLAIN_FIELDS, suggested_by


def _record(study):
    revision = study.get_latest_revision_as_object()
    record = {name: getattr(revision, name) for name in PLAIN_FIELDS}
    record.update({name: getattr(revision, name) for name in STORY_FIELDS})
    record.update(
        {
            "partners": revision.suggested_partners,
            "contact_email": revision.contact_email,
            "state": review_state(study),
            "audience": revision.audience,
            "themes": [theme.slug for theme in revision.themes.all()],
            "sectors": [sector.slug for sector in revision.sectors.all()],
            "region": revision.region.slug if revision.region else None,
            "feedback": study.rejection_reason or None,
            "url": study.url if study.live else None,
            "first_published_at": study.first_published_at,
        }
    )
    return record


def export(user):
    return [_record(study) for study in suggested_by(user)]


def erase(user, withdraw_published, former_profile):
    for study in suggested_by(user):
        if study.live or study.first_published_at:
            if study.owner_id == user.pk:
                type(study).objects.filter(pk=study.pk).update(owner=None)
            continue
        workflow_state = study.current_workflow_state
        if workflow_state:
            workflow_state.cancel(user=None)
        study.delete()


SOURCE = Source(key="case_study_suggestions", export=export, erase=erase)
