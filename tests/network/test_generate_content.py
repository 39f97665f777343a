"""Synthetic content for benchmarks: fast, varied and indistinguishable from real pages."""

import re

import pytest
from django.core.management import call_command
from wagtail.models import Page

from blog.models import BlogPage
from casestudies.models import CaseStudyPage
from network.models import Comment, MemberProfile

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def test_generates_pages_that_serve_filter_and_search_like_real_ones(client, demo, capsys):
    posts_before = BlogPage.objects.count()
    call_command("generate_content", "--posts", "120", "--case-studies", "30", "--members", "25")
    output = capsys.readouterr().out
    assert re.search(r"Generated 25 member profiles, 120 blog posts, 30 case studies", output)
    assert re.search(r"items a second", output)
    assert BlogPage.objects.count() == posts_before + 120
    assert Page.find_problems() == ([], [], [], [], [])  # the page tree is consistent

    new_post = BlogPage.objects.order_by("-pk").first()
    assert client.get(new_post.url).status_code in (200, 403)  # some are members-only
    assert new_post.themes.exists()
    assert new_post.authors.exists()
    study = CaseStudyPage.objects.order_by("-pk").first()
    response = client.get(study.url)
    assert response.status_code == 200
    assert study.title in response.content.decode()
    assert study.partners.count() == 2
    listing = client.get("/blog/", {"theme": new_post.themes.first().slug})
    assert listing.context["result_count"] > 0
    assert MemberProfile.objects.filter(slug__startswith="member-").count() == 25
    assert Comment.objects.exists()

    word = new_post.title.split(":")[0].split()[0]
    search = client.get("/search/", {"q": word})
    assert search.context["search"].total > 0


def test_content_varies(demo):
    call_command("generate_content", "--posts", "60", "--no-index", verbosity=0)
    posts = BlogPage.objects.order_by("-pk")[:60]
    assert len({post.title.split(":")[0] for post in posts}) > 5
    assert len({post.reading_minutes for post in posts}) > 3
    assert len({len(str(post.body)) for post in posts}) > 20


def test_refuses_without_a_site(db):
    with pytest.raises(Exception, match="load_demo"):
        call_command("generate_content", "--posts", "1")
