"""A trap field for bots on the platform's own forms, matching allauth's on sign-up.

People never see the field (the stylesheet moves it off screen and it is hidden from
assistive technology); a form that arrives with it filled in was filled by a program.
"""

from django import forms
from django.conf import settings

MESSAGE = "This form could not be sent. If you are a person, please try again."


class HoneypotMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[settings.ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD] = forms.CharField(
            label="Leave this empty", required=False
        )

    def clean(self):
        data = super().clean()
        if data.get(settings.ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD):
            raise forms.ValidationError(MESSAGE)
        return data
