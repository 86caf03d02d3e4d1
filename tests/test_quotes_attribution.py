"""Cue patterns, speaker positions, appositions, pronouns, roles and reported speech."""

from __future__ import annotations

import re

import pytest

from site_gen.quotes import attribution, extract_quotes
from tests.quotecheck import E, Q, speaker_of, who


def _who(paragraphs: list[str], kind: str = "direct") -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker_key) for q in extract_quotes(paragraphs).quotes if q.kind == kind]


@pytest.mark.parametrize("para", [
    "\u201cWe will win this,\u201d said Anna Berg.",
    "\u201cWe will win this,\u201d Anna Berg said.",
    "\u201cWe will win this,\u201d Anna Berg told reporters.",
    "Anna Berg said: \u201cWe will win this.\u201d",
    "Anna Berg said, \u201cWe will win this.\u201d",
    "\u201cWe will win this,\u201d Anna Berg, the party leader, said on Monday.",
    "\u201cWe will win this,\u201d said Anna Berg, the party leader.",
    "\u201cWe will win this,\u201d Sen. Anna Berg stressed.",
    "Speaking in Ohio, Anna Berg also tweeted: \u201cWe will win this.\u201d",
])
def test_speaker_before_after_inside(para: str) -> None:
    assert [k for _, k in _who([para])] == ["Anna Berg"]


def test_apposition_becomes_the_description() -> None:
    ex = extract_quotes(
        ["\u201cPrices will fall,\u201d said Omar Haddad, an economist at the bank."])
    assert ex.speakers[0].key == "Omar Haddad"
    assert ex.speakers[0].description == "an economist at the bank"


def test_pronoun_takes_the_gender_compatible_speaker() -> None:
    paras = [
        "Maria Lopez, the mayor, met John Carter on Monday.",
        "\u201cWe talked for an hour,\u201d she said.",
        "\u201cIt went well,\u201d he said.",
    ]
    assert [k for _, k in _who(paras)] == ["Maria Lopez", "John Carter"]


def test_pronoun_after_subject_sentence() -> None:
    paras = ["Anna Berg spoke first. Then Omar Haddad, for his part, thanked the hosts.",
             "\u201cThis was a good day,\u201d he said."]
    assert [k for _, k in _who(paras)] == ["Omar Haddad"]


def test_surname_and_title_forms_resolve_to_the_full_name() -> None:
    paras = ["President Anna Berg opened the summit.",
             "\u201cWe are here to work,\u201d Ms. Berg said.",
             "\u201cNo more delays,\u201d Berg added."]
    ex = extract_quotes(paras)
    assert {q.speaker_key for q in ex.quotes} == {"Anna Berg"}
    assert set(ex.speakers[0].forms) >= {"Ms. Berg", "Berg"}


def test_role_mention_is_tied_to_the_named_person() -> None:
    paras = ["Party leader Anna Berg met the press.",
             "\u201cWe will not give up,\u201d the leader said."]
    assert [k for _, k in _who(paras)] == ["Anna Berg"]


def test_same_surname_different_people_stay_apart() -> None:
    paras = ["\u201cI am running,\u201d said Rosalind Trent.",
             "\u201cShe will win,\u201d said Gordon Trent."]
    assert [k for _, k in _who(paras)] == ["Rosalind Trent", "Gordon Trent"]


def test_unnamed_sources_have_no_speaker_key() -> None:
    paras = ["\u201cThe talks collapsed,\u201d a spokesman for the ministry said.",
             "Officials said the border would stay closed for a week."]
    ex = extract_quotes(paras)
    assert [q.speaker_key for q in ex.quotes] == [None, None]
    assert ex.speakers == ()


def test_cueless_quotation_takes_the_previous_speaker() -> None:
    paras = ["\u201cWe will rebuild,\u201d said Anna Berg.",
             "\u201cThe money is already there and the work starts next week.\u201d"]
    assert [k for _, k in _who(paras)] == ["Anna Berg", "Anna Berg"]


