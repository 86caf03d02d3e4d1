"""Whether a capitalised run can be a speaker's name (every named speaker gets a public page).

The extractor finds names by capitalisation, which also catches contractions ("We've"), labels
and sentence-initial words ("Update:", "Note:", "Having said that"), titles of works ("Star
Wars"), datelines ("NEW DELHI:"), places ("South Africa") and, in other languages, a verb or a
preposition glued to a name ("Según Olmedo", "Kveðst Sólrún") or a noun (German capitalises
every noun: "Vor Korsunows Bürgeramt"). ``admit`` strips the words that cannot start a name and
rejects what is left when it does not look like one. Every test is a set lookup on a few
tokens; the article's lower-case vocabulary (``LowerWords``) is looked up only when a one-word
name has to be checked.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from functools import lru_cache

from site_gen import regexes
from site_gen.quotes.firstnames import is_given_name

_CONTRACTION_ENDS = ("'ve", "'re", "'m", "'ll", "'d", "n't", "\u2019ve", "\u2019re", "\u2019m",
                     "\u2019ll", "\u2019d", "n\u2019t")
# English words that are no person's name: labels of web pages, imperatives and function
# words that start sentences, and nouns that end titles of works, reports and products.
_NOT_NAME = frozenset(
    """update updated note photo photos picture image images video videos caption credit credits
    source sources editor editors advertisement sponsored related read watch listen see call go
    get let make take find check click join sign follow visit keep share subscribe download
    having being getting making taking going doing saying seeing given including according
    even whichever whatever however whoever wherever although though thus hence therefore
    also only just yet still already instead rather perhaps maybe indeed despite regardless
    users user readers reader viewers viewer fans customers people everyone everybody someone
    somebody anyone nobody none many most some several others another both each every all
    honorable honourable mentions mention other such same
    report reports project projects technology technologies wars war passion components
    component game games series season episode chapter volume edition album film movie show
    book novel song poem story stories guide review reviews preview recap summary overview
    analysis opinion comment comments commentary editorial letter letters feature features
    question questions answer answers faq tips tip list lists index contents introduction
    conclusion background context timeline highlights live breaking exclusive
    quiet me you him her them us it this that these those here there today tonight tomorrow
    yesterday now then when where why how what who which yes no not never always""".split()
)
# Country, region and big-city names (a place speaks only through a government or a person).
_PLACES = frozenset(
    """afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
    bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia
    botswana brazil brunei bulgaria burkina burundi cambodia cameroon canada chile china
    colombia comoros congo croatia cuba cyprus czechia denmark djibouti dominica ecuador egypt
    eritrea estonia eswatini ethiopia fiji finland france gabon gambia germany ghana greece
    grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran iraq
    ireland israel italy jamaica japan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos
    latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi
    malaysia maldives mali malta mauritania mauritius mexico micronesia moldova monaco
    mongolia montenegro morocco mozambique myanmar namibia nauru nepal netherlands nicaragua
    niger nigeria norway oman pakistan palau palestine panama paraguay peru philippines
    poland portugal qatar romania russia rwanda samoa senegal serbia seychelles singapore
    slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan tajikistan
    tanzania thailand togo tonga tunisia turkey turkmenistan tuvalu uganda ukraine uruguay
    uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe europe asia africa america
    americas antarctica oceania scandinavia balkans caucasus gaza crimea kashmir tibet
    alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii
    idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon
    pennsylvania tennessee texas utah vermont wisconsin wyoming
    london paris berlin madrid rome roma moscow beijing tokyo delhi mumbai karachi lahore
    islamabad tehran baghdad kabul cairo istanbul ankara riyadh dubai doha jerusalem beirut
    damascus kyiv kiev warsaw vienna brussels amsterdam geneva zurich stockholm oslo
    copenhagen helsinki dublin lisbon athens budapest prague bucharest sofia belgrade
    johannesburg nairobi lagos seoul shanghai manila jakarta bangkok hanoi sydney
    melbourne toronto montreal ottawa vancouver chicago boston seattle atlanta miami
    houston dallas detroit baltimore philadelphia brooklyn manhattan""".split()
)
_PAIRS = frozenset(
    """south africa, south korea, north korea, south sudan, new zealand, new york, new jersey,
    new mexico, new hampshire, new delhi, sri lanka, saudi arabia, united states, united kingdom,
    great britain, el salvador, costa rica, puerto rico, hong kong, north carolina,
    south carolina, north dakota, south dakota, west virginia, rhode island, los angeles,
    san francisco, las vegas, tel aviv, abu dhabi, buenos aires, mexico city, cape town,
    east timor, ivory coast, sierra leone, burkina faso, middle east, latin america,
    north america, south america, west bank, new year""".replace("\n", " ").split(", "))
_PAIRS = frozenset(" ".join(p.split()) for p in _PAIRS)

# Capitalised only because a sentence starts with them, in the languages news is written in:
# articles, prepositions, conjunctions, pronouns and speech verbs ("Según Olmedo, ...",
# "Laut Wendt ...", "Kveðst Sólrún ..."). Never the first word of a name.
_FUNCTION = {
    "de": """der die das den dem des ein eine einen einem einer eines und oder aber vor nach mit
    von bei aus für über unter auf an in im am zum zur laut so sagte sagt erklärte erklärt
    betonte betont meinte meint teilte schreibt schrieb auch doch noch nur wie wer was wenn
    als dass ob sie er es wir ihr ich man dieser diese dieses kein keine heute gestern zudem
    außerdem dabei damit denn jetzt nun sein seine ihre""",
    "es": """el la los las un una unos unas y o pero para por según con sin sobre entre desde
    hasta en de del al como cuando donde que quien dijo afirmó señaló explicó aseguró añadió
    indicó destacó apuntó advirtió subrayó declaró este esta estos estas ese esa así además
    también ante tras su sus""",
    "fr": """le la les un une des du de et ou mais pour par selon avec sans sur sous dans en au
    aux comme quand où que qui a déclaré dit affirmé souligné expliqué ajouté estime ce cette
    ces il elle ils elles nous vous je on son sa ses pourtant ainsi""",
    "it": """il lo la i gli le un uno una e o ma per secondo con senza su tra fra in nel nella di
    del della da dal al alla come quando dove che chi ha detto dichiarato affermato spiegato
    sottolineato aggiunto questo questa suo sua""",
    "pt": """o a os as um uma e ou mas para por segundo com sem sobre entre em no na de do da ao
    como quando onde que quem disse afirmou explicou declarou acrescentou este esta seu sua""",
    "nl": """de het een en of maar voor na met van bij uit over onder op aan in volgens zei zegt
    verklaarde""",
    "is": """og en í á um við hann hún þau það segir sagði kveðst sagðist""",
}
_FUNCTION_WORDS = frozenset(w for words in _FUNCTION.values() for w in words.split())
_QUANTIFIERS = frozenset("some another other many several most every each both all any".split())
# One capitalised institution word ("the Administration said") names the article's one
# administration, campaign, ...: the canonicaliser joins it to "Obama administration".
_INSTITUTIONS = frozenset("""administration campaign government ministry department committee
    commission council agency court police army navy party parliament congress senate
    kremlin pentagon""".split())
_LOWER_WORD = regexes.compile(
    r"(?<![\w-])[a-z\u00df-\u00f6\u00f8-\u00ff\u0430-\u044f][\w'\u2019-]*"
)


_RUN_CHAR = regexes.compile(r"[\w'\u2019-]")
_RUN_CHARS = regexes.compile(r"[\w'\u2019-]*")


class LowerWords:
    """The words the article writes in lower case (a word that is, is no name there): the
    tokens of ``_LOWER_WORD.findall(text)``, asked word by word: an article asks about a few
    one-word names only, and finding each one (``str.find``) is far cheaper than tokenising the
    whole text.
    Exact: a ``_LOWER_WORD`` token never leaves a maximal run of ``_RUN_CHAR`` characters,
    and a run's tokens are those of ``findall`` over that run alone."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._known: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word:
            return False
        known = self._known.get(word)
        if known is None:
            known = self._known[word] = self._find(word)
        return known

    def _find(self, word: str) -> bool:
        text = self.text
        i = text.find(word)
        while i >= 0:
            j = i
            while j > 0 and _RUN_CHAR.match(text, j - 1):
                j -= 1
            run = _RUN_CHARS.match(text, i)
            k = run.end() if run else i
            if word in _LOWER_WORD.findall(text, j, k):
                return True
            i = text.find(word, max(k, i + 1))
        return False


