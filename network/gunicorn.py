"""gunicorn settings: `gunicorn -c python:network.gunicorn network.wsgi:application`.

A worker that has loaded Django, Wagtail and every app holds hundreds of thousands of
long-lived objects, and Python's collector rescans them all on each full collection:
about a third of the CPU of a database-path search that builds thousands of objects.
Freezing what is loaded once the worker is ready leaves the collector only the objects
of each request. Bind address and worker count still come from the command line.
"""

import gc

worker_class = "sync"


def post_worker_init(worker):
    gc.freeze()
