"""Street-first addresses after a cue or on a line of their own, and places of a record (ninth build).

- **After an address label or a verb of living** in many languages (`Morada:`, `domicilio en`,
  `demeurant`, `residente in`, `wohnhaft`, `j'habite au`, `lives at`, `new address is`): the
  parts of the address up to the end of the clause (a line break, `. `, `;`, ` et `/` and `,
  or a part that starts with a lower-case word or a label: `, pour avis`, `, NAS :`). It must
  hold a digit (a house number or a postal code).
- **After a weaker locative cue** (`is at`, `sent to`, `delivered to`, `moved to`, `on`): only
  a street-first address whose first part has a street type of some language (`Massbyntie 27`,
  `Kolodvorska ulica 9`, `Ctra. de Siles 1`, `Calle Luna 4`, `Οδός ...`), never a CamelCase
  product or an English word and a number (`PixelPad 11`, `Spring 2025`).
- **A unit opening a line** (`Flat 20F, 32/F, Block 12, ...`, `Unit 40, 60 Lamb Causeway, ...`).
- **A record line** `Name, <id>, Place`: the place after a number of six digits or more.
- **A birthplace after a birth date** (`nato/a il 01.11.1938 a Gland`, `né le ... à Nyon`).
- **Phones after a next-of-kin contact** (`Next of kin: Ana Ruiz (daughter), 612 345 678`; an
  emergency contact keeps the reach `contact` has in `_phi_context`) and after `mon numéro est le`
  / `my number is`.
"""

from __future__ import annotations

import re

from global_orchestrator.policies._phi_lexicon import english
from global_orchestrator.policies._phi_spans import (
    Span,
    digit_runs,
    has_any,
    line_starts,
    list_keys,
    match_at,
    prefix_table,
    scan_words,
)

_UP = "A-ZÀ-ÖØ-ÞĀ-Žͱ-Ͽ"
_LOW = "a-zß-öø-ÿā-žͰ-Ͽ"
_STRONG_CUE = re.compile(
    r"(?i:\b(?:morada|endereço|endereco|dirección|direccion|domicilio|adresse|adres|indirizzo|anschrift|"
    r"home\s+address|address(?:es)?)[^\S\n]*:|"
    # a kind of address without a colon (`Mailing address 0035 Taylor Estate ...`, `Previous addresses
    # 5 Elm Rd`), and a bare `address` before a number or another script (`..., address 18 McAdams
    # Street ...`, `her address 12 ...`; not the verb: `Please address 3 questions to ...`)
    r"\b(?:mailing|postal|home|residential|previous|former|current|permanent|billing|shipping|forwarding)"
    r"[^\S\n]+address(?:es)?\b(?:[^\S\n]*:|(?=[^\S\n]+(?:\d|[\u0900-\u097f\u4e00-\u9fff]|"
    r"(?:flat|studio|unit|apt|suite|house|số)\b)))|"
    r"(?:(?<=[,;(][ ])|(?<=\bhis[ ])|(?<=\bher[ ])|(?<=\bmy[ ])|(?<=\btheir[ ])|(?<=\bnew[ ]))address"
    r"(?=[^\S\n]+(?:\d|[\u0900-\u097f\u4e00-\u9fff]))|"
    r"\b(?:domicilio\s+en|domiciliad[oa]\s+en|demeurant(?:\s+au|\s+à)?|domicilié(?:e)?\s+(?:au|à)|"
    r"residente\s+(?:in|en|em|na|no)|wohnhaft(?:\s+in)?|woonachtig\s+(?:aan|te|op)|j'habite\s+(?:au|à|a)|"
    r"vivo\s+en|vive\s+en|moro\s+(?:na|no|em)|lives\s+at|living\s+at|resides\s+at|new\s+address\s+is|"
    r"address\s+is)\b)"
)
_WEAK_CUE = re.compile(
    r"(?i:\b(?:is\s+at|sent\s+to|send\s+it\s+to|deliver(?:ed|y)?\s+to|ship(?:ped)?\s+to|moved\s+to|lives\s+on|"
    r"(?:his|her|their|my)\s+(?:flat|apartment|house|home)\s+(?:is\s+)?(?:at|on|in))\b)"
)
_WEAK_KEYS = list_keys(_WEAK_CUE.pattern)

