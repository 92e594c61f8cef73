"""Identifiers in forum posts, chats and text messages (informal writing), by the words around them.

Forum posts and texts are written in lower case, without punctuation, with nicknames and
handles. What makes a word a name or a place there is where it stands:

- a user's handle (`@nickname42`) addressed at a line's start in a first-person post (`@kay_b
  same here!! my ...`), after a greeting or a thank-you (`hey @kay_b`, `thank u @kay_b`), or
  before a verb of saying (`@kay_b said ...`); not an everyone-handle (`@all`, `@here`) and not
  an e-mail's or a fediverse handle's part;
- a poster naming themself at a line's start before `here` (`jo here - got my results`,
  `Dana Kim here,`): a first name that is no everyday word, or no word at all (`ric`);
- someone's name told: `her name is`, `his name's`, `my son's name is`, `a daughter named`;
- a text message's sender (`Text from mic:`, `msg from Dana:`);
- a first name's possessive standing for a thing named before (`did ur son get the mri?
  dana's is next week`): a first name that is no everyday word before `'s is` / `'s was`,
  in a first-person text;
- a town tied to the writer: `anyone from <town>?`, a doctor or clinic `near <town>`, `moved
  to <town>`, `i live in <town>` (lower case too); weak, as every place: a person's only in a
  text about one;
- a day or month-day in forum style tied to an event (`on 8-17`, `moved to 4-23`): weak.

Every recogniser is gated on a cheap condition (an `@`, the word `here`, `name`, `from`, ...).
"""

from __future__ import annotations

import re
from functools import lru_cache

from global_orchestrator.policies._phi_dates import _DATE_KEYS
from global_orchestrator.policies._phi_lexicon import census, english, places
from global_orchestrator.policies._phi_names import ORG_WORDS
from global_orchestrator.policies._phi_places import wide_place
from global_orchestrator.policies._phi_spans import (
    Span,
    folded,
    line_starts,
    list_keys,
    match_at,
    scan_words,
    word_keys,
)

_W = r"[^\W\d_](?:[^\W\d_]|['\u2019](?![sS]\b)[^\W\d_]|-(?=[^\W\d_]))*"
"""A name word: letters (any script), inner hyphens and apostrophes (not a possessive `'s`)."""

_STOP = frozenset(
    """a an the my your ur our his her their its me you u him them us we i he she it they this that these
    those and or but not no yes so very just also too still again here there now then today tomorrow
    yesterday is am are was were be been being have has had do does did will would can could should may
    might must patient patients doctor dr doc nurse team staff office clinic everyone anyone someone
    everybody anybody family friend friends mom mum dad mother father son daughter wife husband sister
    brother aunt uncle grandma grandpa grandmother grandfather partner caregiver guardian kid kids baby
    me myself about from for with of to in on at by as mr mrs ms miss mx sir madam all guys folks
    lurker newbie noob newb mama momma papa hubby bf gf dh dd ds""".split()  # noqa: SIM905
)
"""Words that are no name after a cue (pronouns, verbs, roles, relatives, forum self-descriptions)."""

