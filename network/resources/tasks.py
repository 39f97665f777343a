"""Background work for the library, run by django-tasks (`db_worker` in production)."""

from django_tasks import task

from . import reading


@task()
def read_document_text(document_id):
    record = reading.read(document_id)
    return record.status if record is not None else None
