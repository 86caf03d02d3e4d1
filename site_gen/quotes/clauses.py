"""Finding the speaker phrase around a cue: the clause piece before it, or the one after it.

"Underscoring the point, Sheikh Qadiri also stated, ..." -> the piece between the last
clause delimiter and the cue ("Sheikh Qadiri"), adverbs and auxiliaries dropped.
"..., John Smith, a doctor, said" -> the name with its apposition. "..., said Smith, who ..." ->
the phrase after an inverted cue. When nothing names the speaker ("... and said that ...") the
subject is elided and the caller falls back to the sentence subject.
"""

from __future__ import annotations

import re

from site_gen import regexes
from site_gen.quotes.cues import AUX_WORDS, CueMatch, cues_of, find_cues, opens_inverted
from site_gen.quotes.firstnames import is_given_name
from site_gen.quotes.names import (
    GROUP_HEADS,
    HONORIFICS,
    ORG_HEADS,
    ORG_KINDS,
    POSSESSIVE_ENDS,
    RUN,
    Mention,
    parse_mention,
)

_DELIM = regexes.compile(
    r"[,;:()\u201c\u201d\u201e\"\u2014\u2013]|''|``|\s-\s|\s--\s|\s-(?=[A-Z])")
_CONJ = regexes.compile(
    r"(?:^|\s)(?:and|but|that|while|as|because|when|if|so|since|after|before|where|though|although"
    r"|whereas|then|which|who|whom|than|or|once|until|unless|what)(?:\s|$)", re.IGNORECASE)
_OF_PLACE = regexes.compile(r"\s+(?:of|from)\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)?\s*$")
# An absolute phrase opening the piece before a cue ('..., with Jane Doe calling it ...').
_WITH_LEAD = regexes.compile(r"\s*[Ww]ith\s+(?=[A-Z])")
_RELATIVE = regexes.compile(r"^\s*(?:who|which|whose)\b", re.IGNORECASE)
_AFTER_STOP = regexes.compile(
    r"[,;:.!?()\u201c\u201d\"\u2014\u2013]|\s(?:in|on|at|during|as|after|before|when|while|to|of|from"
    r"|about|last|this|on|with|via|through|for|and|but|that|who|Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday|earlier|later|recently|yesterday|today)\b")
_POSS_APPOSITION = regexes.compile(
    r"[^,.;:\"\u201c\u201d]{2,60}?,\s+(" + RUN.pattern + r")(?<![\s.][A-Z])(?=\s*[,.;]|\s*$)")
_WHICH = regexes.compile(r"\s*which\s")
_ROLE_NAMED = regexes.compile(r"\s*(?:the|a|an)\s+(?:[a-z][\w-]*\s+){1,3}" + RUN.pattern + r"\s*")
_ING_PHRASE = regexes.compile(  # "Jane Doe, a voter, attending the rally, said"
    r"\s*[a-z]{3,}ing\s"
)
_WHOSE = regexes.compile(r"\s*whose\s+[a-z][\w\s-]{0,40}")
_HAS_POSSESSIVE = regexes.compile(r"['\u2019]s\s")
# "a spokeswoman for Brandt Hotels, Jennifer Lindqvist": a role, then the name in apposition.
_ROLE_FIRST = regexes.compile(
    r"(?:(?:the|a|an|his|her|its|their)\s+)?(?:[\w-]+\s+){0,3}?(?:spokes(?:wo)?man|spokesperson"
    r"|aide|adviser|advisor|director|chairman|chairwoman|chair|manager|secretary|president"
    r"|executive|officer|strategist|pollster|analyst|professor|lawyer|attorney|head|chief"
    r"|founder|leader|member|representative|official|economist|senator|governor|mayor)\b")
# "another Twitter user, Jane Doe": a description with an article, then the name in apposition.
_DESCRIBED_FIRST = regexes.compile(r"(?:another|an|a|the|one)\s+(?:[\w-]+\s+){0,3}[a-z][\w-]*,")
_ROLE_HEADS_AFTER = regexes.compile(
    r"\s+(?:leader|chief|head|spokesman|spokeswoman|nominee|candidate)\b")
# An abbreviated honorific inside a role and a name ('former Gov. Jane Doe').
_ABBREVIATION = regexes.compile(r"\s([A-Z][a-z]{1,3})\.\s")


def _holds_honorific(words: str) -> bool:
    return any(m.group(1).lower() in HONORIFICS for m in _ABBREVIATION.finditer(words))


# A name after its role, the role opening with capitalised words or joining two nouns with
# "and": 'said Democratic strategist Jane Doe', 'said lobbyist and consultant Tom Reyl'.
_ROLE_THEN_NAME = regexes.compile(
    r"(?:[A-Z][\w.'\u2019-]*\s+){0,3}(?:(?!(?:in|on|at|of|for|to|from|with|by|about|as|the|a"
    r"|an|this|that|who|which|while|when|after|before|during|last|said|says|told)\b)"
    r"[a-z][\w'\u2019-]*\s+(?:and\s+(?=[a-z]))?){1,3}" + RUN.pattern)


_CONTROL = regexes.compile(
    r"\s+(?:appeared|appears|seemed|seems|tried|tries|managed|manages|refused|refuses|declined"
    r"|declines|wanted|wants|sought|seeks|continued|continues|began|begins|used|went on|decided"
    r"|continue|try|want|seek|begin|decide|refuse|decline"  # after "will", "to"
    r"|chose|plans|planned|needed|needs|hastened|rushed|moved|is going|was going|would like"
    r"|had|has|have|was quick|were quick|took time|went so far as|is expected|was expected"
    r"|threatened|vowed|promised|agreed|failed|got|came out|has yet|have yet|had yet|is yet"
    r"|(?:took|takes|take|taking)\s+to\s+(?:the\s+)?[\w.-]+(?:\s+[\w.-]+){0,2}?"
    r"(?:\s+(?:on\s+\w+|overnight|again|today|yesterday|late|early))*"
    r"|(?:used|uses|use)\s+(?:a|an|the|his|her|their|its)\s+[\w-]+(?:\s+[\w-]+)?)\s+to\s*$")
# A light verb and its article before a cue used as a noun ("X made an unprompted call for",
# "X delivered a snappy retort", "X issued a warning"): the verb's subject made the statement.
_LIGHT = regexes.compile(
    r"\s+(?:made|makes|making|delivered|delivers|issued|issues|gave|gives|offered|offers|fired"
    r" off|fires off|sent|sends|posted|posts|repeated|renewed|voiced)\s+(?:a|an|the|his|her|their"
    r"|its)(?:\s+[a-z][\w-]*){0,2}\s*$")
_TAIL = 120
_PAREN = regexes.compile(r"\s*\([^()]{1,40}\)\s*$")


def _tail(text: str) -> int:
    """Where to start a search for a pattern anchored at the end (``$``): searching the whole
    text would try every position."""
    return max(0, len(text) - _TAIL)


# Adverbs without -ly that stand between a subject and its verb ("X now says", "X has long
# said", "X also told"): English function words, cut like auxiliaries.
_ADVERBS = frozenset("now also still later then long often once never always already again even"
                     " just soon too first further since".split())
