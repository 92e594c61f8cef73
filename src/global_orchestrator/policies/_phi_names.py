r"""Person names for the PHI detector: titles, labels, a Census gazetteer and person cues.

A run of capitalised words (with middle initials, hyphenated and particle surnames,
nicknames in quotes, split across a line break) is trimmed of everyday words at both
ends; what is left is a name when:

- a title or label says so (`Dr.`, `Mrs`, `Patient:`, `Dictated by:`, `, MD` after it);
- its first word is a Census first name and its last a Census surname, or one is and
  no word of it is an everyday English word;
- it is a full name whose one word is also an everyday word: a Census first name that is
  no word before a Census surname that is one (`Michael Brown`, `Ellis P. Grant`; not when
  a word follows, as in `Kelly Green Dresses`), or a common first name that is a word
  before a surname that is neither a word nor a place (`Frank Lindholm`, `Amber Tisserand`);
- a person cue (`to`, `for`, `customer`, a possessive, an identifier next to it) marks it;
- it stands where only a person does: `<name> from <firm> is the keynote speaker`,
  `<name> of <firm> is the CEO` (two or three words, no function, place or firm word);
- two or more words that are neither English words, places nor Census names (most
  non-Anglo names): a weaker finding.

A run holding an organisation word ("Leap Therapeutics", "Unichem Laboratories",
"Lakeside Family Clinic") or naming a place is no name unless a title or label says so.
A possessive ends a run: in "Acme Ltd's Maryam Arsanukayev" the firm and the name are
judged apart, and `Smith's` is read as `Smith` (a single word before `'s` still needs a
person cue of `_phi_context`: "Wendy's is hiring" is a shop). So does a line break before a
line that opens with an everyday word or holds an organisation word: in a signature, "John
Smith\nAcme Corp" is a name, then a firm.
Lower-case names ("maria garcia") count when both words are Census names and at most one
is an English word.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from functools import lru_cache
from itertools import compress
from typing import NamedTuple

from global_orchestrator.policies._phi_lexicon import (
    GREETING_WORDS,
    LOWER,
    PARTICLES,
    SENTENCE_OPENERS,
    UPPER,
    UPPER_CHAR,
    census,
    english,
    is_continent,
    is_country,
    other_word,
    places,
)
from global_orchestrator.policies._phi_spans import ends_with, grouped, has_any, match_at

# a token ends at the word's end: "Tik" of "TikTok", "You" of "YouTube" are no names
_TOKEN = (
    rf"(?:O'|O\u2019|Mc|Mac|D'|D\u2019|L'|L\u2019|Di|De|La|Le|Van|Von)?[{UPPER}][{LOWER}]{{1,30}}+"
    rf"(?:[-'\u2019][{UPPER}]?[{LOWER}]{{1,30}}+){{0,2}}(?![{UPPER}{LOWER}0-9_])"
)
_INITIAL = rf"[{UPPER}]\.?(?![\w'\u2019])"
_NICK = rf"[\"\u201c'\u2018(][{UPPER}][{LOWER}]{{1,20}}+[\"\u201d'\u2019)]"
_PARTICLE = rf"(?:{'|'.join(PARTICLES)})(?=[ \t])"
_SEP = r"(?:[ \t]{1,2}|[ \t]{0,3}\n[ \t]{0,3})"  # three spaces or more: a column gap (`Ann Lee   Unit No`)
# A run opens with a token or an initial, both of which start with a capital. Written as
# `(?<![\w'\u2019-])(?:{_TOKEN}|{_INITIAL})...`, Python's regex engine tries it at every
# position; led by a class of its first character (a capital; a look-behind on it picks the
# prefix "O'", "Mc" ...), the engine skips to capitals in C (~4x faster), same matches.
_PREFIX_AT_CAP = (
    r"(?:(?<=O)'|(?<=O)\u2019|(?<=M)c|(?<=M)ac|(?<=D)'|(?<=D)\u2019|(?<=L)'|(?<=L)\u2019|(?<=D)i|(?<=D)e|"
    r"(?<=L)a|(?<=L)e|(?<=V)an|(?<=V)on)"
)
_TOKEN_AT_CAP = (  # _TOKEN after its first character
    rf"(?:{_PREFIX_AT_CAP}[{UPPER}])?[{LOWER}]{{1,30}}+"
    rf"(?:[-'\u2019][{UPPER}]?[{LOWER}]{{1,30}}+){{0,2}}(?![{UPPER}{LOWER}0-9_])"
)
_INITIAL_AT_CAP = r"\.?(?![\w'\u2019])"  # _INITIAL after its capital
_RUN = re.compile(
    rf"[{UPPER}](?<![\w'\u2019-].)(?:{_TOKEN_AT_CAP}|{_INITIAL_AT_CAP})"
    rf"(?:{_SEP}(?:{_TOKEN}|{_INITIAL}|{_NICK}|{_PARTICLE})){{0,5}}+"
)
_PIECE = re.compile(rf"{_NICK}|{_TOKEN}|{_INITIAL}|{_PARTICLE}")
_TITLES = frozenset(
    "mr mrs ms miss mx dr prof sr sra srta herr frau mme mlle sig dott pan pani sir dame rev fr".split()  # noqa: SIM905
)
_TITLE_WORDS = "Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sr|Sra|Srta|Herr|Frau|Mme|Mlle|Sig|Dott|Pan|Pani|Sir|Dame|Rev|Fr"
_TITLE = re.compile(rf"\b(?:{_TITLE_WORDS})\.?[ \t]{{0,3}}$")
_TITLE_WORD = re.compile(_TITLE_WORDS)
"""Where a title may start (a gate): each is a capital and lower-case letters, so no title
starts inside another's match and `finditer` finds the start of every one."""
_SPEAKER_TAGS = ("user", "customer", "client", "caller", "me", "a")
_ANSWER = rf"(?:[ \t]{{0,3}}(?:{'|'.join(_SPEAKER_TAGS)})[ \t]{{0,2}}:)?"
_STRONG_LABEL = re.compile(
    r"(?i:\b(?:patient(?:'s)?(?:\s+name)?|pt|name|full\s+name|dictated\s+by|signed\s+by|"
    r"electronically\s+signed(?:\s+by)?|attending(?:\s+physician)?|pcp|provider|physician|surgeon|nurse|"
    r"referring(?:\s+physician)?|cc|transcribed\s+by|reviewed\s+by|seen\s+by|emergency\s+contact|hpi|"
    r"(?:ordered|performed|interpreted|verified|entered|authored)\s+by|"
    # a form's or a record's name fields (`first_name: Cosmina`, `"last_name": "Szmajda"`, `Vorname:`)
    r"(?:first|last|given|family|middle|maiden)[_ -]?name|surname|forename|"
    r"nombre|apellidos?|pr[ée]nom|nom|vorname|nachname|cognome|nome|naam|"
    r"next\s+of\s+kin|guardian|dear|name\s+on\s+(?:the\s+)?card|cardholder|card\s+holder|"
    # a question for a name, and its answer (after a speaker's tag): "What's the name on the
    # account? User: ...", "What is your full name? ..."
    r"your\s+(?:full\s+|first\s+|last\s+)?name(?:\s+(?:on|for)\s+(?:the|this)\s+[a-z]{2,12})?\?"
    rf"{_ANSWER}|"
    rf"the\s+(?:full\s+)?name\s+(?:on|for|under)\s+(?:the|your|this)\s+[a-z]{{2,12}}\?{_ANSWER})"
    r"[\"']?\s*[:,=-]?[ \t]{0,6}[\"']?\n?[ \t]{0,3})$"
)
_STRONG_LABEL = re.compile(grouped(_STRONG_LABEL.pattern), _STRONG_LABEL.flags)  # same matches, fewer tests
# gates (`ends_with`): the last word of every match of _TITLE, _STRONG_LABEL, _CUE_BEFORE
_TITLE_ENDS = tuple(t for t in _TITLES)
_LABEL_ENDS = (
    "patient",
    "patient's",
    "name",
    "pt",
    "by",
    "signed",
    "attending",
    "physician",
    "pcp",
    "provider",
    "surgeon",
    "nurse",
    "referring",
    "cc",
    "contact",
    "hpi",
    "kin",
    "guardian",
    "dear",
    "card",
    "cardholder",
    "holder",
    "nombre",
    "naam",
    "apellido",
    "apellidos",
    "nom",
    "prenom",
    "prénom",
    "cognome",
    "nome",
    "name?",
    "?",  # "What's the name on the account?"
    "user",  # "...? User: "
    "customer",
    "client",
    "caller",
    "me",
    "a",
)
_CUE_BEFORE = re.compile(
    r"(?i:\b(?:patient|pt|client|customer|member|resident|reviewer|winner|shopper|guest|caller|"
    r"name|son|daughter|wife|husband|mother|father|mom|dad|to|for|cc|dm|ping|thank|thanks|"
    r"greets|text|call|email|message|contact|from|by|is|was|with|spotlight|mail|remind|"
    r"reach|loop\s+in|meet|notify|invite|congratulate|welcome|tell|ask|reply\s+to|"
    r"i\s+am|i'm|my\s+name\s+is|this\s+is|named|called|signed|sincerely|regards)"
    r"\s*[:,-]?\s*)$"
)
_CUE_BEFORE = re.compile(grouped(_CUE_BEFORE.pattern), _CUE_BEFORE.flags)  # same matches, fewer tests
_CUE_ENDS = (
    "patient",
    "pt",
    "client",
    "customer",
    "member",
    "resident",
    "reviewer",
    "winner",
    "shopper",
    "guest",
    "caller",
    "name",
    "son",
    "daughter",
    "wife",
    "husband",
    "mother",
    "father",
    "mom",
    "dad",
    "to",
    "for",
    "cc",
    "dm",
    "ping",
    "thank",
    "thanks",
    "greets",
    "text",
    "call",
    "email",
    "message",
    "contact",
    "from",
    "by",
    "is",
    "was",
    "with",
    "spotlight",
    "mail",
    "remind",
    "reach",
    "in",
    "meet",
    "notify",
    "invite",
    "congratulate",
    "welcome",
    "tell",
    "ask",
    "am",
    "i'm",
    "named",
    "called",
    "signed",
    "sincerely",
    "regards",
)
_POST_NOMINAL = re.compile(
    r"^,?\s{0,2}(?:MD|M\.D\.|RN|NP|PA-C|PA|DO|PhD|DDS|DMD|FNP(?:-C)?|CNM|LPN|MSW|LCSW|PharmD|MBBS|FACP|APRN|CRNP)\b"
)
_CUE_AFTER = re.compile(
    r"^(?:'s?\b|\u2019s?\b|\s*\((?:born|DOB|MRN|age|\d)|,\s*(?:DOB|born|age|aged|ZIP|MRN|\d)|\s+<|\s+\(|"
    r",?\s+(?:\d{1,3}\s*(?:y/?o|yo|years?[- ]old))|\s+(?:was|is|has|had|presented|reports|denies|called|"
    r"said|says|wrote|lives|lived|died|visited|came|went)\b)"
)
_ADJACENT = re.compile(r"[\s,:;(<>-]{1,3}|\s+(?:at|on|is|was|-)\s+")
# (?<![\w'-])[a-z]{2,20}+(?![\w'-]), led by its first letter (the engine skips to letters in C)
_LOWER_WORD = re.compile(r"[a-z](?<![\w'-].)[a-z]{1,19}+(?![\w'-])")
_GAP = re.compile(r"[ \t]{1,3}|[ \t]{0,3}\n[ \t]{0,3}")
_NOT_NAMES = frozenset(
    """may june april august will mark grant rose summer autumn winter spring art bill hope joy
    faith page ray dawn gene pat max dean guy norm sunny star iris ivy holly robin jack frank drew
    earl gray grey wade chase lane reed hunter brand don bob sale christian major king young long
    black white brown green rich price early love golden sterling miles candy cherry ginger honey
    lily daisy amber crystal destiny harmony melody mercy precious monday tuesday wednesday
    thursday friday saturday sunday virginia georgia carolina dakota florida paris london sydney
    austin dallas houston jordan chelsea brooklyn madison lincoln washington jersey china india
    tiktok instagram email search social school back new free best more our your the this that
    rival general care team clinic health patient doctor nurse
    me us you him them we they it my your his its their why what how who when where which
    call tell ask join shop get buy try discover introducing explore save order visit follow
    brazilian portuguese japanese chinese spanish mexican nigerian canadian korean vietnamese filipino
    russian swedish norwegian danish finnish turkish arabic persian hispanic european asian african""".split()  # noqa: SIM905
)
NOT_NAMES = _NOT_NAMES
WEEKDAYS = frozenset(
    """mon tue tues wed weds thu thur thurs fri sat sun monday tuesday wednesday thursday friday
    saturday sunday""".split()  # noqa: SIM905
)
"""Days of the week and their abbreviations (lower case): `Mon-Fri` is a range of days, no name."""
_COMMON = frozenset(
    """park street st avenue ave road rd lane drive way place court boulevard square plaza mall
    sale sales day days week weekend month year years season holiday holidays christmas easter
    halloween thanksgiving valentine valentines new spring summer fall autumn winter black cyber
    friday monday tuesday wednesday thursday saturday sunday january february march april may june
    july august september october november december health healthy care center centre clinic
    hospital medical dental vision eye heart brain cancer diabetes awareness wellness fitness
    supply supplies theory coffee tea juice skin optics bakery kitchen expo marathon run walk
    race festival fair show summit conference webinar live online digital social media news
    times post journal magazine radio app apps cloud tech systems solutions services partners
    ventures capital outdoors outdoor sports apparel beauty cosmetics foods food farms farm
    brewing wine spirits burger pizza grill cafe bar lounge airlines air express logistics energy
    motors auto cars rewards reward points loyalty members member vip store stores shop shops
    market markets company co inc llc labs lab group studio studios house home garden gardens
    beach lake river hills valley mountain bay harbor harbour point pointe university
    college school academy institute bank insurance pharmacy collection edition series plus pro
    max mini gold silver rose bundle box kit club team foundation world national global
    international american north south east west central city county state coast bridge tower
    gallery museum theater theatre cinema hotel resort spa inn lodge village town island
    gift card cards guide tips faq blog newsletter launch restock recap story stories spotlight
    program plan plans month's mother's father's wednesday's serum glasses shoes mats bars
    socks bottles gummies glow luma bluebird northwind contoso acme inkwell riverside maple
    patient patients doctor nurse customer customers client clients member resident dear hi hello
    hey thanks""".split()  # noqa: SIM905
)
# Words of organisation names: a run holding one is a company, clinic or brand, not a person.
_ORG = frozenset(
    """inc llc ltd corp corporation co company companies group holdings partners therapeutics
    pharmaceuticals pharmaceutical pharma laboratories laboratory labs lab biosciences bioscience
    biotech biotherapeutics sciences science genomics diagnostics medical health healthcare clinic
    clinics hospital hospitals center centre centers systems solutions technologies technology
    services bank insurance foundation institute university college school academy associates
    consulting capital ventures industries international global brands foods motors energy media
    studios network networks pharmacy pharmacies dental care wellness gmbh ag sa srl spa bv nv plc
    limited family practice medicine surgical surgery orthopedics pediatrics cardiology oncology
    dermatology radiology imaging urgent rehab rehabilitation therapy hospice home homes lodge
    trust fund partners union council department ministry agency authority grupo comercial
    distribuciones banca banco mineria minería construccion construcción construcciones hnos hermanos
    stiftung gruppe holding industrias servicios soluciones inversiones transportes figli fratelli
    societe société groupe compagnie sarl gmbh kg kgaa ohg sas sl slu sau spa srl snc sp bv nv ab oy
    as asa aps magazine association society ministerio ministério
    room ballroom auditorium theater theatre stadium pavilion lounge library hotel resort
    conference convention gallery museum cathedral mosque synagogue financial enterprise enterprises
    station airport terminal arena galleria mall commons outlets marketplace""".split()  # noqa: SIM905
)
ORG_WORDS = _ORG
"""Words of organisation names (`Ltd`, `Therapeutics`, `Clinic`), lower-case."""
# a legal form after a run: "Klein Valentin SARL", "Wende GmbH", "Rubbia e figli", "Pruitt Ltd"
_LEGAL_AFTER = re.compile(
    r",?\s{1,3}(?:S\.?\s?A\.?(?:S\.?|U\.?)?\b|S\.?\s?L\.?(?:U\.?|N\.?E\.?|L\.?)?\b|S\.?Com|S\.?Coop|S\.?C\.?P\b|"
    r"SARL|SAS|SPA\b|GmbH|AG\b|KG\b|KGaA|OHG|e\.?\s?V\.|Ltd|LLC|LLP|Inc\b|Corp|PLC|plc|Co\.|& |"
    r"and\s+(?:Co|Sons|Partners)|"
    r"e\s+figli|s\.?r\.?l|S\.?p\.?A|snc|B\.?V\.?|N\.?V\.?|Sp\.\s?z|Group\b|Holdings?\b)"
)
# "in Serrara Fontana", "at Bayview": a run of unknown words after these is a place or a brand
_PLACE_BEFORE = re.compile(r"(?i:\b(?:in|at|near|from|of|visit|across|around|outside)\s+(?:the\s+)?)$")
_PLACE_ENDS = ("in", "at", "near", "from", "of", "visit", "across", "around", "outside", "the")  # a gate
_FIRM_AFTER = re.compile(r",?\s(?:and|&|y|e|und|et)\s+[{UPPER}]".replace("{UPPER}", UPPER))
# "Mahoney, Lisa E." (surname first); its first token ends at a _COMMA_CAPITAL (`_surname_starts`)
_COMMA_CAPITAL = re.compile(rf",[ \t]{{1,3}}[{UPPER}]")
_SURNAME_FIRST = re.compile(  # (?<![\w'\u2019-])({_TOKEN}),..., led by its capital (see _RUN)
    rf"([{UPPER}](?<![\w'\u2019-].){_TOKEN_AT_CAP}),[ \t]{{1,3}}({_TOKEN})(?:[ \t]{{1,3}}{_INITIAL})?"
)


