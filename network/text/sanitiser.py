"""The only door through which member-written HTML becomes markup the site renders.

Reflections and comments come from network members, so their HTML is untrusted: one bad
link would run script in every reader's session, facilitators' included. Keeping every
rule here means there is one place to review, one place to test, and (because bleach is
no longer maintained upstream) one file to change when it is replaced. No other module
may import bleach; a test enforces that.

The work happens in two passes. The first parses the input the way a browser does and
throws away whole elements whose content is never prose (script, style, raw-text and
foreign elements), along with comments and every attribute we would refuse anyway.
Bleach's own parser deliberately reads the inside of such elements as ordinary markup,
which is safe but lets ``<script>alert(1)</script>`` come out as the words
``alert(1)``. The second pass is bleach, which strips what is left of the tag soup,
linkifies bare URLs and lets each link through a single policy function.
"""

import re
import threading
import unicodedata
from functools import partial
from html import unescape as unescape_entities
from urllib.parse import quote

from bleach.html5lib_shim import HTMLParser, HTMLSerializer, getTreeWalker
from bleach.linkifier import LinkifyFilter
from bleach.sanitizer import Cleaner
from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from network.text.markdown_bounds import bounded_markdown, validate_structure

__all__ = ["ALLOWED_TAGS", "LINK_REL", "clean_html", "clean_text", "markdown_to_html"]

ALLOWED_TAGS = frozenset(
    {"p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "h2", "h3", "h4", "a"}
)
ALLOWED_ATTRIBUTES = {"a": frozenset({"href", "title"})}
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})

# Members link to pages we neither vet nor vouch for: search engines should not credit
# them, and the target page must get no handle on ours (window.opener) nor our URL.
LINK_REL = "nofollow ugc noopener noreferrer"

# Elements whose content is code, styling, a nested document or out-of-band text rather
# than something the author meant readers to see. SVG and MathML never get this far:
# every foreign-namespace element is dropped, because namespace switching is where
# mutation XSS lives and members have no need for either.
_DROP_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "frame",
        "frameset",
        "textarea",
        "title",
        "xmp",
        "noembed",
        "noframes",
        "plaintext",
        "object",
        "embed",
        "applet",
        "select",
        "head",
    }
)

# Closing one of these ends a line for a reader, so plain text keeps the break.
_BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    }
)

_HTML_NAMESPACES = frozenset({None, "http://www.w3.org/1999/xhtml"})

# Control characters are never prose; a form feed is HTML whitespace, so it becomes a space
# rather than gluing a tag name to its first attribute. Lone surrogates cannot be encoded
# into the response at all.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_SCHEME_RE = re.compile(r"([a-z][a-z0-9+.\-]*):", re.IGNORECASE)

_local = threading.local()


def _is_hidden(char: str) -> bool:
    """Whether a character is invisible to a reader but could still split up a scheme.

    Zero-width spaces, soft hyphens, BOMs, bidi controls and line/paragraph separators are
    how "javascript:" gets past a naive check, so a URL is judged with them removed.
    """
    return unicodedata.category(char) in {"Cc", "Cf", "Cs", "Zl", "Zp"}


def _without_hidden(value: str) -> str:
    return "".join(char for char in value if not _is_hidden(char))


def _safe_href(raw: str) -> str | None:
    """The link target to publish, or None where it could run code or is not absolute.

    Judged on what a browser would act on: entities decoded, hidden characters and
    whitespace removed. Relative links are refused too: they resolve against our own site,
    so "/accounts/logout/" or "/admin/..." would pass for our own navigation, and they
    break wherever the text travels (feeds, emails); "//elsewhere" has no scheme to check.
    The value returned is the raw one (entities intact, so bleach's serialiser keeps it
    exact) with the hidden characters taken out, so what readers follow is what was checked.
    """
    # Tabs and newlines are control characters, so they go with the hidden ones (as
    # browsers drop them from URLs too); any other space left inside is percent-encoded.
    published = re.sub(r"\s", lambda m: quote(m.group()), _without_hidden(raw).strip())
    seen = unescape_entities(published)
    judged = re.sub(r"\s", "", _without_hidden(seen))
    if judged != seen:
        # Only entities can smuggle in characters that the steps above removed.
        return None
    match = _SCHEME_RE.match(judged)
    if match is None:
        return None
    scheme = match.group(1).lower()
    rest = judged[match.end() :]
    if scheme not in ALLOWED_SCHEMES or not rest:
        return None
    if scheme in {"http", "https"} and not re.match(r"[/\\]{2}[^/\\?#]", rest):
        return None
    return published


def _allow_attribute(tag: str, name: str, value: str) -> bool:
    """Bleach's attribute gate; the link policy below repeats the href check on purpose."""
    if name not in ALLOWED_ATTRIBUTES.get(tag, ()):
        return False
    return name != "href" or _safe_href(value) is not None


