"""Pages members write on the site and send to facilitator review, one kind at a time.

Reflections (blog) and case study suggestions (casestudies) are saved the same way: a
new one counts against the member's daily limit, lands under its index page as a draft
nobody else can read, and goes into the "Facilitator review" workflow. Each app
describes its kind once (a DraftKind) and this module does the saving, so the limit and
the locking that makes it hold are the same for both.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.text import slugify
from wagtail.log_actions import log

from network.models import Theme
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
from network.platform.form_fields import ModelMultipleChoiceField


class DailyLimitError(Exception):
    """The member has already started as many of this kind today as the network allows."""


_kinds = {}


def own_submission(user, pk):
    """The member's own page of any kind with this id, and its kind; (None, None) if none."""
    for kind in _kinds.values():
        page = kind.member_pages(user).filter(pk=pk).first()
        if page is not None:
            return page, kind
    return None, None


@dataclass(frozen=True)
class DraftKind:
    """One kind of page that members write and send to facilitator review."""

    label: str  # what the member calls it on /share/mine/: "Reflection"
    index_model: type  # the one index page that new pages of this kind go under
    limit_setting: str  # the setting that holds how many a member may start a day
    slug_fallback: str  # the slug for a title with no letters or digits to make one from
    # user -> the member's own pages of this kind, the most recently changed first
    member_pages: Callable
    # user -> the pages whose creation by this member counts against the daily limit
    counted: Callable
    # (user, data) -> an unsaved page with its title and what its first save needs
    new_page: Callable
    # (page, data, safety_flags) -> None: the member's answers onto the page
    apply: Callable
    # page -> the answers last saved, for the form the member changes them in
    initial: Callable
    # The review states in which the member may still change what they sent.
    editable: frozenset = frozenset(ReviewState.EDITABLE)
    # False where a facilitator fills in required fields later: drafts are then saved
    # without the full validation that publishing applies.
    validate: bool = True

    def __post_init__(self):
        _kinds[self.label] = self  # by label, so defining a kind twice keeps one

    def daily_limit(self):
        # Read on each use, so a change to the setting applies without a restart.
        return getattr(settings, self.limit_setting)

    def started_today(self, user):
        """How many the member began in the last 24 hours; other kinds do not count."""
        return started_since(user, self.counted(user))

    def is_editable(self, page):
        return review_state(page) in self.editable

    @transaction.atomic
    def save(self, user, data, safety_flags, page=None, submit=True):
        """Create or update the member's page as a draft revision; optionally submit it.

        A new page is counted against the daily limit inside this transaction, under a
        lock on the member's own account, so a burst of parallel submissions cannot all
        read the count before any of them has added to it.
        """
        if page is None:
            lock_account(user)
            if self.started_today(user) >= self.daily_limit():
                raise DailyLimitError
        # Lock the index: each new page takes the next position among its children, and
        # two members submitting at the same moment must not be handed the same one.
        index = self.index_model.objects.select_for_update().order_by("pk").first()
        if page is None:
            page = self.new_page(user, data)
            page.slug = free_slug(index, slugify(page.title)[:70] or self.slug_fallback)
            page.live = False
            page.owner = user
            index.add_child(instance=page)
            log(instance=page, action="wagtail.create", user=user)
        self.apply(page, data, safety_flags)
        page.has_unpublished_changes = True
        page.save(clean=self.validate)
        revision = page.save_revision(user=user, log_action=True, clean=self.validate)
        if submit:
            send_for_review(page, user)
        return page, revision

    def submissions(self, user):
        """The member's pages of this kind as rows for /share/mine/ (submissions.register)."""
        rows = []
        # Each row reads its review twice (state and feedback): read once for them all.
        for page in with_reviews(self.member_pages(user)):
            state = review_state(page)
            published = state == ReviewState.PUBLISHED
            rows.append(
                Submission(
                    kind=self.label,
                    title=page.title,
                    state=state,
                    feedback=review_feedback(page),
                    url=page.url if published else None,
                    edit_url=page.member_edit_url() if state in self.editable else None,
                    updated_at=page.latest_revision_created_at,
                    read_url=page.url if published else reverse("share-read", args=[page.pk]),
                    withdraw_url=(
                        reverse("share-withdraw", args=[page.pk])
                        if state == ReviewState.AWAITING_REVIEW
                        else None
                    ),
                )
            )
        return rows


def themes_field():
    """The CMHF themes every member submission is tagged with: at least one, so it can be
    found by theme and reaches the members who follow it."""
    return ModelMultipleChoiceField(
        label="CMHF themes",
        queryset=Theme.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose at least one.",
        error_messages={"required": "Choose at least one CMHF theme."},
    )
