"""Email digests and one-click unsubscribe, sent through a real SMTP server (aiosmtpd)."""

import datetime
import io
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from blog.models import BlogPage
from network.models import (
    Digest,
    DigestFrequency,
    DigestStatus,
    EmailPreferences,
    Follow,
    Immediate,
    Notification,
    Region,
    Theme,
)
from network.notifications import digests, unsubscribe
from tests.factories import (
    BlogPageFactory,
    CaseStudyPageFactory,
    EventPageFactory,
    ResourcePageFactory,
    UserFactory,
    member_user,
)
from tests.network.test_email_delivery import smtp_server  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db

WEEKLY = DigestFrequency.WEEKLY


def follow(user, thing):
    Follow.objects.create(
        user=user, content_type=ContentType.objects.get_for_model(type(thing)), object_id=thing.pk
    )


@pytest.fixture
def theme(home):
    return Theme.objects.get(slug="access-no-wrong-door")


@pytest.fixture
def content(blog_index, case_index, theme):
    """New this week in the theme: a public post, a members-only case study, a post hidden
    while reports are reviewed and a draft; and an older post outside the week."""
    public = BlogPageFactory(
        parent=blog_index, title="Open front door", taxonomy={"themes": [theme]}
    )
    members_only = CaseStudyPageFactory(
        parent=case_index,
        title="Shared caseload in Eastfield",
        audience="members",
        taxonomy={"themes": [theme]},
    )
    hidden = BlogPageFactory(parent=blog_index, title="Reported post", taxonomy={"themes": [theme]})
    BlogPage.objects.filter(pk=hidden.pk).update(hidden_for_review=True)
    BlogPageFactory(parent=blog_index, title="Draft idea", live=False, taxonomy={"themes": [theme]})
    old = BlogPageFactory(parent=blog_index, title="Last year", taxonomy={"themes": [theme]})
    BlogPage.objects.filter(pk=old.pk).update(
        first_published_at=timezone.now() - datetime.timedelta(days=30)
    )
    return {"public": public, "members_only": members_only}


def run_weekly(**options):
    return digests.run(WEEKLY, **options)


def bodies(message):
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    return text, html


def test_a_member_gets_what_is_new_in_what_they_follow(smtp_server, theme, content):  # noqa: F811
    member = member_user(email="mo@example.org")
    follow(member, theme)
    opened, report = run_weekly()
    assert (opened, report.sent) == (1, 1)

    [message] = smtp_server.to("mo@example.org")
    assert message["Subject"] == (
        "[Community Mental Health Network] Your weekly digest: 2 new in what you follow"
    )
    text, html = bodies(message)
    for body in (text, html):
        assert theme.name in body
        assert "Open front door" in body
        assert "Shared caseload in Eastfield" in body
        for absent in ("Reported post", "Draft idea", "Last year"):
            assert absent not in body
    assert f"http://testserver{content['public'].url}" in text
    assert "Case study" in text
    assert "Reflection" in text


def test_someone_no_longer_a_member_gets_no_members_only_content(
    smtp_server,  # noqa: F811
    theme,
    content,
):
    member = member_user(email="mo@example.org")
    follow(member, theme)
    digests.open_period(WEEKLY)
    member.groups.clear()  # membership ended after the period opened
    digests.send_pending(WEEKLY)
    assert smtp_server.to("mo@example.org") == []  # no longer a member: the digest is dropped
    assert Digest.objects.get(user=member).status == DigestStatus.EMPTY
    lapsed = UserFactory(email="lapsed@example.org")
    follow(lapsed, theme)
    run_weekly()
    assert smtp_server.all_recipients() == set()


def test_every_digest_carries_a_one_click_unsubscribe_that_works_signed_out(
    smtp_server,  # noqa: F811
    client,
    theme,
    content,
):
    member = member_user(email="mo@example.org")
    follow(member, theme)
    run_weekly()
    [message] = smtp_server.to("mo@example.org")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = re.fullmatch(
        r"<(http://testserver(/email/unsubscribe/[^>]+/))>", message["List-Unsubscribe"].strip()
    )
    assert link, message["List-Unsubscribe"]
    text, _html = bodies(message)
    assert link.group(1) in text
    assert "http://testserver/profile/emails/" in text

    page = client.get(link.group(2))  # opening the link changes nothing
    assert page.status_code == 200
    assert EmailPreferences.for_user(member).digest == WEEKLY
    response = client.post(link.group(2))  # what a mail program sends: no session, no CSRF
    assert response.status_code == 200
    assert "You are unsubscribed" in response.content.decode()
    assert EmailPreferences.objects.get(user=member).digest == DigestFrequency.NEVER


