"""A reflection's page costs the same queries for a member whatever it shows: more related
posts, authors or comments cost nothing extra, and its themes, sectors and bylines are
read once however many parts of the page use them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.models import Comment, CommentStatus, Sector, Theme
from tests.factories import BlogPageFactory, MemberProfileFactory, member_user

pytestmark = pytest.mark.django_db


def queries_for(client, post):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(post.url)
    assert response.status_code == 200
    return [query["sql"] for query in captured]


def test_a_members_view_of_a_post_does_not_grow_with_what_it_shows(client, blog_index):
    themes = list(Theme.objects.all()[:2])
    sector = Sector.objects.first()
    tags = {"themes": themes, "sectors": [sector]}
    authors = [MemberProfileFactory(visibility="public") for _ in range(3)]
    post = BlogPageFactory(parent=blog_index, taxonomy=tags, authors=authors[:1])
    busy = BlogPageFactory(parent=blog_index, taxonomy=tags, authors=authors)
    reader = member_user()
    client.force_login(reader)
    for _ in range(2):
        BlogPageFactory(parent=blog_index, taxonomy=tags)
    queries_for(client, post)  # the first request fills the site's own caches
    few = queries_for(client, post)

    for _ in range(8):
        BlogPageFactory(parent=blog_index, taxonomy=tags)
    for number in range(6):
        Comment.objects.create(
            page=busy, author=reader, body=f"Comment {number}", status=CommentStatus.PUBLISHED
        )
    queries_for(client, busy)  # new content: what is kept per content version is read again
    many = queries_for(client, busy)
    assert len(many) == len(few)
    theme_reads = [sql for sql in many if 'FROM "network_theme"' in sql]
    assert len(theme_reads) == 1  # related posts, structured data and tags share one read
