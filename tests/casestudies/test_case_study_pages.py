"""Case study pages: where they may be created, what they show, and who sees review warnings."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.models import Page

from blog.models import BlogIndexPage, BlogPage
from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from casestudies.validators import validate_team_mailbox
from network.models import CareLevel, HomePage, Region, Sector, Theme
from tests.factories import CaseStudyPageFactory

pytestmark = pytest.mark.django_db

XSS_TITLE = "Crisis cafe </script><script>alert(1)</script> pilot"


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def json_ld(response):
    scripts = soup(response).find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return scripts[0]


# Where pages may be created -------------------------------------------------------------


def test_case_study_can_only_be_created_under_the_case_study_index(home, case_index):
    blog_index = home.add_child(instance=BlogIndexPage(title="Blog", slug="blog"))

    assert CaseStudyPage.can_create_at(case_index)
    assert not CaseStudyPage.can_create_at(home)
    assert not CaseStudyPage.can_create_at(blog_index)
    assert not CaseStudyPage.can_create_at(Page.get_first_root_node())
    assert CaseStudyPage.can_exist_under(case_index)
    assert not CaseStudyPage.can_exist_under(home)
    assert not CaseStudyPage.can_exist_under(blog_index)


def test_case_study_index_only_allows_case_studies_below_it(case_index):
    assert case_index.specific_class.allowed_subpage_models() == [CaseStudyPage]
    assert CaseStudyPage.allowed_subpage_models() == []
    assert BlogPage not in CaseStudyIndexPage.allowed_subpage_models()


def test_case_study_index_only_under_the_home_page(home):
    blog_index = home.add_child(instance=BlogIndexPage(title="Blog", slug="blog"))
    root = Page.get_first_root_node()

    assert CaseStudyIndexPage.can_create_at(home)
    assert CaseStudyIndexPage.can_exist_under(home)
    assert not CaseStudyIndexPage.can_exist_under(root)
    assert not CaseStudyIndexPage.can_exist_under(blog_index)
    assert CaseStudyIndexPage in HomePage.allowed_subpage_models()


def test_only_one_case_study_index_may_be_created(home, case_index):
    # max_count = 1: a second section would split the evidence base.
    assert not CaseStudyIndexPage.can_create_at(home)


# The detail page --------------------------------------------------------------------------


def test_detail_page_shows_every_structured_field(client, case_index):
    region = Region.objects.get(slug="south-west")
    theme = Theme.objects.get(slug="access-no-wrong-door")
    sector = Sector.objects.get(slug="talking-therapies")
    levels = list(CareLevel.objects.filter(slug__in=["extended-primary-care", "secondary-care"]))
    study = CaseStudyPageFactory(
        parent=case_index,
        title="Talking therapies in every practice",
        summary="Therapists based in each GP practice in the town.",
        place="Kernow Bay",
        population_covered=123456,
        setting="coastal",
        integration_type="horizontal",
        relationship_type="strategic-alliance",
        interface_model="integrated-working",
        status="pilot",
        problem="<p>Waits of nine months.</p>",
        what_was_done="<p>Co-located therapists.</p>",
        outcomes_summary="<p>Waits fell to six weeks.</p>",
        barriers="<p>Room bookings were hard.</p>",
        enablers="<p>A shared IT system.</p>",
        key_learning="<p>Start with the reception team.</p>",
        cost_and_funding="<p>Paid from the transformation fund.</p>",
        contact_role="Talking therapies service lead",
        contact_email="kernow.tt@nhs.net",
        date_published=datetime.date(2024, 3, 5),
        last_reviewed=datetime.date.today(),
        region=region,
        taxonomy={"themes": [theme], "sectors": [sector], "care_levels": levels},
    )

    response = client.get(study.url)

    assert response.status_code == 200
    text = soup(response).get_text(" ", strip=True)
    for expected in [
        "Talking therapies in every practice",
        "Therapists based in each GP practice in the town.",
        "Kernow Bay",
        "South West",
        "123,456",
        "Coastal",
        "Horizontal (organisations at the same level)",
        "Strategic alliance",
        "Integrated working (joint register and practice)",
        "Pilot",
        "Extended primary care, Secondary care",
        "Waits of nine months.",
        "Co-located therapists.",
        "Waits fell to six weeks.",
        "Rejected referrals halved",
        "Referral audit",
        "Room bookings were hard.",
        "A shared IT system.",
        "Start with the reception team.",
        "Paid from the transformation fund.",
        "Talking therapies service lead",
        "kernow.tt@nhs.net",
        "5 March 2024",
        "Northvale PCN",
        "Lead organisation",
        "Northvale Mind",
        "Delivery partner",
        "Access, self-referral and no wrong door",
        "NHS Talking Therapies",
    ]:
        assert expected in text, expected
    html = response.content.decode()
    assert 'href="/themes/access-no-wrong-door/"' in html
    assert 'href="/sectors/talking-therapies/"' in html
    assert 'href="/regions/south-west/"' in html
    assert 'href="mailto:kernow.tt@nhs.net"' in html


def test_detail_page_of_unpublished_study_is_not_served(client, case_index):
    study = CaseStudyPageFactory(parent=case_index, live=False)

    assert client.get(f"/case-studies/{study.slug}/").status_code == 404


# Review due -------------------------------------------------------------------------------


def test_review_due_warning_shown_to_facilitators_when_review_is_overdue(
    facilitator_client, case_index, settings
):
    settings.CASE_STUDY_REVIEW_MONTHS = 6
    study = CaseStudyPageFactory(
        parent=case_index,
        last_reviewed=datetime.date.today() - datetime.timedelta(days=250),
    )

    response = facilitator_client.get(study.url)

    assert response.status_code == 200
    assert "Review due" in response.content.decode()


def test_review_due_warning_not_shown_when_reviewed_within_the_period(
    facilitator_client, case_index, settings
):
    settings.CASE_STUDY_REVIEW_MONTHS = 6
    study = CaseStudyPageFactory(
        parent=case_index,
        last_reviewed=datetime.date.today() - datetime.timedelta(days=100),
    )

    response = facilitator_client.get(study.url)

    assert response.status_code == 200
    assert "Review due" not in response.content.decode()


def test_review_period_follows_the_setting(facilitator_client, case_index, settings):
    study = CaseStudyPageFactory(
        parent=case_index,
        last_reviewed=datetime.date.today() - datetime.timedelta(days=100),
    )

    settings.CASE_STUDY_REVIEW_MONTHS = 12
    assert "Review due" not in facilitator_client.get(study.url).content.decode()

    settings.CASE_STUDY_REVIEW_MONTHS = 2
    assert "Review due" in facilitator_client.get(study.url).content.decode()


def test_review_due_warning_never_shown_to_anonymous_visitors_or_members(
    client, member, case_index, settings
):
    settings.CASE_STUDY_REVIEW_MONTHS = 6
    study = CaseStudyPageFactory(
        parent=case_index,
        last_reviewed=datetime.date.today() - datetime.timedelta(days=800),
    )

    anonymous = client.get(study.url)
    assert anonymous.status_code == 200
    assert study.title in anonymous.content.decode()
    assert "Review due" not in anonymous.content.decode()

    client.force_login(member)
    as_member = client.get(study.url)
    assert as_member.status_code == 200
    assert "Review due" not in as_member.content.decode()


def test_review_due_on_keeps_the_day_of_the_month(settings):
    """A review due twelve months after 30 May 2024 is due on 30 May 2025, not 28 May."""
    settings.CASE_STUDY_REVIEW_MONTHS = 12
    study = CaseStudyPage(last_reviewed=datetime.date(2024, 5, 30))

    assert study.review_due_on == datetime.date(2025, 5, 30)


def test_study_reviewed_more_than_the_period_ago_is_due_at_the_end_of_a_month(case_index, settings):
    """On 31 March 2025 a study last reviewed on 29 March 2024 is over twelve months old."""
    settings.CASE_STUDY_REVIEW_MONTHS = 12
    overdue = CaseStudyPageFactory(parent=case_index, last_reviewed=datetime.date(2024, 3, 29))
    current = CaseStudyPageFactory(parent=case_index, last_reviewed=datetime.date(2024, 4, 1))

    due = CaseStudyPage.objects.review_due(today=datetime.date(2025, 3, 31))

    assert current not in due
    assert overdue in due


# The contact mailbox ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "jo.bloggs@gmail.com",
        "jo@hotmail.co.uk",
        "jo@outlook.com",
        "jo@yahoo.co.uk",
        "jo@icloud.com",
        "Jo.Bloggs@GMail.com",
    ],
)
def test_contact_email_rejects_personal_webmail(address):
    domain = address.rpartition("@")[2]

    with pytest.raises(ValidationError) as caught:
        validate_team_mailbox(address)

    assert domain in caught.value.messages[0]
    assert "personal mail service" in caught.value.messages[0]


@pytest.mark.parametrize(
    "address",
    [
        "northvale.talkingtherapies@nhs.net",
        "neighbourhood.team@example-trust.nhs.uk",
        "hello@northvale-mind.org.uk",
        "adult.socialcare@northvale.gov.uk",
    ],
)
def test_contact_email_accepts_team_mailboxes(address):
    validate_team_mailbox(address)


def test_contact_email_field_runs_the_team_mailbox_validator():
    field = CaseStudyPage._meta.get_field("contact_email")

    with pytest.raises(ValidationError) as caught:
        field.clean("manager@gmail.com", None)

    assert "gmail.com" in " ".join(caught.value.messages)
    assert field.clean("team@nhs.net", None) == "team@nhs.net"


# Structured data --------------------------------------------------------------------------


def test_json_ld_describes_the_case_study_as_a_report(client, case_index):
    theme = Theme.objects.get(slug="co-production")
    study = CaseStudyPageFactory(
        parent=case_index,
        title="Peer-led crisis cafe",
        summary="An evening crisis cafe run by peers.",
        place="Northvale",
        status="pilot",
        date_published=datetime.date(2024, 2, 1),
        taxonomy={"themes": [theme]},
    )

    response = client.get(study.url)

    data = json.loads(json_ld(response).string)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Report"
    assert data["name"] == "Peer-led crisis cafe"
    assert data["headline"] == "Peer-led crisis cafe"
    assert data["abstract"] == "An evening crisis cafe run by peers."
    assert data["datePublished"] == "2024-02-01"
    assert data["about"] == ["Co-production and lived experience leadership"]
    assert data["creativeWorkStatus"] == "Pilot"
    assert data["spatialCoverage"] == {"@type": "Place", "name": "Northvale"}
    assert {"@type": "Organization", "name": "Northvale PCN"} in data["contributor"]
    assert data["url"] == f"http://testserver/case-studies/{study.slug}/"


def test_json_ld_escapes_a_title_that_tries_to_close_the_script(client, case_index):
    study = CaseStudyPageFactory(parent=case_index, title=XSS_TITLE)

    response = client.get(study.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in html
    assert "</script><script>" not in html
    raw = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in raw
    assert ">" not in raw
    assert "\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)" in raw
    data = json.loads(raw)
    assert data["name"] == XSS_TITLE
    assert data["@type"] == "Report"