def test_a_tampered_unsubscribe_link_is_refused(client, home):
    member = member_user()
    token = unsubscribe.token(member, "digest")
    other = member_user()
    forged = token.replace(str(member.pk), str(other.pk))
    for bad in (token[:-2] + "xx", forged + "x", "nonsense"):
        response = client.post(reverse("email-unsubscribe", args=[bad]))
        assert response.status_code == 400
        assert "not valid" in response.content.decode()
    assert not EmailPreferences.objects.exists()


def test_no_email_to_a_member_who_chose_never(smtp_server, theme, content):  # noqa: F811
    member = member_user(email="mo@example.org")
    follow(member, theme)
    EmailPreferences.objects.create(user=member, digest=DigestFrequency.NEVER)
    daily = member_user(email="daily@example.org")
    follow(daily, theme)
    EmailPreferences.objects.create(user=daily, digest=DigestFrequency.DAILY)
    run_weekly()
    assert smtp_server.all_recipients() == set()
    digests.run(DigestFrequency.DAILY)
    assert smtp_server.all_recipients() == {"daily@example.org"}


def test_a_rerun_after_a_crash_sends_each_digest_exactly_once(
    smtp_server,  # noqa: F811
    theme,
    content,
):
    members = [member_user(email=f"member{n}@example.org") for n in range(6)]
    for member in members:
        follow(member, theme)

    class CrashError(Exception):
        pass

    sent = []

    def crash_halfway(digest):
        sent.append(digest.pk)
        if len(sent) == 3:
            raise CrashError

    with pytest.raises(CrashError):
        run_weekly(after_send=crash_halfway, batch_size=2)
    assert len(smtp_server.received) == 3
    call_command("send_digests", "--weekly", stdout=io.StringIO())
    call_command("send_digests", "--weekly", stdout=io.StringIO())
    for member in members:
        assert len(smtp_server.to(member.email)) == 1, member.email
    assert Digest.objects.filter(status=DigestStatus.SENT).count() == 6


def test_a_refused_digest_is_retried_later_and_others_still_go(
    smtp_server,  # noqa: F811
    theme,
    content,
):
    refused = member_user(email="full@example.org")
    fine = member_user(email="fine@example.org")
    for member in (refused, fine):
        follow(member, theme)
    smtp_server.refuse.add("full@example.org")
    _opened, report = run_weekly()
    assert (report.sent, report.retrying) == (1, 1)
    assert len(smtp_server.to("fine@example.org")) == 1
    waiting = Digest.objects.get(user=refused)
    assert waiting.status == DigestStatus.PENDING
    assert waiting.attempts == 1
    assert waiting.next_attempt_at > timezone.now()

    digests.send_pending(WEEKLY)  # too soon: not tried again yet
    assert Digest.objects.get(user=refused).attempts == 1
    smtp_server.refuse.clear()
    later = waiting.next_attempt_at + datetime.timedelta(seconds=1)
    report = digests.send_pending(WEEKLY, now=later)
    assert report.sent == 1
    assert len(smtp_server.to("full@example.org")) == 1
    assert len(smtp_server.to("fine@example.org")) == 1


def test_the_next_digest_starts_where_the_last_one_ended(
    smtp_server,  # noqa: F811
    theme,
    content,
    blog_index,
):
    member = member_user(email="mo@example.org")
    follow(member, theme)
    run_weekly()
    BlogPageFactory(parent=blog_index, title="After the digest", taxonomy={"themes": [theme]})
    next_week = timezone.now() + datetime.timedelta(days=7)
    digests.run(WEEKLY, now=next_week)
    first, second = smtp_server.to("mo@example.org")
    assert "Open front door" in bodies(first)[0]
    text = bodies(second)[0]
    assert "After the digest" in text
    assert "Open front door" not in text


