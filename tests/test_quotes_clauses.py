"""Reported speech split around its cue, short objects of speech verbs, subjects after an
introductory phrase or before a relative pronoun, and a participle that does not swallow the
sentence's named statement. Made-up sentences only."""

from __future__ import annotations

import pytest

from site_gen.quotes import extract_quotes
from site_gen.quotes.clauses import sentence_subject
from tests.quotecheck import E, Q, speaker_of
from tests.quotecheck import who as _who


def test_a_parenthetical_cue_splits_what_was_said_in_two() -> None:
    paras = ["Tom Baker spoke to the council on Monday.",
             "Still, he said, the new budget would leave the town short of money."]
    found = _who(paras, "indirect")
    assert ("Still", "Tom Baker") in found
    assert ("the new budget would leave the town short of money.", "Tom Baker") in found


def test_both_pieces_of_a_parenthetical_statement_share_one_speaker() -> None:
    paras = ["Tom Baker spoke first and Jane Doe spoke after him.",
             "By then, Mr. Baker noted, the vote was already lost for the mayor."]
    found = dict(_who(paras, "indirect"))
    assert found["By then"] == found["the vote was already lost for the mayor."] == "Tom Baker"


@pytest.mark.parametrize("who", ["federal officials", "former employees of the firm",
                                 "people close to the mayor"])
def test_a_parenthetical_cue_after_a_descriptive_subject_splits_the_sentence(who: str) -> None:
    text = f"Ms. Doe also sat two interviews, {who} said, the first in Port Velmar last May."
    found = {q.text: q for q in extract_quotes([text]).quotes if q.kind == "indirect"}
    first = found["Ms. Doe also sat two interviews"]
    assert first.mention == who and first.cue == "said"
    assert found["the first in Port Velmar last May."].mention == who


def test_a_parenthetical_cue_comes_before_a_cue_later_in_its_statement() -> None:
    # "demanding" is a cue too, but it is inside what the parenthetical cue reports
    paras = ["Tom Baker and Jane Doe met the council on Monday.",
             "But waiting, they acknowledged, could open them up to criticism from the"
             " opposition, who were demanding an inquiry."]
    found = [text for text, _ in _who(paras, "indirect")]
    assert found == ["But waiting", "could open them up to criticism from the opposition, who"
                     " were demanding an inquiry."]


@pytest.mark.parametrize("told", ["the council", "reporters", "the Velmar Herald"])
def test_a_parenthetical_tell_names_who_was_told(told: str) -> None:
    text = (f"Instead, Jane Doe told {told}, her policy would merely be to delay the vote"
            " until spring.")
    found = _who([text], "indirect")
    assert found == [("Instead", "Jane Doe"),
                     ("her policy would merely be to delay the vote until spring.", "Jane Doe")]


def test_a_parenthetical_verb_with_an_object_is_no_cue_unless_it_tells() -> None:
    # 'blogged the results,' is no 'told X,': nothing before or after it was said
    text = "After the vote, Tom Baker blogged the results, and the band played until dawn."
    assert _who([text], "indirect") == []


def test_a_clause_between_commas_is_no_parenthetical_subject() -> None:
    # "states" is a cue word, but "he could win solidly conservative" is no subject of it:
    # the sentence is one statement of the speaker named at its end
    text = ("In a runoff, he could win solidly rural states, such as Kestria and Velmar, but "
            "would struggle in the cities, Jane Doe said.")
    quotes = [q for q in extract_quotes([text]).quotes if q.kind == "indirect"]
    assert [(q.text, q.speaker_key) for q in quotes] == [(text[:text.rindex(",")], "Jane Doe")]


@pytest.mark.parametrize("text", [
    "While Jane Doe has vowed to keep the ferry running, Tom Reyl has pledged to end the"
    " service by May.",
    # a cue word inside the first clause ("defend") does not hide the main clause's cue
    "When Jane Doe said she would no longer defend the pilots, Tom Reyl replied that the"
    " pilots needed no defence.",
])
def test_a_subordinate_clause_and_the_main_clause_are_two_statements(text: str) -> None:
    found = _who([text], "indirect")
    assert [who for _, who in found] == ["Jane Doe", "Tom Reyl"]
    assert found[0][0].endswith(("ferry running", "the pilots"))


