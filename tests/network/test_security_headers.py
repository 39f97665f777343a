"""Every kind of page carries the platform's security headers; only the admin is relaxed."""

import re

import pytest
from django.urls import reverse

from network.models import Comment, MemberProfile
from tests.factories import BlogPageFactory, CaseStudyPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db

STRICT = ["default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'"]


@pytest.fixture
def site(home, blog_index, case_index, member):
    profile = MemberProfile.objects.create(user=member, name="Rae Member", visibility="public")
    post = BlogPageFactory(parent=blog_index, authors=[profile])
    members_post = BlogPageFactory(parent=blog_index, audience="members")
    study = CaseStudyPageFactory(parent=case_index)
    other = CaseStudyPageFactory(parent=case_index)
    Comment.objects.create(page=post, author=member, body="Seen", status="published")
    return {
        "anonymous": [
            "/",
            "/blog/",
            post.url,
            members_post.url,
            "/case-studies/",
            study.url,
            f"/case-studies/compare/?ids={study.pk},{other.pk}",
            "/themes/",
            "/themes/co-production/",
            "/sectors/vcse/",
            "/regions/london/",
            "/members/",
            profile.get_absolute_url(),
            "/search/?q=care",
            "/no-such-page/",
            reverse("account_login"),
            reverse("account_signup"),
            reverse("account_reset_password"),
            "/robots.txt",
            "/sitemap.xml",
            "/blog/rss/",
        ],
        "member": [
            reverse("share"),
            reverse("share-mine"),
            reverse("profile-edit"),
            reverse("my-data"),
            post.url,
            f"/report/post/{post.pk}/",
        ],
    }


def check_headers(response, url):
    policy = response["Content-Security-Policy"]
    for directive in STRICT:
        assert directive in policy, (url, policy)
    assert "unsafe-inline" not in policy, url
    assert "unsafe-eval" not in policy, url
    assert response["X-Frame-Options"] == "DENY", url
    assert response["X-Content-Type-Options"] == "nosniff", url
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", url
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", url
    assert "camera=()" in response["Permissions-Policy"], url


def check_no_inline_code(response, url):
    if not response["Content-Type"].startswith("text/html"):
        return
    html = response.content.decode()
    scripts = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", html)
    assert not scripts, (url, scripts)
    assert not re.search(r"\sstyle=", html), url
    assert not re.search(r"\son[a-z]+=", html), url


def test_public_pages(client, site):
    for url in site["anonymous"]:
        response = client.get(url)
        assert response.status_code in (200, 403, 404), url
        check_headers(response, url)
        check_no_inline_code(response, url)


def test_member_pages(client, member, site):
    client.force_login(member)
    for url in site["member"]:
        response = client.get(url)
        assert response.status_code == 200, url
        check_headers(response, url)
        check_no_inline_code(response, url)


def test_only_the_admin_allows_inline_code_and_same_origin_framing(facilitator_client, site):
    response = facilitator_client.get("/admin/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "frame-ancestors 'self'" in policy
    assert "frame-ancestors 'none'" not in policy


def test_every_answer_to_a_signed_in_reader_is_private(client, member, site, event_index):
    """Pages for one reader must never be kept by a shared cache, whatever else they send."""
    event = EventPageFactory(parent=event_index, format="online")
    client.force_login(member)
    urls = [
        *site["member"],
        *site["anonymous"],
        reverse("notifications"),
        reverse("email-preferences"),
        reverse("my-data-download"),
        reverse("following"),
        event.url,
    ]
    for url in urls:
        response = client.get(url)
        cache_control = response.get("Cache-Control", "")
        assert "private" in cache_control, (url, cache_control)
        assert "public" not in cache_control, (url, cache_control)


def test_visitors_pages_stay_shareable(client, site):
    response = client.get("/blog/")

    assert "private" not in response.get("Cache-Control", "")
