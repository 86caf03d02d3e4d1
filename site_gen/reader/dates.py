"""Dates: ISO values from metadata strings, absolute dates stated in text, weekdays resolved.

Never invent a date: a date is taken only when it is fully stated (day, month, year) or, for a
weekday ("on Wednesday"), only against a known publication date (the latest such weekday on or
before it). Month names in several languages are understood, and "21.06.2023" (day first, as
every form with full stops writes it); a two-digit or ambiguous numeric date ("03/04/05") is
not.
"""

from __future__ import annotations

import datetime as dt
import re

from site_gen import regexes

# Month names and abbreviations (English, French, German, Spanish, Italian, Portuguese, Swedish,
# Finnish, Polish, Russian, Arabic), one month per line group: "number: names".
_MONTH_NAMES = """
1: january jan janvier janv januar jän enero ene gennaio gen janeiro januari tammikuu
1: styczeń stycznia январь января янв يناير كانون
2: february feb févr février februar febrero febbraio fevereiro februari helmikuu lutego
2: luty февраль февраля фев فبراير شباط
3: march mar mars märz marzo março maaliskuu marca marzec март марта мар مارس آذار
4: april apr avril abril aprile huhtikuu kwietnia kwiecień апрель апреля апр أبريل ابريل نيسان
5: may mai mayo maggio maio toukokuu maja maj май мая مايو أيار
6: june jun juin juni junio giugno junho kesäkuu czerwca czerwiec июнь июня июн يونيو حزيران
7: july jul juillet juil juli julio luglio julho heinäkuu lipca lipiec июль июля июл يوليو تموز
8: august aug août agosto augusti elokuu sierpnia sierpień август августа авг أغسطس اغسطس آب
9: september sep sept septembre septiembre settembre setembro syyskuu września wrzesień
9: сентябрь сентября сен سبتمبر أيلول
10: october oct octobre oktober octubre ottobre outubro lokakuu października październik
10: октябрь октября окт أكتوبر اكتوبر
11: november nov novembre noviembre novembro marraskuu listopada listopad ноябрь ноября ноя
11: نوفمبر
12: december dec déc décembre dezember diciembre dicembre dezembro joulukuu grudnia grudzień
12: декабрь декабря дек ديسمبر
"""
_MONTHS: dict[str, int] = {}
for _line in _MONTH_NAMES.strip().splitlines():
    _num, _names = _line.split(":", 1)
    for _name in _names.split():
        _MONTHS.setdefault(_name, int(_num))

