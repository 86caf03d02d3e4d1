"""Language and text direction: declared when trustworthy, else detected from the text.

Declared languages (front matter, sidecar, ``<html lang>``) are often wrong in one direction:
templates say "en" on pages written in isiZulu. So a declared language is checked against
detection (py3langid, whose model ships with it; loaded once, on first use) and replaced when
the detector is confident and disagrees on a text long enough to judge. Scripts settle what
detectors confuse: Persian and Urdu letters inside Arabic script, kana for Japanese, hangul.
"""

from __future__ import annotations

import lzma
import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

from site_gen import regexes
from site_gen.installation import install_dir
from site_gen.model import Direction

RTL_LANGS = frozenset(
    {"ar", "fa", "he", "iw", "ur", "ps", "sd", "yi", "dv", "ckb", "ug", "ku-arab"}
)

_ARABIC = regexes.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_PERSIAN_ONLY = regexes.compile(r"[پچژگ]")  # letters Arabic does not use (ی ک also appear in Urdu)
_PERSIAN_YEH = regexes.compile(r"[یک]")
_URDU_ONLY = regexes.compile(r"[ٹڈڑںےۓھ]")
_HEBREW = regexes.compile(r"[\u0590-\u05ff]")
_KANA = regexes.compile(r"[\u3040-\u30ff]")
_HANGUL = regexes.compile(r"[\uac00-\ud7af]")
_LETTER = regexes.compile(r"[^\W\d_]")
_LANG_TAG = regexes.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
_SIMPLIFIED = frozenset("这为们说国来时会过还样没发进现经对问关动产种开长门车东")
_TRADITIONAL = frozenset("這為們說國來時會過還樣沒發進現經對問關動產種開長門車東")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    model = Path(MODEL_FILE)
    model = model if model.is_absolute() else MODEL_DIR / model
    try:
        return _from_unpacked(LanguageIdentifier, model)
    except Exception:  # noqa: BLE001 - any trouble with the unpacked copy: the shipped model
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _from_unpacked(identifier_class, model: Path):
    """The language model from an unpacked copy of the shipped one (the shipped file is LZMA
    compressed: unpacking it costs half a second in every process). The copy is a folder of
    one ``.npy`` file per array beside the compiled extractor in the installation
    (``<venv>/site-gen-accel``, or ``SITE_GEN_ACCEL_DIR``), named by the shipped file's size and
    time; it is made once, atomically, and skipped when that folder cannot be written. The
    arrays are memory-mapped, not read out of a zip archive: no checksum over 68 MB and no copy
    of the 28 MB probability table, which processes share from the disk cache."""
    import numpy as np
    from py3langid.modelio import _to_array

    stat = model.stat()
    unpacked = install_dir() / f"langid-{stat.st_size}-{int(stat.st_mtime)}"
    if not (unpacked / _UNPACKED).is_file():
        _unpack(model, unpacked)

    def array(name: str):
        return np.asarray(np.load(unpacked / f"{name}.npy", mmap_mode="r", allow_pickle=False))

    return identifier_class(
        array("ptc"), array("pc"), array("classes").tolist(), _to_array(array("nextmove")),
        array("out_feat").tolist(), norm_probs=True, tk_row=_to_array(array("nextmove_row")))


def release_model() -> None:
    """Drop the loaded model (about 40 MB copied into memory, and the mapping of the rest): a
    build that has read its files needs it no more. The next detection loads it again."""
    _identifier.cache_clear()


_UNPACKED = "complete"  # the last file written before the folder is renamed into place


def _unpack(model: Path, unpacked: Path) -> None:
    """Write the arrays of the shipped model into ``unpacked``: made in a temporary folder
    beside it and renamed into place whole; when another process got there first, its copy
    stays."""
    import numpy as np

    unpacked.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=unpacked.parent, prefix=f".{unpacked.name}-"))
    try:
        with tempfile.TemporaryFile(dir=work) as npz:
            with lzma.open(model) as src:
                shutil.copyfileobj(src, npz, length=1 << 20)
            npz.seek(0)
            with np.load(npz, allow_pickle=False) as data:
                for name in data.files:
                    np.save(work / f"{name}.npy", data[name], allow_pickle=False)
        (work / _UNPACKED).write_text("", encoding="utf-8")
        for child in work.iterdir():
            os.chmod(child, 0o644)
        os.chmod(work, 0o755)
        try:
            os.rename(work, unpacked)
        except OSError:  # there already: another process unpacked it meanwhile
            if not (unpacked / _UNPACKED).is_file():
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)


def clean_tag(tag: str | None) -> str | None:
    """A BCP 47 tag from a declared value ("en_US" -> "en-US"); None when it is not one."""
    if not tag:
        return None
    value = tag.strip().replace("_", "-")
    if not _LANG_TAG.match(value) or value.casefold() in ("und", "mul", "xx", "zxx"):
        return None
    head, _, rest = value.partition("-")
    return head.lower() + ("-" + rest if rest else "")


def _by_script(sample: str) -> str | None:
    letters = len(_LETTER.findall(sample)) or 1
    if len(_ARABIC.findall(sample)) > 0.5 * letters:
        if _URDU_ONLY.search(sample):
            return "ur"
        if _PERSIAN_ONLY.search(sample) or len(_PERSIAN_YEH.findall(sample)) > 3:
            return "fa"
        return None  # Arabic script without Persian letters: let the model choose (ar, fa ...)
    if len(_HEBREW.findall(sample)) > 0.5 * letters:
        return "he"
    if len(_KANA.findall(sample)) > 0.05 * letters:
        return "ja"
    if len(_HANGUL.findall(sample)) > 0.3 * letters:
        return "ko"
    return None


def detect(text: str) -> tuple[str | None, float]:
    """(language code, confidence 0..1) of ``text``; (None, 0) when there is too little text."""
    sample = text[:3000]
    if len(_LETTER.findall(sample)) < 20:
        return None, 0.0
    script = _by_script(sample)
    if script:
        return script, 1.0
    lang, prob = _identifier().classify(sample)
    if lang == "zh":
        lang = _chinese_variant(sample)
    return lang, float(prob)


def _chinese_variant(sample: str) -> str:
    simp = sum(1 for c in sample if c in _SIMPLIFIED)
    trad = sum(1 for c in sample if c in _TRADITIONAL)
    return "zh-TW" if trad > simp * 2 and trad >= 3 else "zh"


def choose_language(declared: str | None, text: str) -> str | None:
    """The article's language: the declared tag unless detection clearly says otherwise."""
    tag = clean_tag(declared)
    detected, confidence = detect(text)
    if tag is None:
        return detected
    if detected is None:
        return tag
    primary = tag.split("-")[0]
    if primary == detected.split("-")[0] or _related(primary, detected.split("-")[0]):
        return tag
    long_enough = len(text) >= 200
    return detected if long_enough and confidence >= 0.9 else tag


def _related(a: str, b: str) -> bool:
    groups = ({"no", "nb", "nn", "da"}, {"ms", "id"}, {"hr", "sr", "bs"}, {"zh", "yue"})
    return any(a in g and b in g for g in groups)


def direction(lang: str | None, text: str = "") -> Direction:
    """ "rtl" for right-to-left languages (or, without a language, mostly RTL letters)."""
    if lang:
        return "rtl" if lang.split("-")[0].lower() in RTL_LANGS else "ltr"
    sample = text[:2000]
    letters = len(_LETTER.findall(sample)) or 1
    rtl = len(_ARABIC.findall(sample)) + len(_HEBREW.findall(sample))
    return "rtl" if rtl > 0.5 * letters else "ltr"
