"""The /case-studies/ listing: every filter, how filters combine, chips and bad input."""

import datetime
from urllib.parse import parse_qs

import pytest
from bs4 import BeautifulSoup

from network.models import CareLevel, Region, Sector, Theme
from tests.factories import CaseStudyPageFactory

pytestmark = pytest.mark.django_db

LISTING = "/case-studies/"


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def listed_titles(response):
    assert response.status_code == 200
    return {
        heading.get_text(strip=True)
        for heading in soup(response).select("ul.network-card-list h3.nhsuk-card__heading")
    }


def result_count(response):
    return soup(response).find("p", attrs={"role": "status"}).get_text(strip=True)


def chips(response):
    """(label, query-string dict) for each removable chip."""
    found = []
    for link in soup(response).select("a.network-chip"):
        label = link.get_text(" ", strip=True).split(" (remove")[0]
        href = link["href"]
        assert href.startswith("?")
        found.append((label, parse_qs(href[1:])))
    return found


def tagged(field, slug):
    """Factory arguments that tag a study with one term or choice."""
    if field == "theme":
        return {"taxonomy": {"themes": [Theme.objects.get(slug=slug)]}}
    if field == "sector":
        return {"taxonomy": {"sectors": [Sector.objects.get(slug=slug)]}}
    if field == "level":
        return {"taxonomy": {"care_levels": [CareLevel.objects.get(slug=slug)]}}
    if field == "region":
        return {"region": Region.objects.get(slug=slug)}
    attribute = {
        "status": "status",
        "integration": "integration_type",
        "relationship": "relationship_type",
        "interface": "interface_model",
        "setting": "setting",
    }[field]
    return {attribute: slug}


# (param, the value filtered on, a second value for OR, a value that should not match)
FILTERS = [
    ("theme", "access-no-wrong-door", "co-production", "eating-disorders"),
    ("sector", "talking-therapies", "vcse", "primary-care"),
    ("region", "south-west", "london", "north-west"),
    ("status", "pilot", "ended", "established"),
    ("integration", "horizontal", "both", "vertical"),
    ("relationship", "merger", "dialogue", "joint-project"),
    ("interface", "consultation", "shifted-outpatient", "liaison-attachment"),
    ("level", "tertiary-care", "self-care", "community-wellbeing"),
    ("setting", "rural", "coastal", "urban"),
]


@pytest.mark.parametrize(("param", "value", "_second", "other"), FILTERS)
def test_each_filter_shows_only_matching_studies(client, case_index, param, value, _second, other):
    CaseStudyPageFactory(parent=case_index, title="Matching study", **tagged(param, value))
    CaseStudyPageFactory(parent=case_index, title="Non-matching study", **tagged(param, other))

    unfiltered = client.get(LISTING)
    assert listed_titles(unfiltered) == {"Matching study", "Non-matching study"}

    response = client.get(LISTING, {param: value})

    assert listed_titles(response) == {"Matching study"}
    assert result_count(response) == "1 case study"
    checkbox = soup(response).find("input", id=f"{param}-{value}")
    assert checkbox is not None
    assert checkbox.has_attr("checked")


@pytest.mark.parametrize(("param", "value", "second", "other"), FILTERS)
def test_two_values_of_one_filter_are_combined_with_or(
    client, case_index, param, value, second, other
):
    CaseStudyPageFactory(parent=case_index, title="First value", **tagged(param, value))
    CaseStudyPageFactory(parent=case_index, title="Second value", **tagged(param, second))
    CaseStudyPageFactory(parent=case_index, title="Neither value", **tagged(param, other))

    response = client.get(LISTING, {param: [value, second]})

    assert listed_titles(response) == {"First value", "Second value"}
    assert result_count(response) == "2 case studies"


def test_study_tagged_with_both_values_is_listed_once(client, case_index):
    themes = list(Theme.objects.filter(slug__in=["co-production", "care-planning"]))
    CaseStudyPageFactory(parent=case_index, title="Both themes", taxonomy={"themes": themes})
    CaseStudyPageFactory(parent=case_index, title="One theme", taxonomy={"themes": themes[:1]})

    response = client.get(LISTING, {"theme": ["co-production", "care-planning"]})

    assert listed_titles(response) == {"Both themes", "One theme"}
    assert result_count(response) == "2 case studies"
    assert response.content.decode().count(">Both themes</a>") == 1


