"""Data exports: quotes as JSON Lines and CSV (formula-safe), articles as JSON Lines."""

from __future__ import annotations

import csv
import io
import json

from site_gen.cli import main
from site_gen.exports import QUOTE_FIELDS, csv_cell

TEXT = (
    "=HYPERLINK(\"http://evil.example\") council vote\n\n"
    "\u201c=1+1 is what we voted for,\u201d said Jane Roe, the mayor, on Monday.\n\n"
    "\u201c-We will open the bridge in May,\u201d said Mark Doe.\n"
)


def test_exports_are_complete_and_formula_safe(make_project, monkeypatch):
    root = make_project({"content/a.txt": TEXT})
    monkeypatch.chdir(root)
    assert main(["build"]) == 0
    data = root / "build" / "data"
    quotes = [json.loads(line) for line in (data / "quotes.jsonl").read_text().splitlines()]
    assert len(quotes) == 2 and {q["speaker"] for q in quotes} == {"Jane Roe", "Mark Doe"}
    assert quotes[0]["text"].startswith("=1+1")  # JSON keeps the words as they are
    assert quotes[0]["page"].endswith("#" + quotes[0]["quote_id"])
    rows = list(csv.reader(io.StringIO((data / "quotes.csv").read_text())))
    assert tuple(rows[0]) == QUOTE_FIELDS and len(rows) == 3
    text_col = QUOTE_FIELDS.index("text")
    assert rows[1][text_col].startswith("'=1+1") and rows[2][text_col].startswith("'-We")
    articles = [json.loads(x) for x in (data / "articles.jsonl").read_text().splitlines()]
    assert len(articles) == 1 and len(articles[0]["quotes"]) == 2


def test_csv_cell():
    assert csv_cell("=cmd") == "'=cmd" and csv_cell("@x") == "'@x" and csv_cell("+1") == "'+1"
    assert csv_cell("plain") == "plain" and csv_cell(None) == "" and csv_cell(3) == "3"
    assert csv_cell("\x01=cmd") == "'=cmd"  # a control character cannot hide a formula


def test_each_article_page_has_a_json_twin_with_the_exported_data(make_project, monkeypatch):
    second = "Ferry news\n\n\u201cThe ferry runs again,\u201d said Ilse Marrow on Friday.\n"
    root = make_project({"content/a.txt": TEXT, "content/b.txt": second})
    monkeypatch.chdir(root)
    assert main(["build"]) == 0
    out = root / "build"
    articles = [json.loads(x) for x in (out / "data" / "articles.jsonl").read_text().splitlines()]
    quotes = [json.loads(x) for x in (out / "data" / "quotes.jsonl").read_text().splitlines()]
    assert len(articles) == 2
    for record in articles:
        page = out / record["page"]
        twin = json.loads((page.parent / "index.json").read_text())
        rows = twin.pop("quote_rows")
        assert twin == record  # the same record as the export's
        assert rows == [q for q in quotes if q["article_id"] == record["id"]]
        assert 'href="index.json" type="application/json"' in page.read_text()