def is_contraction(token: str) -> bool:
    """"We've", "I'm", "You're", "Don't": a pronoun or verb form, never a name."""
    return token.lower().endswith(_CONTRACTION_ENDS)


def is_place(tokens: Sequence[str]) -> bool:
    low = " ".join(tokens).lower()
    return low in _PLACES or low in _PAIRS


# German writes a title as a capitalised noun right before the name ("Stadtsprecher Dmitri
# Wendt", "EU-Fischereikommissarin Greta von der Aue"): such a word is no part of it.
_DE_TITLE = regexes.compile(
    r"(?:sprecher|präsident|minister|chef|kanzler|politologe|experte|direktor|leiter|vorsitzende"
    r"|abgeordnete|sekretär|kommissar|gouverneur|bürgermeister|botschafter|richter|anwalt"
    r"|analyst|ökonom|forscher|professor|journalist|autor|trainer|kandidat|gründer|aktivist"
    r"|regisseur|sänger|schauspieler|oppositionelle|politiker|vize)(?:in|en|innen|s|r)?$")
_TITLE_LAST = frozenset(
    """chief director minister president secretary governor commander officer chairman
    chairwoman leader candidate nominee mayor senator commissioner ambassador premier
    chancellor spokesman spokeswoman""".split())
_PARTICLES = frozenset("van von de da del der den di du dos la le al bin ibn ben".split())
_LEAD_PARTICLES = frozenset("van von de da del di du dos al bin ibn ben".split())


