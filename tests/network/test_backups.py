"""A backup restores every piece of content and every uploaded file, and search works after."""

import hashlib
import io
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


def _lose_everything_but_the_archive():
    BlogPage.objects.all().delete()
    User.objects.all().delete()
    for root in media_roots().values():
        for path in root.rglob("*"):
            if path.is_file():
                path.unlink()


def test_backup_and_restore_round_trip(client, tmp_path, member):
    call_command("load_demo", verbosity=0)
    post = BlogPage.objects.live().filter(audience="public").first()
    Comment.objects.create(page=post, author=member, body="Kept across a restore")
    MembershipApplicationFactory(user=member, name="Pat")
    before, media_before = content_snapshot(), media_snapshot()
    assert media_before, "the demo has uploaded images to back up"
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", "--output", str(archive), verbosity=0)

    _lose_everything_but_the_archive()
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


def test_library_documents_are_searchable_after_a_restore(
    client, tmp_path, resource_index, django_capture_on_commit_callbacks
):
    """Rows loaded from the backup queue no reading: when `manage.py restore` commits,
    such a reading ran before the files were back and marked every document unreadable.
    Words read before stay read, and documents never read are read once the files are
    back."""
    from network.resources.models import DocumentText, TextStatus
    from network.resources.reading import unread_count
    from tests.factories import ResourcePageFactory, document

    read_before = ResourcePageFactory(
        parent=resource_index,
        title="Annual evaluation",
        document=document(pages=["Quinquennial outreach audit of the crisis café."]),
    )
    unread = document(pages=["Peripatetic befriending across the valleys."], name="later.pdf")
    DocumentText.objects.filter(document=unread).update(status=TextStatus.PENDING, file_hash="")
    never_read = ResourcePageFactory(
        parent=resource_index, title="Befriending notes", document=unread
    )
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", "--output", str(archive), verbosity=0)
    _lose_everything_but_the_archive()
    DocumentText.objects.all().delete()

    out = io.StringIO()
    with django_capture_on_commit_callbacks() as queued:
        call_command("restore", str(archive), "--no-input", stdout=out)
    readings = [c for c in queued if "_document_saved" in getattr(c, "__qualname__", "")]
    assert readings == []

    assert "Documents read after their files were put back: 1 searchable." in out.getvalue()
    assert "have no file to read" not in out.getvalue()
    statuses = dict(DocumentText.objects.values_list("document__title", "status"))
    assert statuses == {"report.pdf": TextStatus.SEARCHABLE, "later.pdf": TextStatus.SEARCHABLE}
    assert unread_count() == 0
    for word, resource in (("quinquennial", read_before), ("peripatetic", never_read)):
        found = client.get("/search/", {"q": word}).content.decode()
        assert resource.title in found, word


def test_a_restore_says_which_documents_lack_their_files(tmp_path, resource_index):
    """A document uploaded while the worker was stopped has no words in the backup; if its
    file is missing too, the restore says so rather than marking it unreadable for good."""
    from network.resources.models import DocumentText, TextStatus
    from tests.factories import ResourcePageFactory, document

    ResourcePageFactory(parent=resource_index, document=document(name="gone.pdf"))
    DocumentText.objects.update(status=TextStatus.PENDING, file_hash="")
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", "--output", str(archive), verbosity=0)
    without_pdf = tmp_path / "without-pdf.tar.gz"
    with tarfile.open(archive, "r:gz") as source, tarfile.open(without_pdf, "w:gz") as target:
        for member in source.getmembers():
            if member.isfile() and not member.name.endswith(".pdf"):
                target.addfile(member, source.extractfile(member))

    _lose_everything_but_the_archive()
    out = io.StringIO()
    call_command("restore", str(without_pdf), "--no-input", stdout=out)
    assert "1 document has no file to read" in out.getvalue()
    assert DocumentText.objects.get().status == TextStatus.PENDING  # read once it is back
