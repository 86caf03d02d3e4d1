"""Whose words a participle or a cue far from its subject reports: the subject of the sentence
after an introductory time phrase, a name with its party tag, and the negative cases where the
sentence's subject is nobody."""

from __future__ import annotations

import pytest

from site_gen.quotes import extract_quotes
from site_gen.quotes.clauses import coordinated_subject


def _direct_speakers(paragraphs: list[str]) -> list[str | None]:
    return [q.speaker_key for q in extract_quotes(paragraphs).quotes if q.kind == "direct"]


@pytest.mark.parametrize(
    "text",
    [
        "Later on Friday, Jane Doe sent a memo, writing \u201cStill hoping for an answer"
        " from the council.\u201d",
        "Earlier this week, Jane Doe posted a photo, saying \u201cThe bridge will open on time,"
        " whatever they say.\u201d",
        "In a note issued Friday, Rep. Jane Doe (D-Ore.) responded to the vote, saying:"
        " \u201cThe harbour should never have been sold.\u201d",
    ],
)
def test_a_participle_reports_the_sentence_subject(text):
    assert _direct_speakers([text]) == ["Jane Doe"]


def test_a_time_phrase_alone_gives_no_speaker():
    text = ("Later on Sunday, the harbour closed for repairs, leaving a sign: \u201cBack in"
            " spring, with new boats for everyone.\u201d")
    assert _direct_speakers([text]) == [None]


@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe made a sudden call for an end to toll roads, calling them"
        " \u201ca tax on commuters.\u201d",
        "Jane Doe delivered a curt retort: \u201cNobody is scrapping the plan. We keep"
        " building.\u201d",
        "Jane Doe issued a blunt warning that \u201cthe harbour is not safe for anyone.\u201d",
    ],
)
def test_a_light_verb_before_a_cue_noun_keeps_its_subject(text):
    assert _direct_speakers([text]) == ["Jane Doe"]


def test_a_thing_that_delivers_a_warning_is_no_speaker():
    text = "The storm delivered a harsh warning that \u201cnobody is safe on the coast.\u201d"
    assert _direct_speakers([text]) == [None]


def test_a_verb_in_the_past_before_an_infinitive_cue_keeps_its_subject():
    text = ("Jane Doe, who signed the harbour law as governor, interjected to say: \u201cNeither"
            " of them has kept to one line on this.\u201d")
    assert _direct_speakers([text]) == ["Jane Doe"]


def test_a_plan_or_a_passive_before_an_infinitive_is_no_speech():
    quotes = extract_quotes(["The harbour board is considered the safer choice, expected to"
                             " maintain the old fees for another year."]).quotes
    assert all(q.speaker_key is None for q in quotes)


@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe said she and her teammates half-jokingly referred to themselves as \u201cthe"
        " Late Lunch Society.\u201d",
        "Jane Doe said she suspected that residents would say \u201cno\u201d to the ferry plan.",
        "Jane Doe said she would advise the council on handling the \u201cquiet risks that sit"
        " below the surface, which nobody measures.\u201d",
    ],
)
def test_quoted_words_inside_a_reported_statement_are_its_speakers(text):
    assert _direct_speakers([text]) == ["Jane Doe"]


def test_quoted_words_with_a_speaker_of_their_own_keep_that_speaker():
    text = "Jane Doe said Tom Roe had called the harbour plan \u201ca disaster for the town.\u201d"
    assert _direct_speakers([text]) == ["Tom Roe"]


def _speaker_of(text: str, cue: str) -> str | None:
    return next(q.speaker_key for q in extract_quotes([text]).quotes if q.cue == cue)


