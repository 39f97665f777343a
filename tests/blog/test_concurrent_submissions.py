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


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_members_submit_at_once(blog_index):
    require(connection.vendor == "postgresql", "concurrent writers need PostgreSQL")
    # Another test that commits for real may have emptied the seeded taxonomy.
    theme, _ = Theme.objects.get_or_create(
        slug="co-production", defaults={"name": "Co-production and lived experience leadership"}
    )
    members = [member_user() for _ in range(SUBMITTERS)]
    for number, user in enumerate(members):
        MemberProfile.objects.create(user=user, name=f"Submitter {number}")
    start = threading.Barrier(SUBMITTERS)
    statuses = {}

    def submit(number, user):
        client = Client()
        client.force_login(user)
        start.wait()
        try:
            response = client.post(
                reverse("share"),
                {
                    "title": f"Reflection from submitter {number}",
                    "summary": "Submitted in the same second as forty-nine others.",
                    "body": "We tried joint triage.",
                    "themes": [theme.pk],
                    "audience": "public",
                    "submit": "1",
                },
            )
            statuses[number] = response.status_code
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=pair) for pair in enumerate(members)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert statuses == dict.fromkeys(range(SUBMITTERS), 302)
    titles = list(BlogPage.objects.values_list("title", flat=True))
    assert sorted(titles) == sorted(f"Reflection from submitter {n}" for n in range(SUBMITTERS))
    assert all(post.workflow_in_progress for post in BlogPage.objects.all())
    assert BlogPage.find_problems() == ([], [], [], [], [])
