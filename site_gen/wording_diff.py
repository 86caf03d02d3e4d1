"""A word-level difference view of one statement's wordings: which words of one wording none
of the others has. The words are shown exactly as written; only the marking is computed.

Words are compared in their folded form without punctuation (``terms.fold``); scripts written
without spaces are compared character by character. Each wording is aligned with each other
one as a sequence (``difflib``), so a word counts as shared only where it lines up in order.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any

from site_gen import regexes
from site_gen.terms import UNSPACED_CLASS, fold

_TOKEN = regexes.compile(rf"[{UNSPACED_CLASS}]\s*|[^\s{UNSPACED_CLASS}]+\s*")
_NOT_WORD = regexes.compile(r"[\W_]+")


def _keys(tokens: list[str]) -> list[str]:
    return [_NOT_WORD.sub("", fold(t)) for t in tokens]


def marked(text: str, others: list[str]) -> list[dict[str, Any]]:
    """``text`` as pieces ``{"text", "only"}`` (in order, joined they are ``text``): ``only``
    is true for the words no wording of ``others`` has at that place."""
    lead = text[: len(text) - len(text.lstrip())]
    tokens = _TOKEN.findall(text[len(lead) :])
    keys = _keys(tokens)
    shared = [not k for k in keys]  # punctuation alone is never marked
    for other in others:
        other_keys = _keys(_TOKEN.findall(other.strip()))
        matcher = SequenceMatcher(None, keys, other_keys, autojunk=False)
        for block in matcher.get_matching_blocks():
            for i in range(block.a, block.a + block.size):
                shared[i] = True
    pieces: list[dict[str, Any]] = [{"text": lead, "only": False}] if lead else []
    for tok, is_shared in zip(tokens, shared, strict=True):
        only = not is_shared
        if pieces and pieces[-1]["only"] == only:
            pieces[-1]["text"] += tok
        else:
            pieces.append({"text": tok, "only": only})
    return pieces
