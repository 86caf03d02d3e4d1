"""Speaker resolution paths kept conservative (a speaker page must not hold other people's
words) and in-article name merging (first names, family names written first, three-part
names, institutions named "X of Y"). Made-up sentences only."""

from __future__ import annotations

import pytest

from site_gen.quotes import extract_quotes
from site_gen.quotes.clauses import sentence_subject
from site_gen.quotes.names import clean_name, parse_mention
from tests.quotecheck import E, Q
from tests.quotecheck import who as _who


def _keys(paragraphs: list[str]) -> set[str]:
    return {s.key for s in extract_quotes(paragraphs).speakers}


# ---------------------------------------------------------------- conservative paths
def test_subjectless_participle_does_not_guess_an_earlier_speaker() -> None:
    paras = [f"{Q}We will appeal the ruling,{E} said Nora Quist, the mayor.",
             "The water board issued a statement on Monday saying that the plant will stay "
             "open for another year."]
    reported = _who(paras, "indirect")
    assert reported and all(k is None for _, k in reported)


def test_subjectless_participle_takes_the_speaker_of_its_sentence() -> None:
    paras = [f"{Q}We will appeal the ruling,{E} said Nora Quist, adding that the city "
             "would pay the costs of the case."]
    assert [k for _, k in _who(paras, "indirect")] == ["Nora Quist"]


@pytest.mark.parametrize("paras, speaker", [
    # a one-word name the article writes again: the subject of the participle cue
    (["Kestrelworks declined to comment on the memo.", "But Kestrelworks issued a statement"
      " saying that the memo showed the firm worked to encourage clients."], "Kestrelworks"),
    # a name of several words
    (["Officials met.", "Kestrel Harbour Trust issued a statement saying that the berths would"
      " stay open."], "Kestrel Harbour Trust"),
    # a word that only opens its sentence names no one
    (["Uproar followed the vote, prompting a statement saying that the council had failed the"
      " town."], None),
    # after a preposition the participle is someone else's ("faulted X for saying")
    (["Kestrelworks declined to comment.", "Kestrelworks faulted the mayor for saying that the"
      " harbour was safe."], None),
])
def test_a_participle_cue_takes_a_named_subject_of_its_sentence(paras: list[str],
                                                                speaker: str | None) -> None:
    assert [k for _, k in _who(paras, "indirect")] == [speaker]


def test_inverted_cue_with_a_long_description() -> None:
    paras = ["The council may yet vote on the budget before the winter break, said "
             "Bart Nyland, senior policy advocate for Citizen Works."]
    assert [k for _, k in _who(paras, "indirect")] == ["Bart Nyland"]


def test_advises_is_a_speech_cue() -> None:
    paras = ["Nora Felding is a psychologist in Ohio.",
             f"{Q}Write down what keeps you awake at night,{E} advises psychologist Felding."]
    assert [k for _, k in _who(paras, "direct")] == ["Nora Felding"]


def test_a_group_named_after_a_person_is_no_focus() -> None:
    paras = ["Derek Sandvik runs the chess club, and Tom Brandt backs the governor.",
             "Brandt supporters waited for Sandvik to pick a side. He refused.",
             f"{Q}The club is young and it has no business choosing a side,{E} he said."]
    assert [k for _, k in _who(paras, "direct")] == ["Derek Sandvik"]


def test_pronoun_after_a_quotation_ignores_names_inside_it() -> None:
    paras = ["Tom Baker spoke at the rally on Friday night.",
             f"{Q}Ask Bill Jones about the plan. Jones knows it well. I love the plan and "
             f"we will pass it,{E} he said."]
    assert {k for _, k in _who(paras, "direct")} == {"Tom Baker"}


def test_role_of_someone_else_is_not_that_persons_role() -> None:
    # "The daughter of Eric Dunmore" gives no role "daughter" to Eric Dunmore
    paras = ["The daughter of Eric Dunmore wrote to the campaign on Thursday.",
             "The daughter said that the campaign had ignored her letters for months."]
    assert [k for _, k in _who(paras, "indirect")] == [None]


def test_premodifier_of_another_clause_is_no_role() -> None:
    paras = ["The pitch materials were prepared by Mr. Kevin Rowe last spring.",
             "The pitch says that the hotel would bear the family name."]
    assert [k for _, k in _who(paras, "indirect")] == [None]


