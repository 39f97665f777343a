"""Tiny helpers that keep the demo's rich text readable as Python rather than as HTML."""


def p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def ul(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def h2(text):
    return f"<h2>{text}</h2>"