@pytest.mark.parametrize("para,content", [
    ("Anna Berg said the bridge would open in May.", "the bridge would open in May."),
    ("Anna Berg said that the bridge would open in May.", "the bridge would open in May."),
    ("Anna Berg stressed that the bridge would open in May.", "the bridge would open in May."),
    ("Anna Berg told reporters the bridge would open in May.", "the bridge would open in May."),
    ("Anna Berg said in a statement on Tuesday that the bridge would open in May.",
     "the bridge would open in May."),
    # a "that" inside the content is no gap between the cue and the content
    ("Anna Berg said she was not going to jump to that conclusion.",
     "she was not going to jump to that conclusion."),
    ("Anna Berg said the council would never accept that plan.",
     "the council would never accept that plan."),
    ("Anna Berg told reporters on Tuesday that the bridge would open in May.",
     "the bridge would open in May."),
    ("According to Anna Berg, the bridge would open in May.", "the bridge would open in May."),
    ("Anna Berg said this is the last year of the old bridge.",
     "this is the last year of the old bridge."),
    ("Anna Berg said more than 1,000 people used the bridge in May.",
     "more than 1,000 people used the bridge in May."),
    ("Anna Berg said this week the bridge would open in May.", "the bridge would open in May."),
    ("Anna Berg added, that the bridge would open in May.", "the bridge would open in May."),
    ("Anna Berg said, it would open in May.", "it would open in May."),
    ("The bridge would open in May, according to Anna Berg.", "The bridge would open in May"),
    ("The bridge would open in May, Anna Berg said.", "The bridge would open in May"),
])
def test_reported_speech(para: str, content: str) -> None:
    assert _who([para], "indirect") == [(content, "Anna Berg")]


@pytest.mark.parametrize("para, reported", [
    ("Ferry users made up just a third of the voters in 2020, according to exit polls.",
     [("Ferry users made up just a third of the voters in 2020", None)]),
    ("The harbour board has spent about $2 million since May, according to media trackers.",
     [("The harbour board has spent about $2 million since May", None)]),
    ("The ferry left the quay at noon, according to plan.", []),  # no source, no statement
    ("The ferry left the quay at noon, according to schedule.", []),
    ("Tom Reyl has won the harbour vote, according to three television networks.",
     [("Tom Reyl has won the harbour vote", None)]),
    ("According to state law, no one may hand out leaflets within 150 feet of a polling place.",
     [("no one may hand out leaflets within 150 feet of a polling place.", None)]),
])
def test_according_to_a_source_that_names_no_one(para: str, reported: list) -> None:
    assert _who([para], "indirect") == reported


def test_a_cue_word_after_a_determiner_is_no_trailing_cue() -> None:
    assert _who(["Tom Reyl has previously called out the mayor, slamming his proposed ban on"
                 " ferries."], "indirect") == []
    assert _who(["The ferry will run in May, his spokesman said."], "indirect") == [
        ("The ferry will run in May", None)]


def test_no_reported_speech_without_a_clause() -> None:
    assert _who(["Anna Berg said nothing and left the room early."], "indirect") == []
    assert _who(["Anna Berg stressed the issue of unity among the parties."], "indirect") == []


def test_mixed_quote_keeps_both() -> None:
    ex = extract_quotes(["Anna Berg said the plan was \u201ca total failure\u201d and must end."])
    kinds = sorted(q.kind for q in ex.quotes)
    assert kinds == ["direct", "indirect"]
    assert {q.speaker_key for q in ex.quotes} == {"Anna Berg"}


@pytest.mark.parametrize("para, statement", [
    ("The new levy is \u201ca gift to the few,\u201d Anna Berg said.",
     "The new levy is \u201ca gift to the few,"),
    ("Since the vote, the council has shown \u201ca steady contempt for the port,\u201d said "
     "Anna Berg.", "Since the vote, the council has shown \u201ca steady contempt for the port,"),
    ("Pellow \u201cwas let off so lightly there is little left to do,\u201d Anna Berg said.",
     "Pellow \u201cwas let off so lightly there is little left to do,"),
])
def test_words_before_a_quotation_make_a_mixed_quote_with_it(para: str, statement: str) -> None:
    assert _who([para], "indirect") == [(statement, "Anna Berg")]
    assert len(_who([para])) == 1  # the quoted words stay a direct quotation too