_STRONG_GATES = (
    *("morada", "endere", "direcci", "domicili", "adres", "indirizzo", "anschrift", "address"),
    *("demeurant", "residente", "wohnhaft", "woonachtig", "habite", "vivo en", "vive en", "moro "),
    *("lives at", "living at", "resides at"),
)
_WEAK_GATES = (
    "is at",
    "sent to",
    "send it to",
    "deliver to",
    "delivered to",
    "delivery to",
    "ship to",
    "shipped to",
    "moved to",
    "lives on",
    " flat ",
    "apartment",
    "house ",
    "home ",
)
_CLAUSE = re.compile(
    r"[^\S\n]*([^\n;]{3,160}?)(?=(?<!\bTP)(?<!\bApt)\.(?:\s|$)|[;\n]|\s(?:et|and|e|y|und|en|og|och|i)\s|$)"
)
_PART_OK = re.compile(
    rf"(?:\d|[{_UP}]|[\u0900-\u097f\u4e00-\u9fff]|(?:da|de|do|das|dos|del|della|di|du)[^\S\n]+[{_UP}]|(?i:rue|avenue|allée|allé|route|rang|montée|boulevard|chemin|impasse|quai|place|"
    r"via|viale|piazza|corso|calle|carrer|camino|avenida|rua|travessa|praça|estrada|ulica|ul\.|al\.|"
    r"strada|bd|av\.|c/|n[°º])\b)"
)
_LABEL_PART = re.compile(rf"[{_UP}]{{2,6}}[^\S\n]*[:.]|(?i:tel|tél|phone|email|e-mail|dob|nas|nif|cpf)\b")
_STREET_TYPES = (
    r"vej|veien|vegen|vei|gata|gatan|gade|stræde|straße|strasse|str\.|weg|laan|straat|gracht|plein|dijk|"
    r"singel|kade|tie|katu|kuja|polku|väylä|allee|gasse|platz|ring|damm|ufer|vägen|stig|bakken|torget|"
    r"ulica|utca|út|sokak|soka\u011f\u0131|caddesi|cesta|ulice|třída|náměstí|gatvė|iela|tänav|trg|ska"
)
_TYPE_FIRST = (
    r"rue|avenue|av\.|avda\.?|boulevard|bd|chemin|allée|impasse|quai|route|calle|c/|avenida|paseo|plaza|"
    r"camino|carrer|carretera|ctra\.|via|viale|piazza|corso|largo|vicolo|rua|travessa|praça|alameda|estrada|"
    r"ulica|ul\.|al\.|aleja|plac|pl\.|strada|str\.|diagonal|bulevar|pasaje|glorieta|ronda|rambla|"
    r"οδός|οδ\.|πλ\.|πλατεία|λεωφ\.|λεωφόρος"
)
_STREET_FIRST = re.compile(
    rf"(?:(?i:{_TYPE_FIRST})[^\S\n]+[{_UP}\d][^\n,]{{0,40}}?[^\S\n]+\d{{1,5}}[a-zA-Z]?|"
    rf"[{_UP}][{_LOW}]{{2,30}}(?i:{_STREET_TYPES})(?:[^\S\n]+[{_UP}][{_LOW}]+)?[^\S\n]+\d{{1,5}}[a-zA-Z]?|"
    rf"[{_UP}][{_LOW}]{{2,30}}[^\S\n]+(?i:{_STREET_TYPES}|ulica|cesta|utca|sokak|gade|vej)[^\S\n]+\d{{1,5}}[a-zA-Z]?)"
    r"(?![\w.-]\d)"
)
_CAMEL = re.compile(r"[A-Z][a-z]+[A-Z]")
_RETURN_CUE = re.compile(
    r"(?i:\b(?:send|post|mail|return|bring)[^\S\n]+(?:it|them|this|that|the\s+\w+)[^\S\n]+back[^\S\n]+to|"
    r"viewing[^\S\n]+(?:is[^\S\n]+)?at)[^\S\n]+"
)
"""Where a thing goes back to or is viewed (`Please send it back to Flat 2, Price Common, ...`, `Viewing
at 447 Oliver Curve, Dale Ville`): an address when what follows opens like one (`_RETURN_START`)."""
_RETURN_START = re.compile(
    rf"(?:Flat|Studio|Apt\.?|Apartment|Unit|Suite|Số)[^\S\n]+\w|"
    rf"\d{{1,5}}[A-Za-z]?(?:/\d{{1,5}}){{0,3}},?[^\S\n]+(?!(?i:am|pm|a\.m|p\.m|days?|weeks?|hours?|minutes?)\b)"
    rf"(?:[{_UP}]|(?i:{_TYPE_FIRST})\b|[\u0900-\u097f\u4e00-\u9fff]|phố|đường)|"
    rf"[\u0900-\u097f\u4e00-\u9fff]|(?i:{_TYPE_FIRST})[^\S\n]"
)
"""How an address opens: a unit, a house number before a capitalised or a street-type word or another
script, a street type (not `at 10 am`, `back to us within 30 days`)."""
_RETURN_GATES = ("back to", "viewing")
_AFTER_BIRTH = re.compile(
    r"\b(?i:dob|d\.o\.b\.?|date[^\S\n]+of[^\S\n]+birth)[^\S\n]*:?[^\S\n]*"
    r"(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|[A-Z][a-z]{2,8}\.?[ ]\d{1,2},?[ ]\d{4}|"
    r"\d{1,2}[ ][A-Z][a-z]{2,8}\.?[ ]\d{4}|[A-Z][a-z]{2,8}[ ]\d{4}),[^\S\n]+"
)
"""A birth date and a comma on a person's identifying line (`Re: Joan Davies, DOB 08.04.1966, 21, boulevard de
Baron 51261 Roger`): an address when what follows opens like one (`_RETURN_START`)."""