_MONTH = r"(?P<month>[^\W\d_]{3,11})\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAYN = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|\.)?"
_TEXT_DATES = [
    regexes.compile(r"\b" + _MONTH + r"\s+" + _DAYN + r",?\s+" + _YEAR + r"\b"),  # June 21, 2023
    regexes.compile(
        r"\b" + _DAYN + r"\s+(?:de\s+)?" + _MONTH + r"(?:\s+de)?,?\s+" + _YEAR + r"\b"
    ),  # 21 June 2023
    regexes.compile(r"\b" + _YEAR + r"-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"),  # 2023-06-21
    regexes.compile(r"\b" + _YEAR + r"年(?P<mnum>[01]?\d)月(?P<day>[0-3]?\d)日"),  # 2023年6月21日
    # 21.06.2023: with full stops and a four-digit year, the day comes first wherever the form
    # is written (a month-first date is written with slashes)
    regexes.compile(r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<mnum>[01]?\d)\." + _YEAR + r"\b"),
]
_ISO_PREFIX = regexes.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
# "2023/06/21 10:00", "2023.06.21": year first, any of the usual separators (the same one twice).
_YMD = regexes.compile(r"^\s*((?:19|20)\d\d)([./])([01]?\d)\2([0-3]?\d)\b")
_DMY = regexes.compile(r"^\s*([0-3]?\d)([./-])([0-3]?\d)\2((?:19|20)\d\d)\b")
# Unix time in seconds or milliseconds (some pages declare dates so): 2001 to 2033.
_EPOCH = regexes.compile(r"^(1\d{9})(\d{3})?$")
_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_ON_WEEKDAY = regexes.compile(
    r"\b(?:on|last|this past)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def month_number(name: str) -> int | None:
    return _MONTHS.get(name.casefold().rstrip("."))


def parse_date_value(value: object) -> str | None:
    """An ISO date from a metadata value: ISO strings, datetimes, "June 21, 2023", "21.06.2023"."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return None  # a table or list is not a date (and its str() may be enormous)
    text = str(value).strip()[:200]
    match = _ISO_PREFIX.match(text)
    if match:
        return _iso(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = re.match(r"^((?:19|20)\d\d)([01]\d)([0-3]\d)(?:T|$)", text)  # 20230621
    if match:
        return _iso(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _YMD.match(text)
    if match:
        return _iso(int(match.group(1)), int(match.group(3)), int(match.group(4)))
    numeric = _numeric_date(text)
    if numeric:
        return numeric
    stated = dates_in_text(text)
    return stated[0] if stated else None


def _numeric_date(text: str) -> str | None:
    """ "21.06.2023", "21/06/2023" (day first, the common order), "06/21/2023" (month first,
    only when the day cannot be a month), or a Unix timestamp."""
    match = _DMY.match(text)
    if match:
        first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        if second > 12 and first <= 12:
            return _iso(year, first, second)
        return _iso(year, second, first)
    match = _EPOCH.match(text)
    if match:
        moment = dt.datetime.fromtimestamp(int(match.group(1)), tz=dt.UTC)
        return moment.date().isoformat()
    return None


def dates_in_text(text: str) -> list[str]:
    """Fully stated dates in ``text``, in order of appearance (ISO strings)."""
    found: list[tuple[int, str]] = []
    for pattern in _TEXT_DATES:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            month = int(groups["mnum"]) if groups.get("mnum") else month_number(groups["month"])
            if not month:
                continue
            iso = _iso(int(groups["year"]), month, int(groups["day"]))
            if iso:
                found.append((match.start(), iso))
    return [iso for _, iso in sorted(found)]


# A line that states a date, not a sentence: "Published: 3 March 2024", "2024年3月3日 10:00";
# one with two dates ("Actualizado el 5 de marzo de 2024 | Publicado el 3 de marzo de 2024")
# may be longer. A sentence that mentions a date has more words.
DATE_LINE_WORDS = 10
DATES_LINE_WORDS = 16


def date_line(text: str) -> str | None:
    """The date a short line states (of two, the earlier: a story is published before it is
    updated), or None when the line is longer than a date line or states no date."""
    words = sum(1 for w in text.split() if any(c.isalnum() for c in w))  # not "|" or "·"
    if words > DATES_LINE_WORDS:
        return None
    found = dates_in_text(text)
    if not found or words > (DATES_LINE_WORDS if len(found) > 1 else DATE_LINE_WORDS):
        return None
    return min(found)


def event_date_in_text(text: str, published: str | None = None) -> str | None:
    """The date of the event the text reports: the first full date stated, else a weekday
    ("on Wednesday") resolved against ``published``; None when neither is known."""
    stated = dates_in_text(text)
    if stated:
        if published:
            # A date after publication is a plan, not the event; prefer one on or before it.
            before = [d for d in stated if d <= published]
            return before[0] if before else None
        return stated[0]
    if published:
        match = _ON_WEEKDAY.search(text)
        if match:
            return resolve_weekday(match.group(1), published)
    return None


def resolve_weekday(weekday: str, published: str) -> str | None:
    """The latest ``weekday`` on or before the ``published`` ISO date."""
    try:
        base = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    target = _WEEKDAYS.get(weekday.casefold())
    if target is None:
        return None
    return (base - dt.timedelta(days=(base.weekday() - target) % 7)).isoformat()
