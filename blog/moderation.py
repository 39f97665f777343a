"""The facilitator review task: approve, request changes, or reject a post outright.

Wagtail's group approval task only knows "approve" and "request changes"; members also
need to hear a final "no" with a reason, which ends the review and keeps the post
unpublished.
"""

from django import forms
from django.db import transaction
from django.utils import timezone
from wagtail.models import AbstractGroupApprovalTask

from network.moderation.decisions import notify_rejected


class RejectionForm(forms.Form):
    comment = forms.CharField(
        label="Reason for rejecting",
        widget=forms.Textarea({"rows": 3}),
        help_text="Sent to the member. Say which of the network's guidelines it does not meet.",
    )


class FacilitatorReviewTask(AbstractGroupApprovalTask):
    class Meta:
        verbose_name = "facilitator review task"
        verbose_name_plural = "facilitator review tasks"

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions:
            actions.append(("decline", "Reject", True))
        return actions

    def get_form_for_action(self, action):
        if action == "decline":
            return RejectionForm
        return super().get_form_for_action(action)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name != "decline":
            return super().on_action(task_state, user, action_name, **kwargs)
        post = task_state.workflow_state.content_object.specific
        comment = kwargs.get("comment", "")
        # Recorded first so the "changes requested" email does not go out as well.
        type(post).objects.filter(pk=post.pk).update(
            rejected_at=timezone.now(), rejection_reason=comment
        )
        task_state.reject(user=user, comment=comment)
        task_state.workflow_state.cancel(user=user)
        notify_rejected(post, comment)
        return None

    @classmethod
    def get_description(cls):
        return "Facilitators approve, ask for changes to, or reject a member's post"
