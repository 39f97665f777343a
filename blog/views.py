"""Members share reflections at /share/ and follow them at /share/mine/."""

from django.conf import settings
from django.shortcuts import render

from network.caching.audience_cache import kept_for_reader
from network.moderation import submissions
from network.moderation.draft_views import DraftFormView
from network.platform.membership import member_required

from .forms import ReflectionForm
from .reflections import REFLECTIONS, is_new_member

members_only = member_required("Sharing reflections is for network members. Apply to join.")


class ShareView(DraftFormView):
    drafts = REFLECTIONS
    form_class = ReflectionForm
    template_name = "blog/share.html"
    page_name = "post"
    over_limit_message = (
        "You have started {limit} reflections in the last 24 hours, the most the network "
        "allows. Your text is still here: save it somewhere and share it tomorrow."
    )
    not_editable_message = "Only drafts and reflections sent back for changes can be edited"
    submitted_message = (
        "Thank you. “{title}” is with the facilitators, who will review it before anyone "
        "else can read it."
    )
    saved_message = "“{title}” is saved as a draft."
    preview_field = "body"

    def form_kwargs(self, request):
        return {"new_member": is_new_member(request.user, settings.NEW_MEMBER_POSTS)}


# A new reflection at /share/, and a draft or one sent back for changes at /share/<id>/edit/.
share = share_edit = members_only(ShareView.as_view())


@members_only
@kept_for_reader
def share_mine(request):
    """Everything the member has sent to the facilitators, reflections and suggestions."""
    return render(request, "blog/share_mine.html", {"rows": submissions.for_member(request.user)})
