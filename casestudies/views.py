"""Members suggest a local example at /share/case-study/ and follow it at /share/mine/."""

from django.conf import settings
from django.contrib import messages
from django.db import OperationalError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from network.moderation.submissions import ReviewState, review_state
from network.platform.busy import BUSY_MESSAGE, is_busy
from network.platform.membership import member_required

from .forms import CaseStudySuggestionForm
from .suggestions import (
    DailyLimitError,
    form_initial,
    save_suggestion,
    started_today,
    suggested_by,
)

members_only = member_required("Suggesting case studies is for network members. Apply to join.")


def _render_form(request, form, study=None):
    return render(
        request,
        "casestudies/suggest.html",
        {"form": form, "study": study, "findings": form.findings},
    )


def _refuse_over_limit(request, form):
    form.add_error(
        None,
        f"You have suggested {settings.CASE_STUDY_SUGGESTIONS_PER_DAY} case studies in the "
        "last 24 hours, the most the network allows. Your text is still here: save it "
        "somewhere and send it tomorrow.",
    )
    return _render_form(request, form)


def _handle(request, study=None):
    if request.method != "POST":
        initial = form_initial(study) if study else None
        return _render_form(request, CaseStudySuggestionForm(initial=initial), study)
    form = CaseStudySuggestionForm(request.POST)
    limit = settings.CASE_STUDY_SUGGESTIONS_PER_DAY
    if study is None and started_today(request.user) >= limit:
        return _refuse_over_limit(request, form)
    if not form.is_valid():
        return _render_form(request, form, study)
    try:
        study, _revision = save_suggestion(
            request.user, form.cleaned_data, form.safety_flags, study=study, daily_limit=limit
        )
    except DailyLimitError:
        return _refuse_over_limit(request, form)
    except OperationalError as error:
        if not is_busy(error):
            raise
        form.add_error(None, BUSY_MESSAGE)
        return _render_form(request, form, study)
    messages.success(
        request,
        f"Thank you. “{study.title}” is with the facilitators, who will check the details "
        "with you and complete it before anyone else can read it.",
    )
    return redirect("share-mine")


@members_only
def suggest(request):
    return _handle(request)


@members_only
def suggest_edit(request, pk):
    study = get_object_or_404(suggested_by(request.user), pk=pk)
    if review_state(study) != ReviewState.CHANGES_REQUESTED:
        raise Http404("Only suggestions sent back for changes can be edited")
    return _handle(request, study)
