"""Reading the words out of a document, page by page, within fixed bounds.

PDFs are read with pypdf; Word, PowerPoint and OpenDocument files are zip containers of
XML, read with the standard library through defusedxml (no entity expansion, no external
references). Every bound is applied before the words are kept: pages read, characters
kept per document, and the size each XML part may unpack to.

The answer is either the pages' words or the reason there are none: no text (a scanned
report), locked with a password, damaged, too costly to read, or a kind of file whose
words are not read.

Bounding what is kept is not enough: a small file can ask for minutes of work and
gigabytes of memory (a slide deck of tiny files that unpack to 49 MB of XML, a PDF whose
thousand pages share one huge content stream, XML nested millions deep). So each part's
unpacked size is checked before it is parsed, all the parts of one file together are
bounded too, and `extract_bounded()` reads in a child process under a time limit and an
address-space limit (resource.setrlimit): a file that passes either is stopped, and is
published as "Text not searchable" with the reason, as a scanned one is.
"""

import io
import logging
import multiprocessing
import re
import resource
import zipfile
from dataclasses import dataclass, field

from defusedxml import ElementTree
from django.conf import settings

from . import files
from .models import TextProblem

logger = logging.getLogger(__name__)

MAX_PAGES = 1000
MAX_CHARACTERS = 1_000_000  # a long report is ~300,000; the rest is not read
# What the XML parts may unpack to, each and all of one file's together, before parsing.
MAX_PART_BYTES = 10 * 1024 * 1024
MAX_PARTS_BYTES = 30 * 1024 * 1024

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
DRAW_NS = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"


@dataclass
class Extracted:
    pages: list = field(default_factory=list)
    problem: str = ""
    paged: bool = True
    truncated: bool = False

    @property
    def is_searchable(self):
        return not self.problem


def _tidy(text):
    return " ".join((text or "").split())


def _bounded(pages, paged=True):
    kept, total, truncated = [], 0, False
    for text in pages:
        if len(kept) >= MAX_PAGES or total >= MAX_CHARACTERS:
            truncated = True
            break
        text = _tidy(text)
        if total + len(text) > MAX_CHARACTERS:
            text = text[: MAX_CHARACTERS - total]
            truncated = True
        kept.append(text)
        total += len(text)
    if not any(kept):
        return Extracted(problem=TextProblem.NO_TEXT, paged=paged)
    return Extracted(pages=kept, paged=paged, truncated=truncated)


def _pdf(file):
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(file, strict=False)
        if reader.is_encrypted:
            # An owner password alone (printing or copying locked) opens with no password.
            try:
                opened = reader.decrypt("")
            except (DependencyError, NotImplementedError):
                # AES needs the cryptography package, which is not installed; pypdf also
                # raises NotImplementedError for encryption schemes it does not know.
                opened = 0
            if not opened:
                return Extracted(problem=TextProblem.ENCRYPTED)
        count = len(reader.pages)
    except FileNotDecryptedError:
        return Extracted(problem=TextProblem.ENCRYPTED)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError) as error:
        logger.info("PDF could not be opened: %s", error)
        return Extracted(problem=TextProblem.BROKEN)

    def pages():
        for number in range(min(count, MAX_PAGES)):
            try:
                yield reader.pages[number].extract_text() or ""
            except Exception:  # one damaged page leaves the others readable
                logger.info("PDF page %s could not be read", number + 1, exc_info=True)
                yield ""

    try:
        found = _bounded(pages())
    except Exception:
        logger.info("PDF could not be read", exc_info=True)
        return Extracted(problem=TextProblem.BROKEN)
    found.truncated = found.truncated or count > MAX_PAGES
    return found


class TooCostlyError(ValueError):
    """The file would unpack to more than the library reads."""


def _xml(container, name, budget):
    info = container.getinfo(name)
    if info.file_size > MAX_PART_BYTES or info.file_size > budget["left"]:
        raise TooCostlyError(f"{name} unpacks to more than the library reads")
    budget["left"] -= info.file_size
    return ElementTree.fromstring(container.read(name))


