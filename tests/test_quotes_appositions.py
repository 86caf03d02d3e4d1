"""Who a person is, written between the name and the verb (age, home town, party tag, a
relative clause), and adverbs before the verb, leave the speaker the named person."""

from __future__ import annotations

import pytest

from site_gen.quotes import extract_quotes


def _speakers(text: str) -> list[str | None]:
    return [q.speaker_key for q in extract_quotes([text]).quotes]


@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe, 22, of Springfield, Ill., said she had not given up hope on the vote.",
        "Jane Doe, 58, who lives outside Springfield, says she did not know about the plan.",
        "Jane Doe now says the plan was a mistake from the start.",
        "Jane Doe has long said the plan was a mistake from the start.",
        "Sen. Jane Doe (D-Ill.) said the plan was a mistake from the start.",
        "Jane Doe, the mayor, said the plan was a mistake from the start.",
        "The mayor of Springfield, Jane Doe, said the plan was a mistake from the start.",
    ],
)
def test_the_named_person_is_the_speaker(text):
    assert _speakers(text) == ["Jane Doe"]


def test_a_place_alone_before_the_verb_is_no_person():
    assert _speakers("In Springfield, officials said the plan was a mistake from the start.") != [
        "Springfield"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "\u201cWe will open the bridge in May.\u201d \u2015 Jane Doe",
        "\u201cWe will open the bridge in May.\u201d \u2014 Jane Doe, the harbour minister",
        "\u201cWe will open the bridge in May.\u201d - Jane Doe",
    ],
)
def test_a_quotation_signed_after_a_dash_is_the_signers(text):
    assert _speakers(text) == ["Jane Doe"]


def test_a_dash_before_a_sentence_is_no_signature():
    text = "She read the sign: \u201cClosed for winter\u201d \u2014 and then she left the pier."
    assert all(s is None for s in _speakers(text))


@pytest.mark.parametrize(("intro", "signature"), [
    ("Tom Reyl made many claims about the harbour this week.", "- Jane Doe."),
    ("Tom Reyl made many claims about the harbour this week.", "-Jane Doe, Port Velmar."),
    ("Tom Reyl made many claims about the harbour this week.",
     "\u2014 Jane Doe, in a debate on Monday"),
    ("Jane Doe spoke on Monday. \u201cWe will see,\u201d Tom Reyl said on Tuesday.", "- Doe."),
])
def test_a_quotation_alone_in_its_paragraph_is_signed_by_the_dash_line_after_it(intro, signature):
    # the quoted claims of a fact-check: the claim in a paragraph, its author on the next
    paras = [intro, "\u201cThe harbour fee has tripled since the board took over.\u201d",
             signature, "The fee rose by a third, not threefold."]
    found = [q for q in extract_quotes(paras).quotes if q.text.startswith("The harbour fee")]
    assert [q.speaker_key for q in found] == ["Jane Doe"]


def test_a_dash_line_signs_no_quotation_that_shares_its_paragraph():
    paras = ["She said it plainly: \u201cThe harbour fee has tripled since the board took "
             "over.\u201d", "- Jane Doe."]
    assert all(q.speaker_key is None for q in extract_quotes(paras).quotes)


def test_what_she_called_is_hers():
    text = "Jane Doe launched what she called her own \u201cOctober surprise\u201d last week."
    quotes = extract_quotes([text]).quotes
    direct = [q for q in quotes if q.kind == "direct"]
    assert [q.speaker_key for q in direct] == ["Jane Doe"]


@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe took to Twitter overnight to accuse the mayor of lying about the budget.",
        "Jane Doe took to the floor of the Senate to warn that the bill would fail.",
        "Jane Doe has yet to explain why the budget for the bridge doubled.",
    ],
)
def test_control_verbs_keep_their_subject_as_speaker(text):
    assert _speakers(text) == ["Jane Doe"]