_CALENDAR = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday christmas easter""".split()  # noqa: SIM905
)


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """English words and Census first names (lower case)."""
    common, first, _ = census()
    return english(), first | common


def _first_name(word: str, everyday: bool = False) -> bool:
    """`word` is a Census first name (an everyday word only when `everyday`) or no word at all (`ric`)."""
    w = word.lower()
    if w in _STOP or w in _CALENDAR or w in ORG_WORDS or len(w) < 2:
        return False
    words, first = _lexicon()
    if w in first:
        return everyday or w not in words
    return w not in words and len(w) >= 3


def _names_ok(words: list[str], everyday: bool = False) -> bool:
    """One or two words read as a first name (and a surname: any word but a stop or organisation word)."""
    if not words or len(words) > 3:
        return False
    if not _first_name(words[0], everyday):
        return False
    return all(
        w.lower() not in _STOP and w.lower() not in ORG_WORDS and w.lower() not in _CALENDAR for w in words
    )


# --- handles -------------------------------------------------------------------------------------
_HANDLE = re.compile(r"@(?<![\w@.+-]@)([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@]|\.\w)")
"""A user's handle (`@kay_b`, `@jo.smith`): not an e-mail's part, not a fediverse handle (`@a@b.social`)."""
_GROUP_HANDLES = frozenset(
    """all here everyone channel everybody team admin admins mods mod moderators moderator support help
    info staff""".split()  # noqa: SIM905
)
_HANDLE_GREETED = re.compile(
    r"(?i:\b(?:hi|hey|heya|hiya|hello|yo|thanks|thank[^\S\n]+(?:u|you|ya)|thx|ty|tysm|cc|congrats|sorry|"
    r"welcome|dear|love[^\S\n]+you|ily|agree[^\S\n]+with|replying[^\S\n]+to|@\w+[^\S\n]+and)"
    r"[,!:]*[^\S\n]*)\Z"
)
"""Before a handle: someone greeted, thanked or answered (`hey @kay_b`, `thank u @kay_b`)."""
_HANDLE_SAYS = re.compile(
    r"[,:]?[^\S\n]+(?i:said|says|wrote|writes|posted|replied|mentioned|suggested|told|asked|is\s+right)\b"
)
_NO_HANDLE_BEFORE = re.compile(
    r"(?i:\b(?:follow(?:\s+us)?|tag(?:\s+us)?|find\s+us|us|dm|mention|on|at|via|by|from|join|visit|"
    r"instagram|twitter|tiktok|facebook|threads|x)[^\S\n]*:?[^\S\n]*)\Z"
)
"""A brand's handle: `follow us @acme`, `on Instagram @acme`, `DM @acme`."""
_FIRST_PERSON = re.compile(r"(?i:\b(?:i|im|i'm|i\u2019m|my|me|mine|ur|u)\b)")
"""A post in the first person (or to `u`): a handle opening its line is a reply to a user."""


def _handles(text: str) -> list[Span]:
    found: list[Span] = []
    first_person: bool | None = None
    for m in _HANDLE.finditer(text):
        handle = m.group(1)
        if handle.lower() in _GROUP_HANDLES:
            continue
        q = m.start()
        line = text.rfind("\n", 0, q) + 1
        before = text[max(line, q - 30) : q]
        if _NO_HANDLE_BEFORE.search(before):
            continue
        ok = _HANDLE_GREETED.search(before) is not None or _HANDLE_SAYS.match(text, m.end()) is not None
        if not ok and not text[line:q].strip(" \t>-*\u2022"):
            # a reply opening its line: in a first-person post (`@kay_b same here!! my husband ...`)
            if first_person is None:
                first_person = _FIRST_PERSON.search(text) is not None
            ok = first_person
        if ok:
            found.append(Span("name", q, m.end(), 0.7))
    return found


# --- names by their cue --------------------------------------------------------------------------
_HERE = re.compile(
    rf"^[^\S\n]*(?:(?i:hi|hey|hello)[^\S\n]+(?i:all|everyone|guys|folks)[,!.]*[^\S\n]+)?"
    rf"({_W}(?:[^\S\n]{_W})?)[^\S\n]+(?i:here)\b(?=[^\S\n]*(?:[-,:!.;\u2013\u2014]|\n|\Z))",
    re.MULTILINE,
)
"""A poster naming themself at a line's start (`jo here - ...`, `Dana Kim here,`)."""
_KIN = (
    r"wife|husband|son|daughter|mother|father|mom|mum|dad|brother|sister|partner|grandson|granddaughter|"
    r"grandmother|grandfather|grandma|grandpa|niece|nephew|aunt|uncle|cousin|friend|baby|boy|girl|"
    r"child|kid|boyfriend|girlfriend|fiance|fiancee|dog|cat|hubby|stepson|stepdaughter|nurse|doctor|doc"
)
_TOLD = re.compile(
    r"(?i:\b(?:name(?:[^\S\n]+is|['\u2019]s|s)|named|called|nicknamed))[^\S\n]+" + rf"({_W}(?:[^\S\n]{_W})?)"
)
_TOLD_KEYS = word_keys(["name", "named", "called", "nicknamed"])
_NAME_OF_BEFORE = re.compile(
    r"(?i:\b(?:his|her|their|(?:my|our|his|her|their|ur|your)[^\S\n]+(?:" + _KIN + r")['\u2019]s))[^\S\n]+\Z"
)
_KIN_BEFORE = re.compile(r"(?i:\b(?:" + _KIN + r"))[^\S\n]+\Z")
"""Someone's name told (`her name is steven`, `my son's name is jo`, `a daughter named Bea`): the cue
(`name is`, `named`) and, before it, whose name (`her`, `my son's`) or a relative (`daughter named`)."""
_SENDER = re.compile(
    r"(?i:\b(?:text|txt|texts|msg|message|sms|dm\b|voicemail|vm\b|missed[^\S\n]+call)"
    r"[^\S\n]+from[^\S\n]+)"
    rf"({_W}(?:[^\S\n]{_W})?)[^\S\n]*(?=:)"
)
"""A text message's sender (`Text from mic:`, `msg from Dana Kim:`)."""
_SENDER_KEYS = list_keys(_SENDER.pattern)
_NAME_END = re.compile(
    r"[^\S\n]*(?:[,.;:!?()\n]|['\u2019]s\b|\Z|[^\S\n]+(?i:and|shes|hes|she|he|who|is|was)\b)"
)
_POSSESSED = re.compile(r"['\u2019]s[^\S\n]+(?i:is|was|will\s+be|got|went|came|comes|has|had)\b")
_WORD_BEFORE = re.compile(rf"(?<![\w@'\u2019-])({_W})\Z")
"""A first name's possessive standing for a thing named before (`dana's is next week`): the possessive
and its verb, then the word before it."""