@pytest.mark.parametrize(
    "text,cue",
    [
        # two introductory pieces before the subject
        ("On Tuesday, even as shares of the firm were falling, Jane Doe wrote to investors,"
         " telling them the firm was worth far more than its price.", "telling"),
        # an introductory participle clause that carries the cue, the subject after it
        ("Besides attacking the former mayor, while the audience booed loudly, Jane Doe asked"
         " the council to vote again.", "attacking"),
        # a time span before the participle: "One month after announcing ..."
        ("One month after announcing her support for the port plan, Jane Doe voted against"
         " it.", "announcing"),
    ],
)
def test_the_subject_after_introductory_pieces_speaks(text, cue):
    assert _speaker_of(text, cue) == "Jane Doe"


def test_an_adverb_between_the_subject_and_a_with_participle_keeps_the_subject():
    text = ("The two had played nice all year, with Jane Doe repeatedly calling Tom Roe"
            " \u201cmy good friend.\u201d")
    assert _direct_speakers([text]) == ["Jane Doe"]


def test_introductory_pieces_before_a_thing_give_no_speaker():
    text = ("Besides announcing new fares, while the talks went on, the harbour closed for the"
            " winter.")
    assert _speaker_of(text, "announcing") is None


@pytest.mark.parametrize(
    "text,cue",
    [
        ("Jane Doe would do better to say that the harbour deal was lawful.", "say"),
        ("Jane Doe on Friday held a press briefing to announce that the port would stay open.",
         "announce"),
        ("Jane Doe was pressed to explain the contrast with her own statements.", "explain"),
    ],
)
def test_the_name_that_opens_a_clause_before_an_infinitive_cue_speaks(text, cue):
    assert _speaker_of(text, cue) == "Jane Doe"


@pytest.mark.parametrize(
    "text,cue",
    [
        # the object before "to" is who speaks, not the subject
        ("Jane Doe asked her to call the donors before the vote.", "call"),
        # a noun after the name: the name is a premodifier, not a subject
        ("Reporters asked both the Roe and Doe campaigns to explain how they would pay for it.",
         "explain"),
        # a possessive: the refusal is a thing, not a speaker
        ("Jane Doe's refusal to endorse the harbour plan surprised the council.", "endorse"),
    ],
)
def test_no_controller_when_an_object_or_a_noun_stands_between(text, cue):
    assert _speaker_of(text, cue) is None


@pytest.mark.parametrize(
    "text,cue,speaker",
    [
        # a double hyphen sets off an aside before the subject
        ("In a formal speech -- complete with a teleprompter -- Jane Doe told supporters that"
         " the harbour would reopen.", "told", "Jane Doe"),
        # a dash glued to the name opens an aside
        ("The wage rise discussed at the debate -Mrs. Doe said she would sign such a bill- is"
         " a likely flashpoint.", "said", "Doe"),
        # an absolute clause after a dash, without "with"
        ("Both issued a statement \u2013 Ryan Olsen saying he was very encouraged by the talks.",
         "saying", "Ryan Olsen"),
        # a named object before an infinitive cue speaks
        ("The report prompted Jane Doe to call for an inquiry into the harbour deal.", "call",
         "Jane Doe"),
        # a party tag without brackets between the name and the verb
        ("Sen. Jane Doe, R-S.C., a long-shot candidate, said the coalition had failed.",
         "said", "Jane Doe"),
    ],
)
def test_subjects_set_off_by_dashes_tags_and_objects(text, cue, speaker):
    assert _speaker_of(text, cue) == speaker


@pytest.mark.parametrize(
    "text,cue",
    [
        # a place and a time before "to": no object that speaks
        ("The leaders went before reporters on Capitol Hill Tuesday to denounce the plan.",
         "denounce"),
        # outlets in an absolute clause are no person
        ("Jane Doe was projected the winner, with Fox News and NBC News calling the race.",
         "calling"),
    ],
)
def test_no_subject_from_places_or_outlets_in_those_positions(text, cue):
    # the place is nobody; the outlets' call is the sentence subject's story, not theirs
    assert _speaker_of(text, cue) in (None, "Jane Doe")


