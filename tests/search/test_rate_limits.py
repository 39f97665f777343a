"""Search and suggestions stop a script that floods them, and nobody else notices."""

import re
import time

import pytest
from django.core.cache import cache
from django.test import Client

from tests.factories import BlogPageFactory, member_user

pytestmark = pytest.mark.django_db

LIMIT = 5


@pytest.fixture
def limits(settings):
    """A small limit, counted from an empty cache and well inside one minute's count."""
    settings.SEARCH_RATE_LIMIT = LIMIT
    settings.SEARCH_SUGGEST_RATE_LIMIT = LIMIT
    remaining = 60 - time.time() % 60
    if remaining < 3:
        time.sleep(remaining + 0.1)
    cache.clear()
    yield settings
    cache.clear()


def visitor(address):
    return Client(REMOTE_ADDR=address)


def use_up_searches(client):
    for number in range(LIMIT):
        response = client.get("/search/", {"q": f"care {number}"})
        assert response.status_code == 200, number


def test_the_search_after_the_limit_is_refused_with_a_page_that_says_to_wait(limits):
    client = visitor("192.0.2.10")
    use_up_searches(client)
    response = client.get("/search/", {"q": "one more"})
    assert response.status_code == 429
    wait = int(response["Retry-After"])
    assert 1 <= wait <= 61  # the last 61 one-second slots are counted
    assert "no-cache" in response["Cache-Control"]
    html = response.content.decode()
    assert "Please wait a moment before trying again" in html
    assert re.search(
        rf"Wait {wait} seconds?, then <a href=\"/search/\?q=one\+more\">try again", html
    )
    assert f"more than {LIMIT} searches in a minute from your internet connection" in html
    assert 'class="nhsuk-header' in html  # the site's own layout, not a bare error


def test_another_visitor_and_a_member_on_the_same_address_still_search(limits):
    limited = visitor("192.0.2.10")
    use_up_searches(limited)
    assert limited.get("/search/", {"q": "again"}).status_code == 429

    assert visitor("192.0.2.11").get("/search/", {"q": "again"}).status_code == 200
    member = visitor("192.0.2.10")
    member.force_login(member_user())
    assert member.get("/search/", {"q": "again"}).status_code == 200


def test_behind_the_proxy_each_visitor_is_counted_by_their_own_address(limits):
    limits.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    through_proxy = "127.0.0.1"
    limited = Client(REMOTE_ADDR=through_proxy, HTTP_X_FORWARDED_FOR="192.0.2.60")
    use_up_searches(limited)
    assert limited.get("/search/", {"q": "again"}).status_code == 429
    other = Client(REMOTE_ADDR=through_proxy, HTTP_X_FORWARDED_FOR="192.0.2.61")
    assert other.get("/search/", {"q": "again"}).status_code == 200


def test_a_member_is_counted_by_account_wherever_they_search_from(limits):
    person = member_user()
    at_work = visitor("192.0.2.20")
    at_work.force_login(person)
    use_up_searches(at_work)
    at_home = visitor("198.51.100.7")
    at_home.force_login(person)
    response = at_home.get("/search/", {"q": "again"})
    assert response.status_code == 429
    assert "from your account" in response.content.decode()

    colleague = visitor("192.0.2.20")
    colleague.force_login(member_user())
    assert colleague.get("/search/", {"q": "again"}).status_code == 200


def test_suggestions_after_the_limit_are_refused_in_json(limits, blog_index):
    BlogPageFactory(parent=blog_index, title="Talking therapies and the CMHT")
    client = visitor("192.0.2.30")
    for _number in range(LIMIT):
        assert client.get("/search/suggest/", {"q": "talk"}).status_code == 200
    response = client.get("/search/suggest/", {"q": "talki"})
    assert response.status_code == 429
    wait = int(response["Retry-After"])
    assert response.json() == {
        "query": "talki",
        "suggestions": [],
        "error": f"Too many requests for suggestions. Wait {wait} seconds.",
        "retry_after": wait,
    }
    other = visitor("192.0.2.31").get("/search/suggest/", {"q": "talk"})
    assert other.status_code == 200
    assert "Talking therapies and the CMHT" in other.json()["suggestions"]
    # Searching is counted apart: pressing Search still works.
    assert client.get("/search/", {"q": "talking"}).status_code == 200


def test_a_refusal_is_never_served_from_the_page_cache(limits):
    """Varying the query gets past the page cache, so it meets the limit; a page already
    in the cache costs no search and is still served."""
    limits.PAGE_CACHE_SECONDS = 600
    client = visitor("192.0.2.50")
    use_up_searches(client)
    refused = client.get("/search/", {"q": "not cached"})
    assert refused.status_code == 429

    other = visitor("192.0.2.51").get("/search/", {"q": "not cached"})
    assert other.status_code == 200
    assert other["X-Page-Cache"] == "miss"

    cached = client.get("/search/", {"q": "care 0"})
    assert cached.status_code == 200
    assert cached["X-Page-Cache"] == "hit"
