"""The default install reads, extracts quotes and builds with no network and no downloaded
model: the build runs with every socket refused and an empty home folder (no model caches)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_RUN = r"""
import socket, sys
def refuse(*a, **k):
    raise OSError("network refused by the test")
socket.socket = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from site_gen.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_build_and_inspect_need_no_network_and_no_model(tmp_path: Path) -> None:
    env = {**os.environ, "HOME": str(tmp_path / "home"), "XDG_CACHE_HOME": str(tmp_path / "c")}
    seeds = ROOT / "seeds"
    out = subprocess.run([sys.executable, "-c", _RUN, "inspect", str(seeds), "--json"],
                         env=env, capture_output=True, text=True, check=True).stdout
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 2 and all(r["quotes"] for r in records)
    assert {q["speaker"] for r in records for q in r["quotes"]} >= {"Ali Khamenei",
                                                                     "Ismail Haniyeh"}
    build = subprocess.run([sys.executable, "-c", _RUN, "build", "--content", str(seeds),
                            "--out", str(tmp_path / "site"), "-q"], env=env,
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    assert (tmp_path / "site" / "index.html").is_file()
