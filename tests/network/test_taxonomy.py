"""The seeded vocabularies and the landing page for each theme, sector and region."""

import datetime

import pytest
from bs4 import BeautifulSoup

from network.models import CareLevel, Region, Sector, Theme
from tests.factories import BlogPageFactory, CaseStudyPageFactory, MemberProfileFactory

pytestmark = pytest.mark.django_db

SECTOR_SLUGS = [
    "primary-care",
    "secondary-mental-health",
    "talking-therapies",
    "vcse",
    "social-care",
    "public-health",
    "commissioning",
    "acute-inpatient",
    "housing-employment",
    "lived-experience",
    "research-education",
]
THEME_SLUGS = [
    "primary-secondary-integration",
    "neighbourhood-teams",
    "vcse-partnership",
    "co-production",
    "access-no-wrong-door",
    "care-planning",
    "workforce-new-roles",
    "supervision-culture",
    "smi-physical-health",
    "complex-emotional-needs",
    "eating-disorders",
    "community-rehabilitation",
    "older-adults",
    "health-inequalities",
    "prevention-public-health",
    "data-information-sharing",
    "funding-commissioning",
    "wider-determinants",
    "carers-families",
]
REGION_SLUGS = [
    "north-east-yorkshire",
    "north-west",
    "midlands",
    "east-of-england",
    "london",
    "south-east",
    "south-west",
    "national",
    "scotland",
    "wales",
    "northern-ireland",
]
CARE_LEVEL_SLUGS = [
    "community-wellbeing",
    "self-care",
    "extended-primary-care",
    "intermediate-care",
    "secondary-care",
    "tertiary-care",
]


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def item_titles(response):
    """Titles of the posts and case studies listed, in page order."""
    assert response.status_code == 200
    return [
        heading.get_text(strip=True)
        for heading in soup(response).select("ul.network-card-list h3.nhsuk-card__heading")
    ]


PLURALS = {
    "reflection": "reflections",
    "case study": "case studies",
    "member profile": "member profiles",
}


def counts(response):
    """{"reflections": 2, "case studies": 1, ...} from the counts by content type."""
    found = {}
    for item in soup(response).select("ul.network-counts li"):
        number = item.strong.get_text(strip=True)
        label = item.get_text(" ", strip=True)[len(number) :].strip()
        found[PLURALS.get(label, label)] = int(number)
    return found


# The seeded vocabularies ---------------------------------------------------------------


def test_seeded_sectors():
    assert list(Sector.objects.values_list("slug", flat=True)) == SECTOR_SLUGS
    assert Sector.objects.get(slug="talking-therapies").name == "NHS Talking Therapies"
    assert Sector.objects.get(slug="talking-therapies").description == "Formerly IAPT"


def test_seeded_themes():
    assert list(Theme.objects.values_list("slug", flat=True)) == THEME_SLUGS
    assert (
        Theme.objects.get(slug="access-no-wrong-door").name
        == "Access, self-referral and no wrong door"
    )


def test_seeded_regions():
    assert list(Region.objects.values_list("slug", flat=True)) == REGION_SLUGS
    assert Region.objects.get(slug="south-west").name == "South West"


def test_seeded_levels_of_care():
    assert list(CareLevel.objects.values_list("slug", flat=True)) == CARE_LEVEL_SLUGS
    assert CareLevel.objects.get(slug="tertiary-care").name == "Tertiary care"


def test_seeded_counts():
    assert (Sector.objects.count(), Theme.objects.count()) == (11, 19)
    assert (Region.objects.count(), CareLevel.objects.count()) == (11, 6)


@pytest.mark.parametrize(
    ("url", "expected", "total"),
    [
        (
            "/themes/",
            ("Access, self-referral and no wrong door", "/themes/access-no-wrong-door/"),
            19,
        ),
        ("/sectors/", ("NHS Talking Therapies", "/sectors/talking-therapies/"), 11),
        ("/regions/", ("South West", "/regions/south-west/"), 11),
    ],
)
def test_term_index_pages_list_every_term(client, home, url, expected, total):
    response = client.get(url)

    assert response.status_code == 200
    links = [
        (link.get_text(strip=True), link["href"])
        for link in soup(response).select("main ul.network-term-list a")
    ]
    assert expected in links
    assert len(links) == total