# Who a person is, written between the name and the verb: an age (", 59,"), a home town (", of
# Springfield, Ill.,"), a party tag ("(D-N.Y.)"), a relative clause (", who lives nearby,").
# Blanked (same length, offsets kept) so the name itself stands right before the verb.
_PARTY = r"\s*\((?:[DRI]|Dem|Rep|Ind)\.?-[A-Z][\w. ]{1,20}\)"  # "(D-N.Y.)"
# A state's or province's abbreviation ("Kes.", "N.C."), after a place.
_STATE = r"[A-Z][a-z]{0,3}\.(?:\s?[A-Z][a-z]?\.)?"
_DEMOGRAPHIC = regexes.compile(
    r",\s*\d{1,3}\s*(?=,)"
    r"|,\s*(?:of|from)\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}"
    r"(?:,\s*[A-Z][a-z]{1,4}\.(?:\s?[A-Z][a-z]?\.)?|,\s*[A-Z][a-z]{3,15})?(?=,)"
    r"|" + _PARTY +
    r"|,\s*(?:[DRI]|Dem|Rep|Ind)\.?-[A-Z][\w.]{0,12}(?=,)"  # ", R-Vel.,": a party tag unbracketed
    # a state's abbreviation after a place ("in Port Velmar, Kes.,"): part of the place
    r"|(?<=[a-z]),\s*" + _STATE + r"(?=,)"
    # a relative clause about the person, up to the comma before the cue: it may hold commas
    # of its own ("who grew up in Aurora, Ohio, in the 1990s,")
    r"|,\s*who\s+[^;:\u201c\u201d\"]{1,200}(?=,\s*$)"
    r"|,\s*who\s+[^,;:\u201c\u201d\"]{1,80}(?=,)"
)
_FINAL_COMMA = regexes.compile(r"^(\s*[^,;:]{1,80}?)\s*,\s*$")


def _blank_demographics(seg: str) -> str:
    """``seg`` with the descriptions of a person between name and verb blanked out; a comma
    left alone at the end (it closed the description) goes too."""
    blanked = _DEMOGRAPHIC.sub(lambda m: " " * len(m.group()), seg)
    if blanked == seg:
        return seg
    match = _FINAL_COMMA.match(blanked)
    return blanked if match is None else match.group(1).ljust(len(seg))


# Words in -ly that are nouns, not adverbs ("the respected regional daily wrote").
_LY_NOUNS = frozenset("daily weekly monthly quarterly family ally rally assembly anomaly supply"
                      " reply bully homily monopoly".split())


def _cut_aux(text: str) -> str:
    """``text`` without trailing auxiliaries (``cues.AUX_WORDS``) and adverbs in -ly ("Trump
    has repeatedly"), cut word by word from the end (a regex search anchored at the end tries
    every position)."""
    text = text.rstrip()
    while True:
        i = max(text.rfind(" "), text.rfind("\t"), text.rfind("\n"), text.rfind("\u00a0"))
        if i < 0:
            return text
        word = text[i + 1:]
        if not (word in AUX_WORDS or word in _ADVERBS
                or (len(word) > 2 and word.endswith("ly") and word.isalpha()
                                      and word.islower() and word.isascii()
                                      and word not in _LY_NOUNS)):
            return text
        text = text[:i].rstrip()


def _strip_aux(text: str) -> str:
    for _ in range(3):  # "she will have to continue to": two control verbs and an auxiliary
        text = _cut_aux(text)
        # both patterns are anchored at the end: test the last characters before searching
        end = text.rstrip()[-2:]
        c = (_CONTROL.search(text, _tail(text)) if end == "to" else None) or (
            _PAREN.search(text, _tail(text)) if end[-1:] == ")" else None) or (
            _LIGHT.search(text, _tail(text)) if end[-1:].isalpha() else None)
        if not c:
            break
        text = text[: c.start()]
    return text


_TRAILING_PP = regexes.compile(
    r"(?:\s+(?:on|last|this|early|late|earlier|in|at|during|over|via)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:[A-Za-z][\w-]*\s+)?"  # "in a blog post", "in an emailed statement", "a Medium post"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|weekend|month|year|night"
    r"|morning|afternoon|evening|Twitter|Facebook|statement|interview|speech|email|letter|tweet"
    r"|post|release|debate|rally|op-ed|[A-Z][a-z]+ \d+|\d+)[\w-]*(?:\s+(?:night|morning|afternoon"
    r"|evening|interview|statement))?|\s+(?:in\s+)?(?:January|February|March|April|June|July"
    r"|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday)(?:\s+\d+|\s+(?:night|morning|afternoon|evening))?"
    r"|\s+in\s+recent\s+(?:days|weeks|months)"
    r"|\s+(?:on|in|at)\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)?\s+(?:hearing|interview|rally"
    r"|speech|event|appearance))+\s*$")
_MAX_SUBJECT_WORDS = 9
# A sentence that opens with a subordinate clause ("When ...,", "While ..., Y said").
SUBORDINATE_START = regexes.compile(
    r"\s*(?:(?:Not\s+long|Shortly|Soon|Just|Right|Long|Only|Even|Ever)\s+(?:after|before|since|when)"
    r"|When|Whenever|After|As|While|Whereas|Before|Although|Though|Even\s+as"
    r"|Even\s+though|Once|Since|If|Because|Until)\s")
# What the last word of a ``_TRAILING_PP`` match starts with (lower-cased): a cheap test that
# spares the search on most segments.
_PP_LAST = tuple(
    """monday tuesday wednesday thursday friday saturday sunday week month year night morning
    afternoon evening twitter facebook statement interview speech email letter tweet post
    release debate rally op-ed january february march april june july august september october
    november december days hearing event appearance""".split())


def _trailing_pp(seg: str) -> re.Match[str] | None:
    words = seg.rsplit(None, 1)
    last = words[-1] if words else ""
    if not (last[:1].isdigit() or last.lower().startswith(_PP_LAST)):
        return None
    return _TRAILING_PP.search(seg, _tail(seg))


# A verb in the past before an infinitive cue ("X interjected to say", "X rose to add", "X
# stood up to ask"): the verb's subject speaks.
# (not a passive or a plan: "is expected to maintain", "was forced to deny")
_PAST_TO = regexes.compile(
    r"\s+(?!(?:expected|supposed|scheduled|slated|required|forced|allowed|pressed|urged|invited"
    r"|encouraged|prepared|designed|intended|meant)\s)[a-z]{3,}ed(?:\s+(?:up|in|back|out|on))?"
    r"\s+to\s*$")
_INFINITIVE = regexes.compile(r"[a-z]+\b")
_BE_END = regexes.compile(r"\b(?:is|are|was|were|be|been|being|am)$")


def _before_infinitive(seg: str, text: str, cue_start: int) -> str:
    if not seg.endswith("to"):
        return seg
    word = _INFINITIVE.match(text, cue_start)
    if word is None or word.group().endswith(("s", "ed", "ing")):
        return seg
    m = _PAST_TO.search(seg, _tail(seg))
    if m is None or _BE_END.search(seg, max(0, m.start() - 12), m.start()):
        return seg  # "she was motivated to tell": a passive, not a speech act
    return seg[: m.start()]


