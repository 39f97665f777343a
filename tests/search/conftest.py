import pytest

from search import spelling, synonyms


@pytest.fixture(autouse=True)
def _fresh_search_caches():
    """Each test builds its own content, so no vocabulary may carry over from another."""
    spelling._built.clear()
    synonyms._built.clear()
    yield
    spelling._built.clear()
    synonyms._built.clear()
