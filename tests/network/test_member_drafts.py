"""Reflections and case study suggestions are sent the one way (network.moderation.drafts):
the same daily limit, the same refusals that keep the member's text, the same edits."""

from contextlib import contextmanager

import pytest
from django.db import connections
from django.urls import reverse

from blog.models import BlogPage
from casestudies.models import CaseStudyPage
from network.platform.busy import BUSY_MESSAGE
from tests.blog.test_sharing import reflection
from tests.casestudies.test_suggestions import suggestion, workflow_action
from tests.factories import member_user

KINDS = {
    "reflection": {
        "address": "share",
        "edit_address": "share-edit",
        "data": reflection,
        "model": BlogPage,
        "limit_setting": "REFLECTIONS_PER_DAY",
        "refusal": "You have started {n} reflections in the last 24 hours, the most the "
        "network allows. Your text is still here: save it somewhere and share it tomorrow.",
    },
    "suggestion": {
        "address": "suggest-case-study",
        "edit_address": "suggest-case-study-edit",
        "data": suggestion,
        "model": CaseStudyPage,
        "limit_setting": "CASE_STUDY_SUGGESTIONS_PER_DAY",
        "refusal": "You have suggested {n} case studies in the last 24 hours, the most the "
        "network allows. Your text is still here: save it somewhere and send it tomorrow.",
    },
}


@pytest.fixture
def sender(client, blog_index, case_index):
    user = member_user(email="sender@example.org")
    client.force_login(user)
    return user


@pytest.mark.django_db
@pytest.mark.parametrize("name", KINDS)
def test_the_next_one_past_the_daily_limit_is_refused_and_its_text_kept(
    client, sender, settings, name
):
    kind = KINDS[name]
    limit = 2
    settings.REFLECTIONS_PER_DAY = settings.CASE_STUDY_SUGGESTIONS_PER_DAY = limit
    for number in range(limit):
        response = client.post(reverse(kind["address"]), kind["data"](title=f"Example {number}"))
        assert response.status_code == 302
        assert response.url == reverse("share-mine")

    response = client.post(reverse(kind["address"]), kind["data"](title="One too many today"))
    assert response.status_code == 200
    html = response.content.decode()
    assert kind["refusal"].format(n=limit) in html
    assert 'value="One too many today"' in html
    assert kind["model"].objects.count() == limit


@pytest.mark.django_db
@pytest.mark.parametrize("name", KINDS)
def test_changing_what_was_sent_back_does_not_count_against_the_limit(
    client, sender, facilitator, settings, name
):
    kind = KINDS[name]
    settings.REFLECTIONS_PER_DAY = settings.CASE_STUDY_SUGGESTIONS_PER_DAY = 1
    client.post(reverse(kind["address"]), kind["data"]())
    page = kind["model"].objects.get()
    client.force_login(facilitator)
    workflow_action(client, page, "reject", "Please say more about the outcomes.")

    client.force_login(sender)
    edit = reverse(kind["edit_address"], args=[page.pk])
    response = client.post(edit, kind["data"](title="Changed as asked"))
    assert response.status_code == 302
    assert kind["model"].objects.get().get_latest_revision_as_object().title == "Changed as asked"
    assert client.get(edit).status_code == 404  # back with the facilitators


@contextmanager
def _held_write_lock():
    """Another connection holding SQLite's one write lock, as a burst of writers would."""
    other = connections.create_connection("default")
    other.ensure_connection()
    other.connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.connection.rollback()
        other.close()


@pytest.mark.sqlite_only  # SQLite takes one writer; the PostgreSQL run leaves it to its pass
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("name", KINDS)
def test_a_database_too_busy_to_write_keeps_the_text_to_send_again(client, sender, name):
    kind = KINDS[name]
    data = kind["data"](title="Sent while the site was busy")
    with _held_write_lock():
        response = client.post(reverse(kind["address"]), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert BUSY_MESSAGE in html
    assert 'value="Sent while the site was busy"' in html
    assert not kind["model"].objects.exists()

    assert client.post(reverse(kind["address"]), data).status_code == 302
    assert kind["model"].objects.get().title == "Sent while the site was busy"
