"""The identifier check warns about patient details but leaves ordinary service writing alone.

Both directions matter: a miss can put a patient's details in front of every organisation
on the network, and a check that fires on years, times and team mailboxes teaches authors
to ignore it.
"""

import dataclasses
import datetime
import random

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from network.text.patient_identifiers import (
    KINDS,
    PERSONAL_EMAIL_DOMAINS,
    Finding,
    find_identifiers,
    is_valid_nhs_number,
    nhs_check_digit,
    summarise,
)


def modulus_11_check_digit(first_nine):
    """Written out again from the NHS specification, independently of the module under test."""
    total = 0
    for position, digit in enumerate(first_nine):
        total += int(digit) * (10 - position)
    check = 11 - (total % 11)
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def generated_nhs_numbers(count, seed, first_digit=None):
    rng = random.Random(seed)
    numbers = []
    while len(numbers) < count:
        prefix = "".join(str(rng.randrange(10)) for _ in range(9))
        if first_digit is not None:
            prefix = first_digit + prefix[len(first_digit) :]
        check = modulus_11_check_digit(prefix)
        if check is not None:
            numbers.append(prefix + str(check))
    return numbers


def spaced(number, separator=" "):
    return separator.join([number[:3], number[3:6], number[6:]])


def wrong_check_digit(number):
    """The same nine digits with a check digit that is not the right one."""
    return number[:9] + str((int(number[9]) + 1) % 10)


def prefix_with_no_valid_check_digit():
    for candidate in range(100_000_000, 1_000_000_000):
        prefix = str(candidate)
        if modulus_11_check_digit(prefix) is None:
            return prefix
    raise AssertionError("no prefix found")  # pragma: no cover


def kinds(text):
    return [finding.kind for finding in find_identifiers(text)]


THIS_YEAR = datetime.date.today().year
GENERATED = generated_nhs_numbers(8, seed=2024)
GENERATED_SPACED = (
    [spaced(number) for number in GENERATED[:4]]
    + [spaced(number, "-") for number in GENERATED[4:6]]
    + GENERATED[6:]
)
NO_CHECK_DIGIT_PREFIX = prefix_with_no_valid_check_digit()


# --- NHS numbers -------------------------------------------------------------------------


def test_the_reference_algorithm_agrees_with_the_published_example():
    assert modulus_11_check_digit("943476591") == 9
    assert nhs_check_digit("943476591") == 9
    assert is_valid_nhs_number("9434765919")
    assert not is_valid_nhs_number("9434765918")


@pytest.mark.parametrize("number", GENERATED)
def test_module_check_digit_matches_the_reference(number):
    assert nhs_check_digit(number[:9]) == int(number[9])


def test_a_prefix_whose_check_digit_would_be_ten_has_no_valid_number():
    assert nhs_check_digit(NO_CHECK_DIGIT_PREFIX) is None
    assert not any(is_valid_nhs_number(NO_CHECK_DIGIT_PREFIX + str(d)) for d in range(10))


@pytest.mark.parametrize(
    "text",
    [
        "943 476 5919",
        "943-476-5919",
        "9434765919",
        "Her NHS number is 943 476 5919.",
        "NHS no:9434765919, referred by GP",
        "(943 476 5919)",
        "Referral for 943\u00a0476\u00a05919 came in today",
        "DOB 12/03/1984 943 476 5919",
        *GENERATED_SPACED,
        *(f"Patient ref {number} discussed at MDT" for number in GENERATED[:3]),
    ],
)
def test_valid_nhs_numbers_are_found(text):
    assert kinds(text).count("nhs_number") == 1


@pytest.mark.parametrize(
    "text",
    [
        "943 476 5918",
        "943-476-5910",
        "9434765911",
        *(spaced(wrong_check_digit(number)) for number in GENERATED[:4]),
        *(wrong_check_digit(number) for number in GENERATED[4:]),
        *(spaced(NO_CHECK_DIGIT_PREFIX + str(digit)) for digit in (0, 5, 9)),
        # Part of a longer run of digits: an order number, a long reference, a decimal.
        "19434765919",
        "94347659191",
        "Invoice 129434765919007",
        "ref 12-943-476-5919",
        "943-476-5919-2",
        "0.9434765919",
        # Too short to be an NHS number at all.
        "943 476 591",
        "Tuesday 10:30, 12 people, 2024",
    ],
)
def test_numbers_that_are_not_valid_nhs_numbers_are_ignored(text):
    assert "nhs_number" not in kinds(text)


def test_every_wrong_check_digit_for_the_published_example_is_ignored():
    for digit in "012345678":
        assert "nhs_number" not in kinds(f"NHS number 943 476 591{digit}")


def test_an_nhs_number_that_could_also_be_a_landline_counts_once_as_an_nhs_number():
    for number in generated_nhs_numbers(5, seed=7, first_digit="01"):
        assert kinds(f"Call about {number} please") == ["nhs_number"]


