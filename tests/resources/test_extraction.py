"""Words are read out of real documents page by page, and a file that cannot be read says
why: no text (a scan), locked with a password, or damaged."""

import io
import zlib

import pytest

from network.demo.pdfs import encrypted_pdf_bytes, pdf_bytes
from network.resources import extraction, files
from network.resources.models import DocumentText, TextProblem, TextStatus
from tests.factories import document
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


# Files that are small but ask for a great deal of work or memory.


def _pptx_of_big_slides(slides=4, slide_bytes=12 * 1024 * 1024):
    """A deck of a few hundred kilobytes whose slides unpack to about 12 MB of XML each."""
    words = "<a:p><a:r><a:t>x</a:t></a:r></a:p>" * (slide_bytes // 35)
    parts = {
        "[Content_Types].xml": office_files.TYPES,
        "ppt/presentation.xml": f'<p:presentation xmlns:p="{office_files.P}"/>',
    }
    for number in range(1, slides + 1):
        parts[f"ppt/slides/slide{number}.xml"] = (
            f'<p:sld xmlns:p="{office_files.P}" xmlns:a="{office_files.A}">{words}</p:sld>'
        )
    return office_files._zip(parts)


def _deeply_nested_docx(depth=800_000):
    document = (
        f'<w:document xmlns:w="{office_files.W}"><w:body>'
        + "<w:p>" * depth
        + "</w:p>" * depth
        + "</w:body></w:document>"
    )
    return office_files._zip(
        {"[Content_Types].xml": office_files.TYPES, "word/document.xml": document}
    )


def _pdf_of_pages_sharing_one_stream(pages=1000, stream_lines=400_000):
    """Every page draws the same huge content stream, so the file stays small."""
    content = zlib.compress(b"BT /F1 12 Tf 10 10 Td (Night calls) Tj ET\n" * stream_lines)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(f"{5 + n} 0 R".encode() for n in range(pages))
        + f"] /Count {pages} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content)
        + content
        + b"\nendstream",
    ]
    objects += [
        (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
        )
    ] * pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def test_a_deck_whose_slides_unpack_to_far_more_than_it_weighs_is_not_parsed():
    data = _pptx_of_big_slides()
    assert len(data) < 2 * 1024 * 1024

    found = extraction.extract_bounded(data, "deck.pptx")

    assert found.problem == TextProblem.TOO_COSTLY
    assert not found.pages


def test_xml_nested_far_too_deep_is_stopped_by_the_reading_limits(settings):
    """Under 10 MB unpacked, so the size check lets it through to the parser."""
    settings.READING_MEMORY_MB = 64
    settings.READING_SECONDS = 3

    found = extraction.extract_bounded(_deeply_nested_docx(), "nested.docx")

    assert found.problem == TextProblem.TOO_COSTLY


def test_a_pdf_that_would_take_minutes_is_stopped_by_the_time_limit(settings):
    settings.READING_SECONDS = 2
    data = _pdf_of_pages_sharing_one_stream()
    assert len(data) < 1024 * 1024
    files.check(io.BytesIO(data), "report.pdf")  # a well-formed PDF, only costly

    found = extraction.extract_bounded(data, "report.pdf")

    assert found.problem == TextProblem.TOO_COSTLY


def test_an_ordinary_document_is_read_through_the_bounded_reader():
    found = extraction.extract_bounded(pdf_bytes(["First page", "Second page"]), "report.pdf")

    assert found.problem == ""
    assert found.pages == ["First page", "Second page"]


def test_a_costly_upload_is_published_as_not_searchable_with_the_reason(resource_index, settings):
    settings.READING_SECONDS = 2
    item = document(data=_pdf_of_pages_sharing_one_stream(), name="costly.pdf")

    text = DocumentText.objects.get(document=item)
    assert text.status == TextStatus.NOT_SEARCHABLE
    assert text.problem == TextProblem.TOO_COSTLY
