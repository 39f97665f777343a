"""Members suggest a local example at /share/case-study/ and follow it at /share/mine/."""

from network.moderation.draft_views import DraftFormView
from network.platform.membership import member_required

from .forms import STORY_FIELDS, CaseStudySuggestionForm
from .suggestions import SUGGESTIONS

members_only = member_required("Suggesting case studies is for network members. Apply to join.")


class SuggestView(DraftFormView):
    drafts = SUGGESTIONS
    form_class = CaseStudySuggestionForm
    template_name = "casestudies/suggest.html"
    page_name = "study"
    over_limit_message = (
        "You have suggested {limit} case studies in the last 24 hours, the most the network "
        "allows. Your text is still here: save it somewhere and send it tomorrow."
    )
    not_editable_message = "Only drafts and suggestions sent back for changes can be edited"
    submitted_message = (
        "Thank you. “{title}” is with the facilitators, who will check the details with you "
        "and complete it before anyone else can read it."
    )
    saved_message = (
        "“{title}” is saved as a draft. Only you can read it; finish it and send it from "
        "My submissions when you are ready."
    )
    preview_fields = STORY_FIELDS
    partial_drafts = True


# A new suggestion at /share/case-study/, and one sent back for changes at its edit address.
suggest = suggest_edit = members_only(SuggestView.as_view())
