"""Facilitators deciding on reflections: what they see while deciding, and what they get after.

A reflection the author was warned about (it seemed to hold an NHS number) must carry
that warning wherever a facilitator decides: the dashboard queue, the editor, the admin
preview and the email that says it is waiting. After a decision the facilitator is back
at the queue with a sentence saying what happened.
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from blog.models import BlogPage
from network.models import FailedEmail, MemberProfile, Sector, Theme
from network.site.dashboard_panels import CoverageGridPanel
from tests.factories import CaseStudyPageFactory, UserFactory, facilitator_user, member_user

pytestmark = pytest.mark.django_db

TITLE = "Joint supervision across the trust and the charity"
NHS_NUMBER = "943 476 5919"  # a made-up number with a valid check digit
MASKED = "943 *** 5919"


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def reflection(**overrides):
    data = {
        "title": TITLE,
        "summary": "What changed when staff from both organisations shared supervision.",
        "body": f"We discussed a man, NHS number {NHS_NUMBER}, at the meeting.",
        "themes": [Theme.objects.get(slug="supervision-culture").pk],
        "keywords": "supervision",
        "audience": "public",
        "confirm_no_identifiers": "on",
        "submit": "1",
    }
    data.update(overrides)
    return data


@pytest.fixture
def author(db):
    user = member_user(email="ade@example.org", username="ade_login_7")
    MemberProfile.objects.create(user=user, name="Ade Author", visibility="public")
    return user


@pytest.fixture
def reviewer(db):
    user = facilitator_user(email="morgan@example.org", first_name="Site", last_name="Team")
    MemberProfile.objects.create(user=user, name="Morgan Ellery", visibility="members")
    return user


def submit(client, author, **overrides):
    client.force_login(author)
    response = client.post(reverse("share"), reflection(**overrides))
    assert response.status_code == 302, response.content.decode()[:2000]
    return BlogPage.objects.get(title=overrides.get("title", TITLE))


@pytest.fixture
def flagged(client, blog_index, author, reviewer):
    post = submit(client, author)
    assert post.safety_flags == ["nhs_number"]
    client.force_login(reviewer)
    return post


def workflow_action(client, post, action, comment=""):
    task_state = post.current_workflow_task_state
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(post.pk, action, task_state.pk)),
        {"comment": comment},
    )


def last_message(response):
    """The newest message, as text: Wagtail renders messages with room for buttons."""
    return [str(message).strip() for message in get_messages(response.wsgi_request)][-1]


# Seeing the flag ------------------------------------------------------------------------


def test_the_dashboard_queue_marks_a_flagged_reflection_with_what_was_found(client, flagged):
    response = client.get("/admin/")

    queue = soup(response).find(id="awaiting-review-content") or soup(response)
    row = next(tr for tr in queue.select("tbody tr") if TITLE in tr.get_text())
    flag = row.select_one(".network-identifier-flag")
    assert flag is not None
    assert "Possible patient-identifiable details: a valid NHS number" in flag.get_text()
    assert MASKED in flag.get_text()
    assert NHS_NUMBER not in response.content.decode()


def test_the_dashboard_queue_leaves_unflagged_reflections_alone(client, blog_index, author):
    submit(client, author, title="A clean reflection", body="Nothing personal here.")
    post = submit(client, author)  # flagged, so the warning is known to render
    client.force_login(facilitator_user())

    rows = soup(client.get("/admin/")).select("tbody tr")
    clean = next(tr for tr in rows if "A clean reflection" in tr.get_text())
    flagged_row = next(tr for tr in rows if post.title in tr.get_text())
    assert clean.select_one(".network-identifier-flag") is None
    assert flagged_row.select_one(".network-identifier-flag") is not None


def test_the_editor_opens_with_the_warning_above_the_title(client, flagged):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[flagged.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    warning = "the author was warned it may contain a valid NHS number"
    assert warning in html
    assert MASKED in html
    assert html.index(warning) < html.index('name="title"')


def test_the_admin_preview_shows_the_warning_but_the_published_page_does_not(client, flagged):
    task = flagged.current_workflow_task_state.task
    preview = client.get(reverse("wagtailadmin_pages:workflow_preview", args=(flagged.pk, task.pk)))

    assert preview.status_code == 200
    assert "Possible patient-identifiable details" in preview.content.decode()
    assert MASKED in preview.content.decode()

    workflow_action(client, flagged, "approve")
    flagged.refresh_from_db()
    assert flagged.live
    public = client.get(flagged.url).content.decode()
    assert "Possible patient-identifiable details" not in public
    assert MASKED not in public


def test_the_email_to_facilitators_names_the_kind_of_detail_and_links_to_the_review(
    client, blog_index, author, reviewer
):
    mail.outbox.clear()
    post = submit(client, author)

    (email,) = [message for message in mail.outbox if message.to == [reviewer.email]]
    body = email.body
    assert body.startswith("Hello Morgan Ellery,")
    assert "may contain a valid NHS number" in body
    assert f"http://testserver{reverse('wagtailadmin_pages:edit', args=[post.pk])}" in body
    assert "Ade Author sent it" in body
    # The detail itself stays in the admin, behind a sign-in.
    assert "943" not in body
    assert "5919" not in body
    assert TITLE in email.subject
    assert "moderation" not in (email.subject + body).lower()


# What the emails and the queue call people ----------------------------------------------


def test_wagtail_emails_greet_people_by_their_profile_name_or_not_at_all(
    client, blog_index, author, reviewer
):
    admin = UserFactory(
        email="admin@example.org", first_name="Site", last_name="Administrator", is_superuser=True
    )
    mail.outbox.clear()
    submit(client, author)

    to_admin = [message for message in mail.outbox if message.to == [admin.email]]
    assert to_admin
    for message in to_admin:
        assert not message.body.startswith("Hello Site")
        assert message.body.startswith("Hello,")
        assert "moderation" not in (message.subject + message.body).lower()


def test_the_queue_names_the_submitter_by_their_profile_name(client, flagged, author):
    html = client.get("/admin/").content.decode()

    assert "Ade Author" in html
    assert author.username not in html


# After a decision ----------------------------------------------------------------------


def test_approving_returns_to_the_queue_saying_it_is_published(client, flagged):
    response = workflow_action(client, flagged, "approve", "Thank you.")

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert (
        last_message(response) == f"“{TITLE}” is published. Ade Author will get an email to say so."
    )


def test_asking_for_changes_returns_to_the_queue_saying_who_has_it_now(client, flagged):
    response = workflow_action(client, flagged, "reject", "Please remove the NHS number.")

    assert response["Location"] == reverse("wagtailadmin_home")
    assert last_message(response) == (
        f"“{TITLE}” has gone back to Ade Author for changes. "
        "Ade Author will get an email with your comment."
    )


def test_rejecting_returns_to_the_queue_saying_it_will_not_be_published(client, flagged):
    response = workflow_action(client, flagged, "decline", "This identifies a patient.")

    assert response["Location"] == reverse("wagtailadmin_home")
    assert last_message(response) == (
        f"“{TITLE}” is rejected and will not be published. "
        "Ade Author will get an email with your reason."
    )
    followed = client.get(response["Location"]).content.decode()
    assert "is rejected and will not be published" in followed


def test_deciding_from_the_editor_also_returns_to_the_queue(client, blog_index):
    author = facilitator_user()
    MemberProfile.objects.create(user=author, name="Priya Shah")
    client.force_login(author)
    form = nested_form_data(
        {
            "title": "Liaison roles in primary care",
            "slug": "liaison-roles",
            "summary": "What changed when a named worker joined each practice.",
            "date": "2025-06-01",
            "body": streamfield([("rich_text", rich_text("<p>Practices call one person.</p>"))]),
            "authors": inline_formset([{"profile": author.profile.pk}]),
            "collective_author": "",
            "collated_by": "",
            "series": "",
            "series_part": "",
            "region": "",
            "keywords": "",
            "audience": "public",
            "share_image": "",
            "seo_title": "",
            "search_description": "",
            "comments": inline_formset([]),
        }
    )
    add_url = reverse("wagtailadmin_pages:add", args=("blog", "blogpage", blog_index.pk))
    assert client.post(add_url, {**form, "action-submit": "Submit"}).status_code == 302
    post = BlogPage.objects.get(slug="liaison-roles")

    client.force_login(facilitator_user())
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[post.pk]),
        {**form, "action-workflow-action": "true", "workflow-action-name": "approve"},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert last_message(response) == (
        "“Liaison roles in primary care” is published. Priya Shah will get an email to say so."
    )
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert not any("has been updated" in message for message in shown)
    post.refresh_from_db()
    assert post.live


# The dashboard's order and the coverage grid --------------------------------------------


def test_the_dashboard_puts_what_needs_a_decision_before_the_coverage_grid(client, flagged):
    FailedEmail.objects.create(
        recipients="jo@example.org", subject="Welcome", reason="The mail server refused it"
    )

    html = client.get("/admin/").content.decode()

    headings = [
        "Awaiting your review",
        "Waiting for moderation",
        "Membership applications waiting",
        "Emails not sent",
        "Case study coverage: themes by sector",
        "Case studies with review due",
    ]
    positions = [html.index(heading) for heading in headings]
    assert positions == sorted(positions), dict(zip(headings, positions, strict=True))
    assert "“Awaiting your review” above" not in html


def test_the_coverage_grid_is_a_heat_map_linking_each_cell_to_its_case_studies(
    client, case_index, facilitator
):
    access = Theme.objects.get(slug="access-no-wrong-door")
    vcse = Sector.objects.get(slug="vcse")
    primary = Sector.objects.get(slug="primary-care")
    for title in ("Crisis cafe", "Community connectors"):
        CaseStudyPageFactory(
            parent=case_index, title=title, taxonomy={"themes": [access], "sectors": [vcse]}
        )
    CaseStudyPageFactory(
        parent=case_index,
        title="Practice link worker",
        taxonomy={"themes": [access], "sectors": [primary]},
    )
    client.force_login(facilitator)

    page = soup(client.get("/admin/"))
    table = page.find("table", class_="network-coverage")
    sectors = [th.get_text(strip=True) for th in table.select("thead th")][1:]
    row = next(tr for tr in table.select("tbody tr") if tr.th.get_text(strip=True) == access.name)
    cells = dict(zip(sectors, row.find_all("td"), strict=True))

    busiest, quieter, gap = cells[vcse.name], cells[primary.name], cells["NHS Talking Therapies"]
    link = busiest.find("a")
    assert link["href"] == "/case-studies/?theme=access-no-wrong-door&sector=vcse"
    assert link.get_text(strip=True) == "2"
    listing = client.get(link["href"]).content.decode()
    assert "Crisis cafe" in listing
    assert "Community connectors" in listing
    assert "Practice link worker" not in listing
    # Shaded by how many there are, darker for more; gaps marked apart from colour.
    assert busiest["data-level"] == "2"
    assert quieter["data-level"] == "1"
    assert "background:#b9d5ef" in busiest["style"]
    assert "background:#e8f1fa" in quieter["style"]
    assert "network-coverage__gap" in gap["class"]
    assert "network-coverage__gap" not in busiest["class"]
    assert "dashed" in gap["style"]
    assert gap.get_text(strip=True) == "0"
    # It scrolls inside its own box instead of running off the page.
    scroller = table.find_parent("div")
    assert "overflow:auto" in scroller["style"]
    assert "max-width:100%" in scroller["style"]
    # The same gaps in words.
    gaps = page.select_one(".network-coverage__gaps").get_text(" ", strip=True)
    assert "Access, self-referral and no wrong door: Secondary mental health care" in gaps
    assert "Older adults: no case studies in any sector" in gaps


def test_the_heat_map_key_matches_the_shades_cells_get():
    grid = CoverageGridPanel()

    assert [counts for _shade, counts in grid.key(10)] == ["1 to 2", "3 to 5", "6 to 7", "8 to 10"]
    assert [grid.level(count, 10) for count in range(11)] == [0, 1, 1, 2, 2, 2, 3, 3, 4, 4, 4]
    # With few case studies, each count has its own shade.
    assert [counts for _shade, counts in grid.key(3)] == ["1", "2", "3"]
    assert [grid.level(count, 3) for count in range(4)] == [0, 1, 2, 3]
