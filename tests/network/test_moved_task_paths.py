"""Tasks queued under a module's old name still run after the module moved.

django-tasks stores each queued task by dotted path and imports it when the worker runs
it; the migrations that rename stored paths must name tasks that exist now, and only
names that no longer import.
"""

import importlib

import pytest
from django.apps import apps
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.base import Task

pytestmark = pytest.mark.django_db

MIGRATIONS = [
    importlib.import_module("network.migrations.0012_moved_task_paths"),
    importlib.import_module("search.migrations.0004_moved_task_paths"),
]


@pytest.mark.parametrize("migration", MIGRATIONS, ids=lambda m: m.__name__)
def test_each_renamed_path_names_a_task_that_exists_now(migration):
    for old, new in migration.MOVED.items():
        assert isinstance(import_string(new), Task), new
        with pytest.raises(ImportError):
            import_string(old)


@pytest.mark.parametrize("migration", MIGRATIONS, ids=lambda m: m.__name__)
def test_queued_rows_are_renamed_and_others_left_alone(migration):
    from django_tasks_db.models import DBTaskResult

    old, new = next(iter(migration.MOVED.items()))
    queued = {
        "args_kwargs": {"args": [], "kwargs": {}},
        "run_after": timezone.now(),
        "backend_name": "default",
    }
    waiting = DBTaskResult.objects.create(task_path=old, **queued)
    other = DBTaskResult.objects.create(
        task_path="network.resources.tasks.read_document_text", **queued
    )

    migration.rename(apps, None, migration.MOVED)

    waiting.refresh_from_db()
    other.refresh_from_db()
    assert waiting.task_path == new
    assert isinstance(import_string(waiting.task_path), Task)
    assert other.task_path == "network.resources.tasks.read_document_text"