# "who" as the subject of its clause: a verb, or an adverb and a verb, right after it (not
# "who he noted ...", "who Jane Doe said ...").
_VERB_AFTER_WHO = regexes.compile(r"(?!(?:he|she|they|we|I|it|you|the|a|an)\b)[a-z]+\b")


# An aside set off by dashes that ends right before a cue ("Jane Doe — who ... — said"); one
# that opens with a name names the subject itself ("A former senator -- Jane Doe, who ... --").
_DASH_ASIDE = regexes.compile(
    r"\s+(?:\u2014|\u2013|--)\s(?=[a-z])[^\u2014\u2013]{3,200}?\s(?:\u2014|\u2013|--)$")


def subject_before(text: str, lo: int, cue_start: int) -> Mention | None:
    """The mention ending just before a cue at ``cue_start`` (searched back to ``lo``)."""
    seg = _before_infinitive(text[lo:cue_start].rstrip(), text, cue_start)
    if (aside := _DASH_ASIDE.search(seg)) is not None:
        seg = seg[:aside.start()]  # 'Jane Doe — who runs the harbour — said': the aside goes
    seg = _blank_demographics(_strip_aux(seg))
    pp = _trailing_pp(seg)
    if pp:
        seg = _strip_aux(seg[: pp.start()])
    if not seg.strip():
        return None
    pieces = [(m.end(), m.start()) for m in _DELIM.finditer(seg)]
    cuts = [0] + [e for e, _ in pieces]
    if seg.rstrip().endswith(",") and len(cuts) >= 3:
        return _apposition(text, lo, seg, cuts)
    start = cuts[-1]
    piece = seg[start:]
    # 'The email from harbour aide and Velmar President Jane Doe to Roe asks': its sender
    # speaks (looked for before "and" splits the piece)
    sender = _author(_FROM_SENDER.match(piece) if " from " in piece else None, lo + start)
    if sender is not None:
        return sender
    conj = list(_CONJ.finditer(piece))
    if conj and len(cuts) >= 2 and not piece[:conj[0].start()].strip() and len(conj) == 1 \
            and conj[0].group().strip().lower() == "who" and seg[cuts[-1] - 1] == "," \
            and _VERB_AFTER_WHO.match(piece, conj[0].end()):
        # "Jane Doe, who is chairman of the fund said": a relative clause whose closing comma
        # is missing; the name before it speaks
        named = _antecedent(text, lo, seg, cuts)
        if named is not None and named.kind == "name":
            return named
    if conj:
        start += conj[-1].end()
        piece = seg[start:]
        if not piece.strip() and _RELATIVE.match(conj[-1].group().strip()):
            # "groups like Oceanwatch which claimed": a name right before the relative pronoun
            head = seg[cuts[-1]:cuts[-1] + conj[-1].start()].rstrip()
            # (after an apposition, "X, a scholar at the Y Institute who said", it is X's)
            runs = list(RUN.finditer(head, max(0, len(head) - 60))) \
                if head[-1:].isalnum() and len(cuts) == 1 else []
            if runs and runs[-1].end() == len(head) and runs[-1].start() > 0:
                name = parse_mention(runs[-1].group(), lo + cuts[-1] + runs[-1].start())
                if name is not None and name.kind in ("name", "org"):
                    return name
            if len(cuts) >= 2:
                return _antecedent(text, lo, seg, cuts)
    if with_ := _WITH_LEAD.match(piece):
        # '..., with Jane Doe taking to the radio to call ...': the absolute phrase's subject
        start += with_.end()
        piece = seg[start:]
    if len(piece.split()) > _MAX_SUBJECT_WORDS:
        return _name_after_lead_in(piece, lo + start)
    if not piece.strip():
        return None
    if text[cue_start:cue_start + 1].isupper():
        piece = _cut_title_case_aux(piece)  # a headline: "Jane Doe Just Announced"
    base = lo + start  # the piece is the text from here (descriptions blanked out)
    inner = [c for c in find_cues(text, base + 1, base + len(piece))
             if piece[c.pos - base:c.stop - base] == c.text] \
        if " " in piece.strip() else []  # ("says she", "Reyl said he": two words at least)
    if inner:
        # 'Reyl said he responded: "..."': a cue inside the subject piece reports who speaks
        told = parse_mention(piece[inner[-1].stop - base:], inner[-1].stop)
        if told is not None and told.kind in ("pronoun", "name"):
            return told
    # 'a fundraising email sent out by Jane Doe on Tuesday warned', 'a Harbour Bank report
    # released Thursday said': its author speaks
    lead = piece.lstrip()[:9].lower()
    sender = _author((_BY_AGENT.match(piece) if " by " in piece else None) or (
        _AUTHORED.match(piece) if lead.startswith(_DOCUMENT_LEADS) else None), lo + start)
    if sender is not None:
        return sender
    mention = parse_mention(piece, lo + start)
    if mention is not None and mention.kind == "role" and piece.rstrip().endswith(" to"):
        return _object_before_to(piece, lo + start) or _controller(text, piece, lo + start) \
            or mention
    return mention


# A message and the one who sent it, as the subject of a cue ("a statement released by Jane
# Doe on Monday said"): the sender's name after "by".
_BY_AGENT = regexes.compile(
    r"\s*(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w-]+\s+){0,3}?(?:sent(?:\s+out)?"
    r"|released|issued|posted|written|signed|published|put\s+out|distributed|circulated)"
    r"\s+by\s+([A-Z][\w.'\u2019-]*(?:[ \u00a0]+[A-Z][\w.'\u2019-]*){0,3})"
    r"(?:\s+(?:on|in|at|last|this|early|late)\b[^,]*|\s+(?:Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday|yesterday|today)\b[^,]*)?\s*$")


def _author(found: re.Match[str] | None, offset: int) -> Mention | None:
    """The person or organisation a document pattern captured (group 1), if it names one."""
    if found is None:
        return None
    mention = parse_mention(found.group(1), offset + found.start(1))
    return mention if mention is not None and mention.kind in ("name", "org") else None


_DOCUMENT = (r"(?:e-?mails?|letters?|memos?|memorandum|notes?|messages?|statements?|texts?"
             r"|tweets?|posts?|reports?|study|studies|analysis|survey|poll|filings?|documents?)")
_DOCUMENT_LEADS = ("a ", "an ", "the ", "internal ", "new ")
# "The email from Jane Doe to ... asks": who sent it.
_FROM_SENDER = regexes.compile(
    r"\s*(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){0,2}?" + _DOCUMENT
    + r"\s+from\s+(?:[a-z][\w-]*\s+){0,4}?(" + RUN.pattern + r")(?:\s+to\s+.{1,120}?)?\s*$")
# "a Harbour Bank report released Thursday said", "internal Kestrelworks documents made public
# ...": an organisation's or a person's document, named before it.
_AUTHORED = regexes.compile(
    r"\s*(?:[Aa]n?|[Tt]he|[Ii]nternal|[Nn]ew)\s+(?:new\s+|internal\s+|recent\s+)?(" + RUN.pattern
    + r")\s+" + _DOCUMENT
    + r"(?:\s+(?:released|published|issued|made\s+public|obtained)\b[^,]{0,60})?\s*$")


