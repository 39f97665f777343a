"""The facilitators' queue for comments waiting for review and reported content."""

from django.contrib import messages
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from network.discussion import resolve_reports
from network.models import Comment, CommentStatus, Report

from .admin_views import FacilitatorOnlyMixin


def open_reports_by_item():
    """Each reported post or comment once, with how many members reported it and why."""
    grouped = (
        Report.objects.open()
        .values("page", "comment")
        .annotate(reporters=Count("reporter", distinct=True))
        .order_by("-reporters")
    )
    items = []
    for group in grouped:
        reports = Report.objects.open().filter(page=group["page"], comment=group["comment"])
        items.append(
            {
                "page": Page.objects.filter(pk=group["page"]).first() if group["page"] else None,
                "comment": Comment.objects.select_related("page", "author__profile")
                .filter(pk=group["comment"])
                .first()
                if group["comment"]
                else None,
                "reporters": group["reporters"],
                "reasons": sorted({report.get_reason_display() for report in reports}),
                "notes": [report.note for report in reports if report.note],
            }
        )
    return items


class ModerationQueueView(FacilitatorOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "network/admin/moderation_queue.html"
    page_title = "Comments and reports"
    header_icon = "warning"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["waiting"] = Comment.objects.awaiting_review().select_related(
            "page", "author__profile"
        )
        context["reported"] = open_reports_by_item()
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
            messages.success(request, "The comment is published.")
        elif decision == "hide":
            comment.review(request.user, CommentStatus.HIDDEN)
            messages.success(request, "The comment is hidden.")
        else:
            messages.error(request, "Choose whether to publish or hide the comment.")
        return redirect("moderation_queue")


class ReportDecisionView(FacilitatorOnlyMixin, View):
    http_method_names = ["post"]

    def post(self, request, kind, pk):
        if kind not in {"comment", "page"}:
            raise Http404("Reports are about a post or a comment")
        keep_hidden = request.POST.get("decision") == "hide"
        if kind == "comment":
            resolve_reports(request.user, keep_hidden, comment=get_object_or_404(Comment, pk=pk))
        else:
            resolve_reports(request.user, keep_hidden, page=get_object_or_404(Page, pk=pk))
        messages.success(
            request, "Kept hidden." if keep_hidden else "Restored: the reports are closed."
        )
        return redirect("moderation_queue")
