"""The demo content: complete enough to explore every part of the site, and safe to reload."""

import io
import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.models import Page, Site

from blog.models import BlogPage, BlogPageAuthor, BlogSeries, CollectiveAuthor
from casestudies.models import CaseStudyOutcome, CaseStudyPage, CaseStudyPartner
from network.models import Comment, MemberProfile, Theme, User

pytestmark = pytest.mark.django_db

COUNTED = [
    Page,
    BlogPage,
    BlogPageAuthor,
    BlogSeries,
    CollectiveAuthor,
    CaseStudyPage,
    CaseStudyPartner,
    CaseStudyOutcome,
    MemberProfile,
    User,
    Image,
    Site,
    Comment,
]

CASE_STUDY_FIELDS = [
    "summary",
    "place",
    "population_covered",
    "setting",
    "integration_type",
    "relationship_type",
    "interface_model",
    "problem",
    "what_was_done",
    "outcomes_summary",
    "barriers",
    "enablers",
    "key_learning",
    "cost_and_funding",
    "status",
    "contact_role",
    "contact_email",
    "date_published",
    "last_reviewed",
    "region",
]


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_second_run_changes_nothing(demo):
    before = counts()
    call_command("load_demo", verbosity=0)
    assert counts() == before


def test_demo_covers_what_a_visitor_explores(demo):
    posts = BlogPage.objects.live()
    assert posts.count() >= 10
    assert posts.filter(audience="members").exists()
    assert posts.filter(collective_author__isnull=False).exclude(collated_by="").exists()
    series_parts = posts.filter(series__isnull=False).values_list("series_part", flat=True)
    assert {1, 2} <= set(series_parts)
    assert CaseStudyPage.objects.live().count() >= 10
    assert MemberProfile.objects.count() >= 16
    assert MemberProfile.objects.values("sector").distinct().count() >= 5
    assert MemberProfile.objects.values("region").distinct().count() >= 4
    facilitator = User.objects.get(username="facilitator")
    assert facilitator.groups.filter(name="Facilitators").exists()
    assert User.objects.get(username="admin").is_superuser


def test_every_case_study_fills_every_structured_field(demo):
    for study in CaseStudyPage.objects.live():
        empty = [name for name in CASE_STUDY_FIELDS if getattr(study, name) in ("", None)]
        assert not empty, f"{study.title} leaves {empty} empty"
        assert study.partners.count() >= 2, study.title
        assert study.outcomes.count() >= 1, study.title
        assert study.themes.exists(), study.title
        assert study.sectors.exists(), study.title
        assert study.care_levels.exists(), study.title


def test_every_public_url_answers_with_demo_content(client, demo):
    post = BlogPage.objects.live().filter(audience="public").first()
    study = CaseStudyPage.objects.live().first()
    other = CaseStudyPage.objects.live().exclude(pk=study.pk).first()
    profile = MemberProfile.objects.filter(visibility="public").first()
    theme = Theme.objects.first()
    pages = {
        "/": "Latest reflections",
        "/blog/": post.title,
        post.url: post.title,
        "/case-studies/": study.title,
        study.url: study.title,
        f"/case-studies/compare/?ids={study.pk},{other.pk}": other.title,
        "/members/": profile.name,
        profile.get_absolute_url(): profile.name,
        "/themes/": theme.name,
        theme.get_absolute_url(): theme.name,
        "/sectors/": "Primary care",
        "/sectors/vcse/": "Voluntary, community and social enterprise",
        "/regions/": "South West",
        "/regions/south-west/": "South West",
        "/search/?q=self-referral": "result",
        "/blog/rss/": post.title,
        "/blog/atom/": post.title,
        "/sitemap.xml": post.url,
        "/robots.txt": "Sitemap:",
    }
    for url, expected in pages.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert expected in response.content.decode(), url


@pytest.mark.parametrize(
    ("email", "password", "lands_on"),
    [
        ("facilitator@example.org", "demo-facilitator-2026", "/"),
        ("member@example.org", "demo-member-2026", "/"),
        ("admin@example.org", "demo-admin-2026", "/"),
    ],
)
def test_demo_accounts_sign_in_through_the_network_login(client, demo, email, password, lands_on):
    response = client.post("/accounts/login/", {"login": email, "password": password})
    assert response.status_code == 302
    assert response["Location"] == lands_on
    assert client.get("/profile/").status_code == 200


def test_demo_has_comments_to_moderate(demo):
    assert Comment.objects.filter(status="published").exists()
    assert Comment.objects.filter(status="pending").exists()


def readme_demo_logins():
    """The README's table of demo logins, exactly as a reader would type them."""
    readme = (settings.BASE_DIR / "README.md").read_text()
    header = "| Account | Email address | Password |"
    assert header in readme, "the README lists the demo logins in a table"
    rows = readme[readme.index(header) :].splitlines()[2:]
    logins = {}
    for row in rows:
        if not row.startswith("|"):
            break
        label, email, password = (cell.strip().strip("`") for cell in row.strip("|").split("|"))
        logins[label] = (email, password)
    return logins


def test_readme_demo_logins_work_as_written(client, demo):
    """The sign-in form takes an email address, so the README must give one for each login."""
    logins = readme_demo_logins()
    assert set(logins) == {"Administrator", "Facilitator", "Member"}
    printed = io.StringIO()
    call_command("load_demo", stdout=printed)
    for label, (email, password) in logins.items():
        assert re.search(
            rf"{label}\s+email {re.escape(email)}\s+password {password}\n", printed.getvalue()
        )
        client.logout()
        response = client.post("/accounts/login/", {"login": email, "password": password})
        assert response.status_code == 302, f"{label}: {email} / {password} does not sign in"
        assert client.get("/profile/").status_code == 200


def test_the_header_carries_the_site_mark_and_the_home_page_a_join_button(client, demo):
    html = client.get("/").content.decode()

    assert 'class="network-logo"' in html
    assert f'href="{reverse("account_signup")}">Join the network</a>' in html