def test_an_international_number_is_a_phone_even_if_its_last_ten_digits_pass_the_check():
    national = next(n for n in generated_nhs_numbers(50, seed=3, first_digit="1"))
    text = f"Ring +44 {spaced(national)}"
    assert kinds(text) == ["phone"]


# --- Dates of birth ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "DOB 12/03/1984",
        "DOB: 12-03-84",
        "D.O.B. 12.03.1984",
        "d.o.b 01/01/1900",
        "DOB12/03/1984",
        "born on 3 March 1984",
        "She was born 3rd of March 1984 in Leeds",
        "born 29/02/1984",
        "date of birth: 1984-03-12",
        "Date of birth 12 Mar 1984",
        "12/03/1984 (DOB)",
        "her birthday is March 3, 1984",
        "birth date 03/25/1984",
        f"born 1 January {THIS_YEAR}",
    ],
)
def test_dates_next_to_a_birth_cue_are_dates_of_birth(text):
    assert kinds(text) == ["date_of_birth"]


@pytest.mark.parametrize(
    "text",
    [
        "we met on 12 March 2024",
        "The next meeting is on 12/03/2025 at 10:30.",
        "Review date 2024-03-12",
        "Since 1 April 2015 the service has grown.",
        "Our service was founded in 1984",
        "She was born in 1984",
        "DOB 12/03/2150",
        f"born 31 December {THIS_YEAR + 1}",
        "born 12/03/1899",
        "DOB 31/02/1984",
        "We met on 12 March 2024. She was born in Leeds.",
        "DOB\n\nThe pilot started on 12 March 2024",
        "The DOB field on the referral form was dropped after the pilot ended on 12 March 2024",
        "A stubborn 12/03/2024 deadline",
        "Dobson et al. 12/03/2019",
    ],
)
def test_dates_without_a_nearby_birth_cue_are_left_alone(text):
    assert "date_of_birth" not in kinds(text)


# --- Email addresses ---------------------------------------------------------------------


@pytest.mark.parametrize("domain", sorted(PERSONAL_EMAIL_DOMAINS))
def test_personal_webmail_addresses_are_found(domain):
    assert kinds(f"Contact jo.bloggs@{domain} for details") == ["email"]


@pytest.mark.parametrize(
    "text",
    [
        "Jo.Bloggs@GMAIL.COM",
        "mailto:jo_b+care@hotmail.co.uk",
        "Email me at jo1984@yahoo.co.uk.",
        "(jb@proton.me)",
    ],
)
def test_webmail_addresses_are_found_however_written(text):
    assert kinds(text) == ["email"]


@pytest.mark.parametrize(
    "text",
    [
        "team.mentalhealth@example-trust.nhs.uk",
        "firstname.lastname@nhs.net",
        "england.mentalhealth@nhs.net",
        "info@mind.org.uk",
        "referrals@example-council.gov.uk",
        "jo@mygmail.com",
        "jo@gmail.example.org",
        "We moved our newsletter off gmail.com last year",
        "Send it to the @hotmail.com account",
        "team0161@example-trust.nhs.uk",
    ],
)
def test_organisational_addresses_and_mentions_of_webmail_are_left_alone(text):
    assert kinds(text) == []


# --- Phone numbers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "07700 900123",
        "07700900123",
        "07700-900-123",
        "07700 900 123",
        "(07700) 900123",
        "+44 7700 900123",
        "+447700900123",
        "+44 (0)7700 900123",
        "0044 7700 900123",
        "020 7946 0958",
        "(020) 7946 0958",
        "029 2018 0000",
        "0161 496 0000",
        "01632 960001",
        "01632 96000",
        "0300 123 4567",
        "call 07700 900123 3 times a week",
    ],
)
def test_uk_mobiles_and_landlines_are_found(text):
    assert kinds(text) == ["phone"]


@pytest.mark.parametrize(
    "text",
    [
        "In 2024 we saw 1,200 people",
        "Drop-in runs 10:30-12:00",
        "at 10:30",
        "12 people came, 3 were new",
        "2019-2024",
        "0.5 WTE",
        "01/02/2024",
        "01-02-2024 03",
        "Ward 7, bed 12, page 2 of 10",
        "07700 9001",
        "077009001234",
        "01 02 03 04 05 06",
        "0800 123 4567",
        "ISBN 978-0-00-000000-0",
    ],
)
def test_years_times_and_small_numbers_are_not_phones(text):
    assert "phone" not in kinds(text)


# --- Masking -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("943 476 5919", "943 *** 5919"),
        ("943-476-5919", "943-***-5919"),
        ("9434765919", "943***5919"),
        ("07700 900123", "07700 ***123"),
        ("+44 7700 900123", "+44 7700 ***123"),
        ("(020) 7946 0958", "(020) 7*** *958"),
        ("jo.bloggs@gmail.com", "j***@gmail.com"),
        ("DOB 12/03/1984", "**/03/1984"),
        ("born on 3 March 1984", "* March 1984"),
        ("date of birth: 1984-03-12", "1984-03-**"),
    ],
)
def test_excerpts_hide_part_of_what_was_found(text, excerpt):
    (finding,) = find_identifiers(text)
    assert finding.excerpt == excerpt


