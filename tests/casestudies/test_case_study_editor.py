"""Facilitators creating a case study in the admin: short lists in full, no surprise saves,
and a title used before does not fail on a slug the facilitator cannot see."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from casestudies.models import CaseStudyPage
from network.models import Region, Sector
from tests.factories import CaseStudyPageFactory

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def add_url(case_index):
    return reverse("wagtailadmin_pages:add", args=("casestudies", "casestudypage", case_index.pk))


def draft_form(title, slug):
    """What the editor sends when a facilitator saves a draft after typing a title."""
    blank_text = rich_text("")
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "",
            "place": "",
            "population_covered": "",
            "setting": "",
            "status": "established",
            "partners": inline_formset([]),
            "region": "",
            "integration_type": "",
            "relationship_type": "",
            "interface_model": "",
            "problem": blank_text,
            "what_was_done": blank_text,
            "outcomes_summary": blank_text,
            "outcomes": inline_formset([]),
            "barriers": blank_text,
            "enablers": blank_text,
            "key_learning": blank_text,
            "cost_and_funding": blank_text,
            "attached_resources": inline_formset([]),
            "contact_role": "",
            "contact_email": "",
            "date_published": "2025-06-01",
            "last_reviewed": "2025-06-01",
            "keywords": "",
            "audience": "public",
            "share_image": "",
            "seo_title": "",
            "search_description": "",
            "comments": inline_formset([]),
        }
    )


def test_region_and_partner_sector_list_every_choice_on_the_form(facilitator_client, case_index):
    response = facilitator_client.get(add_url(case_index))

    assert response.status_code == 200
    page = soup(response)
    regions = page.select('input[type="radio"][name="region"]')
    assert len(regions) == Region.objects.count() + 1  # and "No one region"
    sectors = page.select('input[type="radio"][name="partners-0-sector"]')
    assert {int(radio["value"]) for radio in sectors} == set(
        Sector.objects.values_list("pk", flat=True)
    )
    labels = page.get_text()
    last_sector = Sector.objects.order_by("sort_order", "name").last()
    assert Sector.objects.count() > 10  # more than the chooser showed on its first page
    assert last_sector.name in labels
    assert "No one region" in labels
    # No pop-up choosers left for these short lists.
    assert page.select_one('[name="region"][type="hidden"]') is None
    assert page.select_one('[name="partners-0-sector"][type="hidden"]') is None


def test_the_case_study_editor_does_not_autosave(facilitator_client, case_index):
    """Without the form's autosave controller nothing is saved, nor reported as paused,
    while a facilitator types; Wagtail's hidden indicator stays idle."""
    study = CaseStudyPageFactory(parent=case_index, live=False)

    for url in (add_url(case_index), reverse("wagtailadmin_pages:edit", args=[study.pk])):
        form = soup(facilitator_client.get(url)).select_one("form[data-edit-form]")
        assert form is not None
        assert "w-autosave" not in form["data-controller"].split()
        assert "w-autosave" not in form.get("data-action", "")
        assert form.get("data-w-autosave-interval-value") is None


def test_a_title_used_by_an_abandoned_draft_gets_the_next_free_slug(facilitator_client, case_index):
    CaseStudyPageFactory(parent=case_index, title="Crisis cafe", slug="crisis-cafe", live=False)

    response = facilitator_client.post(
        add_url(case_index), draft_form("Crisis cafe", "crisis-cafe")
    )

    assert response.status_code == 302, soup(response).select(".error-message")
    new = CaseStudyPage.objects.exclude(slug="crisis-cafe").get(title="Crisis cafe")
    assert new.slug == "crisis-cafe-2"

    again = facilitator_client.post(add_url(case_index), draft_form("Crisis cafe", "crisis-cafe"))
    assert again.status_code == 302
    assert CaseStudyPage.objects.filter(slug="crisis-cafe-3").exists()

    # Renaming an existing page onto a used slug changes an address, so it is still refused.
    response = facilitator_client.post(
        reverse("wagtailadmin_pages:edit", args=[new.pk]), draft_form("Crisis cafe", "crisis-cafe")
    )
    assert response.status_code == 200
    assert "The slug &#x27;crisis-cafe&#x27; is already in use" in response.content.decode()
    new.refresh_from_db()
    assert new.slug == "crisis-cafe-2"
