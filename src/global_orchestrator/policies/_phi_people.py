"""Names in letters, registers and chats of many languages (ninth build, probe4's classes).

- **A title, then the surname in capitals and the given name** (`Mme LEMIRE Isabelle`,
  `M. DUPONT Jean-Luc`, `Herr MÜLLER Hans`): the French and Swiss letter style.
- **`SURNAME, Given` after a register's cue** (`Guest registration - OKAFOR, Ada,`), and a
  `Surname, Given` cell of a pipe row that holds a number (`12/03/2024 | Ruiz, Ana | NHC ...`),
  or the first cell before `| born` (`Ana Ruiz | born 3 May 1970 | ...`).
- **The line after a closing salutation** in many languages (`Met collegiale groet,` then
  `J. de Vries, huisarts` on the next line; `Cordialement,` then `Anne Roy`), up to its first comma.
- **Someone introducing themselves** (`hey it's Zuzana!`, `je m'appelle Loïc Martin,`, `me llamo
  Ana`), the name being no everyday English word or place.
- **The line after a shipping label** (`SHIP TO:`, then `Ana Ruiz` on the next line).
- **An initial and a surname after a role or a preposition** (`Triage RN: D. Frank`, `by lab tech
  N. Okafor`, `Registered by J. Reynolds`, `Ordering: M. St. Pierre`): after a preposition only in a
  text about someone (weak: `by J. Crew` is a brand's).
"""

from __future__ import annotations

import re

from global_orchestrator.policies._phi_lexicon import census, english, everyday_word, places
from global_orchestrator.policies._phi_spans import Span, folded, has_any, match_at, scan_words, word_keys

