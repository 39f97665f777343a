"""Members suggest local examples; facilitators complete and publish them after review."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from blog.models import BlogPage
from casestudies.choices import IntegrationType, PartnerRole, RelationshipType
from casestudies.models import CaseStudyPage
from network.models import Notification, NotificationKind, Sector, Theme
from tests.factories import member_user

pytestmark = pytest.mark.django_db

TITLE = "Link workers in every Northvale practice"
SUGGEST = "/share/case-study/"


def suggestion(**overrides):
    data = {
        "title": TITLE,
        "summary": "Each practice has a named link worker from the local Mind.",
        "place": "Northvale",
        "setting": "urban",
        "status": "pilot",
        "lead_organisation": "Northvale PCN",
        "lead_sector": Sector.objects.get(slug="primary-care").pk,
        "partners": "Northvale Mind\n\nNorthvale Council adult social care",
        "themes": [Theme.objects.get(slug="access-no-wrong-door").pk],
        "sectors": [Sector.objects.get(slug="vcse").pk],
        "problem": "People were bounced between services.",
        "what_was_done": "- a link worker per practice\n- weekly huddles",
        "outcomes_summary": "Rejected referrals halved, from the referral audit.",
        "barriers": "Practices booked rooms months ahead.",
        "enablers": "A shared referral form.",
        "cost_and_funding": "Paid from the transformation fund.",
        "key_learning": "Relationships <script>alert(1)</script>came first.",
        "contact_role": "Neighbourhood team manager",
        "contact_email": "northvale.team@example-trust.nhs.uk",
        "audience": "public",
    }
    data.update(overrides)
    return data


@pytest.fixture
def suggester(client, home, blog_index, case_index):
    user = member_user(email="suggester@example.org")
    client.force_login(user)
    return user


def workflow_action(client, page, action, comment=""):
    task_state = page.current_workflow_task_state
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk)),
        {"comment": comment},
    )


def test_a_suggestion_waits_unseen_as_a_draft_in_facilitator_review(client, suggester):
    assert reverse("suggest-case-study") == SUGGEST
    response = client.post(SUGGEST, suggestion())
    assert response.status_code == 302
    assert response.url == reverse("share-mine")
    study = CaseStudyPage.objects.get(title=TITLE)
    assert not study.live
    assert study.suggested_by == suggester
    assert study.current_workflow_state.workflow.name == "Facilitator review"
    draft = study.get_latest_revision_as_object()
    assert "<li>a link worker per practice</li>" in draft.what_was_done
    assert "<script>" not in draft.key_learning
    assert [(p.name, p.role) for p in draft.partners.all()] == [("Northvale PCN", PartnerRole.LEAD)]
    assert draft.suggested_partners == "Northvale Mind\nNorthvale Council adult social care"

    mine = client.get(reverse("share-mine")).content.decode()
    assert TITLE in mine
    assert "Case study suggestion" in mine
    assert "Awaiting review" in mine

    client.force_login(member_user())
    assert TITLE not in client.get("/case-studies/").content.decode()
    assert TITLE not in client.get(reverse("share-mine")).content.decode()
    assert client.get(f"/case-studies/{study.slug}/").status_code == 404


def test_facilitators_complete_and_approve_a_suggestion(client, suggester, facilitator):
    client.post(SUGGEST, suggestion(audience="members"))
    study = CaseStudyPage.objects.get(title=TITLE)
    client.force_login(facilitator)
    completed = study.get_latest_revision_as_object()
    completed.integration_type = IntegrationType.HORIZONTAL
    completed.relationship_type = RelationshipType.JOINT_PROJECT
    completed.save_revision(user=facilitator)
    workflow_action(client, CaseStudyPage.objects.get(pk=study.pk), "approve")
    study.refresh_from_db()
    assert study.live
    assert "<p>Practices booked rooms months ahead.</p>" in study.barriers
    assert study.is_members_only

    client.force_login(suggester)
    mine = client.get(reverse("share-mine")).content.decode()
    assert "Published" in mine
    assert f'href="{study.url}"' in mine
    assert TITLE in client.get("/case-studies/").content.decode()
    client.logout()
    assert TITLE not in client.get("/case-studies/").content.decode()


def test_the_queue_offers_the_editor_not_a_decision_that_cannot_succeed(
    client, suggester, facilitator
):
    """A suggestion lacks what only a facilitator adds: approving it from the queue would
    fail the page's rules, so the queue lists what to complete and links to the editor."""
    client.post(SUGGEST, suggestion())
    study = CaseStudyPage.objects.get(title=TITLE)
    client.force_login(facilitator)
    editor = reverse("wagtailadmin_pages:edit", args=(study.pk,))
    action = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(study.pk, "approve", study.current_workflow_task_state.pk),
    )

    queue = client.get(reverse("wagtailadmin_home")).content.decode()
    assert TITLE in queue
    assert "To publish it, complete in the editor:" in queue
    assert ">Case study suggestion</span>" in queue
    assert "<li>Integration type</li>" in queue
    assert "<li>Relationship type</li>" in queue
    assert f'<a href="{editor}">Complete it in the editor</a>' in queue
    assert action not in queue  # no Approve button for it
    assert "/decline/" in queue  # the other decisions stay

    response = client.post(action, {"comment": ""})
    assert response.status_code == 302
    assert response.url == editor
    message = client.get(editor).content.decode()
    assert "cannot be published yet. Complete in the editor: " in message
    assert "Complete in the editor: Integration type; Relationship type." in message
    study.refresh_from_db()
    assert not study.live
    assert study.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    ajax = client.post(action, {}, headers={"x-requested-with": "XMLHttpRequest"})
    assert ajax.status_code == 200
    assert ajax.json()["redirect"] == editor

    completed = study.get_latest_revision_as_object()
    completed.integration_type = IntegrationType.HORIZONTAL
    completed.relationship_type = RelationshipType.JOINT_PROJECT
    completed.save_revision(user=facilitator)
    queue = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "To publish it, complete in the editor:" not in queue
    assert action in queue
    workflow_action(client, CaseStudyPage.objects.get(pk=study.pk), "approve")
    study.refresh_from_db()
    assert study.live


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("barriers", "Say what got in the way"),
        ("enablers", "Say what helped"),
        ("cost_and_funding", "Say where the money came from, or that it cost nothing extra"),
    ],
)
def test_every_answer_the_page_shows_is_asked_for(client, suggester, field, message):
    """The member's form asks for every answer the published page requires, so nothing
    the member could have told us is left for a facilitator to guess."""
    response = client.post(SUGGEST, suggestion(**{field: "  "}))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "(optional)" not in html.split(f'for="id_{field}"')[1].split("</label>")[0]
    assert "Practices booked rooms" in html or field == "barriers"  # what was typed is kept
    assert not CaseStudyPage.objects.filter(title=TITLE).exists()


