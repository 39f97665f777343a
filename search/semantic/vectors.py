"""Vectors of every findable passage, and the nearest documents to a query by meaning.

Vectors are kept in the database (search.PassageVector), written by the indexing task,
never in a save. Each web process holds them as one float32 matrix, read again only when
a cache stamp says they changed, so every host serves the same vectors once a change is
applied. Nearest is a brute-force cosine (one matrix product) ranked by each document's
closest passage: at 10,000 documents a few milliseconds. The README gives the plan for
sizes where that stops being cheap.
"""

import logging
import threading
import uuid

from django.core.cache import cache
from django.db import transaction

from search.models import PassageVector
from search.semantic import model as language_model
from search.semantic.passages import passages, text_hash

logger = logging.getLogger(__name__)

STAMP_KEY = "search:passage-vectors"
EMBED_CHUNK = 256


def mark_changed():
    """Every web process reads the vectors again before its next search by meaning."""
    cache.set(STAMP_KEY, uuid.uuid4().hex, None)


def available():
    return language_model.get() is not None


def keep(pairs, progress=None):
    """Pass (id, source) pairs on, storing their passages' vectors a chunk at a time.

    A passage whose text has a vector already (this document's, or any other's with the
    same words) is not embedded again. Without the model the pairs pass on untouched.
    `progress(passages_embedded)` hears of each chunk embedded.
    """
    model = language_model.get()
    chunk = []
    embedded = 0
    for pair in pairs:
        chunk.append(pair)
        if len(chunk) >= EMBED_CHUNK:
            embedded += _store_safely(model, chunk, progress, embedded)
            yield from chunk
            chunk = []
    if chunk:
        embedded += _store_safely(model, chunk, progress, embedded)
        yield from chunk


def _store_safely(model, chunk, progress, embedded):
    """Vectors for a chunk; a failure is logged and the index changes go on without them,
    so a document made private or withdrawn leaves the index whatever the model does."""
    if model is None:
        return 0
    try:
        stored = _store(model, chunk)
    except Exception:
        logger.exception("Passage vectors were not stored for %s documents", len(chunk))
        return 0
    if progress is not None:
        progress(embedded + stored)
    return stored


def _store(model, pairs):
    import numpy

    wanted = {
        doc_id: [(text, text_hash(text)) for text in passages(source)] for doc_id, source in pairs
    }
    stored = {}
    for document, position, digest in PassageVector.objects.filter(
        document__in=list(wanted)
    ).values_list("document", "position", "text_hash"):
        stored.setdefault(document, {})[position] = digest
    changed = {
        doc_id: texts
        for doc_id, texts in wanted.items()
        if stored.get(doc_id) != {n: digest for n, (_t, digest) in enumerate(texts)}
    }
    if not changed:
        return 0
    hashes = {digest for texts in changed.values() for _text, digest in texts}
    known = dict(
        PassageVector.objects.filter(text_hash__in=list(hashes))
        .values_list("text_hash", "vector")
        .distinct()
    )
    to_embed = {}
    for texts in changed.values():
        for text, digest in texts:
            if digest not in known:
                to_embed[digest] = text
    if to_embed:
        vectors = model.embed(list(to_embed.values()))
        for digest, vector in zip(to_embed, vectors, strict=True):
            known[digest] = numpy.ascontiguousarray(vector, dtype=numpy.float32).tobytes()
    # One transaction, and a row another worker wrote meanwhile is left as it is: the
    # indexing task and a rebuild may store the same document at once.
    with transaction.atomic():
        PassageVector.objects.filter(document__in=list(changed)).delete()
        PassageVector.objects.bulk_create(
            (
                PassageVector(
                    document=doc_id, position=n, text_hash=digest, vector=bytes(known[digest])
                )
                for doc_id, texts in changed.items()
                for n, (_text, digest) in enumerate(texts)
            ),
            ignore_conflicts=True,
        )
    mark_changed()
    return len(to_embed)


def forget(doc_ids):
    doc_ids = list(doc_ids)
    removed = 0
    for start in range(0, len(doc_ids), 1000):
        removed += PassageVector.objects.filter(
            document__in=doc_ids[start : start + 1000]
        ).delete()[0]
    if removed:
        mark_changed()


def stored_documents():
    return set(PassageVector.objects.values_list("document", flat=True).distinct())


class Matrix:
    """Every passage vector in one array, with the document each row belongs to."""

    def __init__(self, stamp):
        import numpy

        self.stamp = stamp
        rows = PassageVector.objects.order_by("document", "position").values_list(
            "document", "vector"
        )
        documents, buffers = [], []
        for document, vector in rows.iterator(chunk_size=2000):
            documents.append(document)
            buffers.append(bytes(vector))
        dims = language_model.DIMENSIONS
        self.vectors = numpy.frombuffer(b"".join(buffers), dtype=numpy.float32).reshape(-1, dims)
        # Rows come sorted by document: each document's rows start where its id first shows.
        self.starts = [n for n, doc in enumerate(documents) if n == 0 or documents[n - 1] != doc]
        self.documents = [documents[n] for n in self.starts]

    @property
    def nbytes(self):
        return self.vectors.nbytes

    def nearest(self, vector, limit):
        """[(document id, cosine)] of the closest documents, best first."""
        import numpy

        if not self.documents:
            return []
        scores = self.vectors @ vector
        best = numpy.maximum.reduceat(scores, self.starts)
        limit = min(limit, len(best))
        top = numpy.argpartition(-best, limit - 1)[:limit]
        top = top[numpy.argsort(-best[top])]
        return [(self.documents[n], float(best[n])) for n in top]


_matrix_lock = threading.Lock()
_matrix = None


def matrix():
    """This process's matrix, read again when the vectors have changed since it was read."""
    global _matrix
    stamp = cache.get(STAMP_KEY)
    current = _matrix
    if current is not None and current.stamp == stamp and stamp is not None:
        return current
    with _matrix_lock:
        if _matrix is None or _matrix.stamp != stamp or stamp is None:
            if stamp is None:  # never stamped (a new cache): stamp now, so it is read once
                mark_changed()
                stamp = cache.get(STAMP_KEY)
            _matrix = Matrix(stamp)
        return _matrix


def nearest(text, limit):
    """[(document id, cosine)] closest in meaning to the query text; [] without the model."""
    model = language_model.get()
    if model is None or not text:
        return []
    return matrix().nearest(model.embed([text])[0], limit)