# Landing pages -------------------------------------------------------------------------


@pytest.fixture
def sections(blog_index, case_index):
    return blog_index, case_index


def test_theme_page_lists_posts_and_case_studies_newest_first(client, sections):
    blog_index, case_index = sections
    theme = Theme.objects.get(slug="access-no-wrong-door")
    other = Theme.objects.get(slug="eating-disorders")
    tags = {"themes": [theme]}
    BlogPageFactory(
        parent=blog_index, title="Post March", date=datetime.date(2025, 3, 1), taxonomy=tags
    )
    BlogPageFactory(
        parent=blog_index, title="Post January", date=datetime.date(2025, 1, 1), taxonomy=tags
    )
    CaseStudyPageFactory(
        parent=case_index,
        title="Study April",
        date_published=datetime.date(2025, 4, 1),
        taxonomy=tags,
    )
    CaseStudyPageFactory(
        parent=case_index,
        title="Study February",
        date_published=datetime.date(2025, 2, 1),
        taxonomy=tags,
    )
    BlogPageFactory(
        parent=blog_index,
        title="Untagged post",
        date=datetime.date(2025, 5, 1),
        taxonomy={"themes": [other]},
    )
    CaseStudyPageFactory(
        parent=case_index, title="Untagged study", date_published=datetime.date(2025, 5, 1)
    )

    response = client.get("/themes/access-no-wrong-door/")

    assert item_titles(response) == ["Study April", "Post March", "Study February", "Post January"]
    assert counts(response) == {"reflections": 2, "case studies": 2, "member profiles": 0}
    assert soup(response).h1.get_text(strip=True) == "Access, self-referral and no wrong door"


def test_sector_page_lists_tagged_content(client, sections):
    blog_index, case_index = sections
    sector = Sector.objects.get(slug="talking-therapies")
    BlogPageFactory(
        parent=blog_index,
        title="Therapies post",
        date=datetime.date(2024, 6, 1),
        taxonomy={"sectors": [sector]},
    )
    CaseStudyPageFactory(
        parent=case_index,
        title="Therapies study",
        date_published=datetime.date(2024, 7, 1),
        taxonomy={"sectors": [sector]},
    )
    CaseStudyPageFactory(parent=case_index, title="Other study")

    response = client.get("/sectors/talking-therapies/")

    assert item_titles(response) == ["Therapies study", "Therapies post"]
    assert counts(response)["reflections"] == 1
    assert counts(response)["case studies"] == 1


def test_region_page_lists_tagged_content(client, sections):
    blog_index, case_index = sections
    south_west = Region.objects.get(slug="south-west")
    london = Region.objects.get(slug="london")
    BlogPageFactory(
        parent=blog_index, title="Cornwall post", date=datetime.date(2024, 8, 1), region=south_west
    )
    CaseStudyPageFactory(
        parent=case_index,
        title="Devon study",
        date_published=datetime.date(2024, 9, 1),
        region=south_west,
    )
    CaseStudyPageFactory(parent=case_index, title="London study", region=london)

    response = client.get("/regions/south-west/")

    assert item_titles(response) == ["Devon study", "Cornwall post"]
    assert counts(response) == {"reflections": 1, "case studies": 1, "member profiles": 0}


def test_landing_page_counts_member_profiles(client, home):
    theme = Theme.objects.get(slug="co-production")
    MemberProfileFactory(name="Public Person", visibility="public", interests=[theme])
    MemberProfileFactory(name="Members Person", visibility="members", interests=[theme])
    MemberProfileFactory(name="Hidden Person", visibility="hidden", interests=[theme])

    response = client.get("/themes/co-production/")

    assert counts(response)["member profiles"] == 1
    html = response.content.decode()
    assert "Public Person" in html
    assert "Members Person" not in html
    assert "Hidden Person" not in html


