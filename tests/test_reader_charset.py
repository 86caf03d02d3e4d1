"""Charset by evidence: bytes that decode cleanly as UTF-8 win over a declared legacy charset;
UTF-8 with a few stray legacy bytes is read without replacement characters; a real legacy
page keeps its declared charset; a wrong legacy declaration (mojibake) or one that cannot
decode the bytes gives way to a clearly tidier reading; only a page that nothing reads cleanly
gets replacement characters. All texts are invented."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from site_gen.reader import read_document
from site_gen.reader.decode import codec_for, decode_bytes
from site_gen.registry import default_registry

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


# --- declared legacy charsets weighed against the evidence ------------------------------------

SENTENCES = {
    "ru": "Городской совет в среду утвердил план строительства нового моста через реку. Жители "
    "района давно ждали этого решения, сказал председатель комиссии. Работы начнутся весной.",
    "el": "Το δημοτικό συμβούλιο ενέκρινε την Τετάρτη το σχέδιο για την κατασκευή μιας νέας "
    "γέφυρας πάνω από τον ποταμό. Οι κάτοικοι περίμεναν πολύ καιρό αυτή την απόφαση.",
    "pl": "Rada miejska zatwierdziła w środę plan budowy nowego mostu na rzece. Mieszkańcy "
    "dzielnicy długo czekali na tę decyzję, powiedział przewodniczący komisji.",
    "cs": "Městská rada ve středu schválila plán výstavby nového mostu přes řeku. Obyvatelé "
    "čtvrti na toto rozhodnutí čekali dlouho, řekl předseda komise. Ťukání bylo slyšet v noci.",
    "hu": "A városi tanács szerdán jóváhagyta az új híd építésének tervét a folyó felett. A "
    "kerület lakói régóta vártak erre a döntésre, mondta a bizottság elnöke.",
    "fr": "Le conseil municipal a approuvé mercredi le projet d’un nouveau pont sur la rivière. "
    "« Les habitants attendaient cette décision depuis longtemps », a déclaré le président.",
    "es": "El ayuntamiento aprobó el miércoles el plan para construir un nuevo puente sobre el "
    "río. Los vecinos del barrio esperaban esta decisión desde hace años, dijo el señor alcalde.",
    "ja": "市議会は水曜日、川に新しい橋を建設する計画を承認した。地区の住民は長い間この決定を"
    "待っていたと委員長は述べた。工事は春に始まる予定だ。",
    "zh": "市议会周三批准了在河上修建一座新桥的计划。委员会主席说，该地区的居民等待这一决定"
    "已经很久了。工程将于春季开工。",
    "ko": "시의회는 수요일 강 위에 새 다리를 건설하는 계획을 승인했다. 위원장은 지역 주민들이 "
    "오랫동안 이 결정을 기다려 왔다고 말했다.",
}


def _news_page(label: str, text: str) -> str:
    return (
        f'<!DOCTYPE html><html><head><meta charset="{label}"><title>News</title></head><body>'
        f'<nav><a href="/">Home</a></nav><article><h1>{text[:30]}</h1><p>{text}</p>'
        f"<p>{text}</p></article><footer>2024</footer></body></html>"
    )


@pytest.mark.parametrize(
    ("lang", "encoding", "declared"),
    [
        ("ru", "cp1251", "windows-1252"),
        ("ru", "cp1251", "koi8-r"),
        ("ru", "koi8-r", "windows-1251"),
        ("ru", "cp1251", "iso-8859-5"),
        ("el", "cp1253", "windows-1252"),
        ("el", "cp1253", "iso-8859-1"),
        ("pl", "cp1250", "iso-8859-2"),
        ("pl", "cp1250", "iso-8859-1"),
        ("pl", "iso8859-2", "windows-1252"),
        ("cs", "cp1250", "iso-8859-2"),
        ("es", "cp1252", "koi8-r"),
    ],
)
def test_a_wrong_legacy_declaration_gives_way_to_the_right_reading(lang, encoding, declared):
    text = SENTENCES[lang]
    decoded = decode_bytes(_news_page(declared, text).encode(encoding), html=True)
    assert text in decoded.text
    assert decoded.encoding == codec_for(encoding)
    assert f"declares {declared}" in decoded.note


@pytest.mark.parametrize(
    ("lang", "encoding", "declared"),
    [
        ("fr", "cp1252", "windows-1252"),
        ("es", "latin-1", "iso-8859-1"),
        ("ru", "cp1251", "windows-1251"),
        ("ru", "koi8-r", "koi8-r"),
        ("el", "cp1253", "windows-1253"),
        ("el", "iso8859-7", "iso-8859-7"),
        ("pl", "iso8859-2", "iso-8859-2"),
        ("cs", "iso8859-2", "iso-8859-2"),
        ("hu", "iso8859-2", "iso-8859-2"),
        ("cs", "cp1250", "windows-1250"),
        ("ja", "cp932", "shift_jis"),
        ("ja", "euc-jp", "euc-jp"),
        ("zh", "gb2312", "gb2312"),
        ("zh", "gbk", "gbk"),
        ("ko", "euc-kr", "euc-kr"),
    ],
)
def test_a_right_legacy_declaration_is_kept(lang, encoding, declared):
    text = SENTENCES[lang]
    decoded = decode_bytes(_news_page(declared, text).encode(encoding), html=True)
    assert text in decoded.text
    assert decoded.encoding == codec_for(declared) and decoded.note is None


def test_a_right_declaration_with_odd_symbols_or_little_text_is_kept():
    odd = "Prix : 12 € ½ kg, 3 °C, ™ et © ; « ça » — voilà¡ ¿qué? ±5 % · § 4 ¶"
    decoded = decode_bytes(_news_page("windows-1252", odd).encode("cp1252"), html=True)
    assert odd in decoded.text and decoded.note is None
    # One copyright sign reads as katakana in Shift_JIS, just as tidily: too little to judge by.
    little = _news_page("windows-1252", "© 2016 The Daily Example").encode("cp1252")
    assert decode_bytes(little, html=True).note is None


def test_a_tidy_declaration_is_kept_without_asking_the_guesser(monkeypatch):
    import charset_normalizer

    def refuse(*args, **kwargs):
        raise AssertionError("the guesser ran on a page whose declaration reads cleanly")

    monkeypatch.setattr(charset_normalizer, "from_bytes", refuse)
    for lang, encoding, declared in (("ru", "cp1251", "windows-1251"), ("ja", "cp932", "sjis")):
        data = _news_page(declared, SENTENCES[lang] * 200).encode(encoding)
        assert SENTENCES[lang] in decode_bytes(data, html=True).text


def test_mostly_utf8_declaring_a_legacy_charset_reads_as_utf8():
    data = _news_page("windows-1252", SENTENCES["fr"]).encode() + "<p>Fermé.</p>".encode("cp1252")
    decoded = decode_bytes(data, html=True)
    assert SENTENCES["fr"] in decoded.text and "Fermé." in decoded.text
    assert "\ufffd" not in decoded.text and "declares windows-1252" in decoded.note


@pytest.mark.parametrize(
    ("lang", "encoding", "declared"),
    [
        ("fr", "cp1252", "shift_jis"),
        ("ru", "cp1251", "euc-kr"),
        ("el", "cp1253", "gb2312"),
        ("cs", "cp1250", "windows-1252"),  # Ť is a byte Windows-1252 does not have
        ("ja", "cp932", "windows-1252"),
        ("zh", "gbk", "euc-jp"),
        ("ko", "euc-kr", "shift_jis"),
    ],
)
def test_an_undecodable_declaration_reads_cleanly_without_replacement(lang, encoding, declared):
    text = SENTENCES[lang]
    data = _news_page(declared, text).encode(encoding)
    with pytest.raises(UnicodeDecodeError):
        data.decode(codec_for(declared))
    decoded = decode_bytes(data, html=True)
    assert text in decoded.text and "\ufffd" not in decoded.text
    assert f"declares {declared}, but its bytes are not valid" in decoded.note


def test_a_damaged_page_in_its_declared_charset_keeps_it_with_one_replacement():
    text = SENTENCES["ja"]
    data = _news_page("shift_jis", text).encode("cp932").replace(b"</h1>", b"\x81</h1>")
    decoded = decode_bytes(data, html=True)
    assert text in decoded.text and decoded.text.count("\ufffd") == 1
    assert decoded.encoding == "cp932" and "replaced" in decoded.note


@pytest.mark.parametrize("declared", ["shift_jis", "windows-1252", "euc-kr", "koi8-r"])
def test_bytes_nothing_reads_cleanly_still_read(declared):
    rng = random.Random(11)
    noise = bytes(rng.randrange(256) for _ in range(4000))
    data = f'<html><head><meta charset="{declared}"></head><body><p>'.encode() + noise
    decoded = decode_bytes(data, html=True)
    assert decoded.text
    result = read_document("noise.html", data, default_registry())
    assert result.document is not None or result.diagnostics


def test_an_overruled_declaration_is_reported():
    data = _news_page("windows-1252", SENTENCES["ru"]).encode("cp1251")
    result = read_document("ru.html", data, default_registry())
    assert result.document is not None
    assert SENTENCES["ru"][:40] in result.document.paragraphs[0].text
    warnings = [d.format() for d in result.diagnostics if d.severity == "warning"]
    assert any("declares windows-1252" in w and "cp1251" in w for w in warnings)
