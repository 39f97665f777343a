"""The form members use to suggest a local example for the case study library.

It asks for the comparable fields a member is likely to know. How the partners are
integrated (integration type, relationship, interface model, levels of care) is left to
the facilitator who turns the suggestion into a case study, so a member is not made to
guess at the literature's vocabulary.
"""

from django import forms

from network.models import Region, Sector
from network.models.mixins import Audience
from network.moderation.drafts import themes_field
from network.platform.form_fields import ModelChoiceField, ModelMultipleChoiceField
from network.platform.honeypot import HoneypotMixin
from network.text.lines import one_line
from network.text.markdown_bounds import validate_structure
from network.text.patient_identifiers import IdentifierCheckMixin

from .choices import Setting, Status
from .validators import validate_team_mailbox

LONG_TEXT = 5000
TEXT_HINT = "Plain text. Leave a blank line between paragraphs; start a line with - for a list."

# The member's long answers, in the order the case study page shows them.
STORY_FIELDS = (
    "problem",
    "what_was_done",
    "outcomes_summary",
    "barriers",
    "enablers",
    "key_learning",
    "cost_and_funding",
)


def story_field(label, help_text, missing):
    """Every answer is required: the published page shows each one under its heading."""
    return forms.CharField(
        label=label,
        max_length=LONG_TEXT,
        error_messages={"required": missing},
        validators=[validate_structure],
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=f"{help_text} {TEXT_HINT} Up to {LONG_TEXT:,} characters.",
    )


class CaseStudySuggestionForm(IdentifierCheckMixin, HoneypotMixin, forms.Form):
    identifier_fields = (
        "title",
        "summary",
        "place",
        "lead_organisation",
        "partners",
        *STORY_FIELDS,
    )

    title = forms.CharField(
        max_length=200,
        help_text="What was done and where, for example: Link workers in every Northvale practice",
        error_messages={"required": "Enter a title for the example"},
    )
    summary = forms.CharField(
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Two or three sentences shown in listings. Up to 500 characters.",
        error_messages={"required": "Enter a short summary of the example"},
    )
    place = forms.CharField(
        max_length=160,
        help_text="Town, city, borough or integrated care system",
        error_messages={"required": "Enter where this happened"},
    )
    region = ModelChoiceField(queryset=Region.objects.all(), required=False)
    setting = forms.ChoiceField(choices=Setting.choices, widget=forms.RadioSelect)
    status = forms.ChoiceField(
        label="Is it still running?", choices=Status.choices, widget=forms.RadioSelect
    )
    lead_organisation = forms.CharField(
        max_length=200,
        help_text="The organisation that leads the work. Facilitators add the other partners.",
        error_messages={"required": "Enter the organisation that leads the work"},
    )
    lead_sector = ModelChoiceField(
        label="Lead organisation's sector",
        queryset=Sector.objects.all(),
        error_messages={"required": "Choose the lead organisation's sector"},
    )
    partners = forms.CharField(
        label="Other organisations involved",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One a line, with what each does if you know it. Up to 1,000 characters.",
    )
    themes = themes_field()
    sectors = ModelMultipleChoiceField(
        label="Sectors involved",
        queryset=Sector.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    problem = story_field(
        "The problem", "What needed to change, and for whom.", "Say what needed to change"
    )
    what_was_done = story_field(
        "What was done", "Who did what, and how the partners worked.", "Say what was done"
    )
    outcomes_summary = story_field(
        "Outcomes and evidence",
        "What changed, and how you know: audits, surveys, waiting times.",
        "Say what changed and how you know",
    )
    barriers = story_field("Barriers", "What got in the way.", "Say what got in the way")
    enablers = story_field("Enablers", "What helped.", "Say what helped")
    key_learning = story_field(
        "Key learning",
        "What others should know before trying it.",
        "Say what others should know before trying it",
    )
    cost_and_funding = story_field(
        "Cost and funding",
        "Where the money came from. If it cost nothing extra, say so.",
        "Say where the money came from, or that it cost nothing extra",
    )
    contact_role = forms.CharField(
        label="Contact role or team",
        max_length=160,
        help_text="A role or team, not a named person, for example: Neighbourhood team manager",
        error_messages={"required": "Enter a role or team people can contact"},
    )
    contact_email = forms.EmailField(
        label="Team mailbox",
        max_length=254,
        required=False,
        validators=[validate_team_mailbox],
        help_text="A shared team or role mailbox, never a personal address",
    )
    audience = forms.ChoiceField(
        label="Who can read it once published",
        choices=Audience.choices,
        initial=Audience.PUBLIC,
        widget=forms.RadioSelect,
        help_text="Choose members only while partners are not ready for it to be public.",
    )
    confirm_no_identifiers = forms.BooleanField(
        label="I have checked: nothing here could identify a patient or another person",
        required=False,
    )

    def __init__(self, *args, partial=False, **kwargs):
        """`partial`: a draft saved unfinished, which needs only its title; sending it
        asks for every answer."""
        super().__init__(*args, **kwargs)
        self.findings = []
        if partial:
            for name, field in self.fields.items():
                if name != "title":
                    field.required = False

    def clean_title(self):
        """A title is one line: it goes into email subjects, page titles and listings."""
        return one_line(self.cleaned_data["title"])

    def clean_partners(self):
        lines = [line.strip() for line in self.cleaned_data["partners"].splitlines()]
        lines = [line for line in lines if line]
        if len(lines) > 12:
            raise forms.ValidationError(f"List up to 12 organisations; you gave {len(lines)}.")
        return "\n".join(lines)
