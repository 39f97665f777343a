"""Members share reflections; nothing is public until a facilitator approves it."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from blog.models import BlogPage
from network.models import MemberProfile, Theme
from tests.factories import member_user

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Supervision that crosses organisations"


def reflection(**overrides):
    data = {
        "title": SECRET_TITLE,
        "summary": "What changed when trust and charity staff shared supervision.",
        "body": "## What we tried\n\nJoint **supervision** every month.\n\n- one\n- two",
        "themes": [Theme.objects.get(slug="supervision-culture").pk],
        "keywords": "supervision, culture",
        "audience": "public",
        "submit": "1",
    }
    data.update(overrides)
    return data


@pytest.fixture
def author(client, blog_index):
    user = member_user(email="author@example.org")
    MemberProfile.objects.create(user=user, name="Ade Author", visibility="public")
    client.force_login(user)
    return user


def visible_everywhere(client, title):
    """Whether the title shows up on each public channel, by channel name."""
    return {
        "listing": title in client.get("/blog/").content.decode(),
        "home": title in client.get("/").content.decode(),
        "theme page": title in client.get("/themes/supervision-culture/").content.decode(),
        "feed": title in client.get("/blog/rss/").content.decode(),
        "search": title in client.get("/search/", {"q": "supervision"}).content.decode(),
        "sitemap": "supervision-that-crosses" in client.get("/sitemap.xml").content.decode(),
        "author profile": title in client.get("/members/ade-author/").content.decode(),
    }


def workflow_action(client, post, action, comment=""):
    task_state = post.current_workflow_task_state
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(post.pk, action, task_state.pk)),
        {"comment": comment},
    )


def test_submitted_reflection_waits_unseen_for_review(client, author, home):
    response = client.post(reverse("share"), reflection())
    assert response.status_code == 302
    post = BlogPage.objects.get(title=SECRET_TITLE)
    assert not post.live
    assert post.workflow_in_progress
    assert post.current_workflow_state.workflow.name == "Facilitator review"
    assert [a.profile.name for a in post.authors.all()] == ["Ade Author"]
    mine = client.get(reverse("share-mine")).content.decode()
    assert SECRET_TITLE in mine
    assert "Awaiting review" in mine

    other_member = member_user()
    for viewer in (None, other_member, author):
        client.logout()
        if viewer:
            client.force_login(viewer)
        channels = visible_everywhere(client, SECRET_TITLE)
        if viewer == author:
            # Only in the author's own home, as one of their submissions.
            home_page = client.get("/").content.decode()
            assert home_page.count(SECRET_TITLE) == 1
            assert SECRET_TITLE in home_page.split('id="member-home-heading"')[1]
            channels.pop("home")
        assert not any(channels.values()), viewer
        assert client.get(f"/blog/{post.slug}/").status_code == 404


def test_changes_requested_then_resubmitted_then_approved(client, author, facilitator, home):
    client.post(reverse("share"), reflection())
    post = BlogPage.objects.get(title=SECRET_TITLE)

    client.force_login(facilitator)
    mail.outbox.clear()
    workflow_action(client, post, "reject", "Please remove the team name in paragraph two.")
    assert mail.outbox[-1].to == ["author@example.org"]
    assert "Please remove the team name" in mail.outbox[-1].body
    assert mail.outbox[-1].alternatives

    client.force_login(author)
    mine = client.get(reverse("share-mine")).content.decode()
    assert "Changes requested" in mine
    assert "Please remove the team name in paragraph two." in mine
    edit_url = reverse("share-edit", args=[post.pk])
    assert "Joint **supervision** every month." in client.get(edit_url).content.decode()
    response = client.post(edit_url, reflection(body="Joint supervision, names removed."))
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    client.force_login(facilitator)
    mail.outbox.clear()
    workflow_action(client, BlogPage.objects.get(pk=post.pk), "approve")
    post.refresh_from_db()
    assert post.live
    assert "names removed" in str(post.body[0].value)
    assert mail.outbox[-1].to == ["author@example.org"]
    assert "is published" in mail.outbox[-1].subject

    client.logout()
    assert all(visible_everywhere(client, SECRET_TITLE).values())
    page = client.get(post.url).content.decode()
    assert "<h2>What we tried</h2>" not in page  # the edited text replaced the first draft
    assert "names removed" in page


def test_rejected_reflection_tells_the_member_why_and_stays_unpublished(
    client, author, facilitator, home
):
    client.post(reverse("share"), reflection())
    post = BlogPage.objects.get(title=SECRET_TITLE)
    client.force_login(facilitator)
    mail.outbox.clear()
    response = workflow_action(client, post, "decline", "This names a service user.")
    assert response.status_code in (200, 302)
    post.refresh_from_db()
    assert not post.live
    assert post.rejected_at is not None
    assert [m.subject for m in mail.outbox] == [
        f"[Community Mental Health Network] Your reflection “{SECRET_TITLE}” was not published"
    ]
    client.force_login(author)
    mine = client.get(reverse("share-mine")).content.decode()
    assert "Rejected" in mine
    assert "This names a service user." in mine
    assert client.get(reverse("share-edit", args=[post.pk])).status_code == 404


def test_drafts_can_be_saved_and_submitted_later(client, author, home):
    data = reflection()
    del data["submit"]
    data["draft"] = "1"
    client.post(reverse("share"), data)
    post = BlogPage.objects.get(title=SECRET_TITLE)
    assert post.current_workflow_state is None
    assert "Draft" in client.get(reverse("share-mine")).content.decode()
    client.post(reverse("share-edit", args=[post.pk]), reflection())
    post.refresh_from_db()
    assert post.workflow_in_progress


def test_missing_theme_gets_a_clear_message_and_keeps_the_text(client, author):
    response = client.post(reverse("share"), reflection(themes=[]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose at least one CMHF theme." in html
    assert SECRET_TITLE in html
    assert "Joint **supervision** every month." in html
    assert not BlogPage.objects.filter(title=SECRET_TITLE).exists()


def test_possible_patient_details_warn_then_flag_for_facilitators(client, author):
    body = "We discussed Mr X, NHS number 943 476 5919, at the meeting."
    response = client.post(reverse("share"), reflection(body=body))
    assert response.status_code == 200
    html = response.content.decode()
    assert "valid NHS number" in html
    assert "943 476 5919" in html  # the text is kept for the author to edit
    assert not BlogPage.objects.filter(title=SECRET_TITLE).exists()

    client.post(reverse("share"), reflection(body=body, confirm_no_identifiers="on"))
    post = BlogPage.objects.get(title=SECRET_TITLE)
    assert post.safety_flags == ["nhs_number"]


def test_preview_shows_sanitised_markdown_without_saving(client, author):
    body = "**Bold** idea <script>alert(1)</script> [link](javascript:alert(1))"
    response = client.post(reverse("share"), reflection(body=body, preview="1", submit=""))
    html = response.content.decode()
    preview = html[html.index('id="preview-heading"') :]
    assert "<strong>Bold</strong>" in preview
    assert "<script>alert(1)</script>" not in preview
    assert 'href="javascript' not in preview
    assert not BlogPage.objects.exists()


def test_daily_limit_stops_a_flood_but_keeps_the_text(client, author, settings):
    settings.REFLECTIONS_PER_DAY = 1
    client.post(reverse("share"), reflection())
    response = client.post(reverse("share"), reflection(title="A second one today"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "the most the network allows" in html
    assert "A second one today" in html
    assert BlogPage.objects.count() == 1


def test_new_members_have_a_link_limit(client, author, settings):
    settings.NEW_MEMBER_LINK_LIMIT = 1
    body = "See https://one.example.org and https://two.example.org"
    response = client.post(reverse("share"), reflection(body=body))
    assert "can contain up to 1 link; this one has 2" in response.content.decode()


@pytest.mark.parametrize(
    ("body", "links"),
    [
        ("Read [the framework](https://www.england.nhs.uk/cmhf/) first.", 1),
        ("Two: [one](https://www.example.org/a) and <https://www.example.org/b>.", 2),
        ("Bare: https://www.example.org/a and www.example.org/b", 2),
        ("[dead](javascript:alert(1)) and [fine](https://example.org/)", 1),
        ("`https://in.code.example/` and ![alt](https://img.example/x.png)", 0),
    ],
)
def test_links_are_counted_as_a_reader_sees_them(body, links):
    from network.moderation.links import count_links

    assert count_links(body) == links


def test_a_new_member_posts_and_previews_one_ordinary_link(client, author, settings):
    """One Markdown link is one link, in the preview and when sent, at the default limit."""
    settings.NEW_MEMBER_LINK_LIMIT = 2
    body = "Our notes follow [the framework](https://www.england.nhs.uk/publication/cmhf/)."
    preview = client.post(reverse("share"), reflection(body=body, submit="", preview="1"))
    html = preview.content.decode()
    assert "can contain up to" not in html
    assert 'href="https://www.england.nhs.uk/publication/cmhf/"' in html
    response = client.post(reverse("share"), reflection(body=body))
    assert response.status_code == 302
    assert BlogPage.objects.filter(title=SECRET_TITLE).exists()


def test_members_cannot_edit_each_others_reflections(client, author, home):
    client.post(reverse("share"), reflection(submit="", draft="1"))
    post = BlogPage.objects.get(title=SECRET_TITLE)
    client.force_login(member_user())
    assert client.get(reverse("share-edit", args=[post.pk])).status_code == 404
    assert SECRET_TITLE not in client.get(reverse("share-mine")).content.decode()


def test_non_members_are_sent_to_apply(client, visitor):
    client.force_login(visitor)
    assert client.get(reverse("share")).url == reverse("join")
    client.logout()
    assert client.get(reverse("share")).url.startswith(reverse("account_login"))


def test_members_never_reach_the_wagtail_admin(client, author):
    response = client.get("/admin/")
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("account_login"))


def test_my_submissions_costs_the_same_queries_for_two_reflections_or_twelve(
    client, author, settings
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.REFLECTIONS_PER_DAY = 20
    sent = []

    def add(count):
        for _ in range(count):
            title = f"Reflection number {len(sent) + 1}"
            response = client.post(reverse("share"), reflection(title=title))
            assert response.status_code == 302
            sent.append(title)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            html = client.get(reverse("share-mine")).content.decode()
        assert html.count("Awaiting review") == len(sent)
        return len(captured)

    add(2)
    queries()  # the first request fills the site's own caches
    few = queries()
    add(10)
    queries()  # new reflections: what is kept per content version is read again
    assert queries() == few


def test_my_submissions_is_kept_for_its_own_reader_and_follows_each_decision(
    shared_cache, client, author, facilitator, home
):
    from django.test import Client

    from network.models import Notification, NotificationKind

    client.post(reverse("share"), reflection())
    client.get(reverse("share-mine"))  # shows the "sent" message, so is not kept
    first = client.get(reverse("share-mine"))
    assert first["X-Page-Cache"] == "miss"
    again = client.get(reverse("share-mine"))
    assert again["X-Page-Cache"] == "hit"
    assert "Awaiting review" in again.content.decode()
    assert "private" in again["Cache-Control"]

    # Another member's list is their own, kept apart from the author's.
    other = Client()
    other.force_login(member_user())
    for _ in range(2):
        theirs = other.get(reverse("share-mine")).content.decode()
        assert SECRET_TITLE not in theirs
        assert "You have not sent anything yet." in theirs

    # The unread count in the header is the reader's own, on a kept copy too.
    Notification.objects.create(
        user=author, kind=NotificationKind.FOLLOWED, key="n:1", title="New", url="/"
    )
    assert "1<span" in client.get(reverse("share-mine")).content.decode()

    # A facilitator's request for changes saves no page, yet shows at once.
    post = BlogPage.objects.get(title=SECRET_TITLE)
    facilitator_client = Client()
    facilitator_client.force_login(facilitator)
    workflow_action(facilitator_client, post, "reject", "Please take out the ward name.")
    mine = client.get(reverse("share-mine"))
    assert mine["X-Page-Cache"] == "miss"
    assert "Changes requested" in mine.content.decode()
    assert "Please take out the ward name." in mine.content.decode()
    assert client.get(reverse("share-mine"))["X-Page-Cache"] == "hit"
