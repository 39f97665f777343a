"""Backups of everything members and facilitators have written: the database and uploads.

The database goes into the archive as Django's portable JSON (timestamps kept to the
microsecond, see precise_json.py), every row with its own
primary key (content types and permissions included), so a backup taken on PostgreSQL
restores on any supported database at the same version of the platform; uploaded images
and documents go in beside it. Derived data (sessions, the search index, queued task
results) is left out and rebuilt after a restore.
"""

import io
import json
import logging
import tarfile
import time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from wagtail.search.backends import get_search_backend

from network.platform.content_versions import invalidate
from network.resources import reading

logger = logging.getLogger(__name__)

FORMAT_VERSION = 1
FOUNDATION_MODELS = {"contenttypes.contenttype", "auth.permission"}
EXCLUDED = [
    "sessions",
    "wagtailsearch.indexentry",
    "network_search.indexchange",
    "django_tasks_database",
]


def excluded_labels():
    """Derived data left out of a backup; SQLite adds a full-text table of its own."""
    labels = list(EXCLUDED)
    try:
        apps.get_model("wagtailsearch", "SQLiteFTSIndexEntry")
    except LookupError:
        return labels
    return [*labels, "wagtailsearch.sqliteftsindexentry"]


def create_backup(destination):
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    data = io.StringIO()
    call_command(
        "dumpdata",
        "--format=precisejson",
        *[f"--exclude={label}" for label in excluded_labels()],
        stdout=data,
    )
    payload = data.getvalue().encode()
    manifest = json.dumps(
        {"format": FORMAT_VERSION, "created": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
    ).encode()
    with tarfile.open(destination, "w:gz") as archive:
        for name, content in (("manifest.json", manifest), ("database.json", payload)):
            info = tarfile.TarInfo(name)
            info.size = len(content)
            info.mtime = int(time.time())
            archive.addfile(info, io.BytesIO(content))
        # Private files go in under their storage names beside the public ones; a restore
        # puts each back wherever the storage keeps that name.
        for root in (Path(settings.MEDIA_ROOT), Path(settings.PRIVATE_MEDIA_ROOT)):
            if root.exists():
                for path in sorted(root.rglob("*")):
                    if path.is_file():
                        archive.add(path, arcname=f"media/{path.relative_to(root).as_posix()}")
    return destination


def _safe_members(archive):
    """Only regular files under media/ with no path tricks are ever extracted."""
    for member in archive.getmembers():
        name = Path(member.name)
        if member.isfile() and name.parts[:1] == ("media",) and ".." not in name.parts:
            yield member


class BackupError(Exception):
    pass


def restore_backup(source):
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"No backup file at {source}.")
    try:
        archive = tarfile.open(source, "r:gz")  # noqa: SIM115 (closed by the with below)
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"{source} is not a backup made by `manage.py backup`.") from error
    with archive:
        names = archive.getnames()
        if "manifest.json" not in names or "database.json" not in names:
            raise BackupError(f"{source} is not a backup made by `manage.py backup`.")
        manifest = json.load(archive.extractfile("manifest.json"))
        if manifest.get("format") != FORMAT_VERSION:
            raise BackupError(f"Backup format {manifest.get('format')} is not supported.")
        rows = json.load(archive.extractfile("database.json"))
        # Files first: anything that reads a file as its row arrives finds it in place.
        for member in _safe_members(archive):
            name = Path(member.name).relative_to("media").as_posix()
            target = Path(default_storage.path(name))
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.extractfile(member) as stream:
                target.write_bytes(stream.read())
        workdir = Path(settings.MEDIA_ROOT).parent
        workdir.mkdir(parents=True, exist_ok=True)
        # Content types go in first, under their own ids, so nothing loaded afterwards
        # can create one under a different id.
        first = [row for row in rows if row["model"] in FOUNDATION_MODELS]
        rest = [row for row in rows if row["model"] not in FOUNDATION_MODELS]
        stamp = int(time.time())
        dumps = [workdir / f"restore-{stamp}-1.json", workdir / f"restore-{stamp}-2.json"]
        dumps[0].write_text(json.dumps(first))
        dumps[1].write_text(json.dumps(rest))
        try:
            with transaction.atomic():
                if connection.vendor == "postgresql":
                    # Settle deferred checks first: PostgreSQL will not truncate otherwise.
                    with connection.cursor() as cursor:
                        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
                if connection.vendor == "postgresql":
                    with connection.cursor() as cursor:
                        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
                call_command("loaddata", str(dumps[0]), verbosity=0)
                ContentType.objects.clear_cache()
                call_command("loaddata", str(dumps[1]), verbosity=0)
        finally:
            ContentType.objects.clear_cache()
            for dump in dumps:
                dump.unlink(missing_ok=True)
    # Words of documents the backup holds no reading of (uploaded while the worker was
    # stopped, say) are read now that their files are back, before search is rebuilt.
    read = reading.read_unread()
    # The search index is derived data: empty it and rebuild it from what was restored.
    get_search_backend().reset_indexes()
    if connection.vendor == "sqlite":
        # SQLite keeps a full-text table beside the index; it must start empty too.
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM wagtailsearch_indexentry_fts")
    call_command("update_index", verbosity=0)
    if settings.ELASTICSEARCH_URL:
        # The Elasticsearch index follows the restored rows too; an unreachable node
        # leaves the restore intact, to be followed by `search_index --rebuild`.
        try:
            call_command("search_index", "--rebuild", verbosity=0)
        except CommandError as error:
            logger.warning("Search index not rebuilt after the restore: %s", error)
    invalidate()
    return read
