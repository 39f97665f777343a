"""The passages of a document that the language model reads, from its index source.

The model reads at most 128 tokens (about ninety words) at once, so a long page is read
as a few passages and ranked by its closest one. The first passage carries the title and
summary, which say what a page is about; a resource's passages come from inside its
document, where the answer to a question often is.
"""

import hashlib
import itertools

WORDS_PER_PASSAGE = 90
MOST_PASSAGES = {"resource": 8}
DEFAULT_MOST = 3


def _windows(text, size=WORDS_PER_PASSAGE):
    words = text.split()
    for start in range(0, len(words), size):
        yield " ".join(words[start : start + size])


def passages(source):
    """The texts to embed for one index source, most telling first."""
    kind = source.get("kind")
    head = ". ".join(
        part.strip()
        for part in (source.get("title"), source.get("summary"), source.get("keywords"))
        if part and part.strip()
    )
    body = " ".join(
        part for part in (source.get("key_learning"), source.get("body")) if part and part.strip()
    )
    return list(
        itertools.islice(_all_passages(source, head, body), MOST_PASSAGES.get(kind, DEFAULT_MOST))
    )


def _all_passages(source, head, body):
    """Passages in order, made only as far as they are taken: a long document's later
    pages are never split."""
    body_windows = _windows(body)
    first = next(body_windows, "")
    texts = itertools.chain(
        [f"{head}. {first}".strip(". ") if head else first],
        body_windows,
        (
            f"{source.get('title', '')}: {window}"
            for page in source.get("document_text") or ()
            for window in _windows(page)
        ),
    )
    return (text for text in texts if text.strip())


def text_hash(text):
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()