def test_a_quotation_that_ends_the_first_statement_keeps_its_speaker() -> None:
    text = ('After Jane Doe said that pupils who did not qualify might do better at "less able'
            ' schools," Tom Reyl said: "I do not like what she said."')
    quotes = extract_quotes([text]).quotes
    direct = {q.text: q.speaker_key for q in quotes if q.kind == "direct"}
    assert direct == {"less able schools,": "Jane Doe", "I do not like what she said.": "Tom Reyl"}
    assert [q.speaker_key for q in quotes if q.kind == "indirect"] == ["Jane Doe"]


def test_a_participle_after_a_trailing_cue_goes_on_with_that_cue() -> None:
    text = ("Tom Reyl will speak at the harbour next month, Mr. Doe said, adding that he would"
            " also hold similar events in Kestria.")
    assert _who([text], "indirect") == [
        ("Tom Reyl will speak at the harbour next month", "Doe"),
        ("he would also hold similar events in Kestria.", "Doe")]


def test_a_participle_after_a_quotations_cue_goes_on_with_its_speaker() -> None:
    # the quotation's cue is no report: the participle still goes on with it, not with the
    # names listed before the quotation
    paras = ["Nora Quist leads a group of donors.",
             "After the wins of Tom Reyl in Kestria, Ada Brun in Velm and Ivo Sand in Quessa,"
             ' "there is a sense of urgency," Quist said, noting that donors feel "we have to'
             ' keep them there."']
    found = dict(_who(paras, "indirect"))
    assert found['donors feel "we have to keep them there."'] == "Nora Quist"


def test_a_participle_in_the_next_sentence_is_not_the_quotations() -> None:
    paras = ["Nora Quist and Ada Brun differ on the ferry fares.",
             '"The fares are a disgrace," Quist said. Brun is more careful, saying she favours'
             " a smaller rise."]
    assert dict(_who(paras, "indirect"))["she favours a smaller rise."] == "Ada Brun"


def test_a_participle_inside_a_relative_clause_is_its_antecedents() -> None:
    text = ("Mayor Ana Lima met Council Speaker Tom Reyl, who last week surprised her by"
            " declaring he could not back the plan.")
    assert _who([text], "indirect") == [("he could not back the plan.", "Tom Reyl")]


def test_a_participle_after_a_closed_relative_clause_is_the_sentences_subjects() -> None:
    text = "Ana Lima met Tom Reyl, who was late, saying that she would not wait for him again."
    assert _who([text], "indirect") == [("she would not wait for him again.", "Ana Lima")]


def test_an_introductory_phrase_before_a_subject_and_its_verb_is_no_statement() -> None:
    text = ("Before a crowd of about a thousand people, Jane Doe went on to attack the"
            " council's record, blaming it for the ferry delays.")
    assert all(not found.startswith("Before") for found, _ in _who([text], "indirect"))


def test_a_subordinate_clause_without_a_named_speaker_after_it_stays_whole() -> None:
    text = "While Jane Doe said the plan would work, the council was not convinced by it."
    assert [who for _, who in _who([text], "indirect")] == ["Jane Doe"]


def test_an_introductory_between_phrase_is_not_the_subject() -> None:
    text = "Between Monday and Friday, Jane Doe sent ten letters to the board."
    m = sentence_subject(text, 0, len(text))
    assert m is not None and m.name == "Jane Doe"


def test_a_colon_quote_after_an_introductory_phrase_is_the_subjects() -> None:
    paras = ['"We will accept the result," Tom Baker said on Sunday.',
             'Between Monday and Friday, Jane Doe fired off ten angry posts: "The count is '
             'rigged and everyone knows it!"']
    assert dict(_who(paras))["The count is rigged and everyone knows it!"] == "Jane Doe"


def test_a_short_object_of_a_speech_verb_is_what_was_said() -> None:
    assert ("the charge.", "Tom Baker") in _who(["Tom Baker has denied the charge."],
                                                "indirect")


def test_what_someone_praised_is_what_was_said() -> None:
    assert _who(["Jane Doe praised the harbour board's efforts to end the ferry dispute."],
                "indirect") == [("the harbour board's efforts to end the ferry dispute.",
                                 "Jane Doe")]
    # the noun is no cue: nobody speaks in "drew praise from"
    assert _who(["The ferry plan drew praise from the harbour board on Monday."]) == []


