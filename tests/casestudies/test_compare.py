"""Comparing two to four case studies side by side."""

import pytest
from bs4 import BeautifulSoup

from network.models import Theme
from tests.factories import CaseStudyPageFactory

pytestmark = pytest.mark.django_db

COMPARE = "/case-studies/compare/"


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def column_titles(response):
    table = soup(response).find("table", class_="network-compare")
    if table is None:
        return []
    return [cell.get_text(strip=True) for cell in table.select("thead th")]


def rows(response):
    """{row label: [cell text for each study]}, less the study's title that heads each
    answer when the table stacks on a phone."""
    table = soup(response).find("table", class_="network-compare")
    assert table is not None
    for label in table.select(".network-compare__study"):
        label.decompose()
    return {
        row.th.get_text(strip=True): [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        for row in table.select("tbody tr")
    }


def error_text(response):
    summary = soup(response).find("div", class_="nhsuk-error-summary")
    return summary.get_text(" ", strip=True) if summary else None


@pytest.fixture
def studies(case_index):
    theme = Theme.objects.get(slug="vcse-partnership")
    return [
        CaseStudyPageFactory(
            parent=case_index,
            title="Alliance in Northvale",
            relationship_type="strategic-alliance",
            key_learning="<p>Trust takes a year.</p>",
            taxonomy={"themes": [theme]},
        ),
        CaseStudyPageFactory(
            parent=case_index,
            title="Merger in Southvale",
            relationship_type="merger",
            key_learning="<p>Merge the rotas first.</p>",
        ),
        CaseStudyPageFactory(parent=case_index, title="Dialogue in Eastvale"),
        CaseStudyPageFactory(parent=case_index, title="Federation in Westvale"),
        CaseStudyPageFactory(parent=case_index, title="Satellite in Midvale"),
    ]


def test_two_studies_side_by_side_with_comma_separated_ids(client, studies):
    first, second = studies[0], studies[1]

    response = client.get(COMPARE, {"ids": f"{first.pk},{second.pk}"})

    assert response.status_code == 200
    assert error_text(response) is None
    assert column_titles(response) == ["Alliance in Northvale", "Merger in Southvale"]
    table = rows(response)
    assert table["Relationship"] == ["Strategic alliance", "Merger"]
    assert table["Key learning"] == ["Trust takes a year.", "Merge the rotas first."]
    assert table["How outcomes were measured"] == [
        "Rejected referrals halved: Referral audit",
        "Rejected referrals halved: Referral audit",
    ]
    assert table["CMHF themes"] == ["Voluntary sector partnership and alliances", ""]
    assert (
        table["Partners"][0]
        == "Northvale PCN (Lead organisation); Northvale Mind (Delivery partner)"
    )
    assert table["Population covered"] == ["52,000", "52,000"]


def test_repeated_ids_parameters_work_like_a_comma_list(client, studies):
    first, second = studies[0], studies[1]

    response = client.get(COMPARE, {"ids": [str(first.pk), str(second.pk)]})

    assert response.status_code == 200
    assert column_titles(response) == ["Alliance in Northvale", "Merger in Southvale"]
    assert rows(response)["Relationship"] == ["Strategic alliance", "Merger"]


def test_rich_text_cells_are_rendered_not_escaped(client, studies):
    response = client.get(COMPARE, {"ids": f"{studies[0].pk},{studies[1].pk}"})

    html = response.content.decode()
    assert "<p>Trust takes a year.</p>" in html
    assert "&lt;p&gt;" not in html


def test_four_studies_can_be_compared(client, studies):
    chosen = studies[:4]

    response = client.get(COMPARE, {"ids": ",".join(str(study.pk) for study in chosen)})

    assert response.status_code == 200
    assert error_text(response) is None
    assert column_titles(response) == [study.title for study in chosen]
    assert all(len(values) == 4 for values in rows(response).values())


def test_columns_follow_the_order_of_the_ids(client, studies):
    first, second, third = studies[0], studies[1], studies[2]

    response = client.get(COMPARE, {"ids": f"{third.pk},{first.pk},{second.pk}"})

    assert column_titles(response) == [
        "Dialogue in Eastvale",
        "Alliance in Northvale",
        "Merger in Southvale",
    ]
    assert rows(response)["Relationship"] == ["Joint project", "Strategic alliance", "Merger"]

    reversed_order = client.get(COMPARE, {"ids": [str(second.pk), str(first.pk)]})
    assert column_titles(reversed_order) == ["Merger in Southvale", "Alliance in Northvale"]


def test_a_repeated_id_counts_once(client, studies):
    first, second = studies[0], studies[1]

    response = client.get(COMPARE, {"ids": f"{first.pk},{second.pk},{first.pk}"})

    assert column_titles(response) == ["Alliance in Northvale", "Merger in Southvale"]
    assert error_text(response) is None


def test_one_study_is_too_few(client, studies):
    response = client.get(COMPARE, {"ids": str(studies[0].pk)})

    assert response.status_code == 200
    assert column_titles(response) == []
    assert error_text(response) is None
    assert "Choose one to three more case studies" in response.content.decode()
    ticked = soup(response).select("input[name=ids][checked]")
    assert [box["value"] for box in ticked] == [str(studies[0].pk)]


def test_five_studies_are_too_many(client, studies):
    response = client.get(COMPARE, {"ids": ",".join(str(study.pk) for study in studies)})

    assert response.status_code == 200
    assert column_titles(response) == []
    assert "Choose between 2 and 4 case studies to compare; 5 were chosen." in error_text(response)


def test_no_ids_asks_for_a_choice(client, studies):
    response = client.get(COMPARE)

    assert response.status_code == 200
    assert error_text(response) is None
    assert "Choose two to four case studies to see them side by side." in response.content.decode()
    # The form offers every published study to choose from.
    labels = {label.get_text(strip=True) for label in soup(response).select("label")}
    assert {study.title for study in studies} <= labels


@pytest.mark.parametrize(
    "ids",
    ["abc", "-1", "abc,-1", "1.5,2.5", "0x10,1e3", "%00", "9999999999999999999999"],
)
def test_garbage_ids_are_handled(client, studies, ids):
    response = client.get(COMPARE, {"ids": ids})

    assert response.status_code == 200
    assert column_titles(response) == []
    assert error_text(response) is not None


def test_garbage_mixed_with_real_ids_is_ignored(client, studies):
    first, second = studies[0], studies[1]

    response = client.get(COMPARE, {"ids": f"abc,{first.pk},-1,{second.pk}"})

    assert response.status_code == 200
    assert column_titles(response) == ["Alliance in Northvale", "Merger in Southvale"]


@pytest.mark.parametrize("ids", [",,,", " "])
def test_blank_ids_are_treated_as_no_choice(client, studies, ids):
    response = client.get(COMPARE, {"ids": ids})

    assert response.status_code == 200
    assert error_text(response) is None
    assert "Choose two to four case studies to see them side by side." in response.content.decode()


@pytest.mark.parametrize("ids", ["²", "²,³"])
def test_unicode_digits_that_are_not_integers_do_not_500(client, studies, ids):
    """The digit "²" passes str.isdigit(), but int("²") raises ValueError."""
    response = client.get(COMPARE, {"ids": ids})

    assert response.status_code == 200
    assert "0 were chosen" in error_text(response)


def test_ids_too_large_for_the_database_do_not_500(client, studies):
    huge = "9" * 22

    response = client.get(COMPARE, {"ids": f"{studies[0].pk},{huge}"})

    assert response.status_code == 200
    assert "Choose one to three more case studies" in response.content.decode()
    assert column_titles(response) == []


def test_unpublished_study_is_reported_as_not_found(client, case_index, studies):
    draft = CaseStudyPageFactory(parent=case_index, title="Draft in Northvale", live=False)
    first, second = studies[0], studies[1]

    response = client.get(COMPARE, {"ids": f"{first.pk},{second.pk},{draft.pk}"})

    assert response.status_code == 200
    assert "1 of the chosen case studies could not be found" in error_text(response)
    assert column_titles(response) == ["Alliance in Northvale", "Merger in Southvale"]
    assert "Draft in Northvale" not in response.content.decode()


def test_too_few_found_shows_no_table(client, case_index, studies):
    draft = CaseStudyPageFactory(parent=case_index, title="Draft in Northvale", live=False)

    response = client.get(COMPARE, {"ids": f"{studies[0].pk},{draft.pk}"})

    assert response.status_code == 200
    assert "1 of the chosen case studies could not be found" in error_text(response)
    assert column_titles(response) == []
    assert "Draft in Northvale" not in response.content.decode()


def test_ids_of_other_pages_are_not_found(client, case_index, studies):
    response = client.get(COMPARE, {"ids": f"{studies[0].pk},{case_index.pk},999999"})

    assert response.status_code == 200
    assert "2 of the chosen case studies could not be found" in error_text(response)
    assert column_titles(response) == []


def test_chosen_studies_are_ticked_in_the_form(client, studies):
    first, second = studies[0], studies[1]

    response = client.get(COMPARE, {"ids": f"{first.pk},{second.pk}"})

    page = soup(response)
    assert page.find("input", id=f"choose-{first.pk}").has_attr("checked")
    assert page.find("input", id=f"choose-{second.pk}").has_attr("checked")
    assert not page.find("input", id=f"choose-{studies[2].pk}").has_attr("checked")


def test_each_answer_names_its_case_study_for_a_phone(client, studies):
    """When the table stacks by field on a narrow screen, each answer is headed by the
    title of the case study it belongs to, in the columns' order."""
    first, second = studies[:2]
    response = client.get(COMPARE, {"ids": [first.pk, second.pk]})
    table = soup(response).find("table", class_="network-compare")
    for row in table.select("tbody tr"):
        labels = [span.get_text() for span in row.select(".network-compare__study")]
        assert labels == [first.title, second.title]
