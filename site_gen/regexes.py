"""The project's own regular expressions, compiled once per installation instead of once per
process.

Compiling a regular expression means parsing it and turning it into a program for the
interpreter's matching engine; the modules of the reader and the quote extractor hold about
430 of them, and compiling them was about 0.3 s of every ``site-gen inspect`` (and of every
worker process of a build). ``compile`` keeps each program in a file beside the compiled
extractor (``<venv>/site-gen-accel/regex-<tag>.marshal``, or ``SITE_GEN_ACCEL_DIR``): the next
process hands the stored program to the engine, which checks it, and skips the parsing.

Only patterns fixed when a module is imported go through here (patterns made from an
article's words use ``re.compile`` and its own in-process cache). The file is named by the
Python build and the engine's version: another interpreter never reads it. A missing,
unreadable, corrupt or foreign file is ignored, a program the engine refuses is compiled
anew, and a folder that cannot be written leaves everything as it was: the file only ever saves
time, the patterns are the same either way. It is written at exit, atomically, when this
process compiled a pattern it did not hold; it is safe to delete.
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, AnyStr

from site_gen.installation import install_dir

_FORMAT = 1
_MAX_ENTRIES = 5000  # more than that and only what this process used is kept

try:  # the engine's own pieces: present in CPython 3.11 to 3.13, checked before use
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _ENGINE = f"{_sre.MAGIC}-{_sre.CODESIZE}-{_compiler.MAXGROUPS}"
    _ENGINE_PARTS = callable(getattr(_parser, "parse", None)) and callable(
        getattr(_compiler, "_code", None)
    )
except (ImportError, AttributeError):  # another implementation: compile as usual
    _ENGINE_PARTS = False
    _ENGINE = ""

Program = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]
Key = tuple[str | bytes, int]

_stored: dict[Key, Program] | None = None  # read on first use
_new: set[Key] = set()  # compiled here, not yet in the file
_used: set[Key] = set()


def longest_first(words: Iterable[str]) -> list[str]:
    """Words for an alternation: the longest first (so "autorin" is tried before "autor"), ties
    in alphabetical order, so that a pattern built from a set is the same string in every
    process (a set's order is not) and its stored program is found again."""
    return sorted(words, key=lambda w: (-len(w), w))


def cache_file() -> Path:
    tag = hashlib.sha256(f"{_FORMAT}\0{sys.version}\0{_ENGINE}".encode()).hexdigest()[:16]
    return install_dir() / f"regex-{tag}.marshal"


def compile(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:  # noqa: A001 - re's name
    """``re.compile(pattern, flags)``, from the stored program when there is one."""
    flags = int(flags)
    key: Key = (pattern, flags)
    if not _ENGINE_PARTS or not isinstance(pattern, str | bytes):
        return re.compile(pattern, flags)
    _used.add(key)
    program = _programs().get(key)
    if program is not None:
        try:
            final_flags, code, groups, groupindex, indexgroup = program
            compiled = _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)
            if compiled.pattern == pattern and compiled.groups == groups:
                return compiled
        except Exception:  # noqa: BLE001 - a program the engine refuses: compile it anew
            pass
    if not _new:
        atexit.register(_save)
    _new.add(key)
    return re.compile(pattern, flags)


def _programs() -> dict[Key, Program]:
    global _stored
    if _stored is None:
        _stored = {}
        try:
            data = marshal.loads(cache_file().read_bytes())
            if isinstance(data, dict) and data.get("engine") == _ENGINE:
                programs = data.get("programs")
                if isinstance(programs, dict):
                    _stored = programs
        except Exception:  # noqa: BLE001 - missing, unreadable or corrupt: start empty
            _stored = {}
    return _stored


def program(pattern: str | bytes, flags: int) -> Program:
    """What ``re`` hands the engine for ``pattern``: its flags, code, group count and names
    (the steps of ``re._compiler.compile``)."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = {str(name): int(i) for name, i in parsed.state.groupdict.items()}
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex,
            tuple(indexgroup))


def _save() -> None:
    """Add this process's new programs to the file (written whole to a temporary file in the
    same folder, then renamed over it); any trouble leaves the file as it was."""
    try:
        programs = dict(_programs())
        for key in sorted(_new, key=repr):
            programs[key] = program(*key)
        if len(programs) > _MAX_ENTRIES:
            programs = {key: value for key, value in programs.items() if key in _used}
        target = cache_file()
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(marshal.dumps({"engine": _ENGINE, "programs": programs}))
            os.chmod(temporary, 0o644)  # mkstemp's 0600 would hide it from other users
            os.replace(temporary, target)
        except BaseException:
            os.unlink(temporary)
            raise
    except Exception:  # noqa: BLE001 - read-only installation, full disk: nothing saved
        return
