"""What members fill in to comment on or report a post or case study."""

from django import forms

from network.models import ReportReason
from network.moderation.links import check_link_limit
from network.platform.honeypot import HoneypotMixin
from network.text.markdown_bounds import validate_structure
from network.text.patient_identifiers import IdentifierCheckMixin


class CommentForm(IdentifierCheckMixin, HoneypotMixin, forms.Form):
    identifier_fields = ("body",)

    body = forms.CharField(
        label="Your comment",
        max_length=4000,
        validators=[validate_structure],
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Plain text; **bold**, *italic*, lists and links work. Up to 4,000 characters.",
        error_messages={"required": "Write something before posting your comment."},
    )
    confirm_no_identifiers = forms.BooleanField(
        label="I have checked: nothing here could identify a patient or another person",
        required=False,
    )

    def __init__(self, *args, link_limit=None, **kwargs):
        """`link_limit`: the most links a new member's comment may hold; None for no limit."""
        super().__init__(*args, **kwargs)
        self.link_limit = link_limit

    def clean_body(self):
        body = self.cleaned_data["body"]
        if self.link_limit is not None:
            check_link_limit(body, self.link_limit, "comments")
        return body


class ReportForm(HoneypotMixin, forms.Form):
    reason = forms.ChoiceField(
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose why you are reporting this"},
    )
    note = forms.CharField(
        label="Anything the facilitators should know",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
