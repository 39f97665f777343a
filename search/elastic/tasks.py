"""Background work for the search index, run by django-tasks (`db_worker` in production)."""

import logging

from django_tasks import task

from search.elastic import indexing
from search.elastic.connection import SearchUnavailableError, is_configured

logger = logging.getLogger(__name__)


@task()
def apply_index_changes():
    """Apply the pending index changes; while the node is down they wait for the next run."""
    if not is_configured():
        return 0
    try:
        return indexing.apply()
    except SearchUnavailableError as error:
        logger.warning("Search index update postponed: %s", error)
        return 0


@task()
def rebuild_index():
    """A new index with the current synonyms, switched in behind the alias."""
    if not is_configured():
        return None
    try:
        return indexing.rebuild()
    except SearchUnavailableError as error:
        logger.warning("Search index rebuild postponed: %s", error)
        return None
