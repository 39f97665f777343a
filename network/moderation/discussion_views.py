"""Members comment on and report posts and case studies."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import OperationalError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from wagtail.models import Page

from network.models import Comment, CommentStatus
from network.moderation.discussion import (
    CommentLimitError,
    add_comment,
    can_discuss,
    comment_link_limit,
    report,
)
from network.moderation.discussion_forms import CommentForm, ReportForm
from network.platform.busy import BUSY_MESSAGE, is_busy


def _discussable_page(request, page_id):
    page = get_object_or_404(Page, pk=page_id)
    if not can_discuss(request.user, page):
        raise Http404("Only members can comment on or report published pages")
    return page


@login_required
@require_POST
def comment_create(request, page_id):
    page = _discussable_page(request, page_id)
    form = CommentForm(request.POST, link_limit=comment_link_limit(request.user))
    if form.is_valid():
        flags = sorted({finding.kind for finding in form.findings})
        try:
            comment = add_comment(request.user, page, form.cleaned_data["body"], flags)
        except CommentLimitError as refusal:
            form.add_error(None, str(refusal))
        except OperationalError as error:
            if not is_busy(error):
                raise
            form.add_error(None, BUSY_MESSAGE)
        else:
            if comment.status == CommentStatus.PENDING:
                messages.success(
                    request,
                    "Thank you. Your comment will appear once a facilitator has read it.",
                )
            else:
                messages.success(request, "Your comment is published.")
            return redirect(f"{page.url}#comments")
    return render(
        request,
        "network/comment_form.html",
        {"form": form, "target": page, "findings": getattr(form, "findings", [])},
        status=400,
    )


@login_required
def report_item(request, kind, pk):
    if kind == "comment":
        comment = get_object_or_404(Comment.objects.published().select_related("page"), pk=pk)
        page, target = comment.page, {"comment": comment}
        _discussable_page(request, page.pk)
    else:
        page = _discussable_page(request, pk)
        target = {"page": page}
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        recorded = report(
            request.user, form.cleaned_data["reason"], form.cleaned_data["note"], **target
        )
        if recorded:
            messages.success(request, "Thank you. The facilitators will look at your report.")
        else:
            messages.info(request, "You have already reported this; the facilitators have it.")
        return redirect(page.url)
    return render(
        request,
        "network/report_form.html",
        {"form": form, "target": page, "comment": target.get("comment")},
        status=400 if request.method == "POST" else 200,
    )