def test_landing_page_excludes_unpublished_content(client, sections):
    blog_index, case_index = sections
    theme = Theme.objects.get(slug="co-production")
    BlogPageFactory(parent=blog_index, title="Live post", taxonomy={"themes": [theme]})
    BlogPageFactory(parent=blog_index, title="Draft post", live=False, taxonomy={"themes": [theme]})
    CaseStudyPageFactory(
        parent=case_index, title="Draft study", live=False, taxonomy={"themes": [theme]}
    )

    response = client.get("/themes/co-production/")

    assert item_titles(response) == ["Live post"]
    assert counts(response)["case studies"] == 0


@pytest.mark.parametrize("url", ["/themes/no-such-theme/", "/sectors/nhs/", "/regions/atlantis/"])
def test_unknown_slug_is_404(client, home, url):
    response = client.get(url)

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_a_slug_of_another_kind_is_404(client, home):
    # south-west is a region, not a theme.
    assert client.get("/themes/south-west/").status_code == 404
    assert client.get("/regions/south-west/").status_code == 200


def test_members_only_posts_hidden_from_anonymous_visitors(client, sections):
    blog_index, _case_index = sections
    theme = Theme.objects.get(slug="care-planning")
    BlogPageFactory(
        parent=blog_index,
        title="Public reflection",
        date=datetime.date(2025, 1, 1),
        taxonomy={"themes": [theme]},
    )
    BlogPageFactory(
        parent=blog_index,
        title="Members reflection",
        date=datetime.date(2025, 2, 1),
        audience="members",
        taxonomy={"themes": [theme]},
    )

    response = client.get("/themes/care-planning/")

    assert item_titles(response) == ["Public reflection"]
    assert counts(response)["reflections"] == 1
    assert "Members reflection" not in response.content.decode()


def test_members_only_posts_shown_to_members(member_client, sections):
    blog_index, _case_index = sections
    theme = Theme.objects.get(slug="care-planning")
    BlogPageFactory(
        parent=blog_index,
        title="Public reflection",
        date=datetime.date(2025, 1, 1),
        taxonomy={"themes": [theme]},
    )
    BlogPageFactory(
        parent=blog_index,
        title="Members reflection",
        date=datetime.date(2025, 2, 1),
        audience="members",
        taxonomy={"themes": [theme]},
    )

    response = member_client.get("/themes/care-planning/")

    assert item_titles(response) == ["Members reflection", "Public reflection"]
    assert counts(response)["reflections"] == 2


def test_members_only_posts_hidden_from_signed_in_non_members(client, visitor, sections):
    blog_index, _case_index = sections
    theme = Theme.objects.get(slug="care-planning")
    BlogPageFactory(
        parent=blog_index,
        title="Members reflection",
        audience="members",
        taxonomy={"themes": [theme]},
    )
    client.force_login(visitor)

    response = client.get("/themes/care-planning/")

    assert item_titles(response) == []
    assert "Nothing has been tagged with" in response.content.decode()


@pytest.fixture
def five_items(sections):
    """Posts and case studies on alternate days, newest "Item 5" first."""
    blog_index, case_index = sections
    theme = Theme.objects.get(slug="older-adults")
    for number in range(1, 6):
        day = datetime.date(2025, 1, number)
        if number % 2:
            BlogPageFactory(
                parent=blog_index, title=f"Item {number}", date=day, taxonomy={"themes": [theme]}
            )
        else:
            CaseStudyPageFactory(
                parent=case_index,
                title=f"Item {number}",
                date_published=day,
                taxonomy={"themes": [theme]},
            )
    return "/themes/older-adults/"


def test_pagination_past_the_first_page(client, settings, five_items):
    settings.LISTING_PAGE_SIZE = 2

    first = client.get(five_items)
    second = client.get(five_items, {"page": 2})
    third = client.get(five_items, {"page": 3})

    assert item_titles(first) == ["Item 5", "Item 4"]
    assert item_titles(second) == ["Item 3", "Item 2"]
    assert item_titles(third) == ["Item 1"]
    assert "Page 2 of 3" in first.content.decode()
    assert counts(third) == {"reflections": 3, "case studies": 2, "member profiles": 0}


