"""The reader's output types (re-exported by ``site_gen.reader``)."""

from __future__ import annotations

from dataclasses import dataclass

from site_gen.model import Diagnostic, Document

__all__ = ["Document", "ReadResult"]


@dataclass(frozen=True)
class ReadResult:
    document: Document | None  # None when the file could not be read at all
    diagnostics: tuple[Diagnostic, ...] = ()
