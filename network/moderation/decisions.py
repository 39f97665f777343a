"""Tell members what a facilitator decided about what they sent for review.

Reflections and case study suggestions go through the one "Facilitator review"
workflow, so its outcomes are picked up here for every page that opts in with
ReviewOutcomeMixin: the page says who hears (``member_authors``), what the member calls
it (``submission_noun``) and where they change it (``member_edit_url``);
network.notifications.notices tells them. Nothing here knows the content types, so
content apps depend on network and never the reverse.
"""

from wagtail.signals import task_rejected, workflow_approved

from network.models.mixins import ReviewOutcomeMixin
from network.notifications import notices


def _reviewed_page(instance):
    """The member's page a workflow or task state is about, when it is one that opts in."""
    obj = getattr(instance, "content_object", None) or getattr(
        getattr(instance, "workflow_state", None), "content_object", None
    )
    obj = getattr(obj, "specific", obj)
    return obj if isinstance(obj, ReviewOutcomeMixin) else None


def is_emailed(page):
    """Whether anyone is emailed about a decision on this page."""
    return isinstance(page, ReviewOutcomeMixin) and bool(page.decision_recipients())


def notify_published(page):
    notices.decision(page, "published")


def notify_changes_requested(page, comment):
    notices.decision(page, "changes", comment)


def notify_rejected(page, reason):
    notices.decision(page, "rejected", reason)


def on_workflow_approved(sender, instance, user=None, **kwargs):
    page = _reviewed_page(instance)
    if page is not None:
        notify_published(page)


def on_task_rejected(sender, instance, user=None, **kwargs):
    """A plain rejection asks for changes; an outright rejection is told separately."""
    page = _reviewed_page(instance)
    if page is None or instance.workflow_state.status == instance.workflow_state.STATUS_CANCELLED:
        return
    if type(page).objects.filter(pk=page.pk, rejected_at__isnull=False).exists():
        return
    notify_changes_requested(page, instance.get_comment())


def connect():
    workflow_approved.connect(on_workflow_approved, dispatch_uid="review-decision-approved")
    task_rejected.connect(on_task_rejected, dispatch_uid="review-decision-rejected")
