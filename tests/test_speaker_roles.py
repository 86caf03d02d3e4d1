"""Descriptions of a speaker in the user's speakers.toml (``roles``): an article that names the
person and then says "the harbour chief said" quotes that person; without the role, or in an
article that does not name the person, nobody; a role that is no regular expression is an
error naming the file and the line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from site_gen.quotes.speakers import load_pins

ARTICLE = (
    "Ferry line approved\n\n"
    "Ilse Marrow opened the meeting of the Velmar harbour board on Tuesday.\n\n"
    "\u201cThe ferry will run every day from May,\u201d the harbour chief said.\n"
)
OTHER = (
    "Ferry fares\n\n"
    "Fares were set on Wednesday.\n\n"
    "\u201cTickets will cost the same as the bus,\u201d the harbour chief said.\n"
)
PIN = '[[speaker]]\nname = "Ilse Marrow"\nroles = ["(?:velmar )?harbour chief"]\n'


def _speakers(root: Path) -> dict[str, list]:
    proc = subprocess.run([sys.executable, "-m", "site_gen", "inspect", "content", "--json"],
                          cwd=root, capture_output=True, text=True, check=True)
    text = proc.stdout.strip()
    records = [json.loads(text)] if text.startswith("{\n") else [
        json.loads(line) for line in text.splitlines()]  # one file: one indented object
    return {rec["file"]: [q["speaker"] for q in rec["quotes"] if q["kind"] == "direct"]
            for rec in records}


def test_a_role_in_speakers_toml_means_the_person_an_article_names(make_project):
    root = make_project({"content/a.txt": ARTICLE, "content/b.txt": OTHER,
                         "speakers.toml": PIN, "site.toml": 'content = "content"\n'})
    found = _speakers(root)
    assert found["a.txt"] == ["Ilse Marrow"]
    assert found["b.txt"] == [None]  # the article does not name her


def test_without_the_role_the_description_stays_unnamed(make_project):
    root = make_project({"content/a.txt": ARTICLE, "site.toml": 'content = "content"\n'})
    assert _speakers(root)["a.txt"] == [None]


def test_a_role_that_is_no_regular_expression_names_file_and_line():
    data = b'# roles\n\n[[speaker]]\nname = "Ilse Marrow"\nroles = ["harbour (chief"]\n'
    with pytest.raises(ValueError, match=r"speakers\.toml:3: role 'harbour \(chief'"):
        load_pins(data, "speakers.toml")
