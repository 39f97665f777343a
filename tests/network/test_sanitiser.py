"""Member HTML is hostile until network.text.sanitiser has been through it.

Output is judged the way a browser would judge it: parsed with html5lib (a WHATWG parser,
scripting on, as readers' browsers run) and walked element by element, with Python's own
html.parser as a second opinion, rather than grepped. None of these tests touch the
database.
"""

import ast
import re
import unicodedata
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import html5lib
import pytest
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from network.text.sanitiser import LINK_REL, clean_html, clean_text, markdown_to_html

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "xss_payloads.txt"

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "h2", "h3", "h4", "a"}
ALLOWED_ATTRIBUTES = {("a", "href"), ("a", "title"), ("a", "rel")}
FORBIDDEN_TAGS = {
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "form",
    "input",
    "button",
    "textarea",
    "noscript",
    "template",
    "base",
    "meta",
    "link",
    "img",
}
URL_ATTRIBUTES = {
    "href",
    "src",
    "srcset",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "cite",
    "style",
}
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:", "mocha:")
SAFE_HREF_PREFIXES = ("http://", "https://", "mailto:")
RAW_TEXT_ELEMENTS = [
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "textarea",
    "title",
    "xmp",
    "noembed",
    "noframes",
]


# --- what "safe" means -------------------------------------------------------------------


def as_a_browser_sees_it(value):
    """A URL or style value decoded, with everything a browser or a trick could ignore gone."""
    decoded = unescape(unescape(value))
    return "".join(
        char
        for char in decoded
        if not char.isspace() and unicodedata.category(char) not in {"Cc", "Cf", "Zl", "Zp"}
    ).lower()


def check_attribute(tag, name, value):
    local = name.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()
    assert not local.startswith("on"), f"event handler {name!r} on <{tag}>"
    seen = as_a_browser_sees_it(value)
    if local in URL_ATTRIBUTES or name.lower() == "xlink:href":
        assert not seen.startswith(SCRIPT_SCHEMES), f"script-capable {name}={value!r}"
    if local == "style":
        assert "expression(" not in seen
        assert "url(" not in seen
    assert (tag, name) in ALLOWED_ATTRIBUTES, f"unexpected attribute {name!r} on <{tag}>"
    if name == "href":
        assert seen.startswith(SAFE_HREF_PREFIXES), f"href not absolute http(s)/mailto: {value!r}"
        assert not seen.startswith(SCRIPT_SCHEMES)


def check_with_html5lib(output):
    fragment = html5lib.parseFragment(
        output, treebuilder="etree", namespaceHTMLElements=False, scripting=True
    )
    for element in fragment.iter():
        if element is fragment:
            continue
        assert isinstance(element.tag, str), f"comment or processing instruction in {output!r}"
        assert not element.tag.startswith("{"), f"foreign element {element.tag} in {output!r}"
        tag = element.tag.lower()
        assert tag not in FORBIDDEN_TAGS, f"<{tag}> in {output!r}"
        assert tag in ALLOWED_TAGS, f"<{tag}> in {output!r}"
        for name, value in element.attrib.items():
            check_attribute(tag, name, value)
        if tag == "a" and "href" in element.attrib:
            assert element.attrib.get("rel") == LINK_REL
        if tag == "a":
            assert "target" not in element.attrib


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.comments = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_comment(self, data):
        self.comments.append(data)

    def handle_decl(self, decl):
        self.comments.append(decl)

    def handle_pi(self, data):
        self.comments.append(data)

    def unknown_decl(self, data):
        self.comments.append(data)


def check_with_stdlib_parser(output):
    collector = _Collector()
    collector.feed(output)
    collector.close()
    assert not collector.comments, output
    for tag, attrs in collector.tags:
        assert tag in ALLOWED_TAGS, f"<{tag}> in {output!r}"
        for name, value in attrs:
            check_attribute(tag, name, value or "")


def assert_safe(output):
    assert isinstance(output, str)
    check_with_html5lib(output)
    check_with_stdlib_parser(output)
    lowered = output.lower()
    assert "<script" not in lowered
    assert "<!--" not in output


# --- the corpus --------------------------------------------------------------------------

_CODE_POINT = re.compile(r"\{\{U\+([0-9A-Fa-f]{4,6})\}\}")


def decode_corpus_line(line):
    """Escapes such as {{U+200B}} stand for characters that cannot sit on one line; nothing else
    is decoded."""
    return _CODE_POINT.sub(lambda match: chr(int(match.group(1), 16)), line)


def load_corpus():
    payloads = []
    for number, line in enumerate(CORPUS.read_text(encoding="utf-8").split("\n"), start=1):
        if not line.strip() or line.startswith("## "):
            continue
        payloads.append(pytest.param(decode_corpus_line(line), id=f"L{number}"))
    return payloads