@pytest.mark.parametrize("para, reported", [
    ("Anna Berg said it is \u201cnot that there should be no tests at all.\u201d",
     ["it is \u201cnot that there should be no tests at all.\u201d"]),
    ("Anna Berg says the board \u201cknows full well that the law already says so.\u201d",
     ["the board \u201cknows full well that the law already says so.\u201d"]),
    ("Anna Berg said \u201cthe levy is a gift to the few.\u201d", []),  # a quotation alone
    # "that" makes the quotation the content of a reported statement too
    ("Anna Berg said that \u201cthe levy is a gift to the few.\u201d",
     ["\u201cthe levy is a gift to the few.\u201d"]),
])
def test_a_word_of_the_writer_before_a_quotation_makes_a_mixed_quote(
        para: str, reported: list[str]) -> None:
    assert [t for t, _ in _who([para], "indirect")] == reported
    assert [k for _, k in _who([para])] == ["Anna Berg"]


@pytest.mark.parametrize("para, reported", [
    ("\u201cThe levy is a gift to the few,\u201d Anna Berg said.", []),  # the quotation opens it
    ("Anna Berg said the levy was unfair, and that it was \u201ca gift to the few,\u201d she "
     "added.",  # held by the report already
     ["the levy was unfair, and that it was \u201ca gift to the few,\u201d she added."]),
    ("\u201cThe levy is a gift to the few,\u201d Anna Berg said, \u201cand it will stay,\u201d "
     "she added.", []),  # follows another quotation
    ("The levy had passed. \u201cIt is a gift to the few,\u201d Anna Berg said.", []),
    ("Anna Berg left the council in \u201ca steady fury,\u201d saying the levy would fail.",
     []),  # a participle after the quotation
])
def test_no_mixed_quote_without_own_words_before_the_quotation(para: str, reported: list[str],
                                                                 ) -> None:
    assert [t for t, _ in _who([para], "indirect")] == reported


def test_quote_ids_in_reading_order() -> None:
    ex = extract_quotes(["Anna Berg said the vote was fair.",
                         "\u201cIt was fair,\u201d she said. \u201cWe accept it,\u201d she added."])
    assert [q.id for q in ex.quotes] == ["q1", "q2", "q3"]
    assert [q.paragraph for q in ex.quotes] == [0, 1, 1]


def test_cue_after_a_quotation_is_not_reported_speech() -> None:
    paras = ["\u201cShe knows the files,\u201d said Trent\u2019s communications director, Jennifer "
             "Castell, adding that the vote might have gone another way this spring."]
    assert _who(paras) == [("She knows the files,", "Jennifer Castell")]
    assert _who(paras, "indirect") == [
        ("the vote might have gone another way this spring.", "Jennifer Castell")]


def test_role_before_the_name_in_apposition() -> None:
    paras = ["\u201cWe mean to open two more inns,\u201d said a spokeswoman for the hotels, "
             "Jennifer Lindqvist."]
    assert [k for _, k in _who(paras)] == ["Jennifer Lindqvist"]


def test_trailing_apposition_names_the_speaker_not_the_object() -> None:
    paras = ["The mayor has no more fundraisers planned this season, Brandt\u2019s finance "
             "chairman, Steve Varnum, told The Valley Herald."]
    assert [k for _, k in _who(paras, "indirect")] == ["Steve Varnum"]


def test_relative_pronoun_after_an_apposition() -> None:
    paras = ["The fair drew Kaylee Lundqvist, a Lake State sophomore, who said she has "
             "cousins who vote like that."]
    assert [k for _, k in _who(paras, "indirect")] == ["Kaylee Lundqvist"]


