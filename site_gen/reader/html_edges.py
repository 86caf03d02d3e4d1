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

import re
from collections.abc import Sequence

from site_gen import regexes
from site_gen.model import Paragraph
from site_gen.reader.datelines import dateline_only
from site_gen.reader.html_body import text_key
from site_gen.reader.html_place import (
    Places,
    inside,
    inside_or_is,
    linked_chars,
    main_container,
    norm,
)
from site_gen.reader.paragraphs import renumbered

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


# After the article: a box of controls (a subscription or registration wall, a newsletter
# sign-up) whatever its words: a button, a form field or a link dressed as a button.
_CONTROL_CLASS = regexes.compile(r"(?:^|[\s_-])(?:btn|button|cta)(?:$|[\s_-])", re.IGNORECASE)
_CONTROLS = ("button", "form", "input", "select", "a")
_WALL_CHARS = 600  # a wall says little: a longer box is more of the story


def _has_control(el) -> bool:
    for found in el.iter(*_CONTROLS):
        if found.tag != "a" or found.get("role") == "button":
            return True
        if _CONTROL_CLASS.search(found.get("class") or ""):
            return True
        if (found.get("href") or "").strip().lower().startswith("javascript:"):
            return True  # a link that runs a script: a button by another name
    return False


def _repeats_kind(box, taken: set) -> bool:
    """A sibling of ``box`` of the same kind (tag and class) holds earlier text: the article
    goes on in another section of the page, as long pages split it."""
    parent = box.getparent()
    return parent is not None and any(
        sib is not box and sib in taken and _kind(sib) == _kind(box) for sib in parent)


def _branch_apart(holder, taken: set):
    """The largest element around ``holder`` (itself included) that holds none of the
    elements in ``taken`` (the earlier paragraphs and their ancestors)."""
    branch = None
    for el in (holder, *holder.iterancestors()):
        if el in taken:
            break
        branch = el
    return branch


def _control_box(holder, others: list) -> object | None:
    """The box of controls around ``holder`` that holds none of the text on the other side
    (``others``: those paragraphs' holders with their ancestors, None where not found): says
    little, is no section of the same kind as the text's, holds a control. None if none."""
    taken: set = set()
    for chain in others:
        if chain is not None:
            taken.update(chain)
    box = _branch_apart(holder, taken)
    if (box is None or box.tag in ("body", "html") or not taken
            or len(norm(box.text_content())) > _WALL_CHARS or _repeats_kind(box, taken)
            or not _has_control(box)):
        return None
    return box


def _chains(places: Places, paragraphs: tuple[Paragraph, ...]) -> list:
    """Each paragraph's holder with its ancestors (None where the page shows no such block)."""
    holders = [places.holder(p.text) for p in paragraphs]
    return [None if h is None else (h, *h.iterancestors()) for h in holders]


def trim_call_to_action(
    places: Places, paragraphs: tuple[Paragraph, ...]
) -> tuple[tuple[Paragraph, ...], list[str]]:
    """(the body without a closing box that holds controls and none of the text before it,
    those blocks). Paywalls print a teaser of the story and then such a box: its lines are no
    article text in any language. The box may be long beside a short teaser, but never holds
    more text than the paragraphs before it."""
    if places.body is None or len(paragraphs) < 2:
        return paragraphs, []
    chains = _chains(places, paragraphs)
    total = sum(len(p.text) for p in paragraphs)
    best = len(paragraphs)
    run = 0
    for start in range(len(paragraphs) - 1, 0, -1):
        run += len(paragraphs[start].text)
        if chains[start] is None or 2 * run > total:
            break
        box = _control_box(chains[start][0], chains[:start])
        if box is not None and all(c is not None and inside_or_is(c[0], box)
                                   for c in chains[start:]):
            best = start
    return paragraphs[:best], [p.text for p in paragraphs[best:]]


