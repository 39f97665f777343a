"""The facilitators' queue for comments waiting for review and reported content."""

from collections import defaultdict

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from wagtail.models import Page

from network.models import Comment, CommentStatus, Report
from network.moderation.discussion import resolve_reports
from network.notifications import notices
from network.platform.facilitator_screens import FacilitatorOnlyMixin, FacilitatorScreen

QUEUE_PAGE_SIZE = 20


def open_reports_by_item(page_number=None):
    """One page of reported posts and comments, each once, with how many reported it and why.

    Paginated before anything is fetched for the items, so a long list of reports costs
    one page's worth of queries.
    """
    grouped = (
        Report.objects.open()
        .values("page", "comment")
        .annotate(reporters=Count("reporter", distinct=True))
        .order_by("-reporters", "page", "comment")
    )
    shown = Paginator(grouped, QUEUE_PAGE_SIZE).get_page(page_number)
    groups = list(shown)
    page_ids = {group["page"] for group in groups if group["page"]}
    comment_ids = {group["comment"] for group in groups if group["comment"]}
    pages = {page.pk: page for page in Page.objects.filter(pk__in=page_ids).specific()}
    comments = Comment.objects.select_related("page", "author__profile").in_bulk(comment_ids)
    reports_of = defaultdict(list)
    for report in Report.objects.open().filter(
        Q(page__in=page_ids, comment=None) | Q(comment__in=comment_ids)
    ):
        reports_of[(report.page_id, report.comment_id)].append(report)
    items = []
    for group in groups:
        reports = reports_of[(group["page"], group["comment"])]
        page, comment = pages.get(group["page"]), comments.get(group["comment"])
        if comment is not None:
            hidden = comment.status != CommentStatus.PUBLISHED
        else:
            hidden = bool(getattr(page, "hidden_for_review", False))
        items.append(
            {
                "page": page,
                "comment": comment,
                # Enough members reported it to hide it until a facilitator decides; the
                # buttons say what each decision does to it from where it stands now.
                "hidden": hidden,
                "kind": getattr(page, "kind_label", "Page"),
                "reporters": group["reporters"],
                "reasons": sorted({report.get_reason_display() for report in reports}),
                "notes": [report.note for report in reports if report.note],
            }
        )
    shown.object_list = items
    return shown


class ModerationQueueView(FacilitatorScreen):
    """Comments waiting and open reports, a page of each at a time, oldest comments first."""

    template_name = "network/admin/moderation_queue.html"
    page_title = "Comments and reports"
    header_icon = "warning"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        waiting = (
            Comment.objects.awaiting_review()
            .select_related("page", "author__profile")
            .order_by("created_at", "pk")
        )
        context["waiting"] = Paginator(waiting, QUEUE_PAGE_SIZE).get_page(
            self.request.GET.get("page")
        )
        context["reported"] = open_reports_by_item(self.request.GET.get("reports_page"))
        context["published"] = (
            Comment.objects.published()
            .select_related("page", "author__profile")
            .order_by("-created_at")[:30]
        )
        return context


class CommentDecisionView(FacilitatorOnlyMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        comment = get_object_or_404(Comment, pk=pk)
        decision = request.POST.get("decision")
        if decision == "publish":
            comment.review(request.user, CommentStatus.PUBLISHED)
            notices.comment_published(comment)
            messages.success(request, "The comment is published.")
        elif decision == "hide":
            comment.review(request.user, CommentStatus.HIDDEN)
            notices.withdraw(comment=comment)
            messages.success(request, "The comment is hidden.")
        else:
            messages.error(request, "Choose whether to publish or hide the comment.")
        return redirect("moderation_queue")


class ReportDecisionView(FacilitatorOnlyMixin, View):
    http_method_names = ["post"]

    def post(self, request, kind, pk):
        if kind not in {"comment", "page"}:
            raise Http404("Reports are about a post or a comment")
        decision = request.POST.get("decision")
        if decision not in {"hide", "restore"}:
            messages.error(request, "Choose whether to hide it or to leave it in view.")
            return redirect("moderation_queue")
        keep_hidden = decision == "hide"
        if kind == "comment":
            resolve_reports(request.user, keep_hidden, comment=get_object_or_404(Comment, pk=pk))
        else:
            resolve_reports(request.user, keep_hidden, page=get_object_or_404(Page, pk=pk))
        messages.success(
            request,
            "Hidden, and the reports are closed."
            if keep_hidden
            else "In view, and the reports are closed.",
        )
        return redirect("moderation_queue")