def test_well_known_role_descriptions(monkeypatch: pytest.MonkeyPatch) -> None:
    # invented figures in place of the shipped table (data/figures.toml): a description that
    # fits one figure, and one that fits both (the one mentioned last wins)
    monkeypatch.setattr(attribution, "_ROLES", [
        (re.compile(r"republican(?: party)? nominee"), ("Walter Brandt",)),
        (re.compile(r"democratic(?: party)? nominee"), ("Rosalind Trent",)),
        (re.compile(r"(?:presidential )?(?:candidate|nominee)"),
         ("Walter Brandt", "Rosalind Trent")),
    ])
    paras = ["Walter Brandt and Rosalind Trent spoke on Tuesday.",
             "The Democratic nominee said the harbour plan was gaining support every week.",
             "The candidate also said she would visit Maine next month."]
    assert [k for _, k in _who(paras, "indirect")] == ["Rosalind Trent", "Rosalind Trent"]


def test_a_pronoun_never_takes_an_organisation() -> None:
    paras = ["Mary Jo Fenwick met with Super PACs on Tuesday.",
             "\u201cWhat would you have us do?\u201d she asked."]
    assert [k for _, k in _who(paras)] == ["Mary Jo Fenwick"]


def test_pronoun_takes_the_main_clause_subject() -> None:
    paras = ["After Brandt described farmers as freeloaders, Ezra Malkin urged the campaign to "
             "reply. He called the remarks insulting and said they had to be answered.",
             "\u201cIt is simple to do,\u201d he wrote."]
    assert [k for _, k in _who(paras)] == ["Ezra Malkin"]


@pytest.mark.parametrize("para, reported", [
    ("As Tom Reyl noted, those voters will give the council a second look.",
     [("those voters will give the council a second look.", "Tom Reyl")]),
    ("Turnout fell, and as the Velmar Herald first reported, the ferry never ran.",
     [("the ferry never ran.", "Velmar Herald")]),
    # the quotation after the comma is the statement, a direct quote, not reported speech
    ("As Tom Reyl said, \u201cThe council has to act now,\u201d and the room fell silent.", []),
    # within a speaker's own words (a quotation open in the paragraph) it is theirs
    ("\u201cI read his letter twice, and as Tom Reyl said, the port and the town need each"
     " other.", []),
])
def test_as_someone_noted_introduces_what_they_said(para: str, reported: list) -> None:
    assert _who([para], "indirect") == reported


@pytest.mark.parametrize("para, reported", [
    ("Jane Doe asked the mayor whether the council would publish the minutes.",
     [("whether the council would publish the minutes.", "Jane Doe")]),
    ("Jane Doe asked Tom Reyl why the ferry had stopped running in May.",
     [("why the ferry had stopped running in May.", "Jane Doe")]),
    ("Jane Doe asked whether the council would publish the minutes.",
     [("whether the council would publish the minutes.", "Jane Doe")]),
    # a request is reported too (what was asked: who, and to do what)
    ("Tom Reyl asked Jane Doe to leave the room before the vote.",
     [("Jane Doe to leave the room before the vote.", "Tom Reyl")]),
    ("Tom Reyl asked Jane Doe about the vote before the meeting.", []),  # a topic, no question
])
def test_a_question_asked_of_someone_is_reported(para: str, reported: list) -> None:
    assert _who([para], "indirect") == reported


def test_a_cue_between_commas_keeps_both_pieces_of_its_sentence() -> None:
    # 'It is clear, she said, that ...': the cue is parenthetical, not 'said, that ...'
    assert _who(["It is no surprise, Anna Berg said, that the bridge opened late."],
                "indirect") == [("It is no surprise", "Anna Berg"),
                                ("that the bridge opened late.", "Anna Berg")]