def _key(word: str) -> str:
    return _possessed(word.split("-")[0]).replace("'", "").replace("\u2019", "").lower()


def _possessed(word: str) -> str:
    """`word` without a possessive `'s` (`Smith's` -> `Smith`)."""
    return word[:-2] if _possessive(word) else word


def _possessive(word: str) -> bool:
    """`word` ends in a possessive `'s` (`Smith's`, `Smith\u2019s`)."""
    return len(word) > 3 and word[-1] == "s" and word[-2] in "'\u2019"


@lru_cache(maxsize=16384)
def _describe(text: str) -> tuple[str, str, bool, bool, bool]:
    """A word's key, kind, and whether it is a Census first name, a Census surname, an everyday word.

    Cached: the same words come back in text after text.
    """
    key = _key(text)
    first = text[0]
    if first in "\"\u201c'\u2018(":
        kind = "nick"
    elif len(text) <= 2 and text.rstrip(".").isupper():
        kind = "initial"
    elif first.islower():
        kind = "particle"
    else:
        kind = "word"
    common, _, last = census()
    if kind == "word" and "-" in text and all(p.rstrip(".").lower() in WEEKDAYS for p in text.split("-")):
        return key, kind, False, False, True  # `Mon-Fri`, `Tue-Sat`, `Monday-Friday`: a range of days
    return (
        key,
        kind,
        key in common and key not in _NOT_NAMES,
        key in last and key not in _NOT_NAMES and key not in _COMMON and key not in _NO_SURNAMES,
        key in _COMMON or key in _ORG or key in _TITLES or key in english() or other_word(key),
    )