def test_changes_requested_then_resubmitted(client, suggester, facilitator):
    client.post(SUGGEST, suggestion())
    study = CaseStudyPage.objects.get(title=TITLE)
    client.force_login(facilitator)
    workflow_action(client, study, "reject", "Please say how the audit was done.")

    client.force_login(suggester)
    mine = client.get(reverse("share-mine")).content.decode()
    assert "Changes requested" in mine
    assert "Please say how the audit was done." in mine
    edit_url = reverse("suggest-case-study-edit", args=[study.pk])
    assert edit_url in mine
    form = client.get(edit_url).content.decode()
    assert "People were bounced between services." in form
    assert "Northvale PCN" in form
    outcomes = "Rejected referrals halved: a monthly audit of referral letters."
    response = client.post(edit_url, suggestion(outcomes_summary=outcomes))
    assert response.status_code == 302
    study.refresh_from_db()
    assert study.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "monthly audit" in study.get_latest_revision_as_object().outcomes_summary
    assert CaseStudyPage.objects.filter(title=TITLE).count() == 1
    assert client.get(edit_url).status_code == 404  # back with the facilitators


def test_a_rejected_suggestion_shows_the_reason(client, suggester, facilitator):
    client.post(SUGGEST, suggestion())
    study = CaseStudyPage.objects.get(title=TITLE)
    client.force_login(facilitator)
    response = workflow_action(client, study, "decline", "We already have this example.")
    assert response.status_code in (200, 302)
    study.refresh_from_db()
    assert study.rejected_at is not None
    assert not study.live
    client.force_login(suggester)
    mine = client.get(reverse("share-mine")).content.decode()
    assert "Rejected" in mine
    assert "We already have this example." in mine


PREFIX = "[Community Mental Health Network] "


