"""What members fill in to comment on or report a post or case study."""

from django import forms

from network.honeypot import HoneypotMixin
from network.markdown_bounds import validate_structure
from network.models import ReportReason
from network.safety import find_identifiers, summarise


class CommentForm(HoneypotMixin, forms.Form):
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

    def clean(self):
        data = super().clean()
        self.findings = find_identifiers(data.get("body", ""))
        if self.findings and not data.get("confirm_no_identifiers"):
            self.add_error(
                "confirm_no_identifiers",
                f"{summarise(self.findings)} If you are sure it identifies nobody, tick the box.",
            )
        return data


class ReportForm(HoneypotMixin, forms.Form):
    reason = forms.ChoiceField(choices=ReportReason.choices, widget=forms.RadioSelect)
    note = forms.CharField(
        label="Anything the facilitators should know",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