@pytest.mark.parametrize("para", [
    f"After Tom Reyl mocked the ferry plan, Nora Quist shot back, {Q}Nobody rides a plan.{E}",
    f"After Tom Reyl mocked the ferry plan, Nora Quist fired back: {Q}Nobody rides a plan.{E}",
    f"After Tom Reyl mocked the ferry plan, Nora Quist hit back, {Q}Nobody rides a plan.{E}",
    f"Tom Reyl mocked the ferry plan. {Q}Nobody rides a plan,{E} Nora Quist shot back.",
    f"Tom Reyl mocked the ferry plan. {Q}Who rides a plan?{E} reacted Nora Quist.",
])
def test_a_retort_names_the_one_answering(para: str) -> None:
    # a retort ('shot back', 'fired back', 'hit back', 'reacted') is a cue: the quotation is
    # the one answering's, not the person answered
    assert speaker_of([para], "rides a plan") == "Nora Quist"


@pytest.mark.parametrize("para", [
    "Spending on the ferry shot back up and grew by five percent last year, Tom Reyl said.",
    "Nora Quist reacted with a long letter to the harbour board on Monday.",
])
def test_a_retort_verb_without_a_statement_reports_nothing_of_its_own(para: str) -> None:
    reported = [(t, k) for t, k in who([para], "indirect")]
    assert all(not t.startswith(("up and", "with a long")) for t, _ in reported), reported
    assert all(k != "Nora Quist" for _, k in reported), reported


@pytest.mark.parametrize("para", [
    f"Nora Quist gave a lecture on {Q}harbour values,{E} saying the town embodied the "
    f"{Q}heart of the coast.{E}",
    f"Nora Quist toured what locals know as the {Q}bridge to nowhere,{E} noting the council "
    f"would vote on Monday.",
])
def test_a_participle_after_a_quotation_shares_the_sentence_subject(para: str) -> None:
    # '"...," saying the town ...': a participle has no subject after it (what follows is
    # what was said), so the quotation is the sentence's subject's, not 'the town' or
    # 'the council'
    first = re.search(r"[\u201c\"](\w+)", para)
    assert first is not None
    assert speaker_of([para], first.group(1), "direct") == "Nora Quist"


@pytest.mark.parametrize("para, title", [
    (f"Nora Quist joined a group called {Q}Harbour Watch{E} last year and said the ferries "
     f"ran late.", "Harbour Watch"),
    (f"Later on Sunday, Nora Quist shared a timetable for a ferry dubbed {Q}Perception{E} on "
     f"her page and said the ferries ran late.", "Perception"),
    (f"Nora Quist said the ferries ran late, pointing to items labeled {Q}Made in Port{E} at the "
     f"harbour.", "Made in Port"),
])
def test_a_thing_called_by_a_name_is_no_statement(para: str, title: str) -> None:
    # 'a group called "Harbour Watch"': a naming participle after the object of a verb or a
    # preposition gives a thing its name; 'a group' says nothing, and the statement after it
    # stays its speaker's
    quotes = extract_quotes([para]).quotes
    assert not any(q.cue in ("called", "dubbed", "labeled") for q in quotes), quotes
    assert not any(q.text.strip(",. ") == title and q.mention != "Nora Quist" for q in quotes)
    reported = who([para], "indirect")
    assert any(t.startswith("the ferries ran late") and k == "Nora Quist"
               for t, k in reported), reported


@pytest.mark.parametrize("para", [
    f"Nora Quist called the ferry plan {Q}a waste of money.{E}",
    f"The council rejected what the mayor called {Q}a waste of money.{E}",
    f"Tom Reyl resigned when the board called {Q}a waste of money{E} the plan he drew.",
    f"Tom Reyl resigned after the board called the plan {Q}a waste of money.{E}",
])
def test_a_naming_verb_with_a_subject_still_quotes_it(para: str) -> None:
    # the negative case: 'what the mayor called "..."', 'when the board called ...': the
    # phrase before the verb is its subject, who used the words
    quote = next(q for q in extract_quotes([para]).quotes if "waste of money" in q.text)
    assert quote.cue == "called" and quote.mention in ("Nora Quist", "the board", "the mayor")
