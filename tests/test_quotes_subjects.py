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
        ("On Monday, even as the storm grew worse, Jane Doe wrote to the ferry crews,"
         " telling them the crossings would go on as planned.", "telling"),
        # an introductory participle clause that carries the cue, the subject after it
        ("Besides criticizing the harbour pilots, while the hall grew quiet, Jane Doe asked"
         " the council to vote again.", "criticizing"),
        # a time span before the participle: "Two weeks after declaring ..."
        ("Two weeks after declaring her backing for the pier plan, Jane Doe voted against"
         " it.", "declaring"),
        # adverbs set off by commas, a place with its region, several introductory pieces
        ("At the hearing, however, Jane Doe kept on repeating that the timetable was fair.",
         "repeating"),
        ("Standing on the quay in Port Velmar, Kestria, Jane Doe turned to Tom Roe, calling"
         " him a fine pilot.", "calling"),
        ("In Port Velmar, for example, after criticizing Tom Roe, Jane Doe turned to the"
         " question of fares.", "criticizing"),
    ],
)
def test_the_subject_after_introductory_pieces_speaks(text, cue):
    assert _speaker_of(text, cue) == "Jane Doe"


def test_a_name_after_a_long_introductory_phrase_without_its_comma_speaks():
    text = ("Saturday at the Kestria Labour party's spring convention Sen. Jane Doe (D-KS) said"
            " the ferry plan was a failure.")
    assert _speaker_of(text, "said") == "Jane Doe"


@pytest.mark.parametrize("text", [
    "Jane Doe, the editor of the city's official newspaper, the Velmar Herald, said the"
    " ferry plan was a failure.",
    "Jane Doe, a director at the harbour company, Kestrelworks, said the ferry plan was a"
    " failure.",
])
def test_a_name_after_a_description_of_an_organisation_is_not_the_speaker(text):
    assert _speaker_of(text, "said") == "Jane Doe"


def test_a_name_after_a_description_of_a_person_is_the_speaker():
    text = "After the vote, the harbour's spokesman, Tom Reyl, said the ferry plan was a failure."
    assert _speaker_of(text, "said") == "Tom Reyl"


def test_a_name_after_a_preposition_in_a_long_subject_does_not_speak():
    text = ("On Monday the long awaited report of the harbour commission sent to Jane Doe said"
            " the ferry plan was a failure.")
    assert _speaker_of(text, "said") is None


def test_an_adverb_between_the_subject_and_a_with_participle_keeps_the_subject():
    text = ("The pair kept the peace for months, with Jane Doe frequently calling Tom Roe"
            " \u201cthe best pilot on the coast.\u201d")
    assert _direct_speakers([text]) == ["Jane Doe"]


def test_introductory_pieces_before_a_thing_give_no_speaker():
    text = ("Besides announcing new fares, while the talks went on, the harbour closed for the"
            " winter.")
    assert _speaker_of(text, "announcing") is None


@pytest.mark.parametrize(
    "text,cue",
    [
        ("Jane Doe will be glad to say that the harbour deal was lawful.", "say"),
        ("Jane Doe on Monday held a short meeting to announce that the port would stay open.",
         "announce"),
        ("Jane Doe was pushed to explain why the ferry timetable had changed.", "explain"),
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
        ("The council asked both the Roe and Doe committees to explain where the money went.",
         "explain"),
        # a possessive: the refusal is a thing, not a speaker
        ("Jane Doe's refusal to endorse the harbour plan surprised the council.", "endorse"),
    ],
)
def test_no_controller_when_an_object_or_a_noun_stands_between(text, cue):
    # the infinitive's cue is not the subject's: it has no speaker, or no statement of its own
    # (the sentence is a request, reported whole as the subject's: see test_a_request_...)
    quotes = extract_quotes([text]).quotes
    assert all(q.speaker_key is None for q in quotes if q.cue == cue)
    assert all(q.cue == "asked" for q in quotes if q.speaker_key is not None)


