"""Forms members fill in about themselves: joining the network and their own profile."""

from django import forms
from django.conf import settings

from network.models import MemberProfile, MembershipApplication, Theme
from network.platform.form_fields import ModelChoiceField, ModelMultipleChoiceField
from network.platform.honeypot import HoneypotMixin

from .photos import clean_photo, describe_size, discard_photos, store_photo

NO_ORGANISATION = {"none", "n/a", "na", "-", "--", "nil", "not applicable", "no organisation"}


def no_organisation(value):
    """What people type when a form wrongly insisted on an organisation means none."""
    value = " ".join(value.split())
    return "" if value.lower().strip(".") in NO_ORGANISATION else value


class ApplicationForm(HoneypotMixin, forms.ModelForm):
    """Joining asks for an organisation only when there is one: people with lived
    experience and carers join as themselves."""

    class Meta:
        model = MembershipApplication
        fields = ["name", "organisation", "role", "sector", "region", "reason"]
        field_classes = {"sector": ModelChoiceField, "region": ModelChoiceField}
        widgets = {"reason": forms.Textarea(attrs={"rows": 5})}
        error_messages = {
            "name": {"required": "Enter your name"},
            "role": {"required": "Enter your role"},
            "sector": {"required": "Choose your sector"},
            "region": {"required": "Choose your region"},
            "reason": {"required": "Tell us why you would like to join"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].label = "Organisation"
        self.fields["sector"].empty_label = "Choose your sector"
        self.fields["region"].empty_label = "Choose your region"

    def clean_organisation(self):
        return no_organisation(self.cleaned_data["organisation"])


class ProfileForm(forms.ModelForm):
    photo_upload = forms.FileField(
        label="Photo",
        required=False,
        help_text="Optional. A JPEG, PNG, WebP or GIF; SVG is not accepted.",
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}
        ),
    )
    remove_photo = forms.BooleanField(label="Remove my current photo", required=False)
    interests = ModelMultipleChoiceField(
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="CMHF interests",
    )

    class Meta:
        model = MemberProfile
        fields = [
            "name",
            "role",
            "organisation",
            "sector",
            "region",
            "interests",
            "bio",
            "visibility",
        ]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 5}),
            "visibility": forms.RadioSelect,
        }
        error_messages = {
            "name": {"required": "Enter your name"},
            "visibility": {"required": "Choose who can see your profile"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].label = "Organisation"
        self.fields["sector"].empty_label = "Choose your sector"
        self.fields["region"].empty_label = "Choose your region"
        self.fields["photo_upload"].help_text = (
            "Optional. A JPEG, PNG, WebP or GIF of up to "
            f"{describe_size(settings.PROFILE_PHOTO_MAX_BYTES)}; SVG is not accepted."
        )

    def clean_organisation(self):
        return no_organisation(self.cleaned_data["organisation"])

    def clean_photo_upload(self):
        upload = self.cleaned_data.get("photo_upload")
        return clean_photo(upload) if upload else None

    def save(self, commit=True):
        previous_photo = self.instance.photo_id
        profile = super().save(commit=False)
        upload = self.cleaned_data.get("photo_upload")
        if self.cleaned_data.get("remove_photo") and not upload:
            profile.photo = None
        if upload:
            profile.photo = store_photo(profile, upload)
        if commit:
            profile.save()
            self.save_m2m()
            if upload or previous_photo != profile.photo_id:
                discard_photos(profile, replaced=previous_photo)
        return profile
