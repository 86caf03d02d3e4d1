"""Stories and statements: the synthetic corpus's targets, the rules that keep separate events
apart, the pages and data they make, the settings, and page reuse. Invented names only."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from site_gen.cli import main
from site_gen.config import ConfigError, load_config
from site_gen.model import Article, Paragraph, Quote
from site_gen.stories import StorySettings, find_stories
from site_gen.wording_diff import marked

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import stories_corpus  # noqa: E402


@pytest.mark.parametrize("seed", [17, 4])
def test_synthetic_corpus_meets_the_targets(seed: int) -> None:
    corpus = stories_corpus.generate(1500, seed)
    res = stories_corpus.score(corpus, find_stories(corpus.articles, StorySettings()))
    print(res)
    assert res["bcubed_precision"] >= 0.95 and res["bcubed_recall"] >= 0.95, res
    assert res["statement_precision"] >= 0.95 and res["statement_recall"] >= 0.9, res


def _art(aid: str, date: str | None, title: str, paras: list[str], speaker: str = "",
         quote: str = "", source: str = "Outlet") -> Article:
    quotes: tuple[Quote, ...] = ()
    if quote:
        k = paras[-1].index(quote)
        quotes = (Quote("q1", len(paras) - 1, k, k + len(quote), quote, "direct",
                        speaker_key=speaker, speaker_id=speaker.lower().replace(" ", "-")),)
    return Article(format="txt", title=title, title_derived=False,
                   paragraphs=tuple(Paragraph(i, p) for i, p in enumerate(paras)), date=date,
                   source_name=source, id=aid, path=f"{aid}.txt", sha256="", quotes=quotes)


def test_a_popular_speaker_on_one_day_does_not_chain_separate_events() -> None:
    events = [
        ("Brisk ferry strike", "ferry crews at Quellport walked out over the Ostrava timetable"),
        ("Mill fire", "a fire destroyed the old Varnholt flour mill beside the Tessin canal"),
        ("Bridge vote", "councillors in Lindqvar approved the Penning toll bridge design"),
    ]
    arts = []
    for n, (title, what) in enumerate(events):
        for outlet in ("North Ledger", "South Courier"):
            text = f"On Monday {what}, officials said."
            quote = f"We will look at {what.split()[-1]} with care"
            arts.append(_art(f"e{n}-{outlet[:5]}", "2031-03-03", f"{title} {outlet}",
                             [text, f"“{quote},” said Mara Quill."], "Mara Quill", quote,
                             outlet))
    index = find_stories(arts, StorySettings())
    groups = sorted(sorted(st.articles) for st in index.stories)
    assert groups == [["e0-North", "e0-South"], ["e1-North", "e1-South"],
                      ["e2-North", "e2-South"]]


def test_non_latin_scripts_group_by_their_own_words() -> None:
    texts = {
        "ru": ("Паром Квелпорт", "В понедельник паромщики Квелпорта объявили забастовку "
               "из-за нового расписания Остравы."),
        "zh": ("奎尔港渡轮罢工", "星期一，奎尔港渡轮船员因奥斯特拉瓦新时刻表举行罢工。"),
        "fa": ("اعتصاب کشتی", "روز دوشنبه خدمه کشتی کوئلپورت در اعتراض به جدول زمانی "
               "جدید اوستراوا اعتصاب کردند."),
    }
    arts = []
    for lang, (title, text) in texts.items():
        for outlet in ("A", "B"):
            arts.append(_art(f"{lang}-{outlet}", "2031-03-03", title, [text], source=outlet))
    index = find_stories(arts, StorySettings())
    assert sorted(sorted(st.articles) for st in index.stories) == [
        ["fa-A", "fa-B"], ["ru-A", "ru-B"], ["zh-A", "zh-B"]]


def test_the_difference_view_marks_only_what_one_wording_lacks_and_keeps_the_words() -> None:
    text = "We will rebuild the harbour wall before winter."
    pieces = marked(text, ["We shall rebuild the harbour wall."])
    assert "".join(p["text"] for p in pieces) == text
    assert [p["text"].strip() for p in pieces if p["only"]] == ["will", "before winter."]


STORY_A = """Quellport ferry crews strike over Ostrava timetable

Ferry crews in Quellport stopped work on Monday over the new Ostrava timetable, leaving the
Tessin crossing without boats.

“We cannot run the Tessin crossing on a timetable written without us, and we will not try,” said
Mara Quill, the crews' representative.

Source: North Ledger
"""
STORY_B = """Tessin crossing halted as Quellport crews walk out

Quellport ferry crews walked out over the Ostrava timetable on Monday, 3 March 2031, halting the
Tessin crossing.

“We cannot run the Tessin crossing on a timetable written without us,” Mara Quill said.

Source: South Courier
"""
OTHER = """Varnholt mill fire destroys flour stores

A fire destroyed the old Varnholt flour mill beside the canal on 3 March 2031.

“The stores are lost but nobody was hurt,” said Edda Brisk, the mill's owner.