_GREETED = re.compile(
    r"[^\S\n]*(?i:hi|hey|hello|hiya|heya|dear|morning|thanks|thank[^\S\n]+(?:u|you)|thx|ty)[,]?[^\S\n]+"
    rf"({_W})(?=[^\S\n]*(?:[,!.:]|-[^\S\n]|\n|\Z))"
)
"""Someone greeted or thanked at a line's start (`hi sarah, hope ur chemo went ok`, `thanks jen!`)."""
_GREETING_GATE = re.compile(r"hi |hey |hello |hiya |heya |dear |morning |thank|thx |ty ")
"""A gate (in the folded text): every `_GREETED` match holds one."""
_NOT_GREETED = frozenset("there again so everybody yall ya much lots guys gals ladies peeps".split())  # noqa: SIM905


def _cued_names(text: str, low: str) -> list[Span]:
    found: list[Span] = []
    if _GREETING_GATE.search(low) is not None:
        for m in match_at(_GREETED, text, line_starts(text)):
            w = m.group(1)
            # (a name in Latin letters: a name in another script has its own reader, honorifics and all)
            latin = all(c < "\u0250" for c in w)
            if latin and w.lower() not in _NOT_GREETED and _first_name(w, everyday=w[:1].isupper()):
                found.append(Span("name", m.start(1), m.end(1), 0.7))
    if " here" in low or low.startswith("here"):
        for m in match_at(_HERE, text, line_starts(text)):
            words = m.group(1).split()
            # a capitalised first name may be an everyday word before a dash or a comma (`Will here -`)
            dashed = text[m.end() : m.end() + 3].strip()[:1] in ("-", ",", "\u2013", "\u2014")
            if _names_ok(words, everyday=dashed and m.group(1)[:1].isupper()):
                found.append(Span("name", m.start(1), m.end(1), 0.7))
    if "name" in low or "called" in low:
        for m in scan_words(_TOLD, text, _TOLD_KEYS):
            before = text[max(0, m.start() - 40) : m.start()]
            said = text[m.start() : m.start() + 9].lower()
            cue = _KIN_BEFORE if said.startswith(("named", "called", "nicknamed")) else _NAME_OF_BEFORE
            if cue.search(before) is None:
                continue
            words = m.group(1).split()
            # the longest run that ends where a name ends: `steven shes 94` is `steven`
            while words:
                end = m.start(1) + len(" ".join(words))
                if _NAME_END.match(text, end) and _names_ok(words, everyday=True):
                    found.append(Span("name", m.start(1), end, 0.7))
                    break
                words.pop()
    if ":" in text and "from" in low:
        for m in scan_words(_SENDER, text, _SENDER_KEYS):
            words = m.group(1).split()
            # (one capitalised word that is no first name may be a firm's: `Text from Acme:`)
            brand = len(words) == 1 and words[0][:1].isupper() and words[0].lower() not in _lexicon()[1]
            if _names_ok(words, everyday=True) and not brand:
                found.append(Span("name", m.start(1), m.end(1), 0.7))
    if "'s " in low or "\u2019s " in low:
        first = _lexicon()[1]
        for m in _POSSESSED.finditer(text):
            if _FIRST_PERSON.search(text) is None:
                break  # (asked once there is a possessive before a verb: a first-person text)
            w = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
            if w is None:
                continue
            name = w.group(1).lower()
            if name in first and _first_name(name) and name not in _EPONYM_NAMES:
                found.append(Span("name", w.start(1), w.end(1), 0.65))
    return found


