"""How Elasticsearch reads the platform's text: the analyzers of the content index.

- `content` (index time) keeps hyphenated words whole as well as split, so
  "co-operative" is stored as "co", "operative" and "cooperative", and folds accents
  and word forms (the light English stemmer: "waiting" meets "wait").
- `content_search` (search time) adds the synonym groups: the data file and the groups
  facilitators save in the admin, one `synonym_graph` so multi-word synonyms such as
  "NHS Talking Therapies" stay phrases. Hyphens become spaces first, so "self-referral"
  and "self referral" meet the same rule.
- `content_words` (search time, no synonyms) splits and joins hyphenated query words,
  and carries the fuzzy clause that forgives typing slips.
- `folded` serves the suggestions while typing; `spelling` holds the words of public
  content, in their word forms, that "Did you mean" corrects towards.

Synonyms are search-time only, so a changed group needs no re-analysis of documents; the
index is rebuilt behind its alias with the new groups (search/elastic/index_admin.py).
"""

from search.language.text import STOPWORDS
from search.synonyms import admin_groups, file_groups

# Lucene's English stop words with the database path's: a question typed in plain words
# ("how do I refer myself") is matched on the words that carry its meaning.
ENGLISH_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "if",
        "in",
        "into",
        "is",
        "it",
        "no",
        "not",
        "of",
        "on",
        "or",
        "such",
        "that",
        "the",
        "their",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "was",
        "will",
        "with",
        "me",
        "my",
        "myself",
        "yourself",
        "ourselves",
    ]
)

# Anything that is not a letter, digit, apostrophe or hyphen separates words; so does an
# apostrophe or hyphen that does not sit between two letters or digits.
PUNCTUATION = (
    r"[^\p{L}\p{N}'\u2019\-]+"
    r"|(?<![\p{L}\p{N}])['\u2019\-]+"
    r"|['\u2019\-]+(?![\p{L}\p{N}])"
)


def synonym_rules(groups):
    """One Solr-format rule a group: equivalent terms, commas between."""
    rules = []
    for group in groups:
        terms = sorted({" ".join(term.replace(",", " ").split()) for term in group} - {""})
        if len(terms) >= 2:
            rules.append(", ".join(terms))
    return rules


def current_synonym_rules():
    return synonym_rules(file_groups() + admin_groups())


def analysis(rules):
    return {
        "char_filter": {
            "punctuation": {"type": "pattern_replace", "pattern": PUNCTUATION, "replacement": " "},
            "hyphen_space": {"type": "pattern_replace", "pattern": "-", "replacement": " "},
        },
        "filter": {
            "word_parts": {
                "type": "word_delimiter_graph",
                "catenate_words": True,
                "split_on_case_change": False,
                "split_on_numerics": False,
                "stem_english_possessive": True,
            },
            "word_forms": {"type": "stemmer", "language": "light_english"},
            "stopwords": {"type": "stop", "stopwords": sorted(ENGLISH_STOPWORDS | STOPWORDS)},
            "network_synonyms": {
                "type": "synonym_graph",
                "synonyms": rules or ["cmhf, community mental health framework"],
                "lenient": True,
            },
        },
        "analyzer": {
            # No character filter at index time: word_parts drops punctuation itself, and a
            # regular expression over every body is the costliest step of indexing.
            "content": {
                "type": "custom",
                "tokenizer": "whitespace",
                "filter": [
                    "word_parts",
                    "flatten_graph",
                    "lowercase",
                    "asciifolding",
                    "stopwords",
                    "word_forms",
                ],
            },
            "content_search": {
                "type": "custom",
                "char_filter": ["punctuation", "hyphen_space"],
                "tokenizer": "whitespace",
                # Word forms before synonyms, so "networks" meets the rule for "network".
                "filter": [
                    "lowercase",
                    "asciifolding",
                    "word_forms",
                    "network_synonyms",
                    "stopwords",
                ],
            },
            "content_words": {
                "type": "custom",
                "char_filter": ["punctuation"],
                "tokenizer": "whitespace",
                "filter": ["word_parts", "lowercase", "asciifolding", "stopwords", "word_forms"],
            },
            "folded": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "asciifolding"],
            },
            # Did you mean: a word is known when any form of it is used.
            "spelling": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "asciifolding", "word_forms"],
            },
        },
    }