def trim_leading_controls(
    places: Places, paragraphs: tuple[Paragraph, ...]
) -> tuple[tuple[Paragraph, ...], list[str]]:
    """(the body without an opening box that holds controls and none of the text after it,
    those blocks): a login or registration bar, a "save" and "share" row, printed above the
    article, in any language. Like the closing wall (``trim_call_to_action``), it says little
    and never more than the text after it."""
    if places.body is None or len(paragraphs) < 2:
        return paragraphs, []
    chains = _chains(places, paragraphs)
    total = sum(len(p.text) for p in paragraphs)
    best = 0
    run = 0
    for end in range(1, len(paragraphs)):
        run += len(paragraphs[end - 1].text)
        if chains[end - 1] is None or 2 * run > total:
            break
        box = _control_box(chains[end - 1][0], chains[end:])
        if box is not None and all(c is not None and inside_or_is(c[0], box)
                                   for c in chains[:end]):
            best = end
    return renumbered(paragraphs[best:]), [p.text for p in paragraphs[:best]]


# Before the article: what the page hides from sight (text for screen readers), a photo's
# caption or credit, the headline printed again, a short label ("FAQ", a reading time).
_HIDDEN_CLASS = regexes.compile(
    r"(?:^|\s)(?:visually-?hidden|sr-only|screen-?reader-(?:text|only)|hidden|u-hidden)(?:\s|$)",
    re.IGNORECASE)
_CAPTION_CLASS = regexes.compile(
    r"caption|credit|img-desc|image-desc|photo-desc|media-desc|legend|slideshow|gallery"
    # the byline's box: an author's bio or details printed above the article
    r"|bylines?(?:$|[\s_-])|author-?(?:bio|info|details|box)", re.IGNORECASE)
_LEADING_MAX = 3  # blocks looked at before the article's first paragraph
_LABEL_CHARS = 32
_SENTENCE_END = tuple(".!?:;\"'\u201d\u2019\u00bb)")


def _hidden(el) -> bool:
    """Hidden by the page, the block alone (a page that hides its whole article until a
    script shows it hides more than the block: that is no furniture)."""
    size = len(el.text_content())
    for node in (el, *el.iterancestors()):
        if len(node.text_content()) > 2 * size + 40:
            return False
        style = (node.get("style") or "").replace(" ", "").lower()
        if node.get("aria-hidden") == "true" or node.get("hidden") is not None \
                or "display:none" in style or _HIDDEN_CLASS.search(node.get("class") or ""):
            return True
    return False


def _caption(el) -> bool:
    for k, node in enumerate((el, *el.iterancestors())):
        if k > 3:
            break
        if node.tag in ("figure", "figcaption") or _CAPTION_CLASS.search(node.get("class") or ""):
            return True
    return False


def _label(text: str) -> bool:
    """A short line that is no sentence: a label, a reading time, a section name (not a
    dateline alone on its line: "PLACE -", a known place)."""
    text = text.strip()
    return len(text) <= _LABEL_CHARS and len(text.split()) <= 4 \
        and not text.endswith(_SENTENCE_END) and not text.endswith(("-", "\u2013", "\u2014")) \
        and not dateline_only(text)


def trim_leading_furniture(
    places: Places, paragraphs: tuple[Paragraph, ...], titles: list[str]
) -> tuple[tuple[Paragraph, ...], list[str]]:
    """(the body without the blocks before its first paragraph that are no article text:
    hidden, a caption, the headline again, a label; those blocks). A line ending in a dash is
    kept: a dateline the page sets apart ("PLACE -")."""
    if places.body is None or len(paragraphs) < 2:
        return paragraphs, []
    title_keys = {text_key(t) for t in titles if t}
    k = 0
    while k < min(_LEADING_MAX, len(paragraphs) - 1):
        text = paragraphs[k].text
        holder = places.holder(text)
        if text_key(text) in title_keys or _label(text) or (
                holder is not None and (_hidden(holder) or _caption(holder))):
            k += 1
            continue
        break
    if not k:
        return paragraphs, []
    kept = renumbered(paragraphs[k:])
    return kept, [p.text for p in paragraphs[:k]]


