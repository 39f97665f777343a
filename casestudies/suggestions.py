"""Members' suggestions for the case study library: unpublished case studies sent to review.

A suggestion is an ordinary CaseStudyPage, saved only as a draft revision, so a
facilitator completes it in the admin (the integration type and the other partners, which
a member is not asked for) and publishes it through the same "Facilitator review"
workflow as reflections. Until then only the member and facilitators can see it.
"""

from django.db import transaction
from django.urls import reverse
from django.utils.text import slugify
from wagtail.log_actions import log

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
from network.text.sanitiser import clean_text, markdown_to_html

from .choices import PartnerRole
from .forms import STORY_FIELDS
from .models import CaseStudyIndexPage, CaseStudyPage, CaseStudyPartner

PLAIN_FIELDS = ("title", "summary", "place", "contact_role")


class DailyLimitError(Exception):
    """The member has already suggested as many case studies today as the network allows."""


def suggested_by(user):
    """Every case study the member suggested, published or not, most recently changed first."""
    return (
        CaseStudyPage.objects.filter(suggested_by=user)
        .select_related("latest_revision")
        .order_by("-latest_revision_created_at", "-pk")
    )


def started_today(user):
    """Suggestions the member began in the last 24 hours."""
    return started_since(user, CaseStudyPage.objects.filter(suggested_by=user))


def _story_html(text):
    """A member's answer as rich text, through the site's one sanitiser."""
    return str(markdown_to_html(text)) if text else ""


def _apply(study, data, safety_flags):
    for name in PLAIN_FIELDS:
        setattr(study, name, clean_text(data[name]).strip())
    study.title = " ".join(study.title.split())
    study.draft_title = study.title
    for name in STORY_FIELDS:
        setattr(study, name, _story_html(data.get(name, "")))
    study.region = data.get("region")
    study.setting = data["setting"]
    study.status = data["status"]
    study.contact_email = data.get("contact_email", "")
    study.suggested_partners = clean_text(data.get("partners", ""))
    study.audience = data["audience"]
    study.safety_flags = safety_flags
    study.themes.set(data["themes"])
    study.sectors.set(data["sectors"])
    lead = CaseStudyPartner(
        name=clean_text(data["lead_organisation"]).strip(),
        sector=data["lead_sector"],
        role=PartnerRole.LEAD,
    )
    others = [partner for partner in study.partners.all() if partner.role != PartnerRole.LEAD]
    study.partners = [lead, *others]


@transaction.atomic
def save_suggestion(user, data, safety_flags, study=None, daily_limit=None):
    """Create or update the member's suggestion as a draft revision and send it to review.

    A new suggestion is counted against the daily limit under a lock on the member's
    account, so parallel submissions cannot all read the count before any adds to it.
    Drafts are saved without the full page validation: the fields a facilitator fills in
    later are still empty, and publishing checks them all.
    """
    if study is None and daily_limit is not None:
        lock_account(user)
        if started_today(user) >= daily_limit:
            raise DailyLimitError
    # Lock the index: each new page takes the next position among its children.
    index = CaseStudyIndexPage.objects.select_for_update().order_by("pk").first()
    if study is None:
        title = " ".join(clean_text(data["title"]).split())
        study = CaseStudyPage(
            title=title,
            slug=free_slug(index, slugify(title)[:70] or "case-study"),
            live=False,
            owner=user,
            suggested_by=user,
        )
        index.add_child(instance=study)
        log(instance=study, action="wagtail.create", user=user)
    _apply(study, data, safety_flags)
    study.has_unpublished_changes = True
    study.save(clean=False)
    revision = study.save_revision(user=user, log_action=True, clean=False)
    send_for_review(study, user)
    return study, revision


def form_initial(study):
    """The values the member last sent, for changing a suggestion sent back to them."""
    revision = study.get_latest_revision_as_object()
    lead = next((p for p in revision.partners.all() if p.role == PartnerRole.LEAD), None)
    initial = {name: getattr(revision, name) for name in PLAIN_FIELDS}
    initial.update({name: clean_text(getattr(revision, name)) for name in STORY_FIELDS})
    initial.update(
        {
            "region": revision.region_id,
            "setting": revision.setting,
            "status": revision.status,
            "contact_email": revision.contact_email,
            "partners": revision.suggested_partners,
            "lead_organisation": lead.name if lead else "",
            "lead_sector": lead.sector_id if lead else None,
            "themes": list(revision.themes.all()),
            "sectors": list(revision.sectors.all()),
            "audience": revision.audience,
        }
    )
    return initial


def submissions(user):
    """The member's suggestions as rows for /share/mine/ (network.moderation.submissions)."""
    rows = []
    for study in with_reviews(suggested_by(user)):
        state = review_state(study)
        editable = state == ReviewState.CHANGES_REQUESTED
        rows.append(
            Submission(
                kind="Case study suggestion",
                title=study.title,
                state=state,
                feedback=review_feedback(study),
                url=study.url if state == ReviewState.PUBLISHED else None,
                edit_url=reverse("suggest-case-study-edit", args=[study.pk]) if editable else None,
                updated_at=study.latest_revision_created_at,
            )
        )
    return rows
