"""Facilitators upload documents through the admin: each file is checked by its contents,
its words are read by a task once the upload is saved, and a replaced file is read again."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection

from network.demo.pdfs import encrypted_pdf_bytes, pdf_bytes
from network.resources.models import DocumentText, TextProblem, TextStatus
from tests.factories import ResourcePageFactory, document
from tests.resources import office_files

pytestmark = pytest.mark.django_db

Document = get_document_model()


def upload(client, name, data, title="Evaluation report"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(name, data),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def test_a_real_pdf_is_taken_and_its_words_are_read_after_the_upload_commits(
    facilitator_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(facilitator_client, "report.pdf", pdf_bytes(["One", "Two", "Waiting"]))
    assert response.status_code == 302
    text = DocumentText.objects.get(document__title="Evaluation report")
    assert text.status == TextStatus.SEARCHABLE
    assert text.pages == ["One", "Two", "Waiting"]


def test_a_web_page_named_pdf_is_refused_with_the_reason_and_the_title_kept(facilitator_client):
    response = upload(
        facilitator_client, "report.pdf", b"<html><script>alert(1)</script>", "Keep this title"
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert errors == [
        (
            "This file is not a PDF, though its name ends .pdf (PDF). Save it again in that "
            "format, or give it the ending of the kind of file it really is."
        )
    ]
    assert response.context["form"]["title"].value() == "Keep this title"
    assert not Document.objects.exists()


def test_a_file_over_the_size_limit_is_refused(facilitator_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000
    response = upload(facilitator_client, "big.pdf", pdf_bytes(["word " * 2000] * 3))
    assert response.status_code == 200
    assert "too big" in response.context["form"].errors["file"][0]
    assert not Document.objects.exists()


def test_an_encrypted_upload_is_kept_and_marked_not_searchable(
    facilitator_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(facilitator_client, "locked.pdf", encrypted_pdf_bytes(["Secret"], "pw"))
    text = DocumentText.objects.get()
    assert text.status == TextStatus.NOT_SEARCHABLE
    assert text.problem == TextProblem.ENCRYPTED


def test_a_replaced_file_is_read_again_and_its_resource_reindexed(
    facilitator_client, resource_index, django_capture_on_commit_callbacks
):
    resource = ResourcePageFactory(
        parent=resource_index, document=document(["Old words"], name="guide.pdf")
    )
    item = resource.document
    with django_capture_on_commit_callbacks(execute=True):
        response = facilitator_client.post(
            reverse("wagtaildocs:edit", args=[item.pk]),
            {
                "title": item.title,
                "file": SimpleUploadedFile("guide.pdf", pdf_bytes(["Fresh words about triage"])),
                "collection": item.collection_id,
            },
        )
    assert response.status_code == 302
    assert DocumentText.objects.get(document=item).pages == ["Fresh words about triage"]
    found = type(resource).objects.live().search("triage", operator="or")
    assert [page.pk for page in found] == [resource.pk]


def test_reading_the_same_file_twice_reads_it_once(resource_index):
    from network.resources import reading

    item = document(["Same words"])
    first = DocumentText.objects.get(document=item).read_at
    reading.read(item.pk)
    assert DocumentText.objects.get(document=item).read_at == first


def test_read_documents_reads_what_was_never_read(resource_index):
    from io import StringIO

    from django.core.management import call_command

    item = document(["Words"])
    DocumentText.objects.filter(document=item).delete()
    out = StringIO()
    call_command("read_documents", stdout=out)
    assert "Read 1 documents (1 searchable)" in out.getvalue()
    assert DocumentText.objects.get(document=item).is_searchable


def test_a_file_with_an_ending_the_library_does_not_take_gets_wagtails_list(facilitator_client):
    response = upload(facilitator_client, "tool.exe", b"MZ\x90\x00")
    errors = response.context["form"].errors["file"]
    assert len(errors) == 1
    assert "“exe” is not allowed" in errors[0]


def refusal(response):
    assert response.status_code == 200
    return response.context["form"].errors["file"][0]


def test_a_web_page_with_a_pdf_signature_inside_is_not_a_pdf(facilitator_client):
    page = b"<!doctype html><p>Not a report</p><!-- %PDF-1.7 -->" + b" " * 200
    padded = page + pdf_bytes(["Hidden"])[5:]  # a whole PDF body, but not at the start

    message = refusal(upload(facilitator_client, "report.pdf", padded, "Keep me"))

    assert message.startswith("This file is not a PDF")
    assert not Document.objects.exists()


def test_a_pdf_cut_short_is_refused_as_incomplete(facilitator_client):
    whole = pdf_bytes(["One page"])

    message = refusal(upload(facilitator_client, "report.pdf", whole[: len(whole) // 2]))

    assert message.startswith("This file is not a complete PDF: its end is missing")


@pytest.mark.parametrize(
    ("name", "build"),
    [
        ("guide.docx", lambda: office_files.docx(["Text"])),
        ("notes.odt", lambda: office_files.odt(["Text"])),
    ],
)
def test_a_web_page_followed_by_a_document_container_is_refused(facilitator_client, name, build):
    disguised = b"<html><script>alert(1)</script></html>" + build()

    message = refusal(upload(facilitator_client, name, disguised))

    assert message.startswith("This file is not a document container from its first byte")
    assert not Document.objects.exists()


def test_an_opendocument_file_without_its_mimetype_first_is_refused(facilitator_client):
    shuffled = office_files._zip(
        {"content.xml": "<x/>", "mimetype": "application/vnd.oasis.opendocument.text"}
    )

    message = refusal(upload(facilitator_client, "notes.odt", shuffled))

    assert message.startswith("This file does not hold the parts of that kind of file")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("report.pdf", lambda: pdf_bytes(["Taken"])),
        ("guide.docx", lambda: office_files.docx(["Taken"])),
        ("notes.odt", lambda: office_files.odt(["Taken"])),
        ("slides.pptx", lambda: office_files.pptx(["Taken"])),
    ],
)
def test_real_documents_of_each_kind_are_still_taken(facilitator_client, name, data):
    assert upload(facilitator_client, name, data()).status_code == 302
