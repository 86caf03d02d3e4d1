"""Attribution of quotations in languages other than English, from strong evidence only.

The English cue lexicon and clause rules misread other languages (a German noun, a Spanish
preposition or an Icelandic verb is capitalised like a name at a sentence start), so another
language gets a small cue lexicon per major language and three patterns around a quotation:

* after it: '«...», sagte Pavel Korsunow' / '"...", a déclaré Dupont' / '..., segir Sólrún' /
  '"...", so Nikolai Wendt' (cue, then the name or a pronoun), or '..., Korsunow sagte';
* before it: 'Según Olmedo, "..."' / 'Laut Wendt: "..."' (a preposition of source, then the
  name), or 'Wendt sagte: "..."';
* language-independent: '"...", Pavel Korsunow.' (the quotation, a comma and a 2-3 word name
  that ends the sentence).

Everything else is cue-less: the caller gives it to the latest speaker nearby (or nobody).
Names are checked by ``plausible.admit`` with the article's language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from site_gen import regexes
from site_gen.quotes.direct import NONE, Attribution, share_in_chains
from site_gen.quotes.marks import QuotationEnds, Segment
from site_gen.quotes.names import Mention
from site_gen.quotes.plausible import admit
from site_gen.quotes.sentences import Sentences

# Speech verbs (as written, several persons and tenses) and prepositions of source.
_VERBS = {
    "de": """sagte sagt sagten sagen erklärte erklärt erklärten betonte betont meinte meint
    schrieb schreibt ergänzte ergänzt warnte warnt kritisierte kritisiert so
    berichtete berichtet teilte mahnte mahnt forderte fordert""",
    "es": """dijo dice afirmó afirma señaló señala explicó explica aseguró asegura añadió añade
    indicó indica destacó destaca apuntó apunta advirtió advierte subrayó subraya declaró
    declara sostuvo sostiene manifestó agregó comentó insistió""",
    "fr": """déclare dit affirme souligne explique ajoute estime indique assure précise
    poursuit confie lance rappelle""",
    "it": """dice dichiara afferma spiega sottolinea aggiunge osserva commenta""",
    "pt": """disse diz afirmou afirma explicou declarou acrescentou""",
    "nl": """zei zegt verklaarde vertelde""",
    "sv": """säger sa sade""",
    "is": """segir sagði kveðst sagðist bætir""",
    "ru": """сказал сказала заявил заявила отметил отметила подчеркнул подчеркнула добавил
    добавила считает говорит пишет""",
}
# Multi-word cues: the perfect tenses of French and Italian ("a déclaré", "ha detto").
_PHRASES = {
    "fr": "a déclaré|a dit|a affirmé|a souligné|a expliqué|a ajouté|a indiqué|a assuré",
    "it": "ha detto|ha dichiarato|ha affermato|ha spiegato|ha sottolineato|ha aggiunto",
}
_SOURCE = {
    "de": "laut|so|nach Angaben von", "es": "según|para", "fr": "selon|pour", "it": "secondo|per",
    "pt": "segundo|para", "nl": "volgens", "sv": "enligt", "ru": "по словам|по мнению",
}
_PRONOUNS = {
    "er": "m", "sie": "f", "il": "m", "elle": "f", "él": "m", "ella": "f", "lui": "m",
    "lei": "f", "ele": "m", "ela": "f", "hij": "m", "zij": "f", "han": "m", "hon": "f",
    "hann": "m", "hún": "f", "он": "m", "она": "f",
}
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0410-\u042f\u0401"
_WORD = rf"[{_UP}][\w'\u2019-]+"
_PARTICLE = r"(?:van|von|de|da|del|der|den|di|du|dos|la|le)[ \u00a0]+"
_NAME = rf"{_WORD}(?:[ \u00a0]+(?:{_PARTICLE}){{0,2}}{_WORD}){{0,3}}"
_PRONOUN = "|".join(regexes.longest_first(_PRONOUNS))
_MAX_GAP = 160


def _cue_alternation(lang: str) -> str:
    words = _VERBS.get(lang, "").split()
    phrases = _PHRASES.get(lang, "").split("|") if lang in _PHRASES else []
    alts = regexes.longest_first({re.escape(w.rstrip(",")) for w in words}
                                 | {p.replace(" ", r"\s+") for p in phrases})
    return "|".join(alts)


def _patterns(lang: str) -> tuple[re.Pattern[str] | None, ...]:
    """(cue then name, name then cue, source preposition then name, name then cue before a
    colon) for one language; None where the language has no lexicon."""
    cue = _cue_alternation(lang)
    source = _SOURCE.get(lang)
    who = rf"(?P<name>{_NAME})|(?P<pron>{_PRONOUN})(?![\w-])"
    if not cue:
        return (None, None, None, None)
    return (
        re.compile(rf"[\s,\u2014\u2013-]*(?P<cue>(?i:{cue}))(?![\w-])\s+(?:{who})"),
        re.compile(rf"\s*[,\u2014\u2013-]\s*(?P<name>{_NAME})\s+(?P<cue>{cue})(?![\w-])"),
        re.compile(rf"(?:^|[\s(])(?P<cue>(?i:{source}))\s+(?P<name>{_NAME})\s*[,:]")
        if source else None,
        re.compile(rf"(?P<name>{_NAME})\s+(?P<cue>{cue})(?![\w-])[^.!?\"\u201c\u201d\u201e\u00ab"
                   rf"\u00bb]{{0,60}}:\s*$"),
    )


_CACHE: dict[str, tuple[re.Pattern[str] | None, ...]] = {}
_TRAILING_NAME = regexes.compile(rf"\s*,\s*(?P<name>{_WORD}(?:[ \u00a0]+{_WORD}){{1,2}})\s*[.;]")


def _name_mention(m: re.Match[str], lang: str) -> Mention | None:
    if m.groupdict().get("pron"):
        pron = m.group("pron")
        return Mention(pron, m.start("pron"), "pronoun", gender=_PRONOUNS[pron.lower()])
    tokens = admit(m.group("name").split(), lang)
    if tokens is None:
        return None
    start = m.start("name") + m.group("name").find(tokens[0])
    return Mention(m.group("name"), start, "name", " ".join(tokens))


def _after(text: str, seg: Segment, limit: int, lang: str,
           pats: tuple[re.Pattern[str] | None, ...]) -> Attribution | None:
    for pat in (pats[0], pats[1], _TRAILING_NAME):
        if pat is None:
            continue
        m = pat.match(text, seg.close_end, limit)
        if m is None:
            continue
        mention = _name_mention(m, lang)
        if mention is None:
            continue
        cue = m.groupdict().get("cue") or ","
        cue_at = m.start("cue") if m.groupdict().get("cue") else seg.close_end
        return Attribution("after", cue, cue_at, mention)
    return None


def _before(text: str, seg: Segment, lo: int, lang: str,
            pats: tuple[re.Pattern[str] | None, ...]) -> Attribution | None:
    for pat in (pats[2], pats[3]):
        if pat is None:
            continue
        m = pat.search(text, max(lo, seg.open_at - 120), seg.open_at)
        if m is None:
            continue
        mention = _name_mention(m, lang)
        if mention is not None:
            return Attribution("before", m.group("cue"), m.start("cue"), mention)
    return None


def attribute(text: str, sents: Sentences, segs: Sequence[Segment], lang: str,
              ) -> list[tuple[Segment, Attribution]]:
    """Each quoted segment of two words or more, with its attribution (``NONE`` when no strong
    evidence names the speaker)."""
    pats = _CACHE.get(lang)
    if pats is None:
        pats = _CACHE[lang] = _patterns(lang)
    out: list[tuple[Segment, Attribution]] = []
    ends = QuotationEnds(segs)
    for i, seg in enumerate(segs):
        if len(text[seg.start:seg.end].split()) < 2:
            continue
        s_start, s_end = sents.span(seg.open_at)
        _, end_after = sents.span(min(seg.close_end, len(text) - 1))
        nxt = segs[i + 1].open_at if i + 1 < len(segs) else len(text)
        limit = min(max(s_end, end_after), nxt, seg.close_end + _MAX_GAP)
        lo = ends.after(s_start, seg.open_at)
        att = _after(text, seg, limit, lang, pats) or _before(text, seg, lo, lang, pats)
        out.append((seg, att or NONE))
    return share_in_chains(out)
