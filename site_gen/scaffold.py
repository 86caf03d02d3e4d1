"""``site-gen init DIR``: a new archive to start from.

It writes a ``site.toml`` with every setting and its default, a content folder with one sample
article (invented, so nothing copyrighted ships), an empty ``templates/`` folder for overrides
and an empty ``static/`` folder, and never touches a folder that already has files in it.
"""

from __future__ import annotations

from pathlib import Path

SITE_TOML = """# site-gen configuration (every setting is optional; these are the defaults).
title = "News archive"          # shown in every page's header and <title>
base_url = ""                   # e.g. "https://example.org/archive/" (feeds, sitemap, links)
content = "content"             # folder of articles, relative to this file
output = "build"                # output folder: site-gen replaces it with every build
templates = "templates"         # a template here overrides the shipped one of the same name
static = "static"               # copied to <output>/static/ over the shipped files
sources = "sources.toml"        # outlet registry additions (optional file)
speakers = "speakers.toml"      # pinned speaker names (optional file)
per_page = 50                   # articles per index page
follow_symlinks = false         # follow symbolic links that stay inside the content folder
markdown_html = false           # show raw HTML of Markdown files as HTML (sanitised)
search = true                   # a search page and its index (Pagefind); false: no search

# Stories (articles about one event) and statements (one speaker's words as several outlets
# render them). Replace this table with `stories = false` above it to turn them off.
[stories]
window_days = 2                 # a dated article joins a story at most this many days away
max_span_days = 7               # a story covers at most this many days
min_similarity = 0.3            # score a dated article needs to join a story
undated_similarity = 0.4        # score an undated article needs to join a dated story
speaker_weight = 0.15           # added to the score for speakers in common (never alone)
terms_per_article = 30          # heaviest terms kept per article
statement_similarity = 0.4      # share of the shorter wording found in the other
statement_best_similarity = 0.25  # enough when two quotes are each other's best match
statement_min_terms = 3         # terms two wordings must share at least
"""

SAMPLE = """Harbour board approves ferry line to Quessa

PORT VELMAR (Velmar Wire) - The harbour board of Port Velmar approved a ferry line to the
island of Quessa on Tuesday, ending a dispute that had lasted three years.

"We have waited long enough, and the islanders have been patient with us," said Jane Roe, the
chair of the harbour board, after the vote.

The line will run three times a day from April, the board said in a statement, and tickets will
cost the same as the bus.

Source: Velmar Herald
"""

NEXT_STEPS = """Created a new archive in {root}:
  site.toml              settings (every one optional)
  content/               your articles (.txt, .md, .html); one sample to start from
  templates/, static/    your overrides of the shipped templates and static files
Next:
  cd {root}
  site-gen build         build the site into build/
  site-gen serve         preview it on http://127.0.0.1:8000/ while you edit"""


class ScaffoldError(ValueError):
    """Raised when ``init`` would write into a folder that already holds files."""


def init_archive(root: Path) -> str:
    """Create the archive in ``root`` (missing or empty); return what to do next."""
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise ScaffoldError(f"{root} already exists and is not an empty folder; choose a new one")
    (root / "content").mkdir(parents=True, exist_ok=True)
    (root / "templates").mkdir(exist_ok=True)
    (root / "static").mkdir(exist_ok=True)
    (root / "site.toml").write_text(SITE_TOML, encoding="utf-8")
    (root / "content" / "ferry-line.txt").write_text(SAMPLE, encoding="utf-8")
    return NEXT_STEPS.format(root=root)