_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
_CAPS = rf"[{_UP}][{_UP}'\u2019-]+"
_GIVEN = rf"[{_UP}][{_LOW}'\u2019]+(?:-[{_UP}][{_LOW}]+)?"
_TITLED_CAPS = re.compile(
    r"(?<![\w.])(?:M\.|Mme|Mlle|MM\.|Mr\.?|Mrs\.?|Ms\.?|Herr|Frau|Sig\.(?:ra)?|Sr\.|Sra\.|Dhr\.|Mevr\.|Dr\.?)"
    rf"[^\S\n]+({_CAPS}(?:[ -]{_CAPS}){{0,3}}[^\S\n]+{_GIVEN}(?:[^\S\n]+{_GIVEN})?)"
)
_CAPS_THEN_GIVEN = re.compile(rf"[{_UP}]{{3}}[^\S\n]+[{_UP}][{_LOW}]")
"""A gate: every `_TITLED_CAPS` match holds a word in capitals, then a capitalised one."""
_REGISTER = re.compile(
    r"(?i:\b(?:guest\s+registration|registration|registro|enregistrement|anmeldung|inschrijving|guest|"
    r"huésped|h[ôo]te|gast|ospite|passenger|passager|pasajero|traveller|traveler)\b)[^\S\n]*[-:\u2013\u2014][^\S\n]*"
    rf"((?:{_CAPS}|[{_UP}][{_LOW}]+)(?:[ -](?:{_CAPS}|[{_UP}][{_LOW}]+)){{0,6}},"
    rf"[^\S\n]+{_GIVEN}(?:[^\S\n]+{_GIVEN})?)"
)
_REGISTER_GATES = (
    *("registration", "registro", "enregistrement", "anmeldung", "inschrijving", "guest", "huésped", "hôte"),
    *("hote ", "gast ", "ospite", "passenger", "passager", "pasajero", "traveller", "traveler"),
)
_CELL_NAME = re.compile(
    rf"[^\S\n]*((?:{_CAPS}|[{_UP}][{_LOW}'\u2019-]+)(?:[ -](?:{_CAPS}|[{_UP}][{_LOW}'\u2019-]+)){{0,3}},"
    rf"[^\S\n]+(?:{_GIVEN}(?:[^\S\n]+{_GIVEN})?|{_CAPS}(?:[^\S\n]+{_CAPS})?)(?:[^\S\n]+[{_UP}]\.?)?)[^\S\n]*\Z"
)
_FIRST_CELL = re.compile(rf"[^\S\n]*({_GIVEN}(?:[^\S\n]+(?:{_GIVEN}|{_CAPS})){{1,3}})[^\S\n]*\Z")
_SIGN_OFF = re.compile(
    r"(?i:\b(?:met\s+(?:collegiale|vriendelijke|hartelijke)\s+groet(?:en)?|vriendelijke\s+groeten|"
    r"cordialement|bien\s+cordialement|bien\s+à\s+vous|salutations\s+distinguées|confraternellement|"
    r"mit\s+(?:freundlichen|kollegialen|besten)\s+grüßen|viele\s+grüße|cordiali\s+saluti|distinti\s+saluti|"
    r"atentamente|saludos\s+cordiales|un\s+saludo|atenciosamente|(?:com\s+os\s+melhores\s+)?cumprimentos|"
    r"med\s+vänliga\s+hälsningar|vänliga\s+hälsningar|med\s+venlig\s+hilsen|med\s+vennlig\s+hilsen|"
    r"pozdrawiam|z\s+poważaniem|s\s+pozdravem|ystävällisin\s+terveisin|kind\s+regards|best\s+regards|"
    r"warm\s+regards|yours\s+sincerely|yours\s+faithfully|sincerely))[^\S\n]*[,.!]?[^\S\n]*\n[^\S\n]*"
    rf"((?:Dr\.?[^\S\n]+)?[{_UP}][\w.'\u2019-]*(?:[^\S\n]+(?:[{_UP}][\w.'\u2019-]*|van|von|de|der|den|da|du|"
    r"del|la|le|'t|ten|ter)){0,4})[^\S\n]*(?=[,\n]|\Z)"
)
_SIGN_OFF_GATES = (
    *(
        "groet",
        "cordial",
        "à vous",
        "salutations",
        "confratern",
        "grüße",
        "saluti",
        "atentamente",
    ),
    *(
        "saludo",
        "atenciosamente",
        "cumprimentos",
        "hälsningar",
        "hilsen",
        "pozdraw",
        "poważaniem",
    ),
    *(
        "pozdravem",
        "terveisin",
        "regards",
        "sincerely",
        "faithfully",
    ),
)
_INTRO = re.compile(
    r"(?i:\b(?:it'?s|it\s+is|this\s+is|c'est|soy|sono|ich\s+bin|ik\s+ben|aqui\s+é|je\s+m'appelle|me\s+llamo|"
    r"mi\s+chiamo|ich\s+heiße|mein\s+name\s+ist|my\s+name\s+is|ik\s+heet|chamo-me|o\s+meu\s+nome\s+é|"
    r"jag\s+heter|mam\s+na\s+imię|jmenuji\s+se|hier\s+ist|hier\s+spricht|les?\s+escribe|vous\s+écrit|"
    r"[vt]i\s+scrive|lhes?\s+escreve))[^\S\n]+"
    rf"([{_UP}][{_LOW}'\u2019-]+(?:-[{_UP}][{_LOW}]+)?(?:[^\S\n]+[{_UP}][{_LOW}'\u2019-]+){{0,2}})"
    r"(?=[^\S\n]*[!,.?]|[^\S\n]*\n|[^\S\n]*\Z|[^\S\n]+[-\u2013\u2014][^\S\n]|"
    r"[^\S\n]+(?:por|desde|from|von|aus|du|de|da|dal|dalla|del|pelo|vom)[^\S\n])"
)
_INTRO_GATES = (
    *(
        "it's",
        "its ",
        "it is",
        "this is",
        "c'est",
        "soy ",
        "sono ",
        "ich bin",
        "ik ben",
        "aqui é",
    ),
    *(
        "m'appelle",
        "me llamo",
        "mi chiamo",
        "heiße",
        "name is",
        "name ist",
        "ik heet",
        "chamo-me",
    ),
    *(
        "meu nome",
        "jag heter",
        "na imię",
        "jmenuji",
        "hier ist",
        "hier spricht",
        "escribe",
        "écrit",
        "scrive",
        "escreve",
    ),
)
_SHIP_TO = re.compile(
    r"(?i:\b(?:ship\s+to|deliver\s+to|recipient|attn|bill\s+to|sold\s+to|destinataire|empfänger|destinatario|"
    r"destinatário|ontvanger))[^\S\n]*:?[^\S\n]*\n[^\S\n]*([^\W\d_][^\n\d@]{1,60}?)[^\S\n]*(?=\n)"
)
_SHIP_GATES = (
    *(
        "ship to",
        "deliver to",
        "recipient",
        "attn",
        "bill to",
        "sold to",
        "destinat",
        "empfänger",
    ),
    *("ontvanger",),
)


