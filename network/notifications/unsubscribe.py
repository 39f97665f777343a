"""One-click unsubscribe (RFC 8058) for every email sent to a member.

Each email carries a signed link for its own kind of email (decisions, replies or the
digest). Mail programs POST to it with no session, so the signature is the only proof of
who is asking; a link that has been altered is refused. Opening the link in a browser
shows a page with one button, so a link scanner following it changes nothing.
"""

from django.core import signing
from django.urls import reverse

from network.platform.site_address import email_link

SALT = "network.unsubscribe"  # in links already sent: never changes
KINDS = ("decisions", "replies", "digest")


def token(user, about):
    return signing.dumps({"user": user.pk, "about": about}, salt=SALT, compress=True)


def read(value):
    """(user id, kind of email) from a token, or None when it was not made by this site."""
    try:
        data = signing.loads(value, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("about") not in KINDS:
        return None
    if not isinstance(data.get("user"), int):
        return None
    return data["user"], data["about"]


def url(user, about):
    return email_link(reverse("email-unsubscribe", args=[token(user, about)]))


def links(user, about):
    return {
        "unsubscribe_url": url(user, about),
        "preferences_url": email_link(reverse("email-preferences")),
    }


def headers(user, about):
    return {
        "List-Unsubscribe": f"<{url(user, about)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
