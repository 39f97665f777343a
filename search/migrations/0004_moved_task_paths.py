"""Index tasks queued before search was split into its two paths still run afterwards.

django-tasks stores each queued task by its dotted path; the index tasks moved into
search.elastic.tasks.
"""

from django.db import migrations

MOVED = {
    "search.tasks.apply_index_changes": "search.elastic.tasks.apply_index_changes",
    "search.tasks.rebuild_index": "search.elastic.tasks.rebuild_index",
}


def rename(apps, schema_editor, moves):
    results = apps.get_model("django_tasks_database", "DBTaskResult")
    for old, new in moves.items():
        results.objects.filter(task_path=old).update(task_path=new)


class Migration(migrations.Migration):
    dependencies = [
        ("network_search", "0003_index_entry_title_and_body"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [
        migrations.RunPython(
            lambda apps, editor: rename(apps, editor, MOVED),
            lambda apps, editor: rename(apps, editor, {new: old for old, new in MOVED.items()}),
        ),
    ]
