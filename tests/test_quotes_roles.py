"""Roles tied to an organisation ("the CNN host") and names with chained initials ("Arthur
H.W. Penrose") inside an attribution. Made-up sentences only."""

from __future__ import annotations

from site_gen.quotes.sentences import split_sentences
from tests.quotecheck import E, Q
from tests.quotecheck import speaker_of as _speaker_of


def test_a_role_with_an_acronym_means_the_person_tied_to_that_organisation() -> None:
    paras = ["NBC\u2019s Dana Pruitt spoke to a radio show on Monday.",
             "Pruitt told radio host Carl Mendes that the leak was a problem.",
             f"In closing, the NBC host said, {Q}we will look into every message we sent.{E}"]
    assert _speaker_of(paras, "every message") == "Dana Pruitt"


def test_a_role_with_an_acronym_nobody_is_tied_to_stays_unnamed() -> None:
    paras = ["Pruitt told radio host Carl Mendes that the leak was a problem.",
             f"Later the NBC host said, {Q}we will look into every message we sent.{E}"]
    assert _speaker_of(paras, "every message") != "Carl Mendes"


def test_an_acronym_in_the_sentence_before_does_not_tie_a_person() -> None:
    paras = ["The ban was meant to impede the work of ZTV.",
             "Dmitry Vlasov, the head of the parent company, was placed on a list in 2014.",
             "The ZTV presenter told viewers on Friday that its lawyers were handling the matter."]
    assert _speaker_of(paras, "its lawyers") != "Dmitry Vlasov"


def test_chained_initials_do_not_end_a_sentence() -> None:
    text = ("William K. Ashgrove, who served under President Arthur H.W. Penrose, said the plan "
            "would fail. Others agreed.")
    sents = split_sentences(text)
    assert len(sents) == 2
    paras = [text]
    assert _speaker_of(paras, "plan would fail") == "William K. Ashgrove"
