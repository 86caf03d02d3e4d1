"""Quotes and speakers: who said what in one article (``extract_quotes``), and one canonical
speaker per person across the archive (``speakers.canonicalize``).

Pure functions of plain data; no model download, no network. The extractor is rule-based and
fast (precompiled regexes, one pass per stage):

1. ``marks``: quoted segments, in any mark style, per paragraph (multi-paragraph and unclosed
   quotations handled);
2. ``reported``: reported speech ("X said that ...") with its content span;
3. ``direct``: the cue and mention of each quoted segment; scare quotes dropped;
4. ``attribution``: mentions resolved to the article's people (surnames, titles, roles,
   pronouns), cue-less quotations to the previous speaker.

The paragraphs are joined with blank lines so that a quotation or a sentence can be followed
across paragraph boundaries; offsets are mapped back to each paragraph at the end. A quotation
over several paragraphs becomes one ``Quote`` per paragraph (consecutive ids, one speaker);
``chains.chains`` groups the pieces again for display. The cue lexicon is English: for another
``lang`` only quotation marks are read, attributed by ``foreign`` from strong evidence only, and
every name must pass ``plausible.admit`` (a speaker gets a public page).
"""

from __future__ import annotations

from site_gen.quotes import accel

accel.enable(__path__)  # compiled modules, when built from exactly these sources

from site_gen.quotes.extract import Extraction, extract_quotes  # noqa: E402

__all__ = ["Extraction", "extract_quotes"]