_EPONYM_NAMES = frozenset(
    """addison wilson graves bell down hodgkin cushing crohn parkinson huntington bright conn cooley
    tay paget raynaud reiter sjogren tourette wernicke korsakoff kaposi guillain barre lou gehrig""".split()  # noqa: SIM905
)
"""First names that also name a disease by their possessive (`Addison's is rare`)."""


# --- places tied to the writer -------------------------------------------------------------------
_PLACE_WORD = r"(?:(?i:st|ste|mt|ft|pt)\.|[^\W\d_](?:[\w'\u2019-]|\.(?=\w))*)"
"""A word of a town's name: `St.` and the like keep their dot, a sentence's last dot is no part of it."""
_PLACE_CUE = re.compile(
    r"(?i:\b(?:any(?:one|body|1)(?:[^\S\n]+(?:else|here|on\s+here))?[^\S\n]+(?:from|in|near|around)|"
    r"(?:moved|relocated)[^\S\n]+(?:to|from)|(?:live|lived|grew\s+up)[^\S\n]+(?:in|near|outside(?:\s+of)?)|"
    r"from|"
    r"(?:(?:doctor|doc|endo|endocrinologist|oncologist|neurologist|cardiologist|pediatrician|ped|obgyn|"
    r"gyn|psychiatrist|dentist|specialist|surgeon|clinic|hospital|practice|rheumatologist|"
    r"dermatologist|derm|pcp|urologist|midwife)s?|dr\b|drs\b|ob\b)[^\S\n]+(?:near|around|in))[^\S\n]+)"
    rf"({_PLACE_WORD}(?:[^\S\n]{_PLACE_WORD}){{0,2}}?)"
    r"(?=[^\S\n]*(?:[?!,.;:()\n]|\Z)|[^\S\n]+(?i:in|and|but|area|since|last|a|when|so|for|with|too|"
    r"bc|because|lol|now|recently|ago|who|that|any|or)\b)"
)
"""A town tied to the writer (`anyone from port anthony??`, `a good endo near Lake Ann?`, `we moved to
berryland in oct`): the cue, tried at its own words (rare ones: `i` and `we` are checked before it)."""
_PLACE_CUE_KEYS = list_keys(_PLACE_CUE.pattern)
_WRITER_BEFORE = re.compile(
    r"(?:\b(?:(?i:i|i've|ive)|we|we've|weve)|(?i:\b(?:just|recently|finally)))"
    r"(?:[^\S\n]+(?i:just|recently|finally|have|had|also))?[^\S\n]+\Z"
)
"""Before `moved to` / `live in`: the writer (`I` in any case, `we` in lower case: a firm's copy writes
`We moved to our new location`), or `just moved to`."""
_FROM_BEFORE = re.compile(r"(?i:\b(?:im|i'm|i\u2019m|i\s+am|originally))[^\S\n]+\Z")
"""Before `from`: the writer (`im from`, `originally from`)."""
_OWN_HOME = re.compile(r"\A(?:(?i:i|i've|ive)|we|we've|weve)\b")
"""The writer's own home: `I` in any case, `we` in lower case."""
_NOT_A_PLACE = frozenset(
    """here there home town city area the a an my our this that it them us you your ur work school
    hospice rehab care state country abroad overseas away back out up down online meds insulin
    memory assisted living""".split()  # noqa: SIM905
)


