"""The facilitators' admin: their group, the review workflow, what they may open, the dashboard."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.test import RequestFactory
from django.urls import reverse
from wagtail import hooks
from wagtail.models import Workflow, WorkflowPage

from blog.models import BlogIndexPage
from blog.moderation import FacilitatorReviewTask
from casestudies.models import CaseStudyIndexPage
from network.models import Sector, Theme
from network.moderation.roles import WORKFLOW_NAME, ensure_roles
from network.platform.membership import FACILITATORS_GROUP, MEMBERS_GROUP
from tests.factories import BlogPageFactory, CaseStudyPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def assert_denied(response, url):
    """Wagtail answers a permission failure with a redirect away, or a 403: never the page."""
    assert response.status_code in (302, 403), (url, response.status_code)
    if response.status_code == 302:
        # Back to the dashboard, which explains the permission is missing.
        assert response["Location"] == "/admin/"


def coverage(response):
    """{(theme name, sector name): count} from the dashboard's coverage grid."""
    table = soup(response).find("table", class_="network-coverage")
    assert table is not None
    sectors = [cell.get_text(strip=True) for cell in table.select("thead th")][1:]
    grid = {}
    for row in table.select("tbody tr"):
        theme = row.th.get_text(strip=True)
        for sector, cell in zip(sectors, row.find_all("td"), strict=True):
            grid[theme, sector] = int(cell.get_text(strip=True))
    return grid


# Groups and the review workflow --------------------------------------------------------


def test_facilitators_and_members_groups_exist():
    facilitators = Group.objects.get(name=FACILITATORS_GROUP)
    assert Group.objects.filter(name=MEMBERS_GROUP).exists()
    codenames = set(facilitators.permissions.values_list("codename", flat=True))
    assert {"access_admin", "change_theme", "add_sector", "change_memberprofile"} <= codenames


def test_facilitator_review_workflow_has_a_facilitators_approval_task():
    workflow = Workflow.objects.get(name="Facilitator review")
    assert WORKFLOW_NAME == "Facilitator review"
    assert workflow.active

    tasks = [task.specific for task in workflow.tasks]
    assert len(tasks) == 1
    assert isinstance(tasks[0], FacilitatorReviewTask)
    assert list(tasks[0].groups.values_list("name", flat=True)) == [FACILITATORS_GROUP]


def test_workflow_is_assigned_to_the_blog_and_case_study_sections(blog_index, case_index):
    workflow = Workflow.objects.get(name="Facilitator review")

    assert WorkflowPage.objects.get(page=blog_index).workflow == workflow
    assert WorkflowPage.objects.get(page=case_index).workflow == workflow
    assert blog_index.get_workflow() == workflow
    assert case_index.get_workflow() == workflow


def test_pages_in_the_sections_inherit_the_workflow(blog_index, case_index, home):
    workflow = Workflow.objects.get(name="Facilitator review")
    study = CaseStudyPageFactory(parent=case_index)
    post = BlogPageFactory(parent=blog_index)

    assert study.get_workflow() == workflow
    assert post.get_workflow() == workflow
    assert home.get_workflow() != workflow


def test_ensure_roles_puts_existing_sections_under_review(home):
    blog_index = home.add_child(instance=BlogIndexPage(title="Blog", slug="blog"))
    case_index = home.add_child(instance=CaseStudyIndexPage(title="Cases", slug="case-studies"))
    assert not WorkflowPage.objects.filter(page__in=[blog_index, case_index]).exists()

    ensure_roles()
    ensure_roles()  # idempotent

    workflow = Workflow.objects.get(name="Facilitator review")
    assert WorkflowPage.objects.get(page=blog_index).workflow == workflow
    assert WorkflowPage.objects.get(page=case_index).workflow == workflow
    assert Workflow.objects.filter(name="Facilitator review").count() == 1
    assert FacilitatorReviewTask.objects.filter(name="Facilitator review").count() == 1


def test_new_sections_created_in_the_admin_are_put_under_review(home, facilitator):
    case_index = home.add_child(instance=CaseStudyIndexPage(title="Cases", slug="case-studies"))
    request = RequestFactory().post("/admin/")
    request.user = facilitator

    for hook in hooks.get_hooks("after_create_page"):
        hook(request, case_index)

    assert case_index.get_workflow() == Workflow.objects.get(name="Facilitator review")


# What a facilitator can open -----------------------------------------------------------


def test_facilitator_can_open_the_admin(facilitator_client, home):
    response = facilitator_client.get("/admin/")

    assert response.status_code == 200
    assert "Taxonomy" in response.content.decode()


def test_facilitator_can_list_themes_in_the_taxonomy_snippets(facilitator_client, home):
    url = reverse("wagtailsnippets_network_theme:list")

    response = facilitator_client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Access, self-referral and no wrong door" in html
    assert "Carers and families" in html


@pytest.mark.parametrize("model", ["sector", "region", "carelevel", "memberprofile"])
def test_facilitator_can_list_the_other_taxonomy_snippets(facilitator_client, home, model):
    response = facilitator_client.get(reverse(f"wagtailsnippets_network_{model}:list"))

    assert response.status_code == 200