CORPUS_PAYLOADS = load_corpus()


def test_corpus_has_at_least_300_distinct_payloads():
    payloads = [param.values[0] for param in CORPUS_PAYLOADS]
    assert all(payload.strip() for payload in payloads)
    assert len(set(payloads)) == len(payloads)
    assert len(payloads) >= 300


@pytest.mark.parametrize("payload", CORPUS_PAYLOADS)
def test_corpus_payload_is_neutralised(payload):
    output = clean_html(payload)
    assert isinstance(output, SafeData)
    assert_safe(output)
    assert clean_html(output) == output


@pytest.mark.parametrize("payload", CORPUS_PAYLOADS)
def test_corpus_payload_as_markdown_is_neutralised(payload):
    assert_safe(markdown_to_html(payload))


@pytest.mark.parametrize("payload", CORPUS_PAYLOADS)
def test_corpus_payload_as_plain_text_renders_as_text_only(payload):
    text = clean_text(payload)
    # A plain str, so autoescaping applies; SafeData here would let markup straight through.
    assert type(text) is str
    rendered = str(conditional_escape(text))
    fragment = html5lib.parseFragment(rendered, namespaceHTMLElements=False)
    assert len(fragment) == 0, rendered


# --- what members can do ------------------------------------------------------------------


def test_allowed_tags_survive():
    source = (
        "<h2>Title</h2><h3>Part</h3><h4>Bit</h4><p>One<br>two <strong>bold</strong> "
        "<em>soft</em></p><ul><li>a</li></ul><ol><li>b</li></ol><blockquote>said</blockquote>"
    )
    assert clean_html(source) == source


def test_links_get_rel_and_lose_everything_but_href_and_title():
    output = clean_html(
        '<a href="https://example.com/x" title="Example" target="_blank" rel="opener" '
        'id="y" onclick="alert(1)" style="color:red">site</a>'
    )
    assert output == f'<a href="https://example.com/x" title="Example" rel="{LINK_REL}">site</a>'


@pytest.mark.parametrize(
    "href", ["http://example.com", "https://example.com/a?b=1", "mailto:team@example.org"]
)
def test_absolute_http_https_and_mailto_links_are_kept(href):
    assert clean_html(f'<a href="{href}">x</a>') == f'<a href="{href}" rel="{LINK_REL}">x</a>'


def test_ampersands_in_hrefs_round_trip():
    href = "https://example.com/?a=1&amp;b=2"
    assert clean_html(f'<a href="{href}">x</a>') == f'<a href="{href}" rel="{LINK_REL}">x</a>'


@pytest.mark.parametrize(
    "href",
    [
        "/relative/path",
        "#fragment",
        "//evil.example/",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6A&#x61vascript:alert(1)",
        "java&Tab;script:alert(1)",
        "java\u200bscript:alert(1)",
        "\ufeffjavascript:alert(1)",
        "java\u00adscript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.com/",
        "http:javascript:alert(1)",
    ],
)
def test_unsafe_or_relative_hrefs_are_removed_but_text_kept(href):
    output = clean_html(f'<a href="{href}" title="t">keep <em>me</em></a>')
    assert output == '<a title="t">keep <em>me</em></a>'


def test_hidden_characters_are_removed_from_kept_hrefs():
    output = clean_html('<a href="\u200bhttps://exa\u00admple.com/\ufeffpath">x</a>')
    assert output == f'<a href="https://example.com/path" rel="{LINK_REL}">x</a>'


def test_bare_urls_are_linkified():
    output = clean_html("<p>See https://example.com/page and www.nhs.uk.</p>")
    assert output == (
        f'<p>See <a href="https://example.com/page" rel="{LINK_REL}">https://example.com/page</a>'
        f' and <a href="http://www.nhs.uk" rel="{LINK_REL}">www.nhs.uk</a>.</p>'
    )


def test_existing_links_are_not_linkified_inside():
    source = '<a href="https://a.example.com">see https://b.example.com</a>'
    expected = f'<a href="https://a.example.com" rel="{LINK_REL}">see https://b.example.com</a>'
    assert clean_html(source) == expected


def test_title_attribute_is_kept_and_escaped():
    output = clean_html('<a href="https://example.com" title="a &quot;quoted&quot; <title>">x</a>')
    fragment = html5lib.parseFragment(output, namespaceHTMLElements=False)
    (link,) = fragment.iter("a")
    assert link.attrib["title"] == 'a "quoted" <title>'


