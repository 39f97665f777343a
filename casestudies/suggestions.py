"""Members' suggestions for the case study library: unpublished case studies sent to review.

A suggestion is an ordinary CaseStudyPage, saved only as a draft revision, so a
facilitator completes it in the admin (the integration type and the other partners, which
a member is not asked for) and publishes it through the same "Facilitator review"
workflow as reflections. Until then only the member and facilitators can see it.
"""

from network.models.mixins import Audience
from network.moderation.drafts import DraftKind
from network.moderation.submissions import ReviewState
from network.text.sanitiser import clean_text, markdown_to_html

from .choices import PartnerRole
from .forms import STORY_FIELDS
from .models import CaseStudyIndexPage, CaseStudyPage, CaseStudyPartner

PLAIN_FIELDS = ("title", "summary", "place", "contact_role")


def suggested_by(user):
    """Every case study the member suggested, published or not, most recently changed first."""
    return (
        CaseStudyPage.objects.filter(suggested_by=user)
        .select_related("latest_revision")
        .order_by("-latest_revision_created_at", "-pk")
    )


def _story_html(text):
    """A member's answer as rich text, through the site's one sanitiser."""
    return str(markdown_to_html(text)) if text else ""


def _apply(study, data, safety_flags):
    for name in PLAIN_FIELDS:
        setattr(study, name, clean_text(data.get(name) or "").strip())
    study.title = " ".join(study.title.split())
    study.draft_title = study.title
    for name in STORY_FIELDS:
        setattr(study, name, _story_html(data.get(name, "")))
    study.region = data.get("region")
    # A draft saved unfinished may leave any answer but the title empty.
    study.setting = data.get("setting") or ""
    study.status = data.get("status") or ""
    study.contact_email = data.get("contact_email", "")
    study.suggested_partners = clean_text(data.get("partners", ""))
    study.audience = data.get("audience") or Audience.PUBLIC
    study.safety_flags = safety_flags
    study.themes.set(data.get("themes") or [])
    study.sectors.set(data.get("sectors") or [])
    others = [partner for partner in study.partners.all() if partner.role != PartnerRole.LEAD]
    name = clean_text(data.get("lead_organisation") or "").strip()
    if name and data.get("lead_sector"):
        lead = CaseStudyPartner(name=name, sector=data["lead_sector"], role=PartnerRole.LEAD)
        others = [lead, *others]
    study.partners = others


def _new_study(user, data):
    return CaseStudyPage(title=" ".join(clean_text(data["title"]).split()), suggested_by=user)


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


SUGGESTIONS = DraftKind(
    label="Case study suggestion",
    index_model=CaseStudyIndexPage,
    limit_setting="CASE_STUDY_SUGGESTIONS_PER_DAY",
    slug_fallback="case-study",
    member_pages=suggested_by,
    counted=lambda user: CaseStudyPage.objects.filter(suggested_by=user),
    new_page=_new_study,
    apply=_apply,
    initial=form_initial,
    # A draft the member saved unfinished, or one sent back for changes.
    editable=frozenset({ReviewState.DRAFT, ReviewState.CHANGES_REQUESTED}),
    # The fields a facilitator fills in later are still empty; publishing checks them all.
    validate=False,
)
