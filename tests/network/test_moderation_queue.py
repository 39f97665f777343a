"""The facilitators' queue stays quick however much is waiting in it."""

import sys

import markdown
import pytest
from django.urls import reverse

from network.models import Comment, CommentStatus, Report
from tests.factories import BlogPageFactory, member_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def crowded_queue(blog_index):
    post = BlogPageFactory(parent=blog_index)
    author = member_user()
    for number in range(45):
        Comment.objects.create(page=post, author=author, body=f"Waiting comment {number}")
    for number in range(25):
        published = Comment.objects.create(
            page=post, author=author, body=f"Reported {number}", status=CommentStatus.PUBLISHED
        )
        Report.objects.create(reporter=member_user(), reason="spam", comment=published)
    return post


def test_the_queue_shows_a_page_at_a_time_oldest_first(facilitator_client, crowded_queue):
    html = facilitator_client.get(reverse("moderation_queue")).content.decode()

    assert "Comments waiting for review (45)" in html
    assert "Waiting comment 0<" in html
    assert "Waiting comment 19<" in html
    assert "Waiting comment 20<" not in html
    assert "Page 1 of 3" in html
    assert "Reported posts and comments (25)" in html

    last = facilitator_client.get(reverse("moderation_queue"), {"page": 3}).content.decode()
    assert "Waiting comment 44<" in last
    assert "Waiting comment 39<" not in last


def test_the_queue_costs_one_page_of_queries(
    facilitator_client, crowded_queue, django_assert_max_num_queries
):
    with django_assert_max_num_queries(25):
        facilitator_client.get(reverse("moderation_queue"))


def test_pathological_comments_cost_no_rendering_in_the_queue(facilitator_client, blog_index):
    post = BlogPageFactory(parent=blog_index)
    author = member_user()
    for _ in range(15):
        Comment.objects.create(page=post, author=author, body="![" * 2000)
    calls = 0
    target = markdown.Markdown.convert.__code__

    def profiler(frame, event, arg):
        nonlocal calls
        if event == "call" and frame.f_code is target:
            calls += 1

    sys.setprofile(profiler)
    try:
        response = facilitator_client.get(reverse("moderation_queue"))
    finally:
        sys.setprofile(None)

    assert response.status_code == 200
    assert calls == 0