def _address_parts(text: str, start: int) -> tuple[int, int] | None:
    """The address that starts at `start`: its comma parts up to the end of the clause."""
    m = _CLAUSE.match(text, start)
    if m is None:
        return None
    begin = m.start(1)
    end = begin
    for part in m.group(1).split(","):
        stripped = part.strip()
        if not stripped:
            end += len(part) + 1
            continue
        if end > begin and (not _PART_OK.match(stripped) or _LABEL_PART.match(stripped)):
            break
        if end == begin and not (_PART_OK.match(stripped) or stripped[0].islower()):
            return None
        end += len(part) + 1
    end = min(end, m.end(1))
    while end > begin and text[end - 1] in " ,/-":
        end -= 1
    tail = _TAIL.search(text, begin, end)
    if tail is not None:  # `Massbyntie 27 with her cat`: the clause goes on after the address
        end = tail.start()
    value = text[begin:end]
    if not any(c.isdigit() for c in value) or len(value) < 6:
        return None
    return begin, end


_NEXT_ADDRESS = re.compile(r"[^\S\n]*;[^\S\n]*")
_TAIL = re.compile(
    r"[^\S\n]+(?:with|for|since|until|from|but|who|which|avec|pour|depuis|mit|für|seit|con|per|met|voor|"
    r"sinds|com|para|desde|h\u00e1|hace|near|when|where|because)\b"
)
_OURS_BEFORE = re.compile(
    r"(?i:\b(?:our|we|us|ours|unser\w*|notre|nos|nuestr[oa]s?|nostr[oaie]|onze|nosso|nossa)\b)"
)


def _skip_blanks(text: str, at: int) -> int:
    """The offset of the first character at or after `at` that is no space or tab."""
    while at < len(text) and text[at] in " \t":
        at += 1
    return at


def _street_first(value: str) -> bool:
    m = _STREET_FIRST.match(value)
    if m is None or _CAMEL.match(value):
        return False
    first = value.split()[0].lower()
    return not (first in english() and len(value.split()) == 2 and value.split()[1].isdigit())


