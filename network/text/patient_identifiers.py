"""Spotting likely patient-identifiable information before a reflection or comment is saved.

Staff write about real services, and a slip such as pasting a referral letter can put an
NHS number or a date of birth on a page that many organisations read. The check only warns
the author and marks the item for a facilitator; it never blocks posting. A false alarm
costs a moment's reading while a miss can breach confidentiality, so where a choice has to
be made the patterns lean towards flagging. They still avoid the everyday numbers of
service writing (years, times, meeting dates, counts, team mailboxes) because warnings
that cry wolf get ignored.

Everything here is plain Python over a string, so it can run in a form's clean method, a
signal or a management command, and be tested without a database.
"""

import datetime
import re
from dataclasses import dataclass

NHS_NUMBER = "nhs_number"
DATE_OF_BIRTH = "date_of_birth"
EMAIL = "email"
PHONE = "phone"

# The order summaries list kinds in: most identifying first, so the author reads it first.
KINDS = (NHS_NUMBER, DATE_OF_BIRTH, EMAIL, PHONE)

_LABELS = {
    NHS_NUMBER: "a valid NHS number",
    DATE_OF_BIRTH: "a date of birth",
    EMAIL: "a personal email address",
    PHONE: "a phone number",
}
_PLURALS = {
    NHS_NUMBER: "valid NHS numbers",
    DATE_OF_BIRTH: "dates of birth",
    EMAIL: "personal email addresses",
    PHONE: "phone numbers",
}
_COUNT_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight"}

# Personal webmail only. An address at a trust, council or charity domain usually belongs to
# a team or a member of staff, and staff are expected to share those on the platform.
PERSONAL_EMAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "hotmail.com",
        "hotmail.co.uk",
        "outlook.com",
        "live.com",
        "live.co.uk",
        "yahoo.com",
        "yahoo.co.uk",
        "icloud.com",
        "me.com",
        "aol.com",
        "btinternet.com",
        "sky.com",
        "protonmail.com",
        "proton.me",
        "virginmedia.com",
        "talktalk.net",
        "msn.com",
    }
)

# How far (in characters) a date may sit from "DOB", "born" and the like and still be read
# as a date of birth. Far enough for "date of birth is recorded as", near enough that the
# date of a meeting later in the sentence is left alone.
CUE_WINDOW = 30


@dataclass(frozen=True)
class Finding:
    """One likely identifier, described so it can be shown back without repeating it.

    The excerpt is masked because warnings and facilitator queues are themselves displayed
    and logged; it keeps enough of the original for the author to find and remove it.
    """

    kind: str
    label: str
    excerpt: str


@dataclass(frozen=True)
class _Candidate:
    # Matches are collected first and resolved afterwards, because the same digits can
    # look like more than one kind (an NHS number is also ten digits that could be a phone
    # number) and each stretch of text should be reported once, as the likeliest kind.
    start: int
    end: int
    priority: int
    finding: Finding | None  # None: recognised as harmless, but it still claims its text


# Separators people use inside a number: a space, a non-breaking space or a hyphen.
_SEP = r"[ \u00a0-]"

# 3-3-4 grouping or ten straight digits. The look-arounds keep ten digits that are part of a
# longer run (an account number, a hyphenated reference, a decimal) from counting.
_NHS_NUMBER = re.compile(
    rf"(?<!\d)(?<!\d[-.])(\d{{3}}){_SEP}?(\d{{3}}){_SEP}?(\d{{4}})(?!\d)(?![-.]\d)"
)

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])"
)
_MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_ORDINAL = r"(?:st|nd|rd|th)?"

# UK order first (12/03/1984, 12-03-84, 12.03.1984), then ISO (1984-03-12), then words
# (3 March 1984, 3rd of Mar 1984, March 3, 1984). Each names its day so it can be masked.
_DATE_PATTERNS = (
    re.compile(
        r"(?<![\d/.-])(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
        r"(?![\d/-])(?!\.\d)"
    ),
    re.compile(
        r"(?<![\d/.-])(?P<y>\d{4})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
        r"(?![\d/-])(?!\.\d)"
    ),
    re.compile(
        rf"(?<!\d)(?P<d>\d{{1,2}}){_ORDINAL}(?:\s+of)?\s+(?P<mon>{_MONTHS})\.?,?\s+(?P<y>\d{{4}})"
        r"(?!\d)",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?P<mon>{_MONTHS})\.?\s+(?P<d>\d{{1,2}}){_ORDINAL},?\s+(?P<y>\d{{4}})(?!\d)",
        re.IGNORECASE,
    ),
)

# Words that turn a date into a date of birth. "dob" must not be the start of a longer word,
# but may run straight into the date ("DOB12/03/1984").
_DOB_CUE = re.compile(
    r"\b(?:d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|birth\s*date|birthday|born)(?![a-z])",
    re.IGNORECASE,
)
# A cue in another sentence or on another line says nothing about this date.
_SENTENCE_BREAK = re.compile(r"[.!?](?:\s|$)|\n")

