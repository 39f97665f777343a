"""Following themes, sectors, regions, series and members, and the notifications it brings."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from blog.models import BlogPage
from network.models import (
    Follow,
    MemberProfile,
    Notification,
    NotificationKind,
    Region,
    Sector,
    Theme,
)
from network.notifications import notices
from tests.factories import (
    BlogPageFactory,
    BlogSeriesFactory,
    CaseStudyPageFactory,
    MemberProfileFactory,
    UserFactory,
    member_user,
)

pytestmark = pytest.mark.django_db


def follow_url(kind, thing):
    return reverse("follow", args=[kind, thing.pk])


def follows_of(user):
    return {(f.content_type.model, f.object_id) for f in Follow.objects.filter(user=user)}


# Following and unfollowing -------------------------------------------------------------


def test_a_member_follows_a_theme_from_its_page_and_stops_from_the_following_page(
    member_client, member, home
):
    theme = Theme.objects.get(slug="access-no-wrong-door")
    page = member_client.get(theme.get_absolute_url()).content.decode()
    assert f'action="{follow_url("theme", theme)}"' in page
    assert f'>Follow<span class="nhsuk-u-visually-hidden"> {theme.name}</span>' in page

    response = member_client.post(follow_url("theme", theme), {"next": theme.get_absolute_url()})
    assert response.status_code == 302
    assert response["Location"] == theme.get_absolute_url()
    assert follows_of(member) == {("theme", theme.pk)}
    member_client.post(follow_url("theme", theme))  # twice is still one follow
    assert Follow.objects.filter(user=member).count() == 1
    page = member_client.get(theme.get_absolute_url()).content.decode()
    assert f"You follow {theme.name}." in page

    listing = member_client.get(reverse("following")).content.decode()
    assert "CMHF themes" in listing
    assert theme.name in listing
    member_client.post(follow_url("theme", theme), {"action": "unfollow"})
    assert follows_of(member) == set()
    assert (
        "You do not follow anything yet."
        in member_client.get(reverse("following")).content.decode()
    )


def test_every_kind_can_be_followed(member_client, member, blog_index):
    theme, sector, region = Theme.objects.first(), Sector.objects.first(), Region.objects.first()
    series = BlogSeriesFactory()
    profile = MemberProfileFactory(visibility="members")
    for kind, thing in (
        ("theme", theme),
        ("sector", sector),
        ("region", region),
        ("series", series),
        ("member", profile),
    ):
        assert member_client.post(follow_url(kind, thing)).status_code == 302, kind
    assert follows_of(member) == {
        ("theme", theme.pk),
        ("sector", sector.pk),
        ("region", region.pk),
        ("blogseries", series.pk),
        ("memberprofile", profile.pk),
    }
    listing = member_client.get(reverse("following")).content.decode()
    for heading in ("CMHF themes", "Sectors", "Regions", "Blog series", "Members"):
        assert heading in listing


def test_a_series_is_followed_from_a_post_in_it(member_client, blog_index):
    series = BlogSeriesFactory(title="Learning from the pilots")
    post = BlogPageFactory(parent=blog_index, series=series, series_part=1)
    page = member_client.get(post.url).content.decode()
    assert f'action="{follow_url("series", series)}"' in page


def test_visitors_and_applicants_are_asked_to_join_instead(client, home):
    theme = Theme.objects.first()
    page = client.get(theme.get_absolute_url()).content.decode()
    assert follow_url("theme", theme) not in page
    assert "Members can follow" in page
    response = client.post(follow_url("theme", theme))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]

    applicant = UserFactory()
    client.force_login(applicant)
    assert "Apply to join the network" in client.get(theme.get_absolute_url()).content.decode()
    response = client.post(follow_url("theme", theme))
    assert response["Location"] == reverse("join")
    assert not Follow.objects.exists()


def test_nothing_unknown_or_unseen_can_be_followed(member_client, home):
    hidden = MemberProfileFactory(visibility="hidden")
    theme = Theme.objects.first()
    assert member_client.post(f"/follow/nonsense/{theme.pk}/").status_code == 404
    assert member_client.post(follow_url("member", hidden)).status_code == 404
    assert member_client.post(f"/follow/theme/{10**30}/").status_code == 404
    assert member_client.get(follow_url("theme", theme)).status_code == 405
    assert not Follow.objects.exists()


def test_a_next_address_off_the_site_is_not_followed(member_client, home):
    theme = Theme.objects.first()
    response = member_client.post(follow_url("theme", theme), {"next": "https://evil.example/"})
    assert response["Location"] == reverse("following")


# Who hears of what ---------------------------------------------------------------------


@pytest.fixture
def people(home, blog_index, case_index):
    """An author, a follower of each kind, a follower who is no longer a member, and a
    member who follows nothing."""
    theme = Theme.objects.get(slug="access-no-wrong-door")
    author = member_user(email="author@example.org")
    profile = MemberProfile.objects.create(user=author, name="Ade Author", visibility="public")
    series = BlogSeriesFactory()
    by_theme = member_user(email="theme@example.org")
    by_author = member_user(email="fan@example.org")
    by_series = member_user(email="series@example.org")
    lapsed = UserFactory(email="lapsed@example.org")  # followed, then left the network
    bystander = member_user(email="bystander@example.org")
    for user, thing in (
        (by_theme, theme),
        (by_author, profile),
        (by_series, series),
        (lapsed, theme),
        (author, theme),
    ):
        Follow.objects.create(
            user=user,
            content_type=ContentType.objects.get_for_model(type(thing)),
            object_id=thing.pk,
        )
    return {
        "theme": theme,
        "author": author,
        "profile": profile,
        "series": series,
        "by_theme": by_theme,
        "by_author": by_author,
        "by_series": by_series,
        "lapsed": lapsed,
        "bystander": bystander,
    }


def told(kind):
    return sorted(Notification.objects.filter(kind=kind).values_list("user__email", flat=True))


def test_a_new_post_tells_each_follower_once_and_nobody_else(
    people, blog_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post = BlogPageFactory(
            parent=blog_index,
            title="Front door in Northvale",
            series=people["series"],
            series_part=1,
            authors=[people["profile"]],
            taxonomy={"themes": [people["theme"]]},
        )
    assert told(NotificationKind.FOLLOWED) == [
        "fan@example.org",
        "series@example.org",
        "theme@example.org",
    ]
    notification = Notification.objects.get(user=people["by_theme"])
    assert notification.title == "New: “Front door in Northvale”"
    assert notification.url == post.url

    # Publishing an edit, or telling again, tells no one twice.
    with django_capture_on_commit_callbacks(execute=True):
        post.save_revision().publish()
    notices.tell_followers(BlogPage.objects.get(pk=post.pk))
    assert Notification.objects.filter(kind=NotificationKind.FOLLOWED).count() == 3


def test_members_only_hidden_and_draft_content_reaches_only_who_may_see_it(
    people, blog_index, case_index, django_capture_on_commit_callbacks
):
    theme = people["theme"]
    with django_capture_on_commit_callbacks(execute=True):
        members_only = CaseStudyPageFactory(
            parent=case_index, audience="members", taxonomy={"themes": [theme]}
        )
        draft = BlogPageFactory(parent=blog_index, live=False, taxonomy={"themes": [theme]})
    assert told(NotificationKind.FOLLOWED) == ["author@example.org", "theme@example.org"]
    assert not Notification.objects.filter(key=f"published:{draft.pk}").exists()

    hidden = BlogPageFactory(parent=blog_index, taxonomy={"themes": [theme]})
    Notification.objects.filter(key=f"published:{hidden.pk}").delete()
    BlogPage.objects.filter(pk=hidden.pk).update(hidden_for_review=True)
    notices.tell_followers(BlogPage.objects.get(pk=hidden.pk))
    assert not Notification.objects.filter(key=f"published:{hidden.pk}").exists()
    assert Notification.objects.filter(key=f"published:{members_only.pk}").count() == 2


def test_a_comment_tells_the_author_and_earlier_commenters(
    people, blog_index, client, django_capture_on_commit_callbacks
):
    from network.models import Comment, CommentStatus
    from network.moderation.discussion import add_comment

    post = BlogPageFactory(parent=blog_index, authors=[people["profile"]])
    Notification.objects.all().delete()
    earlier = people["bystander"]
    Comment.objects.create(page=post, author=earlier, body="First!", status="published")
    writer = people["by_theme"]
    Comment.objects.create(page=post, author=writer, body="Old", status=CommentStatus.PUBLISHED)
    Comment.objects.create(page=post, author=writer, body="Older", status=CommentStatus.PUBLISHED)
    with django_capture_on_commit_callbacks(execute=True):
        comment = add_comment(writer, post, "We tried this too.")
    assert comment.status == CommentStatus.PUBLISHED
    assert told(NotificationKind.COMMENT) == ["author@example.org"]
    assert told(NotificationKind.REPLY) == ["bystander@example.org"]
    assert Notification.objects.get(kind=NotificationKind.COMMENT).url.endswith(
        f"#comment-{comment.pk}"
    )


def test_a_held_comment_tells_no_one_until_a_facilitator_publishes_it(
    people, blog_index, facilitator, client, django_capture_on_commit_callbacks
):
    from network.models import CommentStatus
    from network.moderation.discussion import add_comment

    post = BlogPageFactory(parent=blog_index, authors=[people["profile"]])
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        comment = add_comment(people["bystander"], post, "New here: a question.")
    assert comment.status == CommentStatus.PENDING
    assert not Notification.objects.exists()
    client.force_login(facilitator)
    client.post(reverse("moderation_comment", args=[comment.pk]), {"decision": "publish"})
    assert told(NotificationKind.COMMENT) == ["author@example.org"]
    client.post(reverse("moderation_comment", args=[comment.pk]), {"decision": "publish"})
    assert Notification.objects.count() == 1


def test_membership_decisions_are_told_to_the_applicant(client, home, facilitator):
    from tests.factories import MembershipApplicationFactory

    approved = MembershipApplicationFactory()
    declined = MembershipApplicationFactory()
    client.force_login(facilitator)
    decide = "membership_applications:decide"
    client.post(reverse(decide, args=[approved.pk]), {"decision": "approve", "message": ""})
    client.post(
        reverse(decide, args=[declined.pk]),
        {"decision": "decline", "message": "Please apply with your work address."},
    )
    assert list(
        Notification.objects.filter(kind=NotificationKind.MEMBERSHIP).values_list(
            "user_id", "title"
        )
    ) == [
        (declined.user_id, "Your application to join the network was declined"),
        (approved.user_id, "Your application is approved: welcome to the network"),
    ]


# The notifications page and the header -------------------------------------------------


def test_the_header_counts_unread_and_the_page_marks_them_read(member_client, member, home):
    for number in range(3):
        Notification.objects.create(
            user=member,
            kind=NotificationKind.FOLLOWED,
            key=f"published:{number}",
            title=f"New: “Post {number}”",
            url="/blog/",
        )
    Notification.objects.create(
        user=member_user(), kind=NotificationKind.FOLLOWED, key="x", title="Someone else's"
    )
    page = member_client.get("/").content.decode()
    assert '>Notifications <span class="network-count">3<' in page

    listing = member_client.get(reverse("notifications")).content.decode()
    assert "3 unread." in listing
    assert "Someone else" not in listing
    assert listing.index("Post 2") < listing.index("Post 0")  # newest first

    first = Notification.objects.filter(user=member).order_by("pk").first()
    response = member_client.get(reverse("notification-open", args=[first.pk]))
    assert response["Location"] == "/blog/"
    assert "2 unread." in member_client.get(reverse("notifications")).content.decode()

    second = Notification.objects.filter(user=member, read_at__isnull=True).first()
    member_client.post(reverse("notifications-read"), {"notification": second.pk})
    assert Notification.objects.filter(user=member).unread().count() == 1
    member_client.post(reverse("notifications-read"))
    assert Notification.objects.filter(user=member).unread().count() == 0
    assert "network-count" not in member_client.get("/").content.decode()
    assert Notification.objects.filter(read_at__isnull=True).count() == 1  # not theirs


def test_nobody_opens_or_marks_anothers_notifications(member_client, home):
    theirs = Notification.objects.create(
        user=member_user(), kind=NotificationKind.FOLLOWED, key="x", title="Theirs"
    )
    assert member_client.get(reverse("notification-open", args=[theirs.pk])).status_code == 404
    member_client.post(reverse("notifications-read"), {"notification": theirs.pk})
    member_client.post(reverse("notifications-read"), {"notification": "not-a-number"})
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_the_notifications_page_needs_a_sign_in(client, home):
    response = client.get(reverse("notifications"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_facilitators_see_followers_beside_case_studies(facilitator_client, member, case_index):
    theme = Theme.objects.get(slug="access-no-wrong-door")
    Follow.objects.create(
        user=member, content_type=ContentType.objects.get_for_model(Theme), object_id=theme.pk
    )
    html = facilitator_client.get("/admin/").content.decode()
    assert "Interest and evidence" in html
    start = html.index('id="interest-heading"')
    row = html[html.index(theme.name, start) :][:200]
    assert "<td>1</td><td>0 <strong>(none yet)</strong></td>" in row


def test_what_a_member_follows_and_is_told_is_in_their_data_download(member_client, member):
    theme = Theme.objects.get(slug="access-no-wrong-door")
    member_client.post(follow_url("theme", theme))
    Notification.objects.create(
        user=member, kind=NotificationKind.FOLLOWED, key="k", title="New: “Open door”"
    )
    data = member_client.get(reverse("my-data-download")).json()
    assert data["following"] == [{"kind": "CMHF themes", "name": theme.name}]
    assert data["notifications"][0]["title"] == "New: “Open door”"
    assert data["email_preferences"] == {
        "decisions": "at-once",
        "replies": "at-once",
        "digest": "weekly",
    }


def test_a_deleted_profile_takes_its_follows_with_it(member_client, member):
    profile = MemberProfileFactory()
    member_client.post(follow_url("member", profile))
    assert Follow.objects.count() == 1
    profile.delete()
    assert not Follow.objects.exists()


def test_a_hidden_profile_is_never_named_to_its_followers(
    people, blog_index, django_capture_on_commit_callbacks
):
    people["profile"].visibility = "hidden"
    people["profile"].save()
    with django_capture_on_commit_callbacks(execute=True):
        BlogPageFactory(parent=blog_index, authors=[people["profile"]])
    assert not Notification.objects.filter(user=people["by_author"]).exists()
    assert not Notification.objects.filter(text__contains="Ade Author").exists()


def test_a_hidden_profile_can_still_be_unfollowed(member_client, member):
    profile = MemberProfileFactory(visibility="members")
    member_client.post(follow_url("member", profile))
    profile.visibility = "hidden"
    profile.save()
    listing = member_client.get(reverse("following")).content.decode()
    assert follow_url("member", profile) not in listing
    response = member_client.post(follow_url("member", profile), {"action": "unfollow"})
    assert response.status_code == 302
    assert not Follow.objects.exists()


def test_commenters_are_named_as_each_reader_may_see_them(
    people, blog_index, django_capture_on_commit_callbacks
):
    from network.models import Comment
    from network.moderation.discussion import add_comment

    post = BlogPageFactory(parent=blog_index, authors=[people["profile"]])
    writer = people["by_theme"]
    MemberProfile.objects.create(user=writer, name="Private Pat", visibility="hidden")
    Comment.objects.create(page=post, author=writer, body="Earlier", status="published")
    Comment.objects.create(page=post, author=writer, body="Earlier 2", status="published")
    with django_capture_on_commit_callbacks(execute=True):
        add_comment(writer, post, "We tried this too.")
    [told] = Notification.objects.filter(kind=NotificationKind.COMMENT)
    assert told.title == "A network member commented on “" + post.title + "”"


def test_hiding_a_comment_or_a_post_takes_back_what_was_told(
    people, blog_index, facilitator, client
):
    from network.models import Comment
    from network.moderation.discussion import hide_reported

    post = BlogPageFactory(parent=blog_index, authors=[people["profile"]])
    comment = Comment.objects.create(page=post, author=people["bystander"], body="Hm")
    notices.comment_published(comment)
    notices.tell_followers(BlogPage.objects.get(pk=post.pk))
    assert Notification.objects.filter(key=f"comment:{comment.pk}").exists()
    client.force_login(facilitator)
    client.post(reverse("moderation_comment", args=[comment.pk]), {"decision": "hide"})
    assert not Notification.objects.filter(key=f"comment:{comment.pk}").exists()
    notices.tell_followers(BlogPage.objects.get(pk=post.pk))
    assert Notification.objects.filter(key=f"published:{post.pk}").exists()
    hide_reported(page=post)
    assert not Notification.objects.filter(key=f"published:{post.pk}").exists()


def test_unpublishing_takes_back_what_followers_were_told(
    people, blog_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post = BlogPageFactory(parent=blog_index, taxonomy={"themes": [people["theme"]]})
    assert Notification.objects.filter(key=f"published:{post.pk}").exists()
    post.unpublish()
    assert not Notification.objects.filter(key=f"published:{post.pk}").exists()


def test_odd_notification_numbers_are_refused_plainly(member_client, home):
    for odd in ("²", "-1", "1e5", "9" * 40):
        response = member_client.post(reverse("notifications-read"), {"notification": odd})
        assert response.status_code == 302, odd


@pytest.mark.parametrize("word", ["never", "following", "home"])
def test_a_bare_word_as_next_falls_back_to_the_default_page(member_client, home, word):
    """redirect() reads a bare word as a URL name: it must never reach it."""
    theme = Theme.objects.get(slug="co-production")

    followed = member_client.post(reverse("follow", args=["theme", theme.pk]), {"next": word})
    read = member_client.post(reverse("notifications-read"), {"next": word})

    assert followed.status_code == 302
    assert followed["Location"] == reverse("following")
    assert read.status_code == 302
    assert read["Location"] == reverse("notifications")
    assert Follow.objects.filter(object_id=theme.pk).exists()  # the change still applies


@pytest.mark.parametrize("how", ["former member", "inactive account"])
def test_someone_who_left_is_shown_only_what_is_about_themselves(client, home, how):
    """What they were told as a member may name members-only content: it is decided now."""
    left = member_user()
    Notification.objects.create(
        user=left,
        kind=NotificationKind.FOLLOWED,
        key="published:1",
        title="New: “Members-only commissioning template”",
        url="/resources/template/",
    )
    Notification.objects.create(
        user=left,
        kind=NotificationKind.MEMBERSHIP,
        key="membership:1",
        title="Your application to join was approved",
    )
    client.force_login(left)
    assert (
        "Members-only commissioning template"
        in client.get(reverse("notifications")).content.decode()
    )

    if how == "former member":
        left.groups.clear()
    else:
        left.is_active = False
        left.save(update_fields=["is_active"])
        client.force_login(left)  # an inactive account's session is ended; look as it would

    listing = Notification.objects.for_member(left)
    assert [n.kind for n in listing] == [NotificationKind.MEMBERSHIP]
    if how == "former member":
        html = client.get(reverse("notifications")).content.decode()
        assert "Members-only commissioning template" not in html
        assert "Your application to join was approved" in html
        hidden = Notification.objects.get(user=left, kind=NotificationKind.FOLLOWED)
        assert client.get(reverse("notification-open", args=[hidden.pk])).status_code == 404