class _Word:
    __slots__ = ("end", "everyday", "first", "key", "kind", "last", "start", "text")

    def __init__(self, text: str, start: int) -> None:
        self.text = text
        self.start = start
        self.end = start + len(text)
        self.key, self.kind, self.first, self.last, self.everyday = _describe(text)


def _first(word: _Word) -> bool:
    return word.first


def _last(word: _Word) -> bool:
    return word.last


def _everyday(word: _Word) -> bool:
    return word.everyday


ROLE_AND_FIELD_WORDS = (
    *("agent", "caller", "callback", "reason", "operator", "representative", "bot"),
    *("naam", "adres", "adresse", "ihr", "ihre", "termin", "telefon", "nombre", "apellido"),
)
"""Speaker roles and form fields of chats and forms (lower case): no one's name; `_phi_context`
reads them as never a single name too."""
_FIELD_WORDS = frozenset((*ROLE_AND_FIELD_WORDS, "customer", "ihren"))
"""Speaker roles and form fields a capitalised run may hold (`Agent Sam:`, `Naam:`, `Ihr Termin`):
never a name's word, though some are Census surnames (`Agent`)."""


def _namey(word: _Word) -> bool:
    return (
        word.kind == "word"
        and word.key not in _FIELD_WORDS
        and (_first(word) or _last(word) or not _everyday(word))
    )


class _Run(NamedTuple):
    """What a capitalised run is made of, apart from the text around it."""

    pieces: tuple[tuple[str, int], ...]
    """Its words, initials, nicknames and particles, with their offsets in it."""
    never: bool
    """No name whatever comes before or after it: no word, or titles only ("Dr.")."""
    needs_context: bool
    """No title in front and no name-like word: a name only after a title or a label."""
    lead: int
    """How many of its first words are titles ("Dr. Mr. Smith": 2)."""
    split: int = 0
    """Where a second run starts, or 0: after a possessive (`Acme Ltd's Maryam Arsanukayev`:
    an owner and what, or who, it owns), or on a line that opens with an everyday word or
    holds an organisation word (`John Smith\nAcme Corp`: a signature's name and its firm)."""


@lru_cache(maxsize=16384)
def _run(run: str) -> _Run:
    """The pieces of a capitalised run and what `_judge` decides from them alone.

    Cached: the same runs ("The", "Patient", "Dr. Smith") come back in text after text, and
    most are dropped here before any `_Word` or look-back window is made.
    """
    pieces = tuple((p.group(0), p.start()) for p in _PIECE.finditer(run))
    words = [_Word(piece, offset) for piece, offset in pieces]
    lead = 0
    while lead < len(words) and words[lead].key in _TITLES:
        lead += 1
    never = not any(w.kind == "word" for w in words) or lead == len(words)
    split = next((pieces[i + 1][1] for i in range(len(pieces) - 1) if _splits(run, words, i)), 0)
    return _Run(pieces, never, lead == 0 and not any(_namey(w) for w in words), lead, split)