Source: South Courier
"""
DATED = '{"published": "2031-03-03"}'


def _project(make_project, extra: str = "") -> Path:
    return make_project({
        "content/a.txt": STORY_A,  # undated
        "content/b.txt": STORY_B,
        "content/b.meta.json": DATED,
        "content/c.txt": OTHER,
        "site.toml": f'content = "content"\noutput = "build"\n{extra}',
    })


def test_a_built_story_its_pages_and_data(make_project, monkeypatch) -> None:
    root = _project(make_project)
    monkeypatch.chdir(root)
    assert main(["build", "-q"]) == 0
    build = root / "build"
    data = json.loads((build / "data" / "stories.json").read_text())
    [story] = data["stories"]
    assert story["first_date"] == story["last_date"] == "2031-03-03"
    assert {a["date"] for a in story["articles"]} == {"2031-03-03", None}  # no invented date
    [statement] = story["statements"]
    assert len(statement["quotes"]) == 2 and statement["speaker"] == "Mara Quill"
    page = (build / story["page"]).read_text()
    assert "mark class=\"only\"" in page and "North Ledger" in page and "<script" not in page
    undated = next(a for a in story["articles"] if a["date"] is None)
    html = (build / undated["page"]).read_text()
    assert "Also reported by" in html and "its story:" in html
    rows = [json.loads(x) for x in (build / "data" / "quotes.jsonl").read_text().splitlines()]
    assert {r["statement_id"] for r in rows} == {statement["id"], None}
    table = list(csv.DictReader(io.StringIO((build / "data" / "quotes.csv").read_text())))
    assert {r["statement_id"] for r in table} == {statement["id"], ""}
    articles = [json.loads(x) for x in (build / "data" / "articles.jsonl").read_text().splitlines()]
    ids = {q["statement_id"] for a in articles for q in a["quotes"]}
    assert ids == {statement["id"], None}
    assert "stories/index.html" in (build / "index.html").read_text()


def test_inspect_json_carries_the_statement_id(make_project, capsys) -> None:
    root = _project(make_project)
    assert main(["inspect", str(root / "content"), "--json"]) == 0
    records = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    ids = [q["statement_id"] for r in records for q in r["quotes"]]
    assert len([i for i in ids if i]) == 2 and len(set(i for i in ids if i)) == 1


def test_stories_false_turns_them_off(make_project, monkeypatch) -> None:
    root = _project(make_project, "stories = false\n")
    monkeypatch.chdir(root)
    assert main(["build", "-q"]) == 0
    assert not (root / "build" / "stories").exists()
    assert "Stories" not in (root / "build" / "index.html").read_text()


@pytest.mark.parametrize("text, message", [
    ("[stories]\nwindow_days = 'x'\n", "'stories.window_days' must be a whole number"),
    ("[stories]\nspeed = 1\n", "unknown setting 'stories.speed'"),
    ("stories = 3\n", "'stories' must be true, false or a table"),
    ("[stories]\nmin_similarity = 12\n", "'stories.min_similarity' must be a number"),
])
def test_bad_story_settings_name_the_key_and_the_file(tmp_path, text, message) -> None:
    path = tmp_path / "site.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert message in str(err.value) and str(path) in str(err.value)


def test_story_settings_are_read(tmp_path) -> None:
    path = tmp_path / "site.toml"
    path.write_text("[stories]\nwindow_days = 1\nmin_similarity = 0.5\n")
    s = load_config(path).stories
    assert (s.enabled, s.window_days, s.min_similarity) == (True, 1, 0.5)


def _tree(root: Path) -> dict[str, bytes]:
    # byte for byte, but for what the search index orders differently from run to run
    from tests.sitecheck import comparable_build

    return comparable_build(root)


def test_a_story_change_reaches_reused_pages(make_project, monkeypatch) -> None:
    """Build, edit one article so that the story changes, rebuild with the cache: the output
    is byte for byte what a build without the cache makes."""
    root = _project(make_project)
    monkeypatch.chdir(root)
    assert main(["build", "-q"]) == 0
    (root / "content" / "a.txt").write_text(STORY_A.replace(
        "we will not try", "we will not try to run it"), encoding="utf-8")
    (root / "content" / "c.txt").write_text(OTHER.replace(
        "flour mill", "flour mill near the Quellport ferry and the Tessin crossing"))
    assert main(["build", "-q"]) == 0
    cached = _tree(root / "build")
    assert main(["build", "-q", "--no-cache", "--out", "fresh"]) == 0
    assert cached == _tree(root / "fresh")
    (root / "content" / "b.txt").unlink()  # the story loses its dated article
    assert main(["build", "-q"]) == 0
    cached = _tree(root / "build")
    assert main(["build", "-q", "--no-cache", "--out", "fresh"]) == 0
    assert cached == _tree(root / "fresh")
    stories = json.loads((root / "build" / "data" / "stories.json").read_text())["stories"]
    assert all(a["id"].startswith(("quellport", "varnholt")) for s in stories
               for a in s["articles"])
