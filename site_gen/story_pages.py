"""Views of stories and statements: the stories index, one page per story, what an article page
and a speaker page show of them, and ``data/stories.json``.

Built from the archive's ``StoryIndex`` (see ``stories``); templates only print. An undated
article of a story is shown with the story's dates and marked as such: it never gets a date
of its own.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from site_gen.archive import Archive
from site_gen.config import Config
from site_gen.model import Article, Quote, Statement, Story
from site_gen.pages import HOME, Page, _frame, _source_link
from site_gen.urls import article_path, relative_url, source_path, speaker_path
from site_gen.wording_diff import marked

STORIES_INDEX = "stories/index.html"
STORIES_DATA = "data/stories.json"


def story_path(story_id: str) -> str:
    return f"stories/{story_id}/index.html"


def _quote(archive: Archive, key: tuple[str, str]) -> tuple[Article, Quote]:
    a = archive.article(key[0])
    return a, next(q for q in a.quotes if q.id == key[1])


def _dates(st: Story) -> dict[str, Any]:
    return {"first": st.first, "last": st.last, "same_day": st.first == st.last}


def story_lists(archive: Archive, config: Config) -> list[Page]:
    """The pages made from every story: the stories index and ``data/stories.json``."""
    if not config.stories.enabled:
        return []
    return [_index_page(archive, config), _data_page(archive)]


_STORIES = (HOME, ("Stories", STORIES_INDEX))  # the first steps of a story page's breadcrumbs


def _index_page(archive: Archive, config: Config) -> Page:
    path = STORIES_INDEX
    view = _frame(path, config, "Stories", "Stories", _STORIES)
    rows, inputs = [], set()
    for st in archive.stories.stories:
        arts = [archive.article(x) for x in st.articles]
        inputs |= {a.path for a in arts}
        rows.append({
            "title": st.title,
            "url": relative_url(path, story_path(st.id)),
            **_dates(st),
            "articles": len(arts),
            "outlets": sorted({a.source_name for a in arts if a.source_name}),
            "statements": len(st.statements),
        })
    view.update(heading="Stories", stories=rows)
    return Page(path, "stories.html", view, tuple(sorted(inputs)))


def _wordings(
    st: Statement, archive: Archive, path: str, diff: bool
) -> list[dict[str, Any]]:
    found = [_quote(archive, k) for k in st.quotes]
    out = []
    for n, (a, q) in enumerate(found):
        others = [o.text for m, (_, o) in enumerate(found) if m != n and found[m][0].id != a.id]
        target = article_path(a.id)
        out.append({
            "source": _source_link(a, archive, path),
            "title": a.title,
            "article_url": relative_url(path, target),
            "url": relative_url(path, target, q.id),
            "paragraph_url": relative_url(path, target, a.paragraphs[q.paragraph].anchor),
            "paragraph_number": q.paragraph + 1,
            "date": a.date,
            "kind": q.kind,
            "lang": a.lang,
            "dir": a.dir,
            "text": q.text,
            "pieces": marked(q.text, others) if diff else None,
        })
    return out


def _statement_view(st: Statement, archive: Archive, path: str, diff: bool) -> dict[str, Any]:
    sp = archive.speaker(st.speaker_id)
    return {
        "id": st.id,
        "speaker": sp.name,
        "speaker_url": relative_url(path, speaker_path(sp.id)),
        "wordings": _wordings(st, archive, path, diff),
        "outlets": len({archive.article(a).source_name for a, _ in st.quotes}),
    }


def story_page(st: Story, archive: Archive, config: Config) -> Page:
    """One story's page: its record, its articles and their quotes' speakers' names
    (``Dependencies.story_page`` is the key of what it reads)."""
    path = story_path(st.id)
    view = _frame(path, config, st.title, "Stories", (*_STORIES, (st.title, path)))
    arts = [archive.article(x) for x in st.articles]
    by_outlet: dict[str, list[Article]] = defaultdict(list)
    for a in arts:  # oldest first, undated last
        by_outlet[a.source_name or ""].append(a)
    outlets = [
        {
            "name": name or None,
            "url": relative_url(path, source_path(group[0].source_id))
            if group[0].source_id else None,
            "articles": [
                {"title": a.title, "url": relative_url(path, article_path(a.id)),
                 "date": a.date, "lang": a.lang, "dir": a.dir}
                for a in group
            ],
        }
        for name, group in by_outlet.items()
    ]
    counts: dict[str, int] = defaultdict(int)
    for a in arts:
        for q in a.quotes:
            if q.speaker_id:
                counts[q.speaker_id] += 1
    speakers = [
        {"name": archive.speaker(s).name, "url": relative_url(path, speaker_path(s)),
         "count": counts[s]}
        for s in sorted(counts, key=lambda s: (-counts[s], archive.speaker(s).name))
    ]
    statements = [
        _statement_view(archive.stories.statement(x), archive, path, True) for x in st.statements
    ]
    view.update(
        title=st.title, **_dates(st), outlets=outlets, speakers=speakers, statements=statements,
        article_count=len(arts), undated=sum(1 for a in arts if not a.date),
    )
    return Page(path, "story.html", view, tuple(sorted(a.path for a in arts)))


def article_story(a: Article, archive: Archive, path: str) -> dict[str, Any] | None:
    """What an article page shows of its story: the other articles ("also reported by")."""
    sid = archive.stories.story_of.get(a.id)
    if sid is None:
        return None
    st = archive.stories.story(sid)
    others = [archive.article(x) for x in st.articles if x != a.id]
    return {
        "title": st.title,
        "url": relative_url(path, story_path(st.id)),
        **_dates(st),
        "others": [
            {"title": o.title, "url": relative_url(path, article_path(o.id)), "date": o.date,
             "source": _source_link(o, archive, path)}
            for o in others
        ],
        "inputs": tuple(o.path for o in others),
    }


def speaker_statements(
    sid: str, archive: Archive, path: str
) -> tuple[list[dict[str, Any]], set[tuple[str, str]]]:
    """A speaker's statements (each once, with every outlet's wording) and the quotes they hold."""
    found = [st for st in archive.stories.statements if st.speaker_id == sid]
    views = []
    for st in found:
        story = archive.stories.story(st.story_id)
        view = _statement_view(st, archive, path, False)
        view["story"] = {"title": story.title, "url": relative_url(path, story_path(story.id))}
        views.append(view)
    return views, {k for st in found for k in st.quotes}


def _data_page(archive: Archive) -> Page:
    stories = []
    for st in archive.stories.stories:
        stories.append({
            "id": st.id,
            "title": st.title,
            "first_date": st.first,
            "last_date": st.last,
            "page": story_path(st.id),
            "articles": [
                {"id": a.id, "source": a.source_name, "date": a.date, "page": article_path(a.id)}
                for a in (archive.article(x) for x in st.articles)
            ],
            "statements": [
                {
                    "id": s.id,
                    "speaker": archive.speaker(s.speaker_id).name,
                    "speaker_id": s.speaker_id,
                    "quotes": [
                        {"article_id": x, "quote_id": y, "kind": q.kind, "text": q.text,
                         "paragraph": q.paragraph + 1}
                        for x, y in s.quotes
                        for q in [_quote(archive, (x, y))[1]]
                    ],
                }
                for s in (archive.stories.statement(x) for x in st.statements)
            ],
        })
    data = {"schema": 1, "stories": stories}
    inputs = tuple(sorted({archive.article(x).path for st in archive.stories.stories
                           for x in st.articles}))
    return Page(STORIES_DATA, "", {}, inputs, data=data)