def _splits(run: str, words: list[_Word], i: int) -> bool:
    """A new run after `words[i]`: a possessive, a line opening with an everyday word or with an org word."""
    if _possessive(words[i].text):
        return True
    if "\n" not in run[words[i].end : words[i + 1].start]:
        return False
    line = words[i + 1 :]
    for j in range(1, len(line)):
        if "\n" in run[line[j - 1].end : line[j].start]:
            line = line[:j]
            break
    return (line[0].kind == "word" and not _namey(line[0])) or any(w.key in _ORG for w in line)


_NO_SURNAMES = GREETING_WORDS
"""Census surnames that are words of greetings (`Liebe`, `Hallo`): no surname on their own."""


def _opens_turn(word: str) -> bool:
    """`word` answers or opens a sentence (`No`, `Okay`, `Any`, `Ja`) and is no common given name."""
    key = word.lower()
    return key in SENTENCE_OPENERS and key not in census()[0]


def titled_names(text: str) -> Iterator[tuple[int, int, float]]:
    """`Mr. Okafor`, `Dr Alan Smith`, `Frau Müller`: the name after a title."""
    for start, end, score in names(text, []):
        if score == 0.9:
            yield start, end, score


def names(text: str, near: list[tuple[int, int]]) -> Iterator[tuple[int, int, float]]:
    """Spans of person names; `near` holds spans of identifiers already found (in text order)."""
    upper = UPPER_CHAR.search(text) is not None  # but for lower-case names, a name is capitalised
    if upper:
        yield from _capitalised(text, {s for s, _ in near}, {e for _, e in near})
    yield from _lower_names(text)
    if upper and "," in text:
        # (`Venue: Harbour Hall, Florence`: a place and its town, no surname and given name)
        yield from (f for f in _surname_first(text) if not _on_venue_line(text, f[0]))
    if upper and _CAPS_PAIR.search(text):
        yield from _caps_names(text)


def _capitalised(text: str, near_starts: set[int], near_ends: set[int]) -> Iterator[tuple[int, int, float]]:
    """Names in capitalised runs (`near_starts`, `near_ends`: where identifiers found start and end)."""
    titles = [m.start() for m in _TITLE_WORD.finditer(text)]  # a title ends a run's 10 characters before it
    for match in _RUN.finditer(text):
        run_text = match.group(0)
        start = match.start()
        after = _split(text, start, run_text)
        while after:  # "Acme Ltd's Maryam Arsanukayev", "John Smith\nAcme Corp": two runs (or more)
            found = _in_run(text, start, run_text[:after].rstrip(), titles, near_starts, near_ends)
            if found is not None:
                yield found
            start, run_text = start + after, run_text[after:]
            after = _split(text, start, run_text)
        found = _in_run(text, start, run_text, titles, near_starts, near_ends)
        if found is not None:
            yield found


_FIRM_LINE_REACH = 160
"""How much of the line a run goes on to is read for an organisation word (`_firm_line`)."""


def _firm_line(text: str, begin: int) -> bool:
    """The line of `text` from `begin` holds an organisation word (up to `_FIRM_LINE_REACH` characters)."""
    stop = text.find("\n", begin, begin + _FIRM_LINE_REACH)
    line = text[begin : stop if stop != -1 else begin + _FIRM_LINE_REACH]
    return any(word.strip(".,;:()").lower() in _ORG for word in line.split())


def _split(text: str, start: int, run_text: str) -> int:
    r"""Where the run at `start` splits first (`_Run.split`), or where it goes on to a firm's line.

    `Yukiyo Hakugi\nEuropean Sustainable Growth Acquisition Corp.`: the run stops at six
    words, before the firm's `Corp.`, and `Alexandre Chouinard\nBelreca NV` before `NV` (no
    word of a run), so `_splits` cannot see the firm: the whole next line is read.
    """
    run = _run(run_text)
    if "\n" not in run_text:
        return run.split
    pieces = run.pieces
    for i in range(len(pieces) - 1):
        end, after = pieces[i][1] + len(pieces[i][0]), pieces[i + 1][1]
        if run.split and after >= run.split:
            break
        nl = run_text.find("\n", end, after)
        if nl != -1 and _firm_line(text, start + nl + 1):
            return after
    return run.split


def _in_run(
    text: str, start: int, run_text: str, titles: list[int], near_starts: set[int], near_ends: set[int]
) -> tuple[int, int, float] | None:
    """The name in the capitalised run `run_text` at `start`, if any (`titles`: where titles start)."""
    run = _run(run_text)
    if run.never:
        return None
    lead = run.pieces[0][0]
    if lead == "Pt" and (
        _census_word(run.pieces[1:]) or _no_everyday_word(run.pieces[1:])
    ):  # "Pt David Green", "Pt Nkechi": a label opens it ("Pt Education Series" holds neither)
        offset = run.pieces[1][1]
        return _judge(text, start + offset, run_text[offset:], False, True, near_starts, near_ends)
    if len(run.pieces) > 2 and run.lead == 0 and run.pieces[0][0].isalpha():
        offset = run.pieces[1][1]
        rest = _run(run_text[offset:])
        if rest.lead and not rest.never:  # "Dear Dr Rautenbach", "Thanks Mr Okafor": a title opens the rest
            return _judge(text, start + offset, run_text[offset:], True, False, near_starts, near_ends)
    first = start + run.pieces[0][1]
    before = text[max(0, first - 40) : first]
    i = bisect_left(titles, first - 10)
    titled = i < len(titles) and titles[i] < first and _titled(before)
    labelled = not titled and run.lead == 0 and _labelled(before)  # (read only when not titled)
    if (
        labelled
        and _BARE_NAME_LABEL.search(before) is not None
        and _GOODS.search(text, max(0, first - _GOODS_REACH), first + len(run_text) + _GOODS_REACH)
        is not None
    ):
        # `{"sku": ..., "name": "Ledgerly", "price": ...}`: a product record's name field; a
        # person's name there is one by its own words (a Census first name and surname)
        found = _judge(text, start, run_text, False, False, near_starts, near_ends)
        return found if found is not None and found[2] >= 0.85 else None
    if labelled and _everyday_only(run.pieces) and _BARE_NAME_LABEL.search(before) is not None:
        return None  # `"name": "Rival A"`, `name: Notebook Bundle`: a thing's name in a tool's output
    if labelled and run_text.lower() in _SPEAKER_TAGS and text.startswith(":", start + len(run_text)):
        return None  # "What's your name? User: ...": the speaker's tag, the name after it
    if labelled and len(run.pieces) == 1 and _opens_turn(run.pieces[0][0]):
        return None  # "Patient: No.", "Nurse: Any allergies?": the turn's first word, no name
    if not titled and not labelled and _role_run(run_text) and _role_after(text, start + len(run_text)):
        # "Ante Jukić from Acme Corp. is the keynote speaker": a place only a person takes
        found = _judge(text, start, run_text, False, True, near_starts, near_ends)
        return None if found is None else (found[0], found[1], 0.6)
    if run.needs_context and not titled and not labelled:  # what _judge checks first
        return None
    if not titled and not labelled and _goods_run(text, start, run_text, run.pieces):
        return None  # "Collagen Peptides Powder", "Chunky Monkey Pint": a product by its noun
    if (
        not titled
        and not labelled
        and ends_with(before, _PRESS_ENDS, " \t")
        and has_any(text[max(0, first - 100) : first], _PRESS_WORDS)  # (the window: linear time)
        and _PRESS_BEFORE.search(text, max(0, first - 100), first)
    ):
        return None  # "Featured on Good Morning America", "as seen in Martha Stewart Living": a title
    return _judge(text, start, run_text, titled or run.lead > 0, labelled, near_starts, near_ends)


