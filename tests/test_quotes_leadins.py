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


def _quotes(paragraphs: list[str]) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker_key) for q in extract_quotes(paragraphs).quotes]


@pytest.mark.parametrize("para", [
    # <lead-in>, X added, "<quote>": a direct quote only, the lead-in is no reported speech
    "Referring to the difference in the conditions of the region compared to two years ago,"
    " Ayatollah Ali Khamenei added, \u201cWhat held the cause back was the absence of the"
    " young.\u201d",
    "Referring to the difference in the conditions of the region compared to two years ago,"
    " Ali Khamenei added, \"What held the cause back was the absence of the young.",  # unclosed
    "While hailing the efforts of the young volunteers, Ali Khamenei added, \u201cWho would have"
    " thought that one day the young would change the course of the whole region?\u201d",
])
def test_lead_in_before_x_added_quote_is_direct_only(para: str) -> None:
    found = _quotes([para])
    assert [k for k, _, _ in found] == ["direct"]
    assert found[0][2] == "Ali Khamenei"


def test_sentence_without_quotation_is_still_reported() -> None:
    found = _quotes(["Referring to the talks, Ali Khamenei added that the young would decide."])
    assert [(k, t) for k, t, _ in found] == [("indirect", "the young would decide.")]


def test_inverted_cue_after_comma_names_the_speaker() -> None:
    paras = ["Vaile Wright is a psychologist in Washington.",
             "This can make people feel empowered, adds psychologist Mary Alvord. \"You are not"
             " helpless, you are not a victim,\" she says."]
    found = _quotes(paras)
    assert ("indirect", "This can make people feel empowered", "Mary Alvord") in found
    assert ("direct", "You are not helpless, you are not a victim,", "Mary Alvord") in found


def test_absolute_participle_takes_its_own_subject() -> None:
    para = ("The campaign did not dispute the emails, with spokesman Glen Caplin saying, \u201cThe"
            " leaks are a distraction from the real issues of this race.\u201d")
    assert _quotes([para])[-1][2] == "Glen Caplin"


def test_campaign_staff_subject_is_the_person() -> None:
    paras = ["Clinton campaign spokesman Glen Caplin declined to comment on the memo, calling it"
             " \u201ca distraction from the real issues of this race.\u201d"]
    assert {s for _, _, s in _quotes(paras)} == {"Glen Caplin"}


def test_sentence_initial_participle_yields_to_the_main_cue() -> None:
    found = _quotes(["Asked about the plan on Sunday, Mr. Trump said he would end the tax break."])
    assert [(k, t) for k, t, _ in found] == [("indirect", "he would end the tax break.")]


def test_possessive_subject_is_the_pronoun_antecedent() -> None:
    paras = ["Representative Ann Kuster said the rules had to change.",
             "Senator Claire McCaskill spoke next. Her committee met for hours.",
             "Ms. McCaskill's chief of staff is a woman, as is her legislative director.",
             "\u201cI think that gives a signal to other young women,\u201d she said."]
    assert _quotes(paras)[-1][2] == "Claire McCaskill"


def test_possessive_determiner_before_the_name() -> None:
    paras = ["\u201cIt is a big joke,\u201d said Fallyn Iles, 20, a nursing major.",
             "Her friend Brittany Lockwood, 20, a political science major, chimed in.",
             "\u201cI did not think, until this past year, I would ever vote this way.\u201d"]
    assert _quotes(paras)[-1][2] == "Brittany Lockwood"


@pytest.mark.parametrize(("phrase", "name"), [
    ("Trump running mate Gov. Mike Pence of Indiana", "Mike Pence"),
    ("Senator Claire McCaskill", "Claire McCaskill"),  # camel case: a surname, not a brand
])
def test_mentions(phrase: str, name: str) -> None:
    mention = parse_mention(phrase, 0)
    assert mention is not None and mention.kind == "name" and mention.name == name


def test_title_line_ending_in_a_period_is_a_heading() -> None:
    paras = ["Why Sexual Harassment Persists in Politics.",
             "Ann Kuster chaired the panel.",
             "\u201cIt helps to have a woman in charge,\u201d she said."]
    ex = extract_quotes(paras)
    assert ex.quotes[-1].speaker_key == "Ann Kuster"
    assert "Sexual Harassment Persists" not in {s.key for s in ex.speakers}


_TEXTS = [
    "Mr. Smith said, \u201cNo.\u201d \u2018Yes,\u2019 he added. ``Fine,'' she said... Then al-Assad"
    " spoke. \u00abOui\u00bb, a dit Marie. It's Trump's. He re-emphasized it; well-said.\n\nNew.",
    "said2 unsaid 'said' point out, pointed  out -said said- -- said\u2026 (Said) \"said\" ash-Shar"
    " el-Sisi de Gaulle O'Neill-Smith Jr. U.S. Sen. J. R. R. Tolkien wrote. x-Ray Jones said.",
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
    paras = ["The Washington Post endorsed a candidate on Friday.",
             "\u201cShe is well positioned to get something done,\u201d the influential daily"
             " wrote."]
    assert _quotes(paras)[-1][2] == "Washington Post"


def test_role_before_a_relative_apposition() -> None:
    paras = ["RT, the state-financed network, lost its bank accounts in London.",
             "The network, which reported on the decision, called it an attempt to silence"
             " the channel's coverage of the war."]
    assert _quotes(paras)[-1][2] == "RT"