def test_neither_nor_is_no_single_speaker() -> None:
    paras = ["Neither the Acme Group nor the Rowe campaign said whether they had been "
             "involved in the deal."]
    assert all(k is None for _, k in _who(paras))
    assert parse_mention("neither the Acme Group nor the Rowe campaign", 0).kind == "group"


# ---------------------------------------------------------------- sentence subjects
def test_intro_clause_may_hold_a_number_with_a_comma() -> None:
    t = "Before a crowd of nearly 9,000 fans, Dana Whitlock attacked the plan."
    m = sentence_subject(t, 0, len(t))
    assert m is not None and m.name == "Dana Whitlock"


def test_intro_time_phrase() -> None:
    t = "Eight years later, Dana Whitlock is touring the state for her."
    m = sentence_subject(t, 0, len(t))
    assert m is not None and m.name == "Dana Whitlock"
    t = "Whitlock later apologized in a video."
    m = sentence_subject(t, 0, len(t))
    assert m is not None and m.name == "Whitlock"


def test_role_subject_without_a_name() -> None:
    t = "The GOP nominee then pointed to his guests, implying they agreed."
    m = sentence_subject(t, 0, len(t))
    assert m is not None and m.kind == "role"


# ---------------------------------------------------------------- name merging
def test_first_name_alone_is_the_one_person_so_named() -> None:
    paras = ["Rosalind Trent spoke in Ohio on Monday.",
             "Rosalind said that the plan would help families."]
    assert [k for _, k in _who(paras, "indirect")] == ["Rosalind Trent"]


def test_family_name_written_first() -> None:
    for paras in (
        [f"{Q}We will build it,{E} said Wen Haoyu, the developer.",
         f"{Q}The law protects investors,{E} Mr. Wen said."],
        [f"{Q}The law protects investors,{E} Mr. Wen said.",
         f"{Q}We will build it,{E} said Wen Haoyu, the developer."],
    ):
        assert {k for _, k in _who(paras)} == {"Wen Haoyu"}


def test_three_part_name_is_kept_whole() -> None:
    paras = [f"{Q}It is time,{E} said Annelise Maria Dorsey, a writer.",
             f"{Q}Vote early,{E} Dorsey said."]
    assert {k for _, k in _who(paras)} == {"Annelise Maria Dorsey"}
    # a capitalised word the article also writes in lower case is no first name
    paras = ["Even Mike Brannock could not calm the crowd, and even the governor tried.",
             f"{Q}We will accept the result,{E} Brannock said."]
    assert {k for _, k in _who(paras)} == {"Mike Brannock"}
    # a role word before the name stays a title
    assert clean_name("Actress Eva Lindgard")[0] == ("Eva", "Lindgard")


def test_institution_named_x_of_y_is_one_name() -> None:
    m = parse_mention("the Crown Bank of Westmere Group", 0)
    assert m is not None and m.kind == "org" and m.name == "Crown Bank of Westmere Group"
    assert parse_mention("a spokesman for the Bank of England", 0).kind == "group"
    paras = ["The Crown Bank of Westmere Group said in a notice that the branches would "
             "be shut in March.",
             "The bank said that the decision was final."]
    assert _keys(paras) == {"Crown Bank of Westmere Group"}


# ---------------------------------------------------------------- a possessive before a name
def test_an_outlets_possessive_before_a_name_is_no_part_of_it() -> None:
    paras = [f"{Q}The vote is close,{E} Kestrel's Lena Ostrova said on Sunday.",
             f"Velmarn\u2019s Tom Brede wrote: {Q}Nobody expected the result.{E}"]
    assert _keys(paras) == {"Lena Ostrova", "Tom Brede"}
    assert clean_name("Kestrel's Lena Ostrova")[0] == ("Lena", "Ostrova")


def test_a_possessive_before_a_role_keeps_the_name_that_owns_it() -> None:
    # "Mr. Brede's deputy" is someone else, unnamed: no speaker at all, never Mr. Brede
    paras = ["Mr. Brede has run the harbour for years.",
             f"{Q}We lost,{E} Mr. Brede's deputy said."]
    assert _keys(paras) == set()
    assert clean_name("Mr. Brede's Democratic challenger")[0] == ("Brede",)


# ---------------------------------------------------------------- a title's gender
def test_mr_x_is_never_a_woman_of_that_surname() -> None:
    paras = [f"Mary Lund stood silent at the meeting. {Q}I could not speak,{E} Mary Lund said.",
             f"{Q}It was a bad day,{E} Mr. Lund said."]
    speakers = [k for _, k in _who(paras, "direct")]
    assert speakers == ["Mary Lund", "Lund"]


