"""What each page costs its reader in queries, rendered afresh and answered from the cache.

A page rendered afresh stays within the site's budget for any audience; a page answered
from the audience's copy costs only its reader's own parts (their session, account and
unread count), and neither grows with what the page shows: more related posts, comments,
follows, notifications or submissions cost nothing extra.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from network.models import Comment, CommentStatus, Follow, Notification, NotificationKind, Theme
from tests.factories import (
    BlogPageFactory,
    CaseStudyPageFactory,
    MemberProfileFactory,
    facilitator_user,
    member_user,
)

pytestmark = pytest.mark.django_db

# The most a page may cost rendered afresh, once the site's own per-version caches are
# filled; a member's first visit after a change pays this once for their whole audience.
MISS_BUDGET = 15


@pytest.fixture
def theme():
    return Theme.objects.get(slug="co-production")


def readers():
    member = member_user()
    MemberProfileFactory(user=member, visibility="members")
    return {"visitor": None, "member": member, "facilitator": facilitator_user()}


def add_content(count, blog_index, case_index, theme, people, sent):
    """``count`` more posts, case studies and comments, and for each reader that many more
    notifications and follows; the member's submissions grow with them."""
    tags = {"themes": [theme]}
    for number in range(count):
        author = MemberProfileFactory(visibility="public")
        post = BlogPageFactory(parent=blog_index, taxonomy=tags, authors=[author])
        CaseStudyPageFactory(parent=case_index, taxonomy=tags)
        Comment.objects.create(
            page=sent,
            author=member_user(),
            body=f"Comment {number}",
            status=CommentStatus.PUBLISHED,
        )
        for user in filter(None, people.values()):
            Notification.objects.create(
                user=user, kind=NotificationKind.FOLLOWED, key=f"{post.pk}", title="New", url="/"
            )
            Follow.objects.create(user=user, target=post.authors.first().profile)
    member = people["member"]
    for _ in range(count):
        BlogPageFactory(parent=blog_index, live=False, taxonomy=tags, authors=[member.profile])


def urls(sent, study, theme):
    return {
        "home": "/",
        "blog listing": "/blog/",
        "blog post": sent.url,
        "case studies": "/case-studies/",
        "case study": study.url,
        "theme page": f"/themes/{theme.slug}/",
        "my submissions": "/share/mine/",
    }


def clients(people):
    made = {}
    for name, user in people.items():
        made[name] = Client()
        if user:
            made[name].force_login(user)
    return made


def cost(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code in (200, 302), url
    return len(captured), response.get("X-Page-Cache")


def measure(people, pages, fresh):
    """Each reader's cost of each page: rendered afresh, or from a warm cache."""
    costs = {}
    for name, client in clients(people).items():
        for label, url in pages.items():
            if name == "visitor" and label == "my submissions":
                continue
            cost(client, url)  # the first request fills the site's own caches
            queries, state = cost(client, url)
            assert state == (None if fresh else "hit"), (name, label, state)
            costs[name, label] = queries
    return costs


@pytest.fixture(autouse=True)
def _sessions_as_in_production(settings):
    """Production keeps sessions in the cache, backed by the database (settings/base.py)."""
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"


@pytest.fixture
def site(blog_index, case_index, theme):
    people = readers()
    sent = BlogPageFactory(parent=blog_index, taxonomy={"themes": [theme]})
    study = CaseStudyPageFactory(parent=case_index, taxonomy={"themes": [theme]})
    return people, sent, study


def costs(people, pages, settings):
    """Each reader's cost of each page rendered afresh, then from the shared copy."""
    settings.PAGE_CACHE_SECONDS = 0
    fresh = measure(people, pages, fresh=True)
    settings.PAGE_CACHE_SECONDS = 600
    kept = measure(people, pages, fresh=False)
    return fresh, kept


def test_pages_cost_a_fixed_few_queries_afresh_and_fewer_from_the_cache(
    shared_cache, settings, site, blog_index, case_index, theme
):
    people, sent, study = site
    pages = urls(sent, study, theme)
    add_content(5, blog_index, case_index, theme, people, sent)
    fresh, kept = costs(people, pages, settings)
    over = {page: count for page, count in fresh.items() if count > MISS_BUDGET}
    assert not over, f"pages over {MISS_BUDGET} queries rendered afresh: {over}"
    # A visitor's copy costs nothing at all; a signed-in reader's, their account and its
    # groups, and their own parts (the unread count, "you follow this", their comments).
    assert {count for (name, _), count in kept.items() if name == "visitor"} == {0}
    over = {page: count for page, count in kept.items() if count > 6}
    assert not over, f"pages from the cache over 6 queries: {over}"

    add_content(45, blog_index, case_index, theme, people, sent)
    more_fresh, more_kept = costs(people, pages, settings)
    grown = {
        page: (fresh[page], more_fresh[page], kept[page], more_kept[page])
        for page in fresh
        if (more_fresh[page], more_kept[page]) != (fresh[page], kept[page])
    }
    assert not grown, f"queries grew from 5 items to 50 (afresh, afresh, kept, kept): {grown}"
