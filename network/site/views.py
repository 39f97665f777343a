"""robots.txt, and the page people get when a form they sent cannot be read."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse

from network.platform.site_address import root_url

# Django refuses an oversized form before reading it. Answering at once, with the rest
# of the upload still arriving, makes the server close a connection that has unread data
# on it, and the browser then shows "connection reset" instead of the page. Up to this
# many times the form limit is read and thrown away first, so the explanation arrives;
# anything larger is cut off, since reading it would tie up a worker.
DISCARD_UP_TO = 3


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /search/",
        f"Sitemap: {root_url(request)}{reverse('sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def _sent_length(request):
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


def _discard_rest_of_body(request):
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    stream = getattr(request, "_stream", None)
    if stream is None or limit is None or _sent_length(request) > limit * DISCARD_UP_TO:
        return
    try:
        while stream.read(64 * 1024):
            pass
    except OSError:
        pass  # the browser gave up; nobody is left to read the page


def bad_request(request, exception=None):
    """Say what was wrong with a form Django would not read, and what to do about it.

    Django's own answer is a bare "Bad Request (400)", which tells a member who has
    just lost a long reflection nothing. A form too large to read is a 413.
    """
    status, problem = 400, None
    if isinstance(exception, RequestDataTooBig):
        status, problem = 413, "too_large"
    elif isinstance(exception, TooManyFieldsSent):
        problem = "too_many_fields"
    elif isinstance(exception, TooManyFilesSent):
        problem = "too_many_files"
    if problem:
        _discard_rest_of_body(request)
    context = {
        "problem": problem,
        "sent_size": _sent_length(request),
        "max_size": settings.DATA_UPLOAD_MAX_MEMORY_SIZE,
        "max_fields": settings.DATA_UPLOAD_MAX_NUMBER_FIELDS,
        "max_files": settings.DATA_UPLOAD_MAX_NUMBER_FILES,
    }
    # Rendered without the request: its host may be one the site does not serve.
    return HttpResponse(render_to_string("400.html", context), status=status)
