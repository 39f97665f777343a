"""Notifications go out as tasks: at once in development, through a worker in production."""

import pytest
from django.core import mail
from django.test import override_settings
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from network.notifications import notify

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