def test_a_name_right_before_a_relative_pronoun_is_the_speaker() -> None:
    paras = ["The plan drew fire from groups like Greenwatch which charged that the deal "
             "would hurt farmers in every county."]
    assert _who(paras, "indirect") == [
        ("the deal would hurt farmers in every county.", "Greenwatch")]


def test_a_relative_pronoun_after_an_apposition_keeps_the_person() -> None:
    paras = ["Tom Baker, a scholar at the Grant Policy Institute who argued that the deal "
             "would hurt farmers, spoke on Monday."]
    assert [k for t, k in _who(paras, "indirect") if "hurt farmers" in t] == ["Tom Baker"]


def test_a_participle_does_not_swallow_a_later_named_statement() -> None:
    paras = ["As for polls suggesting that voters were drifting away from the mayor, Tom "
             "Baker said that the polls were wrong about the town."]
    found = _who(paras, "indirect")
    assert ("the polls were wrong about the town.", "Tom Baker") in found
    assert "voters were drifting away from the mayor" in [t for t, _ in found]


def test_a_statement_in_a_relative_clause_on_a_cues_object_is_the_objects() -> None:
    paras = ["Rep. Ana Lima said the review was overdue.",
             "And she echoed Sen. Tom Reyl (R-Kes.), who told a local newspaper on Tuesday that"
             " the mayor could be removed."]
    found = dict(_who(paras, "indirect"))
    assert found["the mayor could be removed."] == "Tom Reyl"
    assert not any(text.startswith("Sen. Tom Reyl") for text in found)


def test_a_that_clause_whose_subject_has_a_relative_clause_stays_the_speakers() -> None:
    paras = ["Nora Quist runs a talent agency.",
             "Nora Quist says that Ivo Sand, who charges high fees for speeches, has lost close to"
             " a year of bookings."]
    found = dict(_who(paras, "indirect"))
    assert found.get("Ivo Sand, who charges high fees for speeches, has lost close to a year of"
                     " bookings.") == "Nora Quist"


def test_the_subject_of_an_absolute_phrase_with_an_infinitive_cue_speaks() -> None:
    # '..., with Jane Doe taking to the radio to call ...': Jane Doe calls, not the subject
    # of the main clause
    paras = ["The ferry company has denied that the crossing was cancelled, with Nora Quist "
             f"taking to the radio to call the report {Q}a plain fabrication{E} on Monday."]
    assert speaker_of(paras, "plain fabrication", "direct") == "Nora Quist"


def test_with_before_an_affiliation_is_no_absolute_phrase() -> None:
    paras = [f"Tom Reyl, with the Velmar Institute, told the council the plan was {Q}a "
             f"folly{E}."]
    assert speaker_of(paras, "folly", "direct") == "Tom Reyl"


def test_a_clause_joined_by_and_without_a_comma_is_a_second_statement() -> None:
    paras = [f"Nora Quist accuses the board of {Q}sleeping at the wheel{E} and Tom Reyl says "
             f"it is {Q}losing the harbour,{E} part of a week of attacks on the board."]
    found = _who(paras, "indirect")
    assert ("the board of \u201csleeping at the wheel\u201d", "Nora Quist") in found
    assert [k for t, k in found if t.startswith("it is")] == ["Tom Reyl"]
    assert speaker_of(paras, "losing the harbour", "direct") == "Tom Reyl"


@pytest.mark.parametrize("para", [
    "Tom Reyl said both the harbour board and Nora Quist said the quay would open in May.",
    "Tom Reyl said he and Nora Quist said the quay would open in May.",
    "Tom Reyl said that Ada Lind, Ivo Marsh and Nora Quist had mentioned the quay on the radio.",
    "Tom Reyl noted the gap between the two, as the mayor is attacked while Nora Quist is "
    "praised for the quay.",
])
def test_and_between_two_subjects_of_one_verb_makes_no_second_statement(para: str) -> None:
    assert [k for _, k in _who([para], "indirect")] == ["Tom Reyl"]


@pytest.mark.parametrize("para", [
    "Nora Quist spoke at the harbour. Tom Reyl gave a speech that included Quist vowing to "
    "rebuild the pier.",
    "The board met Nora Quist. What do you think of Quist privately saying the pier should "
    "close?",
    "Tom Reyl made a film that ended with a clip of Nora Quist saying she will rebuild the pier.",
])
def test_a_name_right_before_a_participle_cue_does_it(para: str) -> None:
    assert [k for _, k in _who([para], "indirect")] == ["Nora Quist"]


