"""Canonical speakers across articles, and speakers.toml pins."""

from __future__ import annotations

import pytest

from site_gen.model import Speaker, SpeakerMention
from site_gen.quotes import speakers
from site_gen.quotes.speakers import canonicalize, load_pins, norm_tokens


def _sm(key: str, *forms: str, description: str | None = None) -> SpeakerMention:
    return SpeakerMention(key, forms or (key,), description)


def test_titles_and_middle_initials_are_ignored() -> None:
    assert norm_tokens("Sheikh Seyyed Yusuf Qadiri") == ("yusuf", "qadiri")
    assert norm_tokens("Walter J. Brandt") == ("walter", "brandt")
    assert norm_tokens("Sen. Tom Ashdown") == ("tom", "ashdown")


def test_full_names_and_surnames_merge() -> None:
    out = canonicalize([
        ("a", (_sm("Yusuf Qadiri", "Sheikh Qadiri", "the Chairman"),)),
        ("b", (_sm("Qadiri", "Sheikh Qadiri"),)),
        ("c", (_sm("Yusuf Qadiri"),)),
    ])
    names = {k: v.name for k, v in out.items()}
    assert names == {("a", "Yusuf Qadiri"): "Yusuf Qadiri", ("b", "Qadiri"): "Yusuf Qadiri",
                     ("c", "Yusuf Qadiri"): "Yusuf Qadiri"}
    sp = out[("a", "Yusuf Qadiri")]
    assert sp.id == "yusuf-qadiri"
    assert "the Chairman" in sp.aliases and "Qadiri" in sp.aliases


def test_formal_and_common_forms_merge() -> None:
    out = canonicalize([
        ("a", (_sm("Walter J. Brandt"),)), ("b", (_sm("Walter Brandt"),)),
        ("c", (_sm("Walter Brandt"),)),
    ])
    assert {v.name for v in out.values()} == {"Walter Brandt"}


def test_a_short_given_name_and_the_formal_one_are_one_person() -> None:
    out = canonicalize([
        ("a", (_sm("Thomas R. Halvard"),)), ("b", (_sm("Tom Halvard"),)),
        ("c", (_sm("Tom Halvard"),)), ("d", (_sm("Bill Osric"), _sm("William Osric"))),
    ])
    assert out[("a", "Thomas R. Halvard")] == out[("b", "Tom Halvard")]
    assert out[("a", "Thomas R. Halvard")].name == "Tom Halvard"  # the form most articles use
    assert out[("d", "Bill Osric")] == out[("d", "William Osric")]
    # not when the surnames differ, nor for a short form the table gives to another name
    out = canonicalize([("a", (_sm("Tom Halvard"), _sm("Thomas Brennick"))),
                        ("b", (_sm("Chris Doe"), _sm("Christine Doe")))])
    assert out[("a", "Tom Halvard")].id != out[("a", "Thomas Brennick")].id
    assert out[("b", "Chris Doe")].id != out[("b", "Christine Doe")].id


def test_people_sharing_a_surname_are_not_merged() -> None:
    out = canonicalize([
        ("a", (_sm("Rosalind Trent"), _sm("Gordon Trent"))),
        ("b", (_sm("Rosalind Trent"),)),
    ])
    assert out[("a", "Rosalind Trent")] == out[("b", "Rosalind Trent")]
    assert out[("a", "Gordon Trent")].id != out[("a", "Rosalind Trent")].id


def test_ambiguous_surname_joins_only_a_dominant_bearer() -> None:
    arts = [(f"h{i}", (_sm("Rosalind Trent"),)) for i in range(6)]
    arts += [("w", (_sm("Gordon Trent"),)), ("x", (_sm("Trent"),))]
    assert canonicalize(arts)[("x", "Trent")].name == "Rosalind Trent"
    arts2 = [("a", (_sm("Rosalind Trent"),)), ("b", (_sm("Gordon Trent"),)),
             ("x", (_sm("Trent"),))]
    assert canonicalize(arts2)[("x", "Trent")].name == "Trent"


def test_ids_are_unique_and_output_deterministic() -> None:
    arts = [("a", (_sm("José Díaz"),)), ("b", (_sm("Jose Diaz-Ruiz"),)), ("c", (_sm("Jose Diaz"),))]
    first = canonicalize(arts)
    again = canonicalize(list(reversed(arts)))
    assert first == again
    ids = {v.id for v in first.values()}
    assert len(ids) == len({v.name for v in first.values()})


def test_pins_win() -> None:
    pin = Speaker("the-chairman", "Yusuf Qadiri", ("Sheikh Qadiri",), "Chairman of the council")
    out = canonicalize([("a", (_sm("Qadiri", "Sheikh Qadiri"),)),
                        ("b", (_sm("Yusuf Qadiri"),))], pins=[pin])
    assert out[("a", "Qadiri")] == out[("b", "Yusuf Qadiri")] == pin