def test_building_digests_costs_the_same_queries_for_ten_members_or_sixty(
    home, blog_index, case_index
):
    themes = list(Theme.objects.all()[:10])
    for number in range(12):
        BlogPageFactory(parent=blog_index, taxonomy={"themes": themes[number % 10 :][:2]})
    CaseStudyPageFactory(parent=case_index, taxonomy={"themes": themes[:3]})

    def queries_for(count):
        Digest.objects.all().delete()
        users = [member_user() for _ in range(count)]
        for user in users:
            for theme in themes:
                follow(user, theme)
        digests.open_period(WEEKLY)
        batch = list(Digest.objects.filter(user__in=users))
        with CaptureQueriesContext(connection) as captured:
            built = digests.build(batch)
        assert len(built) == count
        assert all(result.items == 13 for result in built)
        return len(captured)

    queries_for(10)  # the first build reads what is kept per content version
    few, many = queries_for(10), queries_for(60)
    assert few == many
    # A handful per batch and one per kind of content (17 on SQLite with four kinds, two
    # more on PostgreSQL), never one per member.
    assert many <= 15 + len(digests._sources)


SOURCES = {
    "blog": ("blog_index", BlogPageFactory),
    "casestudies": ("case_index", CaseStudyPageFactory),
    "events": ("event_index", EventPageFactory),
    "resources": ("resource_index", ResourcePageFactory),
}


@pytest.mark.parametrize("source", SOURCES)
def test_each_kind_offers_what_readers_can_find_first_published_in_the_window(
    request, source, theme
):
    index_fixture, factory = SOURCES[source]
    index = request.getfixturevalue(index_fixture)
    region = Region.objects.first()
    for _ in range(3):
        factory(parent=index, title="New this week", region=region, taxonomy={"themes": [theme]})
    factory(parent=index, title="Still a draft", live=False)
    older = factory(parent=index, title="Last month")
    type(older).objects.filter(pk=older.pk).update(
        first_published_at=timezone.now() - datetime.timedelta(days=30)
    )
    behind = factory(parent=index, title="Behind a password")
    PageViewRestriction.objects.create(page=behind, restriction_type="password", password="x")
    end = timezone.now()

    with CaptureQueriesContext(connection) as captured:
        found = list(digests._sources[source](end - datetime.timedelta(days=7), end))
        targets = [target for page in found for target in page.followed_targets()]
    assert [page.title for page in found] == ["New this week"] * 3
    assert theme in targets
    assert region in targets
    # The page and each thing it can be followed by, fetched together: never a query a page.
    assert len(captured) <= 5


def test_a_post_hidden_while_reports_are_reviewed_is_in_no_digest(blog_index, theme):
    hidden = BlogPageFactory(parent=blog_index, title="Reported post")
    hidden.hide_for_review(True)
    end = timezone.now()
    assert list(BlogPage.objects.published_between(end - datetime.timedelta(days=1), end)) == []


# Immediate emails respect the same choices ---------------------------------------------


