"""A reflection's Markdown is checked before it is rendered and rendered once, when saved."""

import json
import sys

import markdown
import pytest
from django.urls import reverse

from blog.models import BlogPage
from network.models import Comment, MemberProfile, Theme
from tests.factories import BlogPageFactory, member_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def author(client, blog_index):
    user = member_user(email="writer@example.org")
    MemberProfile.objects.create(user=user, name="Wren Writer", visibility="public")
    client.force_login(user)
    return user


def reflection(**overrides):
    return {
        "title": "Peer support in the waiting room",
        "summary": "What changed when peer workers met people before their first appointment.",
        "body": "## What we tried\n\n**Peer workers** in the waiting room.",
        "themes": [Theme.objects.get(slug="supervision-culture").pk],
        "audience": "public",
        "submit": "1",
        **overrides,
    }


class Conversions:
    """Counts how often Markdown is converted while a block of code runs."""

    def __enter__(self):
        self.count = 0
        target = markdown.Markdown.convert.__code__

        def profiler(frame, event, arg):
            if event == "call" and frame.f_code is target:
                self.count += 1

        sys.setprofile(profiler)
        return self

    def __exit__(self, *exc):
        sys.setprofile(None)


def test_the_markup_is_stored_with_the_source_when_saved(client, author):
    client.post(reverse("share"), reflection())

    post = BlogPage.objects.get(title="Peer support in the waiting room")
    stored = post.get_latest_revision().content["body"]
    value = (stored if isinstance(stored, list) else json.loads(stored))[0]
    assert value["type"] == "reflection_text"
    assert value["value"]["source"].startswith("## What we tried")
    assert "<strong>Peer workers</strong>" in value["value"]["html"]


def test_reading_a_published_reflection_renders_no_markdown(client, blog_index):
    post = BlogPageFactory(
        parent=blog_index, body=[("reflection_text", "**Stored** once, served often.")]
    )
    client.force_login(member_user())  # signed in: never served from the page cache
    client.get(post.url)

    with Conversions() as conversions:
        html = client.get(post.url).content.decode()

    assert "<strong>Stored</strong>" in html
    assert conversions.count == 0


def test_the_editor_shows_the_words_typed_not_the_markup(client, author):
    data = reflection(draft="1")
    del data["submit"]
    client.post(reverse("share"), data)
    post = BlogPage.objects.get(title="Peer support in the waiting room")

    html = client.get(reverse("share-edit", args=[post.pk])).content.decode()

    assert "## What we tried" in html
    assert "&lt;strong&gt;" not in html


def test_comments_are_rendered_when_saved_and_served_as_stored(client, blog_index, settings):
    settings.COMMENTS_HELD_UNTIL = 0
    post = BlogPageFactory(parent=blog_index)
    member = member_user()
    client.force_login(member)
    client.post(reverse("comment-create", args=[post.pk]), {"body": "**Agreed**, thank you."})
    comment = Comment.objects.get()
    assert comment.body_html.startswith("<p><strong>Agreed</strong>")

    with Conversions() as conversions:
        html = client.get(post.url).content.decode()

    assert "<strong>Agreed</strong>" in html
    assert conversions.count == 0


def test_an_oversized_preview_is_refused_before_rendering_and_keeps_the_text(client, author):
    body = "![" * 10001

    with Conversions() as conversions:
        response = client.post(reverse("share"), reflection(body=body, preview="1", submit=""))

    assert conversions.count == 0
    html = response.content.decode()
    assert response.status_code == 200
    assert "at most 20000 characters" in html
    assert 'id="preview-heading"' not in html
    assert "![![![" in html  # still in the box
    assert not BlogPage.objects.exists()


def test_a_preview_of_six_hundred_nested_levels_explains_and_keeps_the_text(client, author):
    body = "".join("  " * level + "- step\n" for level in range(600))

    response = client.post(reverse("share"), reflection(body=body, preview="1", submit=""))

    html = response.content.decode()
    assert response.status_code == 200
    assert "is nested too deeply" in html
    assert 'id="preview-heading"' not in html
    assert "- step" in html


def test_deep_nesting_cannot_be_sent_either(client, author):
    body = "- " * 40 + "too deep"

    response = client.post(reverse("share"), reflection(body=body))

    assert response.status_code == 200
    assert "Line 1 is nested too deeply" in response.content.decode()
    assert not BlogPage.objects.exists()


def test_a_valid_preview_is_shown(client, author):
    response = client.post(reverse("share"), reflection(preview="1", submit=""))

    html = response.content.decode()
    preview = html[html.index('id="preview-heading"') :]
    assert "<strong>Peer workers</strong>" in preview


def test_a_comment_nested_too_deeply_explains_and_keeps_the_text(client, blog_index):
    post = BlogPageFactory(parent=blog_index)
    client.force_login(member_user())

    response = client.post(
        reverse("comment-create", args=[post.pk]), {"body": "> " * 40 + "quoted"}
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "nested too deeply" in html
    assert "quoted" in html
    assert not Comment.objects.exists()