# An introductory phrase without its comma ("Saturday at the party's convention Sen. Jane Doe
# said"): its first word, and the words that make a name after it the object of something
# else ("... a letter to Jane Doe said": the letter speaks).
_LEAD_IN_FIRST = frozenset(
    "at in on during after before while speaking addressing today yesterday earlier later last"
    " this monday tuesday wednesday thursday friday saturday sunday".split())
_NOT_BEFORE_NAME = frozenset(
    "to by of for with from and or nor but the a an against about on at in into than as like"
    " versus via toward towards".split())


def _name_after_lead_in(piece: str, offset: int) -> Mention | None:
    """The name that ends a subject piece too long to be one phrase when the piece opens with
    an introductory phrase that lacks its comma; else None."""
    words = piece.split()
    if words[0].lower() not in _LEAD_IN_FIRST:
        return None
    stripped = piece.rstrip()
    runs = list(RUN.finditer(stripped))
    if not runs or runs[-1].end() != len(stripped) or runs[-1].start() == 0:
        return None
    before = stripped[:runs[-1].start()].split()
    if not before or before[-1].lower() in _NOT_BEFORE_NAME or before[-1].endswith(
            ("'s", "\u2019s", ",")):
        return None
    mention = parse_mention(runs[-1].group(), offset + runs[-1].start())
    return mention if mention is not None and mention.kind == "name" else None


# A participle alone where the speaker should be ("Turning to describe ...", "having
# referred to"): the sentence's subject speaks. (A capitalised word in -ing alone may be a
# name: "Fleming said".)
# "being told" is a passive: who is told does not speak.
PARTICIPLE_ONLY = regexes.compile(r"(?!being\b)[a-z]+ing(?:\s+to)?|[A-Z][a-z]+ing\s+to")
# Auxiliaries and adverbs a headline capitalises ("Jane Doe Just Said", "X Has Now Called");
# not "Will" or "May", which are names as often.
_TITLE_AUX = frozenset("just has have had is was not now also still already never again"
                       " reportedly finally".split())


_TITLE_MODALS = frozenset("may will can could would should might must".split())


def _cut_title_case_aux(piece: str) -> str:
    words = piece.rstrip().split(" ")
    cut = False
    while len(words) > 1 and words[-1][:1].isupper() and (
            words[-1].lower() in _TITLE_AUX or cut and words[-1].lower() in _TITLE_MODALS):
        words.pop()  # a modal only before another auxiliary ("May Not Have"): "Will" is a name
        cut = True
    return " ".join(words)


# "The vote will lead Sen. Jane Roe to concede ...", "prompting Roe to ask for":
# a verb, its object named in full, then the infinitive cue: the object speaks.
_NAMED_OBJECT = regexes.compile(
    r"\s(?!(?:on|in|at|from|of|for|with|by|to|into|about|after|before|during|over|under|near"
    r"|outside|inside|across|around)\s)[a-z]+\s+(" + RUN.pattern + r")\s+to\s*$")


def _object_before_to(piece: str, offset: int) -> Mention | None:
    m = _NAMED_OBJECT.search(piece, _tail(piece))
    if m is None or m.group(1).endswith(POSSESSIVE_ENDS):
        return None
    mention = parse_mention(m.group(1), offset + m.start(1))
    if mention is None or mention.kind != "name" or " " not in (mention.name or "") \
            or (mention.name or "").split()[-1] in _TIME_NAMES:
        return None
    return mention


# Who an infinitive's verb has for subject when a clause stands between a name and the cue:
# "X is going on to insist", "X on Monday called a meeting to announce", "X was urged to
# explain": the name that opens the clause. Not when an object comes right before "to"
# ("X asked her to call", "X urged Y to say"): that object speaks.
_OBJECT_BEFORE_TO = regexes.compile(r"\b(?:him|her|them|us|me|you|it)\s+to\s*$")


# A time phrase's first word, which may stand between a subject and its verb ("X on Monday
# held a meeting to announce ...").
_TIME_START = frozenset("on in at during last this".split())


