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
