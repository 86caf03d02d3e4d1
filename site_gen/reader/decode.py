"""Bytes -> text, for files whose encoding nobody told us.

Order of evidence: a byte-order mark; bytes that decode cleanly as UTF-8 (which almost never
happens to text in another encoding by accident), even when a page declares a legacy charset
(pages re-saved as UTF-8 keep their old declaration); for HTML, the charset the page declares
in a ``<meta>`` (not the ``charset`` of a ``<script>`` tag, which says nothing about the page),
weighed against the bytes: a declaration whose reading is messy (mojibake: Windows-1251 bytes
declared windows-1252 or koi8-r) gives way to a clearly tidier reading (charset-normalizer's
guess among the web's encodings, Windows-1252, UTF-8 with stray bytes), and one that cannot
decode the bytes gives way to the tidiest reading that can, unless the declared reading is
clearly tidier (a damaged page in its own charset, which alone is read with replacement
characters); UTF-16 without a BOM (recognised by its NUL bytes); UTF-8 with a few stray legacy
bytes (a text pasted together from two sources: the stray bytes read as Windows-1252, never
replaced); then charset-normalizer's guess; then Windows-1252, which decodes every byte.
Declared labels are read the way browsers read them (WHATWG): ISO-8859-1 and ASCII mean
Windows-1252, GB2312 and GBK mean GB18030.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from site_gen import regexes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_WHATWG = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "windows-1252": "cp1252",
    "iso-8859-9": "cp1254",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "big5": "big5hkscs",
    "shift_jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "windows-31j": "cp932",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "tis-620": "cp874",
    "iso-8859-11": "cp874",
    "utf8": "utf-8",
    # A page cannot declare UTF-16 in a <meta> it could be read by: browsers take UTF-8.
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
    "unicode": "utf-8",
    "x-user-defined": "cp1252",
}
# <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">
_META_CHARSET = regexes.compile(
    rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    note: str | None = None  # a warning for the user when the decoding was a guess


def declared_html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 64 KiB of ``<meta>`` tags, if any."""
    head = data[:65536]
    for match in _META_CHARSET.finditer(head):
        label = match.group(1).decode("ascii", "ignore").strip().lower()
        if label:
            return label
    return None


def codec_for(label: str) -> str | None:
    """The Python codec for a declared charset label, or None when Python has none."""
    name = _WHATWG.get(label.lower(), label.lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, html: bool = False) -> Decoded:
    """Decode a file's bytes; never raises (the last resort decodes every byte)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(codec), codec)
            except UnicodeDecodeError:
                break
    if html:
        found = _decode_declared(data)
        if found:
            return found
    # UTF-16 before UTF-8: UTF-16 text of ASCII or Cyrillic letters is also valid UTF-8 (full of
    # NULs and control characters); real UTF-8 text has no NUL bytes, so this costs nothing.
    utf16 = _guess_utf16(data) if b"\x00" in data[:4096] else None
    if utf16:
        return utf16
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mixed = _mostly_utf8(data)
    if mixed:
        return mixed
    return _guess(data)


def _has_nul(data: bytes) -> bool:
    return b"\x00" in data[:4096]


_UTF8_SEQUENCE = regexes.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_HIGH_BYTE = regexes.compile(rb"[\x80-\xff]")


def _stray_as_cp1252(error: UnicodeDecodeError) -> tuple[str, int]:
    """Codec error handler: the bytes UTF-8 cannot read, read one by one as Windows-1252."""
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="replace").replace("\ufffd", ""), error.end


_STRAY_CP1252 = "site-gen-stray-cp1252"
codecs.register_error(_STRAY_CP1252, _stray_as_cp1252)


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few bytes of a legacy encoding mixed in: each stray byte read as
    Windows-1252 (evidence: at least as many valid UTF-8 sequences as stray bytes)."""
    sequences = len(_UTF8_SEQUENCE.findall(data))
    covered = sum(len(m) for m in _UTF8_SEQUENCE.findall(data))
    stray = len(_HIGH_BYTE.findall(data)) - covered
    if sequences < 3 or stray <= 0 or sequences < stray:
        return None
    text = data.decode("utf-8", errors=_STRAY_CP1252)
    note = f"mostly UTF-8 with {stray} byte(s) of another encoding, read as Windows-1252"
    return Decoded(text, "utf-8", note)


