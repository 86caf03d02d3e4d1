"""Organisations as speakers: an acronym after "the", a name before a collective noun ("the
Harbour Watch group"), a collective before the name ("the management of Vista Radio"); and
what is no organisation (a role acronym, capitals without "the")."""

from __future__ import annotations

import pytest

from site_gen.quotes import extract_quotes
from site_gen.quotes.names import clean_name, parse_mention


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("The NWC", "NWC"),
        ("the Harbour Watch group", "Harbour Watch"),
        ("the management of Vista Radio", "Vista Radio"),
        ("the board of the Quayside Trust", "Quayside Trust"),
        # a team or campaign of an organisation keeps the organisation's whole name; of a
        # person, the surname ("the Jane Doe campaign" is the "Doe campaign")
        ("the Harbour Watch team", "Harbour Watch team"),
        ("the Harbour University football team", "Harbour University football team"),
        ("the Jane Doe campaign", "Doe campaign"),
        ("the Doe campaign", "Doe campaign"),
        # who governs it, after its name
        ("the Quayside Trust board", "Quayside Trust"),
        ("the Harbour Bank management", "Harbour Bank"),
        # an institution's name joined by "on", "for", "in" as by "of"
        ("The National Conference on Harbour Fees", "National Conference on Harbour Fees"),
        ("the Center for Coastal Studies", "Center for Coastal Studies"),
        ("the Kestrian Embassy in Port Velmar", "Kestrian Embassy in Port Velmar"),
        # the organisation named after its kind
        ("the non-partisan group Harbour Watch", "Harbour Watch"),
        ("the company Kestrelworks", "Kestrelworks"),
    ],
)
def test_an_organisation_is_named(phrase, name):
    m = parse_mention(phrase, 0)
    assert m is not None and (m.kind, m.name) == ("org", name)


@pytest.mark.parametrize("phrase", ["the CEO", "SELMA", "UPDATE", "the bank board"])
def test_a_role_or_a_word_in_capitals_is_no_organisation(phrase):
    m = parse_mention(phrase, 0)
    assert m is None or m.kind != "org"


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        # a person of an institution: the person speaks, not the institution
        ("Jane Doe of the Kestria Harbour Board", "Jane Doe"),
        ("Jane Doe of the Center for Coastal Studies", "Jane Doe"),
        ("Center for Coastal Studies President Jane Doe", "Jane Doe"),
    ],
)
def test_a_person_named_with_an_institution_is_the_person(phrase, name):
    m = parse_mention(phrase, 0)
    assert m is not None and (m.kind, m.name) == ("name", name)


@pytest.mark.parametrize("phrase", ["A spokesman for the group Harbour Watch",
                                    "a spokesman for the Bank of Kestria"])
def test_someone_unnamed_for_an_organisation_is_not_the_organisation(phrase):
    m = parse_mention(phrase, 0)
    assert m is None or m.kind != "org"


def test_a_described_subject_speaks_through_a_participle():
    paras = ["The Velmar Herald endorsed the harbour plan on Thursday.",
             "The newspaper took note of the plan's many costs, writing that most voters"
             " would still back it."]
    reports = [q for q in extract_quotes(paras).quotes if q.cue == "writing"]
    assert [q.speaker_key for q in reports] == ["Velmar Herald"]
    # a description that fits no one named in the article gives no speaker
    paras[1] = paras[1].replace("The newspaper", "The mayor")
    reports = [q for q in extract_quotes(paras).quotes if q.cue == "writing"]
    assert [q.speaker_key for q in reports] == [None]


@pytest.mark.parametrize("intro", ["The network had a letter from the bank, KesTel, on Monday",
                                   "KesTel, the country's largest bank, wrote to the network"])
def test_a_kind_word_means_the_organisation_introduced_with_it(intro):
    paras = [f"{intro}.", "In the letter, the bank said that it would close the"
             " network's accounts in May."]
    reports = [q for q in extract_quotes(paras).quotes if q.mention == "the bank"]
    assert [q.speaker_key for q in reports] == ["KesTel"]
    # introduced as something else, the organisation is not "the bank"
    paras[0] = "KesTel, the country's largest broadcaster, wrote to the network."
    reports = [q for q in extract_quotes(paras).quotes if q.mention == "the bank"]
    assert [q.speaker_key for q in reports] == [None]


def test_an_organisation_subject_speaks_through_a_participle():
    text = ("The NWC publicly disclosed the break-in in June, saying its own review found that"
            " outside hackers were behind it.")
    assert [q.speaker_key for q in extract_quotes([text]).quotes] == ["NWC"]


def test_a_title_word_after_an_honorific_is_a_surname():
    paras = ["Tobias King, a former harbour master, said the ferries would stop in May.",
             "\u201cThe harbour has never been this quiet,\u201d Mr. King said."]
    assert [q.speaker_key for q in extract_quotes(paras).quotes] == ["Tobias King"] * 2


def test_an_office_after_an_honorific_is_an_address_not_a_name():
    m = parse_mention("Mr. President", 0)
    assert m is None or m.kind != "name"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # a person's office speaks for itself, not for the person who heads it
        ("Marta Vell's Transport Department said the talks would go on.", "Transport Department"),
        ("Mayor Vell's Harbour Office said the ferry would run.", "Harbour Office"),
        # negative: the person named after a possessive, and a relation of the person, as
        # before ("Harbour Radio's Jane Doe" is Jane Doe; "Doe's Democratic challenger"
        # is no name)
        ("Harbour Radio's Jane Doe said the ferry would run.", "Jane Doe"),
    ],
)
def test_an_office_after_a_possessive_is_the_speaker(sentence, speaker):
    [q] = extract_quotes(["Ferry talks go on", sentence]).quotes
    assert q.speaker_key == speaker


