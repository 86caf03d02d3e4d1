"""Charset by evidence: bytes that decode cleanly as UTF-8 win over a declared legacy charset;
UTF-8 with a few stray legacy bytes is read without replacement characters; a real legacy
page keeps its declared charset; a declaration that cannot decode the bytes gives way to a
reading that can; only a page that nothing reads cleanly gets replacement characters. All
texts are invented."""

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


# --- declared legacy charsets that cannot decode the bytes ---------------------------------------

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