def test_load_pins() -> None:
    data = b'''
[[speaker]]
name = "Yusuf Qadiri"
aliases = ["Sheikh Qadiri", "the Chairman"]
description = "Chairman of the Harbour Council"

[[speaker]]
name = "Tomas Halvorsen"
id = "halvorsen"
'''
    pins = load_pins(data, "speakers.toml")
    assert pins == (
        Speaker("yusuf-qadiri", "Yusuf Qadiri", ("Sheikh Qadiri", "the Chairman"),
                "Chairman of the Harbour Council"),
        Speaker("halvorsen", "Tomas Halvorsen", (), None),
    )


def test_a_pin_whose_name_slugifies_to_nothing_still_gets_an_id() -> None:
    pins = load_pins(b'[[speaker]]\nname = "!!! ***"\n\n[[speaker]]\nname = "Ana"\n',
                     "speakers.toml")
    assert pins[0].id and pins[0].id.startswith("x-") and pins[1].id == "ana"
    with pytest.raises(ValueError, match="^speakers.toml:1: 'id'"):
        load_pins(b'[[speaker]]\nname = "Ana"\nid = ""\n', "speakers.toml")


@pytest.mark.parametrize("data,where", [
    (b'[[speaker]]\nname = "A"\n\n[[speaker]]\naliases = ["x"]\n', "speakers.toml:4:"),
    (b'[[speaker]]\nname = "A"\naliases = "x"\n', "speakers.toml:1:"),
    (b'[[speaker]]\nname = "A"\nnmae = "B"\n', "speakers.toml:1:"),
    (b'[[speaker]]\nname = "A\n', "speakers.toml:2:"),
    (b'[speaker]\nname = "A"\n', "speakers.toml:1:"),
])
def test_load_pins_errors_name_the_line(data: bytes, where: str) -> None:
    with pytest.raises(ValueError, match="^" + where):
        load_pins(data, "speakers.toml")


def test_a_suffix_makes_another_person() -> None:
    out = canonicalize([("a", (_sm("Walter Brandt"), _sm("Walter Brandt Jr."))),
                        ("b", (_sm("Walter J. Brandt"),))])
    assert out[("a", "Walter Brandt")] == out[("b", "Walter J. Brandt")]
    assert out[("a", "Walter Brandt Jr.")].name == "Walter Brandt Jr."


@pytest.fixture
def invented_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    """Invented well-known figures in place of the shipped table (data/figures.toml)."""
    table = [("Mel Brannock", ("Mel Brannock", "Melvin Brannock")),
             ("Jim Okafor", ("Jim Okafor", "James Okafor"))]
    # the index itself is swapped (the compiled modules call famous.entries directly)
    monkeypatch.setattr(speakers, "_FAMOUS", speakers.famous_index(table))


@pytest.mark.usefixtures("invented_figures")
def test_well_known_figures_get_their_common_name() -> None:
    out = canonicalize([("a", (_sm("Melvin R. Brannock"), _sm("James E. Okafor"))),
                        ("b", (_sm("Mel Brannock"),)), ("c", (_sm("Brannock"),))])
    assert out[("a", "Melvin R. Brannock")] == out[("b", "Mel Brannock")] == out[("c", "Brannock")]
    assert out[("a", "Melvin R. Brannock")].name == "Mel Brannock"
    assert out[("a", "James E. Okafor")].name == "Jim Okafor"


def test_a_pin_maps_a_formal_name_to_the_common_one() -> None:
    pin = Speaker("mel-brannock", "Mel Brannock", ("Melvin Brannock",), None)
    out = canonicalize([("a", (_sm("Melvin R. Brannock"),)), ("b", (_sm("Mel Brannock"),))],
                       pins=[pin])
    assert out[("a", "Melvin R. Brannock")] == out[("b", "Mel Brannock")] == pin


def test_otherwise_the_full_name_most_articles_use_wins() -> None:
    out = canonicalize([("a", (_sm("Tamsin Q. Oakhurst"),)), ("b", (_sm("Tamsin Oakhurst"),)),
                        ("c", (_sm("Tamsin Oakhurst"),))])
    assert {v.name for v in out.values()} == {"Tamsin Oakhurst"}
    out = canonicalize([("a", (_sm("Tamsin Q. Oakhurst"),)), ("b", (_sm("Tamsin Q. Oakhurst"),)),
                        ("c", (_sm("Tamsin Oakhurst"),))])
    assert {v.name for v in out.values()} == {"Tamsin Q. Oakhurst"}


def test_on_a_tie_the_name_without_its_middle_wins_and_a_surname_never() -> None:
    for middle in ("Q.", "Quinn"):
        out = canonicalize([("a", (_sm(f"Tamsin {middle} Oakhurst"),)),
                            ("b", (_sm("Tamsin Oakhurst"),)),
                            ("c", (_sm("Oakhurst"),)), ("d", (_sm("Oakhurst"),))])
        assert {v.name for v in out.values()} == {"Tamsin Oakhurst"}


