"""allauth's rate limits count in the shared cache, so every worker enforces the same limit."""

import os

import pytest
from django.core.cache import caches
from django.urls import reverse

from tests.services import require

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("REDIS_URL")


@pytest.fixture
def redis_cache(settings):
    require(REDIS_URL, "REDIS_URL is not set: no Redis server is running")
    settings.CACHES = {
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL}
    }
    cache = caches["default"]
    cache.clear()
    yield cache
    cache.clear()


def test_failed_sign_ins_are_limited_across_workers(redis_cache, member):
    from django.test import Client

    workers = [Client(), Client()]  # separate handlers, as separate processes would be
    refused = []
    for number in range(8):
        response = workers[number % 2].post(
            reverse("account_login"), {"login": member.email, "password": "wrong"}
        )
        refused.append("You have tried to sign in too many times" in response.content.decode())
    # Five failures for one address, whichever worker saw them, and the sixth is refused.
    assert refused == [False] * 5 + [True] * 3, refused
    response = workers[0].post(
        reverse("account_login"), {"login": member.email, "password": "a-good-long-password"}
    )
    assert "You have tried to sign in too many times" in response.content.decode()
    keys = redis_cache.client.get_client().keys("*")
    assert any(b"rl:" in key or b"allauth" in key for key in keys), keys
