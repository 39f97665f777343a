"""Which words of a query the content index holds, so only the others are matched loosely.

A fuzzy clause matches its word exactly as well as its near spellings, so for a word the
index already holds it repeats the main clause's work over every document containing it.
For a plain question of common words that was about 25 of the 30 ms the node spent on the
page of hits at 100,000 documents. Typing slips produce words nothing indexed contains, so
the fuzzy clause is kept for those alone.

The index is asked with artificial documents (the multi term vectors API): each word is
analysed as the fuzzy clause analyses it, and a term the index holds comes back with its
document frequency. The index has one shard, so that frequency is the whole index's.

Answers are kept per content version in each worker. One that is out of date costs
speed, never results: a word thought unknown is matched loosely as before, and a word
only becomes unknown when content goes, which starts a new version.
"""

from elasticsearch import TransportError

from network.page_cache import content_version
from network.versioned import PerContentVersion
from search.connection import guarded, index_alias

FUZZY_ANALYZER = "content_words"
# Words shorter than this are never matched loosely (fuzziness AUTO:5,9), so never asked.
SHORTEST_LOOSE = 5
MAX_KEPT = 20_000


_kept = PerContentVersion(dict)  # this worker's answers, word: held


def _asked(words, fields):
    options = {
        "fields": list(fields),
        "per_field_analyzer": dict.fromkeys(fields, FUZZY_ANALYZER),
        "term_statistics": True,
        "field_statistics": False,
        "positions": False,
        "offsets": False,
    }
    return [{"doc": dict.fromkeys(fields, word), **options} for word in words]


def _held(answer):
    """True when every term of the word is in some field: its terms with no document
    frequency are ones no document has. None when the node could not look the word up
    (an error in its place, such as a missing index)."""
    if "term_vectors" not in answer:
        return None
    held, terms = set(), set()
    for vectors in answer.get("term_vectors", {}).values():
        for term, stats in vectors.get("terms", {}).items():
            terms.add(term)
            if stats.get("doc_freq"):
                held.add(term)
    return terms == held


def unknown(words, fields):
    """The words (of SHORTEST_LOOSE letters or more) that no indexed document contains."""
    known = _kept.get(content_version())
    if len(known) > MAX_KEPT:  # words from requests cannot fill memory
        known.clear()
    asked = [word for word in dict.fromkeys(words) if len(word) >= SHORTEST_LOOSE]
    missing = [word for word in asked if word not in known]
    if missing:
        try:
            with guarded() as es:
                answers = es.mtermvectors(
                    index=index_alias(), body={"docs": _asked(missing, fields)}
                )["docs"]
        except TransportError:
            # Not an outage (that raises before here): every word is matched loosely.
            return set(asked)
        for word, answer in zip(missing, answers, strict=True):
            held = _held(answer)
            if held is None:
                return set(asked)
            known[word] = held
    return {word for word in asked if not known[word]}