def _places(text: str) -> list[Span]:
    found: list[Span] = []
    words, _ = _lexicon()
    known = places()
    for m in scan_words(_PLACE_CUE, text, _PLACE_CUE_KEYS):
        cue = m.group(0)[:5].lower()
        before = None
        if cue.startswith(("moved", "reloc", "live", "grew")):
            before = _WRITER_BEFORE.search(text, max(0, m.start() - 24), m.start())
            if before is None:
                continue
        elif cue.startswith("from") and _FROM_BEFORE.search(text, max(0, m.start() - 16), m.start()) is None:
            continue
        run = m.group(1)
        parts = [p.strip(".").lower() for p in run.split()]
        if any(p in _NOT_A_PLACE or p in _STOP or p in _CALENDAR for p in parts):
            continue
        # a place: a capitalised run, a word that is no everyday word (`berryland`), or a known
        # place of more than one word (one everyday word in lower case is a word: `i live in hope`)
        if not (
            all(p[:1].isupper() for p in run.split())
            or any(p not in words for p in parts)
            or (len(parts) > 1 and " ".join(parts) in known)
        ):
            continue
        # the writer's own home (`I moved to`, `i live in`, lower-case `we moved to`: a firm's copy
        # writes `We moved to our new location`) is a person's alone; another town only in a text about one
        home = (
            before is not None and _OWN_HOME.match(before.group()) is not None and not cue.startswith("grew")
        )
        if wide_place(run):
            continue  # a country or a state is too wide to point at anyone (`I live in Finland`)
        found.append(Span("address", m.start(1), m.end(1), 0.7, weak=not home))
    return found


# --- dates in forum style ------------------------------------------------------------------------
_DASH_DATE = re.compile(
    # (led by a digit, the look-behind after it: the engine skips to digits)
    r"(\d(?<![\w/.-]\d)\d?-\d\d?)(?![\w/.-]|[^\S\n]*(?:%|[-\u2013]|(?i:days?|"
    r"weeks?|months?|years?|hours?|hrs?|mins?|times|tablets?|tabs|pills?|doses?|mg|ml|units?|lbs?|kg|x)\b))"
)
_DASH_DATE_BEFORE = re.compile(
    r"(?i:\b(?:on|moved\s+to|changed\s+to|rescheduled\s+(?:to|for)|booked\s+(?:for|on)|scheduled\s+for|"
    r"set\s+for|since|until|til|till|due))[^\S\n]+\Z"
)
"""A month and day with a dash after a date's preposition (`went to er on 8-17`, `appt moved to 4-23`);
not a range of counts (`on 2-3 days`, `for 1-2 tablets`)."""
_EVENT = re.compile(
    r"(?i:\b(?:er|ed|appt|appointment|surgery|scan|mri|ct|x-?ray|visit|seen|admitted|discharged|born|"
    r"diagnosed|dx|biopsy|results?|procedure|test|tested|labs?|infusion|chemo|op|consult|checkup|"
    r"check-up|ultrasound|induction|delivery|transplant|doctor|dr|doc|urgent\s+care|clinic|hospital|"
    r"pediatrician|dentist)\b)"
)


_DOT_DATE = re.compile(r"(\d(?<![\w/.-]\d)\d?\.\d\d?\.)(?![\w.]|[^\S\n]*\d)")
"""A day and month with dots, as many Europeans write them (`5.3.`), after a date's preposition or `is`."""
_DOT_DATE_BEFORE = re.compile(r"(?i:\b(?:on|am|is|was|to|for|since|until|till|due))[^\S\n]+\Z")
_OWNED_EVENT = re.compile(
    r"(?i:\b(?:my|his|her|our|their|ur)[^\S\n]+(?:[\w'\u2019]+[^\S\n]+){0,2}?(?:er|ed|appt|appointment|surgery|"
    r"scan|mri|ct|x-?ray|visit|biopsy|results?|procedure|test|labs?|infusion|chemo|op|consult|checkup|"
    r"check-up|ultrasound|induction|delivery|transplant|c-section|colonoscopy|mammogram)\b)"
)
"""Someone's own event before a forum-style date (`my appt is 5.3.`): the date is theirs alone."""
_DIGIT_DASH = re.compile(r"\d-\d|\d\.\d\d?\.(?!\d)")


