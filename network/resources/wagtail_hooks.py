from django.urls import path, reverse
from wagtail import hooks

from network.platform.admin_menu import FacilitatorMenuItem

from . import access
from .views import UnreadableDocumentsView, UnusedDocumentsView


@hooks.register("before_serve_document")
def check_document_access(document, request):
    return access.before_serve_document(document, request)


@hooks.register("register_admin_urls")
def resource_admin_urls():
    return [
        path(
            "resources/not-searchable/",
            UnreadableDocumentsView.as_view(),
            name="resources_not_searchable",
        ),
        path("resources/unused/", UnusedDocumentsView.as_view(), name="resources_unused"),
    ]


@hooks.register("register_admin_menu_item")
def unreadable_documents_menu_item():
    return FacilitatorMenuItem(
        "Documents not searchable",
        reverse("resources_not_searchable"),
        icon_name="doc-full",
        order=209,
    )


@hooks.register("register_admin_menu_item")
def unused_documents_menu_item():
    return FacilitatorMenuItem(
        "Documents used nowhere", reverse("resources_unused"), icon_name="doc-empty", order=210
    )