_EMAIL = re.compile(
    r"(?<![\w.%+-])(?P<local>[\w.%+-]+)@(?P<domain>[a-z0-9-]+(?:\.[a-z0-9-]+)+)(?![\w-])",
    re.IGNORECASE,
)

# A UK number: international (+44 / 0044, perhaps with "(0)") or national with its leading
# 0, then area-code digit 1, 2, 3 or 7 and eight or nine more digits. Each later digit may
# follow up to two separator characters, which covers "(020) 7946 0958" and "07700-900-123"
# but not "/", ":" or ".", so dates, times and decimals do not run together into a number.
# The number must end on a group of at least three digits, as UK numbers are written, so a
# list such as "01 02 03 04 05 06" is not cut short into eleven digits.
_PHONE = re.compile(
    r"(?<![\d+])"
    r"(?:(?P<intl>(?:\+|\b00)[ \u00a0]?44[ \u00a0-]?(?:\(0\)[ \u00a0-]?)?)|\(?0)"
    r"(?P<area>[1237])(?:[ \u00a0()-]{0,2}\d){8,9}"
    r"(?<=\d{3})(?!\d)"
)
# How many leading national digits stay visible: the area or mobile code, so the author can
# tell which number was meant.
_PHONE_KEEP_START = {"1": 5, "2": 4, "3": 4, "7": 5}
_PHONE_KEEP_END = 3

# Ties between overlapping matches go to the lower number. A "+44" number beats an NHS
# number found in its last ten digits, as the prefix says what it is; an NHS number beats a
# plain phone reading of the same ten digits, as its check digit makes a chance match
# unlikely; any date beats a phone reading, so "01-02-2024 03" is not taken for a number.
_PRIORITY_INTL_PHONE = 0
_PRIORITY_NHS = 1
_PRIORITY_EMAIL = 2
_PRIORITY_DATE = 3
_PRIORITY_PHONE = 4


def find_identifiers(text: str) -> list[Finding]:
    """Everything in ``text`` that looks like it could identify a patient, in reading order."""
    if not text:
        return []
    candidates = [
        *_nhs_number_candidates(text),
        *_email_candidates(text),
        *_date_candidates(text),
        *_phone_candidates(text),
    ]
    claimed: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.priority, c.start)):
        if not any(
            candidate.start < other.end and other.start < candidate.end for other in claimed
        ):
            claimed.append(candidate)
    return [c.finding for c in sorted(claimed, key=lambda c: c.start) if c.finding is not None]


def summarise(findings: list[Finding]) -> str:
    """A sentence for the author naming what was found, or "" when there is nothing to say.

    It names kinds rather than repeating values, so it is safe to show in a message banner
    and to store alongside the flag for facilitators.
    """
    counts: dict[str, int] = {}
    singular: dict[str, str] = {}
    for finding in findings:
        counts[finding.kind] = counts.get(finding.kind, 0) + 1
        singular.setdefault(finding.kind, finding.label)
    if not counts:
        return ""
    order = {kind: index for index, kind in enumerate(KINDS)}
    phrases = []
    for kind in sorted(counts, key=lambda k: order.get(k, len(order))):
        count = counts[kind]
        if count == 1:
            phrases.append(singular[kind])
        else:
            plural = _PLURALS.get(kind, singular[kind])
            phrases.append(f"{_COUNT_WORDS.get(count, str(count))} {plural}")
    return (
        f"This text seems to contain {_join(phrases)}. "
        "Remove anything that could identify a patient before posting."
    )


def describe_kinds(kinds) -> str:
    """The kinds stored as a flag, as words for a facilitator, such as "a date of birth".

    Only kinds, never values, so it can go wherever the flag itself may go, email included.
    """
    order = {kind: index for index, kind in enumerate(KINDS)}
    unique = sorted(set(kinds), key=lambda k: (order.get(k, len(order)), k))
    return _join([_LABELS.get(kind, kind.replace("_", " ")) for kind in unique]) if unique else ""