@pytest.mark.parametrize(
    "text,cue,speaker",
    [
        # a day and a time of day between the subject and its verb
        ("Jane Doe Sunday night recounted the meeting on the radio, calling it painful.",
         "recounted", "Jane Doe"),
        # a participle clause opens the sentence: its subject is the sentence's
        ("Continuing to explain her view, Jane Doe rejected the notion that the plan failed.",
         "explain", "Jane Doe"),
        # a surname in -ing is a name, not a participle
        ("Tom Fleming runs the harbour. Fleming said the ferries will run all winter.", "said",
         "Tom Fleming"),
    ],
)
def test_time_phrases_participles_and_names_in_ing(text, cue, speaker):
    assert _speaker_of(text, cue) == speaker


def test_a_headline_keeps_the_name_before_its_capitalised_adverbs():
    paras = ["Jane Doe runs the harbour board.",
             "Jane Doe Just Announced Her Plan For The Harbour"]
    quotes = extract_quotes(paras).quotes
    assert [q.speaker_key for q in quotes if q.cue == "Announced"] == ["Jane Doe"]


def test_a_name_like_will_in_a_headline_is_not_cut():
    paras = ["Tom Will writes a column.", "Tom Will Says The Harbour Plan Is Dead"]
    quotes = extract_quotes(paras).quotes
    assert [q.speaker_key for q in quotes if q.cue == "Says"] == ["Tom Will"]


def test_being_told_is_no_speech_of_the_sentences_subject():
    text = "The harbour board was warned in March, being told the pier was unsafe."
    assert _speaker_of(text, "told") is None


@pytest.mark.parametrize(
    "text,cue",
    [
        ("At the summit, however, Jane Doe focused on reiterating positions in line with the"
         " board's policy.", "reiterating"),
        ("Speaking at a town hall in Salem, New Hampshire, Jane Doe went after Tom Roe, calling"
         " him a total failure.", "calling"),
        ("In Port Velmar, for instance, after attacking Tom Roe, Jane Doe pivoted to her"
         " message about unity.", "attacking"),
    ],
)
def test_the_subject_after_adverbs_places_and_several_introductory_pieces(text, cue):
    assert _speaker_of(text, cue) == "Jane Doe"


def test_a_name_with_its_apposition_after_a_place_is_still_the_subject():
    text = "In Port Velmar, Jane Doe, a senator, said the ferry plan was dead."
    assert _speaker_of(text, "said") == "Jane Doe"


@pytest.mark.parametrize(
    "text,cue",
    [
        ("Jane Doe went on a long public rant about the ferries and also hinted she might"
         " resign.", "hinted"),
        ("One of the women, Jane Doe, 70, had served in the navy and said she was convinced"
         " the plan would fail.", "said"),
        ("Jane Doe (left) opened the meeting, but claimed the vote had been rigged.", "claimed"),
    ],
)
def test_the_subject_of_the_first_verb_phrase_speaks_in_the_second(text, cue):
    assert _speaker_of(text, cue) == "Jane Doe"


def test_no_coordinated_subject_for_modifiers_or_passives():
    modifier = ("A pitch for a new Velmar hotel is trying to lure buyers by invoking Jane Doe's"
                " name and promising visas.")
    passive = ("One of them, Jane Doe, was reviled by the board for her remarks and then hailed"
                " for her strong showing.")
    active = "One of them, Jane Doe, 70, had served in the navy and said the plan would fail."
    assert coordinated_subject(modifier, 0, modifier.index("promising")) is None
    assert coordinated_subject(passive, 0, passive.index("hailed")) is None
    found = coordinated_subject(active, 0, active.index("said"))
    assert found is not None and found.name == "Jane Doe"


@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe, speaking at a rally in Wilmington, N.C., warned that the plan would fail.",
        "Jane Doe, now 81 and retired in Cambridge, Mass., said the plan would fail.",
    ],
)
def test_a_states_abbreviation_after_a_place_is_no_speaker(text):
    cue = "warned" if "warned" in text else "said"
    assert _speaker_of(text, cue) == "Jane Doe"
