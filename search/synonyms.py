"""Synonym groups from the project's data file and from facilitators in the admin.

The file holds the field's acronyms and spellings; facilitators add local ones as
SearchSynonym rows. Both are read together and kept per content version, so a saved row
applies to the next search without a restart.
"""

from pathlib import Path

from network.platform.versioned import PerContentVersion
from search.language.text import stem, words

SYNONYMS_FILE = Path(__file__).resolve().parent / "data" / "synonyms.txt"


def key(phrase):
    """Two phrases that differ only by plural or case share a key."""
    return " ".join(stem(word) for word in words(phrase))


def parse(lines):
    groups = []
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        group = [" ".join(words(term)) for term in line.split(",") if words(term)]
        if len(group) >= 2:
            groups.append(group)
    return groups


def file_groups():
    return parse(SYNONYMS_FILE.read_text(encoding="utf-8").splitlines())


def admin_groups():
    from search.models import SearchSynonym

    return [group for group in (row.group() for row in SearchSynonym.objects.all()) if group]


class SynonymIndex:
    """Every phrase of every group, keyed so that a query's words can be looked up."""

    def __init__(self, groups):
        self.groups = {}
        for group in groups:
            for phrase in group:
                merged = self.groups.setdefault(key(phrase), set())
                merged.update(group)
        self.longest = max((len(phrase.split()) for phrase in self.groups), default=1)

    def lookup(self, phrase):
        return self.groups.get(key(phrase))

    def phrases(self):
        return {phrase for group in self.groups.values() for phrase in group}


_built = PerContentVersion(lambda: SynonymIndex(file_groups() + admin_groups()))


def synonym_index(version):
    return _built.get(version)
