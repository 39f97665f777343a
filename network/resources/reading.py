"""Reading a document's words once per version of its file, then telling search.

Run by a task after every upload or replacement (network.resources.tasks), and by
``manage.py read_documents`` for files that were never read. The same file read twice
gives the same answer, so a repeated task costs one hash and nothing else.
"""

import hashlib

from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.search import index

from network.platform import content_versions

from .extraction import extract_bounded
from .models import DocumentText, ResourcePage, TextStatus


def _contents(document):
    with document.file.open("rb") as stored:
        return stored.read()


def read(document_id, force=False):
    """Read the document's words into its DocumentText; returns it (None: no document)."""
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return None
    record, _created = DocumentText.objects.get_or_create(document=document)
    try:
        data = _contents(document)
    except OSError:
        # The file is not in storage (yet): a restore puts files back after the rows, or
        # storage is unreachable. That says nothing about the document, so it stays
        # "not read yet", for `manage.py read_documents` to read once the file is there.
        if record.status != TextStatus.PENDING:
            record.status = TextStatus.PENDING
            record.file_hash = ""
            record.save(update_fields=["status", "file_hash"])
        return record
    file_hash = hashlib.sha1(data, usedforsecurity=False).hexdigest()
    if not force and record.file_hash == file_hash and record.status != TextStatus.PENDING:
        return record
    found = extract_bounded(data, document.file.name)
    record.pages = found.pages
    record.paged = found.paged
    record.truncated = found.truncated
    record.problem = found.problem
    record.status = TextStatus.SEARCHABLE if found.is_searchable else TextStatus.NOT_SEARCHABLE
    record.file_hash = file_hash
    record.read_at = timezone.now()
    record.save()
    transaction.on_commit(lambda: reindex(document.pk))
    return record


def read_unread(every=False):
    """Read every document never read (or whose file was missing when it was), or with
    `every` all of them again: a count of each outcome by status, for the command."""
    documents = (get_document_model().objects if every else _unread()).order_by("pk")
    counts = {}
    for document_id in documents.values_list("pk", flat=True):
        record = read(document_id, force=every)
        if record is not None:
            counts[record.status] = counts.get(record.status, 0) + 1
    return counts


def _unread():
    return get_document_model().objects.exclude(
        extracted_text__status__in=[TextStatus.SEARCHABLE, TextStatus.NOT_SEARCHABLE]
    )


def unread_count():
    return _unread().count()


def reindex(document_id):
    """Every live resource that carries the document is indexed again with its new words."""
    for resource in ResourcePage.objects.live().filter(document_id=document_id):
        index.insert_or_update_object(resource)
        content_versions.visibility_changed.send(sender=ResourcePage, page=resource)
    content_versions.invalidate()
