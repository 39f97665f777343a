"""Fixtures shared by every test: a site tree like the real one and the people who use it."""

import os

import pytest
from django.core.cache import caches
from django.db import connection
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from blog.models import BlogIndexPage
from casestudies.models import CaseStudyIndexPage
from network.models import HomePage
from network.moderation.roles import assign_facilitator_review
from network.platform import versioned

from .factories import UserFactory, facilitator_user, member_user
from .services import require

REDIS_URL = os.environ.get("REDIS_URL")


@pytest.fixture(autouse=True, scope="session")
def _real_services_in_ci(django_db_setup, django_db_blocker):
    """On CI every service must be real: a suite that quietly ran on SQLite proves less."""
    sqlite_pass = os.environ.get("SQLITE_PASS") == "true"  # scripts/test's sqlite_only pass
    if os.environ.get("CI") == "true" and connection.vendor != "postgresql" and not sqlite_pass:
        pytest.fail(f"CI must run on PostgreSQL, not {connection.vendor}", pytrace=False)


def pytest_collection_modifyitems(config, items):
    """Tests of SQLite's single writer run only on SQLite; scripts/test gives them a pass of
    their own, so on PostgreSQL they are left out rather than skipped."""
    if connection.vendor == "sqlite":
        return
    left_out = [item for item in items if item.get_closest_marker("sqlite_only")]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if not item.get_closest_marker("sqlite_only")]


@pytest.fixture
def fresh_rate_limits():
    """For tests that spend allauth's or the site's limits on purpose: later tests must
    start with them full."""
    caches["default"].clear()
    yield
    caches["default"].clear()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded and generated images go to a per-test folder that pytest cleans up.

    Wagtail caches renditions by image id, and ids come round again after a rolled-back
    test, so a cached one would name a file in an earlier test's folder.
    """
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    get_image_model().get_rendition_model().cache_backend.clear()


@pytest.fixture(autouse=True)
def _site_email_backend(settings):
    """Django's test set-up sends mail straight to locmem; production puts the site's own
    backend (one-line headers, failures recorded) in front, so tests do too."""
    settings.EMAIL_BACKEND = "network.notifications.mail.EmailBackend"


@pytest.fixture(autouse=True)
def _fresh_search_caches():
    """Each test builds its own content and a rolled-back test bumps no content version,
    so nothing kept per version (vocabulary, terms, restrictions, visible ids) carries over.
    """
    versioned.clear_all()
    yield
    versioned.clear_all()


@pytest.fixture
def home(db):
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Network home", slug="network-home"))
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    site.root_page = home
    site.hostname = "testserver"
    site.port = 80
    site.save()
    if old_root.pk != home.pk and old_root.depth == 2:
        old_root.delete()
    return home


@pytest.fixture
def blog_index(home):
    index = home.add_child(instance=BlogIndexPage(title="Blog", slug="blog"))
    assign_facilitator_review(index)
    return index


@pytest.fixture
def case_index(home):
    index = home.add_child(instance=CaseStudyIndexPage(title="Case studies", slug="case-studies"))
    assign_facilitator_review(index)
    return index


@pytest.fixture
def event_index(home):
    from network.events.models import EventIndexPage

    return home.add_child(instance=EventIndexPage(title="Events", slug="events"))


@pytest.fixture
def resource_index(home):
    from network.resources.models import ResourceIndexPage

    return home.add_child(instance=ResourceIndexPage(title="Resource library", slug="resources"))


@pytest.fixture
def visitor():
    return UserFactory()


@pytest.fixture
def member(db):
    return member_user()


@pytest.fixture
def facilitator(db):
    return facilitator_user()


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def facilitator_client(client, facilitator):
    client.force_login(facilitator)
    return client


def _use_page_cache(settings, backend):
    if backend == "redis":
        require(REDIS_URL, "REDIS_URL is not set: no Redis server is running")
        location = {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL}
    else:
        location = {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "audience-cache-tests",
        }
    settings.CACHES = {"default": location}
    settings.PAGE_CACHE_SECONDS = 600
    caches["default"].clear()


@pytest.fixture
def page_cache_switch(settings):
    """Turns the page cache on part-way through a test, to compare with it off."""
    yield lambda: _use_page_cache(settings, "locmem")
    caches["default"].clear()


@pytest.fixture
def shared_cache(settings):
    _use_page_cache(settings, "locmem")
    yield caches["default"]
    caches["default"].clear()


@pytest.fixture(params=["locmem", "redis"])
def any_shared_cache(request, settings):
    _use_page_cache(settings, request.param)
    yield caches["default"]
    caches["default"].clear()