@pytest.mark.parametrize(
    ("run", "name", "titles"),
    [
        # a title word that opens an office's name is part of it
        ("Justice Department", ("Justice", "Department"), ()),
        ("The General Directorate", ("General", "Directorate"), ("The",)),
        # negative: a form of address before a surname that is also an office's head, and a
        # title before a person's name, are titles as before
        ("Mr. Board", ("Board",), ("Mr.",)),
        ("Senator Church", ("Church",), ("Senator",)),
        ("Justice Ada Vell", ("Ada", "Vell"), ("Justice",)),
    ],
)
def test_a_title_word_opening_an_office_is_part_of_its_name(run, name, titles):
    found, stripped, _ = clean_name(run)
    assert (found, stripped) == (name, titles)


def test_an_office_is_not_taken_for_another_of_the_same_head():
    # "Justice" read as a judge's title left "Department", which then meant the one other
    # department the article names
    text = ["Ferry review goes on",
            "The Treasury Department said the rules would change.",
            "The Justice Department said it would review the rules."]
    assert [q.speaker_key for q in extract_quotes(text).quotes] == [
        "Treasury Department", "Justice Department"]


def test_a_headline_names_an_organisation_the_body_names():
    text = ["Harbour Department pledges quick work on the ferry review",
            "The Harbour Department is promising the council that the review will be quick."]
    found = extract_quotes(text, headings=frozenset({0})).quotes
    assert [q.speaker_key for q in found] == ["Harbour Department", "Harbour Department"]


def test_a_headline_makes_no_organisation_the_body_does_not_name():
    text = ["Harbour Department pledges quick work on the ferry review",
            "The council is promising that the review will be quick, officials said."]
    found = extract_quotes(text, headings=frozenset({0})).quotes
    assert all(q.speaker_key != "Harbour Department" for q in found)


def _speakers(paragraphs: list[str]) -> list[str | None]:
    return [q.speaker_key for q in extract_quotes(paragraphs).quotes]


@pytest.mark.parametrize("who", ["The group", "The organization", "The watchdog organisation"])
def test_the_group_is_the_organisation_named_just_before(who: str) -> None:
    paras = ["Harbour Watch Coalition volunteers counted the seabirds on the pier all week.",
             f"{who} said the new lights had driven the terns from their nests."]
    assert _speakers(paras) == ["Harbour Watch Coalition"]


def test_the_group_means_no_organisation_named_long_before() -> None:
    paras = ["Harbour Watch Coalition volunteers counted the seabirds on the pier all week.",
             "The count ran late. The rain came in the evening. The pier was closed at night.",
             "The group said the new lights had driven the terns from their nests."]
    assert _speakers(paras) == [None]


@pytest.mark.parametrize("other", [
    "the Velmar Herald",  # a newspaper is no group
    "the Harbour Watch Coalition and the Quayside Trust",  # two: which one is not known
    "the Velmar University",  # nor is a university
])
def test_the_group_means_no_organisation_it_cannot_tell(other: str) -> None:
    paras = [f"Volunteers counted the seabirds on the pier all week, {other} reported.",
             "The group said the new lights had driven the terns from their nests."]
    assert _speakers(paras)[-1] is None


def test_an_agency_is_an_organisation_whose_name_says_agency() -> None:
    paras = ["The Velmar Harbour Agency and Quayside Trust met on Monday.",
             "The agency said the dredging would start in May."]
    assert _speakers(paras) == ["Velmar Harbour Agency"]


def test_a_capitalised_opener_is_no_part_of_an_organisations_name() -> None:
    paras = ["While Quayside Group counted the seabirds on the pier, the lights stayed on.",
             "The group said the new lights had driven the terns from their nests."]
    assert _speakers(paras) == ["Quayside Group"]


@pytest.mark.parametrize(("phrase", "name"), [
    ("the Kestrian government", "Kestrian government"),
    ("the U.S. government", "U.S. government"),
    ("the U.K. administration", "U.K. administration"),
    ("Jane Doe's presidential campaign", "Doe campaign"),
])
def test_a_government_or_campaign_named_by_its_owner(phrase: str, name: str) -> None:
    mention = parse_mention(phrase, 0)
    assert mention is not None and mention.kind == "org" and mention.name == name


@pytest.mark.parametrize("phrase", ["All of my friends in government",
                                    "Advisers to a rival campaign"])
def test_a_phrase_between_a_name_and_the_head_makes_no_organisation(phrase: str) -> None:
    mention = parse_mention(phrase, 0)
    assert mention is None or mention.kind != "org"


def test_he_never_means_a_campaign_or_a_government() -> None:
    paras = ["Tom Baker, the campaign's manager, spoke to reporters on Monday.",
             "The Baker campaign said the senator would stay in the race.",
             "He said the campaign had raised $2 million in a week."]
    quotes = extract_quotes(paras).quotes
    said = [q.speaker_key for q in quotes if q.text.startswith("the campaign had raised")]
    assert said == ["Tom Baker"]
