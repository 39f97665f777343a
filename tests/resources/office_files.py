"""Word, PowerPoint and OpenDocument files built the way those programs save them: a zip
of XML parts with the parts that make each format what it is."""

import io
import zipfile
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'


def _zip(parts):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as container:
        for name, data in parts.items():
            container.writestr(name, data)
    return buffer.getvalue()


def docx(paragraphs):
    body = "".join(f"<w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p>" for text in paragraphs)
    document = (
        f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    )
    return _zip({"[Content_Types].xml": TYPES, "word/document.xml": document})


def pptx(slides):
    parts = {
        "[Content_Types].xml": TYPES,
        "ppt/presentation.xml": f'<p:presentation xmlns:p="{P}"/>',
    }
    for number, text in enumerate(slides, start=1):
        parts[f"ppt/slides/slide{number}.xml"] = (
            f'<p:sld xmlns:p="{P}" xmlns:a="{A}">'
            f"<a:p><a:r><a:t>{escape(text)}</a:t></a:r></a:p></p:sld>"
        )
    return _zip(parts)


def odf(mimetype, body):
    content = (
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0">'
        f"<office:body>{body}</office:body></office:document-content>"
    )
    return _zip({"mimetype": mimetype, "content.xml": content})


def odt(paragraphs):
    body = "".join(f"<text:p>{escape(text)}</text:p>" for text in paragraphs)
    return odf("application/vnd.oasis.opendocument.text", f"<office:text>{body}</office:text>")


def odp(slides):
    pages = "".join(
        f'<draw:page draw:name="{n}"><text:p>{escape(text)}</text:p></draw:page>'
        for n, text in enumerate(slides, start=1)
    )
    return odf(
        "application/vnd.oasis.opendocument.presentation",
        f"<office:presentation>{pages}</office:presentation>",
    )
