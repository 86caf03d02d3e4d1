"""``site-gen inspect``: what the reader and the quote extractor made of some files, as data.

The JSON schema (one object per article; JSON Lines when there are several) is documented in the
README and kept stable: flat metadata fields first (title, source, author, date, lang, dir,
paragraphs, license, dateline), then provenance (file, sha256, attribution, url, published,
event_date, date_basis), the quotes with their archive-level speaker names, and the article's
speakers: each in-article name with its forms, the archive-wide speaker it became and the rule
that chose it (``basis``: "full name", "surname of the one full name with it", ...).
"""

from __future__ import annotations

from typing import Any

from site_gen.archive import Archive
from site_gen.model import Article, Diagnostic, Quote

SCHEMA_VERSION = 1


def article_record(
    a: Article, archive: Archive, diagnostics: list[Diagnostic] | None = None
) -> dict[str, Any]:
    """The article as data; ``diagnostics`` (all messages of the run) adds its own messages."""
    src = archive.source(a.source_id) if a.source_id else None
    statement_of = archive.stories.statement_of
    speaker_of = {q.speaker_key: q.speaker_id for q in a.quotes if q.speaker_key}
    record = {
        "schema": SCHEMA_VERSION,
        "file": a.path,
        "id": a.id,
        "format": a.format,
        "sha256": a.sha256,
        "title": a.title,
        "title_derived": a.title_derived,
        "source": src.name if src else a.source_name,
        "source_id": a.source_id,
        "author": list(a.authors),
        "date": a.date,
        "date_basis": a.date_basis,
        "published": a.published,
        "event_date": a.event_date,
        "lang": a.lang,
        "dir": a.dir,
        "dateline": a.dateline,
        "license": a.license,
        "attribution": a.attribution,
        "url": a.url,
        "standfirst": a.standfirst,
        "paragraphs": [p.text for p in a.paragraphs],
        "notes": list(a.notes),
        "quotes": [
            {
                "id": q.id,
                "speaker": archive.speaker(q.speaker_id).name if q.speaker_id else None,
                "speaker_id": q.speaker_id,
                "mention": q.mention,
                "text": _original_text(a, q),
                "kind": q.kind,
                "cue": q.cue,
                "paragraph": q.paragraph,
                "start": q.source_start,
                "end": q.source_end,
                "statement_id": statement_of.get((a.id, q.id)),
            }
            for q in a.quotes
        ],
        "speakers": [
            {
                "key": sm.key,
                "forms": list(sm.forms),
                "description": sm.description,
                "speaker_id": (sid := speaker_of.get(sm.key)),
                "speaker": archive.speaker(sid).name if sid else None,
                "basis": archive.speaker_basis.get((a.id, sm.key)),
            }
            for sm in a.speakers
        ],
        "story_id": archive.stories.story_of.get(a.id),
        "duplicates": list(a.also_paths),
    }
    if diagnostics is not None:
        files = (a.path, *a.also_paths)
        record["diagnostics"] = [d.format() for d in diagnostics if d.path in files]
    return record


def _original_text(a: Article, q: Quote) -> str:
    """The quote exactly as the input file has it (the displayed text may differ in spacing)."""
    if q.original is not None:
        return q.original
    if q.source_start is not None and q.source_end is not None and a.raw_text:
        return a.raw_text[q.source_start : q.source_end]  # an article made elsewhere
    return q.text


def failed_record(path: str, diagnostics: list[Diagnostic]) -> dict[str, Any]:
    return {
        "schema": SCHEMA_VERSION,
        "file": path,
        "error": "; ".join(d.message for d in diagnostics if d.path == path) or "not read",
        "diagnostics": [d.format() for d in diagnostics if d.path == path],
    }


def text_report(rec: dict[str, Any]) -> str:
    """The same record for a person at a terminal."""
    if "error" in rec:
        return f"{rec['file']}: not read: {rec['error']}"
    lines = [f"{rec['file']}"]
    for key in (
        "title",
        "source",
        "author",
        "license",
        "dateline",
        "date",
        "date_basis",
        "published",
        "event_date",
        "lang",
        "dir",
        "url",
        "attribution",
    ):
        value = rec[key]
        if value not in (None, [], ""):
            lines.append(
                f"  {key + ':':12} {', '.join(value) if isinstance(value, list) else value}"
            )
    lines.append(f"  paragraphs:  {len(rec['paragraphs'])}")
    for i, p in enumerate(rec["paragraphs"], 1):
        lines.append(f"    {i:>3}. {p[:100]}{'…' if len(p) > 100 else ''}")
    lines.append(f"  quotes:      {len(rec['quotes'])}")
    for q in rec["quotes"]:
        who = q["speaker"] or "(unnamed)"
        lines.append(f"    {q['id']:>4} {q['kind']:8} {who}: {q['text'][:90]}")
    for d in rec["diagnostics"]:
        lines.append(f"  {d}")
    return "\n".join(lines)
