"""Dashboard panels that show facilitators where the evidence base is thin or stale."""

from datetime import timedelta

from django.db.models import Count
from django.utils import timezone
from wagtail.admin.ui.components import Component

from network.models import Sector, Theme


class CoverageGridPanel(Component):
    """CMHF themes against sectors, counting published case studies in each cell."""

    name = "coverage_grid"
    order = 50
    template_name = "network/admin/coverage_grid.html"

    def get_context_data(self, parent_context=None):
        from casestudies.models import CaseStudyPage

        cells = (
            CaseStudyPage.objects.published()
            .filter(themes__isnull=False, sectors__isnull=False)
            .values("themes", "sectors")
            .annotate(total=Count("pk", distinct=True))
            .order_by()
        )
        counts = {(cell["themes"], cell["sectors"]): cell["total"] for cell in cells}
        sectors = list(Sector.objects.all())
        rows = [
            {"theme": theme, "cells": [counts.get((theme.pk, sector.pk), 0) for sector in sectors]}
            for theme in Theme.objects.all()
        ]
        empty = sum(cell == 0 for row in rows for cell in row["cells"])
        return {"sectors": sectors, "rows": rows, "empty_cells": empty}


class ReviewDuePanel(Component):
    name = "review_due"
    order = 60
    template_name = "network/admin/review_due.html"

    def get_context_data(self, parent_context=None):
        from casestudies.models import CaseStudyPage

        due = CaseStudyPage.objects.published().review_due().order_by("last_reviewed")
        return {"due": due[:20], "due_count": due.count()}


class PendingApplicationsPanel(Component):
    name = "pending_applications"
    order = 40
    template_name = "network/admin/pending_applications.html"

    def get_context_data(self, parent_context=None):
        from network.models import MembershipApplication

        pending = MembershipApplication.objects.pending().order_by("created_at")
        return {"pending": pending[:10], "pending_count": pending.count()}


class ModerationPanel(Component):
    """What is waiting for a facilitator's decision: comments and reported content."""

    name = "moderation"
    order = 30
    template_name = "network/admin/moderation_panel.html"

    def get_context_data(self, parent_context=None):
        from network.models import Comment, Report

        return {
            "waiting_comments": Comment.objects.awaiting_review().count(),
            "open_reports": Report.objects.open().count(),
        }


class FailedEmailsPanel(Component):
    """Emails that did not go out, so a facilitator can reach the person another way.

    Shown only while there is something to act on; each stays for a fortnight.
    """

    name = "failed_emails"
    order = 20
    template_name = "network/admin/failed_emails.html"
    shown_days = 14

    def get_failures(self):
        from network.models import FailedEmail

        since = timezone.now() - timedelta(days=self.shown_days)
        return FailedEmail.objects.unsent().filter(last_failed_at__gte=since)

    def get_context_data(self, parent_context=None):
        failures = self.get_failures()
        return {
            "failures": failures[:20],
            "failure_count": failures.count(),
            "shown_days": self.shown_days,
        }

    def render_html(self, parent_context=None):
        if not self.get_failures().exists():
            return ""
        return super().render_html(parent_context)
