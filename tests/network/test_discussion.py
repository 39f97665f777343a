"""Comments from members, held at first, and reports that hide content until reviewed."""

import pytest
from django.core import mail
from django.urls import reverse

from network.models import Comment, Report
from tests.factories import BlogPageFactory, CaseStudyPageFactory, member_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(blog_index):
    return BlogPageFactory(parent=blog_index, title="Liaison roles in practice")


def comment_on(client, page, body="A useful read for our PCN."):
    return client.post(reverse("comment-create", args=[page.pk]), {"body": body})


def test_first_comments_wait_then_later_ones_publish_at_once(
    client, member, facilitator, post, settings
):
    settings.COMMENTS_HELD_UNTIL = 1
    client.force_login(member)
    mail.outbox.clear()
    response = comment_on(client, post, "First thoughts from our team.")
    assert response.status_code == 302
    first = Comment.objects.get()
    assert first.status == "pending"
    assert facilitator.email in {address for m in mail.outbox for address in m.to}

    client.force_login(facilitator)
    client.post(reverse("moderation_comment", args=[first.pk]), {"decision": "publish"})
    first.refresh_from_db()
    assert first.status == "published"

    client.force_login(member)
    comment_on(client, post, "A follow-up after our meeting.")
    second = Comment.objects.latest("created_at")
    assert second.status == "published"
    client.logout()
    html = client.get(post.url).content.decode()
    assert "First thoughts from our team." in html
    assert "A follow-up after our meeting." in html


def test_new_commenters_may_add_a_few_links_counted_as_readers_see_them(
    client, member, post, settings
):
    settings.NEW_MEMBER_LINK_LIMIT = 2
    settings.COMMENTS_HELD_UNTIL = 1
    client.force_login(member)
    one = "See [the guide](https://www.example.org/guide) from our ICB."
    assert comment_on(client, post, one).status_code == 302
    three = "[a](https://a.example/) [b](https://b.example/) https://www.c.example.org/"
    refused = comment_on(client, post, three)
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "Your first comments can contain up to 2 links; this one has 3." in html
    assert "https://www.c.example.org/" in html  # what was typed is kept
    assert Comment.objects.count() == 1

    Comment.objects.update(status="published")
    assert comment_on(client, post, three).status_code == 302  # no limit once trusted


def test_only_members_comment(client, visitor, post):
    assert comment_on(client, post).status_code == 302  # to the login page
    client.force_login(visitor)
    assert comment_on(client, post).status_code == 404
    assert not Comment.objects.exists()
    html = client.get(post.url).content.decode()
    assert "Post comment" not in html


def test_members_comment_on_case_studies_too(client, member, case_index):
    study = CaseStudyPageFactory(parent=case_index)
    client.force_login(member)
    comment_on(client, study, "We tried this in our area.")
    assert Comment.objects.get().page_id == study.pk


def test_comment_markup_is_sanitised(client, member, facilitator, post, settings):
    settings.COMMENTS_HELD_UNTIL = 0
    client.force_login(member)
    comment_on(client, post, "**Agreed** <img src=x onerror=alert(1)> [x](javascript:alert(1))")
    html = client.get(post.url).content.decode()
    assert "<strong>Agreed</strong>" in html
    assert "onerror" not in html
    assert "javascript:alert" not in html


def test_empty_or_oversized_comments_explain_and_keep_the_text(client, member, post):
    client.force_login(member)
    response = comment_on(client, post, "   ")
    assert response.status_code == 400
    assert "Write something before posting your comment." in response.content.decode()
    long_text = "word " * 900
    response = comment_on(client, post, long_text)
    assert response.status_code == 400
    html = response.content.decode()
    assert "at most 4000 characters" in html
    assert "word word word" in html
    assert not Comment.objects.exists()


