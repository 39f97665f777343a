"""Test runs: fast hashing, in-memory email, a throwaway key."""

import os

from django.core.management.utils import get_random_secret_key

from .base import *  # noqa: F403
from .base import BASE_DIR

SECRET_KEY = os.environ.get("SECRET_KEY") or get_random_secret_key()
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Django's test set-up points EMAIL_BACKEND straight at locmem; tests/conftest.py puts the
# site's own backend back in front of it, as in every other environment.
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
PRIVATE_MEDIA_ROOT = BASE_DIR / "var" / "test-private-media"
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

# Serve built assets straight from the finders so browser tests need no collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Off unless a test turns it on, so query counts and page content reflect real rendering.
PAGE_CACHE_SECONDS = 0
# Off unless a test turns it on: the suite searches far faster than any person.
SEARCH_RATE_LIMIT = 0
SEARCH_SUGGEST_RATE_LIMIT = 0

# Search tests that need Elasticsearch point these at the node `make test` starts; every
# other test runs on the database path, so no stray save reaches a shared index.
ELASTICSEARCH_URL = ""
ELASTICSEARCH_TEST_URL = os.environ.get("ELASTICSEARCH_TEST_URL", "")