def test_on_a_tie_without_a_shorter_form_of_the_same_name_the_fullest_wins() -> None:
    # a compound surname alone is no shorter form of the full name
    out = canonicalize([("a", (_sm("Tamsin Oakhurst Vidal"),)), ("b", (_sm("Oakhurst Vidal"),))])
    assert {v.name for v in out.values()} == {"Tamsin Oakhurst Vidal"}


def test_organisation_aliases() -> None:
    out = canonicalize([("a", (_sm("AP"),)), ("b", (_sm("Associated Press"),))])
    assert {v.name for v in out.values()} == {"Associated Press"}


def test_a_bare_surname_joins_the_only_full_name_with_a_suffix() -> None:
    out = canonicalize([("a", (_sm("Peter R. Vance Jr."),)), ("b", (_sm("Vance"),)),
                        ("c", (_sm("Peter R. Vance Jr."),))])
    assert {v.name for v in out.values()} == {"Peter R. Vance Jr."}


def test_a_suffix_still_makes_another_person_for_full_names() -> None:
    out = canonicalize([("a", (_sm("Peter Vance"),)), ("b", (_sm("Peter Vance Jr."),))])
    assert {v.name for v in out.values()} == {"Peter Vance", "Peter Vance Jr."}


def test_a_compound_surname_joins_its_full_name() -> None:
    out = canonicalize([("a", (_sm("Anna Lopez Garcia"),)), ("b", (_sm("Lopez Garcia"),)),
                        ("c", (_sm("Pieter van Dam"),)), ("d", (_sm("van Dam"),))])
    assert {v.name for v in out.values()} == {"Anna Lopez Garcia", "Pieter van Dam"}


def test_two_given_names_are_no_compound_surname() -> None:
    out = canonicalize([("a", (_sm("Anna Maria Garcia"),)), ("b", (_sm("Maria Garcia"),))])
    assert len({v.id for v in out.values()}) == 2


def test_a_decorated_surname_is_the_person_the_article_names_in_full() -> None:
    out = canonicalize([("a", (_sm("Thomas Vance"), _sm("Defiant Vance"))),
                        ("b", (_sm("Thomas Vance"),))])
    assert {v.name for v in out.values()} == {"Thomas Vance"}


def test_no_decorated_surname_join_across_articles_or_for_groups() -> None:
    out = canonicalize([("a", (_sm("Thomas Vance"),)), ("b", (_sm("Defiant Vance"),)),
                        ("c", (_sm("Trent campaign"), _sm("Vance campaign")))])
    assert {v.name for v in out.values()} == {
        "Thomas Vance", "Defiant Vance", "Trent campaign", "Vance campaign"
    }


def test_each_mapping_says_which_rule_chose_it() -> None:
    why: dict = {}
    canonicalize(
        [("a", (_sm("Tamsin Oakhurst"), _sm("Brannagh"))),
         ("b", (_sm("Oakhurst"),)),
         ("c", (_sm("Pell"),)), ("d", (_sm("Ada Pell"), _sm("Ned Pell")))],
        explain=why)
    assert why[("a", "Tamsin Oakhurst")] == "full name"
    assert why[("b", "Oakhurst")] == "surname of the one full name with it"
    assert why[("a", "Brannagh")] == "surname alone: no full name with it"
    assert why[("c", "Pell")] == "surname alone: several full names with it, none far ahead"


def test_a_pinned_name_says_so() -> None:
    why: dict = {}
    pin = Speaker("t-oakhurst", "Tamsin Oakhurst", ("T. Oakhurst",), None)
    canonicalize([("a", (_sm("T. Oakhurst"),))], [pin], explain=why)
    assert why[("a", "T. Oakhurst")] == "a name or alias in speakers.toml"


def test_an_acronym_is_the_organisation_it_abbreviates() -> None:
    # not in figures.toml: the archive's own full name spelled out by the acronym
    out = canonicalize([("a", (_sm("KHA"),)), ("b", (_sm("Kestria Harbour Authority"),)),
                        ("c", (_sm("QP", "the QP"),)), ("d", (_sm("Quayside Press"),)),
                        ("e", (_sm("BHT"),)), ("f", (_sm("Bank of the Harbour Trust"),))])
    assert {v.name for v in out.values()} == {"Kestria Harbour Authority", "Quayside Press",
                                               "Bank of the Harbour Trust"}


@pytest.mark.parametrize("entries", [
    # a person's initials are no acronym of them
    [("a", ("JD",)), ("b", ("Jane Doe",))],
    # two letters alone are a state's code as often
    [("a", ("KH",)), ("b", ("Kestria Harbour",))],
    # two full names with the same initials: which one is not known
    [("a", ("KHA",)), ("b", ("Kestria Harbour Authority",)), ("c", ("Kestria Housing Agency",))],
])
def test_an_acronym_joins_no_person_and_no_ambiguous_name(entries) -> None:
    out = canonicalize([(aid, (_sm(*forms),)) for aid, forms in entries])
    assert len({v.id for v in out.values()}) == len(entries)