def test_the_member_is_emailed_each_decision_on_a_suggestion(client, suggester, facilitator):
    client.post(SUGGEST, suggestion())
    study = CaseStudyPage.objects.get(title=TITLE)
    client.force_login(facilitator)
    mail.outbox.clear()

    workflow_action(client, study, "reject", "Please say how the audit was done.")
    asked = mail.outbox[-1]
    assert asked.to == ["suggester@example.org"]
    assert asked.subject == f"{PREFIX}Changes requested on “{TITLE}”"
    assert "your case study suggestion" in asked.body
    assert "Please say how the audit was done." in asked.body
    edit_url = reverse("suggest-case-study-edit", args=[study.pk])
    assert f"http://testserver{edit_url}" in asked.body
    [told] = Notification.objects.filter(user=suggester)
    assert told.kind == NotificationKind.DECISION
    assert told.url == edit_url
    assert "Please say how the audit was done." in told.text
    assert not Notification.objects.exclude(user=suggester).exists()

    client.force_login(suggester)
    client.post(edit_url, suggestion())
    client.force_login(facilitator)
    study = CaseStudyPage.objects.get(pk=study.pk)
    completed = study.get_latest_revision_as_object()
    completed.integration_type = IntegrationType.HORIZONTAL
    completed.relationship_type = RelationshipType.JOINT_PROJECT
    completed.save_revision(user=facilitator)
    mail.outbox.clear()
    workflow_action(client, CaseStudyPage.objects.get(pk=study.pk), "approve")
    published = mail.outbox[-1]
    assert published.to == ["suggester@example.org"]
    assert published.subject == f"{PREFIX}Your case study suggestion “{TITLE}” is published"
    assert study.url in published.body
    assert Notification.objects.filter(user=suggester).count() == 2
    assert Notification.objects.filter(user=suggester).first().url == study.url


def test_the_member_is_emailed_the_reason_a_suggestion_is_rejected(client, suggester, facilitator):
    client.post(SUGGEST, suggestion())
    study = CaseStudyPage.objects.get(title=TITLE)
    client.force_login(facilitator)
    mail.outbox.clear()
    workflow_action(client, study, "decline", "We already have this example.")
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (
            ["suggester@example.org"],
            f"{PREFIX}Your case study suggestion “{TITLE}” was not published",
        )
    ]
    assert "We already have this example." in mail.outbox[0].body


def test_facilitators_own_case_studies_email_no_one(facilitator, case_index):
    from tests.factories import CaseStudyPageFactory

    study = CaseStudyPageFactory(parent=case_index, owner=facilitator)
    assert study.decision_recipients() == []


def test_suggestions_are_in_the_members_data_download(client, suggester):
    client.post(SUGGEST, suggestion())
    data = client.get(reverse("my-data-download")).json()
    [record] = data["case_study_suggestions"]
    assert record["title"] == TITLE
    assert record["state"] == "Awaiting review"
    assert record["place"] == "Northvale"
    assert record["partners"] == "Northvale Mind\nNorthvale Council adult social care"
    assert "<li>a link worker per practice</li>" in record["what_was_done"]
    assert record["themes"] == ["access-no-wrong-door"]
    assert record["url"] is None

    client.force_login(member_user())
    other = client.get(reverse("my-data-download")).json()
    assert other["case_study_suggestions"] == []


def test_deleting_the_account_takes_unpublished_suggestions_keeps_published_ones(
    client, suggester, facilitator, case_index
):
    from tests.factories import CaseStudyPageFactory

    client.post(SUGGEST, suggestion())
    published = CaseStudyPageFactory(
        parent=case_index, title="Published example", suggested_by=suggester, owner=suggester
    )
    response = client.post(reverse("account-delete"), {"confirm": "delete"})
    assert response.status_code == 302
    assert not CaseStudyPage.objects.filter(title=TITLE).exists()
    published.refresh_from_db()
    assert published.live
    assert published.suggested_by is None
    assert published.owner is None


