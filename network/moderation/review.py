"""What a facilitator needs in front of them when deciding on a member's submission.

Two things: whether the author was warned that the text may identify a patient (and
what was found), and, once the decision is made, a plain account of what happened to
the post and who will hear about it.
"""

from dataclasses import dataclass

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import strip_tags
from wagtail.admin.panels import Panel
from wagtail.admin.utils import get_user_display_name
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TaskState, WorkflowState

from network.moderation.decisions import is_emailed
from network.text.patient_identifiers import Finding, describe_kinds, find_identifiers

# Enough to show where each detail is without turning the warning into a second copy.
MAX_EXCERPTS = 5


@dataclass(frozen=True)
class IdentifierCheck:
    kinds: str
    findings: list[Finding]


def page_text(page):
    """The words a member or editor typed into the page, one field to a line.

    Fields are kept on separate lines so that "born" at the end of one field is not read
    with a date at the start of the next. Wagtail's own fields other than the title, and
    fields nobody types into, are left out.
    """
    parts = [page.title]
    for field in page._meta.concrete_fields:
        if field.model is Page or not field.editable:
            continue
        value = getattr(page, field.attname)
        if not value:
            continue
        if isinstance(field, StreamField):
            parts.extend(field.stream_block.get_searchable_content(value))
        elif isinstance(field, RichTextField):
            parts.append(strip_tags(value))
        elif isinstance(field, models.CharField | models.TextField):
            parts.append(str(value))
    return "\n".join(str(part) for part in parts if part)


def identifier_check(page):
    """What the author was warned about, or None when the page carries no flag.

    The kinds come from the flag stored when the author chose to send the text anyway; the
    masked excerpts come from the text as it is now, so they point at what is still there
    after any edits. Excerpts are for the admin only: emails name the kinds and link here.
    """
    flags = getattr(page, "safety_flags", None) or []
    if not flags:
        return None
    findings, seen = [], set()
    for finding in find_identifiers(page_text(page)):
        if finding.kind in flags and finding.excerpt not in seen:
            seen.add(finding.excerpt)
            findings.append(finding)
    return IdentifierCheck(kinds=describe_kinds(flags), findings=findings[:MAX_EXCERPTS])


class IdentifierCheckPanel(Panel):
    """A warning at the top of the editor, shown only for a flagged page."""

    def __init__(self, heading="Possible patient-identifiable details", icon="warning", **kwargs):
        super().__init__(heading=heading, icon=icon, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "network/admin/identifier_check_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            # The editor's instance is the latest revision, which is what is being decided.
            self.check = identifier_check(self.instance) if self.instance is not None else None

        def is_shown(self):
            return self.check is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["check"] = self.check
            return context


def _join(names):
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _authors(page, task_state):
    profiles = page.author_profiles() if hasattr(page, "author_profiles") else []
    names = list(dict.fromkeys(profile.name for profile in profiles if profile.name))
    if not names and task_state.workflow_state.requested_by:
        names = [get_user_display_name(task_state.workflow_state.requested_by)]
    return _join(names)


def decision_message(page, task_state):
    """One or two sentences saying what the decision did, for the message on the queue.

    Read back from the database after the action, so it reports what actually happened
    rather than what the button was meant to do.
    """
    page = Page.objects.get(pk=page.pk).specific
    task_state.refresh_from_db()
    workflow_state = task_state.workflow_state
    workflow_state.refresh_from_db()
    title = f"“{page.get_admin_display_title()}”"
    authors = _authors(page, task_state)
    emailed = is_emailed(page) and authors

    cancelled = workflow_state.status == WorkflowState.STATUS_CANCELLED
    if getattr(page, "rejected_at", None) and cancelled:
        message = f"{title} is rejected and will not be published."
        if emailed:
            message += f" {authors} will get an email with your reason."
        return message
    if workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        to = authors or "the person who sent it"
        message = f"{title} has gone back to {to} for changes."
        if emailed:
            message += f" {authors} will get an email with your comment."
        return message
    if task_state.status == TaskState.STATUS_APPROVED:
        if page.live:
            message = f"{title} is published."
            if emailed:
                message += f" {authors} will get an email to say so."
            return message
        if page.go_live_at:
            day = date_format(timezone.localtime(page.go_live_at), "j F Y")
            return f"{title} is approved and will be published on {day}."
        return f"{title} is approved."
    return f"Your decision on {title} is recorded."
