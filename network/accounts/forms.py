"""Forms members fill in about themselves: joining the network and their own profile."""

from django import forms
from django.conf import settings
from wagtail.images import get_image_model

from network.honeypot import HoneypotMixin
from network.models import MemberProfile, MembershipApplication, Theme

from .photos import clean_photo, describe_size


class ApplicationForm(HoneypotMixin, forms.ModelForm):
    class Meta:
        model = MembershipApplication
        fields = ["name", "organisation", "role", "sector", "region", "reason"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 5})}


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
    interests = forms.ModelMultipleChoiceField(
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["photo_upload"].help_text = (
            "Optional. A JPEG, PNG, WebP or GIF of up to "
            f"{describe_size(settings.PROFILE_PHOTO_MAX_BYTES)}; SVG is not accepted."
        )

    def clean_photo_upload(self):
        upload = self.cleaned_data.get("photo_upload")
        return clean_photo(upload) if upload else None

    def save(self, commit=True):
        profile = super().save(commit=False)
        upload = self.cleaned_data.get("photo_upload")
        if self.cleaned_data.get("remove_photo") and not upload:
            profile.photo = None
        if upload:
            profile.photo = get_image_model().objects.create(
                title=f"Photo of {profile.name}", file=upload
            )
        if commit:
            profile.save()
            self.save_m2m()
        return profile