@pytest.mark.parametrize(
    "text,cue,speaker",
    [
        # a double hyphen sets off an aside before the subject
        ("At the quay -- in a storm and under an umbrella -- Jane Doe told the crews that"
         " the harbour would reopen.", "told", "Jane Doe"),
        # a dash glued to the name opens an aside
        ("The ferry fare set by the board -Mrs. Doe said she would lower it soon- is"
         " still too high.", "said", "Doe"),
        # an absolute clause after a dash, without "with"
        ("The two pilots spoke to the press \u2013 Ryan Olsen saying the tide had turned early.",
         "saying", "Ryan Olsen"),
        # ... and a surname alone, of someone the sentence named
        ("Ryan Olsen and Jane Doe spoke to the press \u2013 Doe saying the tide had turned"
         " early.", "saying", "Jane Doe"),
        # a named object before an infinitive cue speaks
        ("The leak led Jane Doe to call for an inquiry into the harbour deal.", "call",
         "Jane Doe"),
        # a party tag without brackets between the name and the verb
        ("Sen. Jane Doe, R-Vel., a harbour commissioner, said the ferry plan had failed.",
         "said", "Jane Doe"),
    ],
)
def test_subjects_set_off_by_dashes_tags_and_objects(text, cue, speaker):
    assert _speaker_of(text, cue) == speaker