_GOODS_NOUNS = frozenset(
    """powder serum cream gummies capsules tablets drops lotion spray tea blend supplement shake shakes bar
    bars mix balm mask cleanser toner moisturizer moisturiser shampoo conditioner kit bundle collection
    edition flavor flavour pint sauce coffee latte candle scrub gel formula vitamins bites chips soda juice
    smoothie protein granola cereal cookies snacks lipstick foundation mascara concealer primer sunscreen
    perfume fragrance cologne sneakers boots jacket hoodie leggings mattress pillow blender""".split()  # noqa: SIM905
)
"""Nouns of goods that end a product's name (`Collagen Peptides Powder`, `Chunky Monkey Pint`)."""
_LANDMARK_NOUNS = frozenset(
    """gate needle tower bridge museum cathedral palace castle abbey monument memorial statue temple church
    stadium arena library zoo aquarium observatory basilica mosque synagogue fortress citadel pyramid
    pyramids wall canal dam lighthouse pier boardwalk""".split()  # noqa: SIM905
)
"""Nouns that end a landmark's name (`Brandenburg Gate`, `Space Needle`): a place, no person."""
_FOUNDED_AFTER = re.compile(
    r"[^\S\n]+(?:was|were|is|has\s+been)[^\S\n]+(?:founded|established|incorporated|headquartered|based|"
    r"listed|acquired)\b"
)
"""After a firm's name (`Renault was founded in 1917`): an organisation, no person."""
_NEXT_WORD = re.compile(r"[^\S\n]+([A-Za-z]+)")


def _goods_run(text: str, start: int, run_text: str, pieces: tuple[tuple[str, int], ...]) -> bool:
    """A product, a landmark or a firm, by its capitalised run.

    A run ending in a landmark's noun; or one before `was founded`, or ending in (or followed by) a
    noun of goods, without a first name in it.
    """
    last = pieces[-1][0].lower()
    if last in _LANDMARK_NOUNS:
        return True
    founded = _FOUNDED_AFTER.match(text, start + len(run_text)) is not None
    after = _NEXT_WORD.match(text, start + len(run_text))
    if (
        not founded
        and last not in _GOODS_NOUNS
        and (after is None or after.group(1).lower() not in _GOODS_NOUNS)
    ):
        return False
    first_names = census()[1]
    return not any(piece.lower() in first_names for piece, _ in pieces[:-1] or pieces)


_PRESS_BEFORE = re.compile(
    r"(?i:\b(?:featured|as\s+seen|as\s+heard|appeared|appearing|spotlighted|"
    r"ranked|voted|covered|profiled)\s+(?:on|in)\s+(?:the\s+)?"
    r"(?:[^.!?\n]{0,60}?(?:,|\band\b|&)\s+(?:(?:in|on)\s+)?(?:the\s+)?)?)$"  # the next titles of a list
)
"""A press mention: the run after it is a show's, a paper's or a magazine's title, no one's name."""
_PRESS_ENDS = ("on", "in", "the", "and", "&", ",")  # a gate: the end of every `_PRESS_BEFORE` match
_PRESS_WORDS = (
    *("featur", "as seen", "as heard", "appear", "spotlighted"),
    *("ranked", "voted", "covered", "profiled"),
)
"""A gate: every `_PRESS_BEFORE` match holds one (lower case)."""
_BARE_NAME_LABEL = re.compile(r"(?i:(?<![\w -])[\"']?(?<![\w -])name[\"']?[ \t]*[:=][ \t]{0,6}[\"']?)$")
"""A field named just `name` ends the text before a run (not `first_name`, `Patient name`)."""
_GOODS = re.compile(
    r"(?i:(?<![\w-])[\"']?(?:sku|price|unit[_ ]price|msrp|currency|stock|in[_ ]stock|ean|upc|gtin|"
    r"product[_ ]?(?:id|code|type)|brand|model|category)[\"']?[ \t]*[:=])"
)
"""A field of a product record (`"sku":`, `Price:`, `brand=`): the record's `name` is the product's."""
_GOODS_REACH = 300
"""How far around a bare `name` field a product record's other fields are looked for (characters)."""

_ROLES = (
    r"speaker|keynote\s+speaker|ceo|cfo|cto|coo|founder|co-?founder|president|vice\s+president|chairman|"
    r"chairwoman|chairperson|director|author|presenter|panelist|panellist|moderator|spokesperson|spokesman|"
    r"spokeswoman|editor|chef|captain|coach|mayor"
)
_ROLE_AFTER = re.compile(
    rf"(?:,?[ \t]{{1,3}}(?:from|of|at)[ \t]{{1,3}}[^\n,;:!?]{{1,60}}?)?"  # "from Acme Corp."
    r"[ \t]{1,3}(?:is|was|will[ \t]+be|has[ \t]+been)"
    r"[ \t]{1,3}(?:the|a|an|our|their|its|this\s+year's)[ \t]{1,3}"
    r"(?:(?:new|keynote|guest|chief|former|founding|executive|managing|creative|medical|main|featured|"
    r"award-winning)[ \t]{1,3}){0,2}"
    rf"(?i:{_ROLES})\b"
)
_ROLE_GATE = re.compile(r",?[ \t]{1,3}(?:from|of|at|is|was|will|has)[ \t]")


def _role_after(text: str, end: int) -> bool:
    """After `end`: `is the keynote speaker`, `of Acme Corp. is the CEO`: a role only a person has."""
    return _ROLE_GATE.match(text, end) is not None and _ROLE_AFTER.match(text, end) is not None


@lru_cache(maxsize=16384)
def _role_run(run: str) -> bool:
    """Two or three words, none a function, title, place-street or organisation word (`Savannah Beet`)."""
    words = [_Word(piece, offset) for piece, offset in _run(run).pieces]
    proper = [w for w in words if w.kind == "word"]
    return (
        2 <= len(proper) <= 3
        and len(words) - len(proper) <= 1
        and not any(
            w.key in _COMMON or w.key in _ORG or w.key in _TITLES or w.key in _NOT_NAMES for w in proper
        )
        and " ".join(w.key for w in proper) not in places()  # "Santa Clara is the host city"
    )


# what can follow a name's word for _LEGAL_AFTER to match there: its first character, past
# a comma and white space
_LEGAL_AFTER_FIRST = frozenset("SGAKOeLICPp&asBNH")


def _legal_after(text: str, end: int) -> bool:
    """A legal form follows the word that ends at `end` ("Wende GmbH", "Pruitt, Ltd")."""
    rest = text[end : end + 5]
    if rest.removeprefix(",").lstrip()[:1] not in _LEGAL_AFTER_FIRST:  # "" (nothing follows) is not in it
        return False
    return _LEGAL_AFTER.match(text, end) is not None


def _titled(before: str) -> bool:
    """A title ("Dr.", "Mrs") ends `before`."""
    # a title and its spaces are at most 8 characters
    return ends_with(before[-10:], _TITLE_ENDS, " \t.") and _TITLE.search(before[-10:]) is not None


def _labelled(before: str) -> bool:
    """A label ("Patient:", "Dictated by") ends `before`."""
    return ends_with(before, _LABEL_ENDS, " \t\n\r\f\v:,-=\"'") and _STRONG_LABEL.search(before) is not None


def titled_before(text: str, start: int) -> bool:
    """A title ("Dr.", "Mrs") ends the text before offset `start`."""
    return _titled(text[max(0, start - 10) : start])


def labelled_at(text: str, start: int) -> bool:
    """A label ("Patient:", "Dictated by") ends the 40 characters before offset `start`."""
    return _labelled(text[max(0, start - 40) : start])