# Before the article: a box of key points (a bulleted summary of the story, sometimes under a
# heading of its own and with a note on how it was made) that the page shows above the text.
_SUMMARY_LOOK = 2  # blocks before the list's first item that may belong to its box
_MIN_ITEMS = 2
_MIN_AFTER = 2  # prose paragraphs that must follow the box
_NOTE_CHARS = 200  # a note in the box after the list (how the summary was made)


def _list_of(el):
    return next((a for a in (el, *el.iterancestors()) if a.tag in ("ul", "ol")), None)


def trim_box_and_after(
    places: Places, paragraphs: tuple[Paragraph, ...], titles: list[str]
) -> tuple[tuple[Paragraph, ...], list[str]]:
    """``trim_summary_box``, then what ``trim_leading_furniture`` leaves out of what follows the
    box (a caption or a label between the box and the article's first paragraph)."""
    kept, box = trim_summary_box(places, paragraphs)
    if box:
        kept, more = trim_leading_furniture(places, kept, titles)
        box += more
    return kept, box


def trim_summary_box(
    places: Places, paragraphs: tuple[Paragraph, ...]
) -> tuple[tuple[Paragraph, ...], list[str]]:
    """(the body without a leading box of bullet points, its blocks). The box is a list of at
    least two items at the top of the body, with whatever else its own element holds (a
    heading, a note), followed by paragraphs that lie outside it and in no list: the article
    starts after it, whatever the box is called in the page's language."""
    if places.body is None or len(paragraphs) < _MIN_ITEMS + _MIN_AFTER:
        return paragraphs, []
    holders = [places.holder(p.text) for p in paragraphs[:_SUMMARY_LOOK + 12]]
    start = next((i for i, h in enumerate(holders[:_SUMMARY_LOOK + 1])
                  if h is not None and _list_of(h) is not None), None)
    if start is None:
        return paragraphs, []
    items = _list_of(holders[start])
    end = start
    while end < len(holders) and holders[end] is not None and inside_or_is(holders[end], items):
        end += 1
    if end - start < _MIN_ITEMS:
        return paragraphs, []
    # the box: the largest element around the list that holds at most one of the paragraphs
    # after the list (a note on the summary), never the article's paragraphs that follow
    after = [h for h in holders[end:end + 4] if h is not None]
    if len(after) < _MIN_AFTER:
        return paragraphs, []
    box = items
    for anc in items.iterancestors():
        if anc is places.body or sum(inside_or_is(h, anc) for h in after) > 1:
            break
        box = anc
    if any(h is None or not inside_or_is(h, box) for h in holders[:start]):
        return paragraphs, []
    if end < len(holders) and len(paragraphs[end].text) <= _NOTE_CHARS and any(
            inside_or_is(el, box) for el in places.every_holder(paragraphs[end].text)):
        end += 1
    rest = holders[end:end + _MIN_AFTER]
    if len(rest) < _MIN_AFTER or any(h is None or _list_of(h) is not None for h in rest):
        return paragraphs, []
    kept = renumbered(paragraphs[end:])
    return kept, [p.text for p in paragraphs[:end]]


# After the article: a line mostly made of a link (a teaser for another story, a "read next"
# or a call to follow the outlet, in any language), or a separator ("___", "* * *") after which
# the page appends notes of its own.
_LINKED_SHARE = 0.5
_LINKED_CHARS = 160
_LINKED_MAX = 4
_SEPARATOR = regexes.compile(r"^[\W_]{3,}$")
_OWN_CHARS = 250  # a closing line that names the site: a promotion or a credit, not the text


def _site_words(sites: Sequence[str]) -> re.Pattern[str] | None:
    """A pattern for the site's names as whole words (names of three characters or more)."""
    names = regexes.longest_first({n.strip() for n in sites if len(n.strip()) >= 3})
    if not names:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)",
                      re.IGNORECASE)


def link_share(el) -> float:
    """The part of an element's text that its links show."""
    total = len(" ".join(el.text_content().split()))
    if not total:
        return 0.0
    return linked_chars(el) / total