_TEAM_WORDS = frozenset(
    [
        "team",
        "équipe",
        "equipe",
        "equipo",
        "squadra",
        "kundenservice",
        "kundendienst",
        "service",
        "support",
        "staff",
        "crew",
        "gmbh",
        "ltd",
        "inc",
        "sarl",
        "sas",
        "srl",
        "bv",
        "ag",
    ]
)
"""Words of a team or a firm signing off (`L'équipe Acme`, `The Support Team`, `Acme GmbH`)."""


_INTRO_STARTS = (
    *(
        "it's",
        "its",
        "it is",
        "this is",
        "c'est",
        "soy",
        "sono",
        "ich bin",
        "ik ben",
        "aqui é",
        "je m'appelle",
    ),
    *(
        "me llamo",
        "mi chiamo",
        "ich heiße",
        "mein name ist",
        "my name is",
        "ik heet",
        "chamo-me",
        "o meu nome",
    ),
    *("jag heter", "mam na imię", "jmenuji se", "hier ist", "hier spricht", "le escribe", "les escribe"),
    *("vous écrit", "vi scrive", "ti scrive", "lhe escreve", "lhes escreve"),
)
"""What every `_INTRO` match starts with (lower case): where it is tried."""
_TITLED_NAME = re.compile(
    r"(?<![\w.])(?:Sig\.ra|Sig\.|Sra\.|Sr\.|[Mm]evr\.|[Dd]hr\.|Mme|Mlle|Herr|Frau)[^\S\n]+"
    rf"({_GIVEN}(?:[^\S\n]+(?:van|von|de|der|den|da|di|del|le|la|ten|ter)){{0,3}}(?:[^\S\n]+{_GIVEN}){{1,2}})"
)
"""A title, then a given name and a surname (`Sig.ra Anna Verri`, `mevr. Iris van der Leek`)."""
_TITLE_GATES = ("sig.", "sra.", " sr.", "mevr.", "dhr.", "mme ", "mlle ", "herr ", "frau ")
_CAPS_TITLE_GATES = (*_TITLE_GATES, "m. ", "mm. ", "mr", "mrs", "ms. ", "ms ", "dr. ", "dr ")


def _no_word(name: str) -> bool:
    """A name that is no everyday word nor a place (`Zuzana`, `Loïc Martin`).

    Not `Friday`, `Rentnerin`, `Northwind` (`everyday_word`).
    """
    first_names = census()[0]
    words = name.split()
    if " ".join(w.lower() for w in words) in places():
        return False
    return all(w.lower() in first_names or not everyday_word(w.lower()) for w in words)


def _caps_surname(name: str) -> bool:
    """The capitals of `SURNAME, Given` hold a word that is no everyday English word (`NEW, Improved`)."""
    surname = name.split(",")[0]
    return any(w.lower() not in english() for w in surname.replace("-", " ").split())


_PRESENTING = re.compile(
    r"(?i:it'?s|it\s+is|this\s+is|c'est|soy|sono|ich\s+bin|ik\s+ben|aqui\s+é|hier\s+ist|hier\s+spricht)\b"
)
_GREETED = re.compile(
    r"(?im:^[^\S\n]*(?:hallo|hola|buongiorno|buonasera|ciao|salve|bonjour|bonsoir|ol[áa]|bom\s+dia|boa\s+tarde|"
    r"goedemorgen|goedemiddag|guten\s+(?:tag|morgen|abend)|buenos\s+d[íi]as|buenas(?:\s+tardes)?|moin|servus)"
    r"[!,.]?[^\S\n]+\Z)"
)
"""A greeting opening a message's line (`Hallo, `, `Buongiorno, `), before a person presents themselves
in another language (`Hallo, hier ist Sofie.`, `Buongiorno, sono Vittoria Piccio.`)."""