class _Cut(NamedTuple):
    """What `_judge` decides from a run alone, given whether a title or a label is in front of it."""

    legal: tuple[int, ...]
    """Offsets in the run of the ends of the words a legal form must not follow ("Wende GmbH")."""
    start: int
    end: int
    """The name's offsets in the run, everyday words, initials and particles trimmed off."""
    marked: float | None
    """The score when a title or a label (still) marks the name: nothing else decides."""
    single: bool
    """At most one proper word: a name only with a person cue after it (when `namey`)."""
    score: float | None
    """Two or more proper words: the score (0: a place, no name), or None when the text around decides."""
    namey: bool
    """The single word is a Census name and no everyday word; for two or more, every word is
    name-like and none is a place (the weakest finding, unless a place cue is before it)."""
    worded: bool = False
    """Two or more everyday words, none a Census first name ("To My Credit Card To"): only a
    person cue makes it a name, not an identifier next to it."""


@lru_cache(maxsize=16384)
def _cut(run: str, titled: bool, labelled: bool) -> _Cut | None:
    """What `_judge` decides from the run alone (None: no name), `titled` and `labelled` by what is before it.

    Cached: the same runs come back in text after text.
    """
    facts = _run(run)
    words = [_Word(piece, offset) for piece, offset in facts.pieces][facts.lead :]
    labelled = titled or labelled
    if not words or (not labelled and not any(_namey(w) for w in words)):
        return None  # the trimming below would leave no word: a shortcut for most capitalised runs
    if not titled and any(w.key in _ORG for w in words):
        return None
    legal = () if titled else tuple(w.end for w in words if w.kind == "word")
    # trim everyday words, initials and particles at both ends
    while words and (words[0].kind != "word" or not _namey(words[0])):
        if labelled and words[0].kind == "word" and not (words[0].key in _COMMON or words[0].key in _TITLES):
            break
        if (labelled and _given_before_initial(words)) or _given_before_name(words):  # "April G. Woods"
            break
        if labelled and words[0].kind == "initial" and len(words) > 1 and words[1].kind == "word":
            break  # "Provider: S. Zorlu": an initial and a surname after a label
        words = words[1:]
        labelled = False
    while words and (
        words[-1].kind != "word"
        or not _keep_last(words[-1], labelled, titled)
        or (len(words) > 1 and not _namey(words[-1]) and "\n" in run[words[-2].end : words[-1].start])
    ):  # an everyday word on the next line is that line's ("Kristian Vollen\nTask: ...")
        if labelled and _surname_after_given(words):  # "Emergency contact: Eric Lane", "Pt Jimmy May"
            break
        if (
            _given_and_word_surname(words)
            and words[-1].end == facts.pieces[-1][1] + len(facts.pieces[-1][0])  # "Kelly Green Dresses": no
            and "\n" not in run[words[-2].end : words[-1].start]
        ):
            break  # "Richard Green", "Ellis P. Grant"
        words = words[:-1]
    if not words:
        return None
    start, end = words[0].start, words[-1].end
    if titled or labelled:  # still labelled: nothing was trimmed at the front
        return _Cut(legal, start, end, 0.9 if titled else 0.85, False, None, False)
    proper = [w for w in words if w.kind == "word"]
    if len(proper) < 2:
        # "HPI: Michael is a 51 y/o", "Okafor's refill": one Census name and a person cue after it
        single = proper[0] if proper else None
        namey = (
            single is not None
            and (_first(single) or _last(single))
            and not _everyday(single)
            and not _possessive(single.text)  # "Wendy's is hiring": a shop (a person: `_phi_context`)
        )
        if namey and single is not None and not _first(single):  # "Spain was fun": no person
            namey = not (is_country(single.text) or is_continent(single.text))
        return _Cut(legal, start, end, None, True, None, namey)
    known_first, known_last = _first(proper[0]), _last(proper[-1])
    # every word an everyday word and none a Census first name ("Favorite Running Shoe",
    # "Morgan Stanley" aside): rare surnames that are words; only a person cue makes it a name
    worded = not any(_first(w) for w in proper) and all(_everyday(w) for w in proper)
    every = not worded and all(_first(w) or _last(w) or not _everyday(w) for w in proper)
    score: float | None = None
    joined = " ".join(w.key for w in proper)
    if joined in places() or is_continent(joined):  # "Latin America": a region, no one's name
        score = 0.0
    elif known_first and known_last and not worded:
        score = 0.85
    elif (
        ((known_first or known_last or any(_first(w) or _last(w) for w in proper)) and every)
        or (words[1].kind == "initial" and _given_before_name(words))  # "Frank N Strauser"
        or _given_and_word_surname(words)  # "Michael Brown"
        or _word_given_and_surname(words, proper, run)  # "Frank Lindholm", "Amber Tisserand"
    ):
        score = 0.7
    namey = every and not any(w.key in places() for w in proper)
    return _Cut(legal, start, end, None, False, score, namey, worded)


def _judge(
    text: str, at: int, run: str, titled: bool, labelled: bool, near_starts: set[int], near_ends: set[int]
) -> tuple[int, int, float] | None:
    """The name in the capitalised run `run` at offset `at` of `text`, if it is one.

    `titled`: a title ends the 40 characters before the run, or opens it; `labelled`: a
    label ends them (read only when not `titled`). The run's own facts are cached (`_cut`);
    what is left is the text after the name and before it.
    """
    cut = _cut(run, titled, labelled)
    if cut is None or any(_legal_after(text, at + end) for end in cut.legal):
        return None
    start, end = at + cut.start, at + cut.end
    if cut.marked is not None:
        return start, end, cut.marked
    after = text[end : end + 24]
    if _POST_NOMINAL.match(after):
        return start, end, 0.85
    if _place_of_business(text, start, end):
        return None
    if cut.single:
        return (start, end, 0.6) if cut.namey and _CUE_AFTER.match(after) else None
    if cut.score is not None:
        return (start, end, cut.score) if cut.score else None
    near = (_NOTHING, _NOTHING) if cut.worded else (near_starts, near_ends)  # words: only a person cue
    if _cued(text, start, end, *near):
        return start, end, 0.6
    window = before_run(text, start)
    if cut.namey and not (ends_with(window, _PLACE_ENDS) and _PLACE_BEFORE.search(window)):
        return start, end, 0.55
    return None


_NOTHING: frozenset[int] = frozenset()

_OPEN_IN = re.compile(
    r"(?i:\b(?:open|opens|opened|opening|located|based|headquartered|stores?|shops?|branch(?:es)?|"
    r"locations?|showrooms?)\s+(?:in|at)\s+(?:the\s+)?|"
    r"\b(?:is|are|'s|\u2019s)\s+(?:coming|expanding|heading)\s+to\s+)$"
)
"""`Now open in <town>`, `<Brand> is coming to <town>!` (a business arriving somewhere: a town)."""
_OUR = re.compile(r"(?i:\bour\s+(?:new\s+|flagship\s+|first\s+)?)$")
_STORE_AFTER = re.compile(
    r"\s+(?i:store|shop|showroom|branch|location|outlet|studio|clinic|office|tasting\s+room|taproom|"
    r"caf[e\u00e9]|bakery|restaurant|boutique|gallery|brewery|winery|warehouse|pop-?up)\b"
)
# gates: every `_OPEN_IN` match ends its window with one of these words and white space (`$`),
# every `_OUR` match with one of those (`ends_with` reads the last word past white space)
_OPEN_IN_ENDS = ("in", "at", "the", "to")
_OUR_ENDS = ("our", "new", "flagship", "first")


