"""The command line: exit codes, messages naming bad files, atomic output, inspect."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from site_gen.cli import main
from tests.conftest import SEEDS


def test_help_everywhere(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--help"], ["build", "--help"], ["serve", "--help"], ["inspect", "--help"]):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 0
    assert "--content" in capsys.readouterr().out


def test_bad_usage_exits_2() -> None:
    for argv in ([], ["frobnicate"], ["build", "--no-such-flag"], ["serve", "--port", "x"]):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 2


def test_bad_config_exits_2(make_project, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project({"site.toml": "colour = 1\n"})
    assert main(["build", "--config", str(root / "site.toml")]) == 2
    assert "unknown setting 'colour'" in capsys.readouterr().err


def test_build_summary_and_path(make_project, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(seeds=True)
    assert main(["build", "--config", str(root / "site.toml")]) == 0
    out = capsys.readouterr().out
    assert "Built 2 articles, 2 speakers, 2 sources" in out
    assert f"Open {root / 'build' / 'index.html'}" in out


def test_verbose_build_prints_the_time_of_each_stage(make_project, capsys) -> None:
    root = make_project(seeds=True)
    assert main(["build", "-q", "--config", str(root / "site.toml")]) == 0
    assert "Stages:" not in capsys.readouterr().out

    def stages() -> list[str]:
        assert main(["build", "-q", "-v", "--config", str(root / "site.toml")]) == 0
        [line] = [x for x in capsys.readouterr().out.splitlines() if x.startswith("Stages:")]
        return [part.split()[0] for part in line.removeprefix("Stages: ").split(", ")]

    assert stages() == ["check"]  # nothing changed: the inputs' metadata is all it looked at
    next((root / "content").iterdir()).touch()
    assert stages() == [
        "check", "read", "process", "archive", "stories", "pages", "render", "search", "write",
        "record"]


def test_bad_file_is_named_and_the_rest_builds(make_project, capsys) -> None:
    root = make_project(
        {
            "content/broken.md": "---\ntitle: [unclosed\n---\nBody text.\n",
            "content/binary.txt": b"\xff\xfe\x00\xd8\x00\x00garbage\x00",
            "content/empty.txt": "",
        },
        seeds=True,
    )
    assert main(["build", "--config", str(root / "site.toml")]) == 0
    captured = capsys.readouterr()
    assert "broken.md" in captured.err
    assert "Built 2 articles" in captured.out or "Built 3 articles" in captured.out
    assert (root / "build" / "speakers" / "ali-khamenei" / "index.html").is_file()


def test_strict_turns_problems_into_a_failed_build(make_project, capsys) -> None:
    root = make_project({"content/broken.md": "---\ntitle: [unclosed\n---\nBody.\n"}, seeds=True)
    assert main(["build", "--strict", "--config", str(root / "site.toml")]) == 1
    assert not (root / "build").exists()


def test_failed_build_leaves_previous_build_untouched(make_project, capsys) -> None:
    root = make_project(seeds=True)
    cfg = str(root / "site.toml")
    assert main(["build", "--config", cfg]) == 0
    before = {p: p.read_bytes() for p in (root / "build").rglob("*") if p.is_file()}
    (root / "templates").mkdir()
    (root / "templates" / "article.html").write_text(
        "{% extends 'base.html' %}{% block main %}{{ nope"
    )
    assert main(["build", "--config", cfg]) == 1
    assert "article.html" in capsys.readouterr().out
    after = {p: p.read_bytes() for p in (root / "build").rglob("*") if p.is_file()}
    assert after == before
    hidden = [p.name for p in root.iterdir() if p.name.startswith(".")]
    assert [n for n in hidden if n != ".build-cache"] == []  # no temporary folder left


def test_missing_content_folder_fails(tmp_path: Path, capsys) -> None:
    assert main(["build", "--content", str(tmp_path / "nope"), "--out", str(tmp_path / "o")]) == 1
    assert "does not exist" in capsys.readouterr().out


def test_inspect_json_of_seed_002() -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "site_gen",
            "inspect",
            str(SEEDS / "002_c40be93e50b21434.txt"),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    rec = json.loads(proc.stdout)
    assert rec["source"] == "Mehr News Agency"
    assert rec["license"] == "CC-BY-4.0"
    assert rec["dateline"] == "Tehran"
    assert rec["date"] == "2023-06-21"
    assert rec["event_date"] == "2023-06-21"
    assert len(rec["paragraphs"]) > 3
    assert {q["speaker"] for q in rec["quotes"]} >= {"Ali Khamenei", "Ismail Haniyeh"}
    raw = (SEEDS / "002_c40be93e50b21434.txt").read_text(encoding="utf-8")
    for q in rec["quotes"]:
        assert raw[q["start"] : q["end"]] == q["text"]


def test_inspect_folder_gives_json_lines() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "site_gen", "inspect", str(SEEDS), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 2
    assert [json.loads(x)["source"] for x in lines] == ["Press TV", "Mehr News Agency"]


def test_inspect_text_report() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "site_gen", "inspect", str(SEEDS / "000_1ca777aee57bfaee.txt")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "source:" in proc.stdout and "Press TV" in proc.stdout
    assert "quotes:" in proc.stdout


def test_inspect_missing_file_is_bad_usage(tmp_path: Path) -> None:
    assert main(["inspect", str(tmp_path / "nope.txt")]) == 2


def test_unicode_file_names_and_rtl_articles(make_project) -> None:
    root = make_project(
        {
            "content/اخبار/خبر.md": (
                "---\ntitle: سخنرانی در تهران\nlang: fa\nsource: Fars News Agency\n---\n"
                "این یک متن آزمایشی است که به زبان فارسی نوشته شده است.\n"
            ),
            "content/Москва.txt": "Москва. Это короткий тестовый текст о погоде в городе.\n",
        }
    )
    assert main(["build", "--config", str(root / "site.toml"), "-q"]) == 0
    pages = {p.parent.name: p.read_text() for p in (root / "build/articles").glob("*/index.html")}
    assert len(pages) == 2 and all(name.isascii() for name in pages)
    persian = next(html for html in pages.values() if "سخنرانی" in html)
    assert 'dir="rtl"' in persian and 'lang="fa"' in persian
    from tests.sitecheck import broken_links

    assert broken_links(root / "build") == []


def test_speakers_toml_pins_name_and_description(make_project) -> None:
    root = make_project(
        {
            "speakers.toml": (
                '[[speaker]]\nname = "Sayyid Ali Khamenei"\n'
                'aliases = ["Ali Khamenei", "Ayatollah Khamenei"]\n'
                'description = "Leader of the Islamic Revolution of Iran"\n'
                'id = "khamenei"\n'
            ),
        },
        seeds=True,
    )
    assert main(["build", "--config", str(root / "site.toml"), "-q"]) == 0
    page = root / "build" / "speakers" / "khamenei" / "index.html"
    assert page.is_file()
    html = page.read_text()
    assert "Sayyid Ali Khamenei" in html and "Leader of the Islamic Revolution of Iran" in html
    assert not (root / "build" / "speakers" / "ali-khamenei").exists()


def test_bad_speakers_toml_is_reported_and_the_build_goes_on(make_project, capsys) -> None:
    root = make_project({"speakers.toml": "[[speaker]]\nname = \n"}, seeds=True)
    assert main(["build", "--config", str(root / "site.toml")]) == 0
    assert "speakers.toml" in capsys.readouterr().err
    assert (root / "build" / "speakers" / "ali-khamenei" / "index.html").is_file()


def test_user_sources_toml_renames_an_outlet(make_project) -> None:
    root = make_project(
        {
            "sources.toml": (
                '[[outlet]]\nname = "PressTV (Iran)"\naliases = ["Press TV", "Press Tv"]\n'
                'homepage = "https://www.presstv.ir"\ncountry = "IR"\n'
            )
        },
        seeds=True,
    )
    assert main(["build", "--config", str(root / "site.toml"), "-q"]) == 0
    pages = [p.parent.name for p in (root / "build" / "sources").glob("*/index.html")]
    assert "presstv-iran" in pages
    html = (root / "build" / "sources" / "presstv-iran" / "index.html").read_text()
    assert "https://www.presstv.ir" in html


def test_editor_note_is_kept_apart_from_the_body(make_project) -> None:
    root = make_project(
        {
            "content/post.md": (
                "---\ntitle: Certificates for addresses\n---\n"
                "> Update: this feature is now generally available.\n\n"
                "The first paragraph of the post itself.\n\nA second paragraph.\n"
            )
        }
    )
    proc = subprocess.run(
        [sys.executable, "-m", "site_gen", "inspect", str(root / "content/post.md"), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    rec = json.loads(proc.stdout)
    assert rec["paragraphs"][0] == "The first paragraph of the post itself."
    assert rec["notes"] and rec["notes"][0].startswith("Update:")
    assert main(["build", "--config", str(root / "site.toml"), "-q"]) == 0
    (page,) = (root / "build/articles").glob("*/index.html")
    assert 'class="editor-note"' in page.read_text()


def test_oversized_file_is_skipped_with_a_message(make_project, capsys, monkeypatch) -> None:
    from site_gen import inputs

    monkeypatch.setattr(inputs, "MAX_FILE_BYTES", 10_000)
    root = make_project({"content/huge.txt": "Words and more words. " * 1000}, seeds=True)
    assert main(["build", "--config", str(root / "site.toml")]) == 0
    captured = capsys.readouterr()
    assert "huge.txt: error: larger than" in captured.err
    assert "Built 2 articles" in captured.out


def test_inspect_json_says_which_rule_chose_each_speaker(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Ferry line approved\n\nThe harbour board approved a ferry line on Tuesday, Ilse Marrow"
        " said.\n\n\u201cIt will run every day,\u201d Marrow said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Ferry tickets\n\n\u201cTickets will cost the same as the bus,\u201d Marrow said.\n",
        encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "site_gen", "inspect", str(tmp_path), "--json"],
                          capture_output=True, text=True, check=True)
    speakers = {s["key"]: s for line in proc.stdout.splitlines()
                for s in json.loads(line)["speakers"]}
    assert speakers["Ilse Marrow"]["basis"] == "full name"
    assert speakers["Marrow"]["basis"] == "surname of the one full name with it"
    assert speakers["Marrow"]["speaker"] == "Ilse Marrow"


def test_a_quote_is_given_as_the_file_writes_it(tmp_path: Path, capsys) -> None:
    # the paragraph joins the wrapped line; the quote's text in the data is the file's own
    (tmp_path / "a.md").write_text(
        "---\ntitle: Ferry line approved\n---\n\n\u201cIt will run every\nday of the week,"
        "\u201d Ilse Marrow said on Tuesday.\n", encoding="utf-8")
    assert main(["inspect", str(tmp_path / "a.md"), "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    direct = [q for q in record["quotes"] if q["kind"] == "direct"]
    assert [q["text"] for q in direct] == ["It will run every\nday of the week,"]
    assert record["paragraphs"][0].startswith("\u201cIt will run every day of the week,")