def _introduced(text: str, m: re.Match[str]) -> bool:
    """A person naming themselves (`my name is`, `je m'appelle` ...: a name that is no word or place).

    After `it's` / `this is`, which a business says too (`hello, this is Northwind.`): a Census
    first name, or a name and `!` after `it's` (`hey it's Zuzana!`).
    """
    name = m.group(1)
    if not _no_word(name):
        return False
    if _PRESENTING.match(m.group(0)) is None:
        return True
    if name.split()[0].lower() in census()[0]:
        return True
    if m.group(0)[:2].lower() not in ("it", "th", "c'", "ic") and (
        _GREETED.search(text, max(0, m.start() - 30), m.start()) is not None
    ):
        return True  # `Hallo, hier ist Sofie.` (not `ich bin`, before German nouns: `ich bin Rentnerin`)
    return text.startswith("!", m.end(1)) and not m.group(0).lower().startswith("this")


def _phrase_starts(text: str, phrases: tuple[str, ...]) -> list[int]:
    """Where one of `phrases` (lower case) starts a word of `text`, any case (found with `str.find`)."""
    low = folded(text)
    if len(low) != len(text):
        low = text
    starts: set[int] = set()
    for phrase in phrases:
        i = low.find(phrase.strip())
        while i != -1:
            if i == 0 or not low[i - 1].isalnum():
                starts.add(i)
            i = low.find(phrase.strip(), i + 1)
    return sorted(starts)


_SURNAME = rf"(?:Mc|Mac|O['\u2019]|D['\u2019])?[{_UP}][{_LOW}'\u2019]+(?:-[{_UP}][{_LOW}'\u2019]+)?"
_ROLES = (
    *("rn", "lpn", "md", "np", "pa-c", "tech", "technician", "ordering", "attending", "referring", "agent"),
    *("nurse", "physician", "provider", "clinician", r"triage\s+rn", r"charge\s+rn"),
)
_CONNECTORS = ("by", "from", "to", "with", "cc")
_INITIAL_SURNAME = re.compile(
    rf"(?:(?P<role>\b(?i:{'|'.join(_ROLES)}))[^\S\n]*:?|"
    rf"\b(?i:{'|'.join(_CONNECTORS)})[^\S\n]*:?)[^\S\n]+"
    rf"([{_UP}]\.[^\S\n]?(?:[{_UP}]\.[^\S\n]?)?(?:St\.[^\S\n]?)?{_SURNAME})(?![\w'\u2019-]|\.\w)"
)
_INITIAL_KEYS = word_keys([*_ROLES, *_CONNECTORS])
"""Index keys of the words an `_INITIAL_SURNAME` match starts with (`scan_words`)."""
_INITIAL_GATE = re.compile(
    rf"[{_UP}](?<![\w.][{_UP}])\.[^\S\n]?(?:[{_UP}]\.[^\S\n]?)?(?:St\.[^\S\n]?)?[{_UP}][{_LOW}]"
)
"""A gate: an initial and a capitalised word (`J. Reynolds`)."""


def _initial_names(text: str) -> list[Span]:
    """`J. Reynolds` after a role (strong) or a preposition (weak); not an everyday word (`by J. Crew`)."""
    found = []
    for m in scan_words(_INITIAL_SURNAME, text, _INITIAL_KEYS):
        surname = m.group(2).rsplit(None, 1)[-1].rsplit(".", 1)[-1]
        if surname.lower() in english() and surname.lower() not in census()[2]:
            continue  # (`J. Crew`; `D. Frank`, `M. Brown` are surnames)
        found.append(Span("name", m.start(2), m.end(2), 0.75, weak=m.group("role") is None))
    return found