@pytest.mark.parametrize("number", GENERATED)
def test_nhs_excerpts_never_repeat_the_whole_number(number):
    for text in (number, spaced(number), spaced(number, "-")):
        (finding,) = find_identifiers(text)
        assert number not in finding.excerpt.replace(" ", "").replace("-", "")
        assert finding.excerpt.count("*") == 3
        assert finding.excerpt.startswith(number[:3])
        assert finding.excerpt.endswith(number[6:])


def test_findings_come_back_in_reading_order_with_labels():
    text = (
        "Spoke to jo.bloggs@hotmail.com (07700 900123) about the patient, "
        "DOB 12/03/1984, NHS 943 476 5919."
    )
    findings = find_identifiers(text)
    assert [f.kind for f in findings] == ["email", "phone", "date_of_birth", "nhs_number"]
    assert [f.label for f in findings] == [
        "a personal email address",
        "a phone number",
        "a date of birth",
        "a valid NHS number",
    ]


def test_findings_are_frozen():
    (finding,) = find_identifiers("943 476 5919")
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.excerpt = "943 476 5919"


def test_plain_reflection_has_no_findings():
    text = (
        "On 12 March 2024 the neighbourhood team met the VCSE partners at 10:30. "
        "Twelve of 40 referrals in 2023/24 came through the new route; contact "
        "team.mentalhealth@example-trust.nhs.uk or see page 3."
    )
    assert find_identifiers(text) == []
    assert find_identifiers("") == []


# --- Summary -----------------------------------------------------------------------------

ADVICE = "Remove anything that could identify a patient before posting."


def test_summary_names_what_was_found():
    findings = find_identifiers("NHS 943 476 5919, email jo@gmail.com")
    assert summarise(findings) == (
        "This text seems to contain a valid NHS number and a personal email address. " + ADVICE
    )


def test_summary_lists_kinds_most_identifying_first_and_counts_repeats():
    findings = find_identifiers(
        "Call 07700 900123 or jo@gmail.com; DOB 12/03/1984; "
        f"NHS 943 476 5919 and {spaced(GENERATED[0])}"
    )
    assert summarise(findings) == (
        "This text seems to contain two valid NHS numbers, a date of birth, "
        "a personal email address and a phone number. " + ADVICE
    )


def test_summary_of_one_finding():
    assert summarise(find_identifiers("DOB 12/03/1984")) == (
        "This text seems to contain a date of birth. " + ADVICE
    )


def test_summary_never_repeats_the_values():
    text = "NHS 943 476 5919, jo.bloggs@gmail.com, 07700 900123"
    summary = summarise(find_identifiers(text))
    for value in ("943", "5919", "jo.bloggs", "07700", "900123"):
        assert value not in summary


def test_nothing_found_means_nothing_to_say():
    assert summarise([]) == ""


def test_summary_accepts_findings_made_elsewhere():
    findings = [Finding("phone", "a phone number", "07700 ***123")] * 3
    assert summarise(findings) == "This text seems to contain three phone numbers. " + ADVICE


# --- Properties --------------------------------------------------------------------------

# Surrounding text of any characters except digits and "+", which could legitimately join
# the number into a longer run or an international phone number.
surrounding_text = st.text(
    alphabet=st.characters(exclude_categories=("Nd", "Cs"), exclude_characters="+"),
    max_size=40,
)
nine_digits = st.text(alphabet="0123456789", min_size=9, max_size=9)
separators = st.sampled_from([" ", "-", "", "\u00a0"])


@settings(max_examples=300, deadline=None)
@given(prefix=nine_digits, separator=separators, before=surrounding_text, after=surrounding_text)
def test_every_valid_number_is_found_in_any_surrounding_text(prefix, separator, before, after):
    check = modulus_11_check_digit(prefix)
    assume(check is not None)
    number = prefix + str(check)
    text = f"{before} {spaced(number, separator)} {after}"
    nhs = [f for f in find_identifiers(text) if f.kind == "nhs_number"]
    assert len(nhs) == 1
    assert nhs[0].excerpt == spaced(number[:3] + "***" + number[6:], separator)


@settings(max_examples=300, deadline=None)
@given(
    prefix=nine_digits,
    last=st.integers(0, 9),
    separator=separators,
    before=surrounding_text,
    after=surrounding_text,
)
def test_a_wrong_check_digit_is_never_found(prefix, last, separator, before, after):
    assume(last != modulus_11_check_digit(prefix))
    text = f"{before} {spaced(prefix + str(last), separator)} {after}"
    assert "nhs_number" not in kinds(text)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200))
def test_any_text_gives_well_formed_findings(text):
    findings = find_identifiers(text)
    for finding in findings:
        assert finding.kind in KINDS
        assert finding.excerpt
        assert finding.excerpt in text or "*" in finding.excerpt
    assert isinstance(summarise(findings), str)
