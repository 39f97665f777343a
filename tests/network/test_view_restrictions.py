"""A page inside a section with a view restriction, or restricted itself, is kept out of
the content listings; its siblings are not."""

import pytest
from django.contrib.auth.models import AnonymousUser
from wagtail.models import PageViewRestriction

from blog.models import BlogIndexPage, BlogPage
from tests.factories import BlogPageFactory

pytestmark = pytest.mark.django_db


def visible_titles():
    return set(BlogPage.objects.visible_to(AnonymousUser()).values_list("title", flat=True))


def test_restricted_sections_and_what_is_under_them_are_private_and_nothing_else(home):
    open_blog = home.add_child(instance=BlogIndexPage(title="Open", slug="open"))
    closed_blog = home.add_child(instance=BlogIndexPage(title="Closed", slug="closed"))
    BlogPageFactory(parent=open_blog, title="In the open section")
    BlogPageFactory(parent=closed_blog, title="In the closed section")
    lone = BlogPageFactory(parent=open_blog, title="Restricted itself")
    assert visible_titles() == {"In the open section", "In the closed section", "Restricted itself"}

    PageViewRestriction.objects.create(page=closed_blog, restriction_type="login")
    PageViewRestriction.objects.create(page=lone, restriction_type="password", password="x")
    # Sibling sections' paths start alike; only what is under the restricted one goes.
    assert visible_titles() == {"In the open section"}
    assert set(BlogPage.objects.not_public().values_list("title", flat=True)) == {
        "In the closed section",
        "Restricted itself",
    }


def test_restrictions_are_read_once_per_content_version(home, django_assert_num_queries):
    blog = home.add_child(instance=BlogIndexPage(title="Blog", slug="blog"))
    BlogPageFactory(parent=blog, title="Open post")
    visible_titles()  # reads the restrictions for this version
    with django_assert_num_queries(2):  # the posts, twice; the restrictions not again
        assert visible_titles() == {"Open post"}
        assert visible_titles() == {"Open post"}


def test_a_restriction_added_or_removed_applies_to_the_next_query(home):
    blog = home.add_child(instance=BlogIndexPage(title="Blog", slug="blog"))
    BlogPageFactory(parent=blog, title="Soon private")
    assert visible_titles() == {"Soon private"}
    restriction = PageViewRestriction.objects.create(page=blog, restriction_type="login")
    assert visible_titles() == set()
    restriction.delete()
    assert visible_titles() == {"Soon private"}


def test_a_flushed_cache_never_brings_back_a_version_already_used(home):
    from django.core.cache import caches

    from network.platform import content_versions

    before = content_versions.content_version()
    content_versions.invalidate()
    caches["default"].clear()
    assert content_versions.content_version() > before + 1


def test_a_change_bumps_the_version_again_once_it_commits(home, django_capture_on_commit_callbacks):
    from network.platform import content_versions

    blog = home.add_child(instance=BlogIndexPage(title="Blog", slug="blog"))
    before = content_versions.content_version()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        PageViewRestriction.objects.create(page=blog, restriction_type="login")
        during = content_versions.content_version()
        BlogPageFactory(parent=blog, title="Saved in the same transaction")
    # One bump for each save at once, and one more (however many saves) after the commit:
    # whatever a reader kept between the saves and the commit is retired.
    assert during > before
    assert len(callbacks) == 1
    assert content_versions.content_version() > during + 1