_UNIT_LINE = re.compile(  # (tried at line starts: `match_at`)
    # (after a chat export's time and speaker too: `[18:03] Kim: Studio 77, Nicole Pike, ...`)
    r"(?m)[^\S\n]*(?:\[\d{1,2}:\d{2}(?::\d{2})?\][^\S\n]*[^\n:\[\]]{1,30}:[^\S\n]*)?"
    r"((?:Flat|Unit|Studio|Apt\.?|Apartment|Suite|Room|H\.No\.|House\s+No\.?|Shop)[^\S\n]+[\w/-]{1,8},"
    r"[^\n]{5,150}?)[^\S\n]*$"
)
_WARD_AFTER = re.compile(
    r"[^\S\n]*(?i:beds?|bay|ward|floor|level|wing|side|window|door|station|pod|cot|chair)\b"
)
"""`Room 12, bed B: q2h turns`: a bed in a ward, no one's address."""
_RECORD_LINE = re.compile(  # (tried at line starts: `match_at`)
    rf"(?m)[^\S\n]*[{_UP}][^\n,|]{{2,60}},[^\S\n]+([^\n,]{{0,6}}\d[\d\s/().-]{{4,20}}[A-Z]?),[^\S\n]+"
    r"((?![a-z])[^\W\d_][^\n,\d]{1,40})[^\S\n]*$"
)
_DATE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}")
_BIRTHPLACE = re.compile(
    r"(?i:\b(?:nato/a|nata|nato|née?|né\(e\)|nacid[oa]|nascid[oa]|geboren|born)[^\S\n]+(?:il|le|el|em|am|on)?)"
    r"[^\S\n]*(?=[^\n,]{0,20}?\d{1,2}\D{1,12}\d{2,4})"  # a day and a year: a birth date, not `born in 2010`
    rf"[^\n,]{{4,28}}?[^\S\n]+(?:a|à|en|em|in|te)[^\S\n]+"
    rf"([{_UP}][\w'\u2019-]+(?:[ -][{_UP}][\w'\u2019-]+){{0,3}})"
)
_KIN_PHONE = re.compile(
    r"(?i:\b(?:next\s+of\s+kin|personne\s+à\s+prévenir|notfallkontakt|familiar\s+de\s+contacto)\b)"
    r"[^\n]{0,70}?,[^\S\n]*(\+?\d[\d ().-]{6,18}\d)(?![\w-])"
)
_MY_NUMBER = re.compile(
    r"(?i:\b(?:mon\s+numéro\s+(?:est\s+le|est|c'est\s+le)|my\s+number\s+is|mi\s+número\s+es(?:\s+el)?|"
    r"meine\s+nummer\s+ist|il\s+mio\s+numero\s+è|mijn\s+nummer\s+is|o\s+meu\s+número\s+é)\b)"
    r"[^\S\n]*:?[^\S\n]*(\+?\d[\d ().-]{6,18}\d)(?![\w-])"
)


def _prefixes(*words: str) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    """Index keys and the prefix table of the words a cue starts with (for `scan_words`)."""
    keys = tuple(dict.fromkeys(m.group(0)[:3] for m in (re.match(r"\w+", w) for w in words) if m is not None))
    return keys, prefix_table(words)


_STRONG_KEYS, _STRONG_PREFIXES = _prefixes(
    *(
        "morada",
        "endere",
        "direcci",
        "domicili",
        "adresse",
        "adres",
        "indirizzo",
        "anschrift",
        "home address",
    ),
    *(
        "address",
        "demeurant",
        "residente",
        "wohnhaft",
        "woonachtig",
        "j'habite",
        "vivo en",
        "vive en",
        "moro ",
    ),
    *("lives at", "living at", "resides at", "new address"),
    *("mailing", "postal", "home", "residential", "previous", "former", "current", "permanent", "billing"),
    *("shipping", "forwarding"),
)
_BIRTH_KEYS, _BIRTH_PREFIXES = _prefixes("nato", "nata", "né", "nacid", "nascid", "geboren", "born")
_KIN_KEYS, _KIN_PREFIXES = _prefixes("next of kin", "personne", "notfallkontakt", "familiar de")
_NUMBER_GATES = (
    *("mon numéro", "my number", "mi número", "meine nummer", "il mio numero", "mijn nummer"),
    "o meu número",
)
_UNIT_WORDS = (
    "flat ",
    "unit ",
    "studio ",
    "apt",
    "apartment ",
    "suite ",
    "room ",
    "h.no.",
    "house no",
    "shop ",
)


