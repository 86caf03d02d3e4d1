"""Datelines: the place (and sometimes date and agency) that opens a news story.

``TEHRAN-``, ``TEHRAN —``, ``LONDON (Reuters) -``, ``WASHINGTON, June 21 (Reuters) -``,
``DULUTH, Minn. (Reuters) -``, ``EAU CLAIRE, Wis. (AP) —``, ``NEW DELHI:``, ``(Reuters) -``,
``КАЗАНЬ, 3 мар – РИА Новости.``. The place is written in capitals (that is what tells
a dateline from a sentence starting "Tehran said ..."); it is kept as ``dateline``, title-cased
("Tehran"); an agency in brackets is a source credit. The dateline is removed from the
paragraph, which then starts with the story's first word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from site_gen import regexes
from site_gen.reader.places import known_place

_UPPER_WORD = r"[^\W\d_a-zа-яё]['’\w.-]*"
_PLACE = rf"(?P<place>{_UPPER_WORD}(?:[ ]{_UPPER_WORD}){{0,4}})"
# The state, province or country after the city: an abbreviation ("Wis.", "N.Y.", "N. M."), a
# postal code before the dash or the agency ("CA"), or up to three capitalised words ("Gaza
# Strip", "South Korea").
_REGION = (
    r"(?:,\s*(?P<region>[A-Z][a-z]{1,5}\.(?:\s?[A-Z][a-z]?\.)?|[A-Z]\.(?:\s?[A-Z]\.){1,2}"
    r"|[A-Z]{2}(?=\s*[-–—(:_])|[A-Z][a-z]{2,15}(?:\s[A-Z][a-z]{2,15}){0,2}))?"
)
_DAY = (
    r"(?:,?\s*(?P<day>(?:[^\W\d_]{3,10}\.?\s+\d{1,2}|\d{1,2}(?:st|nd|rd|th)?\s+[^\W\d_]{3,10}\.?)"
    r"(?:,?\s+\d{4})?))?"
)
_AGENCY = r"(?:\s*\((?P<agency>[^\W\d_][\w .&'’/-]{0,40})\))?"
# The mark between the dateline and the story: a dash, a colon, a full stop and a dash
# ("Madrid, 12 may (AGENCY).-"), or an underscore set apart (older wire copy: "(AP) _").
_SEP = r"(?:\s*[-–—]+\s+|\s+[-–—]+\s*|:(?!//)\s*|\.[-–—]\s*|\s+_\s+)"

_DATELINE = regexes.compile(r"(?P<all>" + _PLACE + _REGION + _DAY + _AGENCY + _SEP + r")(?=\S|$)")
_AGENCY_ONLY = regexes.compile(
    r"(?P<all>\((?P<agency>[^\W\d_][\w .&'’/-]{0,40})\)" + _SEP + r")(?=\S|$)"
)
# "КАЗАНЬ, 3 мар – РИА Новости." : place, date, dash, agency, full stop.
_PLACE_DATE_AGENCY = regexes.compile(
    r"(?P<all>" + _PLACE + r",\s*(?P<day>\d{1,2}\s+[^\W\d_]{3,10}\.?)\s*[-–—]\s*"
    r"(?P<agency>[^\W\d_][\w .-]{1,30}?)\.\s*)(?=\S|$)"
)

# "МОСКВА, 10 августа. /ТАСС/. ": place, date, the agency between slashes.
_SLASH_AGENCY = regexes.compile(
    r"(?P<all>" + _PLACE + r",\s*(?P<day>\d{1,2}\s+[^\W\d_]{3,10}\.?)\s*"
    r"/(?P<agency>[^\W\d_][^/\n]{1,30}?)/\.?\s*)(?=\S|$)"
)
# An agency's dateline with the place in ordinary case: "Tehran, IRNA - ", "Riyadh, June 21,
# 2023, SPA -- ", "New Delhi [India], June 21 (ANI): ", and a bracketed agency with no dash
# after it ("NEW DELHI, Jun 21 (PTI) The ..."). The agency is what makes these datelines.
_TITLE_WORD = r"[^\W\d_][\w'’.-]*"
_AGENCY_PLACE = regexes.compile(
    r"(?P<all>(?P<place>" + _TITLE_WORD + r"(?: " + _TITLE_WORD + r"){0,3})"
    r"(?:\s*\[[^\]\n]{2,30}\])?" + _DAY + r"(?:"
    r"\s*\((?P<agency>[^\W\d_][\w .&'’/-]{0,30})\)"
    + _SEP
    + r"|,\s*(?P<acronym>[A-Z]{2,6})\s+[-–—]{1,2}\s+"
    r"|\s*\((?P<bare>[A-Z]{2,6})\)\s+(?=[\"“]?[^\W\d_])"  # no dash: only after a date
    r"))(?=\S|$)"
)
# Wire agencies that write datelines with the place in ordinary case. With a capitalised
# place any agency goes ("LONDON (Reuters) -"); here the agency must be one of these, so that
# "The United Nations (UN) said" or "Sen. Jane Roe (D-Ohio) said" stay sentences.
_WIRE_AGENCIES = frozenset(
    """reuters ap afp xinhua irna isna mehr tasnim fars iqna ians pti ani uni wam spa qna kuna
    bna mena sana anadolu aa tass ria yonhap kyodo jiji dpa efe ansa bernama antara pna pap ctk
    mti bta tanjug hina apa sda upi bss app nna kna""".split()
)
# The European wire form with the place in ordinary case: "Kiel - ", "London/Paris – ",
# "Lyon (agency) - ": capitalised place names (several joined by "/"), an optional agency in
# brackets, a dash with spaces on both sides, and the story's first word in capitals.
_TITLE_PLACES_DASH = regexes.compile(
    r"(?P<all>(?P<place>" + _TITLE_WORD + r"(?: " + _TITLE_WORD + r"){0,2}"
    r"(?:/" + _TITLE_WORD + r"(?: " + _TITLE_WORD + r"){0,2}){0,3})"
    r"(?:\s*\((?P<agency>[^\W\d_][\w .&'’/-]{0,30})\))?"
    r" [-–—] )(?=[\"“„«]?[^\W\d_a-z])"
)
# A place alone on its line, in ordinary case, with the dash that joins it to the story
# ("Lyon -", "Saint Louis –"): a page that sets its dateline apart from the first paragraph.
# Only a whole line of this form is a dateline. A colon is not enough here: a line such as
# "Background:" is a label.
_TITLE_PLACE_ALONE = regexes.compile(
    r"(?P<all>(?P<place>" + _TITLE_WORD + r"(?: " + _TITLE_WORD + r"){0,2}"
    r"(?:/" + _TITLE_WORD + r"(?: " + _TITLE_WORD + r"){0,2}){0,3})\s*[-–—]\s*)$"
)
# A known place in ordinary case opening the story with a colon ("Lima: The council ...",
# "New Delhi: ..."), or alone on its line with nothing after it (a heading over the story).
# The case says nothing here ("Update: ..." has the same form): the place list decides.
_TITLE_PLACE_COLON = regexes.compile(
    r"(?P<all>(?P<place>" + _TITLE_WORD + r"(?: " + _TITLE_WORD + r"){0,2})\s*:\s+)"
    r"(?=[\"“„«]?[^\W\d_a-z])"
)
_TITLE_PLACE_BARE = regexes.compile(
    r"(?P<all>(?P<place>" + _TITLE_WORD + r"(?: " + _TITLE_WORD + r"){0,2}))$"
)
# "Казань. 3 марта. AGENCY.RU - ": place (any case), date, agency in capitals, dash.
_PLACE_DOT_DATE_AGENCY = regexes.compile(
    r"(?P<all>(?P<place>[^\W\d_][\w-]+(?: [^\W\d_][\w-]+)?)\.\s+"
    r"(?P<day>\d{1,2}\s+[^\W\d_]{3,10})\.?\s+"
    r"(?P<agency>[^\W\d_a-zа-я][^\W_a-zа-я]*(?:\.[A-ZА-Я]{2,3})?)\s*[-–—]\s*)(?=\S|$)"
)
# Gulf agencies' Arabic dateline: "PLACE <Hijri date> هـ الموافق <Gregorian date> م واس".
_ARABIC_WIRE = regexes.compile(
    r"(?P<all>(?P<place>[^\W\d_]+(?: [^\W\d_]+)?)\s+(?P<day>\d{1,2}\s[^\n]{3,60}?\d{4}\s?(?:هـ|م)?"
    r"(?:\s*الموافق\s+\d{1,2}\s+[^\W\d_]+\s+\d{4}\s?م?)?)\s+"
    r"(?P<agency>واس|قنا|وام|كونا|بنا|سانا|أ ف ب|رويترز|الأناضول)\b[\s:،-]*)(?=\S|$)"
)
# "Feb. 23, 2015 -- ": a date instead of a place.
_DATE_ONLY = regexes.compile(
    r"(?P<all>(?P<day>[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4})"
    r"\s*(?:[-–—]+|:)\s*)(?=\S|$)"
)
# Japanese papers: "【大阪＝山田太郎】" (place = reporter), "【5月1日 AFP】" (date, agency).
_BRACKET_PLACE = regexes.compile(
    r"(?P<all>【(?P<place>[^＝=】\s]{1,12})[＝=](?P<reporter>[^】]{1,20})】\s*)"
)
_BRACKET_AGENCY = regexes.compile(r"(?P<all>【(?P<day>[^】]{0,12}?)\s*(?P<agency>[A-Z]{2,8})】\s*)")


@dataclass(frozen=True)
class Dateline:
    length: int  # characters to remove from the start of the paragraph
    place: str | None
    raw: str
    agency: str | None = None
    day: str | None = None  # the date part as written ("June 21", "10 اغسطس 2015")
    reporter: str | None = None  # a reporter the dateline names (Japanese "【place＝name】")


def title_case_place(place: str) -> str:
    """ "TEHRAN" -> "Tehran", "EAU CLAIRE, Wis." -> "Eau Claire, Wis."; mixed case kept."""
    head, sep, rest = place.partition(",")
    if head.isupper():
        head = " ".join(
            w.capitalize() if re.fullmatch(r"[A-Z]{2,}\.", w)  # "ST. LOUIS" -> "St. Louis"
            else w
            if "." in w or len(w) <= 2 and len(head) <= 3
            else "-".join(p.capitalize() for p in w.split("-"))
            for w in head.split(" ")
        )
    return head + sep + rest


KICKER_LABELS = frozenset(
    """update updated breaking exclusive watch video photos photo analysis opinion editorial
    note comment live listen read more correction clarification advertisement sponsored""".split()
)


def _is_place(place: str) -> bool:
    letters = [c for c in place if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters) or len(place) > 40:
        return False
    if re.fullmatch(r"(?:[A-Z]\.)+", place):
        return False  # "U.S.", "U.K.": countries in headlines, not dateline cities
    return place.casefold().split(" ")[0].strip(".'’") not in KICKER_LABELS


def _dateline_of(match: re.Match, place: str, agency: str | None = None) -> Dateline:
    """The dateline a pattern matched: its place title-cased, its agency (the ``agency`` group
    unless given), its day."""
    return Dateline(
        len(match.group("all")),
        title_case_place(place),
        match.group("all").strip(),
        agency if agency is not None else match.groupdict().get("agency"),
        match.groupdict().get("day"),
    )


def _capitalised(place: str) -> bool:
    """Every word of a place name starts with a capital ("New Delhi", "TEHRAN")."""
    words = place.split(" ")
    first = place.casefold().split(" ")[0]
    return all(w[:1].isupper() for w in words) and first not in KICKER_LABELS


def find_dateline(text: str, standalone: bool = False) -> Dateline | None:
    """The dateline opening ``text`` (a paragraph's original text), or None.

    ``standalone``: ``text`` may be the dateline alone (a page that puts it in its own element);
    otherwise a capitalised opening with little text after it is a headline, not a dateline.
    """
    head = text[:160]
    match = _BRACKET_PLACE.match(head)
    if match:
        reporter = match.group("reporter").strip()
        return Dateline(
            len(match.group("all")),
            match.group("place"),
            match.group("all").strip(),
            reporter=reporter,
        )
    match = _BRACKET_AGENCY.match(head)
    if match:
        return Dateline(
            len(match.group("all")),
            None,
            match.group("all").strip(),
            match.group("agency"),
            match.group("day") or None,
        )
    for pattern in (_PLACE_DOT_DATE_AGENCY, _ARABIC_WIRE):
        match = pattern.match(head)
        if match:
            return _dateline_of(match, match.group("place"))
    match = _SLASH_AGENCY.match(head)
    if match and _is_place(match.group("place")):
        return _dateline_of(match, match.group("place"))
    for pattern in (_PLACE_DATE_AGENCY, _DATELINE):
        match = pattern.match(head)
        if match and _is_place(match.group("place")):
            sep = match.group("all").strip()[-1:]
            if sep == ":" and not (match.group("agency") or len(match.group("place")) > 2):
                continue
            rest = text[len(match.group("all")) :].strip()
            if (
                not standalone
                and len(rest) < 25
                and not (match.group("agency") or match.group("day"))
            ):
                continue  # "OIL PRICES FALL - ANALYSTS": a headline, not a dateline
            region = match.groupdict().get("region")
            return _dateline_of(match, match.group("place") + (f", {region}" if region else ""))
    match = _AGENCY_PLACE.match(head)
    agency = match and (match.group("agency") or match.group("acronym") or match.group("bare"))
    if (
        agency
        and agency.casefold() in _WIRE_AGENCIES
        and _capitalised(match.group("place"))
        and (match.group("day") or not match.group("bare"))
    ):
        return _dateline_of(match, match.group("place"), agency)
    match = _TITLE_PLACES_DASH.match(head)
    if (
        match
        and all(_capitalised(p) for p in match.group("place").split("/"))
        and len(text[len(match.group("all")) :].strip()) >= 25  # else a headline "A - B"
    ):
        # Only a known wire agency credits the story; a house code ("(red)") does not.
        known = (match.group("agency") or "").casefold() in _WIRE_AGENCIES
        return _dateline_of(match, match.group("place"), match.group("agency") if known else "")
    match = _TITLE_PLACE_ALONE.match(text.strip()) if standalone else None
    if match and all(_capitalised(p) for p in match.group("place").split("/")):
        return _dateline_of(match, match.group("place"), "")
    match = _TITLE_PLACE_COLON.match(head) or (
        _TITLE_PLACE_BARE.match(text.strip()) if standalone else None
    )
    if (
        match
        and _capitalised(match.group("place"))
        and known_place(match.group("place"))
        and (standalone or len(text[len(match.group("all")) :].strip()) >= 25)
    ):
        return _dateline_of(match, match.group("place"), "")
    match = _DATE_ONLY.match(head)
    if match:
        return Dateline(
            len(match.group("all")), None, match.group("all").strip(), day=match.group("day")
        )
    match = _AGENCY_ONLY.match(head)
    if match:
        return Dateline(
            len(match.group("all")), None, match.group("all").strip(), match.group("agency")
        )
    return None


def dateline_only(text: str) -> Dateline | None:
    """The dateline ``text`` is, when it is a dateline and nothing else ("NEW DELHI:",
    "МОСКВА, 10 авг – РИА Новости.", "Lyon -"); else None."""
    found = find_dateline(text, standalone=True)
    return found if found is not None and found.length >= len(text.rstrip()) else None


# "ТАСС, 3 марта. ..." : the agency and the date open the first sentence (no place). This is
# a credit, not a dateline: the text stays as written, the agency becomes the source.
_AGENCY_DATE = regexes.compile(
    r"(?P<agency>[^\W\d_][^\s,]{1,20}(?:\s[^\W\d_][^\s,]{1,20})?),\s+\d{1,2}\s+[^\W\d_]{3,10}\.?\s"
)


def leading_agency(text: str) -> str | None:
    """The agency named by an "AGENCY, date." lead, or None (the caller checks the registry)."""
    match = _AGENCY_DATE.match(text[:80])
    return match.group("agency") if match else None
