"""Members share reflections at /share/ and follow them at /share/mine/."""

from django.conf import settings
from django.contrib import messages
from django.db import OperationalError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from network.caching.audience_cache import kept_for_reader
from network.moderation import submissions
from network.platform.busy import BUSY_MESSAGE, is_busy
from network.platform.membership import member_required
from network.text.member_text import MemberText

from .forms import ReflectionForm
from .reflections import (
    DailyLimitError,
    ReflectionState,
    authored_by,
    form_initial,
    is_new_member,
    save_reflection,
    started_today,
    state_of,
)

members_only = member_required("Sharing reflections is for network members. Apply to join.")


def _render_form(request, form, post=None, preview=None):
    return render(
        request,
        "blog/share.html",
        {"form": form, "post": post, "preview": preview, "findings": form.findings},
    )


def _refuse_over_limit(request, form):
    form.add_error(
        None,
        f"You have started {settings.REFLECTIONS_PER_DAY} reflections in the last 24 "
        "hours, the most the network allows. Your text is still here: save it somewhere "
        "and share it tomorrow.",
    )
    return _render_form(request, form)


def _handle(request, post=None):
    new_member = is_new_member(request.user, settings.NEW_MEMBER_POSTS)
    if request.method != "POST":
        initial = form_initial(post) if post else None
        return _render_form(request, ReflectionForm(initial=initial, new_member=new_member), post)
    form = ReflectionForm(request.POST, new_member=new_member)
    if "preview" in request.POST:
        form.is_valid()  # shows problems alongside the preview without saving anything
        # Only text that passed its own checks (length, nesting) is rendered; otherwise
        # the error says what to change and the text stays in the box.
        body = None if "body" in form.errors else form.cleaned_data.get("body")
        preview = MemberText(body).html if body else None
        return _render_form(request, form, post, preview=preview)
    if post is None and started_today(request.user) >= settings.REFLECTIONS_PER_DAY:
        return _refuse_over_limit(request, form)
    if not form.is_valid():
        return _render_form(request, form, post)
    submit = "submit" in request.POST
    try:
        post, _revision = save_reflection(
            request.user,
            form.cleaned_data,
            form.safety_flags,
            submit=submit,
            post=post,
            daily_limit=settings.REFLECTIONS_PER_DAY,
        )
    except DailyLimitError:
        return _refuse_over_limit(request, form)
    except OperationalError as error:
        if not is_busy(error):
            raise
        form.add_error(None, BUSY_MESSAGE)
        return _render_form(request, form, post)
    if submit:
        messages.success(
            request,
            f"Thank you. “{post.title}” is with the facilitators, who will review it before "
            "anyone else can read it.",
        )
    else:
        messages.success(request, f"“{post.title}” is saved as a draft.")
    return redirect("share-mine")


@members_only
def share(request):
    return _handle(request)


@members_only
def share_edit(request, pk):
    post = get_object_or_404(authored_by(request.user), pk=pk)
    if state_of(post) not in ReflectionState.EDITABLE:
        raise Http404("Only drafts and reflections sent back for changes can be edited")
    return _handle(request, post)


@members_only
@kept_for_reader
def share_mine(request):
    """Everything the member has sent to the facilitators, reflections and suggestions."""
    return render(request, "blog/share_mine.html", {"rows": submissions.for_member(request.user)})
