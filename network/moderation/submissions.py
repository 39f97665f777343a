"""What members send to the facilitators, and where each piece has got to.

Reflections (blog) and case study suggestions (casestudies) both go through the one
"Facilitator review" workflow, and a member follows them together at /share/mine/. Content
apps depend on network and never on each other, so each app registers a source here that
lists one member's submissions, and the page asks every source.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from wagtail.models import PageLogEntry, WorkflowState
from wagtail.users.models import UserProfile


class ReviewState:
    DRAFT = "Draft"
    AWAITING_REVIEW = "Awaiting review"
    CHANGES_REQUESTED = "Changes requested"
    PUBLISHED = "Published"
    REJECTED = "Rejected"

    EDITABLE = {DRAFT, CHANGES_REQUESTED}


def with_reviews(pages):
    """The pages, each carrying its active review as Wagtail's own prefetch would leave it.

    Wagtail's ``prefetch_workflow_states()`` matches on the queryset's model, which for a
    BlogPage queryset finds nothing (reviews are recorded against the base page type), so
    the reviews are read here in one query and set where ``current_workflow_state`` looks.
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    pages = list(pages)
    states = WorkflowState.objects.active().filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(page.pk) for page in pages],
    )
    by_page = {}
    for state in states.select_related("current_task_state__task"):
        by_page.setdefault(int(state.object_id), []).append(state)
    for page in pages:
        page._current_workflow_states = by_page.get(page.pk, [])
    return pages


def review_state(page):
    """Where a member's page stands; the page needs the fields of ReviewOutcomeMixin."""
    if page.rejected_at:
        return ReviewState.REJECTED
    if page.live:
        return ReviewState.PUBLISHED
    workflow_state = page.current_workflow_state
    if workflow_state is None:
        return ReviewState.DRAFT
    if workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return ReviewState.CHANGES_REQUESTED
    return ReviewState.AWAITING_REVIEW


def review_feedback(page):
    """The facilitator's most recent comment on a decision, shown beside the submission."""
    if page.rejected_at:
        return page.rejection_reason
    workflow_state = page.current_workflow_state
    if workflow_state and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        task_state = workflow_state.current_task_state
        return task_state.get_comment() if task_state else ""
    return ""


@dataclass(frozen=True)
class Submission:
    kind: str  # what it is, as the member reads it: "Reflection", "Case study suggestion"
    title: str
    state: str
    feedback: str = ""
    url: str | None = None  # the published page, once there is one
    edit_url: str | None = None  # only while the member may still change it
    updated_at: datetime.datetime | None = None
    read_url: str | None = None  # the page once published, else the member's own copy
    withdraw_url: str | None = None  # only while it waits for a facilitator

    @property
    def editable(self):
        return self.edit_url is not None


_sources = {}


def register(name, source):
    """Add a source: a function from a user to that member's Submissions.

    Registered by name, so an app's ready() running twice does not list things twice.
    """
    _sources[name] = source


def for_member(user):
    """Every submission of every kind, the most recently changed first."""
    found = [submission for source in _sources.values() for submission in source(user)]
    oldest = datetime.datetime.min.replace(tzinfo=datetime.UTC)
    return sorted(found, key=lambda item: item.updated_at or oldest, reverse=True)


def started_since(user, pages, hours=24):
    """How many of these pages the member created in the last `hours`, from the creation log.

    Counted by page: creating a page can be logged more than once. Passing the kind of
    page counted keeps one kind's limit apart from another's.
    """
    since = timezone.now() - datetime.timedelta(hours=hours)
    return (
        PageLogEntry.objects.filter(
            user=user,
            action="wagtail.create",
            timestamp__gte=since,
            page_id__in=pages.values("pk"),
        )
        .values("page_id")
        .distinct()
        .count()
    )


def _quiet_wagtail_emails(user):
    """Members hear of decisions from the network's own emails (network.moderation.decisions), not
    from the admin's, which speak of pages and tasks."""
    profile = UserProfile.get_for_user(user)
    if profile.approved_notifications or profile.rejected_notifications:
        profile.approved_notifications = False
        profile.rejected_notifications = False
        profile.save(update_fields=["approved_notifications", "rejected_notifications"])


def send_for_review(page, user):
    """Start the page's review, or resume it where the facilitator asked for changes."""
    _quiet_wagtail_emails(user)
    workflow_state = page.current_workflow_state
    if workflow_state and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        workflow_state.resume(user=user)
    elif workflow_state is None:
        page.get_workflow().start(page, user)