_VENUE_WORDS = r"venue|location|where|place|ort|veranstaltungsort|lieu|lugar|sede|luogo|locatie|plaats|local"
_VENUE_LABEL = re.compile(rf"[^\S\n]*(?i:{_VENUE_WORDS})[^\S\n]*:")
"""A line naming an event's place (English, German, French, Spanish, Italian, Dutch, Portuguese labels)."""
_VENUE_ANYWHERE = re.compile(rf"(?im)^[^\S\n]*(?:{_VENUE_WORDS})[^\S\n]*:")


@lru_cache(maxsize=8)
def _has_venue_label(text: str) -> bool:
    """A gate, once per text: a venue label (`_VENUE_LABEL`) is somewhere in it."""
    return _VENUE_ANYWHERE.search(text) is not None


def _on_venue_line(text: str, start: int) -> bool:
    """`start` is on a line that opens with a venue's label (`Venue: Harbour Hall, Florence`)."""
    if not _has_venue_label(text):
        return False
    line = text.rfind("\n", max(0, start - 80), start) + 1
    return ":" in text[line:start] and _VENUE_LABEL.match(text, line) is not None


def _place_of_business(text: str, start: int, end: int) -> bool:
    """The run names where a business is: `Now open in Serrara Fontana!`, `our La Coruña store`.

    A place named like a person (a Census surname in a town's name) is no one's name there;
    a title or a label before the run (`Dr.`, `Patient:`) decided before this is asked. A
    run that opens with a common first name stays a name (`located at John Smith's home`).
    """
    if _on_venue_line(text, start):
        return True  # `Venue: The Foundry, Milan, 27 April 2025`: the line names where an event is
    first = text[start:end].split(maxsplit=1)[0].lower()
    if first in census()[0]:
        return False
    window = before_run(text, start)
    if ends_with(window, _OPEN_IN_ENDS) and _OPEN_IN.search(window):
        return True
    if (
        _key(text[start:end].rsplit(maxsplit=1)[-1]) in _VENUE_LAST
        and ends_with(window, _VENUE_ENDS)
        and _VENUE_BEFORE.search(window)
        and _STREET_AFTER.match(text, end) is None  # (`on Oona Common Street`: a street, a person's place)
    ):
        return True  # `at Carnegie Hall`, `on Boston Common`: a venue, its last word a Census surname
    return (
        ends_with(window, _OUR_ENDS)
        and _STORE_AFTER.match(text, end) is not None
        and _OUR.search(window) is not None
    )


_VENUE_BEFORE = re.compile(
    r"(?i:\b(?:in|at|on|near|from|of|visit|across|around|outside|to|into|the)\s+(?:the\s+)?)$"
)
_VENUE_ENDS = (*_PLACE_ENDS, "on", "to", "into")  # a gate: the last word of every `_VENUE_BEFORE` match
_STREET_AFTER = re.compile(
    r"[ \t]+(?i:street|st|road|rd|avenue|ave|lane|ln|drive|dr|way|boulevard|blvd|court|ct|place|pl|"
    r"terrace|crescent|close|row)\b"
)
_VENUE_LAST = frozenset(
    """hall halls common green gardens garden field fields castle abbey palace chapel church cathedral
    park square bowl dome forum pier wharf quay terrace""".split()  # noqa: SIM905
)
"""The last word of a venue's name that is also a Census surname (`Carnegie Hall`, `Boston Common`):
after `at`, `in`, `near` ... a place, unless a common given name opens the run (`at Anna Hall's`)."""


def before_run(text: str, start: int) -> str:
    """The 24 characters before `start`."""
    return text[max(0, start - 24) : start]


def _surname_first(text: str) -> Iterator[tuple[int, int, float]]:
    """`Mahoney, Lisa E.`: after a label, or a Census surname then a Census first name."""
    for m in match_at(_SURNAME_FIRST, text, _surname_starts(text)):
        if _FIRM_AFTER.match(text, m.end()):  # "Butcher, Thomas and Hall": a firm
            continue
        family, given = _Word(m.group(1), m.start(1)), _Word(m.group(2), m.start(2))
        window = text[max(0, m.start() - 40) : m.start()]
        labelled = ends_with(window, _LABEL_ENDS) and _STRONG_LABEL.search(window) is not None
        if labelled and (not _everyday(family) or (_first(given) and family.key in census()[2])):
            yield m.start(), m.end(), 0.85
        elif (
            _last(family)
            and _first(given)
            and not (_everyday(family) and _everyday(given))
            and not _given_before(text, m.start())  # "Robin Rossi, Donna Mikulić": a list of full names
        ):
            yield m.start(), m.end(), 0.75


_GIVEN_BEFORE = re.compile(rf"(?<![\w'\u2019-])([{UPPER}][{LOWER}]{{1,30}}) \Z")


def _given_before(text: str, start: int) -> bool:
    """A Census first name and one space end `text` before `start`: the surname ends a full name."""
    m = _GIVEN_BEFORE.search(text, max(0, start - 33), start)
    return m is not None and _key(m.group(1)) in census()[1] and _key(m.group(1)) not in _TITLES


def _surname_starts(text: str) -> list[int]:
    r"""Where a `_SURNAME_FIRST` match can start: the `[\w'\u2019-]` run before each `_COMMA_CAPITAL`.

    Its first token ends at the comma, is made of letters, `'`, `\u2019` and `-` only, and
    has none of `[\w'\u2019-]` before it: it starts that run. The regex is tried there only.
    """
    starts: list[int] = []
    for m in _COMMA_CAPITAL.finditer(text):
        start = m.start()
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_'\u2019-"):  # [\w'\u2019-]
            start -= 1
        if start < m.start():
            starts.append(start)
    return starts


def _no_everyday_word(pieces: tuple[tuple[str, int], ...]) -> bool:
    """Every one of `pieces` is a word that is neither everyday English nor an organisation's (`Nkechi`)."""
    words = english()
    return bool(pieces) and all(
        (k := _key(p)) not in words and k not in _ORG and k not in _COMMON and k not in _NOT_NAMES
        for p, _ in pieces
    )


def _everyday_only(pieces: tuple[tuple[str, int], ...]) -> bool:
    """Every word of two letters or more in `pieces` is everyday English and no common first name.

    (`Rival A`, `Notebook Bundle`; not `Hope Baker`, `Nkechi`, `Rose`: a Census common first name
    or a word no dictionary has keeps a bare `name` field's value a person's.)
    """
    words = english()
    common = census()[0]
    keys = [_key(p) for p, _ in pieces if len(p) > 1]
    return bool(keys) and all(k in words and k not in common for k in keys)


def _census_word(pieces: tuple[tuple[str, int], ...]) -> bool:
    """One of `pieces` is a Census first name or surname (`Pt Education Series` holds none)."""
    common, _, last = census()
    return any((k := _key(p)) in common or k in last for p, _ in pieces)


def _given_before_initial(words: list[_Word]) -> bool:
    """The run opens with a Census first name, a middle initial and a name (`April G. Woods`)."""
    return (
        len(words) >= 3
        and words[0].kind == "word"
        and words[0].key in census()[0]
        and words[1].kind == "initial"
        and words[2].kind == "word"
        and (_namey(words[2]) or words[2].key in census()[2])
    )


def _given_before_name(words: list[_Word]) -> bool:
    """A Census first name that is also a word, then (a middle initial and) a name that is no word.

    `Dawn Kolar`, `Frank N Strauser`: the first word is a name here (`Summer Sale`, `Rose
    Gold` end in everyday words and are not).
    """
    if len(words) < 2 or words[0].kind != "word" or words[0].key not in census()[1]:
        return False
    rest = words[2:] if words[1].kind == "initial" else words[1:]
    return bool(rest) and rest[0].kind == "word" and _namey(rest[0]) and not _everyday(rest[0])


