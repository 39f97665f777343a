"""The facilitators' list of documents whose words search cannot reach."""

from network.platform.facilitator_screens import FacilitatorScreen

from .models import DocumentText, ResourcePage, TextStatus
from .unused import GRACE, unused_documents

SHOWN = 500


class UnreadableDocumentsView(FacilitatorScreen):
    """Resources whose document could not be read, or has not been read yet, with why.

    Each is still published and found by its title and summary; the list says which to
    replace with a version that has real text (an accessible PDF rather than a scan).
    """

    template_name = "resources/admin/unreadable.html"
    page_title = "Documents not searchable"
    header_icon = "doc-full"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        resources = (
            ResourcePage.objects.exclude(document__extracted_text__status=TextStatus.SEARCHABLE)
            .select_related("document__extracted_text")
            .order_by("title", "pk")
        )
        rows = []
        for resource in resources[:SHOWN]:
            text = resource.text
            if resource.document_id is None:
                reason = "The document has been deleted"
            elif text is None or text.status == TextStatus.PENDING:
                reason = "Waiting to be read"
            else:
                reason = text.get_problem_display()
            rows.append({"resource": resource, "reason": reason})
        context["rows"] = rows
        context["searchable"] = DocumentText.objects.filter(status=TextStatus.SEARCHABLE).count()
        return context


class UnusedDocumentsView(FacilitatorScreen):
    """Uploads no page or draft uses, for a facilitator to attach to a page or delete."""

    template_name = "resources/admin/unused.html"
    page_title = "Documents used nowhere"
    header_icon = "doc-empty"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["documents"] = unused_documents()[:SHOWN]
        context["grace_hours"] = int(GRACE.total_seconds() // 3600)
        return context
