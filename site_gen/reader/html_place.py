"""Where a page shows a piece of text: the element that holds it, and the body's container.

The extractor gives paragraphs as text; deciding what is article and what is page furniture
(a standfirst in the header, a newsletter box after the body) needs their place in the page.
``Places`` indexes the page's block elements by the first word they show, so that finding the
holder of every paragraph costs about one pass over the page, whatever its size.
"""

from __future__ import annotations

from site_gen import regexes

_WS = regexes.compile(r"\s+")
BLOCKS = ("p", "div", "h2", "h3", "h4", "h5", "h6", "section", "header", "footer", "span",
          "strong", "li", "em", "i", "b", "blockquote", "aside", "figcaption", "td", "dt", "dd")
_KEY_CHARS = 8  # an element is looked up by the first characters of its first word


def norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _first_word(text: str) -> str:
    """The lookup key of a text: the start of its first word (a few characters, as a
    script written without spaces may end an element's first text node mid-"word")."""
    return text.split(" ", 1)[0][:_KEY_CHARS] if text else ""


def _lead(el) -> str:
    """The start of ``el``'s text, long enough for its key."""
    text = ""
    for piece in el.itertext():
        text += piece
        lead = text.lstrip()
        if len(lead) > 40 or len(lead) > _KEY_CHARS and " " in lead:
            break
    return norm(text)