def strip_function(tokens: Sequence[str], lang: str = "en") -> tuple[str, ...]:
    """Drop the leading words that cannot start a name ("Según Olmedo" -> "Olmedo", "Vor
    Korsunows ..." -> "Korsunows ...", German "Stadtsprecher Dmitri Wendt" -> "Dmitri
    Wendt")."""
    toks = tuple(tokens)
    while toks and toks[0].lower() in _FUNCTION_WORDS and not is_given_name(toks[0]):
        toks = toks[1:]
    if lang == "de":
        while len(toks) >= 2 and _DE_TITLE.search(toks[0].lower()):
            toks = toks[1:]
    return toks


def admit(tokens: Sequence[str], lang: str = "en") -> tuple[str, ...] | None:
    """The name tokens a speaker page may carry (leading non-name words dropped), or None.
    ``lang`` is the article's two-letter language; anything but "en" is read conservatively:
    function words of the major languages are never name words there."""
    return _admit(tuple(tokens), lang)


@lru_cache(maxsize=8192)
def _admit(tokens: tuple[str, ...], lang: str) -> tuple[str, ...] | None:
    """``admit``, cached: the same names recur in an article and across an archive."""
    english = lang == "en"
    toks = tuple(tokens) if english else strip_function(tokens, lang)
    while len(toks) > 1 and toks[0].lower() in _QUANTIFIERS:
        toks = toks[1:]  # "Some Acme players": the name after the quantifier
    if not toks:
        return None
    lows = [t.lower() for t in toks]
    if any(is_contraction(t) for t in toks):
        return None
    if any(w in _NOT_NAME for w in lows) and not _given_then_word(toks, lows):
        return None
    if all(len(t.strip(".")) <= 1 for t in toks):
        return None  # "Q", "A": a transcript's question and answer labels; initials alone
    if len(toks) >= 2 and lows[-1] in _TITLE_LAST:
        return None  # "Army Chief": a title with no name after it
    if len(toks) >= 2 and all(t.isupper() for t in toks):
        return None  # "NEW DELHI", "WASHINGTON (AP)": a dateline or a heading
    if not english:
        toks = _cut_at_function(toks, lows)
    return toks or None


def _given_then_word(toks: tuple[str, ...], lows: list[str]) -> bool:
    """A given name and a surname that is also a common word ("Dan Rather", "Paul Song"): a
    person, though the word alone is no name. Only a capitalised word after a given name that
    is none of those words ("Watch Video", "Read More" stay out)."""
    return (len(toks) == 2 and lows[0] not in _NOT_NAME and is_given_name(toks[0])
            and toks[1][:1].isupper() and toks[1][1:].islower())


def _cut_at_function(toks: tuple[str, ...], lows: list[str]) -> tuple[str, ...]:
    """A name ends before a function word that is no name particle ("Korsunow der DW" ->
    "Korsunow"; "von der Aue" stays): "der", "den", "la", "le" only after "von", "van",
    "de"."""
    for i in range(1, len(toks)):
        w = lows[i]
        if w not in _FUNCTION_WORDS:
            continue
        lead = w in _LEAD_PARTICLES or (w in _PARTICLES and lows[i - 1] in _LEAD_PARTICLES)
        if not lead or i == len(toks) - 1:
            return toks[:i]
    return toks


def new_name_ok(tokens: Sequence[str], lower: Container[str] | None) -> bool:
    """May a new speaker be made from ``tokens``? Not a place; and a one-word name that the
    article also writes in lower case ("Go", "Bird", "Users") is a common word, unless it is a
    given name."""
    if is_place(tokens):
        return False  # "South Africa", "New Delhi": a place speaks through someone
    if len(tokens) != 1 or lower is None:
        return True
    low = tokens[0].lower()
    return low not in lower or low in _INSTITUTIONS or is_given_name(tokens[0])
