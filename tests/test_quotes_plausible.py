"""Junk speakers: every named speaker gets a public page, so names must look like names.

Synthetic sentences, one per junk class (English) and per foreign-language pattern."""

from __future__ import annotations

import pytest

from site_gen.quotes import extract_quotes
from site_gen.quotes.plausible import admit, new_name_ok


def _speakers(paragraphs: list[str], lang: str = "en") -> set[str | None]:
    return {q.speaker_key for q in extract_quotes(paragraphs, lang).quotes}


@pytest.mark.parametrize("name", ["We've", "We're", "I\u2019m", "You're", "Don't"])
def test_contractions_are_no_names(name: str) -> None:
    assert admit([name]) is None


def test_no_speaker_from_contractions() -> None:
    paras = ["We've said for years that the pension is too low, the group's leaflet argued.",
             "I\u2019m told the plan will fail, one reader wrote."]
    keys = _speakers(paras)
    assert not any(k and ("'" in k or "\u2019" in k) for k in keys), keys


@pytest.mark.parametrize("tokens", [
    ["Update"], ["Note"], ["Photo"], ["Users"], ["Having"], ["Honorable"], ["See", "Facebook"],
    ["Call", "Me"], ["Iran", "Even"], ["Spring", "Report"], ["Information", "Technology"],
    ["Star", "Wars"], ["Quiet", "Passion"], ["Florida", "Project"], ["Pakistan", "Chief"],
    ["NEW", "DELHI"],
])
def test_common_words_titles_and_datelines_rejected(tokens: list[str]) -> None:
    assert admit(tokens) is None or not new_name_ok(admit(tokens) or (), None)


def test_places_make_no_new_speaker() -> None:
    assert not new_name_ok(("South", "Africa"), None)
    assert not new_name_ok(("New", "Delhi"), None)
    assert new_name_ok(("Lisa", "Malta"), None)


def test_one_word_that_the_article_writes_in_lower_case() -> None:
    lower = frozenset({"go", "users", "administration"})
    assert not new_name_ok(("Go",), lower)
    assert new_name_ok(("Administration",), lower)  # the one administration of the article
    assert new_name_ok(("Olmedo",), lower)


def test_real_names_still_pass() -> None:
    assert admit(["New", "York", "Times"]) == ("New", "York", "Times")
    assert admit(["Van", "Jackson"]) == ("Van", "Jackson")
    assert admit(["Hope", "Calloway"]) == ("Hope", "Calloway")


def test_english_label_and_dateline_get_no_speaker() -> None:
    paras = ["NEW DELHI: The port chief warned that the docks are being neglected.",
             "Note: earlier versions had no compression for big packets.",
             "Having said that, the board must ignore the outside noise, the envoy said."]
    keys = _speakers(paras)
    assert not keys & {"NEW DELHI", "Note", "Having"}, keys


def test_english_speaker_kept() -> None:
    paras = ['"We will not back down," said Maria Lopez, a union organiser.']
    assert _speakers(paras) == {"Maria Lopez"}


def test_german_title_and_particles() -> None:
    paras = ["EU-Fischereikommissarin Greta von der Aue mahnte an, dass die Küstendörfer "
             "geschützt werden müssten. \u00abWir werden die Fangquoten gründlich prüfen\u00bb, "
             "sagte Greta von der Aue."]
    assert _speakers(paras, "de") == {"Greta von der Aue"}


def test_german_cue_after_and_no_noun_speakers() -> None:
    paras = ['Vor dem Bürgeramt haben sich lange Schlangen gebildet. "Die meisten meiner '
             'Helfer sind noch Schüler, zwischen 16 und 19", erklärt Pavel Korsunow '
             'der Zeitung.',
             'Einen Bauplatz zu finden ist schwer. "Das ist echt mühsam für alle im Dorf."']
    keys = _speakers(paras, "de")
    assert "Pavel Korsunow" in keys
    assert not any(k and ("Bürgeramt" in k or "Bauplatz" in k or "der" in k.split())
                   for k in keys), keys


def test_spanish_source_preposition_is_stripped() -> None:
    paras = ["El juez Ramón Olmedo ha citado al alcalde.",
             "Según Olmedo, \u201cse trata de facturas que no aportan pruebas nuevas\u201d.",
             "Para Olmedo, el alcalde fue la persona que \u201cfirmó todos los contratos\u201d."]
    keys = _speakers(paras, "es")
    assert keys and all(k is None or k.endswith("Olmedo") for k in keys), keys
    assert not any(k and k.split()[0] in ("Según", "Para") for k in keys), keys


def test_french_cue_phrase() -> None:
    paras = ["\u00ab Nous ne céderons pas sur ce point \u00bb, a déclaré Jean Dupont, maire "
             "de la ville."]
    assert _speakers(paras, "fr") == {"Jean Dupont"}


def test_russian_cue_and_cyrillic_name() -> None:
    paras = ["\u00abМы продолжим переговоры с партнёрами\u00bb, \u2014 заявил Сергей Лавров."]
    assert _speakers(paras, "ru") == {"Сергей Лавров"}


def test_icelandic_verb_is_no_name() -> None:
    paras = ["Kveðst Sólrún hafa rætt við marga nágranna. \u201eÞetta er fólk sem "
             "allir treysta,\u201c segir Sólrún Magnúsdóttir."]
    keys = _speakers(paras, "is")
    assert not any(k and k.startswith("Kveðst") for k in keys), keys


def test_unknown_language_without_evidence_stays_unattributed() -> None:
    paras = ["Utshele UMHLABA ukuthi: \u201cSizowuqeda umsebenzi ngoMsombuluko.\u201d"]
    assert _speakers(paras, "zu") == {None}


@pytest.mark.parametrize("tokens", [["Dan", "Rather"], ["Paul", "Song"], ["Paula", "Read"]])
def test_a_given_name_and_a_surname_that_is_a_common_word(tokens: list[str]) -> None:
    assert admit(tokens) == tuple(tokens)


@pytest.mark.parametrize("tokens", [["Watch", "Video"], ["Read", "More"], ["Paula", "READ"],
                                    ["Paul", "Song", "Review"]])
def test_a_common_word_after_no_given_name_stays_out(tokens: list[str]) -> None:
    assert admit(tokens) is None


def test_a_surname_that_is_a_common_word_names_the_person_named_before() -> None:
    paras = ["Dr. Thomas Song, a physician at the clinic, spoke at the meeting on Monday.",
             "Song said the clinic would stay open through the winter.",
             "Read said the plan was sound."]  # no one of that name: no speaker
    quotes = extract_quotes(paras, "en").quotes
    said = {q.text.split()[1]: q.speaker_key for q in quotes}
    assert said["clinic"] == "Thomas Song"
    assert said["plan"] is None
