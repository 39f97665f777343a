"""Where a comment shows up: held and hidden comments stay out of every public channel."""

import pytest
from django.urls import reverse

from network.models import Comment, CommentStatus, MemberProfile, Theme
from tests.factories import BlogPageFactory, member_user

pytestmark = pytest.mark.django_db

HELD = "Quillfeather notes from our crisis cafe visit."
HIDDEN = "Marrowbank remarks that a facilitator took down."
KEYWORDS = {HELD: "Quillfeather", HIDDEN: "Marrowbank"}
WAITING = "Waiting for a facilitator"


@pytest.fixture
def theme():
    return Theme.objects.get(slug="supervision-culture")


@pytest.fixture
def post(blog_index, theme):
    return BlogPageFactory(
        parent=blog_index, title="Crisis cafes in practice", taxonomy={"themes": [theme]}
    )


@pytest.fixture
def people(facilitator):
    author = member_user(email="commenter@example.org")
    MemberProfile.objects.create(user=author, name="Cara Commenter", visibility="public")
    return {
        "anonymous": None,
        "other member": member_user(email="reader@example.org"),
        "facilitator": facilitator,
        "author": author,
    }


def view_as(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client


def comment_block(html, comment):
    start = html.index(f'id="comment-{comment.pk}"')
    return html[start : html.index("</article>", start)]


def fetch(client, path, data=None):
    response = client.get(path, data)
    assert response.status_code == 200, path
    return response.content.decode()


def channels(client, text, theme):
    """The text of every channel other than the post page, by name."""
    return {
        "home": fetch(client, "/"),
        "blog listing": fetch(client, "/blog/"),
        "theme page": fetch(client, f"/themes/{theme.slug}/"),
        "rss": fetch(client, "/blog/rss/"),
        "atom": fetch(client, "/blog/atom/"),
        "theme feed": fetch(client, f"/blog/themes/{theme.slug}/rss/"),
        "search": fetch(client, "/search/", {"q": KEYWORDS[text]}),
        "sitemap": fetch(client, "/sitemap.xml"),
    }


def assert_in_no_channel(client, text, theme, post, who):
    found = channels(client, text, theme)
    for name, content in found.items():
        assert text not in content, f"{who} sees the comment in the {name}"
        if name not in {"search", "sitemap"}:  # the post itself is there, its comments not
            assert post.title in content, f"{name} should list the post"
    assert post.url not in found["search"], f"{who} finds the post by the comment's words"
    assert post.url in fetch(client, "/search/", {"q": "crisis cafes"})  # search does work
    assert post.slug in found["sitemap"]
    assert "#comment" not in found["sitemap"]


def post_comment(client, post, author, body):
    view_as(client, author)
    response = client.post(reverse("comment-create", args=[post.pk]), {"body": body})
    assert response.status_code == 302
    return Comment.objects.get(body=body)


def test_held_comment_is_seen_only_by_its_author_marked_as_waiting(client, post, people, theme):
    comment = post_comment(client, post, people["author"], HELD)
    assert comment.status == CommentStatus.PENDING

    for who, user in people.items():
        html = view_as(client, user).get(post.url).content.decode()
        if who == "author":
            assert HELD in html
            assert WAITING in comment_block(html, comment)
        else:
            assert HELD not in html, f"{who} sees a held comment on the post"
            assert f'id="comment-{comment.pk}"' not in html
        assert_in_no_channel(client, HELD, theme, post, who)


def test_held_comment_is_in_the_facilitators_queue(client, post, people):
    post_comment(client, post, people["author"], HELD)
    queue = view_as(client, people["facilitator"]).get(reverse("moderation_queue"))
    assert HELD in queue.content.decode()


def test_hidden_comment_appears_nowhere(client, post, people, theme, settings):
    settings.COMMENTS_HELD_UNTIL = 0  # published at once, then taken down
    comment = post_comment(client, post, people["author"], HIDDEN)
    assert comment.status == CommentStatus.PUBLISHED
    assert HIDDEN in view_as(client, None).get(post.url).content.decode()

    response = view_as(client, people["facilitator"]).post(
        reverse("moderation_comment", args=[comment.pk]), {"decision": "hide"}
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == CommentStatus.HIDDEN

    for who, user in people.items():
        html = view_as(client, user).get(post.url).content.decode()
        assert HIDDEN not in html, f"{who} sees a hidden comment on the post"
        assert_in_no_channel(client, HIDDEN, theme, post, who)
    view_as(client, people["other member"])
    assert client.get(reverse("report-comment", args=[comment.pk])).status_code == 404


def test_held_then_hidden_comment_disappears_for_its_author_too(client, post, people):
    comment = post_comment(client, post, people["author"], HIDDEN)
    view_as(client, people["facilitator"]).post(
        reverse("moderation_comment", args=[comment.pk]), {"decision": "hide"}
    )
    assert HIDDEN not in view_as(client, people["author"]).get(post.url).content.decode()


def test_published_by_a_facilitator_it_appears_for_everyone(client, post, people):
    comment = post_comment(client, post, people["author"], HELD)
    response = view_as(client, people["facilitator"]).post(
        reverse("moderation_comment", args=[comment.pk]), {"decision": "publish"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("moderation_queue")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED
    assert comment.reviewed_by == people["facilitator"]

    for who, user in people.items():
        html = view_as(client, user).get(post.url).content.decode()
        assert HELD in html, f"{who} does not see the published comment"
        block = comment_block(html, comment)
        assert "Cara Commenter" in block
        assert WAITING not in block


def test_a_decision_without_a_choice_changes_nothing(client, post, people):
    comment = post_comment(client, post, people["author"], HELD)
    view_as(client, people["facilitator"]).post(
        reverse("moderation_comment", args=[comment.pk]), {"decision": "maybe"}
    )
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING
    assert HELD not in view_as(client, None).get(post.url).content.decode()
