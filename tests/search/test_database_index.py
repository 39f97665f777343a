"""On PostgreSQL the database path's full-text filter is served by an index."""

import pytest
from django.db import connection, transaction
from wagtail.search.query import PlainText

from blog.models import BlogPage
from tests.factories import BlogPageFactory
from tests.services import require

pytestmark = pytest.mark.django_db

INDEX = "network_search_entry_title_body_gin"


@pytest.fixture
def on_postgresql():
    require(connection.vendor == "postgresql", "the index is PostgreSQL's")


def test_a_search_for_a_rare_word_reads_the_joined_title_and_body_index(on_postgresql, blog_index):
    BlogPageFactory(parent=blog_index, title="What IAPT taught our team")
    matches = BlogPage.objects.live().search(PlainText("IAPT"), operator="or").get_queryset()
    sql, _params = matches.query.sql_with_params()
    # The filter Wagtail's backend writes, which the index is built for.
    assert '"wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body"' in sql
    with transaction.atomic(), connection.cursor() as cursor:
        # With so few rows the planner would rather scan; forbid that to see whether the
        # index can serve the filter at all.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM wagtailsearch_indexentry "
            "WHERE (title || body) @@ to_tsquery('simple', 'iapt')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert INDEX in plan, plan
    assert [page.title for page in matches] == ["What IAPT taught our team"]