def _given_and_word_surname(words: list[_Word]) -> bool:
    """A Census first name that is no word, (a middle initial,) then a Census surname that is a word.

    `Richard Green`, `Michael Brown`, `Ellis P. Grant`: the whole run. A surname that is a
    place or street word (`West`, `Park`, `Lane`) or an organisation word does not count.
    """
    if len(words) not in (2, 3) or words[-1].kind != "word":
        return False
    surname, given = words[-1], words[0]
    if surname.key not in census()[2] or surname.key in _COMMON or surname.key in _ORG:
        return False
    if len(words) == 3 and words[1].kind != "initial":
        return False
    if given.kind != "word" or given.key in _NOT_GIVEN:
        return False
    if _possessive(surname.text):  # "Carol Brown's hearing aid", "Tomasz King's photo": a person's
        return _first(given) or given.key in census()[1] or not _everyday(given)
    return _first(given) and not _everyday(given)


def _word_given_and_surname(words: list[_Word], proper: list[_Word], run: str) -> bool:
    """A common Census first name that is a word, then a surname that is no word nor place, on one line."""
    return (
        len(proper) == 2
        and _given_before_name(words)
        and proper[0].key in census()[0]
        and proper[0].key not in _NOT_GIVEN
        and _unknown_surname(proper[-1])
        and "\n" not in run[proper[0].end : proper[1].start]
    )


# sentence openers that are also Census first names: "Will Samsung ...", "May Kuhn" aside
_NOT_GIVEN = frozenset(["will", "may", "can", "my"])


def _unknown_surname(word: _Word) -> bool:
    """A word that is no English word and no place (`Lindholm`, `Tisserand`): a surname after a first name.

    Not a contraction (`They're`, `Won't`): an apostrophe only after a prefix (`O'Brien`,
    `L'Heureux`) or before a possessive `s`.
    """
    return (
        word.kind == "word"
        and not _everyday(word)
        and word.key not in places()
        and not any(c in "'\u2019" for c in _possessed(word.text)[2:])
    )


def _surname_after_given(words: list[_Word]) -> bool:
    """The run ends with a Census surname after a first name or an initial (`Jimmy May`, `Eric Lane`)."""
    if len(words) < 2 or words[-1].kind != "word" or words[-1].key not in census()[2]:
        return False
    given = words[-2]
    return given.kind == "initial" or (given.kind == "word" and given.key in census()[0])


def _keep_last(word: _Word, labelled: bool, titled: bool) -> bool:
    if titled:  # "Dr. Georgia Rose": after a title only an organisation word ends the name
        return word.key not in _ORG and word.key not in _TITLES
    return _namey(word) or (labelled and not _last_bad(word))


def _last_bad(word: _Word) -> bool:
    return word.key in _COMMON or word.key in _ORG or word.key in _TITLES


def _cued(
    text: str, start: int, end: int, near_starts: AbstractSet[int], near_ends: AbstractSet[int]
) -> bool:
    window = text[max(0, start - 24) : start]
    if ends_with(window, _CUE_ENDS) and _CUE_BEFORE.search(window):
        return True
    if _CUE_AFTER.match(text[end : end + 24]):
        return True
    for k in range(1, 4):
        if end + k in near_starts and _ADJACENT.fullmatch(text[end : end + k]):
            return True
        if start - k in near_ends and _ADJACENT.fullmatch(text[start - k : start]):
            return True
    return False


_FUNCTION_WORDS = frozenset(
    """a an the and but or nor so yet if then than as at by for from in into of off on onto to
    with without is am are was were be been being do does did has have had will would can could
    shall should may might must not no i you he she it we they me him her us them my your his its
    our their this that these those who what when where why how all any some also just too very""".split()  # noqa: SIM905
)
"""Words that are never a surname in lower case, though some are Census surnames (`But`, `From`):
a first name before one is found alone (`my kid rafaela from the will`: `rafaela`)."""


def _lower_names(text: str) -> Iterator[tuple[int, int, float]]:
    """`maria garcia`: two Census names in lower case, at most one of them an English word."""
    common, _, last = census()
    words = english()
    # the word pairs first, on the words alone (one call in C, then set look-ups); the regex
    # matches again (for their offsets) only in a text with such a pair
    found = _LOWER_WORD.findall(text)
    if common.isdisjoint(found):
        return
    # the words that are Census first names picked in C (a few), then their pairs checked
    pairs = {
        i
        for i in compress(range(len(found) - 1), map(common.__contains__, found))
        if (f := found[i + 1]) in last
        and (g := found[i]) not in _NOT_NAMES
        and f not in _NOT_NAMES
        and f not in _COMMON
        and not (g in words and f in words)
    }
    if not pairs:
        return
    previous: re.Match[str] | None = None
    for i, m in enumerate(_LOWER_WORD.finditer(text)):
        if previous is not None and i - 1 in pairs and _GAP.fullmatch(text, previous.end(), m.start()):
            # a function word that is a Census surname (`from`, `so`) ends no name: the first
            # name alone (`my kid rafaela from the will`)
            yield previous.start(), previous.end() if found[i] in _FUNCTION_WORDS else m.end(), 0.65
        previous = m


_CAPS_WORD = r"[A-Z]{2,20}+(?:[-'][A-Z]{2,20}+)?"
_NO_CAPS_NAME = _NOT_NAMES | _TITLES | _ORG
"""Words no upper-case name after a label holds (`Signed: ACME, INC` is no one)."""
_CAPS_PAIR = re.compile(r"[A-Z]{2}[A-Z'-]*,?[^\S\n]{1,2}[A-Z]{2}")
"""A gate: two upper-case words side by side (what every match of _CAPS_NAME holds)."""
# `(?<![\w'-])({_CAPS_WORD})...`, led by its first capital (a class the engine skips to in C; the
# look-behind after it; `[A-Z][A-Z]{1,19}+` is `[A-Z]{2,20}+`), same matches
_CAPS_NAME = re.compile(
    rf"([A-Z](?<![\w'-].)[A-Z]{{1,19}}+(?:[-'][A-Z]{{2,20}}+)?)(,?)[^\S\n]{{1,2}}({_CAPS_WORD})(?:[^\S\n]{{1,2}}[A-Z]\.?)?(?![\w'-])"
)


def _caps_names(text: str) -> Iterator[tuple[int, int, float]]:
    """Names in upper case in a text that is not (`Pt JOHN SMITH seen today`, `FERNANDEZ, LUIS A`).

    As `maria garcia` in lower case (`_lower_names`): a Census first name and a Census surname,
    in either order with a comma between (`SURNAME, FIRST`), neither a word that is never a
    name, and not both everyday words unless a label is before them (`Pt JOHN SMITH`).
    """
    common, _, last = census()
    words = english()
    for m in _CAPS_NAME.finditer(text):
        a, comma, b = m.group(1).lower(), m.group(2), m.group(3).lower()
        first, surname = (b, a) if comma else (a, b)
        first_key, surname_key = first.split("-")[0], surname.split("-")[0]
        if (
            first_key in common
            and surname_key in last
            and first_key not in _NOT_NAMES
            and surname_key not in _NOT_NAMES
            and surname_key not in _COMMON
            and surname_key not in _FUNCTION_WORDS
            and (not (first_key in words and surname_key in words) or labelled_at(text, m.start()))
        ):
            yield m.start(), m.end(), 0.7
        elif (
            # `Patient Name: DIALLO, AMINATA`, `NAME: RUAIRI MULVY`: any name after a label, neither
            # word an everyday one
            first_key not in words
            and surname_key not in words
            and not {first_key, surname_key} & _NO_CAPS_NAME
            and labelled_at(text, m.start())
        ):
            yield m.start(), m.end(), 0.75