def _event_date(text: str, start: int, end: int) -> list[Span]:
    """The date at `start`-`end` when an event is near it: strong after someone's own (`my appt`)."""
    if _EVENT.search(text[max(0, start - 80) : end + 40]) is None:
        return []
    owned = _OWNED_EVENT.search(text, max(0, start - 60), start) is not None
    return [Span("date", start, end, 0.7 if owned else 0.6, weak=not owned)]


def _dates(text: str) -> list[Span]:
    found: list[Span] = []
    for m in _DASH_DATE.finditer(text):
        month, day = map(int, m.group(1).split("-"))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        if _DASH_DATE_BEFORE.search(text, max(0, m.start() - 24), m.start()) is None:
            continue
        found += _event_date(text, m.start(1), m.end(1))
    if "." in text:
        for m in _DOT_DATE.finditer(text):
            day, month = map(int, m.group(1).split(".")[:2])
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            if _DOT_DATE_BEFORE.search(text, max(0, m.start() - 12), m.start()) is None:
                continue
            found += _event_date(text, m.start(1), m.end(1))
    return found


_MONTH_NAMES = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_MONTH_ALONE = re.compile(rf"(?i:\b(?:{_MONTH_NAMES}))\b(?!\.?[^\S\n]*\d)")
_MONTH_KEYS = _DATE_KEYS  # (the dates' key list, already in every word index: months, `may`, ordinals, `the`)
_IN_BEFORE = re.compile(r"(?i:\bin[^\S\n]+(?:early[^\S\n]+|late[^\S\n]+|mid[- ]?)?)\Z")
"""A month alone (`in june`): a date element of a personal event before it (`_MONTH_EVENT`)."""
_MONTH_EVENT = re.compile(
    r"(?i:\b(?:moved|relocated|diagnosed|dx|dx'd|born|surgery|operation|admitted|discharged|delivered|"
    r"gave\s+birth|passed(?:\s+away)?|died|relapsed|started|stopped|quit|transplant|biopsy|miscarried|"
    r"miscarriage|due|induced|had\s+(?:my|her|his|our)))\b"
)
_SOMEONE = re.compile(r"(?i:\b(?:i|im|i'm|i\u2019m|my|me|we|our|us|ur|u|he|she|his|her|they|their)\b)")
"""Someone whose event it is (a personal pronoun), before the month in its sentence."""
_MONTH_EVENT_REACH = 60
"""How far before the month (in its sentence) the personal event may stand."""
_SLASH_PHONE = re.compile(r"[2-9](?<![\d/][2-9])\d\d/[2-9]\d\d/\d{4}(?![\d/])")
_PHONE_CUE_BEFORE = re.compile(
    r"(?i:\b(?:txt|text|call|cell|phone|ph|number|num|no\.?|reach|contact|mobile|fone)\b[^\n\d]{0,20})\Z"
)
"""A phone written with slashes after a phone cue (`txt me 471/558/5814`)."""


def _months_and_phones(text: str) -> list[Span]:
    found: list[Span] = []
    for m in scan_words(_MONTH_ALONE, text, _MONTH_KEYS):
        if _IN_BEFORE.search(text, max(0, m.start() - 12), m.start()) is None:
            continue
        window = text[max(0, m.start() - _MONTH_EVENT_REACH) : m.start()]
        window = re.split(r"[.!?\n]", window)[-1]
        if _MONTH_EVENT.search(window) and _SOMEONE.search(window):
            found.append(Span("date", m.start(), m.end(), 0.6, weak=True))
    if text.count("/") >= 2:
        found += [
            Span("phone", m.start(), m.end(), 0.7)
            for m in _SLASH_PHONE.finditer(text)
            if _PHONE_CUE_BEFORE.search(text, max(0, m.start() - 32), m.start()) is not None
        ]
    return found


def forum(text: str) -> list[Span]:
    """Names, places and dates of informal posts and messages (see the module docstring)."""
    low = folded(text)
    found: list[Span] = []
    if "@" in text:
        found += _handles(text)
    found += _cued_names(text, low)
    if ("from" in low or "near" in low or "moved" in low or "live" in low or "relocated" in low) and (
        " in " in low or " from " in low or " near " in low or " to " in low or " around " in low
    ):
        found += _places(text)
    if "in " in low or text.count("/") >= 2:
        found += _months_and_phones(text)
    if _DIGIT_DASH.search(text) is not None:
        found += _dates(text)
    return found
