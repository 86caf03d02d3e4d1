"""Lead-ins to direct quotes, inverted and absolute cues, and speaker phrases around names.

Each case is a general sentence shape (invented text), not an article of the evaluation set.
"""

from __future__ import annotations

import pytest

from site_gen.quotes import extract_quotes
from site_gen.quotes.cues import _CUE_LOWER, find_cues
from site_gen.quotes.marks import _MARK
from site_gen.quotes.names import RUN, parse_mention
from site_gen.quotes.sentences import split_sentences
from tests.quotecheck import speaker_of, who


def _quotes(paragraphs: list[str]) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker_key) for q in extract_quotes(paragraphs).quotes]


@pytest.mark.parametrize("para", [
    # <lead-in>, X added, "<quote>": a direct quote only, the lead-in is no reported speech
    "Referring to the change in the mood of the valley since the last harvest,"
    " Sheikh Yusuf Qadiri added, \u201cWhat slowed the plan down was the lack of willing"
    " hands.\u201d",
    "Referring to the change in the mood of the valley since the last harvest,"
    " Yusuf Qadiri added, \"What slowed the plan down was the lack of willing hands.",  # unclosed
    "While praising the work of the river wardens, Yusuf Qadiri added, \u201cWho would have"
    " guessed that a few wardens could clean the whole river in one summer?\u201d",
])
def test_lead_in_before_x_added_quote_is_direct_only(para: str) -> None:
    found = _quotes([para])
    assert [k for k, _, _ in found] == ["direct"]
    assert found[0][2] == "Yusuf Qadiri"


def test_sentence_without_quotation_is_still_reported() -> None:
    found = _quotes(["Referring to the talks, Yusuf Qadiri added that the young would decide."])
    assert [(k, t) for k, t, _ in found] == [("indirect", "the young would decide.")]


def test_inverted_cue_after_comma_names_the_speaker() -> None:
    paras = ["Vera Holm is a psychologist in Tacoma.",
             "This can help people feel calmer, adds psychologist Mary Alvik. \"You have a"
             " say, you have a choice,\" she says."]
    found = _quotes(paras)
    assert ("indirect", "This can help people feel calmer", "Mary Alvik") in found
    assert ("direct", "You have a say, you have a choice,", "Mary Alvik") in found


@pytest.mark.parametrize("para, content, speaker", [
    # a long apposition after the name
    ("Even as the race moves north, to a county she hoped to carry, the vote will be close,"
     " said Tomas Reyl, director of a ghostwriting firm and an independent analyst in Port"
     " Velmar.", "Even as the race moves north, to a county she hoped to carry, the vote will be"
     " close", "Tomas Reyl"),
    # a surname alone, and more of the sentence after it
    ("The other candidate also lacks a plan for the harbour, said Reyl, but his record is"
     " fine.", "The other candidate also lacks a plan for the harbour", "Reyl"),
    # a group described, not named
    ("Holding that ground is squarely within the mayor's strengths, said a handful of"
     " councillors who point to her ties with the unions.",
     "Holding that ground is squarely within the mayor's strengths", None),
    # a group led by a quantifier
    ("A quieter mayor may not be such a bad thing either, say some councillors, who cringe as"
     " they recall his outbursts.", "A quieter mayor may not be such a bad thing either", None),
])
def test_inverted_cue_with_a_long_speaker_phrase(para: str, content: str,
                                                  speaker: str | None) -> None:
    assert _quotes([para]) == [("indirect", content, speaker)]


@pytest.mark.parametrize("para, reported", [
    # the cue's object, not its speaker: a list of what someone did
    ("Tomas Reyl railed against the ferry fares, blasted Kestria Transit and thanked the"
     " crews.", [("Kestria Transit and thanked the crews.", "Tomas Reyl")]),
    # a shared subject: what follows the cue is what was said
    ("Tomas Reyl stood up in the hall, said the plan had failed and left.",
     [("the plan had failed and left.", "Tomas Reyl")]),
    # who was told
    ("The ferry will run again in May, told Tomas Reyl on Monday.", []),
])
def test_no_inverted_cue_when_what_follows_is_no_speaker(
        para: str, reported: list[tuple[str, str]]) -> None:
    assert [(t, s) for k, t, s in _quotes([para]) if k == "indirect"] == reported


def test_absolute_participle_takes_its_own_subject() -> None:
    para = ("The council did not contest the letters, with spokesman Glen Ashby saying, \u201cThe"
            " letters are a sideshow to the real work of this council.\u201d")
    assert _quotes([para])[-1][2] == "Glen Ashby"


def test_campaign_staff_subject_is_the_person() -> None:
    paras = ["Trent campaign spokesman Glen Ashby declined to discuss the memo, calling it"
             " \u201ca sideshow to the real work of this council.\u201d"]
    assert {s for _, _, s in _quotes(paras)} == {"Glen Ashby"}


def test_sentence_initial_participle_yields_to_the_main_cue() -> None:
    found = _quotes(["Asked about the levy on Friday, Mr. Brandt said he would scrap the rebate."])
    assert [(k, t) for k, t, _ in found] == [("indirect", "he would scrap the rebate.")]


def test_possessive_subject_is_the_pronoun_antecedent() -> None:
    paras = ["Representative Ann Kesby said the rules had to change.",
             "Senator Claire McTavish spoke next. Her committee met for hours.",
             "Ms. McTavish's deputy is a woman, and so is her policy director.",
             "\u201cI hope that shows other young women the way,\u201d she said."]
    assert _quotes(paras)[-1][2] == "Claire McTavish"