@pytest.mark.parametrize("para", [
    "The council wrote a letter to Nora Quist saying the pier would close.",
    "Nora Quist spoke on Monday. Besides attacking the board, the council said the pier would "
    "close.",
])
def test_a_name_that_is_an_object_or_a_capitalised_word_does_not_speak(para: str) -> None:
    assert all(k != "Nora Quist" and k != "Besides" for _, k in _who([para], "indirect"))


@pytest.mark.parametrize("text", [
    "Ever since she joined the board this month, Nora Quist has been its loudest voice.",
    "And then, at the end of the day, Nora Quist was back to blaming the board.",
    "The day before, Nora Quist was just as blunt.",
    "Likewise, Nora Quist went after the board.",
    "Most recently, Nora Quist saw her support fall.",
])
def test_the_subject_after_an_introductory_adverb_or_clause(text: str) -> None:
    mention = sentence_subject(text, 0, len(text))
    assert mention is not None and mention.name == "Nora Quist"


def test_a_clause_with_a_cue_is_no_subject_but_an_inverted_cue_keeps_its_speaker() -> None:
    text = "Again, those surveyed said Nora Quist was best able to run the harbour."
    assert sentence_subject(text, 0, len(text)) is None
    paras = [f"Nora Quist praised the board. But, said Quist, {Q}we need more ferries.{E}"]
    assert speaker_of(paras, "more ferries", "direct") == "Nora Quist"


@pytest.mark.parametrize("para", [
    "Tom Reyl wrote to the board. Reached on Tuesday, Quist \u2014 who ran the harbour for ten "
    "years but left in May \u2014 told the paper she would not appeal. Nora Quist declined more.",
    "Tom Reyl wrote to the board. Nora Quist -- the harbour master since 2019 -- told the paper "
    "she would not appeal.",
    "Tom Reyl wrote to the board. A former harbour master -- Nora Quist, who left in May -- told "
    "the paper she would not appeal.",
])
def test_an_aside_between_dashes_leaves_the_name_before_it_the_subject(para: str) -> None:
    assert [k for t, k in _who([para], "indirect") if "not appeal" in t] == ["Nora Quist"]


@pytest.mark.parametrize(("sentence", "said"), [
    ("Jane Doe has threatened to close the harbour to every ferry on the coast.",
     "to close the harbour to every ferry on the coast."),
    ("Jane Doe threatened that she would close the harbour to every ferry.",
     "she would close the harbour to every ferry."),
    ("In her last speech, Jane Doe instead began by threatening to close the harbour to every "
     "ferry.", "to close the harbour to every ferry."),
])
def test_a_threat_to_do_something_is_a_statement(sentence: str, said: str) -> None:
    assert _who(["Jane Doe chairs the harbour board.", sentence], "indirect") == [
        (said, "Jane Doe")]


def test_what_is_threatened_is_no_statement() -> None:
    paras = ["Jane Doe chairs the harbour board.",
             "The storm threatened the harbour wall and the ferries all night."]
    assert _who(paras) == []


@pytest.mark.parametrize("sentence", [
    "The rising water threatened to flood the lower town before the morning.",
    "The storm moved east overnight, threatening to flood the lower town.",
])
def test_a_threat_with_no_one_making_it_is_no_statement(sentence: str) -> None:
    assert _who(["Jane Doe chairs the harbour board.", sentence]) == []


def test_a_threat_with_no_one_making_it_leaves_the_sentences_statement() -> None:
    text = ("With the board in panic as the rising costs threaten to sink the project, some"
            " members are even demanding that Jane Doe resign before the vote.")
    assert [said for said, _ in _who([text], "indirect")] == [
        "Jane Doe resign before the vote."]


def test_a_that_after_a_threats_infinitive_opens_no_statement() -> None:
    text = "Jane Doe has threatened to veto the bill that allows the board to raise the fares."
    assert _who([text], "indirect") == [
        ("to veto the bill that allows the board to raise the fares.", "Jane Doe")]


@pytest.mark.parametrize("sentence", [
    "As the hearing went on, the council grew restless with the delays.",
    "As the talks continued, the union dropped two of its demands.",
    "As Jane Roe went on, the crowd began to leave the square.",
])
def test_a_clause_of_time_with_an_ongoing_verb_reports_nothing(sentence: str) -> None:
    assert _who([sentence], "indirect") == []


