"""Tasks queued before the network core was grouped into packages still run afterwards.

django-tasks stores each queued task by its dotted path, and the worker imports that
path when it runs the task; the notification tasks moved into network.notifications.
"""

from django.db import migrations

MOVED = {
    "network.digests.retry_digests": "network.notifications.digests.retry_digests",
    "network.digests.scheduled_digests": "network.notifications.digests.scheduled_digests",
    "network.notifications.send_email": "network.notifications.emails.send_email",
    "network.notices.announce_task": "network.notifications.notices.announce_task",
}


def rename(apps, schema_editor, moves):
    results = apps.get_model("django_tasks_database", "DBTaskResult")
    for old, new in moves.items():
        results.objects.filter(task_path=old).update(task_path=new)


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0011_user_members_queryset"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [
        migrations.RunPython(
            lambda apps, editor: rename(apps, editor, MOVED),
            lambda apps, editor: rename(apps, editor, {new: old for old, new in MOVED.items()}),
        ),
    ]