def test_ms_x_is_the_woman_when_a_man_of_that_surname_is_named_too() -> None:
    paras = [f"Peter Lund and Mary Lund came together. {Q}It was a bad day,{E} Ms. Lund said."]
    assert [k for _, k in _who(paras, "direct")] == ["Mary Lund"]


def test_a_middle_names_gender_is_not_the_persons() -> None:
    # the given name is unknown, the middle name a woman's: "Mr. Vasco" is still him
    paras = [f"Ildo Maria Vasco, the harbour's pilot, said the tides were {Q}early this year.{E}",
             f"{Q}The boats leave at dawn and come back at dusk,{E} Mr. Vasco said."]
    assert {k for _, k in _who(paras, "direct")} == {"Ildo Maria Vasco"}


def test_an_acronyms_or_plural_possessive_before_a_full_name_is_no_part_of_it() -> None:
    # the given names are in no list of first names: the organisation's possessive alone
    # tells the person's name apart
    assert clean_name("KVTR\u2019s Ardo Menel")[0] == ("Ardo", "Menel")
    assert clean_name("Wirelines' Ardo Menel")[0] == ("Ardo", "Menel")
    paras = [f"{Q}The count is over,{E} Wirelines\u2019 Ardo Menel wrote."]
    assert _keys(paras) == {"Ardo Menel"}


def test_a_plural_possessive_before_one_word_is_kept_whole() -> None:
    # "the Pilots' College": a name of a place, not "Pilots" and a person
    assert clean_name("Harbour Pilots\u2019 College")[0] != ("Harbour", "Pilots")


def test_a_camel_case_surname_after_a_given_name_is_a_person() -> None:
    paras = ["I met Jim KellenHoff, who runs the ferry company, last week.",
             f"{Q}Riders want more boats,{E} Mr. KellenHoff said."]
    assert _keys(paras) == {"Jim KellenHoff"}


def test_a_camel_case_brand_alone_is_an_organisation() -> None:
    paras = [f"{Q}We will publish the files,{E} LeakBox said in a statement."]
    assert _keys(paras) == {"LeakBox"}


def test_a_surname_of_two_words_is_the_person_named_in_full() -> None:
    paras = [f"Daniel Ki Rowe, 41, came by boat. {Q}The crossing was calm,{E} Ki Rowe said.",
             f"Odile Le Garrec spoke next. {Q}It is clear,{E} Le Garrec said."]
    assert _keys(paras) == {"Daniel Ki Rowe", "Odile Le Garrec"}


def test_two_last_words_of_a_longer_run_that_is_no_name_stay_apart() -> None:
    # "Beyond New Kestrel" is no person: "New Kestrel" is not his surname
    paras = [f"Beyond New Kestrel, voters were tired. {Q}We want change,{E} New Kestrel said."]
    assert "Beyond New Kestrel" not in _keys(paras)


def test_the_last_word_of_an_office_before_a_full_name_is_a_title() -> None:
    paras = [f"{Q}The plan is dead,{E} Harbour Board Chief of Staff Ada Marsh wrote.",
             "Secretary of State Olek Brandt said the port was safe."]
    assert _keys(paras) == {"Ada Marsh", "Olek Brandt"}
    assert clean_name("Staff Ada Marsh")[0] == ("Ada", "Marsh")


def test_an_office_word_before_a_surname_alone_stays_a_title_not_a_name() -> None:
    assert clean_name("Justice Brandt")[0] == ("Brandt",)


def test_an_occupation_before_a_full_name_is_no_given_name() -> None:
    paras = ["Pollster Rosaria Quint says the harbour vote is close.",
             f"{Q}We will win,{E} Billionaire Osk Varga said."]
    assert _keys(paras) == {"Rosaria Quint", "Osk Varga"}


def test_a_given_name_like_a_word_stays_a_given_name() -> None:
    # "Christian" is a given name before a name, never an occupation
    assert clean_name("Christian Rosaria Quint")[0] == ("Christian", "Rosaria", "Quint")


def test_a_partys_possessive_before_a_full_name_is_the_partys() -> None:
    assert clean_name("Harbour Union Party\u2019s Ilse Ostrov")[0] == ("Ilse", "Ostrov")