def _paragraphs(root, paragraph_tag, text_tag):
    lines = []
    for paragraph in root.iter(paragraph_tag):
        lines.append("".join(node.text or "" for node in paragraph.iter(text_tag)))
    return "\n".join(lines)


def _odf_text(element):
    return " ".join(_tidy("".join(part.itertext())) for part in element.iter(f"{TEXT_NS}p"))


SLIDE = re.compile(r"ppt/slides/slide(\d+)\.xml$")


def _container(file, extension):
    container = files.open_container(file)
    budget = {"left": MAX_PARTS_BYTES}
    if extension == "docx":
        root = _xml(container, "word/document.xml", budget)
        return [_paragraphs(root, f"{W}p", f"{W}t")], False
    if extension == "pptx":
        slides = sorted(
            (int(match.group(1)), name)
            for name in container.namelist()
            if (match := SLIDE.match(name))
        )
        return [
            _paragraphs(_xml(container, name, budget), f"{A}p", f"{A}t") for _n, name in slides
        ], True
    root = _xml(container, "content.xml", budget)
    if extension == "odp":
        return [_odf_text(page) for page in root.iter(f"{DRAW_NS}page")], True
    return [_odf_text(root)], False


def _text_file(file):
    data = file.read(MAX_CHARACTERS * 4)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return _bounded([text], paged=False)


def extract(file, name):
    """The words of ``file`` (open, binary), whose kind its ``name`` gives."""
    extension = files.extension_of(name)
    file.seek(0)
    if extension == "pdf":
        return _pdf(file)
    if extension in ("txt", "csv"):
        return _text_file(file)
    if extension in ("docx", "pptx", "odt", "odp"):
        try:
            pages, paged = _container(file, extension)
        except TooCostlyError as error:
            logger.info("Document not read: %s", error)
            return Extracted(problem=TextProblem.TOO_COSTLY)
        except (files.NotThatKindError, zipfile.BadZipFile, KeyError, ValueError) as error:
            logger.info("Document could not be read: %s", error)
            return Extracted(problem=TextProblem.BROKEN)
        except ElementTree.ParseError:
            return Extracted(problem=TextProblem.BROKEN)
        return _bounded(pages, paged=paged)
    return Extracted(problem=TextProblem.UNSUPPORTED, paged=False)


def _address_space():
    """This process's virtual memory in bytes (the figure RLIMIT_AS bounds)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * resource.getpagesize()


def _read_in_child(data, name, memory_bytes, connection):
    """The child's whole life: cap its memory above what it inherited, read, answer."""
    try:
        limit = _address_space() + memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        found = extract(io.BytesIO(data), name)
    except MemoryError:
        found = Extracted(problem=TextProblem.TOO_COSTLY)
    except Exception:  # whatever else a hostile file provokes, the parent is told
        logger.info("Document could not be read", exc_info=True)
        found = Extracted(problem=TextProblem.BROKEN)
    connection.send(found)
    connection.close()


def extract_bounded(data, name):
    """extract(), in a child process stopped after READING_SECONDS or past READING_MEMORY_MB.

    The child is forked, so it starts at once with the code already loaded; it touches
    no database and no file, only the bytes it is given, and hands back the words.
    """
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(
        target=_read_in_child,
        args=(data, name, settings.READING_MEMORY_MB * 1024 * 1024, sending),
        daemon=True,
    )
    child.start()
    sending.close()
    try:
        if receiving.poll(settings.READING_SECONDS):
            return receiving.recv()
        logger.warning("Reading %s stopped after %s s", name, settings.READING_SECONDS)
        return Extracted(problem=TextProblem.TOO_COSTLY)
    except EOFError:  # the child died: killed for its memory, as a rule
        logger.warning("Reading %s stopped: it needed more memory than allowed", name)
        return Extracted(problem=TextProblem.TOO_COSTLY)
    finally:
        receiving.close()
        if child.is_alive():
            child.kill()
        child.join(5)
