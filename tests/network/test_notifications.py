"""Notifications go out as tasks: at once in development, through a worker in production."""

import pytest
from django.core import mail
from django.test import override_settings
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from network.notifications.emails import notify

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}


def test_immediate_backend_sends_text_and_html_parts():
    mail.outbox.clear()
    notify(["jo@example.org"], "Welcome", "application_approved", name="Jo", message="Hi")
    message = mail.outbox[-1]
    assert message.to == ["jo@example.org"]
    assert "Welcome" in message.subject
    assert "Hello Jo" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "<p>Hello Jo,</p>" in html


def run_worker_once():
    """What `manage.py db_worker --batch` does for each queued task.

    The command itself closes database connections between tasks, which would end the
    test's transaction, so the test drives the same Worker for the queued tasks.
    """
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    for result in DBTaskResult.objects.ready():
        result.claim(worker.worker_id)
        worker.run_task(result)


def test_database_backend_queues_until_the_worker_runs():
    with override_settings(TASKS=DATABASE_TASKS):
        mail.outbox.clear()
        notify(["jo@example.org"], "Welcome", "application_approved", name="Jo", message="")
        assert mail.outbox == []
        assert DBTaskResult.objects.count() == 1
        run_worker_once()
        assert [message.to for message in mail.outbox] == [["jo@example.org"]]
        assert DBTaskResult.objects.get().status == "SUCCESSFUL"


MAIL_SERVER_DOWN = {
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "EMAIL_HOST": "127.0.0.1",
    "EMAIL_PORT": 9,  # nothing listens on the discard port here
    "EMAIL_TIMEOUT": 2,
}


def test_emails_are_retried_until_the_mail_server_is_back(settings):
    from django.utils import timezone

    with override_settings(TASKS=DATABASE_TASKS, **MAIL_SERVER_DOWN):
        notify(["jo@example.org"], "Welcome", "application_approved", name="Jo", message="")
        run_worker_once()
        assert mail.outbox == []
        retry = DBTaskResult.objects.exclude(status="SUCCESSFUL").get()
        assert retry.args_kwargs["kwargs"] == {"attempt": 2}
        assert retry.run_after > timezone.now()  # waits before trying again

        # Time passes and the mail server comes back.
        DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            run_worker_once()
        assert [message.to for message in mail.outbox] == [["jo@example.org"]]


def test_a_member_submission_is_saved_while_the_mail_server_is_down(client, member, blog_index):
    from django.urls import reverse

    from blog.models import BlogPage
    from network.models import Theme

    client.force_login(member)
    with override_settings(**MAIL_SERVER_DOWN):
        response = client.post(
            reverse("share"),
            {
                "title": "Written while mail was down",
                "summary": "Saved all the same.",
                "body": "Text",
                "themes": [Theme.objects.first().pk],
                "audience": "public",
                "submit": "1",
            },
        )
    assert response.status_code == 302
    assert BlogPage.objects.get(title="Written while mail was down").workflow_in_progress