def test_an_as_clause_with_a_speech_verb_still_reports_its_main_clause() -> None:
    assert _who(["As Jane Roe noted, the bridge will stay closed until the spring."],
                "indirect") == [("the bridge will stay closed until the spring.", "Jane Roe")]


@pytest.mark.parametrize("sentence", [
    "In the afternoon session, the mayor was asked to explain the delays.",
    "After a long and tiring day, Jane Roe asked to explain the delays.",
    "With the count still running, the crowd was celebrating in the square.",
])
def test_an_opening_phrase_is_not_what_a_request_or_a_passive_cue_reports(sentence: str) -> None:
    found = _who([sentence], "indirect")
    assert not any(text.startswith(("In the", "After a", "With the")) for text, _ in found)


def test_a_trailing_cue_still_reports_the_clause_before_its_comma() -> None:
    found = _who(["The bridge will stay closed until the spring, Jane Roe said on Tuesday."],
                 "indirect")
    assert found == [("The bridge will stay closed until the spring", "Jane Roe")]


@pytest.mark.parametrize("opening", ["Not long after", "Shortly after", "Just before", "After"])
def test_an_opening_clause_of_time_ends_its_statement(opening: str) -> None:
    sentence = (f"{opening} Jane Roe said the pier was unsafe, Tom Baker said that the council "
                "had acted too late.")
    assert _who([sentence], "indirect") == [("the pier was unsafe", "Jane Roe"),
                                            ("the council had acted too late.", "Tom Baker")]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("The protests grew so loud that Jane Roe issued a statement saying that the pier was safe.",
     "Jane Roe"),
    ("The protests grew so loud that the Velmar Harbour Board put out a statement on Monday "
     "saying the pier was safe.", "Velmar Harbour Board"),
])
def test_whoever_put_out_a_statement_says_what_its_participle_reports(sentence: str,
                                                                       speaker: str) -> None:
    found = _who(["Jane Roe chairs the Velmar Harbour Board.", sentence], "indirect")
    assert [who for _, who in found] == [speaker]


def test_who_receives_a_letter_does_not_say_what_it_says() -> None:
    found = _who(["The council sent a letter to Jane Roe saying that the pier was unsafe."],
                 "indirect")
    assert found == [("the pier was unsafe.", None)]


@pytest.mark.parametrize(("sentence", "first", "second"), [
    ("Jane Roe, who has accused the board of lying, said that the vote would be held in May.",
     "the board of lying", "the vote would be held in May."),
    ("Jane Roe, who has denounced the fares as a tax on workers, repeatedly criticized the "
     "board for its silence.", "the fares as a tax on workers", "the board for its silence."),
])
def test_a_relative_clause_ends_before_the_main_clauses_cue(sentence: str, first: str,
                                                             second: str) -> None:
    assert _who([sentence], "indirect") == [(first, "Jane Roe"), (second, "Jane Roe")]


def test_a_relative_clause_with_no_cue_after_it_keeps_its_statement() -> None:
    found = _who(["Jane Roe, who has accused the board of lying about the fares, the delays "
                  "and the contracts."], "indirect")
    assert found == [("the board of lying about the fares, the delays and the contracts.",
                      "Jane Roe")]


@pytest.mark.parametrize(("sentence", "topic"), [
    ("Jane Roe spoke about the need to repair the harbour wall before winter.",
     "the need to repair the harbour wall before winter."),
    ("In her speech, Jane Roe talked about the ferries and the fares.",
     "the ferries and the fares."),
    ("Jane Roe also discussed the differences between the two harbour plans.",
     "the differences between the two harbour plans."),
])
def test_what_someone_talked_about_is_reported(sentence: str, topic: str) -> None:
    assert _who(["Jane Roe chairs the harbour board.", sentence], "indirect") == [
        (topic, "Jane Roe")]


def test_a_discussed_thing_is_no_statement() -> None:
    assert _who(["The issues discussed in the report were old."], "indirect") == []


def test_a_clause_inside_the_sentence_ends_before_the_main_clause() -> None:
    sentence = ("In a year when Tom Baker is talking about closing the harbour to ferries, "
                "Jane Roe said the mayor was right to urge calm.")
    assert _who([sentence], "indirect") == [
        ("closing the harbour to ferries", "Tom Baker"),
        ("the mayor was right to urge calm.", "Jane Roe")]
