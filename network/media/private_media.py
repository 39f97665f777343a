"""Uploaded files that not everyone may see, kept where the proxy cannot hand them out.

The proxy serves MEDIA_ROOT at /media/ to anyone who has a URL, so a file there is only
as private as its name. Files in the folders named by PRIVATE_MEDIA_FOLDERS are stored
under PRIVATE_MEDIA_ROOT instead, outside MEDIA_ROOT, and their URLs point at a view that
first asks the rule registered for the folder whether this request may have the file.
Names stay as they were (``original_images/…``), only the place on disk and the URL
change, so nothing stored in the database has to be rewritten.

Once the view has said yes, the proxy can send the bytes itself: with
PRIVATE_MEDIA_REDIRECT_PREFIX set (production), the response carries only a header such
as X-Accel-Redirect naming an internal location; without it, Django streams the file.

A new kind of private file (the resource library's documents, say) needs its folder in
PRIVATE_MEDIA_FOLDERS and a rule passed to register().
"""

import functools
import mimetypes
import shutil
from pathlib import Path

from django.conf import settings
from django.core import checks
from django.core.files.storage import FileSystemStorage, default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.encoding import filepath_to_uri

_rules = {}


def folder_of(name):
    return str(name).replace("\\", "/").lstrip("/").partition("/")[0]


def is_private(name):
    return folder_of(name) in settings.PRIVATE_MEDIA_FOLDERS


@functools.cache
def _storage_at(root):
    return FileSystemStorage(location=root)


class MediaStorage(FileSystemStorage):
    """The site's file storage: private folders on their own root, behind the checking view."""

    def _private(self):
        # Looked up on every call so that a changed setting (as in tests) takes effect.
        return _storage_at(str(settings.PRIVATE_MEDIA_ROOT))

    def path(self, name):
        if is_private(name):
            return self._private().path(name)
        return super().path(name)

    def _save(self, name, content):
        if is_private(name):
            return self._private()._save(name, content)
        return super()._save(name, content)

    def url(self, name):
        if is_private(name):
            return reverse("private-media", args=[str(name).replace("\\", "/")])
        return super().url(name)


def register(folder, rule):
    """Let ``rule(request, name)`` decide who may fetch the files stored under ``folder``.

    The rule answers True (send the file), False (a plain 404), or a response of its own
    to send instead, such as the sign-in redirect or password form that a restricted
    collection asks for. A folder with no rule is served to nobody: a private file is
    never public by mistake.
    """
    _rules[folder] = rule


def serve(request, name):
    """The URL of every private file; anyone the folder's rule refuses gets a plain 404."""
    rule = _rules.get(folder_of(name))
    if ".." in name.split("/") or not is_private(name) or rule is None:
        raise Http404("No such file")
    verdict = rule(request, name)
    if isinstance(verdict, HttpResponseBase):
        return verdict
    if not verdict:
        # The same answer as for a file that does not exist, so nothing is given away.
        raise Http404("No such file")
    return file_response(name)


def file_response(name):
    """The file itself, or in production the proxy's internal redirect to it."""
    path = Path(default_storage.path(name))
    if not path.is_file():
        raise Http404("No such file")
    content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    prefix = settings.PRIVATE_MEDIA_REDIRECT_PREFIX
    if prefix:
        response = HttpResponse(content_type=content_type)
        response[settings.PRIVATE_MEDIA_REDIRECT_HEADER] = (
            f"{prefix.rstrip('/')}/{filepath_to_uri(name)}"
        )
    else:
        response = FileResponse(path.open("rb"), content_type=content_type)
    # Allowed for this person, not necessarily for the next one through a shared cache.
    patch_cache_control(response, private=True, max_age=3600)
    patch_vary_headers(response, ["Cookie"])
    return response


def _roots_overlap():
    public = Path(settings.MEDIA_ROOT).resolve()
    private = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    return private == public or public in private.parents


@checks.register(checks.Tags.security)
def check_private_root(app_configs=None, **kwargs):
    if _roots_overlap():
        return [
            checks.Error(
                "PRIVATE_MEDIA_ROOT is inside MEDIA_ROOT, which the proxy serves to anyone.",
                hint="Point PRIVATE_MEDIA_ROOT at a folder outside MEDIA_ROOT.",
                id="network.E001",
            )
        ]
    return []


def move_private_files(**kwargs):
    """Move files saved before their folder became private out of MEDIA_ROOT.

    Run after every migrate, so an upgraded site's existing images leave the folder the
    proxy serves; when both places hold a name, the private copy is the one the site
    reads, so the public one is only a leak and is removed.
    """
    if _roots_overlap():
        return
    public, private = Path(settings.MEDIA_ROOT), Path(settings.PRIVATE_MEDIA_ROOT)
    for folder in settings.PRIVATE_MEDIA_FOLDERS:
        source_folder = public / folder
        if not source_folder.is_dir():
            continue
        for source in sorted(path for path in source_folder.rglob("*") if path.is_file()):
            target = private / source.relative_to(public)
            if target.exists():
                source.unlink()
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(source, target)