def test_different_filters_are_combined_with_and(client, case_index):
    theme = Theme.objects.get(slug="access-no-wrong-door")
    other_theme = Theme.objects.get(slug="older-adults")
    sector = Sector.objects.get(slug="vcse")
    other_sector = Sector.objects.get(slug="social-care")
    CaseStudyPageFactory(
        parent=case_index,
        title="Theme and sector",
        status="pilot",
        taxonomy={"themes": [theme], "sectors": [sector]},
    )
    CaseStudyPageFactory(
        parent=case_index,
        title="Theme only",
        status="pilot",
        taxonomy={"themes": [theme], "sectors": [other_sector]},
    )
    CaseStudyPageFactory(
        parent=case_index,
        title="Sector only",
        status="pilot",
        taxonomy={"themes": [other_theme], "sectors": [sector]},
    )
    CaseStudyPageFactory(
        parent=case_index,
        title="Theme and sector but ended",
        status="ended",
        taxonomy={"themes": [theme], "sectors": [sector]},
    )

    both = client.get(LISTING, {"theme": theme.slug, "sector": sector.slug})
    assert listed_titles(both) == {"Theme and sector", "Theme and sector but ended"}

    three = client.get(LISTING, {"theme": theme.slug, "sector": sector.slug, "status": "pilot"})
    assert listed_titles(three) == {"Theme and sector"}
    assert result_count(three) == "1 case study"


def test_or_within_and_across_filters(client, case_index):
    CaseStudyPageFactory(parent=case_index, title="Rural pilot", setting="rural", status="pilot")
    CaseStudyPageFactory(
        parent=case_index, title="Coastal pilot", setting="coastal", status="pilot"
    )
    CaseStudyPageFactory(
        parent=case_index, title="Rural established", setting="rural", status="established"
    )
    CaseStudyPageFactory(parent=case_index, title="Urban pilot", setting="urban", status="pilot")

    response = client.get(LISTING, {"setting": ["rural", "coastal"], "status": "pilot"})

    assert listed_titles(response) == {"Rural pilot", "Coastal pilot"}


def test_filter_with_no_matches_says_so(client, case_index):
    CaseStudyPageFactory(parent=case_index, title="Urban study", setting="urban")

    response = client.get(LISTING, {"setting": "rural"})

    assert listed_titles(response) == set()
    assert result_count(response) == "0 case studies"
    assert "No case studies match these filters" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"theme": "no-such-theme"},
        {"sector": "<script>"},
        {"region": "atlantis"},
        {"status": "cancelled"},
        {"integration": "diagonal"},
        {"relationship": "marriage"},
        {"interface": "x" * 300},
        {"level": "0"},
        {"setting": "lunar"},
    ],
)
def test_unknown_filter_values_are_ignored_not_an_error(client, case_index, query):
    CaseStudyPageFactory(parent=case_index, title="Only study")

    response = client.get(LISTING, query)

    assert response.status_code == 200
    assert listed_titles(response) == {"Only study"}
    assert chips(response) == []
    assert "&lt;script&gt;" not in response.content.decode()


def test_unknown_value_alongside_a_known_one_filters_by_the_known_one(client, case_index):
    CaseStudyPageFactory(parent=case_index, title="Rural", setting="rural")
    CaseStudyPageFactory(parent=case_index, title="Urban", setting="urban")

    response = client.get(LISTING, {"setting": ["rural", "lunar"]})

    assert listed_titles(response) == {"Rural"}
    assert [label for label, _query in chips(response)] == ["Setting: Rural"]


@pytest.mark.parametrize("page", ["abc", "", "-1", "1.5", "99999", "0"])
def test_bad_page_numbers_do_not_error(client, case_index, settings, page):
    settings.LISTING_PAGE_SIZE = 2
    for day in range(1, 4):
        CaseStudyPageFactory(parent=case_index, title=f"Study {day}")

    response = client.get(LISTING, {"page": page})

    assert response.status_code == 200
    assert len(listed_titles(response)) in (1, 2)
    assert result_count(response) == "3 case studies"


