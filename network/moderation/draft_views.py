"""The form a member writes a reflection or a case study suggestion in, new or to change.

Each content app configures a subclass with its form, its DraftKind (network.moderation.
drafts), its template and its messages; what happens to a submission is the same for
every kind. A refused submission (over the daily limit, a form error, or a database
too busy to take the write) shows the form again with everything the member typed.
"""

from django.contrib import messages
from django.db import OperationalError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.views import View
from django.views.decorators.http import require_POST

from network.moderation.submissions import ReviewState, review_state
from network.platform.busy import BUSY_MESSAGE, is_busy
from network.platform.membership import member_required
from network.text.member_text import MemberText

from .drafts import DailyLimitError, own_submission


class DraftFormView(View):
    """``pk`` in the address: the member's own page of this kind, while they may change it."""

    drafts = None  # the DraftKind
    form_class = None
    template_name = None
    page_name = None  # the template's name for the page being changed
    # The refusal past the daily limit; {limit} is the number allowed.
    over_limit_message = None
    not_editable_message = None  # why a page no longer open to changes is not found
    submitted_message = None  # {title} is the page's title
    # Where the member may save without submitting, what they are told; None where every
    # save goes to the facilitators.
    saved_message = None
    # The Markdown field a Preview button renders, where the form has one.
    preview_field = None
    # Or, for a long form, the Markdown fields it renders one after another.
    preview_fields = ()
    # Whether "Save as draft" keeps a form that is not finished yet: every answer but the
    # title may be left empty, and sending it later asks for them all (the form class
    # takes `partial=True`).
    partial_drafts = False
    success_url = "share-mine"  # where the member follows everything they have sent

    def form_kwargs(self, request):
        return {}

    # Every method is answered here, as a function view would: anything but a POST shows
    # the form.
    def dispatch(self, request, pk=None):
        page = None
        if pk is not None:
            page = get_object_or_404(self.drafts.member_pages(request.user), pk=pk)
            if not self.drafts.is_editable(page):
                raise Http404(self.not_editable_message)
        form_kwargs = self.form_kwargs(request)
        if request.method != "POST":
            initial = self.drafts.initial(page) if page else None
            return self.render_form(request, self.form_class(initial=initial, **form_kwargs), page)
        if self.partial_drafts and self.is_draft(request):
            form_kwargs["partial"] = True
        return self.submit(request, self.form_class(request.POST, **form_kwargs), page)

    def is_draft(self, request):
        """Saved, not sent: only where drafts are kept, and only from "Save as draft" (the
        Enter key sends the form's first button, which sends it)."""
        return (
            self.saved_message is not None
            and "draft" in request.POST
            and "submit" not in request.POST
        )

    def render_form(self, request, form, page=None, preview=None):
        context = {"form": form, self.page_name: page, "findings": form.findings}
        if self.preview_field or self.preview_fields:
            context["preview"] = preview
        return render(request, self.template_name, context)

    def refuse_over_limit(self, request, form):
        form.add_error(None, self.over_limit_message.format(limit=self.drafts.daily_limit()))
        return self.render_form(request, form)

    def submit(self, request, form, page):
        if self.preview_fields and "preview" in request.POST:
            form.is_valid()
            preview = [
                (form[name].label, MemberText(form.cleaned_data[name]).html)
                for name in self.preview_fields
                if name not in form.errors and form.cleaned_data.get(name)
            ]
            return self.render_form(request, form, page, preview=preview)
        if self.preview_field and "preview" in request.POST:
            form.is_valid()  # shows problems alongside the preview without saving anything
            # Only text that passed its own checks (length, nesting) is rendered; otherwise
            # the error says what to change and the text stays in the box.
            text = None
            if self.preview_field not in form.errors:
                text = form.cleaned_data.get(self.preview_field)
            preview = MemberText(text).html if text else None
            return self.render_form(request, form, page, preview=preview)
        if page is None and self.drafts.started_today(request.user) >= self.drafts.daily_limit():
            return self.refuse_over_limit(request, form)
        if not form.is_valid():
            return self.render_form(request, form, page)
        send = not self.is_draft(request)
        try:
            page, _revision = self.drafts.save(
                request.user, form.cleaned_data, form.safety_flags, page=page, submit=send
            )
        except DailyLimitError:
            return self.refuse_over_limit(request, form)
        except OperationalError as error:
            if not is_busy(error):
                raise
            form.add_error(None, BUSY_MESSAGE)
            return self.render_form(request, form, page)
        message = self.submitted_message if send else self.saved_message
        messages.success(request, message.format(title=page.title))
        return redirect(self.success_url)


_members_only = member_required("What members send is for network members. Apply to join.")


@_members_only
def read_submission(request, pk):
    """The member's own reflection or suggestion as they last saved it, in the site's look.

    Once published it is the page itself; before that only its author (and facilitators,
    in the admin) can read it, so the copy is never kept in a shared cache."""
    page, _kind = own_submission(request.user, pk)
    if page is None:
        raise Http404("You have sent nothing with this number")
    if page.live and review_state(page) == ReviewState.PUBLISHED:
        return redirect(page.url)
    draft = page.get_latest_revision_as_object()
    state = review_state(page)
    messages.info(
        request,
        f"“{draft.title}” as you last saved it ({state.lower()}). Only you and the "
        "facilitators can read it until it is published.",
    )
    response = draft.serve_preview(request, draft.default_preview_mode)
    if hasattr(response, "render"):
        response.render()
    patch_cache_control(response, private=True, no_store=True)
    return response


@_members_only
@require_POST
def withdraw_submission(request, pk):
    """Take back something waiting for a facilitator: it becomes a draft again, which the
    member can change and send when ready, and it leaves the facilitators' queue."""
    page, _kind = own_submission(request.user, pk)
    if page is None:
        raise Http404("You have sent nothing with this number")
    if review_state(page) != ReviewState.AWAITING_REVIEW:
        messages.error(
            request, f"“{page.title}” is not waiting for review, so there is nothing to withdraw."
        )
        return redirect("share-mine")
    page.current_workflow_state.cancel(user=request.user)
    messages.success(
        request,
        f"“{page.title}” is withdrawn: it is a draft again, which you can change and send "
        "when you are ready.",
    )
    return redirect("share-mine")
