"""Text past ASCII that holds only typographic quotes, dashes, the ellipsis and the no-break
space never reaches ftfy: the property below shows ftfy would leave such text unchanged, so
skipping it changes no output (``site_gen.reader.normalize._needs_repair``)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from site_gen.reader import normalize

PLAIN = "".join(chr(c) for c in normalize._PLAIN)  # whatever the module skips
# printable ASCII and the plain characters, the way a news text mixes them; and the plain
# characters densely, next to each other and to a few letters (where mojibake would show)
TEXT = st.text(alphabet=st.sampled_from(
    [chr(c) for c in range(0x20, 0x7F)] + list(PLAIN) + ["\n"]), max_size=200) | st.text(
    alphabet=st.sampled_from(list(PLAIN) + list("aS .")), max_size=40)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_ftfy_leaves_plain_typography_unchanged(text: str) -> None:
    fix_text, config = normalize._fixer()
    assert not normalize._needs_repair(text)
    assert fix_text(text, config=config) == text


def test_mojibake_still_needs_repair_and_is_repaired() -> None:
    raw = "S\u00c3\u00a3o Paulo \u00e2\u20ac\u201c the \u00e2\u20ac\u0153port\u00e2\u20ac\u009d"
    assert normalize._needs_repair(raw)
    text, _, _ = normalize.normalize_span(raw, 0, len(raw))
    assert text.startswith("S\u00e3o Paulo \u2013 the")


def test_plain_typography_is_kept_as_written() -> None:
    raw = "\u201cWe are ready,\u201d she said \u2014 and left\u2026"
    assert normalize.normalize_span(raw, 0, len(raw))[0] == raw
