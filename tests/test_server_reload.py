"""Live reload on real builds: one rebuild per burst of changes, the reload only after the new
site is swapped in, stylesheets in place, a failed build shown over the last good site, and
concurrent requests that always get a whole page of one build or the other."""

from __future__ import annotations

import io
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from site_gen.config import load_config
from site_gen.pipeline import BuildReport
from site_gen.server import DevServer, config_build
from tests.test_server_kit import ARTICLE, LiveReloadClient, project_server, request

BROKEN_TEMPLATE = (
    '{% extends "base.html" %}\n'
    "{% block main %}\n"
    "<h1>{{ title( }}</h1>\n"
    "{% endblock %}\n"
)


def _ready(server: DevServer) -> None:
    """The first build is done and its reload sent: what follows is the test's doing."""
    assert server.wait_for(lambda: server.reloads >= 1)


def _article_url(root: Path) -> str:
    (page,) = (root / "build" / "articles").glob("*/index.html")
    return f"/articles/{page.parent.name}/"


@dataclass(frozen=True)
class Report:
    """What a build function given to the server returns, at the least."""

    ok: bool
    fatal: str | None = None
    diagnostics: tuple = ()

    def summary(self) -> str:
        return "fine" if self.ok else "not fine"


def _one_page_site(tmp_path: Path) -> Path:
    """An output folder holding one page, for a server whose builds are stand-ins."""
    out = tmp_path / "build"
    out.mkdir()
    (out / "index.html").write_text("<html><head></head><body><p>page</p></body></html>")
    return out


def test_an_edit_is_on_the_page_when_the_reload_arrives(make_project) -> None:
    root = make_project({"content/ferry.txt": ARTICLE})
    with project_server(root) as server:
        _ready(server)
        url = _article_url(root)
        assert "every day" in request(server.port, url).text
        with LiveReloadClient(server.port) as browser:
            assert browser.hello["command"] == "hello"
            text = ARTICLE.replace("every day", "twice on Sundays")
            (root / "content" / "ferry.txt").write_text(text, encoding="utf-8")
            message = browser.next()
            # The page asked for right after the message is the new one: the reload was sent
            # after the build was complete and swapped in.
            page = request(server.port, url).text
        assert message["command"] == "reload" and message["liveCSS"] is False
        assert "twice on Sundays" in page and "every day" not in page
        assert server.builds == 2 and server.state.clean


def test_a_broken_template_shows_over_the_last_good_site_until_fixed(make_project) -> None:
    root = make_project({"content/ferry.txt": ARTICLE})
    with project_server(root) as server:
        _ready(server)
        url = _article_url(root)
        good = request(server.port, url).text
        with LiveReloadClient(server.port) as browser:
            (root / "templates").mkdir()
            (root / "templates" / "article.html").write_text(BROKEN_TEMPLATE, encoding="utf-8")
            assert browser.next()["command"] == "reload"
            broken = request(server.port, url).text
            home = request(server.port, "/").text
            missing = request(server.port, "/no/such/page/")
            assert server.state.failed

            (root / "templates" / "article.html").write_text(
                BROKEN_TEMPLATE.replace("title(", "title"), encoding="utf-8"
            )
            assert browser.next()["command"] == "reload"
            fixed = request(server.port, url).text
    # The last good page, with the overlay naming the template and the line.
    assert broken.startswith(good.split("</body>")[0])
    assert 'id="site-gen-overlay"' in broken and "Build failed" in broken
    assert "templates/article.html, line 3" in broken
    assert "unexpected &#39;}&#39;" in broken
    assert "Fix the template and save" in broken
    for other in (home, missing.text):  # every page, the site's 404 page too
        assert "templates/article.html, line 3" in other
    assert missing.status == 404
    assert 'id="site-gen-overlay"' not in fixed and "Build failed" not in fixed
    # The terminal says the same.
    err = server.err.getvalue()  # type: ignore[union-attr]
    assert "templates/article.html:3: error: unexpected '}'" in err
    assert "hint: Fix the template and save" in err
    assert "Build failed" in server.out.getvalue()  # type: ignore[union-attr]


def test_the_overlay_prints_hostile_messages_as_text(tmp_path: Path) -> None:
    out = _one_page_site(tmp_path)
    hostile = "templates/x.html:1: unexpected '<script>alert(1)</script>'"

    def failing() -> BuildReport:
        return BuildReport(False, out, fatal=hostile)

    with DevServer(failing, out, port=0) as server:
        assert server.wait_for(lambda: server.builds == 1 and server.state.failed)
        page = request(server.port, "/").text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "templates/x.html, line 1" in page