def test_decision_and_reply_emails_carry_their_own_unsubscribe(
    smtp_server,  # noqa: F811
    client,
    home,
    facilitator,
):
    from tests.factories import MembershipApplicationFactory

    application = MembershipApplicationFactory(user=UserFactory(email="ana@example.org"))
    client.force_login(facilitator)
    client.post(
        reverse("membership_applications:decide", args=[application.pk]),
        {"decision": "approve", "message": ""},
    )
    [welcome] = smtp_server.to("ana@example.org")
    assert welcome["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    path = re.search(r"/email/unsubscribe/[^>]+/", welcome["List-Unsubscribe"]).group(0)
    client.logout()
    client.post(path)
    assert EmailPreferences.objects.get(user=application.user).decisions == Immediate.NEVER
    assert Notification.objects.filter(user=application.user).count() == 1

    second = MembershipApplicationFactory(user=application.user)
    client.force_login(facilitator)
    client.post(
        reverse("membership_applications:decide", args=[second.pk]),
        {"decision": "decline", "message": "Already a member."},
    )
    assert len(smtp_server.to("ana@example.org")) == 1  # chose never: told in the site only
    assert Notification.objects.filter(user=application.user).count() == 2


def test_members_choose_which_emails_they_get(member_client, member, home):
    page = member_client.get(reverse("email-preferences")).content.decode()
    assert "A weekly digest" in page
    response = member_client.post(
        reverse("email-preferences"),
        {"decisions": "at-once", "replies": "never", "digest": "daily"},
    )
    assert response.status_code == 302
    preferences = EmailPreferences.objects.get(user=member)
    assert (preferences.replies, preferences.digest) == ("never", "daily")
    response = member_client.post(reverse("email-preferences"), {"digest": "hourly"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


# The schedule -------------------------------------------------------------------------


def test_the_schedule_runs_at_seven_each_day_and_each_monday():
    from zoneinfo import ZoneInfo

    london = ZoneInfo("Europe/London")
    tuesday_night = datetime.datetime(2026, 12, 1, 22, 0, tzinfo=london)
    assert digests.next_run(DigestFrequency.DAILY, tuesday_night) == datetime.datetime(
        2026, 12, 2, 7, 0, tzinfo=london
    )
    assert digests.next_run(DigestFrequency.WEEKLY, tuesday_night) == datetime.datetime(
        2026, 12, 7, 7, 0, tzinfo=london
    )
    monday_early = datetime.datetime(2026, 12, 7, 6, 0, tzinfo=london)
    assert digests.next_run(DigestFrequency.WEEKLY, monday_early).day == 7


def test_scheduling_queues_the_run_on_the_worker(db):
    from django.test import override_settings
    from django_tasks_db.models import DBTaskResult

    from tests.network.test_notifications import DATABASE_TASKS

    with pytest.raises(Exception, match="cannot run tasks later"):
        call_command("send_digests", "--daily", "--schedule", stdout=io.StringIO())
    with override_settings(TASKS=DATABASE_TASKS):
        out = io.StringIO()
        call_command("send_digests", "--weekly", "--schedule", stdout=out)
        assert "queued for Monday" in out.getvalue()
        task = DBTaskResult.objects.get()
        assert task.args_kwargs["args"] == ["weekly"]
        assert task.run_after > timezone.now()


def test_a_digest_still_being_retried_is_not_repeated_by_the_next_one(
    smtp_server,  # noqa: F811
    theme,
    content,
):
    member = member_user(email="mo@example.org")
    follow(member, theme)
    smtp_server.refuse.add("mo@example.org")
    run_weekly()
    smtp_server.refuse.clear()
    next_week = timezone.now() + datetime.timedelta(days=7)
    digests.run(WEEKLY, now=next_week)
    received = smtp_server.to("mo@example.org")
    assert len(received) == 1  # the retried digest; the new week had nothing new
    assert Digest.objects.get(status=DigestStatus.EMPTY).covers_from == (
        Digest.objects.get(status=DigestStatus.SENT).covers_until
    )


def test_unsubscribing_after_a_period_opens_stops_its_digest(
    smtp_server,  # noqa: F811
    client,
    theme,
    content,
):
    member = member_user(email="mo@example.org")
    follow(member, theme)
    digests.open_period(WEEKLY)
    client.post(reverse("email-unsubscribe", args=[unsubscribe.token(member, "digest")]))
    digests.send_pending(WEEKLY)
    assert smtp_server.to("mo@example.org") == []


def test_a_digest_another_run_is_sending_is_left_alone(
    smtp_server,  # noqa: F811
    theme,
    content,
):
    member = member_user(email="mo@example.org")
    follow(member, theme)
    digests.open_period(WEEKLY)
    digest = Digest.objects.get()
    assert digests._claim(digest, timezone.now())  # another run has taken it
    digests.send_pending(WEEKLY)
    assert smtp_server.to("mo@example.org") == []
    later = timezone.now() + digests.CLAIM + datetime.timedelta(seconds=1)
    digests.send_pending(WEEKLY, now=later)  # that run died: the digest is freed
    assert len(smtp_server.to("mo@example.org")) == 1


def test_a_digest_sent_by_hand_links_where_the_site_answers(smtp_server, theme, content, settings):  # noqa: F811
    """Run from a shell whose SITE_URL is unset (the default port 8000) while the site
    answers elsewhere: the links follow the Wagtail Site, as pages do, and the command
    says where they go and that SITE_URL disagrees."""
    settings.WAGTAILADMIN_BASE_URL = "https://network.example.org"
    call_command("set_site_url", stdout=io.StringIO())
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    member = member_user(email="by-hand@example.org")
    follow(member, theme)

    out = io.StringIO()
    call_command("send_digests", "--weekly", stdout=out)

    [message] = smtp_server.to("by-hand@example.org")
    text, html = bodies(message)
    links = re.findall(r"https?://[^\s\"'<>)]+", text + html)
    assert f"https://network.example.org{content['public'].url}" in links
    ours = [link for link in links if "127.0.0.1" in link or "network.example.org" in link]
    assert ours
    assert all(link.startswith("https://network.example.org/") for link in ours), ours
    assert "Links in these emails go to https://network.example.org/" in out.getvalue()
    assert "SITE_URL here says http://127.0.0.1:8000/" in out.getvalue()