_TIME_NAMES = frozenset("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday January
    February March April May June July August September October November December""".split())


def _controller(text: str, piece: str, offset: int) -> Mention | None:
    lead = len(piece) - len(piece.lstrip())
    run = RUN.match(piece, lead)
    if run is None or _OBJECT_BEFORE_TO.search(piece):
        return None
    rest = piece[run.end():]
    if not rest[:1].isspace() or not rest.lstrip()[:1].islower() or any(
            r.group().split()[0] not in _TIME_NAMES for r in RUN.finditer(rest)):
        return None  # the name is not followed by a verb, or another name comes after it
    nxt = rest.split(None, 1)[0].lower()
    if not (_verb_like(nxt) or nxt in _TIME_START):
        return None  # "the Trent campaigns to", "Harbour pilots would be": a noun follows
    words = run.group().split()
    if run.group().endswith(POSSESSIVE_ENDS) or any(w.endswith("ing") for w in words):
        return None  # "Roe's refusal to", "Using the data to": no person is the subject
    if len(words) == 1 and not _named_in_full(text, words[0]):
        return None  # a capitalised word alone ("Visitors", "Harbour") is no name
    mention = parse_mention(run.group(), offset + run.start())
    return mention if mention is not None and mention.kind == "name" else None


def _named_in_full(text: str, surname: str) -> bool:
    """Does the text name a person in full with ``surname`` ("Jane Doe" for "Doe")?"""
    for m in re.finditer(r"[A-Z][\w.'\u2019-]* " + re.escape(surname) + r"\b", text):
        tokens = m.group().split()
        if tokens[0][:1].isupper() and tokens[0].lower() not in ("the", "a", "an") \
                and not tokens[0].endswith(POSSESSIVE_ENDS):
            return True
    return False


# A cue in a second verb phrase ("X spoke at length, and explained ...", "X read and signed Y,
# but claimed ..."): its subject is the name before the first verb of the clause.
_COORDINATED = regexes.compile(r"\b(?:and|but)(?:\s+(?:also|then|later|[a-z]+ly))?\s*$")
_NOT_A_VERB = frozenset("""in on at of for from to with by into about after before during over
    under the a an and or but who which that whose whom as than said says is""".split())


# A relative clause running up to a participle cue: ", who <at most 12 words, no comma>".
_WHO_RUNS_ON = regexes.compile(r",[ \u00a0]+who[ \u00a0]+[^,;:\"\u201c\u201d.!?]*$")
_WHO_MAX_WORDS = 12


def relative_subject(text: str, s_start: int, cue_start: int) -> Mention | None:
    """The subject of a participle cue inside a relative clause: its antecedent ("Tom Reyl,
    who surprised her by declaring ..." -> Tom Reyl), not the sentence's subject. A comma
    between "who" and the cue closes the clause: then the cue is the main clause's."""
    m = _WHO_RUNS_ON.search(text, s_start, cue_start)
    if m is None or len(text[m.start():cue_start].split()) > _WHO_MAX_WORDS + 2:
        return None
    run = None
    for found in RUN.finditer(text, s_start, m.start()):
        run = found
    if run is None or run.end() != m.start():
        return None
    mention = parse_mention(run.group(), run.start())
    return mention if mention is not None and mention.kind == "name" else None


def coordinated_subject(text: str, s_start: int, cue_start: int) -> Mention | None:
    """The subject of a cue that opens the second verb phrase of a clause, or None."""
    if not _COORDINATED.search(text, max(s_start, cue_start - 30), cue_start):
        return None
    seg = _blank_demographics(_PAREN_ANY.sub(lambda m: " " * len(m.group()),
                                            text[s_start:cue_start]))
    for run in reversed(list(RUN.finditer(seg))):
        after = seg[run.end():]
        if after.lstrip().startswith(",") and after[:1].isspace():
            after = " " + after.lstrip()[1:]  # the comma that closed a blanked apposition
        nxt = after.split(None, 1)[0] if after.strip() else ""
        if not after[:1].isspace() or not nxt.isalpha() or not nxt.islower() \
                or nxt in _NOT_A_VERB or nxt in GROUP_HEADS or nxt in ORG_HEADS:
            continue
        if not _verb_like(nxt):
            return None  # "a Velmar ferry is trying ...": the name is no subject
        if _PASSIVE_START.match(after):
            return None  # "X was booed by ... and then praised for ...": a passive
        if run.group().endswith(POSSESSIVE_ENDS):
            continue
        mention = parse_mention(run.group(), s_start + run.start())
        words = (mention.name or "").split() if mention is not None else []
        if mention is not None and mention.kind == "name" and (
                len(words) == 1 or is_given_name(words[0])):
            return mention  # (a surname alone: the caller takes only a person it knows)
        return None  # the last subject is no person's name: not the speaker's
    return None


_PAREN_ANY = regexes.compile(r"\s*\([^()]{1,40}\)")
_PASSIVE_START = regexes.compile(
    r"\s+(?:was|were|is|are|be|been|being)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en)\b")
# Common verbs in the past that do not end in -ed ("X went to the pier and hinted ...").
_PAST_VERBS = frozenset("""went made held came got gave sent stood rose spent did began set put
    ran sat shot took told wrote spoke met left led won lost brought thought found kept knew
    paid sought struck threw tore wore bore drew flew grew fought""".split())


def _verb_like(word: str) -> bool:
    """May ``word``, right after a name, be that name's verb (or an auxiliary, an adverb)?"""
    return word.endswith(("ed", "ly")) or word in AUX_WORDS or word in _ADVERBS \
        or word in _PAST_VERBS


_WITH_SUBJECT = regexes.compile(
    r"(?:^|[\s,])with\s+((?:[a-z][\w-]*\s+){0,3}?)(" + RUN.pattern + r")"
    r"(?:\s+(?:[a-z]+ly|also|still|now|again|once|even|then|later))?\s*$")


_WITH_ROLE = regexes.compile(
    r"(?:^|[\s,])with\s+((?:the|his|her|its|their)\s+(?:[\w-]+\s+){0,5}?[a-z][\w-]*)\s*$")


# An absolute clause with no "with": "... a statement \u2013 Ryan Olsen saying he was pleased
# and Tom Holt calling it ...": a dash, a semicolon or "and" before the name, the participle
# right after it.
_ABSOLUTE_SUBJECT = regexes.compile(
    r"(?:[\u2013\u2014;]|\s--|\sand)\s+(" + RUN.pattern + r")"
    r"(?:\s+(?:[a-z]+ly|also|still|now|again|then))?\s*$")


# A name right before a participle cue, an adverb between at most, no comma.
_NAME_THEN_PARTICIPLE = regexes.compile(
    r"(?<![\w,])[ \u00a0]*(" + RUN.pattern + r")(?:[ \u00a0]+[a-z]+ly)?[ \u00a0]+$")
# The words before a name that make it an object, except before a participle whose subject
# it stays: "think of Jane Doe saying", "and Jane Doe saying", "with Jane Doe saying" (still
# "a letter to Jane Doe saying": the letter says).
_GERUND_OWNER_BEFORE = frozenset("of about with and or nor but".split())


# A statement put out, right before its participle ('issued a statement on Monday saying'):
# the participle's subject is whoever put it out.
_ISSUED = regexes.compile(
    r"\s+(?:has\s+|had\s+|have\s+)?(?:issued|issues|released|releases|put\s+out|puts\s+out"
    r"|posted|posts|sent|sends|published|publishes)\s+(?:a|an|the|its|his|her|their)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:statement|letter|note|message|tweet|video|post|release|memo"
    r"|e-?mail|notice)s?(?:\s+(?:on|late|early|last|this|in)\s+[\w-]+(?:\s+[\w-]+)?)?,?\s*$")


def participle_subject(text: str, lo: int, cue_start: int) -> Mention | None:
    """The subject of a participle cue in an absolute construction: '..., with spokesman Glen
    Ashby saying, "..."' -> Glen Ashby. Any other participle ('..., saying that ...') has the
    sentence's subject, which the caller finds."""
    start = max(lo, cue_start - _TAIL)
    named = _NAME_THEN_PARTICIPLE.search(text, start, cue_start)
    before = text[start:named.start(1)].split()[-1:] if named is not None else []
    if named is not None and not (before and before[0].lower() in _NOT_BEFORE_NAME
                                  and before[0].lower() not in _GERUND_OWNER_BEFORE):
        # '... a speech that included Jane Doe vowing to ...', '... Doe privately saying ...':
        # the name right before the participle does it (not 'a letter to Jane Doe saying')
        mention = parse_mention(named.group(1), named.start(1))
        words = (mention.name or "").split() if mention is not None else []
        if mention is not None and mention.kind == "name" and words and (
                is_given_name(words[0]) if len(words) > 1
                else before and before[0][-1:].isalpha() and _named_in_full(text, words[0])):
            return mention  # a person's name (a surname alone: one written in full elsewhere)
    issued = _ISSUED.search(text, start, cue_start)
    if issued is not None:
        # 'so loud that the embassy in Velmar issued a statement saying ...': who issued it
        mention = subject_before(text, lo, issued.start())
        if mention is not None and mention.kind in ("name", "org"):
            return mention
    bare = _ABSOLUTE_SUBJECT.search(text, start, cue_start)
    if bare is not None:
        mention = parse_mention(bare.group(1), bare.start(1))
        if mention is not None and mention.kind == "name" and (
                " " not in (mention.name or "") or is_given_name((mention.name or "").split()[0])):
            return mention
    m = _WITH_SUBJECT.search(text, start, cue_start)
    if m is None:
        # '..., with the former governor calling it "..."': a description
        r = _WITH_ROLE.search(text, start, cue_start)
        mention = parse_mention(r.group(1), r.start(1)) if r else None
        return mention if mention is not None and mention.kind == "role" else None
    mention = parse_mention(m.group(2), m.start(2))
    if mention is None or mention.kind != "name":
        return None
    role = m.group(1).strip() or mention.role
    return Mention(mention.text, mention.start, "name", mention.name, role, mention.gender)


def _antecedent(text: str, lo: int, seg: str, cuts: list[int]) -> Mention | None:
    """'Oceanwatch, which claimed ...' -> the phrase before the relative pronoun."""
    a, b = cuts[-2], cuts[-1] - 1
    piece = seg[a:b]
    conj = list(_CONJ.finditer(piece))
    if conj:
        a += conj[-1].end()
        piece = seg[a:b]
    if len(piece.split()) > _MAX_SUBJECT_WORDS:  # "... the account from Jessie Leland, who"
        runs = list(RUN.finditer(piece.rstrip()))
        if runs and runs[-1].end() == len(piece.rstrip()):
            a += runs[-1].start()
            piece = runs[-1].group()
    if not piece.strip() or len(piece.split()) > _MAX_SUBJECT_WORDS:
        return None
    mention = parse_mention(piece, lo + a)
    if (mention is None or mention.kind not in ("name", "org")) and len(cuts) >= 3:
        # "Matt Corby, a columnist for a weekly, who said": the name before the apposition
        first = cuts[-3]
        name_piece = _OF_PLACE.sub("", seg[first:cuts[-2] - 1])  # "Jane Doe of Kestria, ..."
        conj = list(_CONJ.finditer(name_piece))
        if conj:
            first += conj[-1].end()
            name_piece = _OF_PLACE.sub("", seg[first:cuts[-2] - 1])
        runs = list(RUN.finditer(name_piece.rstrip()))
        if runs and runs[-1].end() == len(name_piece.rstrip()):
            first += runs[-1].start()
            name_piece = runs[-1].group()
        name = parse_mention(name_piece, lo + first) if len(name_piece.split()) <= 5 else None
        if name is not None and name.kind == "name":
            return Mention(name.text, name.start, "name", name.name, piece.strip(), name.gender)
    return mention


def _apposition(text: str, lo: int, seg: str, cuts: list[int]) -> Mention | None:
    """'Smith, the prime minister,' / 'Smith, who ...,' before a cue."""
    if len(cuts) >= 4 and (_WHICH.match(seg, cuts[-2]) or _ING_PHRASE.match(seg, cuts[-2])) \
            and seg[cuts[-1] - 1] == ",":
        # "Jane Doe, an official at the Harbour Authority, which has a backlog of 500 homes,
        # said": the relative clause is about the description before it ("In Kestria, the
        # journalist Jane Doe, writing in 2013, said": the piece before it names the speaker)
        piece = seg[cuts[-3]:cuts[-2] - 1]
        before = parse_mention(piece, lo + cuts[-3]) if _ROLE_NAMED.fullmatch(piece) else None
        if before is not None and before.kind == "name":
            return before
        return _apposition(text, lo, seg[:cuts[-2]], cuts[:-1])
    if len(cuts) >= 5 and _WHOSE.fullmatch(seg, cuts[-4], cuts[-3] - 1):
        # "Reed-Vale, whose daughter, Sara Bland, died in ..., called": the name before
        # the relative clause is the subject; the one inside it is someone else
        cuts = [*cuts[:-3], len(seg.rstrip())]
    app_start, app_end = cuts[-2], cuts[-1] - 1
    name_start = cuts[-3]
    name_piece = _OF_PLACE.sub("", seg[name_start: app_start - 1])
    conj = list(_CONJ.finditer(name_piece))
    if conj:
        name_start += conj[-1].end()
        name_piece = _OF_PLACE.sub("", seg[name_start: app_start - 1])
    head = parse_mention(name_piece, lo + name_start)
    if head is None or head.kind not in ("name", "org"):
        if head is not None and head.kind == "role" and _RELATIVE.match(seg[app_start:app_end]):
            return head  # "The channel, which covered the closure, called ..."
        tail = parse_mention(seg[app_start:app_end], lo + app_start)
        if head is not None and head.kind == "role" and tail is not None and len(cuts) >= 4 \
                and (tail.kind == "org" or name_piece.split()[-1].lower() in ORG_KINDS):
            # "Jane Doe, the editor of the city's newspaper, the Velmar Herald, said": the
            # name after the description names what the description ends with; the person
            # before them speaks
            first = parse_mention(seg[cuts[-4]:cuts[-3] - 1], lo + cuts[-4])
            if first is not None and first.kind == "name":
                return Mention(text[lo + cuts[-4]: lo + app_end].strip(), first.start, "name",
                               first.name, name_piece.strip(), first.gender)
        return tail
    appos = seg[app_start:app_end].strip()
    role = None if _RELATIVE.match(appos) else appos
    return Mention(text[lo + name_start: lo + app_end].strip(), head.start, head.kind, head.name,
                   role or head.role, head.gender)


def mention_after(text: str, pos: int, limit: int) -> Mention | None:
    """The mention right after an inverted cue ('said John Smith, a doctor at ...')."""
    window = text[pos:limit]
    lead = len(window) - len(window.lstrip())
    window = window[lead:]
    m = RUN.match(window)
    role_name = _ROLE_THEN_NAME.match(window)
    if role_name and (m is not None or " and " in role_name.group()
                      or _holds_honorific(role_name.group())):  # 'said former Gov. X Y'
        named = parse_mention(role_name.group(), pos + lead)
        if named is not None and named.kind == "name":
            m = role_name
    poss = _POSS_APPOSITION.match(window)
    if poss and (_HAS_POSSESSIVE.search(window, 0, poss.start(1))
                 or _ROLE_FIRST.match(window, 0, poss.start(1))
                 or _DESCRIBED_FIRST.match(window, 0, poss.start(1))):
        name = parse_mention(poss.group(1), pos + lead + poss.start(1))
        if name is not None and name.kind == "name":
            role = window[:poss.start(1)].rstrip(" ,")
            return Mention(window[:poss.end(1)], name.start, "name", name.name, role, name.gender)
    if m:
        end = m.end()
        more = _ROLE_HEADS_AFTER.match(window, end)
        if more:
            end = more.end()
    else:
        stop = _AFTER_STOP.search(window)
        end = stop.start() if stop else len(window)
        end = min(end, 60)
    piece = window[:end]
    if piece[:1].islower() and not _DET_OR_PRONOUN.match(piece) and not RUN.search(piece):
        return None
    mention = parse_mention(piece, pos + lead)
    if mention is None:
        return None
    rest = window[end:]
    app = _APPOSITION_AFTER.match(rest)
    if app and mention.kind == "name" and not app.group(1).startswith("who"):
        mention = Mention(mention.text, mention.start, mention.kind, mention.name,
                          app.group(1).strip(), mention.gender)
    return mention


# Where a sentence opens: the text's start, a line break, or a sentence's end before it.
_OPENS_SENTENCE = regexes.compile(r"(?:^|[\n.!?:\"\u201c\u201d])[ \t\u00a0]*$")
# After the speaker of an inverted opening: a comma, a colon or the paragraph's end.
_QUOTE_MARK = regexes.compile(r"[\"\u201c\u201d\u00ab\u00bb\u201e]")
_INVERTED_END = regexes.compile(r"[ \t\u00a0]*(?:[,:]|\n|$)")


def inverted_opening(text: str, cue: CueMatch, limit: int) -> Mention | None:
    """The speaker of a cue that opens its sentence with the speaker after it: 'Said Jane Doe:
    "..."', 'Added Roe, "..."', 'Continued the mayor:' (a paragraph's last line before the
    quotation in the next)."""
    word = text[cue.pos:cue.stop]
    if not word[:1].isupper() or not opens_inverted(word) \
            or not _OPENS_SENTENCE.search(text, max(0, cue.pos - 4), cue.pos):
        return None
    mention = mention_after(text, cue.stop, limit)
    if mention is None or mention.kind not in ("name", "role"):
        return None
    end = mention.start + len(mention.text)
    if not _INVERTED_END.match(text, end):
        return None
    mark = _QUOTE_MARK.search(text, end, limit)
    if find_cues(text, end, mark.start() if mark else limit):
        return None  # 'Said Qadiri, the harbour chief, said ...': a given name, then its cue
    return mention


_SPEAKER_DET = regexes.compile(r"(?:the|a|an|one|another|two|three|several|some|many)\s")


def speaker_after(text: str, pos: int, limit: int) -> Mention | None:
    """Who an inverted cue names, or None when what follows it reads as a clause: 'CONTENT,
    said Jane Doe, a lawyer' and 'CONTENT, said a former aide' name the speaker; in 'He
    left, said the plan failed' the words after the cue are what was said."""
    mention = mention_after(text, pos, limit) or _group_after(text, pos, limit)
    if mention is None or mention.kind == "name":
        return mention
    if mention.kind == "group" or mention.kind == "role" and _SPEAKER_DET.match(mention.text):
        return None if reads_as_clause(mention.text) else mention
    return None


def _group_after(text: str, pos: int, limit: int) -> Mention | None:
    """'..., say some councillors, who ...': a group after an inverted cue."""
    window = text[pos:limit]
    lead = len(window) - len(window.lstrip())
    window = window[lead:]
    stop = _AFTER_STOP.search(window)
    piece = window[:stop.start() if stop else len(window)][:60]
    mention = parse_mention(piece, pos + lead) if piece else None
    return mention if mention is not None and mention.kind == "group" else None


def reads_as_clause(phrase: str) -> bool:
    """A phrase with a verb after its first word ("the race will be tight", "the plan failed"):
    a clause, not someone who speaks ("a former aide")."""
    return any(_verb_like(w) for w in phrase.split()[1:])


# An abbreviation's period inside an introductory clause ("In the wake of the Sept. 11 ...").
_ABBREV_DOT = "(?:" + "|".join(rf"(?<=\b{a})" for a in (
    "Jan Feb Aug Sept Sep Oct Nov Dec Mr Mrs Ms Dr St Gov Sen Rep".split())) + r")\."
_INTRO = regexes.compile(
    r"^(?:(?:In|On|At|During|After|Before|While|When|As|Since|Although|Though|Because|If|Despite"
    r"|With|Without|Referring|Speaking|Asked|Addressing|For|From|Last|This|Regarding|Turning"
    r"|Responding|Writing|Between|Under|Over|Throughout|Amid|Among|Unlike|Until|Ahead|Across"
    r"|Around|Beyond|Through|Within|By|Like|Upon|Toward|Towards|Besides|Aside|Apart|Once"
    r"|Shortly|Even\s+(?:as|while|after|before|though|if|when)|Ever\s+since|[A-Z][a-z]+ing)\b"
    r"(?:[^,.;:\"\u201c\u201d]|" + _ABBREV_DOT + r"|(?<=\d)[,.](?=\d)){0,200},\s*"
    r"|[A-Z][a-z]+(?:\s+[a-z]+){0,2}\s+(?:later|earlier|ago|morning|afternoon|evening|night"
    r"|day|week|weekend|before|after),\s*"  # "Eight years later,", "The day before,"
    # "One week after taking office,", "Two days before the vote,"
    r"|[A-Z][a-z]+\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+(?:after|before|since)\b"
    r"(?:[^,.;:\"\u201c\u201d]|" + _ABBREV_DOT + r"){0,200},\s*"
    r"|(?:And|But|So|Yet|Then|Also|Still|Now|Meanwhile|However|Instead|Indeed|Moreover|Later"
    r"|Earlier|Today|Yesterday|Separately|Elsewhere|Overall|Similarly|Finally|Likewise"
    r"|Nevertheless|Nonetheless|Additionally|Furthermore|Afterward|Afterwards|Ultimately"
    r"|Initially|Previously|Recently|Most\s+recently|Again|Otherwise|Thus|Therefore)"
    # "Later on Sunday,", "Earlier this week,": the adverb with its time phrase
    r"(?:\s+(?:on|in|this|that|last|the)\s+[\w-]+(?:\s+[\w-]+)?,)?,?\s+)")
# A second introductory piece after the first ("On Monday, even as the rain fell, X wrote"):
# a subordinate clause in lower case.
_MORE_INTRO = regexes.compile(
    r"^(?:(?:even\s+)?(?:as|while|when|after|before|since|though|although|because|if|despite"
    r"|once)\b(?:[^,.;:\"\u201c\u201d]|" + _ABBREV_DOT + r"){0,200}"
    # an adverb set off by commas: "At the rally, however, X said"
    r"|however|meanwhile|instead|indeed|too|also|still|then|now|in turn|in fact|of course"
    r"|for example|for instance"
    # a phrase of time or place in lower case: "And then, at the end of the day, X said"
    r"|(?:at|on|in|during)\s+(?:the|a|an|that|this)\s[^,.;:\"\u201c\u201d]{1,60}),\s*")
# The rest of a place after an introductory phrase that ends with a place ("Speaking in Port
# Velmar, Kestria, X said"): only when a name and its verb follow.
_PLACE_REST = regexes.compile(
    r"^[A-Z][\w.'\u2019-]*(?:\s[A-Z][\w.'\u2019-]*)?,\s+(?=[A-Z][\w.'\u2019-]*"
    r"(?:\s[A-Z][\w.'\u2019-]*){0,2}\s[a-z])"
)
# A state's abbreviation after a place in an introductory phrase ("in Harbourtown, Kes.,").
_STATE_REST = regexes.compile(_STATE + r",\s+")
_PRONOUN_START = regexes.compile(r"^(?:He|She|They|It|I|We)\b")
_DET_OR_PRONOUN = regexes.compile(
    r"(?:the|a|an|one|another|his|her|their|its|he|she|they|we|i|it)\b"
)
_APPOSITION_AFTER = regexes.compile(
    r",\s+((?:the|a|an|his|her)\s+[^,.;\"\u201c\u201d]{2,90}|who\b)"
)
_PRONOUN_LOWER = regexes.compile(r"(?:he|she|they|it|I|we)\b")
_ROLE_WORDS = frozenset(
    "leader chief head spokesman spokeswoman nominee candidate chairman chairwoman president"
    " director secretary adviser advisor manager founder host anchor senator governor"
    " mayor".split())


def sentence_subject(text: str, s_start: int, s_end: int) -> Mention | None:
    """The mention that opens a sentence (after an introductory clause), or None."""
    i = s_start
    while i < s_end and text[i] in " \t\n\u00a0":
        i += 1
    if i >= s_end or not text[i].isalpha():
        return None  # starts with a quotation mark or a number
    window = text[i: min(s_end, i + 240)]
    if window[:3].isupper() and (dateline := _DATELINE.match(window)) is not None:
        i += dateline.end()  # "SELMA, N.C. — Jane Doe ...": the place and agency go
        window = window[dateline.end():]
    intro = _INTRO.match(window)
    if intro:
        i += intro.end()
        window = window[intro.end():]
        # "Speaking in Port Velmar, ...": the introduction ends with a place
        place = _PLACE_REST.match(window) \
            if intro.group().rstrip(", ").rsplit(None, 1)[-1][:1].isupper() else None
        if place:
            i += place.end()
            window = window[place.end():]
        for _ in range(3):  # "In X, for example, after meeting Y, Z turned"
            more = _MORE_INTRO.match(window)
            if more is None:
                break
            i += more.end()
            window = window[more.end():]
            if (state := _STATE_REST.match(window)) is not None:
                i += state.end()  # "at a rally in Harbourtown, Kes., Mr. Reyl ...": the state
                window = window[state.end():]
        if intro.group().split(None, 1)[0].endswith("ing"):
            # 'Calling the challenger, Nora Quist, "a partner," Mrs. Lima said': the
            # participle's object, its apposition and the words quoted come before the subject
            quoted = _OBJECT_QUOTED.match(window)
            if quoted:
                i += quoted.end()
                window = window[quoted.end():]
    m = _PRONOUN_START.match(window) or _PRONOUN_LOWER.match(window)
    if m:
        return parse_mention(m.group(), i)
    found = _leading_np(window, i)
    if found is not None and found.kind == "name" and found.role \
            and not found.role[:1].isupper() and (says := cues_of(found.role)) \
            and says[0].start() > 0:
        found = None  # "those surveyed said Trump ...": a clause, not a name with its role
        # (an inverted cue stays: "But, said Doe, ...")
    if found is None:
        described = _DEFINITE_SUBJECT.match(window)
        if described is not None and _verb_like(described.group(2)):
            # "The newspaper took note of ..., writing": a description, its verb after it
            mention = parse_mention(window[:described.end(1)], i)
            if mention is not None and mention.kind == "role":
                return mention
    if found is None and (window.find("'s ", 0, 40) > 0 or window.find("\u2019s ", 0, 40) > 0):
        # "Ms. McTavish's deputy is a woman, and so is her ...": the possessor is who the
        # sentence is about, and what a pronoun after it most likely means
        owner = _POSSESSOR.match(window)
        if owner:
            mention = parse_mention(owner.group(1), i)
            return mention if mention is not None and mention.kind == "name" else None
    return found


# A dateline opening a story: a place in capitals, its state or country, an agency, a dash.
_DATELINE = regexes.compile(
    r"[A-Z][A-Z.'\u2019-]+(?:[ \u00a0][A-Z][A-Z.'\u2019-]+){0,2}"  # a place: three words at most
    r"(?:,[ \u00a0]*[A-Z][\w.]{0,14}(?:[ \u00a0][A-Z][\w.]*)?)*"
    r"[ \u00a0]*(?:\([^)\n]{1,30}\)[ \u00a0]*)?(?:\u2014|\u2013|--|-)[ \u00a0]*(?=[A-Z])")
_OBJECT_QUOTED = regexes.compile(
    r"(?:[A-Z][\w.'\u2019-]*(?:[ \u00a0]+[A-Z][\w.'\u2019-]*){0,3},[ \u00a0]+)?"
    r"[\"\u201c][^\"\u201c\u201d\n]{1,300}[\"\u201d][ \u00a0]*,?[ \u00a0]*")
_DEFINITE_SUBJECT = regexes.compile(
    r"(?:The|the)\s+(?:[a-z][\w-]*\s+){0,2}?([a-z][\w-]*)\s+([a-z]+)\b"
)
_POSSESSOR = regexes.compile(r"(" + RUN.pattern + r")['\u2019]s\s")


_NP_GAP = 48
# a determiner before the name; possessive ones too ("Her friend Brittany Hollins, 19, ...")
_DET = regexes.compile(r"(?:The|the|A|An|a|an|His|Her|Their|Its|Our|My)\s+")
_GAP = regexes.compile(r"(?:\s*[a-z][\w-]*){1,3}\s*")
_NEXT_WORD = regexes.compile(r"\s+([a-z][\w-]*)")
_COMMA_NEXT = regexes.compile(r"\s*,")
_LOWER_NEXT = regexes.compile(r" [a-z]")
_COORD = regexes.compile(r"\b(?:and|or)\s")
_PARTY_TAG = regexes.compile(_PARTY)


_STAFF_NAME = regexes.compile(
    r"\s+(?:(?:press|deputy|senior|national|communications|campaign|chief|top|former|general)\s+)*"
    r"(?:spokes(?:wo)?man|spokesperson|chairman|chairwoman|manager|adviser|advisor|aide"
    r"|director|strategist|pollster|secretary|official|lawyer|attorney|counsel)\s+(" + RUN.pattern
    + r")")


def _leading_np(window: str, offset: int) -> Mention | None:
    det = _DET.match(window)
    pos = det.end() if det else 0
    while True:
        near = RUN.search(window, pos, pos + _NP_GAP)  # the name starts within a few words
        m = RUN.match(window, near.start()) if near else None
        if m is None:
            return None
        gap = window[pos:m.start()]
        if gap.strip() and (not _GAP.fullmatch(gap) or _COORD.search(gap)):
            return None  # "The commentator and Trent supporter": the name is no head
        after = m.end()
        tag = _PARTY_TAG.match(window, after)
        if tag:  # "Rep. Jane Doe (D-N.Y.) said": the party tag belongs to the name
            after = tag.end()
        nxt = _NEXT_WORD.match(window, after, after + 30)
        possessive = m.group().endswith(POSSESSIVE_ENDS)
        if nxt and nxt.group(1) in GROUP_HEADS and not possessive:
            # "Brandt backers", "Trent aides": a group, no person (a possessive, "Mr. Kemp's
            # allies", says who the sentence is about: see the possessor below)
            return Mention(window[:nxt.end()], offset, "group", role=window[:nxt.end()])
        if nxt and nxt.group(1) in ORG_HEADS:  # "The Brandt campaign"
            staff = _STAFF_NAME.match(window, nxt.end())
            if staff:  # "Trent campaign spokesman Glen Ashby": the person, not the campaign
                person = parse_mention(staff.group(1), offset + staff.start(1))
                if person is not None and person.kind == "name":
                    return Mention(person.text, person.start, "name", person.name,
                                   window[:staff.start(1)].strip(), person.gender)
            org = parse_mention(window[:nxt.end()], offset)
            if org is not None and org.kind == "org":
                return org
        if det and nxt and nxt.group(1) in _ROLE_WORDS and not possessive \
                and _LOWER_NEXT.match(window, nxt.end()):
            # "The GOP nominee then said ...": a role with no name after it is the subject
            role = parse_mention(window[:nxt.end()], offset)
            if role is not None and role.kind == "role":
                return role
        if possessive or (nxt and nxt.group(1) in _ROLE_WORDS):
            pos = m.end()
            continue
        if not (nxt or _COMMA_NEXT.match(window, after)):
            return None
        mention = parse_mention(window[:m.end()], offset)
        if mention is not None and (mention.kind != "role" or det):
            return mention
        pos = m.end()