@pytest.mark.parametrize("notify", [True, False], ids=["notified", "looked"])
def test_a_burst_of_twenty_writes_is_one_build_and_one_reload(make_project, notify) -> None:
    root = make_project({"content/ferry.txt": ARTICLE})
    # settle generous: a busy machine may pause the writer
    server = project_server(root, settle=0.6, notify=notify)
    assert not notify or server.watcher.notify
    build, calls = server.build_function, []

    def counted():
        calls.append(time.monotonic())
        return build()

    server.build_function = counted
    with server:
        _ready(server)
        with LiveReloadClient(server.port) as browser:
            for i in range(20):
                (root / "content" / f"burst-{i:02}.txt").write_text(
                    f"Burst article number {i}\n\nA short text about the harbour, number {i}.\n"
                )
            assert browser.next()["command"] == "reload"
            time.sleep(4 * (server.poll + server.settle))  # room for a second build, if any
            assert browser.pending() == []
        assert len(calls) == 2 and server.builds == 2 and server.reloads == 2
        assert "Burst article number 19" in request(server.port, "/").text


@pytest.mark.parametrize("notify", [True, False], ids=["notified", "looked"])
def test_an_editors_save_by_rename_is_one_build(make_project, notify) -> None:
    root = make_project({"content/ferry.txt": ARTICLE})
    with project_server(root, settle=0.6, notify=notify) as server:
        _ready(server)
        assert bool(server.watcher.notified) == notify  # the content folder, when notified
        content = root / "content"
        (content / "4913").write_text("")  # vim's probe of the folder
        (content / "4913").unlink()
        (content / ".ferry.txt.swp").write_bytes(b"\0" * 64)
        (content / "ferry.txt~").write_text(ARTICLE)
        scratch = content / ".ferry.txt.new"
        scratch.write_text(ARTICLE.replace("every day", "at dawn"))
        os.replace(scratch, content / "ferry.txt")
        assert server.wait_for(lambda: server.reloads >= 2)
        time.sleep(4 * (server.poll + server.settle))
        assert server.builds == 2
        assert "at dawn" in request(server.port, _article_url(root)).text


def test_a_stylesheet_change_reloads_styles_in_place(make_project) -> None:
    root = make_project({"content/ferry.txt": ARTICLE, "static/extra.css": "p { color: red }"})
    with project_server(root) as server:
        _ready(server)
        with LiveReloadClient(server.port) as browser:
            (root / "static" / "extra.css").write_text("p { color: green }")
            message = browser.next()
            assert request(server.port, "/static/extra.css").text == "p { color: green }"
            (root / "content" / "ferry.txt").write_text(ARTICLE + "\nOne more line.\n")
            page_message = browser.next()
    assert message == {
        "command": "reload", "path": "static/extra.css", "liveCSS": True, "liveImg": False
    }
    assert page_message["liveCSS"] is False


def test_concurrent_requests_during_rebuilds_get_one_whole_page(make_project) -> None:
    root = make_project({"content/ferry.txt": ARTICLE})
    variants = [ARTICLE.replace("every day", f"every day, version {v}") for v in "AB"]
    with project_server(root) as server:
        _ready(server)
        url = _article_url(root)
        bodies = []
        for text in variants:  # the page of each version, as served when nothing is building
            n = server.builds
            (root / "content" / "ferry.txt").write_text(text)
            assert server.wait_for(lambda n=n: server.builds > n and server.reloads > n)
            bodies.append(request(server.port, url).body)
        assert bodies[0] != bodies[1] and all(b.rstrip().endswith(b"</html>") for b in bodies)

        done = threading.Event()

        def rebuild_again_and_again() -> None:
            for k in range(4):
                n = server.builds
                (root / "content" / "ferry.txt").write_text(variants[k % 2])
                server.wait_for(lambda n=n: server.builds > n)
            done.set()

        toggler = threading.Thread(target=rebuild_again_and_again)
        toggler.start()
        answers, rounds = [], 0
        with ThreadPoolExecutor(max_workers=200) as pool:
            while not done.is_set() or rounds == 0:
                answers += pool.map(lambda _: request(server.port, url), range(200))
                rounds += 1
        toggler.join()
    assert rounds >= 2 and len(answers) >= 400
    assert {a.status for a in answers} == {200}
    assert {a.body for a in answers} <= set(bodies)


def test_a_first_build_that_fails_is_shown_until_one_succeeds(make_project) -> None:
    root = make_project({"content/ferry.txt": ARTICLE, "templates/article.html": BROKEN_TEMPLATE})
    with project_server(root) as server:
        assert server.wait_for(lambda: server.builds == 1 and server.state.failed)
        first = request(server.port, "/")
        (root / "templates" / "article.html").unlink()
        assert server.wait_for(lambda: server.builds == 2 and server.state.clean)
        assert "Harbour board" in request(server.port, "/").text
    assert first.status == 503 and "not built yet" in first.text
    assert "templates/article.html, line 3" in first.text and "livereload.js" in first.text


def _save(path: Path, text: str) -> None:
    """As an editor saves: the whole text at once (a build never reads half of it)."""
    scratch = path.with_name(path.name + ".tmp")
    scratch.write_text(text)
    os.replace(scratch, path)