# ---------------------------------------------------------------- a pronoun after an intro clause
@pytest.mark.parametrize("paras, kind, speakers", [
    # a pronoun after a clause opened by a name means that name
    ([f"{Q}It is fine,{E} said Paula Sumner, a director of the office.",
      "When Emily Brask, the harbour's lawyer, met the pilots, she said most of them wanted"
      " longer breaks."], "indirect", ["Emily Brask"]),
    # a name inside the clause that is not its subject is not the pronoun's
    ([f"{Q}We are ready,{E} said Tom Holt, the harbour master.",
      f"When Holt was asked whether he trusted Ivan Pekka, he said, {Q}Next question.{E}"],
     "direct", ["Tom Holt", "Tom Holt"]),
    # a pronoun subject of the clause keeps its antecedent
    ([f"{Q}We are ready,{E} said Tom Holt, the harbour master.",
      "When he reached the quay after Ivan Pekka's boat, he said the ferry would run all"
      " winter."], "indirect", ["Tom Holt"]),
])
def test_a_pronoun_after_an_introductory_clause(paras: list[str], kind: str,
                                                speakers: list[str]) -> None:
    assert [k for _, k in _who(paras, kind)] == speakers


def test_question_and_answer_labels_and_lone_initials_are_no_speakers() -> None:
    paras = ["The mayor of Port Velmar spoke to us on Friday.",
             "Q: Will the ferry run all winter?",
             f"{Q}It is over,{E} J. said."]
    assert _keys(paras) == set()


def test_a_headline_names_no_person_but_may_name_who_speaks() -> None:
    """Words of a heading paragraph form no person ("Velmar Doe" in a headline); a name alone
    that a headline's cue makes the speaker ("Rivenet claims ...") stays that speaker."""
    paras = ["Teen hurt in scuffle outside Velmar Doe rally.",
             "As front-runner Martin Doe prepared to speak in Velmar, a girl was hurt.",
             f"{Q}We will fix the budget,{E} Doe said."]
    assert [k for _, k in _who(paras)] == ["Velmar Doe"]  # read as a sentence, it names one
    found = extract_quotes(paras, headings=frozenset({0})).quotes
    assert [q.speaker_key for q in found] == ["Martin Doe"]
    found = extract_quotes(["Rivenet claims the river was poisoned by the plant.",
                            "The plant denies it."], headings=frozenset({0})).quotes
    assert [(q.kind, q.speaker_key) for q in found] == [("indirect", "Rivenet")]


def test_a_transcripts_labels_in_capitals_name_the_people_already_named() -> None:
    paras = ["The harbour master Nora Quist spoke to the radio host Tom Reyl on Friday. An "
             "edited transcript follows.",
             "REYL: Will the ferry run in May, as the board promised?",
             "NORA QUIST: It will run in May, and it will run on time.",
             "TOM REYL: And the fares for the islanders?",
             "QUIST: The fares stay as they are for the whole year."]
    assert _who(paras, "indirect") == [
        ("Will the ferry run in May, as the board promised?", "Tom Reyl"),
        ("It will run in May, and it will run on time.", "Nora Quist"),
        ("And the fares for the islanders?", "Tom Reyl"),
        ("The fares stay as they are for the whole year.", "Nora Quist")]


def test_capitals_before_a_colon_make_no_new_person_and_a_dateline_no_reference() -> None:
    paras = ["The harbour master Nora Quist spoke on Friday.",
             "BREAKING NEWS: The ferry will run in May and the fares stay as they are.",
             "PORT VELMAR, Kestria - Velmar officials said the port would close."]
    assert _keys(paras) == set()
    assert all(k is None for _, k in _who(paras, "indirect"))


@pytest.mark.parametrize("run, name", [
    ("Then-Governor Doe", ("Doe",)),
    ("then-Secretary Jane Doe", ("Jane", "Doe")),
    ("ex-President Doe", ("Doe",)),
    ("Mary-Jane Doe", ("Mary-Jane", "Doe")),  # a hyphenated given name stays
])
def test_a_title_of_the_past_is_a_title(run: str, name: tuple[str, ...]) -> None:
    # "then-Secretary Doe", "ex-President Doe": the title with its time prefix is no name
    assert clean_name(run)[0] == name


def test_a_past_title_names_the_person_already_named() -> None:
    found = extract_quotes(["Jane Doe and Tom Reyl met in 2010.",
                            "Then-Governor Doe said the ferries were late and old."])
    assert [(q.kind, q.speaker_key) for q in found.quotes] == [("indirect", "Jane Doe")]
    assert sorted(s.key for s in found.speakers) == ["Jane Doe"]