def people(text: str) -> list[Span]:
    """Names in letters, registers, rows, sign-offs, self-introductions and shipping labels."""
    found: list[Span] = []
    if has_any(text, _CAPS_TITLE_GATES) and _CAPS_THEN_GIVEN.search(text) is not None:
        found += [
            Span("name", m.start(1), m.end(1), 0.85)
            for m in _TITLED_CAPS.finditer(text)
            if _caps_surname(" ".join(w for w in m.group(1).split() if w.isupper()))
        ]
    if has_any(text, _TITLE_GATES):
        found += [
            Span("name", m.start(1), m.end(1), 0.85)
            for m in _TITLED_NAME.finditer(text)
            if _no_word(m.group(1))
        ]
    if "," in text and has_any(text, _REGISTER_GATES):
        found += [
            Span("name", m.start(1), m.end(1), 0.85)
            for m in _REGISTER.finditer(text)
            if _caps_surname(m.group(1))
        ]
    if " | " in text:
        found += _row_names(text)
    if "\n" in text and has_any(text, _SIGN_OFF_GATES):
        for m in _SIGN_OFF.finditer(text):
            words = m.group(1).replace(".", " ").replace("'", " ").replace("\u2019", " ").split()
            if (
                len(words) <= 6
                and not _TEAM_WORDS.intersection(w.lower() for w in words)
                and _no_word(" ".join(words))
            ):
                found.append(Span("name", m.start(1), m.end(1), 0.8))
    if has_any(text, _INTRO_GATES):
        found += [
            Span("name", m.start(1), m.end(1), 0.75)
            for m in match_at(_INTRO, text, _phrase_starts(text, _INTRO_STARTS))
            if _introduced(text, m)
        ]
    if "\n" in text and has_any(text, _SHIP_GATES):
        for m in _SHIP_TO.finditer(text):
            if len(m.group(1).split()) <= 5:
                found.append(Span("name", m.start(1), m.end(1), 0.8))
    if "." in text and _INITIAL_GATE.search(text) is not None:
        found += _initial_names(text)
    return found


_PLACE_NOUNS = frozenset(
    """mall plaza center centre square park market arcade galleria outlets outlet village crossing commons
    station tower building court campus terminal airport pier wharf quarter district""".split()  # noqa: SIM905
)
"""Words that end a place's name (`Lakeside Mall, Minneapolis` is a place and its town in a row)."""


def _a_place(name: str) -> bool:
    """`Surname, Given` that is a place and its town: a place noun before the comma, or a town after it."""
    surname, _, given = name.partition(",")
    words = surname.lower().replace("-", " ").split()
    given = given.strip().lower()
    return (bool(words) and words[-1] in _PLACE_NOUNS) or (given in places() and given not in census()[1])


def _row_name(name: str) -> bool:
    """`SURNAME, Given` of a row: `_caps_surname`, or a Census surname and first name (`YOUNG, THEODORE`)."""
    if _caps_surname(name):
        return True
    surname, given = name.split(",", 1)
    _, first_names, surnames = census()
    return surname.strip().lower() in surnames and given.split()[0].lower() in first_names


def _row_names(text: str) -> list[Span]:
    """`Surname, Given` cells of pipe rows that hold a number; the first cell before `| born`."""
    found = []
    offset = 0
    for line in text.split("\n"):
        if " | " in line and any(c.isdigit() for c in line):
            start = offset
            cells = line.split("|")
            for i, cell in enumerate(cells):
                m = _CELL_NAME.match(cell)
                if m is not None and _row_name(m.group(1)) and not _a_place(m.group(1)):
                    found.append(Span("name", start + m.start(1), start + m.end(1), 0.8))
                elif (
                    i == 0
                    and len(cells) > 1
                    and cells[1].strip().lower().startswith(("born", "dob", "né", "geb"))
                ):
                    first = _FIRST_CELL.match(cell)
                    if first is not None and _no_word(first.group(1)):
                        found.append(Span("name", start + first.start(1), start + first.end(1), 0.8))
                start += len(cell) + 1
        offset += len(line) + 1
    return found
