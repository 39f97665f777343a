"""Journeys 3 to 5: discussing, choosing who sees a profile, and leaving with one's data."""

import json
import re
import time

from django.test import Client
from playwright.sync_api import expect

from blog.models import BlogPage
from network.models import Comment, CommentStatus, MemberProfile, Region, Report, User
from tests.browser.conftest import browser_test
from tests.factories import MemberProfileFactory, member_user

pytestmark = browser_test


def _wait_for(condition, seconds=10):
    """The browser's request is handled on the live server's thread: wait for its effect."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the change was not saved in time"
        time.sleep(0.1)


def _new_member(name, region=None):
    user = member_user()
    MemberProfileFactory(
        user=user, name=name, role="Peer support worker", visibility="public", region=region
    )
    return user


def test_member_comments_held_then_approved_then_published_at_once_and_reports(new_page, settings):
    settings.COMMENTS_HELD_UNTIL = 1
    member = _new_member("Joy Adeyemi")
    post = BlogPage.objects.live().filter(audience="public").order_by("-date").first()
    as_member = new_page(user=member)
    as_facilitator = new_page(user=User.objects.get(username="facilitator"))
    as_visitor = new_page()

    as_member.goto(post.url)
    as_member.get_by_label("Your comment").fill("The link worker role changed our referrals.")
    as_member.get_by_role("button", name="Post comment").click()
    held = as_member.locator(".network-comment", has_text="The link worker role changed")
    expect(held.get_by_text("Waiting for a facilitator")).to_be_visible()
    as_visitor.goto(post.url)
    assert not as_visitor.get_by_text("The link worker role changed").count()

    as_facilitator.goto("/admin/moderation/")
    waiting = as_facilitator.locator("section", has_text="The link worker role changed")
    waiting.get_by_role("button", name="Publish").click()
    expect(waiting).to_have_count(0)
    as_visitor.goto(post.url)
    assert as_visitor.get_by_text("The link worker role changed our referrals.").is_visible()

    as_member.goto(post.url)
    as_member.get_by_label("Your comment").fill("A second thought: supervision matters too.")
    as_member.get_by_role("button", name="Post comment").click()
    second = as_member.locator(".network-comment", has_text="A second thought")
    expect(second).to_be_visible()
    expect(second.get_by_text("Waiting for a facilitator")).to_have_count(0)
    as_visitor.goto(post.url)
    assert as_visitor.get_by_text("A second thought: supervision matters too.").is_visible()
    statuses = set(Comment.objects.filter(author=member).values_list("status", flat=True))
    assert statuses == {CommentStatus.PUBLISHED}

    as_member.get_by_role("link", name=re.compile(r"^Report this")).click()
    as_member.get_by_label("Spam or advertising").check()
    as_member.get_by_label("Anything the facilitators should know").fill("Advertises a course.")
    as_member.get_by_role("button", name="Send report").click()
    as_member.wait_for_url(re.compile(re.escape(post.url)))
    assert Report.objects.filter(reporter=member, page=post.page_ptr).exists()
    as_facilitator.goto("/admin/moderation/")
    assert as_facilitator.get_by_text("Advertises a course.").is_visible()


def test_member_chooses_who_sees_their_profile(new_page):
    region = Region.objects.order_by("-pk").first()
    member = _new_member("Sam Okafor", region=region)
    directory = f"/members/?region={region.slug}"
    other_member = member_user()
    as_member = new_page(user=member)
    as_other = new_page(user=other_member)
    as_visitor = new_page()

    as_member.goto("/profile/")
    as_member.get_by_role("textbox", name=re.compile(r"^Role")).fill(
        "Social prescribing link worker"
    )
    as_member.get_by_label(re.compile(r"^Members only")).check()
    as_member.get_by_role("button", name="Save profile").click()
    expect(as_member.locator(".nhsuk-error-summary")).to_have_count(0)
    _wait_for(lambda: MemberProfile.objects.get(user=member).visibility == "members")

    as_other.goto(directory)
    assert as_other.get_by_text("Sam Okafor").first.is_visible()
    assert as_other.get_by_text("Social prescribing link worker").first.is_visible()
    as_visitor.goto(directory)
    assert not as_visitor.get_by_text("Sam Okafor").count()

    as_member.goto("/profile/")
    as_member.get_by_label(re.compile(r"^Public")).check()
    as_member.get_by_role("button", name="Save profile").click()
    _wait_for(lambda: MemberProfile.objects.get(user=member).visibility == "public")
    as_visitor.goto(directory)
    assert as_visitor.get_by_text("Sam Okafor").first.is_visible()


def test_member_downloads_their_data_and_deletes_their_account(new_page):
    member = _new_member("Lee Hart")
    email = member.email
    page = new_page(user=member)
    page.goto("/profile/data/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download my data").click()
    data = json.loads(open(download.value.path(), encoding="utf-8").read())  # noqa: SIM115
    assert email in json.dumps(data)

    page.get_by_label("I understand this cannot be undone").check()
    page.get_by_role("button", name="Delete my account").click()
    _wait_for(lambda: not User.objects.filter(email=email).exists())
    assert not MemberProfile.objects.filter(name="Lee Hart").exists()
    page.goto("/profile/")
    assert "/accounts/login/" in page.url
    assert Client().get("/members/lee-hart/").status_code == 404
