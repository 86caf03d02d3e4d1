"""The preview serves the output folder and nothing else: no way out, the right types, the
site's own 404 page, folders as their index, and only to Host values that name it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from site_gen.pipeline import BuildReport
from site_gen.serve_files import Refused, UrlPath, content_type, parse_url_path
from site_gen.serve_net import allowed_hosts, host_allowed, is_loopback
from site_gen.server import DevServer
from site_gen.write import MARKER, MARKER_TEXT
from tests.test_server_kit import request

SECRET = "the secret outside the output folder"
PAGE = b"<!doctype html><html><head><title>t</title></head><body><p>%s</p></body></html>\n"


def _site(tmp_path: Path) -> Path:
    """An output folder as a build leaves it, plus links and a pipe pointing outside."""
    out = tmp_path / "build"
    files = {
        MARKER: MARKER_TEXT,
        "index.html": PAGE % b"home page",
        "404.html": PAGE % b"our own not-found page",
        "articles/ferry/index.html": PAGE % b"ferry article",
        "articles/empty/readme.txt": b"a folder without index.html",
        "feed.xml": b'<?xml version="1.0"?><feed/>',
        "sitemap.xml": b'<?xml version="1.0"?><urlset/>',
        "data/archive.json": b"{}",
        "data/lines.jsonl": b"{}\n{}\n",
        "data/table.csv": b"a,b\n",
        "static/style.css": b"body{}",
        "static/app.js": b"1;",
        "static/logo.svg": b"<svg/>",
        "static/module.wasm": b"\0asm",
        "pagefind/pagefind.pf_meta": b"\1",
        "pagefind/index/en_1.pf_index": b"\1",
        "pagefind/fragment/en_1.pf_fragment": b"\1",
        "pagefind/wasm.en.pagefind": b"\1",
        "originals/ferry/ferry.txt": "Original text: «Fähre».\n".encode(),
        "originals/ferry/page.html.txt": b"<script>alert(1)</script>",
        "data/blob.unknownext": b"\1\2",
        "la ñ/index.html": PAGE % b"non-ascii folder",
    }
    for rel, data in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)
    (tmp_path / "secret.txt").write_text(SECRET)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text(SECRET)
    (out / "leak.txt").symlink_to(tmp_path / "secret.txt")
    (out / "linkdir").symlink_to(tmp_path / "outside")
    (out / "static" / "inner.css").symlink_to(out / "static" / "style.css")
    os.mkfifo(out / "pipe.txt")
    return out


def _ok() -> BuildReport:
    raise AssertionError("no build in these tests")


@pytest.fixture
def served(tmp_path: Path):
    out = _site(tmp_path)
    server = DevServer(_ok, out, port=0, build_first=False, reload=True)
    server.start()
    try:
        yield server
    finally:
        server.shutdown()


TRAVERSALS = [
    "/../secret.txt",
    "/../../../../../../etc/passwd",
    "/%2e%2e/secret.txt",
    "/%2E%2E/secret.txt",
    "/..%2fsecret.txt",
    "/..%2Fsecret.txt",
    "/%2e%2e%2fsecret.txt",
    "/articles/..%2f..%2fsecret.txt",
    "/articles/../../secret.txt",
    "/static/%2e%2e/%2e%2e/secret.txt",
    "/%252e%252e/secret.txt",
    "/%c0%ae%c0%ae/secret.txt",
    "/..\\secret.txt",
    "/%5c..%5csecret.txt",
    "/..%5csecret.txt",
    "/index.html%00.txt",
    "/%00",
    "/articles%00/ferry/",
    "//etc/passwd",
    "/%2fetc%2fpasswd",
    "/leak.txt",
    "/linkdir/secret.txt",
    "/linkdir/",
    "/static/inner.css",
    "/pipe.txt",
    "/.site-gen-output",
    "/./index.html",
    "http://example.org/secret.txt",
]


def test_no_request_leaves_the_output_folder(served: DevServer, tmp_path: Path) -> None:
    statuses = {}
    for path in [*TRAVERSALS, "/" + str(tmp_path / "secret.txt").lstrip("/")]:
        answer = request(served.port, path)
        statuses[path] = answer.status
        assert SECRET not in answer.text, path
        assert b"root:" not in answer.body, path
    assert {s for s in statuses.values()} <= {403, 404}, statuses
    # An absolute path is a path below the output folder like any other.
    assert request(served.port, "/" + str(tmp_path / "secret.txt")).status == 404


def test_hostile_paths_are_refused_before_the_disk() -> None:
    for raw in ("/../x", "/%2e%2E/x", "/a/..%2fb", "/a\\b", "/a%5cb", "/a%00b", "/%0a"):
        assert isinstance(parse_url_path(raw), Refused) and parse_url_path(raw).status == 403
    assert parse_url_path("//etc//passwd") == UrlPath(("etc", "passwd"), False)
    assert parse_url_path("/%252e%252e/") == UrlPath(("%2e%2e",), True)
    assert parse_url_path("/%ff").status == 404  # not UTF-8
    assert parse_url_path("/la%20%C3%B1/") == UrlPath(("la ñ",), True)


def test_types_index_redirect_and_the_sites_own_404(served: DevServer) -> None:
    port = served.port
    expected = {
        "/feed.xml": "application/xml; charset=utf-8",
        "/sitemap.xml": "application/xml; charset=utf-8",
        "/data/archive.json": "application/json; charset=utf-8",
        "/data/lines.jsonl": "application/jsonl; charset=utf-8",
        "/data/table.csv": "text/csv; charset=utf-8",
        "/static/style.css": "text/css; charset=utf-8",
        "/static/app.js": "text/javascript; charset=utf-8",
        "/static/logo.svg": "image/svg+xml",
        "/static/module.wasm": "application/wasm",
        "/pagefind/pagefind.pf_meta": "application/octet-stream",
        "/pagefind/index/en_1.pf_index": "application/octet-stream",
        "/pagefind/fragment/en_1.pf_fragment": "application/octet-stream",
        "/pagefind/wasm.en.pagefind": "application/octet-stream",
        "/originals/ferry/ferry.txt": "text/plain; charset=utf-8",
        "/originals/ferry/page.html.txt": "text/plain; charset=utf-8",
        "/data/blob.unknownext": "application/octet-stream",
        "/": "text/html; charset=utf-8",
    }
    for path, ctype in expected.items():
        answer = request(port, path)
        assert (answer.status, answer.headers["content-type"]) == (200, ctype), path
        assert answer.headers["x-content-type-options"] == "nosniff"
    assert request(port, "/originals/ferry/ferry.txt").text == "Original text: «Fähre».\n"

    home = request(port, "/")
    assert "home page" in home.text and "livereload.js" in home.text
    assert request(port, "/index.html").body == home.body
    assert "ferry article" in request(port, "/articles/ferry/").text
    assert "non-ascii folder" in request(port, "/la%20%C3%B1/").text

    moved = request(port, "/articles/ferry")
    assert moved.status in (301, 302) and moved.headers["location"] == "/articles/ferry/"
    assert request(port, "/la%20%C3%B1").headers["location"] == "/la%20%C3%B1/"
    assert request(port, "/articles/ferry?x=1").headers["location"] == "/articles/ferry/?x=1"

    for missing in ("/nope.html", "/articles/nope/", "/articles/empty/", "/feed.xml/"):
        answer = request(port, missing)
        assert answer.status == 404, missing
        assert "our own not-found page" in answer.text  # the site's 404.html, status 404
        assert "livereload.js" in answer.text

    head = request(port, "/feed.xml", method="HEAD")
    assert head.status == 200 and head.body == b"" and head.headers["content-length"] == "28"
    assert request(port, "/", method="POST").status == 405


def test_a_missing_404_page_and_a_missing_site(tmp_path: Path) -> None:
    out = tmp_path / "build"
    with DevServer(_ok, out, port=0, build_first=False) as server:
        answer = request(server.port, "/")
        assert answer.status == 503 and "not built yet" in answer.text
        out.mkdir()
        (out / "index.html").write_bytes(PAGE % b"x")
        answer = request(server.port, "/nope")
        assert answer.status == 404 and answer.headers["content-type"].startswith("text/plain")


def test_host_header_must_name_this_server(served: DevServer) -> None:
    port = served.port
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}", f"[::1]:{port}"):
        assert request(port, "/", host=host).status == 200, host
    for host in (
        "evil.example",
        f"evil.example:{port}",
        f"127.0.0.1:{port + 1}",
        "127.0.0.1",
        f"localhost.evil.example:{port}",
    ):
        answer = request(port, "/", host=host)
        assert answer.status == 403, host
        assert "home page" not in answer.text
    assert request(port, "/", host="").status == 400  # HTTP/1.1 without Host: tornado refuses
    assert request(port, "/livereload.js", host="evil.example").status == 403
    assert request(port, "/livereload", host="evil.example").status == 403


def test_no_host_check_for_an_explicit_non_loopback_host(tmp_path: Path) -> None:
    # The check is switched off the way `--host 0.0.0.0` switches it off; bound to loopback here
    # so that the test stays on this machine.
    with DevServer(_ok, _site(tmp_path), port=0, build_first=False, check_host=False) as server:
        assert request(server.port, "/", host="archive.lan:8000").status == 200


def test_which_hosts_are_loopback() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert is_loopback("127.0.0.2") and is_loopback("[::1]")
    assert not is_loopback("0.0.0.0") and not is_loopback("::") and not is_loopback("192.0.2.1")
    allowed = allowed_hosts("127.0.0.1", 8000)
    assert host_allowed("localhost:8000", allowed) and not host_allowed("localhost", allowed)
    assert host_allowed("localhost", allowed_hosts("127.0.0.1", 80))
    assert host_allowed("anything", None) and not host_allowed(None, allowed)


def test_content_types_do_not_depend_on_the_machine() -> None:
    assert content_type("a.TXT") == "text/plain; charset=utf-8"
    assert content_type("noext") == content_type(".hidden") == "application/octet-stream"


def test_no_reload_serves_pages_as_built(tmp_path: Path) -> None:
    with DevServer(_ok, _site(tmp_path), port=0, build_first=False, reload=False) as server:
        page = request(server.port, "/")
        assert page.body == PAGE % b"home page"
        assert request(server.port, "/livereload.js").status == 404
