"""Canonical speakers across articles, and speakers.toml pins."""

from __future__ import annotations

import pytest

from site_gen.model import Speaker, SpeakerMention
from site_gen.quotes.speakers import canonicalize, load_pins, norm_tokens


def _sm(key: str, *forms: str, description: str | None = None) -> SpeakerMention:
    return SpeakerMention(key, forms or (key,), description)


def test_titles_and_middle_initials_are_ignored() -> None:
    assert norm_tokens("Ayatollah Seyyed Ali Khamenei") == ("ali", "khamenei")
    assert norm_tokens("Donald J. Trump") == ("donald", "trump")
    assert norm_tokens("Sen. Tim Kaine") == ("tim", "kaine")


def test_full_names_and_surnames_merge() -> None:
    out = canonicalize([
        ("a", (_sm("Ali Khamenei", "Ayatollah Khamenei", "the Leader"),)),
        ("b", (_sm("Khamenei", "Ayatollah Khamenei"),)),
        ("c", (_sm("Ali Khamenei"),)),
    ])
    names = {k: v.name for k, v in out.items()}
    assert names == {("a", "Ali Khamenei"): "Ali Khamenei", ("b", "Khamenei"): "Ali Khamenei",
                     ("c", "Ali Khamenei"): "Ali Khamenei"}
    sp = out[("a", "Ali Khamenei")]
    assert sp.id == "ali-khamenei"
    assert "the Leader" in sp.aliases and "Khamenei" in sp.aliases


def test_formal_and_common_forms_merge() -> None:
    out = canonicalize([
        ("a", (_sm("Donald J. Trump"),)), ("b", (_sm("Donald Trump"),)),
        ("c", (_sm("Donald Trump"),)),
    ])
    assert {v.name for v in out.values()} == {"Donald Trump"}


def test_people_sharing_a_surname_are_not_merged() -> None:
    out = canonicalize([
        ("a", (_sm("Hillary Clinton"), _sm("Bill Clinton"))),
        ("b", (_sm("Hillary Clinton"),)),
    ])
    assert out[("a", "Hillary Clinton")] == out[("b", "Hillary Clinton")]
    assert out[("a", "Bill Clinton")].id != out[("a", "Hillary Clinton")].id


def test_ambiguous_surname_joins_only_a_dominant_bearer() -> None:
    arts = [(f"h{i}", (_sm("Hillary Clinton"),)) for i in range(6)]
    arts += [("w", (_sm("Bill Clinton"),)), ("x", (_sm("Clinton"),))]
    assert canonicalize(arts)[("x", "Clinton")].name == "Hillary Clinton"
    arts2 = [("a", (_sm("Hillary Clinton"),)), ("b", (_sm("Bill Clinton"),)),
             ("x", (_sm("Clinton"),))]
    assert canonicalize(arts2)[("x", "Clinton")].name == "Clinton"


def test_ids_are_unique_and_output_deterministic() -> None:
    arts = [("a", (_sm("José Díaz"),)), ("b", (_sm("Jose Diaz-Ruiz"),)), ("c", (_sm("Jose Diaz"),))]
    first = canonicalize(arts)
    again = canonicalize(list(reversed(arts)))
    assert first == again
    ids = {v.id for v in first.values()}
    assert len(ids) == len({v.name for v in first.values()})


def test_pins_win() -> None:
    pin = Speaker("the-leader", "Ali Khamenei", ("Ayatollah Khamenei",), "Leader of Iran")
    out = canonicalize([("a", (_sm("Khamenei", "Ayatollah Khamenei"),)),
                        ("b", (_sm("Ali Khamenei"),))], pins=[pin])
    assert out[("a", "Khamenei")] == out[("b", "Ali Khamenei")] == pin


def test_load_pins() -> None:
    data = b'''
[[speaker]]
name = "Ali Khamenei"
aliases = ["Ayatollah Khamenei", "the Leader"]
description = "Leader of the Islamic Revolution"

[[speaker]]
name = "Ismail Haniyeh"
id = "haniyeh"
'''
    pins = load_pins(data, "speakers.toml")
    assert pins == (
        Speaker("ali-khamenei", "Ali Khamenei", ("Ayatollah Khamenei", "the Leader"),
                "Leader of the Islamic Revolution"),
        Speaker("haniyeh", "Ismail Haniyeh", (), None),
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
    out = canonicalize([("a", (_sm("Donald Trump"), _sm("Donald Trump Jr."))),
                        ("b", (_sm("Donald J. Trump"),))])
    assert out[("a", "Donald Trump")] == out[("b", "Donald J. Trump")]
    assert out[("a", "Donald Trump Jr.")].name == "Donald Trump Jr."


def test_well_known_figures_get_their_common_name() -> None:
    out = canonicalize([("a", (_sm("Michael R. Pence"), _sm("James E. Clyburn"))),
                        ("b", (_sm("Mike Pence"),)), ("c", (_sm("Pence"),))])
    assert out[("a", "Michael R. Pence")] == out[("b", "Mike Pence")] == out[("c", "Pence")]
    assert out[("a", "Michael R. Pence")].name == "Mike Pence"
    assert out[("a", "James E. Clyburn")].name == "Jim Clyburn"


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
                        ("c", (_sm("Clinton campaign"), _sm("Vance campaign")))])
    assert {v.name for v in out.values()} == {
        "Thomas Vance", "Defiant Vance", "Clinton campaign", "Vance campaign"
    }