def _link_policy(attrs: dict, is_new: bool) -> dict | None:
    """Every link, written or linkified, leaves with a checked href, a title and our rel.

    Anything else a link carried (target, ping, download, event handlers) is dropped. A
    written link whose target is refused keeps its text and formatting but loses the
    href, so it cannot be followed; a bare URL that fails stays plain text.
    """
    href = attrs.get((None, "href"))
    if href is not None and is_new:
        # A linkified URL comes from text, where "&" is a literal character; written
        # hrefs are still entity-encoded, and the serialiser must treat both alike.
        href = href.replace("&", "&amp;")
    title = attrs.get((None, "title"))
    safe = None if href is None else _safe_href(href)
    if safe is None and is_new:
        return None
    kept: dict = {}
    if safe is not None:
        kept[(None, "href")] = safe
    if title is not None:
        kept[(None, "title")] = title
    if safe is not None:
        kept[(None, "rel")] = LINK_REL
    kept["_text"] = attrs.get("_text", "")
    return kept


class _LinkifyAfterSanitiser(LinkifyFilter):
    """LinkifyFilter that trusts the sanitiser's handling of character references.

    Stock LinkifyFilter looks for entities in text a second time, after the sanitiser has
    already turned "&amp;" into a bare "&", so a member who wrote "&amp;copy;" would see
    a copyright sign, and cleaning the output again would change it. Here the text is
    already tokenised, so it passes through as it is.
    """

    def extract_entities(self, token):
        yield token


def _cleaner() -> Cleaner:
    """One Cleaner per thread: bleach's parser keeps state between calls."""
    cleaner = getattr(_local, "cleaner", None)
    if cleaner is None:
        cleaner = Cleaner(
            tags=ALLOWED_TAGS,
            attributes=_allow_attribute,
            protocols=ALLOWED_SCHEMES,
            strip=True,
            strip_comments=True,
            filters=[partial(_LinkifyAfterSanitiser, callbacks=[_link_policy], parse_email=False)],
        )
        _local.cleaner = cleaner
    return cleaner


def _normalise(text: str) -> str:
    return _CONTROL_RE.sub("", str(text).replace("\x0c", " "))


def _browser_tokens(text: str):
    """Tokens for the input as a browser would build it, minus what can never be content.

    Parsing with scripting on (as readers' browsers do) matters for noscript, whose
    content is raw text there; parsing it as markup is the classic way past a sanitiser.
    """
    parser = HTMLParser(namespaceHTMLElements=False)
    fragment = parser.parseFragment(text, container="div", scripting=True)
    depth = 0
    for token in getTreeWalker("etree")(fragment):
        kind = token["type"]
        if depth:
            if kind == "StartTag":
                depth += 1
            elif kind == "EndTag":
                depth -= 1
            continue
        if kind in {"Comment", "Doctype"} or kind.startswith("Unknown"):
            continue
        if kind in {"StartTag", "EmptyTag"}:
            name = token["name"].lower()
            if token["namespace"] not in _HTML_NAMESPACES or name in _DROP_WITH_CONTENT:
                if kind == "StartTag":
                    depth = 1
                continue
            allowed = ALLOWED_ATTRIBUTES.get(name, frozenset())
            token["data"] = {
                (namespace, attr): value
                for (namespace, attr), value in token["data"].items()
                if namespace is None and attr in allowed
            }
        yield token


def _without_inert_content(text: str) -> str:
    serializer = HTMLSerializer(
        quote_attr_values="always",
        use_best_quote_char=False,
        omit_optional_tags=False,
        escape_lt_in_attrs=True,
        escape_rcdata=True,
        minimize_boolean_attributes=False,
        resolve_entities=False,
        sanitize=False,
        alphabetical_attributes=False,
    )
    return serializer.render(_browser_tokens(text))


def clean_html(html: str) -> SafeString:
    """Member HTML reduced to the little formatting a reflection needs, safe to render.

    This is the only function whose output may be marked safe: templates that show
    member content should get it from here (or from markdown_to_html) and nowhere else.
    """
    if not html:
        return mark_safe("")
    text = _without_inert_content(_normalise(html))
    return mark_safe(_cleaner().clean(text))


def clean_text(text: str) -> str:
    """Plain text for names, titles and summaries where no markup belongs.

    Returned unescaped and unmarked, so the template's autoescaping escapes it exactly
    once: "Tom &amp; Jerry" comes back as "Tom & Jerry" and displays that way.
    """
    if not text:
        return ""
    parts = []
    for token in _browser_tokens(_normalise(text)):
        if token["type"] in {"Characters", "SpaceCharacters"}:
            parts.append(token["data"])
        elif token.get("name", "").lower() in _BLOCK_TAGS:
            parts.append("\n")
    joined = re.sub(r"[ \t]*\n\s*", "\n", "".join(parts))
    return str(joined.strip())


def markdown_to_html(source: str) -> SafeString:
    """Markdown for members who prefer it, under exactly the same rules as HTML.

    Markdown passes raw HTML straight through, so its output is only ever an input to
    clean_html, never something marked safe in its own right. The converter's work is
    bounded (network/text/markdown_bounds.py); text nested deeper than it can take, which the
    forms refuse before saving, comes out as the plain words the member typed.
    """
    if not source:
        return mark_safe("")
    source = _normalise(source)
    try:
        validate_structure(source)
        # sane_lists keeps a bulleted list and a numbered one that follows it as two
        # lists, which is what members expect and what the source says.
        rendered = bounded_markdown().convert(source)
    except (ValidationError, RecursionError):
        rendered = "".join(
            f"<p>{escape(paragraph)}</p>" for paragraph in re.split(r"\n\s*\n", source)
        )
    return clean_html(rendered)