@pytest.mark.parametrize(
    "text,cue",
    [
        # a place and a time before "to": no object that speaks
        ("The pilots gathered on Harbour Quay Monday to denounce the plan.",
         "denounce"),
        # outlets in an absolute clause are no person
        ("Jane Doe led the count, with Kestrel Radio and Velmar Gazette calling the vote.",
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
        ("Jane Doe Monday morning described the crossing on the radio, calling it rough.",
         "described", "Jane Doe"),
        # a participle clause opens the sentence: its subject is the sentence's
        ("Turning to explain the delay, Jane Doe denied that the ferry had been late.",
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
    text = "The harbour board met in March, being told the pier was unsafe."
    quotes = extract_quotes([text]).quotes
    assert all(q.speaker_key is None for q in quotes if q.cue == "told")
    # nor is the clause before it what anyone said (a passive cue attributes nothing)
    assert not any(q.text.startswith("The harbour board met") for q in quotes)


def test_a_name_with_its_apposition_after_a_place_is_still_the_subject():
    text = "In Port Velmar, Jane Doe, a senator, said the ferry plan was dead."
    assert _speaker_of(text, "said") == "Jane Doe"


@pytest.mark.parametrize(
    "text,cue",
    [
        ("Jane Doe went to the pier on a cold morning and also hinted the ferries might"
         " stop.", "hinted"),
        ("A third pilot, Jane Doe, 58, had sailed the route for years and said the new boats"
         " were too slow.", "said"),
        ("Jane Doe (right) opened the hearing, but claimed the count had been wrong.", "claimed"),
    ],
)
def test_the_subject_of_the_first_verb_phrase_speaks_in_the_second(text, cue):
    assert _speaker_of(text, cue) == "Jane Doe"


def test_no_coordinated_subject_for_modifiers_or_passives():
    modifier = ("An advert for a new Velmar ferry is trying to draw riders by citing Jane Doe's"
                " name and promising free coffee.")
    passive = ("A pilot, Jane Doe, was booed by the crowd for her answer and then praised"
               " for her calm.")
    active = "A pilot, Jane Doe, 58, had sailed the route for years and said the boats were slow."
    assert coordinated_subject(modifier, 0, modifier.index("promising")) is None
    assert coordinated_subject(passive, 0, passive.index("praised")) is None
    found = coordinated_subject(active, 0, active.index("said"))
    assert found is not None and found.name == "Jane Doe"


@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe, speaking on the quay in Port Velmar, Kes., warned that the plan would fail.",
        "Jane Doe, now 66 and living in Lower Brisk, Vel., said the plan would fail.",
    ],
)
def test_a_states_abbreviation_after_a_place_is_no_speaker(text):
    cue = "warned" if "warned" in text else "said"
    assert _speaker_of(text, cue) == "Jane Doe"


_CAST = "Jane Doe and Tom Reyl spoke at the pier on Monday about the ferries."


def _found(para: str) -> list[tuple[str, str | None]]:
    """(kind, speaker) of each quote of ``para`` after the paragraph naming the cast."""
    return [(q.kind, q.speaker_key) for q in extract_quotes([_CAST, para]).quotes]


@pytest.mark.parametrize("para", [
    "His aide had told him to act \u201ccalm,\u201d but Reyl said he responded: \u201cWhen "
    "the tide comes in, you cannot stay calm.\u201d",
    "His aide had told him to act \u201ccalm,\u201d but Reyl says he answered: \u201cWhen "
    "the tide comes in, you cannot stay calm.\u201d",
])
def test_a_cue_inside_the_subject_reports_who_speaks(para: str) -> None:
    # 'Reyl said he responded: "..."': the words are the one the inner cue reports ('he'),
    # not a phrase 'Reyl said he'
    last = extract_quotes([_CAST, para]).quotes[-1]
    assert (last.kind, last.mention, last.speaker_key) == ("direct", "he", "Tom Reyl")


@pytest.mark.parametrize("para", [
    "A fundraising email sent out by Doe on Tuesday night warned of the fight ahead: "
    "\u201cThere are ten votes over the next three weeks.\u201d",
    "A statement released by Jane Doe said: \u201cThere are ten votes over the next three "
    "weeks.\u201d",
])
def test_a_message_sent_by_someone_speaks_for_its_sender(para: str) -> None:
    assert _direct_speakers([_CAST, para]) == ["Jane Doe"]


def test_a_message_about_someone_is_not_theirs() -> None:
    # the negative case: a letter sent to, or about, a person is not theirs
    para = ("A letter sent to Jane Doe on Tuesday warned of the fight ahead: \u201cThere are ten "
            "votes over the next three weeks.\u201d")
    assert _direct_speakers([_CAST, para]) != ["Jane Doe"]


def test_a_cue_inside_an_opening_question_is_part_of_the_question() -> None:
    # 'Asked whether she would urge Roe to run, Doe said ...': 'urge' is in the question; the
    # statement is the main clause's
    para = ("Asked whether he would urge Doe to ask the council to sell the pier, Reyl said he "
            "would not give her advice.")
    found = [(q.kind, q.speaker_key, q.text) for q in extract_quotes([_CAST, para]).quotes]
    assert found == [("indirect", "Tom Reyl", "he would not give her advice.")]


@pytest.mark.parametrize("para", [
    "Sandy Vale, who lost her home in the flood in Aurora, Kestria, in July 2012, said that "
    "Reyl had treated her family badly.",
    "Sandy Vale, whose latest start-up, Paradata, uses big data to help brands find "
    "suppliers, said Reyl was a candidate in the spirit of the valley.",
])
def test_a_relative_clause_with_commas_of_its_own_leaves_the_name_before_it(para: str) -> None:
    # 'Jane Doe, who lost her home in Aurora, Kestria, in 2012, said': the relative clause
    # runs to the comma before the cue; a plural noun after a verb ('help brands find') is
    # no cue
    found = _found(para)
    assert found == [("indirect", "Sandy Vale")]


@pytest.mark.parametrize("para, speaker", [
    ("Jane Doe's lawyer issued a statement on Monday, saying the ferries were late and old.",
     None),
    ("Jane Doe's son, Grant Doe, went to the pier on Tuesday, saying the ferries were late "
     "and old.", "Grant Doe"),
])
def test_someones_relation_is_not_them(para: str, speaker: str | None) -> None:
    # "Jane Doe's lawyer ..., saying": the participle is the lawyer's (unnamed) or the name in
    # apposition's, never the possessor's
    found = _found(para)
    assert found == [("indirect", speaker)]


def test_the_possessor_still_speaks_through_a_thing_of_theirs() -> None:
    # the negative case: a thing of hers ('Jane Doe's book') is no other person, and she
    # stays the subject who speaks
    para = "Jane Doe's book sold well, and she went on tour, saying the ferries were late."
    found = _found(para)
    assert found == [("indirect", "Jane Doe")]


def test_an_absolute_phrase_after_a_statement_has_its_own_speaker() -> None:
    # '... optimism about working together - Reyl saying he was "very pleased" and Doe calling
    # it a "great meeting"': each name with its participle says its own words
    para = ("Both issued a statement expressing optimism about working together \u2013 Reyl "
            "saying he was \u201cvery pleased\u201d and Doe calling it a \u201cgreat "
            "meeting.\u201d")
    found = [(q.kind, q.speaker_key, q.text) for q in extract_quotes([_CAST, para]).quotes]
    assert ("direct", "Tom Reyl", "very pleased") in found, found
    assert ("direct", "Jane Doe", "great meeting.") in found, found
    assert not any(t.startswith("optimism") and "Reyl" in t for _, _, t in found), found


def test_a_participle_without_a_name_before_it_goes_on_with_the_statement() -> None:
    # the negative case: ', adding that ...' has no subject of its own
    para = "Tom Reyl said the ferries ran late, adding that the fares were far too high."
    found = _found(para)
    assert found and all(k == "Tom Reyl" for _, k in found), found


@pytest.mark.parametrize("para", [
    "Tom Reyl proposed a new pier, while Jane Doe in a blog post said she would sell the old "
    "ferries.",
    "Jane Doe, the harbour chief, this past week announced the sale of the old ferries to a "
    "museum.",
    "Jane Doe in an emailed statement said she would sell the old ferries.",
])
def test_a_time_or_a_medium_with_a_word_before_it_leaves_the_name_the_subject(para: str
                                                                              ) -> None:
    # 'Jane Doe in a blog post said', 'X this past week announced': the phrase of time or of
    # medium between name and cue may have a word before its noun
    found = _found(para)
    assert found == [("indirect", "Jane Doe")]


@pytest.mark.parametrize("lead", ["Asked", "And asked", "But asked"])
def test_an_opening_question_after_a_conjunction_leads_into_the_statement(lead: str) -> None:
    # 'And asked how he chose the sweater, Reyl said ...': the question is no statement, and
    # the main clause's is found
    para = (f"{lead} how he chose his famous sweater for the evening, Reyl said the sweater "
            "was actually a backup plan.")
    found = [(q.kind, q.speaker_key, q.text) for q in extract_quotes([_CAST, para]).quotes]
    assert found == [("indirect", "Tom Reyl", "the sweater was actually a backup plan.")]


def test_a_quotation_opening_with_a_parenthesis_opens_a_sentence() -> None:
    # '"...," says Reyl. "(Port Velmar) is ..."': the second quotation goes on with Reyl; the
    # cue before it belongs to the sentence that ended
    para = ("\u201cThese are ports that we need to win,\u201d says Reyl. \u201c(Port Velmar) is "
            "really where the battleground is.\u201d")
    assert _direct_speakers([_CAST, para]) == ["Tom Reyl", "Tom Reyl"]


@pytest.mark.parametrize("dateline", ["SELMA, N.C.\u2014", "PORT VELMAR (Wire) \u2014 ",
                                      "KESTRIA CITY, Kestria -- "])
def test_a_dateline_is_no_part_of_the_subject(dateline: str) -> None:
    # 'SELMA, N.C.—Jane Doe, despite ..., deviated ... and asserted that ...': the second verb
    # shares the subject after the dateline
    para = (f"{dateline}Jane Doe, despite making an effort to stay on script, deviated from her "
            "prepared remarks during a rally and asserted that top captains do not want Reyl "
            "as their commodore.")
    found = _found(para)
    assert found == [("indirect", "Jane Doe")]


def test_a_pronoun_after_a_semicolon_opens_a_statement_of_its_own() -> None:
    # '... accused Reyl of lying; he has denied the claim as "preposterous"': the denial is
    # Reyl's, not part of what the lawyer said
    para = ("Last week, a lawyer accused Tom Reyl of lying at a dinner party in 1999; he has "
            "denied the claim as \u201cpreposterous,\u201d as he did in 1991.")
    quote = next(q for q in extract_quotes([_CAST, para]).quotes if q.kind == "direct")
    assert (quote.cue, quote.speaker_key) == ("denied", "Tom Reyl")


@pytest.mark.parametrize("para, speaker", [
    ("The email from harbour aide and Velmar Institute President Jane Doe to Tom Reyl asks in "
     "the subject line, \u201cIs there something I can do for the ferries?\u201d", "Jane Doe"),
    ("A Harbour Bank report released Thursday said the ferries were late and old.",
     "Harbour Bank"),
    ("The Harbour Bank letters do not explicitly confirm that the ferries were late and old.",
     "Harbour Bank"),
])
def test_a_document_speaks_for_its_author(para: str, speaker: str) -> None:
    # 'The email from Jane Doe to Roe asks', 'a Harbour Bank report released Thursday said':
    # the sender or the author named with the document
    found = extract_quotes([_CAST, para]).quotes
    assert found and all(q.speaker_key == speaker for q in found), found


@pytest.mark.parametrize("para", [
    "A report released Thursday said the ferries were late and old.",
    "The email to Jane Doe said the ferries were late and old.",
])
def test_a_document_without_its_author_or_to_someone_is_no_ones(para: str) -> None:
    # the negative cases: no author named, or the one it was sent to
    found = extract_quotes([_CAST, para]).quotes
    assert [q.speaker_key for q in found] == [None]


def test_a_participle_opening_its_sentence_goes_on_with_the_speaker_before() -> None:
    # '... Reyl stated that the report "wasn't good." Adding, "...": the participle has no
    # subject of its own and goes on with the sentence before
    para = ("Later in the show, Reyl stated of the ferry scandal that the report \u201cwas not "
            "good.\u201d Adding, \u201cNow, like with all ferry scandals, what they do is never "
            "that bad.\u201d")
    assert _direct_speakers([_CAST, para])[-1] == "Tom Reyl"


def test_a_participle_opening_a_paragraph_without_a_speaker_before_is_no_ones() -> None:
    # the negative case: nobody spoke in the sentence before
    para = ("The harbour was quiet on Monday. Adding, \u201cNow, like with all ferry scandals, "
            "what they do is never that bad.\u201d")
    assert _direct_speakers([_CAST, para])[-1] is None


@pytest.mark.parametrize("intro", ["The day before, at a rally in Harbourtown, Kes.,",
                                   "On Monday, at a rally in Harbourtown, N.C.,"])
def test_a_state_after_a_place_in_an_introduction_is_no_subject(intro: str) -> None:
    # '..., at a rally in Harbourtown, Kes., Mr. Reyl was blunt, claiming ...'
    para = (f"{intro} Mr. Reyl was just as blunt, claiming without any evidence that Doe wanted "
            "to sell the ferries.")
    found = _found(para)
    assert found == [("indirect", "Tom Reyl")]


def test_a_quotation_in_an_opening_clause_is_its_own_cues() -> None:
    # 'While Doe has cautioned against "...", in ..., Reyl has pledged ...': the quotation is
    # Doe's, whose cue comes before it in the opening clause, not the main clause's speaker's
    para = ("While Jane Doe has cautioned against \u201ca betrayal of our values\u201d in the way "
            "the port treats sailors, Reyl has pledged to close it.")
    assert _direct_speakers([_CAST, para]) == ["Jane Doe"]


def test_a_quotation_before_the_main_clauses_cue_is_still_its() -> None:
    # the negative case: no cue of its own in the opening clause
    para = ("While the ferries ran late, \u201cwe will not wait for the council,\u201d Reyl said "
            "on Monday.")
    assert _direct_speakers([_CAST, para]) == ["Tom Reyl"]


def test_continue_before_an_infinitive_is_no_cue_of_its_own():
    """'... will continue to be "..."': the quoted words are the reporting speaker's, not
    those of the subject of "continue"."""
    text = ("Jane Doe said she was sure Tom Roe will continue to be \u201ca champion for the "
            "harbour towns.\u201d")
    assert _direct_speakers([text]) == ["Jane Doe"]


def test_continue_without_an_infinitive_is_still_a_cue():
    paras = ["Jane Doe spoke to the council.",
             "\u201cThe pier is safe,\u201d Jane Doe continued. \u201cIt will stay open.\u201d"]
    assert set(_direct_speakers(paras)) == {"Jane Doe"}


@pytest.mark.parametrize("verbs", ["will continue to", "would try to", "will have to continue to",
                                   "went on to"])
def test_a_cue_after_a_chain_of_control_verbs_has_their_subject(verbs: str):
    paras = ["Jane Doe spoke to the council on Monday.",
             f"To win the vote, she {verbs} argue that the harbour plan is sound."]
    assert [q.speaker_key for q in extract_quotes(paras).quotes if q.cue == "argue"] == [
        "Jane Doe"]
