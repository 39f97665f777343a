"""A case study's contact must be a role or team mailbox, never someone's own inbox."""

from django.core.exceptions import ValidationError

PERSONAL_MAIL_DOMAINS = {
    "aol.com",
    "btinternet.com",
    "gmail.com",
    "googlemail.com",
    "hotmail.co.uk",
    "hotmail.com",
    "icloud.com",
    "live.co.uk",
    "live.com",
    "me.com",
    "msn.com",
    "outlook.com",
    "protonmail.com",
    "proton.me",
    "sky.com",
    "talktalk.net",
    "virginmedia.com",
    "yahoo.co.uk",
    "yahoo.com",
}


def validate_team_mailbox(value):
    _local, _, domain = value.rpartition("@")
    if domain.lower() in PERSONAL_MAIL_DOMAINS:
        raise ValidationError(
            f"{domain} is a personal mail service. Give a team or role mailbox at the "
            "organisation instead, such as the service's shared NHSmail box."
        )
