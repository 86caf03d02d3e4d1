"""Charset by evidence: bytes that decode cleanly as UTF-8 win over a declared legacy charset;
UTF-8 with a few stray legacy bytes is read without replacement characters; a real legacy
page keeps its declared charset."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from site_gen.reader.decode import decode_bytes

TEXT = "Señor Müller said the café would open in the summer, and the mayor agreed."


def _page(charset: str, encoding: str) -> bytes:
    html = f'<html><head><meta charset="{charset}"></head><body><p>{TEXT}</p></body></html>'
    return html.encode(encoding)


def test_utf8_bytes_win_over_a_declared_legacy_charset():
    decoded = decode_bytes(_page("iso-8859-15", "utf-8"), html=True)
    assert TEXT in decoded.text and decoded.encoding == "utf-8"
    assert "declares iso-8859-15" in decoded.note


def test_a_legacy_page_keeps_its_declared_charset():
    decoded = decode_bytes(_page("windows-1252", "cp1252"), html=True)
    assert TEXT in decoded.text and decoded.note is None


def test_mostly_utf8_with_stray_legacy_bytes_has_no_replacement_characters():
    data = (TEXT + " ").encode("utf-8") * 3 + "Le café était fermé.".encode("cp1252")
    decoded = decode_bytes(data)
    assert "\ufffd" not in decoded.text
    assert decoded.text.endswith("Le café était fermé.") and TEXT in decoded.text


def test_ascii_and_clean_utf8_are_unchanged():
    assert decode_bytes(b"plain text").text == "plain text"
    assert decode_bytes(TEXT.encode()).text == TEXT
    assert decode_bytes(TEXT.encode()).note is None


@given(st.text(alphabet=st.one_of(st.characters(max_codepoint=0x40), st.just("\ufffd"),
                                  st.characters(min_codepoint=0x80, max_codepoint=0x3000)),
               max_size=400))
def test_binary_is_a_tenth_of_control_or_replacement_characters(text):
    from site_gen.reader.decode import looks_binary

    bad = sum(1 for c in text if c == "\ufffd" or (ord(c) < 32 and c not in "\t\n\r\f\v"))
    assert looks_binary(text) == (bool(text) and bad > 0.1 * len(text))
