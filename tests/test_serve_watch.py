"""The dev server's watcher (``serve_watch.Watcher``): a burst of changes is one batch, with
the system's notifications and by looking; scratch files never count; the configuration files
(watched one by one) and a watched folder that appears later are seen too."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from site_gen.serve_watch import Watcher


def _next(watcher: Watcher, timeout: float = 10.0) -> set[Path]:
    """The watcher's next batch, within ``timeout`` seconds."""
    stop = threading.Event()
    found: list[set[Path]] = []

    def take() -> None:
        for batch in watcher.batches(stop):
            found.append(batch)
            return

    t = threading.Thread(target=take, daemon=True)
    t.start()
    t.join(timeout)
    stop.set()
    t.join(2)
    assert found, "no batch"
    return found[0]


@pytest.mark.parametrize("notify", [True, False], ids=["notified", "looked"])
def test_bursts_files_and_new_folders(tmp_path: Path, notify: bool) -> None:
    content, config, later = tmp_path / "content", tmp_path / "site.toml", tmp_path / "static"
    content.mkdir()
    config.write_text("title = 'x'\n")
    watcher = Watcher([content, later, config], skip=[tmp_path / "build"], poll=0.05,
                      settle=0.3, notify=notify)
    watcher.start()
    assert (watcher.notified == (content,)) == notify
    try:
        for i in range(20):
            (content / f"a{i:02}.txt").write_text(f"article {i}")
        (content / ".a00.txt.swp").write_text("scratch")
        (content / "a00.txt~").write_text("backup")
        assert _next(watcher) == {content / f"a{i:02}.txt" for i in range(20)}
        time.sleep(0.1)
        config.write_text("title = 'y'\n")
        assert _next(watcher) == {config}
        later.mkdir()
        (later / "extra.css").write_text("p {}")
        assert later / "extra.css" in _next(watcher)
        if notify:
            assert later in watcher.notified  # watched with notifications from then on
        (later / "extra.css").write_text("p { color: red }")
        assert _next(watcher) == {later / "extra.css"}
    finally:
        watcher.stop()


def test_without_notifications_it_looks(tmp_path: Path, monkeypatch) -> None:
    import builtins

    real = builtins.__import__

    def no_watchfiles(name, *args, **kwargs):
        if name == "watchfiles":
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_watchfiles)
    (tmp_path / "content").mkdir()
    watcher = Watcher([tmp_path / "content"], poll=0.05)
    watcher.start()
    assert watcher.notified == ()
    (tmp_path / "content" / "a.txt").write_text("x")
    assert _next(watcher) == {tmp_path / "content" / "a.txt"}
