"""Page furniture at the end of an extracted body, recognised by its place in the page.

After the article, pages print a newsletter box, a comment policy, a copyright line, "read
next" teasers, a list of sources: the extractor often keeps some of it. Whatever its wording
and language, it lies outside the container that holds the article's paragraphs (the deepest
element holding most of them). A trailing run of such blocks is left out of the body and
reported as a note; the page's original copy keeps it. A block the page does not show as an
element of its own is not judged (the run stops there), and at most a third of the body is
ever taken.
"""

from __future__ import annotations

from site_gen.model import Paragraph
from site_gen.reader.html_place import Places, inside, main_container

_MIN_LOCATED = 4  # fewer paragraphs found in the page: no container can be told apart


def _kind(el) -> tuple[str, str]:
    return el.tag, " ".join(sorted((el.get("class") or "").split()))


def _signature(holder, main) -> str:
    """The kinds of element from the body's container down to the block: blocks of the
    article's own text share them; a box or a bio inside the container does not."""
    path = []
    for el in (holder, *holder.iterancestors()):
        if el is main:
            break
        path.append(el.tag)
    return "/".join(path)


def _continues(main, holder) -> bool:
    """The block sits in a sibling of the body's container of the same kind (tag and class):
    the article goes on in another section, as long pages split it."""
    chain_main = [main, *main.iterancestors()]
    ids = {id(el) for el in chain_main}
    branch = holder
    for anc in holder.iterancestors():
        if id(anc) in ids:
            break
        branch = anc
    else:
        return False
    shared = branch.getparent()
    body_branch = next((el for el in chain_main if el.getparent() is shared), None)
    return body_branch is not None and _kind(body_branch) == _kind(branch)


def trim_trailing_furniture(
    places: Places, paragraphs: tuple[Paragraph, ...]
) -> tuple[tuple[Paragraph, ...], list[str]]:
    """(the body without the trailing run of blocks outside its container, those blocks)."""
    if places.body is None or len(paragraphs) < _MIN_LOCATED:
        return paragraphs, []
    holders = [places.holder(p.text) for p in paragraphs]
    located = [h for h in holders if h is not None]
    if len(located) < _MIN_LOCATED:
        return paragraphs, []
    main = main_container(located)
    if main is None:
        return paragraphs, []
    keep = len(paragraphs)
    limit = len(paragraphs) - len(paragraphs) // 3
    seen = {_signature(h, main) for h in holders[:limit] if h is not None and inside(h, main)}
    while keep > limit:
        holder = holders[keep - 1]
        if holder is None or holder is main or inside(main, holder):
            break
        if inside(holder, main):
            if _signature(holder, main) in seen:
                break
        elif _continues(main, holder):
            break
        keep -= 1
    dropped = [p.text for p in paragraphs[keep:]]
    return paragraphs[:keep], dropped
