"""Signed-in readers get pages shared by their audience, with their own parts filled in.

The shared copy must never carry one reader's parts to another, never show a members-only
page or a facilitator's controls to anyone outside that audience, and never outlive a
change. The copy filled in for a reader must read exactly as the page rendered for them
alone.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse

from network.caching.audience_cache import audience_of
from network.caching.personal import _key
from network.models import Comment, Follow, Notification, NotificationKind, Theme
from network.models.mixins import Audience
from tests.factories import (
    BlogPageFactory,
    CaseStudyPageFactory,
    MemberProfileFactory,
    UserFactory,
    facilitator_user,
    member_user,
)

pytestmark = pytest.mark.django_db

CSRF_VALUE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def signed_in(user, **kwargs):
    client = Client(**kwargs)
    client.force_login(user)
    return client


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get("X-Page-Cache"), response.content.decode()


@pytest.fixture
def theme():
    return Theme.objects.get(slug="co-production")


@pytest.fixture
def post(blog_index, theme):
    return BlogPageFactory(
        parent=blog_index, title="Shared reflection", taxonomy={"themes": [theme]}
    )


def _own_parts(user, post, theme, words):
    """A reader with a pending comment, unread notifications and a followed theme."""
    Comment.objects.create(page=post, author=user, body=words, body_html=f"<p>{words}</p>")
    for number in range(3):
        Notification.objects.create(
            user=user, kind=NotificationKind.FOLLOWED, key=f"n:{number}", title="New", url="/"
        )
    Follow.objects.create(user=user, target=theme)


def test_a_members_second_visit_is_shared_and_fills_in_their_own_parts(
    any_shared_cache, post, theme
):
    first, second = member_user(), member_user()
    MemberProfileFactory(user=first, name="Hidden Author", visibility="hidden", interests=[theme])
    _own_parts(first, post, theme, "My draft thought, waiting")
    theme_url = reverse("theme-detail", args=[theme.slug])

    reader = signed_in(first)
    for url in (post.url, theme_url):
        state, html = fetch(reader, url)
        assert state == "miss"
    assert "My draft thought, waiting" in fetch(reader, post.url)[1]
    assert '<span class="network-count">3<' in fetch(reader, post.url)[1]
    assert "You follow" in fetch(reader, theme_url)[1]

    other = signed_in(second)
    state, html = fetch(other, post.url)
    assert state == "hit"
    assert "Shared reflection" in html
    assert 'action="/comments/' in html  # a member's comment form
    assert "My draft thought" not in html
    assert "network-count" not in html
    state, html = fetch(other, theme_url)
    assert state == "hit"
    assert "You follow" not in html
    assert "Hidden Author" not in html
    assert _key.value not in html  # every marker was filled


def test_each_reader_gets_a_working_csrf_token_of_their_own(shared_cache, post):
    first, second = member_user(), member_user()
    fetch(signed_in(first), post.url)
    reader = signed_in(second, enforce_csrf_checks=True)
    response = reader.get(post.url)
    assert response["X-Page-Cache"] == "hit"
    token = CSRF_VALUE.search(response.content.decode()).group(1)
    posted = reader.post(
        reverse("comment-create", args=[post.pk]),
        {"body": "Thank you, this matches what we saw.", "csrfmiddlewaretoken": token},
    )
    assert posted.status_code == 302
    assert Comment.objects.filter(author=second, page=post).exists()


def test_a_members_only_page_never_reaches_anyone_outside_the_members(shared_cache, blog_index):
    private = BlogPageFactory(
        parent=blog_index, title="Only for the network", audience=Audience.MEMBERS
    )
    assert fetch(signed_in(member_user()), private.url)[0] == "miss"
    assert fetch(signed_in(member_user()), private.url)[0] == "hit"
    for client in (Client(), signed_in(UserFactory())):
        response = client.get(private.url)
        assert response.status_code == 403
        assert "Only for the network" not in response.content.decode()


def test_facilitator_controls_stay_with_facilitators(shared_cache, home):
    assert "Facilitator admin" in fetch(signed_in(facilitator_user()), "/")[1]
    state, html = fetch(signed_in(member_user()), "/")
    assert state == "miss"  # another audience, another copy
    assert "Facilitator admin" not in html
    assert "Facilitator admin" not in fetch(signed_in(UserFactory()), "/")[1]


def test_a_change_shows_at_once_for_every_audience(shared_cache, blog_index):
    BlogPageFactory(parent=blog_index, title="Earlier reflection")
    readers = [signed_in(member_user()), signed_in(facilitator_user()), signed_in(UserFactory())]
    for reader in readers:
        fetch(reader, "/blog/")
        assert fetch(reader, "/blog/")[0] == "hit"
    BlogPageFactory(parent=blog_index, title="Published just now")
    for reader in readers:
        state, html = fetch(reader, "/blog/")
        assert state == "miss"
        assert "Published just now" in html


def test_a_request_carrying_a_message_is_rendered_for_its_reader(shared_cache, post, theme):
    reader = signed_in(member_user())
    fetch(reader, post.url)
    followed = reader.post(
        reverse("follow", args=["theme", theme.pk]), {"next": post.url}, follow=True
    )
    assert followed.status_code == 200
    assert followed.get("X-Page-Cache") is None
    assert "You follow" in fetch(reader, reverse("theme-detail", args=[theme.slug]))[1]


def test_text_that_looks_like_a_marker_is_shown_as_written(shared_cache, post):
    writer = member_user()
    Comment.objects.create(
        page=post,
        author=writer,
        body="pp0123456789abcdefx0x",
        body_html="<p>pp0123456789abcdefx0x</p>",
        status="published",
    )
    fetch(signed_in(member_user()), post.url)
    assert "pp0123456789abcdefx0x" in fetch(signed_in(member_user()), post.url)[1]


def _comparable(html):
    return CSRF_VALUE.sub('name="csrfmiddlewaretoken" value="token"', html)


@pytest.mark.parametrize("who", ["member", "facilitator", "signed-in"])
def test_the_shared_copy_reads_as_the_page_rendered_for_the_reader_alone(
    page_cache_switch, who, home, blog_index, case_index, theme
):
    """Every shared page, filled in for a reader, is byte for byte the page rendered for
    them directly (tokens aside): nothing is lost, nothing added."""
    user = {"member": member_user, "facilitator": facilitator_user, "signed-in": UserFactory}[who]()
    assert audience_of(user) == who
    post = BlogPageFactory(parent=blog_index, title="Compared", taxonomy={"themes": [theme]})
    study = CaseStudyPageFactory(parent=case_index, title="Compared study")
    _own_parts(user, post, theme, "Mine, still waiting")
    Comment.objects.create(
        page=post, author=member_user(), body="Seen", body_html="<p>Seen</p>", status="published"
    )
    urls = [
        "/",
        "/blog/",
        post.url,
        "/case-studies/",
        study.url,
        reverse("theme-index"),
        reverse("theme-detail", args=[theme.slug]),
    ]
    reader = signed_in(user)
    direct = {url: _comparable(fetch(reader, url)[1]) for url in urls}
    page_cache_switch()
    signed_in(user)  # another session of the same reader warms the cache first
    for url in urls:
        fetch(signed_in(user), url)
        state, html = fetch(reader, url)
        assert state == "hit", url
        assert _comparable(html) == direct[url], url


def test_a_preview_shows_the_draft_never_the_kept_live_page(shared_cache, blog_index, theme):
    """Wagtail previews a draft through the site's middleware, with the editor's cookies."""
    from django.test import RequestFactory

    from blog.models import BlogPage

    other_theme = Theme.objects.get(slug="supervision-culture")
    post = BlogPageFactory(parent=blog_index, title="The live title", taxonomy={"themes": [theme]})
    BlogPageFactory(
        parent=blog_index, title="Related once drafted", taxonomy={"themes": [other_theme]}
    )
    editor = signed_in(facilitator_user())
    fetch(editor, post.url)
    assert fetch(editor, post.url)[0] == "hit"

    draft = BlogPage.objects.get(pk=post.pk)
    draft.title = "The draft title"
    draft.themes.set([other_theme])
    cookie = f"sessionid={editor.cookies['sessionid'].value}"
    original = RequestFactory().get("/admin/", HTTP_COOKIE=cookie)
    preview = draft.make_preview_request(original, draft.default_preview_mode)
    html = preview.content.decode()
    assert "The draft title" in html
    assert "Related once drafted" in html  # worked out from the draft's themes

    # Nothing of the draft reaches the live page, its copy or its related posts.
    _state, live = fetch(editor, post.url)
    assert "The live title" in live
    assert "The draft title" not in live
    assert "Related once drafted" not in live
