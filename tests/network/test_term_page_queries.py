"""A theme page costs the same queries whatever it lists, and counts each list once per
content version."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.models import Theme
from tests.factories import BlogPageFactory

pytestmark = pytest.mark.django_db


def page_queries(client, theme):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(theme.get_absolute_url())
    assert response.status_code == 200
    return [query["sql"] for query in captured]


def test_a_theme_page_counts_each_list_once_and_does_not_grow_with_its_posts(client, blog_index):
    theme = Theme.objects.get(slug="co-production")
    for _ in range(3):
        BlogPageFactory(parent=blog_index, taxonomy={"themes": [theme]})
    page_queries(client, theme)  # the first request fills the site's own caches
    few = page_queries(client, theme)
    for _ in range(20):
        BlogPageFactory(parent=blog_index, taxonomy={"themes": [theme]})
    # New posts: what is kept per content version is read again, the counts among it.
    first = page_queries(client, theme)
    counts = [sql for sql in first if "COUNT(" in sql.upper()]
    assert len(counts) == 3  # reflections, case studies, member profiles
    many = page_queries(client, theme)
    assert len(many) == len(few)
    assert not [sql for sql in many if "COUNT(" in sql.upper()]
    assert (
        "<strong>23</strong> reflections" in client.get(theme.get_absolute_url()).content.decode()
    )
