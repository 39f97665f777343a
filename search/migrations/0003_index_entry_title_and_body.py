"""An index for the database path's full-text filter on PostgreSQL.

Wagtail's PostgreSQL search backend filters on the title and body vectors joined,
``(title || body) @@ query``, which the per-column GIN indexes of the index entry table
cannot serve, so a search for a rare word (an acronym) read every entry. An index on the
joined expression serves that filter. Other databases keep their own full-text tables.
"""

from django.db import migrations

INDEX = "network_search_entry_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} "
            "ON wagtailsearch_indexentry USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("network_search", "0002_index_changes"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
