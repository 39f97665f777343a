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
from django.views import View

from network.platform.busy import BUSY_MESSAGE, is_busy
from network.text.member_text import MemberText

from .drafts import DailyLimitError


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
        return self.submit(request, self.form_class(request.POST, **form_kwargs), page)

    def render_form(self, request, form, page=None, preview=None):
        context = {"form": form, self.page_name: page, "findings": form.findings}
        if self.preview_field:
            context["preview"] = preview
        return render(request, self.template_name, context)

    def refuse_over_limit(self, request, form):
        form.add_error(None, self.over_limit_message.format(limit=self.drafts.daily_limit()))
        return self.render_form(request, form)

    def submit(self, request, form, page):
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
        send = self.saved_message is None or "submit" in request.POST
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
