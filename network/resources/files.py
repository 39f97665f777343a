"""What an uploaded document really is, judged by its bytes rather than its name.

A file called report.pdf that holds a program, a web page or a zip of something else is
refused with a message saying what is wrong; the name only says which kind to expect.
Each format is checked as its own rules require, over the whole file, not by looking
for a signature somewhere near the start (a web page quoting "%PDF-" is not a PDF):

- a PDF starts with its header at the first byte and ends with the trailer that tells a
  reader where its cross-reference table is (startxref, then %%EOF);
- word-processor and slide formats are zip containers from the first byte (a zip
  appended to a web page is refused), holding the part that makes each one what it is
  (word/document.xml; an OpenDocument file's mimetype, its first entry), within a bound
  on how much the container claims to unpack to.
"""

import zipfile
from dataclasses import dataclass

# A container whose parts claim to unpack to more than this is refused as a zip bomb.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
PDF_HEADER = b"%PDF-"
# Readers look for the trailer within the last kilobyte; some writers add a few bytes after.
PDF_TRAILER_WINDOW = 1024
ZIP_LOCAL_HEADER = b"PK\x03\x04"
TEXT_SAMPLE = 64 * 1024


@dataclass(frozen=True)
class Kind:
    extension: str
    label: str  # how the format is named to readers: "PDF", "Word document"


KINDS = {
    kind.extension: kind
    for kind in (
        Kind("pdf", "PDF"),
        Kind("docx", "Word document"),
        Kind("odt", "OpenDocument text"),
        Kind("pptx", "PowerPoint slides"),
        Kind("odp", "OpenDocument slides"),
        Kind("xlsx", "Excel spreadsheet"),
        Kind("rtf", "Rich text"),
        Kind("txt", "Plain text"),
        Kind("csv", "CSV spreadsheet"),
    )
}
OOXML_MAIN_PART = {
    "docx": "word/document.xml",
    "pptx": "ppt/presentation.xml",
    "xlsx": "xl/workbook.xml",
}
ODF_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}


class NotThatKindError(ValueError):
    """The file's contents do not match its name, or are not a document at all."""


def extension_of(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def label_for(name):
    kind = KINDS.get(extension_of(name))
    return kind.label if kind else "File"


def open_container(file):
    """The zip inside a Word, PowerPoint or OpenDocument file, refused if it would unpack to
    far more than a document holds."""
    try:
        container = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError) as error:
        raise NotThatKindError("is not a complete document container") from error
    if sum(member.file_size for member in container.infolist()) > MAX_UNPACKED_BYTES:
        raise NotThatKindError("unpacks to far more than a document could hold")
    return container


def _check_pdf(file, head):
    if not head.startswith(PDF_HEADER):
        raise NotThatKindError("is not a PDF")
    size = file.seek(0, 2)
    file.seek(max(0, size - PDF_TRAILER_WINDOW))
    tail = file.read()
    if b"startxref" not in tail or b"%%EOF" not in tail:
        raise NotThatKindError("is not a complete PDF: its end is missing")


def _check_zip(file, head, extension):
    if not head.startswith(ZIP_LOCAL_HEADER):
        raise NotThatKindError("is not a document container from its first byte")
    container = open_container(file)
    members = container.infolist()
    # zipfile finds a container at the end of anything; its first part must start the file.
    if not members or min(member.header_offset for member in members) != 0:
        raise NotThatKindError("is not a document container from its first byte")
    names = {member.filename for member in members}
    if extension in OOXML_MAIN_PART:
        if "[Content_Types].xml" not in names or OOXML_MAIN_PART[extension] not in names:
            raise NotThatKindError("does not hold the parts of that kind of file")
        return
    if members[0].filename != "mimetype":
        raise NotThatKindError("does not hold the parts of that kind of file")
    if container.read("mimetype").strip() != ODF_MIMETYPES[extension]:
        raise NotThatKindError("is a different kind of OpenDocument file")


def _check_text(head):
    if b"\x00" in head:
        raise NotThatKindError("holds binary data, not text")
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte letter cut at the sample's end is still text.
        if error.start < len(head) - 4:
            try:
                head.decode("cp1252")
            except UnicodeDecodeError:
                raise NotThatKindError("is not readable text") from error


def check(file, name):
    """Raise NotThatKindError (with the reason, to follow "This file…") unless the bytes of
    ``file`` are the kind of document its name says. The file is left at its start."""
    extension = extension_of(name)
    if extension not in KINDS:
        raise NotThatKindError("is not a kind of document the library takes")
    file.seek(0)
    head = file.read(TEXT_SAMPLE)
    file.seek(0)
    try:
        if extension == "pdf":
            _check_pdf(file, head)
        elif extension == "rtf":
            if not head.lstrip().startswith(b"{\\rtf"):
                raise NotThatKindError("is not a rich text file")
        elif extension in ("txt", "csv"):
            _check_text(head)
        else:
            _check_zip(file, head, extension)
    finally:
        file.seek(0)
