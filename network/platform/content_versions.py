"""The content version: one number that moves whenever something a page shows changes.

Everything kept per version (whole pages, view restrictions, routing, the search corpus,
the site's address) is read afresh after a change, because its key names a version
nobody has used yet. The version lives in the page cache's store, shared by every worker,
so a change made on one host is seen on the next request to any other.

This module imports no model: the models, and what they lean on (restrictions, routing),
may all import it. The models to watch are named when the apps start (watch()).
"""

import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal

VERSION_KEY = "page-cache:version"
# Bumped when a review moves on without its page being saved (a facilitator asks for
# changes): only a member's own list of submissions shows that.
REVIEW_VERSION_KEY = "page-cache:review-version"

# Sent with `page` when a queryset update shows or hides a page without saving it (reports
# hiding a post, a facilitator restoring it), for apps that keep a copy such as search.
visibility_changed = Signal()


def _store():
    return caches[settings.PAGE_CACHE_ALIAS]


def _fresh_version():
    """A number no earlier version used: after the shared cache is flushed or restarted,
    counting again from 1 would meet versions that workers still keep values for."""
    return time.time_ns() // 1000


def _version(key):
    cache = _store()
    version = cache.get(key)
    if version is None:
        cache.add(key, _fresh_version(), timeout=None)
        version = cache.get(key) or _fresh_version()
    return version


def content_version():
    return _version(VERSION_KEY)


def review_version():
    return _version(REVIEW_VERSION_KEY)


def _bump_key(key):
    cache = _store()
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, _fresh_version(), timeout=None)


def _bump():
    _bump_key(VERSION_KEY)


def _bump_reviews():
    _bump_key(REVIEW_VERSION_KEY)


def _now_and_after_commit(bump):
    bump()
    db = transaction.get_connection()
    # One bump after commit however many saves the transaction makes (Django keeps its
    # pending callbacks as (savepoints, function, robust)).
    if db.in_atomic_block and not any(entry[1] is bump for entry in db.run_on_commit):
        transaction.on_commit(bump)


def invalidate(**kwargs):
    """Bump the version now, and again once the change commits.

    A request that reads the database between the save and its commit sees the old
    content under the new version, and would keep it there (a page, or the view
    restrictions of network/pages/restrictions.py); the second bump retires whatever it stored.
    """
    _now_and_after_commit(_bump)


def invalidate_reviews():
    """As invalidate(), for the review version."""
    _now_and_after_commit(_bump_reviews)


def _invalidate_on_change(sender, **kwargs):
    invalidate()


def _invalidate_reviews_on_change(sender, **kwargs):
    invalidate_reviews()


def _connect_changes(models, receiver, uid):
    for model in models:
        label = model._meta.label_lower
        post_save.connect(receiver, sender=model, dispatch_uid=f"{uid}-save-{label}")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"{uid}-delete-{label}")
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(
                receiver,
                sender=through,
                dispatch_uid=f"{uid}-m2m-{through._meta.label_lower}",
            )


def watch(*models):
    """Changing any of these models invalidates the cache.

    The network core names its own (pages, terms, profiles, comments) when it starts;
    content apps add the models outside pages that show on their pages (a blog series'
    name, a collective author). Each is connected as a sender of its own, with the
    through models of its many-to-many fields, so no other save runs a receiver here.
    This module imports no model, so everything that keys on the content version
    (restrictions, routing) can import it without leading back to the models.
    """
    _connect_changes(models, _invalidate_on_change, "page-cache")


def watch_reviews(*models):
    """Changing any of these (workflow and task states) moves the review version."""
    _connect_changes(models, _invalidate_reviews_on_change, "page-cache-reviews")


def connect():
    """Publishing and withdrawing move the version; watch() adds each model's saves.

    Queryset updates that bypass signals call invalidate() themselves.
    """
    from wagtail.signals import page_published, page_unpublished

    visibility_changed.connect(invalidate, dispatch_uid="page-cache-visibility")
    page_published.connect(invalidate, dispatch_uid="page-cache-published")
    page_unpublished.connect(invalidate, dispatch_uid="page-cache-unpublished")
