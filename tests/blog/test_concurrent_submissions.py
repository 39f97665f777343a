"""Many members submitting at the same moment: every reflection saved exactly once."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from blog.models import BlogPage
from network.models import MemberProfile, Theme
from tests.factories import member_user
from tests.services import require

SUBMITTERS = 50


def submit_at_once(senders, theme):
    """Each (number, user) sends a reflection at the same moment; statuses and pages by number."""
    start = threading.Barrier(len(senders))
    statuses, pages = {}, {}

    def submit(number, user):
        client = Client()
        client.force_login(user)
        start.wait()
        try:
            response = client.post(
                reverse("share"),
                {
                    "title": f"Reflection from submitter {number}",
                    "summary": "Submitted in the same second as many others.",
                    "body": "We tried joint triage.",
                    "themes": [theme.pk],
                    "audience": "public",
                    "submit": "1",
                },
            )
            statuses[number] = response.status_code
            pages[number] = response.content.decode()
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=sender) for sender in senders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return statuses, pages


def seeded_theme():
    # Another test that commits for real may have emptied the seeded taxonomy.
    theme, _ = Theme.objects.get_or_create(
        slug="co-production", defaults={"name": "Co-production and lived experience leadership"}
    )
    return theme


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_members_submit_at_once(blog_index):
    require(connection.vendor == "postgresql", "concurrent writers need PostgreSQL")
    theme = seeded_theme()
    members = [member_user() for _ in range(SUBMITTERS)]
    for number, user in enumerate(members):
        MemberProfile.objects.create(user=user, name=f"Submitter {number}")

    statuses, _pages = submit_at_once(list(enumerate(members)), theme)

    assert statuses == dict.fromkeys(range(SUBMITTERS), 302)
    titles = list(BlogPage.objects.values_list("title", flat=True))
    assert sorted(titles) == sorted(f"Reflection from submitter {n}" for n in range(SUBMITTERS))
    assert all(post.workflow_in_progress for post in BlogPage.objects.all())
    assert BlogPage.find_problems() == ([], [], [], [], [])


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_member_racing_the_daily_limit_gets_no_more_than_it(blog_index, settings):
    """Fifteen parallel posts against a limit of five: five saved, ten told why, none lost."""
    require(connection.vendor == "postgresql", "concurrent writers need PostgreSQL")
    settings.REFLECTIONS_PER_DAY = 5
    theme = seeded_theme()
    user = member_user()
    MemberProfile.objects.create(user=user, name="Quick Submitter")

    statuses, pages = submit_at_once([(number, user) for number in range(15)], theme)

    assert 500 not in statuses.values()
    saved = BlogPage.objects.filter(title__startswith="Reflection from submitter").count()
    for number, status in statuses.items():
        if status == 200:
            page = pages[number]
            assert "the most the network allows" in page
            assert "We tried joint triage." in page  # the text is still in the form
    assert saved == 5
    assert sorted(statuses.values()) == [200] * 10 + [302] * 5
