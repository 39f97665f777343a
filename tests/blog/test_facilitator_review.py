"""Facilitators publish blog posts through the "Facilitator review" workflow in the admin."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from blog.models import BlogPage
from network.models import Theme
from tests.factories import MemberProfileFactory, facilitator_user

pytestmark = pytest.mark.django_db


def post_form(**overrides):
    data = {
        "title": "Liaison roles in primary care",
        "slug": "liaison-roles",
        "summary": "What changed when a named worker joined each practice.",
        "date": "2025-06-01",
        "body": streamfield([("rich_text", rich_text("<p>Practices now call one person.</p>"))]),
        "authors": inline_formset([{"profile": MemberProfileFactory(name="Priya Shah").pk}]),
        "collective_author": "",
        "collated_by": "",
        "series": "",
        "series_part": "",
        "region": "",
        "keywords": "liaison, primary care",
        "audience": "public",
        "share_image": "",
        "seo_title": "",
        "search_description": "",
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_submitted_post_waits_for_a_facilitator_then_publishes(client, blog_index):
    author_facilitator = facilitator_user()
    client.force_login(author_facilitator)
    form = post_form()
    form["themes"] = [Theme.objects.get(slug="primary-secondary-integration").pk]
    form["action-submit"] = "Submit to Facilitator review"
    response = client.post(
        reverse("wagtailadmin_pages:add", args=("blog", "blogpage", blog_index.pk)), form
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    post = BlogPage.objects.get(slug="liaison-roles")
    assert not post.live
    assert post.workflow_in_progress
    assert post.current_workflow_state.workflow.name == "Facilitator review"
    assert client.get("/blog/liaison-roles/").status_code == 404
    assert "Liaison roles" not in client.get("/blog/").content.decode()

    reviewer = facilitator_user()
    client.force_login(reviewer)
    task_state = post.current_workflow_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(post.pk, "approve", task_state.pk)),
        {"comment": "Thank you, publishing now."},
    )
    assert response.status_code in (200, 302)
    post.refresh_from_db()
    assert post.live
    assert [author.profile.name for author in post.authors.all()] == ["Priya Shah"]
    assert post.themes.get().slug == "primary-secondary-integration"
    client.logout()
    assert "Liaison roles in primary care" in client.get("/blog/").content.decode()


def test_admin_form_explains_what_is_wrong_and_keeps_the_input(client, blog_index):
    client.force_login(facilitator_user())
    form = post_form(summary="", series_part="2")
    form["action-publish"] = "Publish"
    response = client.post(
        reverse("wagtailadmin_pages:add", args=("blog", "blogpage", blog_index.pk)), form
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "This field is required" in html
    assert "Choose the series this part belongs to" in html
    assert "Liaison roles in primary care" in html  # the title typed is still there
    assert not BlogPage.objects.filter(slug="liaison-roles").exists()