def test_h2_to_h4_kept_but_h1_h5_h6_stripped_to_text():
    output = clean_html("<h1>one</h1><h2>two</h2><h3>three</h3><h4>four</h4><h5>five</h5>")
    assert "<h1" not in output
    assert "<h5" not in output
    assert "<h2>two</h2><h3>three</h3><h4>four</h4>" in output
    assert "one" in output
    assert "five" in output


def test_comments_are_stripped():
    assert clean_html("<p>a<!-- secret -->b</p><!--[if IE]>x<![endif]-->") == "<p>ab</p>"


@pytest.mark.parametrize("tag", RAW_TEXT_ELEMENTS)
def test_raw_text_and_script_elements_are_dropped_with_their_content(tag):
    output = clean_html(f"<p>before</p><{tag}>alert(document.cookie)</{tag}><p>after</p>")
    assert output == "<p>before</p><p>after</p>"


def test_other_disallowed_tags_are_stripped_but_their_text_kept():
    assert clean_html("<b>bold</b> <span class=x>span</span> <u>u</u>") == "bold span u"


def test_entities_are_not_double_escaped():
    assert clean_html("Tom &amp; Jerry &lt;3") == "Tom &amp; Jerry &lt;3"
    assert clean_html("Tom & Jerry <3") == "Tom &amp; Jerry &lt;3"
    assert clean_html("&amp;copy; stays literal") == "&amp;copy; stays literal"


def test_empty_input():
    assert clean_html("") == ""
    assert clean_text("") == ""
    assert markdown_to_html("") == ""


def test_clean_text_strips_all_tags_and_returns_plain_str():
    text = clean_text(
        "<p>Tom &amp; <strong>Jerry</strong></p><script>alert(1)</script><p>x &lt; y "
        '<a href="https://example.com">link</a><!-- c --></p>'
    )
    assert text == "Tom & Jerry\nx < y link"
    assert type(text) is str


def test_markdown_renders_the_basics():
    output = markdown_to_html(
        "**bold** and *soft*\n\n- one\n- two\n\n1. first\n\n> quoted\n\n"
        '[a link](https://example.com "Example")'
    )
    assert isinstance(output, SafeData)
    assert "<strong>bold</strong>" in output
    assert "<em>soft</em>" in output
    assert "<ul>\n<li>one</li>\n<li>two</li>\n</ul>" in output
    assert "<ol>\n<li>first</li>\n</ol>" in output
    assert "<blockquote>\n<p>quoted</p>\n</blockquote>" in output
    assert f'<a href="https://example.com" title="Example" rel="{LINK_REL}">a link</a>' in output
    assert_safe(output)


def test_markdown_inline_html_goes_through_the_sanitiser():
    output = markdown_to_html(
        "Hello <img src=x onerror=alert(1)> <b onclick=alert(1)>there</b>\n\n"
        "<script>alert(1)</script>\n\n[bad](javascript:alert(1)) <https://example.com/x>"
    )
    assert_safe(output)
    assert "alert" not in output
    assert "<a>bad</a>" in output
    assert f'<a href="https://example.com/x" rel="{LINK_REL}">' in output


# --- generated markup ---------------------------------------------------------------------

TAGS = [
    *sorted(ALLOWED_TAGS),
    *sorted(FORBIDDEN_TAGS),
    "h1",
    "h5",
    "div",
    "span",
    "b",
    "title",
    "xmp",
    "noembed",
    "plaintext",
    "select",
    "option",
    "table",
    "td",
    "mtext",
    "mglyph",
    "annotation-xml",
    "foreignObject",
    "desc",
    "details",
    "video",
    "source",
    "frameset",
    "image",
    "isindex",
    "SCRIPT",
    "ImG",
]
ATTRIBUTES = [
    "href",
    "src",
    "title",
    "style",
    "onerror",
    "onload",
    "onclick",
    "onmouseover",
    "onfocus",
    "ontoggle",
    "onanimationstart",
    "ONERROR",
    "oNlOaD",
    "autofocus",
    "formaction",
    "action",
    "xlink:href",
    "srcset",
    "srcdoc",
    "data",
    "id",
    "name",
    "target",
    "rel",
    "class",
    "background",
    "poster",
    "open",
]
SCHEMES = ["javascript", "vbscript", "data", "http", "https", "mailto", "JaVaScRiPt", "ftp", ""]
HIDDEN = ["\t", "\n", "\r", "\x00", "\x01", "\u200b", "\ufeff", "\u00ad", "\u2028", "\u2029", " "]
HIDDEN_ENCODED = ["&Tab;", "&NewLine;", "&#x200b;", "&#0;", "&#10;", "&shy;"]
ENCODERS = [
    lambda char: char,
    lambda char: char.upper(),
    lambda char: f"&#{ord(char)};",
    lambda char: f"&#{ord(char)}",
    lambda char: f"&#{ord(char):07d}",
    lambda char: f"&#x{ord(char):x};",
    lambda char: f"&#X{ord(char):06X}",
    lambda char: "&colon;" if char == ":" else char,
]
TEXT_TOKENS = [
    "a",
    " ",
    "<",
    ">",
    "&",
    '"',
    "'",
    "`",
    "=",
    "/",
    "&amp;",
    "&lt;",
    "&#60;",
    "&copy;",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "</",
    "javascript:alert(1)",
    "https://example.com/x?y=1&z=2",
    "www.nhs.uk",
    "*",
    "**",
    "[x](javascript:alert(1))",
    "\n\n",
    "> ",
    "- ",
    *HIDDEN,
]


