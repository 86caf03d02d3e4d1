"""Regular expressions compiled once per installation (``site_gen.regexes``): a process that
finds a stored program gets the very pattern ``re.compile`` makes; a missing, corrupt or
tampered file, or a folder that cannot be written, changes nothing but the time."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

PATTERNS = [
    (r"(?P<name>[A-Z][a-z]+)\s+said\b", 0),
    (r"^\s*(?:by|von|par)\s+", 2),  # re.IGNORECASE
    (r"(?x) \d{4} - \d{2}  # a year and a month", 0),
    (r"[\u00c0-\u00ff]+", 0),
]
SUBJECT = "Jane said so in 2024-05; BY Roe, Élodie"

# A process that compiles the patterns through the cache and reports, for each, whether it
# equals re.compile's and what it finds; then what the cache held and added.
CHILD = r"""
import json, re, sys
from site_gen import regexes
patterns = json.loads(sys.argv[1]); subject = sys.argv[2]
out = []
for pattern, flags in patterns:
    made = regexes.compile(pattern, flags)
    fresh = re.compile(pattern, flags)
    out.append([made == fresh, made.groupindex == fresh.groupindex,
                [m.group(0) for m in made.finditer(subject)]])
made = regexes.compile(rb"<h1(?=[\s>])", re.IGNORECASE)
out.append([made == re.compile(rb"<h1(?=[\s>])", re.IGNORECASE), True,
            [m.group(0).decode() for m in made.finditer(b"<H1 class=x><h1>")]])
print(json.dumps({"results": out, "stored": len(regexes._programs()), "new": len(regexes._new)}))
"""


def _run(accel_dir: Path) -> dict:
    env = {**os.environ, "SITE_GEN_ACCEL_DIR": str(accel_dir)}
    done = subprocess.run([sys.executable, "-c", CHILD, json.dumps(PATTERNS), SUBJECT], env=env,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _expected() -> list:
    import re

    found = [[True, True, [m.group(0) for m in re.finditer(p, SUBJECT, f)]] for p, f in PATTERNS]
    return [*found, [True, True, ["<H1", "<h1"]]]


def _cache_files(accel_dir: Path) -> list[Path]:
    return sorted(accel_dir.glob("regex-*.marshal"))


def test_a_stored_program_gives_the_pattern_re_compile_makes(tmp_path):
    first = _run(tmp_path)
    assert first["results"] == _expected()
    assert first["stored"] == 0 and first["new"] == len(PATTERNS) + 1
    (stored,) = _cache_files(tmp_path)
    assert not list(tmp_path.glob(".*"))  # no temporary file left
    second = _run(tmp_path)  # every program read from the file, none compiled anew
    assert second["results"] == _expected()
    assert second["stored"] == len(PATTERNS) + 1 and second["new"] == 0
    assert _cache_files(tmp_path) == [stored]


def test_a_corrupt_file_is_ignored_and_replaced(tmp_path):
    _run(tmp_path)
    (stored,) = _cache_files(tmp_path)
    stored.write_bytes(b"\x00not a marshal stream")
    again = _run(tmp_path)
    assert again["results"] == _expected() and again["stored"] == 0
    assert _run(tmp_path)["new"] == 0  # rewritten whole at the previous exit


def test_a_program_the_engine_refuses_is_compiled_anew(tmp_path):
    _run(tmp_path)
    (stored,) = _cache_files(tmp_path)
    data = marshal.loads(stored.read_bytes())
    for key, (flags, code, groups, groupindex, indexgroup) in data["programs"].items():
        data["programs"][key] = (flags, [255, *code[1:]], groups, groupindex, indexgroup)
    stored.write_bytes(marshal.dumps(data))
    again = _run(tmp_path)
    assert again["results"] == _expected()
    assert again["new"] == len(PATTERNS) + 1  # none of the refused programs was used


def test_a_file_for_another_engine_is_not_read(tmp_path):
    _run(tmp_path)
    (stored,) = _cache_files(tmp_path)
    data = marshal.loads(stored.read_bytes())
    data["engine"] = "another"
    stored.write_bytes(marshal.dumps(data))
    again = _run(tmp_path)
    assert again["results"] == _expected() and again["stored"] == 0


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_folder_that_cannot_be_written_changes_nothing(tmp_path):
    tmp_path.chmod(0o555)
    try:
        assert _run(tmp_path)["results"] == _expected()
        assert not list(tmp_path.iterdir())
    finally:
        tmp_path.chmod(0o755)


def test_a_blocked_folder_changes_nothing(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert _run(blocker / "accel")["results"] == _expected()


def test_the_project_patterns_from_the_file_equal_fresh_ones(tmp_path):
    """Every pattern the reader and the quote extractor compile on import, read back from the
    file by a second process, is the pattern ``re.compile`` makes (same code, flags, groups)."""
    child = r"""
import json, re, sys
from site_gen import regexes
import site_gen.analysis, site_gen.reader.html, site_gen.reader.markdown  # noqa: F401
if sys.argv[1] == "check":
    bad = [repr(p)[:80] for p, f in sorted(regexes._used, key=repr)
           if regexes.compile(p, f) != re.compile(p, f)]
    print(json.dumps({"used": len(regexes._used), "new": len(regexes._new), "bad": bad}))
"""
    env = {**os.environ, "SITE_GEN_ACCEL_DIR": str(tmp_path)}
    subprocess.run([sys.executable, "-c", child, "fill"], env=env, check=True)
    done = subprocess.run([sys.executable, "-c", child, "check"], env=env, check=True,
                          capture_output=True, text=True)
    report = json.loads(done.stdout)
    assert report["used"] > 300 and report["new"] == 0 and report["bad"] == []