def test_facilitator_can_edit_a_theme(facilitator_client, home):
    theme = Theme.objects.get(slug="older-adults")

    response = facilitator_client.get(
        reverse("wagtailsnippets_network_theme:edit", args=[theme.pk])
    )

    assert response.status_code == 200
    assert "Older adults" in response.content.decode()


def test_facilitator_can_open_the_edit_view_of_a_case_study(facilitator_client, case_index):
    study = CaseStudyPageFactory(parent=case_index, title="Crisis cafe in Northvale")

    response = facilitator_client.get(reverse("wagtailadmin_pages:edit", args=[study.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Crisis cafe in Northvale" in html
    assert "neighbourhood.team@example-trust.nhs.uk" in html


@pytest.mark.parametrize(
    "url",
    [
        "/admin/sites/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/workflows/list/",
        "/admin/redirects/",
    ],
)
def test_facilitator_cannot_open_site_wide_settings(facilitator_client, home, url):
    response = facilitator_client.get(url)

    assert_denied(response, url)


def test_facilitator_cannot_add_a_site(facilitator_client, home):
    url = reverse("wagtailsites:add")

    assert_denied(facilitator_client.get(url), url)


def test_facilitator_admin_menu_has_no_settings_they_cannot_use(facilitator_client, home):
    html = facilitator_client.get("/admin/").content.decode()

    assert 'href="/admin/sites/"' not in html
    assert 'href="/admin/users/"' not in html


def test_anonymous_visitor_is_sent_to_the_login_page(client, home):
    response = client.get("/admin/")

    assert response.status_code == 302
    # The admin signs in through the network's own login, with its rate limits.
    assert response["Location"].startswith(reverse("account_login"))


def test_anonymous_visitor_cannot_see_the_snippets(client, home):
    response = client.get(reverse("wagtailsnippets_network_theme:list"))

    assert response.status_code == 302
    # The admin signs in through the network's own login, with its rate limits.
    assert response["Location"].startswith(reverse("account_login"))


def test_members_without_admin_access_are_turned_away(member_client, home):
    response = member_client.get("/admin/")

    assert response.status_code in (302, 403)
    assert "themes by sector" not in response.content.decode()


# The dashboard -------------------------------------------------------------------------


def test_dashboard_shows_the_coverage_grid_with_counts(facilitator_client, case_index):
    access = Theme.objects.get(slug="access-no-wrong-door")
    older = Theme.objects.get(slug="older-adults")
    vcse = Sector.objects.get(slug="vcse")
    primary = Sector.objects.get(slug="primary-care")
    CaseStudyPageFactory(parent=case_index, taxonomy={"themes": [access], "sectors": [vcse]})
    CaseStudyPageFactory(
        parent=case_index, taxonomy={"themes": [access, older], "sectors": [vcse, primary]}
    )
    # Unpublished studies do not count.
    CaseStudyPageFactory(
        parent=case_index, live=False, taxonomy={"themes": [access], "sectors": [vcse]}
    )

    response = facilitator_client.get("/admin/")

    assert response.status_code == 200
    assert "Case study coverage: themes by sector" in response.content.decode()
    grid = coverage(response)
    assert len(grid) == 19 * 11
    assert grid[access.name, vcse.name] == 2
    assert grid[access.name, primary.name] == 1
    assert grid[older.name, vcse.name] == 1
    assert grid[older.name, primary.name] == 1
    assert grid[access.name, "NHS Talking Therapies"] == 0
    assert sum(grid.values()) == 5
    assert "205 of the combinations have none yet" in response.content.decode()


def test_dashboard_lists_case_studies_due_for_review(facilitator_client, case_index, settings):
    settings.CASE_STUDY_REVIEW_MONTHS = 6
    CaseStudyPageFactory(
        parent=case_index,
        title="Stale study",
        last_reviewed=datetime.date.today() - datetime.timedelta(days=400),
    )
    CaseStudyPageFactory(parent=case_index, title="Fresh study")

    response = facilitator_client.get("/admin/")

    html = response.content.decode()
    assert "Case studies with review due (1)" in html
    assert "Stale study" in html
    assert "Fresh study" not in html


def test_coverage_grid_is_for_facilitators_only(client, case_index):
    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    response = client.get("/admin/")

    assert response.status_code == 200
    assert "themes by sector" not in response.content.decode()


@pytest.mark.parametrize(
    ("url_name", "title"),
    [
        ("membership_applications:index", "Membership applications"),
        ("membership_invitations", "Invitations"),
        ("moderation_queue", "Comments and reports"),
        ("event_attendees", "Event attendees"),
        ("search_analytics", "Search analytics"),
        ("resources_not_searchable", "Documents not searchable"),
        ("resources_unused", "Documents used nowhere"),
    ],
)
def test_the_networks_admin_screens_are_headed_by_their_own_names(
    facilitator_client, home, url_name, title
):
    html = BeautifulSoup(facilitator_client.get(reverse(url_name)).content, "html.parser")
    crumbs = [item.get_text(" ", strip=True) for item in html.select(".w-breadcrumbs li")]
    assert crumbs[-1] == title, crumbs
    assert html.title.get_text().startswith(title)
