import json

import pytest
from django.core.exceptions import ValidationError
from wagtail.rich_text import RichText

from blog.models import BlogIndexPage, BlogPage
from casestudies.models import CaseStudyPage
from network.models import HomePage, Region, Sector, Theme
from tests.factories import (
    BlogPageFactory,
    BlogSeriesFactory,
    CollectiveAuthorFactory,
    MemberProfileFactory,
)

pytestmark = pytest.mark.django_db


def test_pages_only_live_where_the_site_structure_expects_them(home, blog_index, case_index):
    assert BlogPage.allowed_parent_page_models() == [BlogIndexPage]
    assert BlogIndexPage.allowed_parent_page_models() == [HomePage]
    assert BlogIndexPage.allowed_subpage_models() == [BlogPage]
    assert BlogPage.allowed_subpage_models() == []
    assert BlogPage.can_create_at(blog_index)
    assert not BlogPage.can_create_at(home)
    assert not BlogPage.can_create_at(case_index)
    assert not CaseStudyPage.can_create_at(blog_index)
    # One blog per site: a second index cannot be added.
    assert not BlogIndexPage.can_create_at(home)


def test_post_shows_authors_date_reading_time_and_tags(client, blog_index):
    first = MemberProfileFactory(name="Asha Patel")
    second = MemberProfileFactory(name="Tom Reid")
    theme = Theme.objects.get(slug="neighbourhood-teams")
    post = BlogPageFactory(
        parent=blog_index,
        title="Neighbourhood teams one year on",
        authors=[first, second],
        taxonomy={"themes": [theme], "sectors": [Sector.objects.get(slug="vcse")]},
        region=Region.objects.get(slug="south-west"),
    )
    html = client.get(post.url).content.decode()
    assert "Neighbourhood teams one year on" in html
    assert "Asha Patel</a> and <a" in html
    assert "Tom Reid" in html
    assert "3 min read" in html  # 450 words at 200 a minute, rounded up
    assert "Place-based neighbourhood teams" in html
    assert "South West" in html


def test_reading_time_follows_the_body_length(blog_index):
    short = BlogPageFactory(
        parent=blog_index, body=[("rich_text", RichText("<p>Just a few words.</p>"))]
    )
    long = BlogPageFactory(
        parent=blog_index, body=[("rich_text", RichText("<p>" + "care " * 1001 + "</p>"))]
    )
    assert short.reading_minutes == 1
    assert long.reading_minutes == 6


def test_collective_post_names_the_network_and_who_collated_it(client, blog_index):
    network = CollectiveAuthorFactory(name="South West knowledge exchange network")
    post = BlogPageFactory(
        parent=blog_index, collective_author=network, collated_by="the network facilitator"
    )
    html = client.get(post.url).content.decode()
    assert (
        "By South West knowledge exchange network. Collated by the network facilitator "
        "and approved by network members" in html
    )


def test_series_parts_link_to_each_other(client, blog_index):
    series = BlogSeriesFactory(title="Working across sectors")
    part_one = BlogPageFactory(
        parent=blog_index, title="Roles we need", series=series, series_part=1
    )
    part_two = BlogPageFactory(
        parent=blog_index, title="Working together", series=series, series_part=2
    )
    first_html = client.get(part_one.url).content.decode()
    second_html = client.get(part_two.url).content.decode()
    assert "Working across sectors, part 1" in first_html
    assert f'href="{part_two.url}" rel="next"' in first_html
    assert "Previous part" not in first_html
    assert f'href="{part_one.url}" rel="prev"' in second_html


def test_series_needs_a_unique_part_number(blog_index):
    series = BlogSeriesFactory()
    BlogPageFactory(parent=blog_index, series=series, series_part=1)
    clash = BlogPage(title="Clash", slug="clash", summary="s", series=series, series_part=1)
    with pytest.raises(ValidationError) as error:
        clash.clean()
    assert "already" in str(error.value)
    orphan = BlogPage(title="Orphan", slug="orphan", summary="s", series_part=2)
    with pytest.raises(ValidationError) as error:
        orphan.clean()
    assert "Choose the series" in str(error.value)


def test_related_posts_share_the_most_themes_and_sectors(client, blog_index):
    themes = list(Theme.objects.all()[:3])
    sector = Sector.objects.first()
    post = BlogPageFactory(parent=blog_index, taxonomy={"themes": themes, "sectors": [sector]})
    closest = BlogPageFactory(
        parent=blog_index, title="Closest", taxonomy={"themes": themes[:2], "sectors": [sector]}
    )
    loose = BlogPageFactory(parent=blog_index, title="Loose", taxonomy={"themes": themes[:1]})
    unrelated = BlogPageFactory(
        parent=blog_index, title="Unrelated", taxonomy={"themes": [Theme.objects.last()]}
    )
    related = list(post.related_posts(user=None))
    assert related == [closest, loose]
    assert unrelated not in related


def test_members_only_post_asks_visitors_to_sign_in(client, member_client, blog_index):
    post = BlogPageFactory(parent=blog_index, title="Safe space notes", audience="members")
    client.logout()
    response = client.get(post.url)
    assert response.status_code == 403
    assert "This reflection is for network members" in response.content.decode()
    assert "Safe space notes" not in response.content.decode()


def test_members_read_members_only_posts(member_client, blog_index):
    post = BlogPageFactory(parent=blog_index, title="Safe space notes", audience="members")
    response = member_client.get(post.url)
    assert response.status_code == 200
    assert "Safe space notes" in response.content.decode()


def test_draft_posts_are_not_served(client, blog_index):
    draft = BlogPageFactory(parent=blog_index, live=False)
    assert client.get(f"/blog/{draft.slug}/").status_code == 404


def test_article_structured_data_describes_the_post(client, blog_index):
    author = MemberProfileFactory(name="Asha Patel", role="Social prescribing link worker")
    post = BlogPageFactory(
        parent=blog_index, title="Link workers </script><script>alert(1)</script>", authors=[author]
    )
    html = client.get(post.url).content.decode()
    start = html.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    raw = html[start : html.index("</script>", start)]
    assert "<script>" not in raw
    data = json.loads(raw)
    assert data["@type"] == "Article"
    assert data["headline"].startswith("Link workers </script>")
    assert data["author"] == [
        {"@type": "Person", "name": "Asha Patel", "jobTitle": "Social prescribing link worker"}
    ]
    assert data["url"] == f"http://testserver{post.url}"
