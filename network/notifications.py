"""Email to members and facilitators, sent as background tasks with text and HTML parts.

Tasks take only plain values (addresses, a template name and a small context) so that a
queued message can be sent by a worker process long after the request has finished.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django_tasks import task

from network.membership import FACILITATORS_GROUP


@task()
def send_email(recipients, subject, template, context):
    context = {
        **context,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": settings.WAGTAILADMIN_BASE_URL,
    }
    text = render_to_string(f"emails/{template}.txt", context)
    html = render_to_string(f"emails/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(recipients),
    )
    message.attach_alternative(html, "text/html")
    message.send()
    return len(recipients)


def notify(recipients, subject, template, **context):
    recipients = [address for address in recipients if address]
    if recipients:
        send_email.enqueue(recipients, subject, template, context)


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
