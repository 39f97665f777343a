"""A visitor's words turned into concepts: what they typed with its synonyms and forms.

Each concept counts once in ranking however many synonyms it has, so "IAPT" and
"NHS Talking Therapies" in one page do not outrank a page that answers two different
words of the question.
"""

import re
from dataclasses import dataclass, field

from wagtail.search.query import Or, Phrase, PlainText

from search.language.text import STOPWORDS, fold, forms, phrase_pattern, words

FUZZY_FROM_LENGTH = 5


@dataclass
class Concept:
    text: str
    variants: set = field(default_factory=set)
    correction: str | None = None

    def __post_init__(self):
        self.variants.add(self.text)
        patterns = [phrase_pattern(variant) for variant in sorted(self.variants)]
        self.pattern = re.compile("|".join(p for p in patterns if p), re.IGNORECASE)
        # What any match must contain: per variant, the start its word forms share, so a
        # cheap substring test rules out most texts before the expression runs.
        self.needles = [
            tuple(shared_start(forms(word)) for word in words(variant)) for variant in self.variants
        ]

    def matches(self, text):
        return bool(text) and self.pattern.search(fold(text)) is not None

    def found_in(self, key):
        """As matches(), for text already folded and lower-cased (search/database/corpus.py)."""
        if not key:
            return False
        for needles in self.needles:
            if all(needle in key for needle in needles):
                return self.pattern.search(key) is not None
        return False

    def found_among(self, keys):
        """The positions of the keys (as found_in() takes them) that hold the concept.

        One pass over all the keys per needle keeps the loop in C for the thousands of
        pages a common word matches; the expression then confirms the few candidates.
        """
        candidates = set()
        for needles in self.needles:
            if not needles:
                continue
            first, *rest = needles
            held = [position for position, key in enumerate(keys) if first in key]
            for needle in rest:
                held = [position for position in held if needle in keys[position]]
            candidates.update(held)
        search = self.pattern.search
        return {position for position in candidates if search(keys[position])}

    def backend_query(self):
        """Phrases stay phrases; single words carry their plural forms."""
        parts = []
        for variant in sorted(self.variants):
            if len(variant.split()) > 1:
                parts.append(Phrase(variant))
            else:
                parts.append(PlainText(" ".join(sorted(forms(variant))), operator="or"))
        return parts[0] if len(parts) == 1 else Or(parts)


@dataclass
class ParsedQuery:
    text: str
    concepts: list
    suggestion: str | None = None

    def backend_query(self):
        """One OR query of every concept, or None when there are none."""
        parts = [concept.backend_query() for concept in self.concepts]
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else Or(parts)


def shared_start(strings):
    """The longest start every one of the strings has ("therap" for therapy, therapies)."""
    first, last = min(strings), max(strings)
    size = 0
    while size < len(first) and first[size] == last[size]:
        size += 1
    return first[:size]


MAX_CONCEPTS = 12


def as_typed(text, corrections):
    """The typed query with only the corrected words replaced, or None when a corrected
    word cannot be found in it as typed (its accents were folded, say)."""
    for word, correction in corrections.items():
        pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
        text, replaced = pattern.subn(correction, text)
        if not replaced:
            return None
    return " ".join(text.split())


def parse(text, synonyms, vocabulary, found_as_typed=lambda word: False):
    """Concepts from the query; a word is corrected only if the content lacks it as typed.

    The vocabulary holds titles and summaries only, so `found_as_typed` asks the full-text
    index whether a word the vocabulary lacks is in some body all the same (a surname, a
    place) before treating it as a typing slip.
    """
    tokens = words(text)
    concepts = []
    corrected_tokens = []
    corrections = {}
    corrected = False
    seen = set()
    position = 0
    while position < len(tokens):
        for size in range(min(synonyms.longest, len(tokens) - position), 0, -1):
            phrase = " ".join(tokens[position : position + size])
            group = synonyms.lookup(phrase)
            if group and (size > 1 or phrase not in STOPWORDS):
                if phrase not in seen:
                    seen.add(phrase)
                    concepts.append(Concept(phrase, set(group)))
                corrected_tokens.extend(tokens[position : position + size])
                position += size
                break
        else:
            token = tokens[position]
            position += 1
            corrected_tokens.append(token)
            if token in STOPWORDS or token in seen:
                continue
            seen.add(token)
            correction = vocabulary.correction(token)
            if correction and found_as_typed(token):
                correction = None
            variants = {token}
            if correction:
                corrected = True
                corrected_tokens[-1] = correction
                corrections[token] = correction
                if len(token) >= FUZZY_FROM_LENGTH:
                    variants.add(correction)
                    variants.update(synonyms.lookup(correction) or ())
            concepts.append(Concept(token, variants, correction))
    suggestion = as_typed(text, corrections) or " ".join(corrected_tokens) if corrected else None
    return ParsedQuery(text=text, concepts=concepts[:MAX_CONCEPTS], suggestion=suggestion)
