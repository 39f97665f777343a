"""The form members use to share a reflection."""

from django import forms
from django.conf import settings

from network.models import Sector
from network.models.mixins import Audience
from network.moderation.drafts import themes_field
from network.moderation.links import check_link_limit
from network.platform.form_fields import ModelMultipleChoiceField
from network.platform.honeypot import HoneypotMixin
from network.text.lines import one_line
from network.text.markdown_bounds import validate_structure
from network.text.patient_identifiers import IdentifierCheckMixin


class ReflectionForm(IdentifierCheckMixin, HoneypotMixin, forms.Form):
    identifier_fields = ("title", "summary", "body")

    title = forms.CharField(
        max_length=200, error_messages={"required": "Enter a title for your reflection"}
    )
    summary = forms.CharField(
        max_length=400,
        error_messages={"required": "Enter a short summary of your reflection"},
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One or two sentences shown in listings. Up to 400 characters.",
    )
    body = forms.CharField(
        label="Your reflection",
        max_length=20000,
        validators=[validate_structure],
        widget=forms.Textarea(attrs={"rows": 16}),
        error_messages={"required": "Write your reflection"},
        help_text=(
            "Write in Markdown: ## for a heading, **bold**, *italic*, - for a list, > for a "
            "quote and [text](https://link) for a link. Use Preview to check how it looks."
        ),
    )
    themes = themes_field()
    sectors = ModelMultipleChoiceField(
        queryset=Sector.objects.all(), widget=forms.CheckboxSelectMultiple, required=False
    )
    keywords = forms.CharField(
        max_length=300,
        required=False,
        help_text="Separate keywords with commas, for example: link worker, supervision",
    )
    audience = forms.ChoiceField(
        label="Who can read it",
        choices=Audience.choices,
        initial=Audience.PUBLIC,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who can read your reflection"},
    )
    confirm_no_identifiers = forms.BooleanField(
        label="I have checked: nothing here could identify a patient or another person",
        required=False,
    )

    def __init__(self, *args, new_member=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.new_member = new_member
        self.findings = []

    def clean_title(self):
        """A title is one line: it goes into email subjects, page titles and listings."""
        return one_line(self.cleaned_data["title"])

    def clean_keywords(self):
        keywords = [k.strip() for k in self.cleaned_data["keywords"].split(",") if k.strip()]
        if len(keywords) > 10:
            raise forms.ValidationError(f"Use up to 10 keywords; you gave {len(keywords)}.")
        too_long = [k for k in keywords if len(k) > 50]
        if too_long:
            raise forms.ValidationError(f"Keep each keyword under 50 characters: “{too_long[0]}”.")
        return keywords

    def clean_body(self):
        body = self.cleaned_data["body"]
        if self.new_member:
            check_link_limit(body, settings.NEW_MEMBER_LINK_LIMIT, "posts")
        return body
