"""Member Markdown costs work in proportion to its length, whatever its shape.

The renderer's work is measured as the number of Python lines it executes (a count,
not a time), so the test says the same on a busy machine as on an idle one: text four
times longer may cost about four times the work, never sixteen.
"""

import sys

import markdown
import pytest
from django.core.exceptions import ValidationError

from network.text.markdown_bounds import MAX_NESTING, nesting_depth, validate_structure
from network.text.sanitiser import markdown_to_html


def renderer_work(source):
    """Lines of Python-Markdown executed to render the source."""
    renderer = markdown.__file__.rsplit("/", 1)[0]
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if not frame.f_code.co_filename.startswith(renderer):
            return None
        count += 1
        return tracer

    sys.settrace(tracer)
    try:
        markdown_to_html(source)
    finally:
        sys.settrace(None)
    return count


PATHOLOGICAL = {
    "unclosed images": "![",
    "unclosed brackets": "[[",
    "unclosed link addresses": "[x](",
    "unclosed address in angle brackets": "[x](<",
    "unclosed references": "[a][",
}


@pytest.mark.parametrize("unit", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_work_grows_with_length_not_its_square(unit):
    short = renderer_work(unit * 250)
    long = renderer_work(unit * 1000)

    assert long <= 5 * short + 5_000, (short, long)


def test_raw_html_blocks_are_not_lifted_out_by_the_html_parser():
    """Python's HTML parser slows with the square of unclosed tags, in C the trace cannot see."""
    from network.text.markdown_bounds import bounded_markdown

    assert "html_block" not in bounded_markdown().preprocessors
    html = markdown_to_html("<a " * 5000)
    assert "<a" not in html.replace("&lt;a", "")


def test_nested_brackets_cost_no_more_than_their_length():
    short = renderer_work("[" * 250 + "]" * 250)
    long = renderer_work("[" * 1000 + "]" * 1000)

    assert long <= 5 * short + 5_000, (short, long)


def test_the_longest_reflection_of_openers_renders_as_its_own_characters():
    source = "![" * 9900

    html = markdown_to_html(source)

    assert html.count("![") == 9900
    assert "<img" not in html


def test_links_images_and_references_still_work():
    html = markdown_to_html(
        '**Read** [the guide](https://example.org/guide "Guide") and [its notes][notes].\n\n'
        "[notes]: https://example.org/notes\n\n"
        "Contact <https://example.org/contact> or [[1]](https://example.org/1)."
    )

    assert '<a href="https://example.org/guide" title="Guide"' in html
    assert '<a href="https://example.org/notes"' in html
    assert '<a href="https://example.org/contact"' in html
    assert '<a href="https://example.org/1"' in html
    assert "<strong>Read</strong>" in html


def test_many_real_links_all_render():
    html = markdown_to_html(" ".join(f"[link {n}](https://example.org/{n})" for n in range(300)))

    assert html.count("<a href=") == 300


def test_inline_html_still_reaches_the_sanitiser():
    html = markdown_to_html("Some <em>stress</em> and <script>alert(1)</script> here")

    assert "<em>stress</em>" in html
    assert "<script" not in html


@pytest.mark.parametrize(
    "line",
    ["- " * 30 + "x", "1. " * 30 + "x", "> " * 30 + "x", "  " * 30 + "- x", "\t" * 10 + "- x"],
)
def test_nesting_deeper_than_anyone_writes_is_refused_by_line(line):
    with pytest.raises(ValidationError) as refused:
        validate_structure(f"A first line\n{line}\n")

    message = refused.value.messages[0]
    assert "Line 2 is nested too deeply" in message
    assert f"up to {MAX_NESTING} levels" in message


def test_ordinary_nesting_passes():
    validate_structure("- one\n  - two\n    - three\n\n> quote\n> > reply\n\n---\n- - -")
    assert nesting_depth("    - item") == 3


def test_six_hundred_levels_render_as_plain_words_not_an_error():
    source = "".join("  " * level + "- item\n" for level in range(600))

    html = markdown_to_html(source)

    assert "item" in html
    assert "<li>" not in html
