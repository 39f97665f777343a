"""What facilitators and members read while moderating says what is true of the item now."""

import pytest
from django.urls import reverse

from network.models import Comment, CommentStatus, Report
from tests.factories import BlogPageFactory, member_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(blog_index):
    return BlogPageFactory(parent=blog_index, title="Liaison roles in practice")


def comment(post, body, status=CommentStatus.PUBLISHED):
    return Comment.objects.create(page=post, author=member_user(), body=body, status=status)


def queue(client):
    return client.get(reverse("moderation_queue")).content.decode()


def test_report_buttons_follow_whether_the_item_is_hidden(facilitator_client, post, settings):
    settings.REPORTS_TO_HIDE = 3
    in_view = comment(post, "Reported once, still shown.")
    Report.objects.create(reporter=member_user(), reason="spam", comment=in_view)
    html = queue(facilitator_client)
    assert "Still in view: not enough members have reported it to hide it." in html
    assert "Leave it in view and close the reports" in html
    assert ">Hide it<" in html
    assert "Restore" not in html
    assert "Keep it hidden" not in html

    facilitator_client.post(
        reverse("moderation_report", args=["comment", in_view.pk]), {"decision": "hide"}
    )
    in_view.refresh_from_db()
    assert in_view.status == CommentStatus.HIDDEN

    hidden = comment(post, "Hidden by reports.", status=CommentStatus.HIDDEN)
    Report.objects.create(reporter=member_user(), reason="spam", comment=hidden)
    html = queue(facilitator_client)
    assert "Hidden from readers until you decide." in html
    assert "Put it back in view and close the reports" in html
    assert "Keep it hidden" in html
    assert "Leave it in view" not in html

    response = facilitator_client.post(
        reverse("moderation_report", args=["comment", hidden.pk]), {"decision": ""}
    )
    assert response.status_code == 302
    assert Report.objects.open().filter(comment=hidden).exists()  # nothing decided


def test_reported_posts_say_what_they_are(facilitator_client, post):
    Report.objects.create(reporter=member_user(), reason="spam", page=post)
    assert "Reflection: <a" in queue(facilitator_client)


def test_recently_published_comments_show_what_readers_read(facilitator_client, post):
    comment(post, "**How** we shared [notes](https://example.org/notes).")
    html = queue(facilitator_client)
    assert "How we shared notes." in html
    assert "**How**" not in html


def test_members_see_what_they_are_reporting(client, member, post, settings):
    settings.COMMENTS_HELD_UNTIL = 0
    reported = comment(post, "A comment with *some* words.")
    client.force_login(member)
    page = client.get(post.url).content.decode()
    assert "Report this reflection" in page
    assert "Blog post" not in page

    form = client.get(reverse("report-comment", args=[reported.pk])).content.decode()
    assert "<em>some</em>" in form
    assert "The comment by" in form
    whole = client.get(reverse("report-page", args=[post.pk])).content.decode()
    assert "You are reporting the reflection “Liaison roles in practice” itself" in whole