def test_site_toml_is_read_again_at_each_build(make_project) -> None:
    root = make_project({"content/ferry.txt": ARTICLE})
    config = load_config(root / "site.toml", cwd=root)
    build = config_build(config, lambda: load_config(root / "site.toml", cwd=root))
    with project_server(root, build=build) as server:
        _ready(server)
        site_toml = root / "site.toml"
        _save(site_toml, site_toml.read_text() + 'title = "Velmar harbour news"\n')
        assert server.wait_for(lambda: server.builds == 2)
        assert "Velmar harbour news" in request(server.port, "/").text
        _save(site_toml, site_toml.read_text() + "per_page = \n")
        assert server.wait_for(lambda: server.builds == 3)
        broken = request(server.port, "/").text
        moving = site_toml.read_text().replace("per_page = \n", "")
        _save(site_toml, moving.replace('output = "build"', 'output = "elsewhere"'))
        assert server.wait_for(lambda: server.builds == 4)
        moved = request(server.port, "/").text
    assert "Velmar harbour news" in broken and "site.toml, line 4" in broken
    assert "the output folder changed; stop site-gen serve and start it again" in moved
    assert not (root / "elsewhere").exists()


def test_the_build_is_any_callable_returning_a_report(tmp_path: Path) -> None:
    """The injection point an incremental build will use: a plain callable, counted, its
    failures and crashes shown like the pipeline's."""
    out = _one_page_site(tmp_path)
    results: list[object] = []

    def build() -> Report:
        result = results.pop(0) if results else Report(True)
        if isinstance(result, Exception):
            raise result
        return result  # type: ignore[return-value]

    (tmp_path / "watched.txt").write_text("0")
    server = DevServer(build, out, port=0, watch=[tmp_path / "watched.txt"], poll=0.05,
                       settle=0.1, out=io.StringIO(), err=io.StringIO())
    with server:
        assert server.wait_for(lambda: server.reloads == 1 and server.builds == 1)
        results.append(RuntimeError("the engine fell over"))
        (tmp_path / "watched.txt").write_text("1")
        assert server.wait_for(lambda: server.builds == 2 and server.reloads == 2)
        crashed_page = request(server.port, "/").text
        results.append(Report(True))
        (tmp_path / "watched.txt").write_text("2")
        assert server.wait_for(lambda: server.builds == 3 and server.reloads == 3)
        fine_page = request(server.port, "/").text
    assert "RuntimeError: the engine fell over" in crashed_page
    assert "a bug in site-gen" in crashed_page
    assert "Traceback" in server.err.getvalue()  # type: ignore[union-attr]
    assert "site-gen-overlay" not in fine_page


def test_a_builds_record_is_made_after_its_reload_is_sent(tmp_path: Path, monkeypatch) -> None:
    """The build's ``finish`` (the record of what it wrote, for the next build) is called once,
    after the reload message is on its way; one that fails is said on the terminal."""
    out = _one_page_site(tmp_path)
    events: list[str] = []

    @dataclass(frozen=True)
    class Finished(Report):
        broken: bool = False

        def finish(self) -> None:
            events.append("finish")
            if self.broken:
                raise OSError("disk full")

    reports = [Finished(True), Finished(True), Finished(True, broken=True)]
    (tmp_path / "watched.txt").write_text("0")
    server = DevServer(lambda: reports.pop(0), out, port=0, watch=[tmp_path / "watched.txt"],
                       poll=0.05, settle=0.1, out=io.StringIO(), err=io.StringIO())
    real = server._send_reload
    monkeypatch.setattr(server, "_send_reload", lambda m: events.append("reload") or real(m))
    with server:
        assert server.wait_for(lambda: server.builds == 1)
        (tmp_path / "watched.txt").write_text("1")
        assert server.wait_for(lambda: server.builds == 2)
        (tmp_path / "watched.txt").write_text("2")
        assert server.wait_for(lambda: server.builds == 3)
        assert server.wait_for(lambda: server.finished == 3)
        assert events == ["reload", "finish"] * 3
        assert request(server.port, "/").status == 200  # serving on after a failed record
    assert "disk full" in server.err.getvalue()  # type: ignore[union-attr]


def test_the_server_builds_with_the_record_deferred(make_project, monkeypatch) -> None:
    from site_gen import pipeline

    root = make_project({"content/ferry.txt": ARTICLE})
    seen: list[bool] = []
    real = pipeline.build
    monkeypatch.setattr("site_gen.server.build",
                        lambda *a, **k: seen.append(k.get("defer", False)) or real(*a, **k))
    report = config_build(load_config(root / "site.toml"))()
    assert seen == [True] and report.ok and report.finish is not None
    report.finish()
    again = real(load_config(root / "site.toml"), jobs=1)
    assert again.unchanged  # the record made by finish is the next build's