def test_identifying_details_in_a_comment_warn_and_hold_it(client, member, post, settings):
    settings.COMMENTS_HELD_UNTIL = 0
    client.force_login(member)
    text = "Call her on 07700 900123 if you need the details."
    response = comment_on(client, post, text)
    assert response.status_code == 400
    assert "phone number" in response.content.decode()
    assert text in response.content.decode()
    client.post(
        reverse("comment-create", args=[post.pk]),
        {"body": text, "confirm_no_identifiers": "on"},
    )
    comment = Comment.objects.get()
    assert comment.safety_flags == ["phone"]
    assert comment.status == "pending"  # flagged comments always wait for a facilitator


def test_hourly_comment_limit(client, member, post, settings):
    settings.COMMENTS_PER_HOUR = 2
    client.force_login(member)
    comment_on(client, post, "one")
    comment_on(client, post, "two")
    response = comment_on(client, post, "three, kept for later")
    assert response.status_code == 400
    html = response.content.decode()
    assert "the most the network allows" in html
    assert "three, kept for later" in html
    assert Comment.objects.count() == 2


def test_facilitators_can_hide_any_comment(client, member, facilitator, post, settings):
    settings.COMMENTS_HELD_UNTIL = 0
    client.force_login(member)
    comment_on(client, post, "Published straight away.")
    comment = Comment.objects.get()
    client.force_login(facilitator)
    client.post(reverse("moderation_comment", args=[comment.pk]), {"decision": "hide"})
    client.logout()
    assert "Published straight away." not in client.get(post.url).content.decode()


def test_reports_reach_facilitators_and_enough_reporters_hide_a_post(
    client, facilitator, post, settings
):
    settings.REPORTS_TO_HIDE = 2
    first, second = member_user(), member_user()
    client.force_login(first)
    mail.outbox.clear()
    response = client.post(
        reverse("report-page", args=[post.pk]), {"reason": "patient-information", "note": "Para 2"}
    )
    assert response.status_code == 302
    assert facilitator.email in {address for m in mail.outbox for address in m.to}
    # The same member reporting twice still counts once.
    client.post(reverse("report-page", args=[post.pk]), {"reason": "spam"})
    post.refresh_from_db()
    assert not post.hidden_for_review
    assert Report.objects.count() == 1

    client.force_login(second)
    client.post(reverse("report-page", args=[post.pk]), {"reason": "inappropriate"})
    post.refresh_from_db()
    assert post.hidden_for_review
    client.logout()
    assert client.get(post.url).status_code == 404
    assert "Liaison roles in practice" not in client.get("/blog/").content.decode()

    client.force_login(facilitator)
    queue = client.get(reverse("moderation_queue")).content.decode()
    assert "Liaison roles in practice" in queue
    assert "2 members" in queue
    client.post(reverse("moderation_report", args=["page", post.pk]), {"decision": "restore"})
    post.refresh_from_db()
    assert not post.hidden_for_review
    assert not Report.objects.open().exists()


def test_reported_comment_is_hidden_at_the_threshold(client, post, settings):
    settings.REPORTS_TO_HIDE = 1
    settings.COMMENTS_HELD_UNTIL = 0
    author, reporter = member_user(), member_user()
    client.force_login(author)
    comment_on(client, post, "Something regrettable.")
    comment = Comment.objects.get()
    client.force_login(reporter)
    client.post(reverse("report-comment", args=[comment.pk]), {"reason": "inappropriate"})
    comment.refresh_from_db()
    assert comment.status == "hidden"
    client.logout()
    assert "Something regrettable." not in client.get(post.url).content.decode()


def test_report_without_a_reason_explains(client, member, post):
    client.force_login(member)
    response = client.post(
        reverse("report-page", args=[post.pk]), {"reason": "", "note": "keep me"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose why you are reporting this" in html
    assert "keep me" in html
    assert not Report.objects.exists()


def test_a_filled_in_trap_field_stops_a_bot(client, member, post):
    client.force_login(member)
    response = client.post(
        reverse("comment-create", args=[post.pk]), {"body": "Buy now", "website": "spam.example"}
    )
    assert response.status_code == 400
    assert "could not be sent" in response.content.decode()
    assert not Comment.objects.exists()
    html = client.get(post.url).content.decode()
    assert 'class="network-honeypot" aria-hidden="true"' in html
