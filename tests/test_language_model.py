"""The language model read from an unpacked (memory-mapped) copy gives what the shipped model
gives; the copy is made once, atomically, and a folder that cannot be written falls back to the
shipped file."""

from __future__ import annotations

from pathlib import Path

import pytest
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from site_gen.reader import language

SAMPLES = [
    "The harbour board voted on Tuesday to open a ferry line to the island next spring.",
    "Der Hafenrat hat am Dienstag beschlossen, im nächsten Frühjahr eine Fährlinie zu eröffnen.",
    "Le conseil du port a voté mardi l'ouverture d'une ligne de ferry vers l'île au printemps.",
]


def _model() -> Path:
    model = Path(MODEL_FILE)
    return model if model.is_absolute() else MODEL_DIR / model


def test_the_unpacked_copy_classifies_as_the_shipped_model(tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_GEN_ACCEL_DIR", str(tmp_path))
    unpacked = language._from_unpacked(LanguageIdentifier, _model())
    shipped = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    for text in SAMPLES:
        assert unpacked.classify(text) == pytest.approx(shipped.classify(text))
    copies = list(tmp_path.glob("langid-*"))
    assert len(copies) == 1 and not list(tmp_path.glob(".*"))  # no unfinished folder left
    assert sorted(p.name for p in copies[0].iterdir()) == [
        "classes.npy", "complete", "nextmove.npy", "nextmove_row.npy", "out_feat.npy", "pc.npy",
        "ptc.npy"]
    before = {p.name: p.stat().st_mtime_ns for p in copies[0].iterdir()}
    language._from_unpacked(LanguageIdentifier, _model())  # made once, then read
    assert {p.name: p.stat().st_mtime_ns for p in copies[0].iterdir()} == before


def test_a_folder_that_cannot_be_made_falls_back_to_the_shipped_model(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SITE_GEN_ACCEL_DIR", str(blocker / "accel"))
    language._identifier.cache_clear()
    try:
        assert language.detect(SAMPLES[1])[0] == "de"
    finally:
        language._identifier.cache_clear()
    assert not (tmp_path / "accel").exists()
