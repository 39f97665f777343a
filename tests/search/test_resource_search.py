"""Search finds words inside a resource's document on both paths, shows the passage with
the word marked and the page it is on, and never finds members-only resources for anyone
else."""

import pytest

from network.resources.models import ResourcePage
from tests.factories import ResourcePageFactory, document, member_user

pytestmark = pytest.mark.django_db

REPORT = [
    "Evaluation of the self-referral pathway.",
    "How referrals were compared before and after.",
    "The median wait fell after the triage huddle started. <script>alert(1)</script>",
    "What we would change next time.",
]


def results(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    search = response.context["search"]
    return search, list(search.page.object_list) if search.page else []


@pytest.fixture
def resources(resource_index):
    report = ResourcePageFactory(
        parent=resource_index,
        title="Self-referral evaluation",
        summary="A first-year evaluation.",
        document=document(REPORT, name="evaluation.pdf"),
    )
    ResourcePageFactory(
        parent=resource_index,
        title="Members' triage notes",
        summary="Notes for members.",
        audience="members",
        document=document(["Our triage huddle agenda."], name="notes.pdf"),
    )
    return report


def assert_passage_on_page_three(hits):
    hit = next(hit for hit in hits if hit.title == "Self-referral evaluation")
    assert hit.kind_label == "Resources"
    assert hit.passage_where == "page 3"
    assert "<mark>huddle</mark>" in hit.passage
    assert "<script>" not in hit.passage  # the document's words are escaped
    assert "&lt;script&gt;" in hit.passage
    return hit


def test_the_database_path_finds_a_word_inside_the_document_with_its_page(client, resources):
    search, hits = results(client, q="huddle")
    assert search.engine == "database"
    assert [hit.title for hit in hits] == ["Self-referral evaluation"]
    assert_passage_on_page_three(hits)
    html = client.get("/search/", {"q": "huddle"}).content.decode()
    assert "In the document, page 3:" in html
    _search, only = results(client, q="huddle", type="resource")
    assert [hit.title for hit in only] == ["Self-referral evaluation"]
    client.force_login(member_user())
    _search, hits = results(client, q="huddle")
    assert {hit.title for hit in hits} == {"Self-referral evaluation", "Members' triage notes"}


def test_an_unreadable_document_is_found_by_its_title_only(client, resource_index):
    ResourcePageFactory(
        parent=resource_index,
        title="Scanned huddle minutes",
        document=document(["", ""], name="scan.pdf"),
    )
    _search, hits = results(client, q="huddle minutes")
    assert [hit.title for hit in hits] == ["Scanned huddle minutes"]
    assert hits[0].passage == ""


def test_elasticsearch_finds_a_word_inside_the_document_with_its_page(client, elastic, resources):
    elastic.rebuild()
    elastic.refresh()
    search, hits = results(client, q="huddle")
    assert search.engine == "elasticsearch", search.notice
    assert [hit.title for hit in hits] == ["Self-referral evaluation"]
    assert_passage_on_page_three(hits)
    _search, only = results(client, q="huddle", type="resource")
    assert len(only) == 1
    client.force_login(member_user())
    _search, hits = results(client, q="huddle")
    assert len(hits) == 2

    ResourcePage.objects.get(pk=resources.pk).unpublish()
    elastic.sync()
    client.logout()
    _search, hits = results(client, q="huddle")
    assert hits == []


def test_words_read_after_publishing_reach_elasticsearch(client, elastic, resource_index):
    from network.resources import reading
    from network.resources.models import DocumentText

    page = ResourcePageFactory(
        parent=resource_index, title="Late reading", document=document(["Nothing yet"])
    )
    DocumentText.objects.filter(document=page.document).update(file_hash="", status="pending")
    elastic.sync()
    _search, hits = results(client, q="huddle")
    assert hits == []
    # The task reads the file again (here: words a facilitator's replacement brought).
    with page.document.file.open("wb") as stored:
        from network.demo.pdfs import pdf_bytes

        stored.write(pdf_bytes(["Now about the huddle"]))
    reading.read(page.document_id)
    reading.reindex(page.document_id)
    elastic.sync()
    _search, hits = results(client, q="huddle")
    assert [hit.title for hit in hits] == ["Late reading"]
    assert hits[0].passage_where == "page 1"
