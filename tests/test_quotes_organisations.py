"""Organisations as speakers: an acronym after "the", a name before a collective noun ("the
Harbour Watch group"), a collective before the name ("the management of Vista Radio"); and
what is no organisation (a role acronym, capitals without "the")."""

from __future__ import annotations

import pytest

from site_gen.quotes import extract_quotes
from site_gen.quotes.names import parse_mention


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("The NWC", "NWC"),
        ("the Harbour Watch group", "Harbour Watch"),
        ("the management of Vista Radio", "Vista Radio"),
        ("the board of the Quayside Trust", "Quayside Trust"),
    ],
)
def test_an_organisation_is_named(phrase, name):
    m = parse_mention(phrase, 0)
    assert m is not None and (m.kind, m.name) == ("org", name)


@pytest.mark.parametrize("phrase", ["the CEO", "SELMA", "UPDATE"])
def test_a_role_or_a_word_in_capitals_is_no_organisation(phrase):
    m = parse_mention(phrase, 0)
    assert m is None or m.kind != "org"


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
