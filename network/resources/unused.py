"""Documents nothing uses: uploaded through a chooser for a page that was never saved.

Wagtail keeps an upload as soon as the chooser receives it, so a facilitator who starts
a resource and walks away leaves a file behind. A document counts as used while any page
or snippet refers to it (Wagtail's reference index, which reads what is saved) or while
the latest draft of a page with unpublished changes does (the index does not read
drafts); only documents older than a grace period are listed, so an upload in progress
is never one of them.
"""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex

GRACE = timedelta(days=1)


def _in_drafts(document_model):
    """Ids of documents the latest draft of any page with unpublished changes refers to."""
    content_type = ContentType.objects.get_for_model(document_model)
    used = set()
    for page in Page.objects.filter(has_unpublished_changes=True).specific().iterator():
        draft = page.get_latest_revision_as_object()
        for type_id, object_id, *_rest in ReferenceIndex._extract_references_from_object(draft):
            if type_id == content_type.pk:
                used.add(str(object_id))
    return used


def unused_documents(now=None):
    """Documents older than the grace period that nothing refers to, oldest first."""
    model = get_document_model()
    cutoff = (now or timezone.now()) - GRACE
    candidates = (
        model.objects.filter(created_at__lt=cutoff)
        .annotate(usage=ReferenceIndex.usage_count_subquery(model))
        .filter(usage=0)
        .select_related("uploaded_by_user")
        .order_by("created_at", "pk")
    )
    drafted = _in_drafts(model) if candidates.exists() else set()
    return [document for document in candidates if str(document.pk) not in drafted]