def nhs_check_digit(first_nine: str) -> int | None:
    """The Modulus 11 check digit for nine digits, or None when no valid number can end them.

    Public so that tests and demo data can make valid numbers rather than copy real ones.
    """
    if len(first_nine) != 9 or not first_nine.isdigit():
        raise ValueError(f"expected nine digits, got {first_nine!r}")
    weights = range(10, 1, -1)
    total = sum(int(digit) * weight for digit, weight in zip(first_nine, weights, strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def is_valid_nhs_number(digits: str) -> bool:
    """Whether ten digits carry a correct check digit; most mistyped or random ones do not."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    return nhs_check_digit(digits[:9]) == int(digits[9])


def _nhs_number_candidates(text):
    for match in _NHS_NUMBER.finditer(text):
        if is_valid_nhs_number("".join(match.groups())):
            yield _Candidate(
                match.start(),
                match.end(),
                _PRIORITY_NHS,
                Finding(NHS_NUMBER, _LABELS[NHS_NUMBER], _mask_digits(match.group(), 3, 4)),
            )


def _email_candidates(text):
    for match in _EMAIL.finditer(text):
        finding = None
        if match["domain"].lower() in PERSONAL_EMAIL_DOMAINS:
            # The first character and the domain are enough to find it; the rest could be
            # someone's name.
            excerpt = f"{match['local'][0]}***@{match['domain']}"
            finding = Finding(EMAIL, _LABELS[EMAIL], excerpt)
        # Team addresses are still claimed so digits inside them are not read as numbers.
        yield _Candidate(match.start(), match.end(), _PRIORITY_EMAIL, finding)


def _date_candidates(text):
    cues = [(cue.start(), cue.end()) for cue in _DOB_CUE.finditer(text)]
    this_year = datetime.date.today().year
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            if not _is_real_date(match, this_year):
                continue
            finding = None
            if _near_cue(text, match.start(), match.end(), cues):
                excerpt = _mask_span(text, match.start(), match.end(), match.span("d"))
                finding = Finding(DATE_OF_BIRTH, _LABELS[DATE_OF_BIRTH], excerpt)
            # A date with no cue is probably a meeting or a deadline: not reported, but it
            # still claims its digits so they are not read as a phone number.
            yield _Candidate(match.start(), match.end(), _PRIORITY_DATE, finding)


def _is_real_date(match, this_year):
    groups = match.groupdict()
    day = int(groups["d"])
    month = _MONTH_NUMBERS[groups["mon"].lower()] if groups.get("mon") else int(groups["m"])
    year_text = groups["y"]
    if len(year_text) == 2:
        # A two-digit year could be either century; 2000 is a leap year, so 29 February is
        # allowed for any year divisible by four.
        year = 2000 + int(year_text)
    else:
        year = int(year_text)
        if not 1900 <= year <= this_year:
            return False
    readings = [(year, month, day)]
    if groups.get("m") and match.start("d") < match.start("y"):
        # Numeric dates could be American month-first ones; either reading is a date.
        readings.append((year, day, month))
    for reading in readings:
        try:
            datetime.date(*reading)
        except ValueError:
            continue
        return True
    return False


def _near_cue(text, start, end, cues):
    for cue_start, cue_end in cues:
        if cue_end <= start:
            gap = text[cue_end:start]
        elif end <= cue_start:
            gap = text[end:cue_start]
        else:
            continue
        if len(gap) <= CUE_WINDOW and not _SENTENCE_BREAK.search(gap):
            return True
    return False


def _phone_candidates(text):
    for match in _PHONE.finditer(text):
        national = "0" + _digits(text[match.start("area") : match.end()])
        if not _is_uk_phone(national):
            continue
        shown = _digits(match.group())
        # Digits in "+44" and "(0)" come before the national number and are kept visible.
        keep_start = len(shown) - len(national) + _PHONE_KEEP_START[match["area"]]
        finding = Finding(
            PHONE, _LABELS[PHONE], _mask_digits(match.group(), keep_start, _PHONE_KEEP_END)
        )
        priority = _PRIORITY_INTL_PHONE if match["intl"] else _PRIORITY_PHONE
        yield _Candidate(match.start(), match.end(), priority, finding)


def _is_uk_phone(national):
    if national.startswith("07"):
        return len(national) == 11
    return national[:2] in {"01", "02", "03"} and len(national) in {10, 11}


def _digits(text):
    return "".join(character for character in text if character.isdigit())


def _mask_digits(text, keep_start, keep_end):
    # Separators stay so the excerpt still looks like what the author typed.
    total = sum(character.isdigit() for character in text)
    masked = []
    index = 0
    for character in text:
        if character.isdigit():
            hidden = keep_start <= index < total - keep_end
            masked.append("*" if hidden else character)
            index += 1
        else:
            masked.append(character)
    return "".join(masked)


def _mask_span(text, start, end, hidden):
    hidden_start, hidden_end = hidden
    return "".join(
        "*"
        if hidden_start <= position < hidden_end and text[position].isdigit()
        else text[position]
        for position in range(start, end)
    )


def _join(phrases):
    if len(phrases) == 1:
        return phrases[0]
    return f"{', '.join(phrases[:-1])} and {phrases[-1]}"


class IdentifierCheckMixin:
    """A form whose free text is checked for identifying details before it is accepted.

    The author is warned with what was found and must tick ``confirm_no_identifiers`` to
    go on; what was found stays on the form (``findings``, ``safety_flags``) so the saved
    item can carry its flags to the facilitators.
    """

    identifier_fields = ()

    def clean(self):
        data = super().clean()
        text = " ".join(str(data.get(name) or "") for name in self.identifier_fields)
        self.findings = find_identifiers(text)
        if self.findings and not data.get("confirm_no_identifiers"):
            self.add_error(
                "confirm_no_identifiers",
                f"{summarise(self.findings)} If you are sure it identifies nobody, tick the box.",
            )
        return data

    @property
    def safety_flags(self):
        return sorted({finding.kind for finding in getattr(self, "findings", [])})