def _decode_declared(data: bytes) -> Decoded | None:
    label = declared_html_charset(data)
    codec = codec_for(label) if label else None
    if not codec:
        return None
    if codec != "utf-8" and not data.isascii() and not _has_nul(data):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            note = f"declares {label}, but its bytes are UTF-8: read as UTF-8"
            return Decoded(text, "utf-8", note)
    if codec == "utf-8":
        try:
            return Decoded(data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            return None  # declared UTF-8 but is not: fall through to guessing
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return _undecodable_declaration(data, codec, label)
    return _weigh_declaration(data, Decoded(text, codec), label)


# Mess is charset-normalizer's measure of unlikely characters in a text (symbols inside words,
# accents piled on accents, letters of two scripts in one word, case flipping in mid-word...):
# near 0 for text read with its own charset, far above for mojibake. A declaration whose
# reading is this tidy is kept without asking the guesser (most legacy pages stop here).
_TIDY = 0.01
# A declared charset that reads cleanly is overruled only by a reading at least this much
# tidier: siblings (Latin-1 and Latin-2, Windows and ISO Cyrillic) differ in a few letters,
# and a right declaration must never lose to a guess over noise (one that cannot decode the
# bytes keeps them only when its reading is this much tidier than any other)...
_CLEARLY_TIDIER = 0.03
# ... and only by a reading that is itself this tidy: text full of symbols (a price list, a
# table of units) is messy in any reading, and its declaration stands.
_TEXT_LIKE = 0.05
# Fewer non-ASCII bytes than this (a copyright sign, a name with an accent) are too little text
# to judge a declaration by: it stands.
_MIN_EVIDENCE = 8
# Symbols that mojibake puts between two letters and text does not (the acute accent and the
# multiplication sign are left out: "gibt´s", "Kunst×Bau"); two of them make a reading
# at least this messy.
_SYMBOL_IN_WORD = regexes.compile(r"(?<=[^\W\d_])[¹²³¼½¾¤¦¨¯¸¬±÷¢£¥§¶©®°¿¡](?=[^\W\d_])")
_SYMBOLS_IN_WORDS_MESS = 0.1
_TAG_MARK = regexes.compile(rb"[<>]")
_SAMPLE_BYTES = 32768


def _evidence_sample(data: bytes) -> bytes:
    """The runs between tags that hold non-ASCII bytes, about 32 KiB of them: where readings
    differ (ASCII markup reads the same in every candidate and would only dilute the mess).
    Runs end at ``<`` and ``>``, and a long one is cut before a byte below 0x40: neither is
    ever the second byte of a CJK character, so each run decodes on its own as the file does."""
    runs: list[bytes] = []
    size = 0
    pos = 0
    while size < _SAMPLE_BYTES:
        high = _HIGH_BYTE.search(data, pos)
        if not high:
            break
        start = max(data.rfind(b"<", pos, high.start()), data.rfind(b">", pos, high.start()))
        mark = _TAG_MARK.search(data, high.end())
        end = mark.start() if mark else len(data)
        run = _cut(data[max(start + 1, pos) : end].strip(), _SAMPLE_BYTES - size)
        runs.append(run)
        size += len(run) + 1
        pos = end + 1
    return b"\n".join(runs)


def _cut(run: bytes, limit: int) -> bytes:
    """At most ``limit`` bytes of ``run``, ending before a byte below 0x40 (never the middle
    of a multi-byte character)."""
    if len(run) <= limit:
        return run
    end = limit
    while end > 0 and run[end] >= 0x40:
        end -= 1
    return run[:end]


@dataclass(frozen=True)
class _Reading:
    codec: str
    errors: str  # "strict", or the handler that reads stray bytes in UTF-8 as Windows-1252
    mess: float

    def decode(self, data: bytes) -> str:
        return data.decode(self.codec, errors=self.errors)


def _mess(sample: bytes, codec: str, errors: str = "strict") -> float | None:
    """How messy ``sample`` reads in ``codec`` (None when it does not decode): the mess
    measure, and at least ``_SYMBOLS_IN_WORDS_MESS`` for a reading with symbols inside words,
    which the measure lets pass (it takes ³ and ¹, Polish ł and ą read as Windows-1252, for
    digits: ``zatwierdzi³a``)."""
    from charset_normalizer.md import mess_ratio

    try:
        text = sample.decode(codec, errors=errors)
    except (UnicodeDecodeError, LookupError):
        return None
    mess = mess_ratio(text, maximum_threshold=1.0) if text else 0.0
    if len(_SYMBOL_IN_WORD.findall(text)) >= 2:
        return max(mess, _SYMBOLS_IN_WORDS_MESS)
    return mess


def _tidiest_reading(data: bytes, sample: bytes, declared: str) -> _Reading | None:
    """The tidiest reading of the whole file other than ``declared``, among: UTF-8 with stray
    legacy bytes (when the file has the UTF-8 sequences to show for it), Windows-1252 (the
    web's default, which wins ties: the guesser mixes up Latin siblings on short texts) and
    charset-normalizer's best guess for the sample."""
    candidates = [("cp1252", "strict")]
    if _mostly_utf8(data):
        candidates.insert(0, ("utf-8", _STRAY_CP1252))
    guess = _guesser_codec(sample)
    if guess:
        candidates.append((guess, "strict"))
    found: _Reading | None = None
    for codec, errors in candidates:
        mess = _mess(sample, codec, errors) if codec != declared else None
        if mess is None or (found and mess >= found.mess) or not _decodes(data, codec, errors):
            continue
        found = _Reading(codec, errors, mess)
    return found


# The legacy encodings a browser can read a page in (the WHATWG Encoding Standard, with the
# supersets Python reads them by): a page cannot be in any other (DOS or old Mac code pages),
# however tidy such a reading may look to the guesser.
_WEB_ENCODINGS = [
    *(f"cp{n}" for n in range(1250, 1259)),
    *(f"iso8859_{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)),
    *("koi8_r", "koi8_u", "cp866", "mac_roman", "mac_cyrillic", "cp874"),
    *("gb18030", "big5hkscs", "euc_jp", "cp932", "cp949"),
]


def _guesser_codec(sample: bytes) -> str | None:
    """charset-normalizer's best guess among the web's encodings, blind to the page's own
    declaration."""
    try:
        from charset_normalizer import from_bytes

        # A threshold above the default 0.2: the guesser judges 512-byte chunks, and a chunk of
        # a right reading can look messy (katakana loan words, CSS comments); the tidiness
        # that decides is measured over the whole sample here.
        matches = from_bytes(
            sample, threshold=0.5, cp_isolation=_WEB_ENCODINGS, preemptive_behaviour=False
        )
        best = matches.best()
    except Exception:  # a guesser failing must not fail the file
        return None
    if best is None or not best.encoding:
        return None
    return codec_for(best.encoding)


def _decodes(data: bytes, codec: str, errors: str = "strict") -> bool:
    try:
        data.decode(codec, errors=errors)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _weigh_declaration(data: bytes, declared: Decoded, label: str) -> Decoded:
    """The declared reading, unless it is messy and another reading is clearly tidier (a page
    declaring windows-1252 or koi8-r whose bytes are Windows-1251 reads as mojibake)."""
    if data.isascii():
        return declared
    sample = _evidence_sample(data)
    if len(_HIGH_BYTE.findall(sample)) < _MIN_EVIDENCE:
        return declared
    mess = _mess(sample, declared.encoding)
    if mess is None or mess < _TIDY:
        return declared
    other = _tidiest_reading(data, sample, declared.encoding)
    if other is None or other.mess > min(mess - _CLEARLY_TIDIER, _TEXT_LIKE):
        return declared
    name = _name(other)
    note = f"declares {label}, but its bytes read far more cleanly as {name}: read as {name}"
    return Decoded(other.decode(data), other.codec, note)


def _undecodable_declaration(data: bytes, codec: str, label: str) -> Decoded:
    """Bytes the declared charset cannot read: the tidiest other reading of them, unless the
    declared one (its undecodable bytes left out) is clearly tidier, as for a damaged page in
    its own charset, which alone is read with replacement characters."""
    sample = _evidence_sample(data)
    mess = _mess(sample, codec, errors="ignore")
    other = _tidiest_reading(data, sample, codec)
    if other is not None and (mess is None or other.mess <= mess + _CLEARLY_TIDIER):
        note = f"declares {label}, but its bytes are not valid {label}; read as {_name(other)}"
        return Decoded(other.decode(data), other.codec, note)
    text = data.decode(codec, errors="replace")
    return Decoded(text, codec, f"some bytes are not valid {label}; they were replaced")


def _name(reading: _Reading) -> str:
    if reading.errors == _STRAY_CP1252:
        return "UTF-8 (with a few Windows-1252 bytes)"
    return reading.codec


def _guess_utf16(data: bytes) -> Decoded | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) / 2
    # The high bytes of UTF-16 are NUL for Latin text; for other scripts (Cyrillic: 0x04) only
    # spaces and punctuation have them, so a tenth of NULs on one side only is enough, when
    # the result then reads as text.
    codec = "utf-16-le" if odd_nuls > 0.1 * half and even_nuls < 0.02 * half else None
    if even_nuls > 0.1 * half and odd_nuls < 0.02 * half:
        codec = "utf-16-be"
    if not codec:
        return None
    try:
        text = data[: len(data) // 2 * 2].decode(codec)
    except UnicodeDecodeError:
        return None
    shown = text[:2000]
    if sum(c.isprintable() or c.isspace() for c in shown) < 0.95 * len(shown):
        return None
    return Decoded(text, codec, "no byte-order mark; read as UTF-16 (a guess)")


def _looks_western(text: str) -> bool:
    """Windows-1252 output that reads as Latin text: accented letters and typographic marks."""
    odd = [c for c in text if ord(c) > 127]
    if not odd:
        return True
    fine = sum(1 for c in odd if c.isalpha() or c in "“”‘’–—…€•°«»·×÷§¶©®™¿¡£¥¢")
    letters = sum(1 for c in text if c.isalpha()) or 1
    # In Latin text accented letters are a minority; Cyrillic or Greek read as 1252 is all accents.
    accented = sum(1 for c in odd if c.isalpha())
    return (
        fine >= 0.95 * len(odd)
        and accented < 0.25 * letters
        and not any("\x80" <= c <= "\x9f" for c in odd)
    )


def _guess(data: bytes) -> Decoded:
    # Windows-1252 is the most common non-UTF-8 encoding of Latin text (and what browsers assume);
    # guessers confuse it with its Central European siblings on short texts.
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _looks_western(western):
        return Decoded(western, "cp1252", "not UTF-8; read as Windows-1252 (a guess)")
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
    except Exception:  # a guesser failing must not fail the file
        best = None
    if best is not None and best.encoding:
        codec = codec_for(best.encoding) or "cp1252"
        try:
            return Decoded(data.decode(codec), codec, f"not UTF-8; read as {codec} (a guess)")
        except UnicodeDecodeError:
            pass
    text = data.decode("cp1252", errors="replace")
    return Decoded(text, "cp1252", "not UTF-8; read as Windows-1252 (a guess)")


def looks_binary(text: str) -> bool:
    """True when decoded text is mostly not text (control characters, undecodable bytes): an
    image, an archive or a damaged file, which no reading can turn into an article."""
    sample = text[:10000]
    if not sample:
        return False
    return len(_NOT_TEXT.findall(sample)) > 0.1 * len(sample)


# Control characters other than the spaces (tab, line feed, vertical tab, form feed, carriage
# return), and the replacement character: what text is not made of.
_NOT_TEXT = regexes.compile("[\x00-\x08\x0e-\x1f\ufffd]")
