"""Spelling help for the database path: the words the published content actually uses.

A word the content never uses, close to one it does, is most likely a typing slip:
longer words are matched to it automatically and the visitor is offered the corrected
query as "Did you mean".
"""

import difflib

from network.platform.versioned import PerContentVersion
from search.language.text import STOPWORDS, stem, words

CORRECT_FROM_LENGTH = 4


def _collect():
    from django.contrib.auth.models import AnonymousUser

    from blog.models import BlogPage
    from casestudies.models import CaseStudyPage
    from network.events.models import EventPage
    from network.models import Region, Sector, Theme
    from network.resources.models import ResourcePage
    from search.synonyms import file_groups

    found = set()
    # Only what a visitor may read: a correction must never reveal a members-only word.
    posts = BlogPage.objects.visible_to(AnonymousUser())
    for title, summary in posts.values_list("title", "summary").iterator():
        found.update(words(title))
        found.update(words(summary))
    studies = CaseStudyPage.objects.visible_to(AnonymousUser())
    events = EventPage.objects.visible_to(AnonymousUser())
    resources = ResourcePage.objects.visible_to(AnonymousUser())
    for pages in (studies, events, resources):
        for title, summary in pages.values_list("title", "summary").iterator():
            found.update(words(title))
            found.update(words(summary))
    for model in (Theme, Sector, Region):
        for name in model.objects.values_list("name", flat=True):
            found.update(words(name))
    for group in file_groups():
        for phrase in group:
            found.update(words(phrase))
    return frozenset(word for word in found if word not in STOPWORDS and not word.isdigit())


# Endings a known word may carry that the word asked for lacks: "involve" is known from
# "involved", "support" from "supporters". A word is corrected only when no form is known.
ENDINGS = ("s", "es", "d", "ed", "ing", "r", "er", "ers", "ment", "ments", "ly", "al")


def bases(word):
    yield word
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= CORRECT_FROM_LENGTH:
            yield word[: -len(ending)]


class Vocabulary:
    def __init__(self, known):
        self.known = known
        self.stems = frozenset(stem(word) for word in known)
        self.forms = frozenset(base for word in known for base in bases(word))
        self.by_initial = {}
        for word in known:
            self.by_initial.setdefault(word[0], []).append(word)

    def __contains__(self, word):
        # Endings come off the known words only: off the typed word they would also take
        # a slip's last letter ("housr" is not "house").
        return word in self.known or stem(word) in self.stems or word in self.forms

    def correction(self, word):
        """The closest known word, or None when the word is known or nothing is close."""
        if len(word) < CORRECT_FROM_LENGTH or word in self or word.isdigit():
            return None
        candidates = [
            known for known in self.by_initial.get(word[0], ()) if abs(len(known) - len(word)) <= 2
        ]
        matches = difflib.get_close_matches(word, candidates, n=1, cutoff=0.75)
        return matches[0] if matches else None


_built = PerContentVersion(lambda: Vocabulary(_collect()))


def vocabulary(version):
    return _built.get(version)
