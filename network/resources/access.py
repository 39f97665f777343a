"""Who may fetch a document: whoever may see a resource that carries it, or a page that
links to it (a reflection's text may link a document, as the reference index records).

Documents are private files (network/media/private_media.py), kept out of the public media
folder, and Wagtail's /documents/ address asks this module before serving one (through
the before_serve_document hook, and serve_document, which the site's URLs put in front). A visitor
gets the file of a public resource; a member also gets members-only ones; people who
manage documents in the admin get every file, drafts and unused ones included. Anyone
else gets the same 404 as for a file that does not exist, so nothing is given away.
"""

from django.http import Http404
from django.http.response import HttpResponseBase
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve
from wagtail.permissions import policy_registry

from network.media import private_media
from network.media.image_access import referencing, shows_to

FOLDER = "documents"
MANAGING = ["add", "change", "choose", "delete"]


def may_fetch(request, document):
    from .models import ResourcePage

    user = request.user
    if ResourcePage.objects.visible_to(user).filter(document=document).exists():
        return True
    # A document linked from a reflection's text goes to whoever may read the reflection.
    if any(shows_to(source, request) for source in referencing(document)):
        return True
    policy = policy_registry.get_by_type(get_document_model())
    return policy.user_has_any_permission(user, MANAGING)


def _rule(request, name):
    """The private-media address of a document asks exactly what /documents/ asks.

    Wagtail's serve view runs every before_serve_document hook: its own, which applies a
    collection's privacy (a password, sign-in or groups) and answers with the password
    form or the sign-in redirect, and ours above. The file's own address runs the same
    hooks, so knowing a document's name gets nobody past either.
    """
    document = get_document_model().objects.filter(file=name).first()
    if document is None:
        return False
    for hook in hooks.get_hooks("before_serve_document"):
        answer = hook(document, request)
        if isinstance(answer, HttpResponseBase):
            return answer
    return True


def before_serve_document(document, request):
    """Wagtail's serve view asks this first; anyone refused gets a plain 404."""
    if not may_fetch(request, document):
        raise Http404("No such document")


def serve_document(request, document_id, document_filename):
    """Wagtail's document view, its answer marked private: a shared cache must never hand
    a members-only file to the next person, nor a public one kept after it was withdrawn."""
    response = wagtail_serve(request, document_id, document_filename)
    # Wagtail's file sender writes the guessed encoding even when there is none, which
    # reaches browsers as "Content-Encoding: None", not a coding any of them knows.
    if response.get("Content-Encoding") in ("None", ""):
        del response["Content-Encoding"]
    patch_cache_control(response, private=True, max_age=3600)
    patch_vary_headers(response, ["Cookie"])
    return response


def connect():
    private_media.register(FOLDER, _rule)
