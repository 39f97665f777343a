"""An uploaded or replaced document has its words read by a task once the upload commits.

A document has no drafts, so its own save is the moment to react; the resource pages that
carry it are indexed on Wagtail's publish like any other page, and again when the words
arrive (network.resources.reading.reindex).
"""

import logging

from django.db import transaction
from django.db.models.signals import post_save
from wagtail.documents import get_document_model

from network.platform import content_versions

logger = logging.getLogger(__name__)


def _queue_reading(document_id):
    from .tasks import read_document_text

    try:
        read_document_text.enqueue(document_id)
    except Exception:
        # The upload stands; `manage.py read_documents` reads anything left unread.
        logger.exception("Could not queue reading document %s", document_id)


def _document_saved(sender, instance, raw=False, **kwargs):
    if raw:
        # Rows loaded from a backup or a fixture: no file was uploaded, and the words read
        # before come with the rows. A restore reads whatever is left unread afterwards,
        # once the files are back (network.site.backups).
        return
    content_versions.invalidate()  # a replaced file changes its size and format on the page
    transaction.on_commit(lambda: _queue_reading(instance.pk))


def connect():
    post_save.connect(
        _document_saved, sender=get_document_model(), dispatch_uid="resources-read-document"
    )