def streets(text: str) -> list[Span]:
    """Street-first addresses, unit lines, record places, birthplaces and phones by cue (see the module)."""
    found: list[Span] = []
    if digit_runs(text)[0] == 0:
        return found
    if has_any(text, _STRONG_GATES):
        for m in scan_words(_STRONG_CUE, text, _STRONG_KEYS, _STRONG_PREFIXES):
            if (
                m.group(0).lower() == "address"
                and _RETURN_START.match(text, _skip_blanks(text, m.end())) is None
            ):
                continue  # a bare `address` opens an address only (`Please, address 5 issues`: the verb)
            parts = _address_parts(text, m.end())
            several = "addresses" in m.group(0).lower()
            while parts is not None:
                found.append(Span("address", parts[0], parts[1], 0.8))
                # `Previous addresses: 6 Khu 49 ..., Đà Nẵng; Số 370 ...`: the next one after `;`
                after = _NEXT_ADDRESS.match(text, parts[1]) if several else None
                parts = _address_parts(text, after.end()) if after is not None else None
    if has_any(text, _WEAK_GATES):
        for m in scan_words(_WEAK_CUE, text, _WEAK_KEYS):
            parts = _address_parts(text, m.end())
            line = text.rfind("\n", 0, m.start()) + 1
            if _OURS_BEFORE.search(text, max(line, m.start() - 40), m.start()) is not None:
                continue  # `Our flagship is at Calle Mayor 12`: the business's own address
            if parts is not None and _street_first(text[parts[0] : parts[1]]):
                found.append(Span("address", parts[0], parts[1], 0.8))
    cues = list(_RETURN_CUE.finditer(text)) if has_any(text, _RETURN_GATES) else []
    if has_any(text, ("dob", "d.o.b", "birth")):
        cues += _AFTER_BIRTH.finditer(text)
    if cues:
        for m in cues:
            line = text.rfind("\n", 0, m.start()) + 1
            if (
                _RETURN_START.match(text, m.end()) is None
                or _OURS_BEFORE.search(text, max(line, m.start() - 40), m.start()) is not None
            ):
                continue  # (`Send it back to our store at 12 ...`: the business's own address)
            parts = _address_parts(text, m.end())
            if parts is not None and "," in text[parts[0] : parts[1]]:
                found.append(Span("address", parts[0], parts[1], 0.8))
    if "," in text:
        lines = line_starts(text)
        if has_any(text, _UNIT_WORDS):
            found += [
                Span("address", m.start(1), m.end(1), 0.8)
                for m in match_at(_UNIT_LINE, text, lines)
                if _WARD_AFTER.match(m.group(1), m.group(1).index(",") + 1) is None
            ]
        if digit_runs(text)[0] >= 6:
            for m in match_at(_RECORD_LINE, text, lines):
                if sum(c.isdigit() for c in m.group(1)) >= 6 and not _DATE.search(m.group(1)):
                    found.append(Span("address", m.start(2), m.end(2), 0.75))
    if has_any(text, ("nat", "né", "nacid", "nascid", "geboren", "born")):
        found += [
            Span("address", m.start(1), m.end(1), 0.75)
            for m in scan_words(_BIRTHPLACE, text, _BIRTH_KEYS, _BIRTH_PREFIXES)
        ]
    if has_any(text, ("next of kin", "personne", "notfall", "familiar")):
        found += [
            Span("phone", m.start(1), m.end(1), 0.8)
            for m in scan_words(_KIN_PHONE, text, _KIN_KEYS, _KIN_PREFIXES)
        ]
    if has_any(text, _NUMBER_GATES):  # (rare: the regex then runs on the whole text)
        found += [Span("phone", m.start(1), m.end(1), 0.8) for m in _MY_NUMBER.finditer(text)]
    return found
