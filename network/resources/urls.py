from django.urls import path

from . import access

# Stands in for Wagtail's own document address (network/urls.py includes it first), so a
# document's collection privacy and the resource pages' audience both apply.
urlpatterns = [
    path(
        "documents/<int:document_id>/<str:document_filename>",
        access.serve_document,
        name="document-serve",
    ),
]
