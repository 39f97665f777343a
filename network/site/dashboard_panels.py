"""Dashboard panels: what is waiting for a facilitator's decision first, then where the
evidence base is thin or stale.

Orders run from what needs a decision (Wagtail's "Awaiting your review", then comments
and reports, then applications) to what can wait (emails to follow up, coverage, reviews).
"""

import math
from datetime import timedelta
from urllib.parse import urlencode

from django.db.models import Count
from django.utils import timezone
from wagtail.admin.ui.components import Component

from network.models import Sector, Theme

# Wagtail's own queue of reflections and case studies waiting for review.
REVIEW_QUEUE_PANEL = "workflow_objects_to_moderate"
REVIEW_QUEUE_ORDER = 10


class CoverageGridPanel(Component):
    """CMHF themes against sectors, counting published case studies in each cell.

    Shaded as a heat map so gaps stand out at a glance, with the count written in every
    cell and the gaps also listed in words, so nothing depends on telling colours apart.
    """

    name = "coverage_grid"
    order = 50
    template_name = "network/admin/coverage_grid.html"
    # Shades from fewest to most, each with a text colour that passes WCAG AA against it.
    shades = (
        ("#e8f1fa", "#212b32"),
        ("#b9d5ef", "#212b32"),
        ("#7fb2e5", "#212b32"),
        ("#005eb8", "#ffffff"),
    )

    def level(self, count, most):
        """0 for a gap; otherwise 1 (fewest) to 4 (most), in equal steps up to the most.

        While no cell has more than four, each count has its own shade.
        """
        steps = len(self.shades)
        if not count:
            return 0
        if most <= steps:
            return min(count, steps)
        return math.ceil(steps * count / most)

    def key(self, most):
        """(shade, counts it stands for) for each shade the grid can use, lightest first."""
        steps = len(self.shades)
        if most <= steps:
            return [(self.shades[count - 1], str(count)) for count in range(1, most + 1)]
        key = []
        for level in range(1, steps + 1):
            low, high = most * (level - 1) // steps + 1, most * level // steps
            key.append((self.shades[level - 1], str(low) if low == high else f"{low} to {high}"))
        return key

    def listing_url(self, parent_context):
        from casestudies.models import CaseStudyIndexPage

        index = CaseStudyIndexPage.objects.live().first()
        if index is None:
            return None
        request = (parent_context or {}).get("request")
        return index.get_url(request=request)

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
        most = max(counts.values(), default=0)
        listing = self.listing_url(parent_context)
        sectors = list(Sector.objects.all())
        rows = []
        for theme in Theme.objects.all():
            row = {"theme": theme, "cells": [], "gaps": []}
            for sector in sectors:
                count = counts.get((theme.pk, sector.pk), 0)
                level = self.level(count, most)
                query = urlencode({"theme": theme.slug, "sector": sector.slug})
                row["cells"].append(
                    {
                        "count": count,
                        "sector": sector,
                        "level": level,
                        "shade": self.shades[level - 1] if level else None,
                        "url": f"{listing}?{query}" if listing else None,
                    }
                )
                if not count:
                    row["gaps"].append(sector)
            rows.append(row)
        empty = sum(len(row["gaps"]) for row in rows)
        return {
            "sectors": sectors,
            "rows": rows,
            "empty_cells": empty,
            "key": self.key(most),
        }


class InterestPanel(Component):
    """How many members follow each theme and sector, beside how many case studies it has:
    where interest outruns the evidence, a facilitator knows what to look for next."""

    name = "interest"
    order = 55
    template_name = "network/admin/interest.html"

    def get_context_data(self, parent_context=None):
        from casestudies.models import CaseStudyPage
        from network.notifications import following

        published = CaseStudyPage.objects.published()
        tables = []
        for model, heading, relation in (
            (Theme, "CMHF theme", "themes"),
            (Sector, "Sector", "sectors"),
        ):
            followers = following.follower_counts(model)
            studies = dict(
                published.filter(**{f"{relation}__isnull": False})
                .values_list(relation)
                .annotate(total=Count("pk", distinct=True))
                .order_by()
            )
            rows = [
                {
                    "term": term,
                    "followers": followers.get(term.pk, 0),
                    "case_studies": studies.get(term.pk, 0),
                }
                for term in model.objects.all()
            ]
            rows.sort(key=lambda row: (row["case_studies"] - row["followers"], row["term"].name))
            tables.append({"heading": heading, "rows": rows})
        return {"tables": tables}


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
    order = 30
    template_name = "network/admin/pending_applications.html"

    def get_context_data(self, parent_context=None):
        from network.models import MembershipApplication

        pending = MembershipApplication.objects.pending().order_by("created_at")
        return {"pending": pending[:10], "pending_count": pending.count()}


class ModerationPanel(Component):
    """What is waiting for a facilitator's decision: comments and reported content."""

    name = "moderation"
    order = 20
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
    order = 40
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
