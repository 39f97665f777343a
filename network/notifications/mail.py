"""Every email the site sends passes through here: headers kept to one line, failures kept.

Subjects are built from text people typed, such as a reflection's title. A line break in
a header makes Django refuse the whole message (BadHeaderError), and a refused message
used to vanish without a trace: the member never heard the facilitators' decision, and
facilitators never got Wagtail's "submitted for moderation" email. So:

- ``header_safe()`` turns any text into one bounded line; every subject the network
  builds goes through it.
- ``EmailBackend`` stands in front of the backend that delivers (EMAIL_DELIVERY_BACKEND)
  and makes every message's headers safe the same way, which covers the emails whose
  subjects come from Wagtail's and allauth's own templates.
- A message that still cannot be sent is logged and kept as a FailedEmail, which
  facilitators see on their admin dashboard, so they can reach the person another way.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import DatabaseError, transaction
from django.utils import timezone

from network.text.lines import one_line

logger = logging.getLogger(__name__)

SUBJECT_MAX_LENGTH = 250
KEEP_FAILURES_DAYS = 30


def header_safe(text, max_length=SUBJECT_MAX_LENGTH):
    """Text that can go into an email header whatever a member typed."""
    text = one_line(text)
    if max_length and len(text) > max_length:
        text = text[: max_length - 1].rstrip() + "…"
    return text


def make_headers_safe(message):
    message.subject = header_safe(message.subject)
    for name, value in list(message.extra_headers.items()):
        if isinstance(value, str):
            message.extra_headers[name] = one_line(value)
    return message


def recipient_list(addresses):
    return ", ".join(sorted({str(address) for address in addresses if address}))


def describe(error):
    """A sentence a facilitator can act on; the technical detail is kept beside it."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "The mail server refused the address."
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return "The site could not sign in to the mail server."
    if isinstance(error, smtplib.SMTPException):
        return "The mail server did not accept the message."
    if isinstance(error, OSError):
        return "The mail server could not be reached."
    return "The message could not be put together, so it was not sent."


def failures_for(recipients, subject):
    from network.models import FailedEmail

    return FailedEmail.objects.unsent().filter(
        recipients=recipient_list(recipients), subject=header_safe(subject)
    )


def record_failure(message, error):
    """Log a message the mail server did not take, and keep it for facilitators.

    Another failure of the same subject to the same people (a retry) updates the one
    record, so the dashboard shows each email once with how often it was tried.
    """
    from network.models import FailedEmail

    recipients = recipient_list(message.recipients())
    subject = header_safe(message.subject)
    detail = f"{type(error).__name__}: {error}"[:2000]
    logger.error("Email %r to %s not sent: %s", subject, recipients, detail)
    now = timezone.now()
    try:
        with transaction.atomic():
            FailedEmail.objects.filter(
                last_failed_at__lt=now - timedelta(days=KEEP_FAILURES_DAYS)
            ).delete()
            record = failures_for(message.recipients(), subject).first()
            if record is None:
                return FailedEmail.objects.create(
                    recipients=recipients,
                    subject=subject,
                    reason=describe(error),
                    error=detail,
                    first_failed_at=now,
                    last_failed_at=now,
                )
            record.attempts += 1
            record.reason = describe(error)
            record.error = detail
            record.last_failed_at = now
            record.save(update_fields=["attempts", "reason", "error", "last_failed_at"])
            return record
    except DatabaseError:
        # The log line above still tells the operator; sending must not fail twice.
        logger.exception("Could not keep a record of the email %r", subject)
        return None


class EmailBackend(BaseEmailBackend):
    """Makes headers safe and records failures, then hands each message to the real backend.

    Messages are handed over one at a time so that a failure is recorded against the
    message that failed. Opening the connection never fails here: if the server is down,
    each message finds that out itself and is recorded, rather than Wagtail skipping
    its whole batch with only a log line.
    """

    def __init__(self, fail_silently=False, **kwargs):
        super().__init__(fail_silently=fail_silently)
        path = settings.EMAIL_DELIVERY_BACKEND
        if path == f"{__name__}.EmailBackend":
            raise ImproperlyConfigured("EMAIL_DELIVERY_BACKEND must be the backend that sends")
        self.delivery = get_connection(path, fail_silently=False, **kwargs)

    def open(self):
        try:
            return self.delivery.open()
        except Exception as error:
            logger.warning("Could not connect to the mail server: %s", error)
            return False

    def close(self):
        try:
            self.delivery.close()
        except Exception:
            if not self.fail_silently:
                raise

    def send_messages(self, email_messages):
        sent = 0
        for message in email_messages:
            make_headers_safe(message)
            try:
                sent += self.delivery.send_messages([message]) or 0
            except Exception as error:
                record_failure(message, error)
                if not self.fail_silently:
                    raise
        return sent
