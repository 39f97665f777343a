"""The ceiling: the smallest Django view, served by gunicorn exactly like the platform.

The benchmark compares every page's throughput with this one, which costs only Django's
request handling, so the ratio shows how much each page's own work costs.
"""

import os

from django.conf import settings

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY=os.environ.get("SECRET_KEY", "ceiling-benchmark-only"),
        ALLOWED_HOSTS=["127.0.0.1", "localhost"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
    )

from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path


def ceiling(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("", ceiling)]
application = get_wsgi_application()