@pytest.mark.parametrize(("page", "expected"), [("abc", ["Item 5", "Item 4"]), ("99", ["Item 1"])])
def test_bad_page_numbers_fall_back(client, settings, five_items, page, expected):
    settings.LISTING_PAGE_SIZE = 2

    response = client.get(five_items, {"page": page})

    assert item_titles(response) == expected


def test_all_items_on_one_page_when_they_fit(client, settings, five_items):
    settings.LISTING_PAGE_SIZE = 12

    response = client.get(five_items)

    assert item_titles(response) == [f"Item {number}" for number in range(5, 0, -1)]
    assert "nhsuk-pagination" not in response.content.decode()


def test_theme_pages_say_what_each_card_is_and_what_the_theme_covers(member_client, sections):
    blog_index, case_index = sections
    theme = Theme.objects.get(slug="access-no-wrong-door")
    BlogPageFactory(parent=blog_index, title="Walk-in evenings", taxonomy={"themes": [theme]})
    CaseStudyPageFactory(
        parent=case_index,
        title="Members-only front door",
        audience="members",
        taxonomy={"themes": [theme]},
    )
    page = soup(member_client.get("/themes/access-no-wrong-door/"))
    assert "self-referral without a GP appointment" in page.select_one(".nhsuk-lede-text").text
    cards = {
        card.select_one("h3").get_text(strip=True): card.select_one(".network-card__type").text
        for card in page.select("ul.network-card-list li.nhsuk-card")
    }
    assert cards == {"Walk-in evenings": "Reflection", "Members-only front door": "Case study"}
    assert counts(member_client.get("/themes/access-no-wrong-door/"))["case studies"] == 1


def test_members_only_case_studies_are_left_off_landing_pages_for_visitors(client, sections):
    _blog_index, case_index = sections
    theme = Theme.objects.get(slug="access-no-wrong-door")
    CaseStudyPageFactory(
        parent=case_index, title="Closed study", audience="members", taxonomy={"themes": [theme]}
    )
    response = client.get("/themes/access-no-wrong-door/")
    assert item_titles(response) == []
    assert counts(response)["case studies"] == 0


def test_the_navigation_and_the_listing_use_one_name_for_posts(client, sections):
    blog_index, _case_index = sections
    post = BlogPageFactory(parent=blog_index)
    html = client.get("/themes/").content.decode()
    assert '<a class="nhsuk-header__navigation-link" href="/blog/">Reflections</a>' in html
    assert ">Blog<" not in html
    assert "1 reflection<" in client.get("/blog/").content.decode()
    breadcrumb = soup(client.get(post.url)).select(".nhsuk-breadcrumb__link")
    assert [link.get_text(strip=True) for link in breadcrumb] == ["Home", "Reflections"]


def test_landing_page_counts_read_as_english(client, sections):
    blog_index, _case_index = sections
    theme = Theme.objects.get(slug="co-production")
    BlogPageFactory(parent=blog_index, taxonomy={"themes": [theme]})
    MemberProfileFactory(visibility="public", interests=[theme])
    html = client.get("/themes/co-production/").content.decode()
    assert "<strong>1</strong> reflection<" in html
    assert "<strong>0</strong> case studies<" in html
    assert "<strong>1</strong> member profile<" in html


def test_the_home_page_lists_only_themes_that_lead_somewhere(client, member, sections):
    """A theme whose only page is members-only leads a visitor nowhere; one with nothing
    tagged leads nobody anywhere."""
    blog_index, case_index = sections
    public = Theme.objects.get(slug="co-production")
    members = Theme.objects.get(slug="eating-disorders")
    BlogPageFactory(parent=blog_index, taxonomy={"themes": [public]})
    CaseStudyPageFactory(parent=case_index, audience="members", taxonomy={"themes": [members]})

    def themes_listed(browser):
        html = BeautifulSoup(browser.get("/").content, "html.parser")
        section = html.find(id="themes-heading").find_parent("section")
        return {link["href"] for link in section.find_all("a")}

    assert themes_listed(client) == {public.get_absolute_url()}
    client.force_login(member)
    assert themes_listed(client) == {public.get_absolute_url(), members.get_absolute_url()}