# Scripts written without spaces between words (Chinese, Japanese): a line break inside a
# paragraph joins their lines with nothing; elsewhere it is a space.
_UNSPACED = regexes.compile(r"[\u2e80-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


def line_join(left: str, right: str) -> str:
    """What a single line break between ``left`` and ``right`` becomes: a space, or nothing
    between two characters of a script written without spaces."""
    a, b = left.rstrip()[-1:], right.lstrip()[:1]
    return "" if a and b and _UNSPACED.match(a) and _UNSPACED.match(b) else " "


def split_at_breaks(el, tag: str = "br") -> list[str]:
    """The texts of ``el`` between two line breaks in a row (``<br><br>``: the paragraphs of a
    page that writes no ``<p>``), as written; a single break joins its lines (``line_join``).
    ``tag`` is the break's tag: ``br`` in a page, ``lb`` in the extractor's tree."""
    tokens: list[str | None] = [el.text or ""]  # None: a line break
    for child in el:
        if child.tag == tag:
            tokens.append(None)
        elif isinstance(child.tag, str):  # not a comment or a processing instruction
            tokens.append("".join(child.itertext()))
        tokens.append(child.tail or "")
    parts, current, breaks = [], "", 0
    for token in tokens:
        if token is None:
            breaks += 1
        elif token.strip():
            if breaks >= 2:
                parts.append(current)
                current = ""
            elif breaks:
                current += line_join(current, token)
            current += token
            breaks = 0
        else:
            current += token
    parts.append(current)
    return parts


def break_segments(el) -> list[str]:
    """The paragraphs ``el`` writes with line breaks (``split_at_breaks``), whitespace
    normalized; one text when it has no two breaks in a row."""
    return [n for n in map(norm, split_at_breaks(el)) if n]


class Places:
    """The block elements of a page's ``<body>``, looked up by the text they show."""

    def __init__(self, body) -> None:
        self.body = body
        self._by_word: dict[str, list] = {}
        self._order: dict | None = None
        # Each looked-up element's text and its normalized form, made once: a page's
        # paragraphs are looked up many times, in the same few elements of a word's list
        # (the elements stay alive in ``_by_word``, so they key it).
        self._texts: dict[object, tuple[str, str | None]] = {}
        # The paragraphs an element writes with line breaks (``<br><br>``) -> that element.
        self._segments: dict[str, object] = {}
        if body is None:
            return
        for el in body.iter(*BLOCKS):
            lead = _lead(el)
            if lead:
                self._by_word.setdefault(_first_word(lead), []).append(el)
            if el.find("br") is not None:
                segments = break_segments(el)
                if len(segments) > 1:
                    for segment in segments:  # a later (inner) element wins, as in holder
                        self._segments[segment] = el

    def _shows(self, el, want: str) -> bool:
        """``el``'s whole text, normalized, is ``want`` (its text is not normalized when its
        length rules it out)."""
        held = self._texts.get(el)
        if held is None:
            held = self._texts[el] = (el.text_content(), None)
        content, normed = held
        if len(content) < len(want) or len(content) > 3 * len(want) + 200:
            return False
        if normed is None:
            normed = norm(content)
            self._texts[el] = (content, normed)
        return normed == want

    def holder(self, text: str):
        """The smallest element whose whole text is ``text`` (None when no element holds
        exactly it)."""
        want = norm(text)
        best = None
        for el in self._by_word.get(_first_word(want), ()):
            if self._shows(el, want):
                best = el  # document order: a descendant comes after its ancestor
        return best if best is not None else self._segments.get(want)

    def every_holder(self, text: str) -> list:
        """Every element whose whole text is ``text`` (a page may print the same words in
        several places: a note that closes this story's box and another story's)."""
        want = norm(text)
        return [el for el in self._by_word.get(_first_word(want), ()) if self._shows(el, want)]

    def holders(self, texts) -> list:
        return [h for h in (self.holder(t) for t in texts) if h is not None]

    def before(self, a, b) -> bool:
        """``a`` comes before ``b`` in the page."""
        if self._order is None:
            # keyed by the elements themselves: lxml makes a new Python object for an element
            # each time one is asked for unless one is alive, so ids of dropped ones recur
            self._order = {el: i for i, el in enumerate(self.body.iter())}
        return self._order.get(a, 0) < self._order.get(b, 0)


def inside(el, container) -> bool:
    return any(anc is container for anc in el.iterancestors())


def inside_or_is(el, container) -> bool:
    return el is container or inside(el, container)


def linked_chars(el, href_only: bool = False) -> int:
    """How many characters of ``el``'s text its links show (spaces collapsed; ``href_only``:
    only links that lead somewhere)."""
    return sum(len(" ".join(a.text_content().split())) for a in el.iter("a")
               if not href_only or a.get("href"))


def common_container(elements: list):
    """The smallest element holding all ``elements`` (for one element: its parent)."""
    if not elements:
        return None
    if len(elements) == 1:
        return elements[0].getparent()
    chains = [[el, *el.iterancestors()] for el in elements]
    shared = set(chains[0])  # the elements, not their ids (see Places.before)
    for chain in chains[1:]:
        shared &= set(chain)
    return next((el for el in chains[0] if el in shared), None)


def main_container(holders: list, share: float = 0.7):
    """The deepest element that holds at least ``share`` of the body's paragraph holders: the
    article's own container, apart from the furniture around it."""
    if not holders:
        return None
    counts: dict = {}  # element -> holders inside it (the elements, not ids: Places.before)
    for h in holders:
        for anc in h.iterancestors():
            counts[anc] = counts.get(anc, 0) + 1
    need = share * len(holders)
    for h in holders:
        for anc in h.iterancestors():
            if counts[anc] >= need:
                return anc
    return None


# Elements that set their text apart from what stands beside them.
_APART = frozenset(("br", "p", "div", "li", "ul", "ol", "section", "header", "footer", "address",
                    "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "table", "tr", "td", "figure"))
_PARTS = regexes.compile(r"\s*(?:\|\s*)+")


def shown_text(el) -> str:
    """An element's text as the page shows it, its parts apart: a line break or a block
    between two pieces of text, or two elements that touch with nothing between them (the
    page's style sets them apart: "<a>Jane Roe</a><span>Reporter</span>"), part them with
    " | "; elements with a space between them run on ("<span>Jane</span> <span>Roe</span>")."""
    out: list[str] = []

    def walk(node) -> None:
        out.append(node.text or "")
        touching = False
        for child in node:
            if isinstance(child.tag, str):
                apart = child.tag in _APART
                if apart or touching:
                    out.append(" | ")
                walk(child)
                if apart:
                    out.append(" | ")
            out.append(child.tail or "")
            touching = isinstance(child.tag, str) and not child.tail

    walk(el)
    return _PARTS.sub(" | ", norm("".join(out))).strip(" |")
