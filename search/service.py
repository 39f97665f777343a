"""The one search the views call: Elasticsearch when it is configured and answering,
the database path otherwise.

A visitor never waits on a dead node: the client's timeout is short, and after a
failure the breaker in search/elastic/connection.py sends every request to the database path
for a while. The page then says that results may be less complete, and the failure is
logged; nobody sees an error.
"""

import logging

from search.database import engine, suggestions
from search.elastic import faceted_search as es_search
from search.elastic.connection import NodeRefusedError, SearchUnavailableError, is_configured

logger = logging.getLogger(__name__)

FALLBACK_NOTICE = (
    "Search is running in a simpler mode for a few minutes, so results may be less "
    "complete than usual."
)


def _with_fallback(on_elasticsearch, on_database):
    if is_configured():
        try:
            return on_elasticsearch(), False
        except SearchUnavailableError as error:
            logger.info("Search answered from the database: %s", error)
        except (NodeRefusedError, es_search.QueryRejectedError) as error:  # no index, a bad query
            logger.warning("Elasticsearch refused a search (%s); using the database", error)
        return on_database(), True
    return on_database(), False


def search(request):
    response, fell_back = _with_fallback(
        lambda: es_search.search(request), lambda: engine.search(request)
    )
    if fell_back:
        response.notice = FALLBACK_NOTICE
    return response


def suggest(user, text):
    found, _fell_back = _with_fallback(
        lambda: es_search.suggest(user, text), lambda: suggestions.suggest(user, text)
    )
    return found
