"""Words are read out of real documents page by page, and a file that cannot be read says
why: no text (a scan), locked with a password, or damaged."""

import io

import pytest

from network.demo.pdfs import encrypted_pdf_bytes, pdf_bytes
from network.resources import extraction, files
from network.resources.models import TextProblem
from tests.resources import office_files

REPORT = [
    "Evaluation of the self-referral pathway. Introduction.",
    "Method: referrals compared before and after the form opened.",
    "Findings: the median wait to first contact fell from 41 to 19 days (tribunal).",
    "Recommendations for commissioners.",
]


def read(data, name):
    return extraction.extract(io.BytesIO(data), name)


def test_a_pdf_is_read_page_by_page_and_a_word_on_page_three_is_on_page_three():
    found = read(pdf_bytes(REPORT), "report.pdf")
    assert found.is_searchable
    assert found.paged
    assert len(found.pages) == 4
    pages_with_word = [n for n, text in enumerate(found.pages, start=1) if "tribunal" in text]
    assert pages_with_word == [3]
    assert found.pages[2].startswith("Findings: the median wait")


def test_brackets_and_backslashes_in_the_text_survive_the_round_trip():
    found = read(pdf_bytes(["Costs (per year) in C:\\budget"]), "costs.pdf")
    assert found.pages == ["Costs (per year) in C:\\budget"]


def test_a_pdf_locked_with_a_password_is_marked_encrypted():
    found = read(encrypted_pdf_bytes(["Confidential findings"], "s3cret"), "locked.pdf")
    assert not found.is_searchable
    assert found.problem == TextProblem.ENCRYPTED
    assert found.pages == []


def test_a_damaged_pdf_is_marked_broken_not_raised():
    whole = pdf_bytes(REPORT)
    for damaged in (whole[: len(whole) // 3], b"%PDF-1.4\n" + b"\x00garbage" * 50, b"%PDF-"):
        found = read(damaged, "damaged.pdf")
        assert found.problem in (TextProblem.BROKEN, TextProblem.NO_TEXT)
        assert not found.is_searchable


def test_a_truncated_pdf_with_no_readable_page_is_broken():
    found = read(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "cut.pdf")
    assert found.problem == TextProblem.BROKEN


def test_a_scanned_report_with_pages_but_no_words_has_no_text():
    found = read(pdf_bytes(["", "", ""]), "scan.pdf")
    assert found.problem == TextProblem.NO_TEXT


def test_word_and_opendocument_text_are_read_as_one_unpaged_text():
    for data, name in (
        (office_files.docx(["Alliance terms", "First refusal on grants"]), "terms.docx"),
        (office_files.odt(["Alliance terms", "First refusal on grants"]), "terms.odt"),
    ):
        found = read(data, name)
        assert found.is_searchable, name
        assert not found.paged
        assert "First refusal on grants" in found.pages[0]


def test_slides_are_read_slide_by_slide_in_order():
    slides = [f"Slide {n} text" for n in range(1, 12)]  # slide10 sorts before slide2 as text
    for data, name in (
        (office_files.pptx(slides), "deck.pptx"),
        (office_files.odp(slides), "deck.odp"),
    ):
        found = read(data, name)
        assert found.paged
        assert found.pages == slides, name


def test_xml_with_entity_expansion_is_refused_as_broken():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
    )
    data = office_files._zip({"[Content_Types].xml": office_files.TYPES, "word/document.xml": bomb})
    assert read(data, "bomb.docx").problem == TextProblem.BROKEN


def test_words_kept_are_bounded(monkeypatch):
    monkeypatch.setattr(extraction, "MAX_CHARACTERS", 100)
    found = read(pdf_bytes(["word " * 40, "more " * 40, "last page"]), "long.pdf")
    assert found.truncated
    assert sum(len(text) for text in found.pages) <= 100
    monkeypatch.setattr(extraction, "MAX_PAGES", 2)
    monkeypatch.setattr(extraction, "MAX_CHARACTERS", 10_000)
    found = read(pdf_bytes(["one", "two", "three"]), "pages.pdf")
    assert found.pages == ["one", "two"]
    assert found.truncated


def test_a_rich_text_file_is_kept_but_its_words_are_not_read():
    found = read(b"{\\rtf1 Hello}", "notes.rtf")
    assert found.problem == TextProblem.UNSUPPORTED


# Content checks -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (pdf_bytes(["ok"]), "report.pdf"),
        (office_files.docx(["ok"]), "report.docx"),
        (office_files.odt(["ok"]), "report.odt"),
        (office_files.pptx(["ok"]), "slides.pptx"),
        (office_files.odp(["ok"]), "slides.odp"),
        (b"{\\rtf1 ok}", "notes.rtf"),
        ("Name,Role\nSiân,Peer worker\n".encode(), "list.csv"),
    ],
)
def test_documents_that_are_what_their_names_say_pass(data, name):
    files.check(io.BytesIO(data), name)


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (b"<html><script>alert(1)</script></html>", "report.pdf", "is not a PDF"),
        (b"MZ\x90\x00\x03" + b"\x00" * 60, "report.pdf", "is not a PDF"),
        (office_files.docx(["ok"]), "slides.pptx", "does not hold the parts"),
        (office_files.odt(["ok"]), "slides.odp", "different kind of OpenDocument"),
        (pdf_bytes(["ok"]), "report.docx", "not a document container from its first byte"),
        (b"PK\x03\x04" + b"\x00" * 40, "report.docx", "not a complete document container"),
        (b"\x00\x01binary", "list.csv", "binary data"),
        (b"plain words", "notes.rtf", "not a rich text file"),
        (b"anything", "tool.exe", "not a kind of document"),
    ],
)
def test_a_file_whose_contents_are_not_what_its_name_says_is_refused(data, name, reason):
    with pytest.raises(files.NotThatKindError, match=reason):
        files.check(io.BytesIO(data), name)


def test_a_container_that_claims_to_unpack_to_gigabytes_is_refused(monkeypatch):
    monkeypatch.setattr(files, "MAX_UNPACKED_BYTES", 1000)
    data = office_files.docx(["x" * 5000])
    with pytest.raises(files.NotThatKindError, match="unpacks to far more"):
        files.check(io.BytesIO(data), "big.docx")
