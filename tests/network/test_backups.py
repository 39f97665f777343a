"""A backup restores every piece of content and every uploaded file, and search works after."""

import hashlib
import tarfile
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management import CommandError, call_command

from blog.models import BlogPage
from network.models import Comment, User
from network.site.backups import excluded_labels
from tests.factories import MembershipApplicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_content_type_cache():
    """A restore rewrites content types inside the test's transaction, which is rolled back."""
    yield
    ContentType.objects.clear_cache()


def content_snapshot():
    """Every row of every backed-up model, serialised in primary key order."""
    excluded = excluded_labels()
    excluded_apps = {label for label in excluded if "." not in label}
    excluded_models = {label.lower() for label in excluded if "." in label}
    rows = {}
    for model in apps.get_models():
        if model._meta.app_label in excluded_apps or model._meta.label_lower in excluded_models:
            continue
        if model._meta.proxy:
            continue
        data = serializers.serialize("json", model._base_manager.order_by("pk"))
        rows[model._meta.label_lower] = data
    return rows


def media_roots():
    """Uploads the proxy serves and the images kept out of its reach."""
    return {"media": Path(settings.MEDIA_ROOT), "private": Path(settings.PRIVATE_MEDIA_ROOT)}


def media_snapshot():
    return {
        f"{label}/{path.relative_to(root)}": hashlib.sha256(path.read_bytes()).hexdigest()
        for label, root in media_roots().items()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_backup_and_restore_round_trip(client, tmp_path, member):
    call_command("load_demo", verbosity=0)
    post = BlogPage.objects.live().filter(audience="public").first()
    Comment.objects.create(page=post, author=member, body="Kept across a restore")
    MembershipApplicationFactory(user=member, name="Pat")
    before, media_before = content_snapshot(), media_snapshot()
    assert media_before, "the demo has uploaded images to back up"
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", "--output", str(archive), verbosity=0)

    # Lose everything: rows and files.
    BlogPage.objects.all().delete()
    User.objects.all().delete()
    for root in media_roots().values():
        for path in root.rglob("*"):
            if path.is_file():
                path.unlink()

    call_command("restore", str(archive), "--no-input", verbosity=0)
    after = content_snapshot()
    changed = [label for label in before if before[label] != after.get(label)]
    assert not changed, f"content differs after restore in: {changed}"
    assert media_snapshot() == media_before
    search = client.get("/search/", {"q": post.title.split()[0]})
    assert post.title in search.content.decode()  # the search index was rebuilt
    assert client.get(post.url).status_code == 200


def test_archive_holds_the_database_and_media(tmp_path):
    call_command("load_demo", verbosity=0)
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", "--output", str(archive), verbosity=0)
    with tarfile.open(archive) as opened:
        names = opened.getnames()
    assert "manifest.json" in names
    assert "database.json" in names
    assert any(name.startswith("media/original_images/") for name in names)


def test_restore_refuses_what_is_not_a_backup(tmp_path):
    bogus = tmp_path / "notes.tar.gz"
    bogus.write_text("not an archive")
    with pytest.raises(CommandError, match="is not a backup"):
        call_command("restore", str(bogus), "--no-input")
    with pytest.raises(CommandError, match="No backup file"):
        call_command("restore", str(tmp_path / "missing.tar.gz"), "--no-input")


def test_timestamps_survive_to_the_microsecond(tmp_path, member):
    """The stock JSON encoder would cut them to milliseconds on the way into the archive."""
    import datetime

    stamp = datetime.datetime(2026, 3, 1, 9, 30, 15, 123, tzinfo=datetime.UTC)
    User.objects.filter(pk=member.pk).update(date_joined=stamp)
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", "--output", str(archive), verbosity=0)
    User.objects.filter(pk=member.pk).update(date_joined=stamp.replace(microsecond=999000))
    call_command("restore", str(archive), "--no-input", verbosity=0)
    assert User.objects.get(pk=member.pk).date_joined == stamp