def trim_linked_tail(
    places: Places, paragraphs: tuple[Paragraph, ...], sites: Sequence[str] = ()
) -> tuple[tuple[Paragraph, ...], list[str]]:
    """(the body without a closing run of short lines that are mostly a link or that name the
    site itself (``sites``: its names and host) and link somewhere, the site's own promotion
    ("Follow <site> on ...", "The <site> newsletter ...", "<reporter> writes for <site>. More
    of his articles here."), and without what follows a separator line in its last third;
    those lines)."""
    if places.body is None or len(paragraphs) < 4:
        return paragraphs, []
    keep = len(paragraphs)
    limit = len(paragraphs) - len(paragraphs) // 3
    for i in range(limit, len(paragraphs)):
        if _SEPARATOR.match(paragraphs[i].text.strip()):
            keep = i
            break
    removed = 0
    own = _site_words(sites)
    while keep > limit and removed < _LINKED_MAX:
        text = paragraphs[keep - 1].text
        holder = places.holder(text) if len(text) <= _OWN_CHARS else None
        share = link_share(holder) if holder is not None else 0.0
        if not (share >= _LINKED_SHARE and len(text) <= _LINKED_CHARS
                or share > 0 and own is not None and own.search(text)):
            break
        keep -= 1
        removed += 1
    return paragraphs[:keep], [p.text for p in paragraphs[keep:]]


# Inside the article: a teaser for another story, a short label, a separator and a linked
# headline ("Read also: <a>...</a>", "LUE MYÖS | <a>...</a>", "Voir aussi » <a>...</a>"), in any
# language: the words after the label are a link.
_LABELLED = regexes.compile(
    r"^(?P<label>[^\W\d][\w'’ .-]{0,39}?)\s*(?::|\||»|>>|›)\s*(?P<rest>\S.{14,})$")
_LABEL_WORDS = 5
_LINKED_REST = 0.8


def _teaser(text: str, holder) -> bool:
    match = _LABELLED.match(text)
    if match is None or len(match.group("label").split()) > _LABEL_WORDS:
        return False
    rest = len(" ".join(match.group("rest").split()))
    linked = linked_chars(holder)
    label = len(" ".join(match.group("label").split()))
    # the link shows the words after the label (it may hold the label too)
    return linked >= _LINKED_REST * rest and linked <= rest + label + 4


def trim_teasers(
    places: Places, paragraphs: tuple[Paragraph, ...]
) -> tuple[tuple[Paragraph, ...], list[str]]:
    """(the body without teasers for other stories set in it, those teasers)."""
    if places.body is None or len(paragraphs) < 3:
        return paragraphs, []
    kept: list[Paragraph] = []
    dropped: list[str] = []
    for p in paragraphs:
        holder = places.holder(p.text) if len(p.text) <= 250 else None
        if holder is not None and _teaser(p.text, holder):
            dropped.append(p.text)
        else:
            kept.append(p)
    if len(kept) < 2:
        return paragraphs, []
    return renumbered(kept), dropped


# After the article: a credit in brackets ("(dmk)", "(Source: an agency)") or a line that
# announces what follows it on the page (a link, a widget: it ends with a colon).
_CREDIT = regexes.compile(r"^[(\[][^()\[\]]{1,60}[)\]]\.?$")
_TRAILING_MAX = 2


def _sign_off(text: str) -> bool:
    text = text.strip()
    return bool(_CREDIT.match(text)) or (text.endswith(":") and len(text) <= 160)


def trim_sign_offs(paragraphs: tuple[Paragraph, ...]) -> tuple[tuple[Paragraph, ...], list[str]]:
    """(the body without a closing credit in brackets or a closing line that announces
    something the page shows after it; those lines)."""
    keep = len(paragraphs)
    while keep > 1 and len(paragraphs) - keep < _TRAILING_MAX and _sign_off(
            paragraphs[keep - 1].text):
        keep -= 1
    return paragraphs[:keep], [p.text for p in paragraphs[keep:]]