def test_possessive_determiner_before_the_name() -> None:
    paras = ["\u201cIt is a circus,\u201d said Fallon Ives, 19, a biology major.",
             "Her friend Brittany Hollins, 19, a history major, joined in.",
             "\u201cI never thought, before this spring, that I would vote like this.\u201d"]
    assert _quotes(paras)[-1][2] == "Brittany Hollins"


@pytest.mark.parametrize(("phrase", "name"), [
    ("Brandt running mate Gov. Mel Brannock of Vermont", "Mel Brannock"),
    ("Senator Claire McTavish", "Claire McTavish"),  # camel case: a surname, not a brand
])
def test_mentions(phrase: str, name: str) -> None:
    mention = parse_mention(phrase, 0)
    assert mention is not None and mention.kind == "name" and mention.name == name


def test_title_line_ending_in_a_period_is_a_heading() -> None:
    paras = ["Why Quiet Budgets Survive in Councils.",
             "Ann Kesby chaired the panel.",
             "\u201cIt helps when a woman runs the panel,\u201d she said."]
    ex = extract_quotes(paras)
    assert ex.quotes[-1].speaker_key == "Ann Kesby"
    assert "Quiet Budgets Survive" not in {s.key for s in ex.speakers}


_TEXTS = [
    "Mr. Smith said, \u201cNo.\u201d \u2018Yes,\u2019 he added. ``Fine,'' she said... Then al-Hakim"
    " spoke. \u00abOui\u00bb, a dit Marie. It's Brandt's. He re-emphasized it; well-said.\n\nNew.",
    "said2 unsaid 'said' point out, pointed  out -said said- -- said\u2026 (Said) \"said\" ash-Shar"
    " el-Badawi de Vries O'Neill-Smith Jr. U.S. Sen. J. R. R. Tolkien wrote. x-Ray Jones said.",
]


@pytest.mark.parametrize("text", _TEXTS)
def test_fast_patterns_match_as_the_plain_ones(text: str) -> None:
    """The scanning patterns are written for speed; these are their plain equivalents."""
    import re

    from site_gen.quotes.names import _CAP, _PARTICLE

    plain_run = re.compile(rf"(?<![\w-]){_CAP}(?:[ \u00a0]+(?:{_PARTICLE}[ \u00a0]+)?{_CAP})*")
    assert [m.span() for m in RUN.finditer(text)] == [m.span() for m in plain_run.finditer(text)]
    plain_mark = re.compile("``|''|[\"\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019'\u2039\u203a]")
    assert [m.span() for m in _MARK.finditer(text)] == [m.span() for m in plain_mark.finditer(text)]
    trie = _CUE_LOWER.pattern[len(r"[^\w-]("):-len(r")(?![\w-])")]
    plain_cue = re.compile(rf"(?<![\w-])(?:{trie})(?![\w-])")
    lowered = text.lower()
    fast = [(m.start(1) - 1, m.end(1) - 1) for m in _CUE_LOWER.finditer(" " + lowered)]
    assert fast == [m.span() for m in plain_cue.finditer(lowered)]
    assert {c.start() for c in find_cues(text)} <= {a for a, _ in fast}
    sents = split_sentences(text)
    assert len(sents) >= 2 and sents.starts[0] == 0


def test_noun_in_ly_is_no_adverb_and_the_daily_is_the_paper() -> None:
    paras = ["The Valley Post endorsed a candidate on Friday.",
             "\u201cShe knows how to get a budget passed,\u201d the respected daily"
             " wrote."]
    assert _quotes(paras)[-1][2] == "Valley Post"


def test_role_before_a_relative_apposition() -> None:
    paras = ["KTV, the state-funded channel, lost its bank accounts in Oslo.",
             "The channel, which covered the closure, called it a bid to muzzle"
             " the station's reporting on the strike."]
    assert _quotes(paras)[-1][2] == "KTV"


def test_a_line_that_ends_with_a_colon_leads_in_to_the_next_paragraph() -> None:
    # a short capitalised line reads like a headline, but one that ends with a colon leads in
    assert _quotes(["Reporter Jane Doe says:",
                    "\u201cWell, the ferry has not left the harbour since Monday.\u201d"]) == [
        ("direct", "Well, the ferry has not left the harbour since Monday.", "Jane Doe")]
    # a headline before a quotation names no one
    assert _quotes(["Jane Doe Wins Ferry Vote",
                    "\u201cWell, the ferry has not left the harbour since Monday.\u201d"]) == [
        ("direct", "Well, the ferry has not left the harbour since Monday.", None)]


@pytest.mark.parametrize("lead", [
    "TURNOUT IN THE NORTH DOES NOT RAISE HOPES ELSEWHERE - ",
    "Pollsters agree \u2013 ",
    "What that means for the autumn - More from ",
])
def test_a_digest_item_names_who_it_quotes_after_its_heading_and_a_dash(lead: str) -> None:
    paras = ["The season opened with a surprise in the north, where turnout rose sharply.",
             lead + "Tom Baker: \u201cAt long last the contests have started, and the north has"
             " spoken.\u201d"]
    assert speaker_of(paras, "At long last", "direct") == "Tom Baker"


def test_a_heading_a_dash_and_a_colon_without_a_quotation_report_nothing() -> None:
    paras = ["The season opened with a surprise in the north, where turnout rose sharply.",
             "MARKETS IN THE NORTH - Outlook: prices for grain rose for the third week running"
             " across the region."]
    assert who(paras) == []