def test_non_numeric_page_shows_the_first_page(client, case_index, settings):
    settings.LISTING_PAGE_SIZE = 2
    for day, title in enumerate(["Oldest", "Middle", "Newest"], start=1):
        CaseStudyPageFactory(
            parent=case_index, title=title, date_published=datetime.date(2024, 1, day)
        )

    first = client.get(LISTING, {"page": "abc"})
    second = client.get(LISTING, {"page": "2"})

    assert listed_titles(first) == {"Newest", "Middle"}
    assert listed_titles(second) == {"Oldest"}
    assert "Page 2 of 2" in first.content.decode()


def test_chips_link_back_without_their_value(client, case_index):
    CaseStudyPageFactory(parent=case_index, title="Any study")

    response = client.get(
        LISTING,
        {
            "theme": ["co-production", "care-planning"],
            "region": "london",
            "setting": "rural",
            "page": "1",
        },
    )

    found = dict(chips(response))
    assert set(found) == {
        "Theme: Co-production and lived experience leadership",
        "Theme: Personalised care planning and coordination",
        "Region: London",
        "Setting: Rural",
    }
    assert found["Theme: Co-production and lived experience leadership"] == {
        "theme": ["care-planning"],
        "region": ["london"],
        "setting": ["rural"],
    }
    assert found["Theme: Personalised care planning and coordination"] == {
        "theme": ["co-production"],
        "region": ["london"],
        "setting": ["rural"],
    }
    assert found["Region: London"] == {
        "theme": ["co-production", "care-planning"],
        "setting": ["rural"],
    }
    assert found["Setting: Rural"] == {
        "theme": ["co-production", "care-planning"],
        "region": ["london"],
    }


def test_following_a_chip_removes_that_filter(client, case_index):
    CaseStudyPageFactory(parent=case_index, title="Rural pilot", setting="rural", status="pilot")
    CaseStudyPageFactory(parent=case_index, title="Urban pilot", setting="urban", status="pilot")
    CaseStudyPageFactory(parent=case_index, title="Urban ended", setting="urban", status="ended")

    filtered = client.get(LISTING, {"setting": "rural", "status": "pilot"})
    assert listed_titles(filtered) == {"Rural pilot"}
    remove_setting = next(
        link["href"]
        for link in soup(filtered).select("a.network-chip")
        if link.get_text().startswith("Setting: Rural")
    )

    response = client.get(LISTING + remove_setting)

    assert listed_titles(response) == {"Rural pilot", "Urban pilot"}
    assert [label for label, _query in chips(response)] == ["Status: Pilot"]


def test_no_chips_without_filters(client, case_index):
    CaseStudyPageFactory(parent=case_index)

    response = client.get(LISTING)

    assert chips(response) == []
    assert "Showing only:" not in response.content.decode()


def test_unpublished_studies_are_not_listed(client, facilitator_client, case_index):
    CaseStudyPageFactory(parent=case_index, title="Published study", setting="rural")
    CaseStudyPageFactory(parent=case_index, title="Draft study", setting="rural", live=False)

    assert listed_titles(client.get(LISTING)) == {"Published study"}
    assert listed_titles(client.get(LISTING, {"setting": "rural"})) == {"Published study"}
    assert result_count(client.get(LISTING)) == "1 case study"
    # Not even facilitators see drafts on the public listing.
    assert listed_titles(facilitator_client.get(LISTING)) == {"Published study"}


def test_listing_is_newest_first(client, case_index):
    CaseStudyPageFactory(parent=case_index, title="Old", date_published=datetime.date(2023, 1, 1))
    CaseStudyPageFactory(parent=case_index, title="New", date_published=datetime.date(2025, 1, 1))
    CaseStudyPageFactory(parent=case_index, title="Mid", date_published=datetime.date(2024, 1, 1))

    response = client.get(LISTING)

    headings = [
        heading.get_text(strip=True)
        for heading in soup(response).select("ul.network-card-list h3.nhsuk-card__heading")
    ]
    assert headings == ["New", "Mid", "Old"]
