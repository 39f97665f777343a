"""allauth's forms with the network's labels and error messages.

allauth's stock forms repeat each label as a placeholder (which disappears as soon as
someone types, and is often read as a filled-in value) and fall back to Django's
"This field is required.", which says neither which field nor what to do. These
subclasses, named in ACCOUNT_FORMS, keep allauth's behaviour and change only the words.
"""

from allauth.account import forms as allauth_forms

EMAIL = {
    "label": "Email address",
    "required": "Enter your email address",
    "invalid": "Enter an email address in the correct format, like name@example.com",
}
PASSWORD = {"label": "Password", "required": "Enter your password"}
NEW_PASSWORD = {"label": "Create a password", "required": "Create a password"}
PASSWORD_AGAIN = {
    "label": "Type your password again",
    "required": "Type your password again",
}


class NetworkWording:
    """Apply ``wording`` (label and error messages by field name) and drop placeholders."""

    wording = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget.attrs.pop("placeholder", None)
            text = self.wording.get(name)
            if not text:
                continue
            if "label" in text:
                field.label = text["label"]
            for code in ("required", "invalid"):
                if code in text:
                    field.error_messages[code] = text[code]


class LoginForm(NetworkWording, allauth_forms.LoginForm):
    wording = {
        "login": EMAIL,
        "password": PASSWORD,
        "remember": {"label": "Keep me signed in on this device"},
    }


class SignupForm(NetworkWording, allauth_forms.SignupForm):
    wording = {"email": EMAIL, "password1": NEW_PASSWORD, "password2": PASSWORD_AGAIN}


class ResetPasswordForm(NetworkWording, allauth_forms.ResetPasswordForm):
    wording = {"email": EMAIL}


class ResetPasswordKeyForm(NetworkWording, allauth_forms.ResetPasswordKeyForm):
    wording = {
        "password1": {"label": "New password", "required": "Create a new password"},
        "password2": PASSWORD_AGAIN,
    }


class ChangePasswordForm(NetworkWording, allauth_forms.ChangePasswordForm):
    wording = {
        "oldpassword": {"label": "Current password", "required": "Enter your current password"},
        "password1": {"label": "New password", "required": "Create a new password"},
        "password2": PASSWORD_AGAIN,
    }


class SetPasswordForm(NetworkWording, allauth_forms.SetPasswordForm):
    wording = {"password1": NEW_PASSWORD, "password2": PASSWORD_AGAIN}


class AddEmailForm(NetworkWording, allauth_forms.AddEmailForm):
    wording = {
        "email": {
            **EMAIL,
            "label": "Another email address",
            "required": "Enter the email address you want to add",
        }
    }


class RequestLoginCodeForm(NetworkWording, allauth_forms.RequestLoginCodeForm):
    wording = {"email": EMAIL}


class ConfirmLoginCodeForm(NetworkWording, allauth_forms.ConfirmLoginCodeForm):
    wording = {
        "code": {"label": "Sign-in code", "required": "Enter the sign-in code from the email"}
    }


class ReauthenticateForm(NetworkWording, allauth_forms.ReauthenticateForm):
    wording = {"password": PASSWORD}