def test_possible_patient_details_warn_then_flag_for_facilitators(client, suggester):
    problem = "Mrs Y, NHS number 943 476 5919, was refused three times."
    response = client.post(SUGGEST, suggestion(problem=problem))
    assert response.status_code == 200
    html = response.content.decode()
    assert "valid NHS number" in html
    assert "943 476 5919" in html
    assert not CaseStudyPage.objects.exists()
    client.post(SUGGEST, suggestion(problem=problem, confirm_no_identifiers="on"))
    assert CaseStudyPage.objects.get(title=TITLE).safety_flags == ["nhs_number"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "x" * 201),
        ("summary", "x" * 501),
        ("problem", "word " * 1001),
        ("partners", "\n".join(f"Partner {n}" for n in range(13))),
        ("contact_email", "someone@gmail.com"),
        ("themes", []),
    ],
)
def test_overlong_or_wrong_answers_are_refused_and_kept(client, suggester, field, value):
    response = client.post(SUGGEST, suggestion(**{field: value}))
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert not CaseStudyPage.objects.exists()


def test_daily_limit_counts_suggestions_apart_from_reflections(client, suggester, settings):
    settings.CASE_STUDY_SUGGESTIONS_PER_DAY = 1
    settings.REFLECTIONS_PER_DAY = 1
    client.post(SUGGEST, suggestion())
    response = client.post(SUGGEST, suggestion(title="A second example today"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "the most the network allows" in html
    assert "A second example today" in html
    assert CaseStudyPage.objects.count() == 1

    reflection = {
        "title": "A reflection the same day",
        "summary": "Still allowed.",
        "body": "Text.",
        "themes": [Theme.objects.first().pk],
        "audience": "public",
        "submit": "1",
    }
    assert client.post(reverse("share"), reflection).status_code == 302
    assert BlogPage.objects.filter(title="A reflection the same day").exists()


def test_only_members_may_suggest(client, visitor, case_index):
    assert client.get(SUGGEST).status_code == 302
    assert "/accounts/login/" in client.get(SUGGEST).url
    client.force_login(visitor)
    response = client.post(SUGGEST, suggestion())
    assert response.status_code == 302
    assert response.url == reverse("join")
    assert not CaseStudyPage.objects.exists()


def test_members_find_their_submissions_in_the_navigation(client, suggester, visitor):
    html = client.get(reverse("suggest-case-study")).content.decode()
    assert f'href="{reverse("share-mine")}">My submissions</a>' in html
    assert (
        f'href="{SUGGEST}">Suggest a local example</a>'
        in client.get("/case-studies/").content.decode()
    )
    client.force_login(visitor)
    assert "My submissions" not in client.get("/case-studies/").content.decode()


def test_a_long_suggestion_is_saved_unfinished_and_sent_later(client, suggester):
    """Part-way through, "Save as draft" keeps what is written with only a title; sending
    it later asks for every answer, and the facilitators see nothing until then."""
    partial = {
        "title": TITLE,
        "problem": "People were bounced between services.",
        "barriers": "Rooms were booked months ahead.",
        "draft": "1",
    }
    response = client.post(SUGGEST, partial)
    assert response.status_code == 302
    study = CaseStudyPage.objects.get(title=TITLE)
    assert study.current_workflow_state is None  # not sent to anyone
    mine = client.get(reverse("share-mine")).content.decode()
    assert "is saved as a draft" in mine
    edit = reverse("suggest-case-study-edit", args=[study.pk])
    assert edit in mine

    read = client.get(reverse("share-read", args=[study.pk]))
    assert read.status_code == 200
    assert "People were bounced between services." in read.content.decode()
    form = client.get(edit).content.decode()
    assert "People were bounced between services." in form
    assert "Rooms were booked months ahead." in form

    unfinished = {name: value for name, value in partial.items() if name != "draft"}
    refused = client.post(edit, {**unfinished, "submit": "1"})
    assert refused.status_code == 200
    assert "Say what helped" in refused.content.decode()
    study.refresh_from_db()
    assert study.current_workflow_state is None

    sent = client.post(edit, suggestion())
    assert sent.status_code == 302
    study.refresh_from_db()
    assert study.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_a_suggestion_previews_its_longer_answers(client, suggester):
    response = client.post(
        SUGGEST,
        suggestion(
            what_was_done="- a **link worker** per practice\n- weekly huddles",
            key_learning="<script>alert(1)</script>Start small.",
            preview="1",
        ),
    )
    html = response.content.decode()
    assert response.status_code == 200
    preview = html.split('id="preview-heading"')[1].split("</section>")[0]
    assert '<h3 class="nhsuk-heading-xs">What was done</h3>' in preview
    assert "<strong>link worker</strong>" in preview
    assert "<script>" not in preview
    assert "Start small." in preview
    assert not CaseStudyPage.objects.filter(title=TITLE).exists()  # nothing saved
