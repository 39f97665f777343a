"""Email to members and facilitators, sent as background tasks with text and HTML parts.

Tasks take only plain values (addresses, a template name and a small context) so that a
queued message can be sent by a worker process long after the request has finished.
When the mail server is down, the task queues itself again with a growing delay, so a
decision or a welcome is delivered once the server is back rather than lost.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from network.notifications.mail import failures_for, header_safe
from network.platform.membership import FACILITATORS_GROUP
from network.platform.site_address import site_url

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 12  # about two days of retries with the delays below


def retry_delay(attempt):
    return timedelta(minutes=min(2**attempt, 240))


def subject_line(subject):
    """The subject as it goes out: prefixed, and one line whatever the title held."""
    return header_safe(f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}")


@task()
def send_email(recipients, subject, template, context, attempt=1, headers=None):
    try:
        sent = _send(recipients, subject, template, context, headers)
    except OSError as error:  # smtplib's errors and refused connections are OSErrors
        backend = send_email.get_backend()
        if attempt >= MAX_ATTEMPTS or not backend.supports_defer:
            logger.error("Email %r to %s not sent, no more tries: %s", subject, recipients, error)
            failures_for(recipients, subject_line(subject)).update(next_attempt_at=None)
            raise
        delay = retry_delay(attempt)
        run_after = timezone.now() + delay
        logger.warning("Email %r not sent (%s); retrying in %s", subject, error, delay)
        send_email.using(run_after=run_after).enqueue(
            recipients,
            subject,
            template,
            context,
            attempt=attempt + 1,
            **({"headers": headers} if headers else {}),
        )
        # Facilitators see that it will be tried again, not that it is lost.
        failures_for(recipients, subject_line(subject)).update(next_attempt_at=run_after)
        return 0
    if attempt > 1:
        failures_for(recipients, subject_line(subject)).update(
            sent_at=timezone.now(), next_attempt_at=None
        )
    return sent


def _send(recipients, subject, template, context, headers=None):
    context = {
        **context,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": site_url(),
    }
    text = render_to_string(f"emails/{template}.txt", context)
    html = render_to_string(f"emails/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject_line(subject),
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(recipients),
        headers=headers or {},
    )
    message.attach_alternative(html, "text/html")
    message.send()
    return len(recipients)


def notify(recipients, subject, template, **context):
    recipients = [address for address in recipients if address]
    if not recipients:
        return
    try:
        send_email.enqueue(recipients, subject, template, context)
    except Exception:
        # Queuing must never undo what the member or facilitator just saved.
        logger.exception("Could not queue email %r", subject)


def notify_member(user, about, subject, template, **context):
    """Email one member about something they chose to hear of by email (`about` is a field
    of EmailPreferences), with a one-click unsubscribe for that kind of email."""
    from network.models import EmailPreferences, Immediate
    from network.notifications import unsubscribe

    if not user.email or not user.is_active:
        return
    if getattr(EmailPreferences.for_user(user), about) == Immediate.NEVER:
        return
    context.update(unsubscribe.links(user, about))
    try:
        send_email.enqueue(
            [user.email], subject, template, context, headers=unsubscribe.headers(user, about)
        )
    except Exception:
        logger.exception("Could not queue email %r", subject)


def facilitator_addresses():
    group = Group.objects.filter(name=FACILITATORS_GROUP).first()
    if group is None:
        return []
    return list(
        group.user_set.filter(is_active=True)
        .exclude(email__isnull=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
