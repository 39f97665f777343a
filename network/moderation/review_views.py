"""Admin views for pages under facilitator review: after a decision, back to the queue.

Wagtail would leave a facilitator on the editor or the page explorer with "Page updated";
the queue of what still needs a decision is on the dashboard, so every decision ends
there with a message saying what the decision did.
"""

from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin import messages
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import TaskState

from network.moderation.publishing import PUBLISHING_ACTIONS, gaps_sentence, publishing_gaps
from network.moderation.review import decision_message

QUEUE_URL_NAME = "wagtailadmin_home"


def announce_decision(request, page, task_state):
    """Say what happened, or nothing when the task was not decided (a form error, say)."""
    task_state.refresh_from_db()
    if task_state.status == TaskState.STATUS_IN_PROGRESS:
        return False
    messages.success(request, decision_message(page, task_state))
    return True


class ReviewEditView(EditView):
    """The editor, where a decision can be taken with or without edits to the text."""

    deciding_task_state = None
    decided = False

    def perform_workflow_action(self):
        self.deciding_task_state = self.page.current_workflow_task_state
        return super().perform_workflow_action()

    def add_save_confirmation_message(self):
        if self.deciding_task_state is not None:
            self.decided = announce_decision(self.request, self.page, self.deciding_task_state)
            if self.decided:
                return
        super().add_save_confirmation_message()

    def redirect_away(self):
        if self.decided:
            return redirect(QUEUE_URL_NAME)
        return super().redirect_away()


class ReviewWorkflowActionView(WorkflowActionView):
    """The buttons in the dashboard queue and the editor's approve and reject dialogs."""

    def get_redirect_url(self):
        return reverse(QUEUE_URL_NAME)

    def post(self, request, *args, **kwargs):
        if self.action_name in PUBLISHING_ACTIONS:
            gaps = publishing_gaps(self.object)
            if gaps:
                return self.send_to_editor(request, gaps)
        response = super().post(request, *args, **kwargs)
        announce_decision(request, self.object, self.task_state)
        return response

    def send_to_editor(self, request, gaps):
        """Publishing would fail the page's own rules: say what is missing, open the editor.

        The queue hides "Approve" for such a page; this covers a queue opened before a
        field was cleared, or a decision posted from elsewhere."""
        title = self.object.get_admin_display_title()
        messages.error(
            request,
            f"“{title}” cannot be published yet. Complete in the editor: {gaps_sentence(gaps)}.",
        )
        editor = reverse("wagtailadmin_pages:edit", args=(self.object.pk,))
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            return self.render_modal_json(request, {"step": "success", "redirect": editor})
        return redirect(editor)


class ReviewedPageViewSet(PageViewSet):
    edit_view_class = ReviewEditView
    workflow_action_view_class = ReviewWorkflowActionView