@st.composite
def urls(draw):
    scheme = draw(st.sampled_from(SCHEMES))
    pieces = [draw(st.sampled_from(["", "", " ", "\x01", "&#32;", "\u200b"]))]
    for char in f"{scheme}:" if scheme else "":
        pieces.append(draw(st.sampled_from(ENCODERS))(char))
        pieces.append(draw(st.sampled_from(["", "", "", "", *HIDDEN, *HIDDEN_ENCODED])))
    body = draw(
        st.sampled_from(
            ["alert(1)", "//example.com/x", "text/html,<script>alert(1)</script>", "x@example.com"]
        )
    )
    return "".join(pieces) + body


attribute_values = st.one_of(
    urls(),
    st.sampled_from(
        [
            "alert(1)",
            "x",
            "background:url(javascript:alert(1))",
            "width:expression(alert(1))",
            '"><script>alert(1)</script>',
            "</noscript><img src=x onerror=alert(1)>",
        ]
    ),
    st.text(max_size=10),
)


@st.composite
def attributes(draw):
    rendered = []
    for name in draw(st.lists(st.sampled_from(ATTRIBUTES), max_size=4)):
        value = draw(attribute_values)
        quote = draw(st.sampled_from(['"', "'", "", "`"]))
        separator = draw(st.sampled_from([" ", "/", "\t", "\n"]))
        rendered.append(f"{separator}{name}={quote}{value}{quote}")
    return "".join(rendered)


text = st.one_of(
    st.text(max_size=15),
    st.lists(st.sampled_from(TEXT_TOKENS), max_size=8).map("".join),
)


@st.composite
def elements(draw, children):
    tag = draw(st.sampled_from(TAGS))
    inner = "".join(draw(st.lists(children, max_size=4)))
    ending = draw(st.sampled_from(["close", "close", "none", "self", "upper"]))
    start = f"<{tag}{draw(attributes())}"
    if ending == "self":
        return f"{start}/>{inner}"
    closing = {"close": f"</{tag}>", "none": "", "upper": f"</{tag.upper()}>"}[ending]
    return f"{start}>{inner}{closing}"


markup = st.recursive(text, lambda children: elements(children), max_leaves=20)


# Hypothesis refuses function-scoped fixtures by default because they are not reset between
# examples; the only ones here are conftest's autouse media-folder fixtures, which these
# tests never use.
@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(markup)
def test_generated_markup_is_neutralised(source):
    output = clean_html(source)
    assert_safe(output)
    assert clean_html(output) == output
    assert_safe(markdown_to_html(source))
    assert type(clean_text(source)) is str


# --- one door ------------------------------------------------------------------------------

SCANNED = ["network", "blog", "casestudies", "search"]
SANITISER = ROOT / "network" / "text" / "sanitiser.py"
_TEXTUAL_IMPORT = re.compile(
    r"^\s*(import\s+bleach\b|from\s+bleach\b)|import_module\(\s*['\"]bleach|__import__\(\s*['\"]bleach",
    re.MULTILINE,
)


def imports_bleach(path):
    source = path.read_text(encoding="utf-8")
    if _TEXTUAL_IMPORT.search(source):
        return True
    for node in ast.walk(ast.parse(source, filename=str(path))):
        if isinstance(node, ast.Import):
            if any(alias.name.split(".")[0] == "bleach" for alias in node.names):
                return True
        elif (
            isinstance(node, ast.ImportFrom)
            and not node.level
            and (node.module or "").split(".")[0] == "bleach"
        ):
            return True
    return False


def test_the_scanner_recognises_the_sanitisers_own_import():
    assert imports_bleach(SANITISER)


def test_no_other_module_imports_bleach():
    offenders = [
        path.relative_to(ROOT).as_posix()
        for directory in SCANNED
        for path in sorted((ROOT / directory).rglob("*.py"))
        if path != SANITISER and imports_bleach(path)
    ]
    assert offenders == [], "only network/text/sanitiser.py may import bleach"
