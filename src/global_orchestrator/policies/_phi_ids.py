"""National identity numbers of more countries: by their own check, and after labels in many languages.

Two recognisers (ninth build, probe4's classes):

- `checked_more(text)`: numbers whose shape and check say what they are, with no label:
  Swiss AHV/AVS (`756.1234.5678.97`, EAN-13 check), Czech and Slovak birth numbers with their
  slash (`736028/5163`: a birth date, mod 11), Argentine CUIL/CUIT (prefix and mod 11),
  Polish PESEL (a birth date and its check), Indian Aadhaar (Verhoeff) and PAN (`ABCPE1234F`:
  the fourth letter `P` is a person's), Japanese My Number (mod 11), Hong Kong HKID (mod 11),
  UK National Insurance numbers (letters, six digits, `A`-`D`), Canadian SINs in three groups
  (Luhn), New Zealand IRD numbers with dashes (mod 11), Brazilian CPF (two check digits),
  Turkish TC Kimlik (two check digits), South African ids (a birth date, Luhn), Swedish
  personnummer with the century (`19540120-8847`) and Spanish NIEs with dashes. A random
  number of the same shape passes 1 time in 10 to 1 in 100, or less with a date in it.
- `labelled_ids(text)`: a number after a national-id label in English or the local language
  and script (`CPR-nummer (Denmark): 060962 1918`, `N° de CUIL es ...`, `आधार संख्या` and a full-width colon,
  `Please update the UID on file to ...`, `DNI - ...`, `PESEL ...... ...`): any shape with at
  least four digits, or a code of capitals and digits, since no check is known for every label.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from global_orchestrator.policies._phi_national import dni_ok, personnummer_ok, real_date
from global_orchestrator.policies._phi_shapes import luhn_ok
from global_orchestrator.policies._phi_spans import (
    Span,
    digit_runs,
    digit_shape,
    has_any,
    ours,
    prefix_table,
    scan_words,
)


def _digits(value: str) -> str:
    return "".join(c for c in value if c.isdigit())


# -- checks ----------------------------------------------------------------------------------

_VERHOEFF_D = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 2, 3, 4, 0, 6, 7, 8, 9, 5),
    (2, 3, 4, 0, 1, 7, 8, 9, 5, 6),
    (3, 4, 0, 1, 2, 8, 9, 5, 6, 7),
    (4, 0, 1, 2, 3, 9, 5, 6, 7, 8),
    (5, 9, 8, 7, 6, 0, 4, 3, 2, 1),
    (6, 5, 9, 8, 7, 1, 0, 4, 3, 2),
    (7, 6, 5, 9, 8, 2, 1, 0, 4, 3),
    (8, 7, 6, 5, 9, 3, 2, 1, 0, 4),
    (9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
)
_VERHOEFF_P = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 5, 7, 6, 2, 8, 3, 0, 9, 4),
    (5, 8, 0, 3, 7, 9, 6, 1, 4, 2),
    (8, 9, 1, 6, 0, 4, 3, 5, 2, 7),
    (9, 4, 5, 3, 1, 2, 6, 8, 7, 0),
    (4, 2, 8, 6, 5, 7, 3, 9, 0, 1),
    (2, 7, 9, 3, 8, 0, 6, 4, 1, 5),
    (7, 0, 4, 6, 9, 1, 3, 2, 5, 8),
)


def _verhoeff(digits: str) -> bool:
    c = 0
    for i, ch in enumerate(reversed(digits)):
        c = _VERHOEFF_D[c][_VERHOEFF_P[i % 8][int(ch)]]
    return c == 0


def _ahv(m: re.Match[str]) -> bool:
    d = _digits(m.group(0))
    total = sum(int(x) * (3 if i % 2 else 1) for i, x in enumerate(d[:12]))
    return (10 - total % 10) % 10 == int(d[12])


def _birth_number_of(yy_text: str, mm_text: str, dd_text: str, serial: str) -> bool:
    """Czech / Slovak rodné číslo: YYMMDD (month + 50 for women, + 20 since 2004) / 3 or 4 digits."""
    yy, mm, dd = int(yy_text), int(mm_text), int(dd_text)
    month = mm - 50 if mm > 50 else mm
    month = month - 20 if month > 20 else month
    if len(serial) == 3:  # before 1954: no check digit
        return yy < 54 and real_date(1900 + yy, month, dd)
    year = 1900 + yy if yy >= 54 else 2000 + yy
    if not real_date(year, month, dd):
        return False
    number = int(yy_text + mm_text + dd_text + serial)
    return number % 11 == 0 or (int(str(number)[:-1]) % 11 == 10 and serial.endswith("0"))


def _cuil(m: re.Match[str]) -> bool:
    d = _digits(m.group(0))
    total = sum(int(x) * w for x, w in zip(d[:10], (5, 4, 3, 2, 7, 6, 5, 4, 3, 2), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else 9 if check == 10 else check
    return check == int(d[10])


def _pesel(m: re.Match[str]) -> bool:
    d = m.group(0)
    yy, mm, dd = int(d[:2]), int(d[2:4]), int(d[4:6])
    century = {0: 1900, 1: 2000, 2: 2100, 3: 2200, 4: 1800}.get(mm // 20, 1900)
    if not real_date(century + yy, mm % 20, dd):
        return False
    total = sum(int(x) * w for x, w in zip(d[:10], (1, 3, 7, 9, 1, 3, 7, 9, 1, 3), strict=True))
    return (10 - total % 10) % 10 == int(d[10])


def _aadhaar(m: re.Match[str]) -> bool:
    d = _digits(m.group(0))
    return d[0] not in "01" and _verhoeff(d)


def _my_number(m: re.Match[str]) -> bool:
    d = _digits(m.group(0))
    body = d[:11][::-1]
    total = sum(int(x) * (n + 1 if n <= 6 else n - 5) for n, x in enumerate(body, start=1))
    remainder = total % 11
    return (0 if remainder <= 1 else 11 - remainder) == int(d[11])


def _id_number(m: re.Match[str]) -> bool:
    """Aadhaar, My Number or a Swedish personnummer with its century: twelve digits, any check."""
    d = _digits(m.group(0))
    swedish = d[:2] in ("19", "20") and personnummer_ok(d[2:8], d[8:], century=int(d[:2]) * 100)
    return swedish or _aadhaar(m) or _my_number(m)


def _hkid_of(letters: str, digits: str, check: str) -> bool:
    values = [36] if len(letters) == 1 else []
    values += [ord(c) - 55 for c in letters] + [int(c) for c in digits]
    total = sum(v * w for v, w in zip(values, range(9, 1, -1), strict=True))
    return (total + (10 if check == "A" else int(check))) % 11 == 0


def _sin(m: re.Match[str]) -> bool:
    d = _digits(m.group(0))
    return d[0] not in "08" and luhn_ok(d)


def _ird(m: re.Match[str]) -> bool:
    d = _digits(m.group(0)).rjust(9, "0")
    if not 10_000_000 <= int(d) <= 150_000_000:
        return False
    body, check = d[:8], int(d[8])
    for weights in ((3, 2, 7, 6, 5, 4, 3, 2), (7, 4, 3, 2, 5, 2, 7, 6)):
        remainder = sum(int(x) * w for x, w in zip(body, weights, strict=True)) % 11
        value = 0 if remainder == 0 else 11 - remainder
        if value != 10:
            return value == check
    return False


def _cpf(m: re.Match[str]) -> bool:
    d = _digits(m.group(0))
    if len(set(d)) == 1:
        return False
    for n in (9, 10):
        total = sum(int(x) * w for x, w in zip(d[:n], range(n + 1, 1, -1), strict=True))
        if (total * 10 % 11) % 10 != int(d[n]):
            return False
    return True


def _tckn(m: re.Match[str]) -> bool:
    d = [int(x) for x in m.group(0)]
    if d[0] == 0:
        return False
    tenth = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    return tenth == d[9] and sum(d[:10]) % 10 == d[10]


def _eleven(m: re.Match[str]) -> bool:
    """Eleven digits unbroken: PESEL, CPF, TC Kimlik or CUIL, whichever check holds."""
    return _pesel(m) or _cpf(m) or _tckn(m) or (m.group(0)[:2] in _CUIL_PREFIXES and _cuil(m))


def _za_id(m: re.Match[str]) -> bool:
    d = m.group(0)
    born = real_date(1900 + int(d[:2]), int(d[2:4]), int(d[4:6])) or real_date(
        2000 + int(d[:2]), int(d[2:4]), int(d[4:6])
    )
    return born and d[10] in "01" and luhn_ok(d)


def _birth_number_glued(m: re.Match[str]) -> bool:
    """`_birth_number` of a match whose first digit is outside its groups (the regex is led by it)."""
    return _birth_number_of(m.group(0)[0] + m.group(1), m.group(2), m.group(3), m.group(4))


def _hkid_glued(m: re.Match[str]) -> bool:
    text = m.group(0)
    letters = text[0] + m.group(1)
    return _hkid_of(letters, m.group(2), m.group(3) or m.group(4))


def _personnummer12_glued(m: re.Match[str]) -> bool:
    birth, rest = m.group(0)[0] + m.group(1), m.group(2)  # YYYYMMDD, the last four
    return personnummer_ok(birth[2:], rest, century=int(birth[:2]) * 100)


def _nie_glued(m: re.Match[str]) -> bool:
    return dni_ok(m.group(0)[0], m.group(1), m.group(2))


def _shape_only(_: re.Match[str]) -> bool:
    return True


_CUIL_PREFIXES = ("20", "23", "24", "27", "30", "33", "34")
_NINO_PREFIX_NEVER = frozenset({"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"})


def _nino(m: re.Match[str]) -> bool:
    return m.group(0)[:2] not in _NINO_PREFIX_NEVER


_S = r"[^\S\n]?"
_CHECKED_MORE: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], bool], tuple[str, ...]], ...] = (
    (
        re.compile(r"7(?<![\w.-]7)56(?:\.\d{4}\.\d{4}\.\d{2}|\d{10})(?![\w-]|\.\d)"),
        _ahv,
        ("\x03\x04\x04\x02", "\x0d"),
    ),
    (
        re.compile(r"\d(?<![\w/.-]\d)(\d)(\d{2})(\d{2})[^\S\n]?/[^\S\n]?(\d{3,4})(?![\w/-])"),
        _birth_number_glued,
        ("\x06\x03", "\x06\x04"),
    ),
    (re.compile(r"[23](?<![\w.-][23])\d-\d{8}-\d(?![\w-])"), _cuil, ("\x02\x08\x01",)),
    (re.compile(r"\d(?<![\w.,/-]\d)\d{10}(?![\w-]|[.,]\d)"), _eleven, ("\x0b",)),
    (
        re.compile(r"\d(?<![\w.,/+-]\d)(?<!\d \d)\d{3}([ -])\d{4}\1\d{4}(?![\w-]|[.,]\d| \d)"),
        _id_number,
        ("\x04\x04\x04",),
    ),
    (re.compile(r"\d(?<![\w.,/+-]\d)\d{11}(?![\w-]|[.,]\d)"), _id_number, ("\x0c",)),
    (re.compile(r"[A-Z](?<![\w-][A-Z])[A-Z]{2}P[A-Z]\d{4}[A-Z](?![\w-])"), _shape_only, ("P",)),
    (
        re.compile(r"[A-Z](?<![\w-][A-Z])([A-Z]?)(\d{6})(?:\(([0-9A])\)|([0-9A]))(?![\w-])"),
        _hkid_glued,
        ("H",),
    ),
    (
        re.compile(
            rf"[A-CEGHJ-PR-TW-Z](?<![\w-].)[A-CEGHJ-NPR-TW-Z]{_S}\d{{2}}{_S}\d{{2}}{_S}\d{{2}}{_S}[A-D](?![\w-])"
        ),
        _nino,
        ("N",),
    ),
    (
        re.compile(r"\d(?<![\w.,/+-]\d)(?<!\d \d)\d{2}([ -])\d{3}\1\d{3}(?![\w-]|[.,]\d| \d)"),
        _sin,
        ("\x03\x03\x03",),
    ),
    (
        re.compile(r"\d(?<![\w.,/+-]\d)\d{1,2}-\d{3}-\d{3}(?![\w-]|[.,]\d)"),
        _ird,
        ("\x02\x03\x03", "\x03\x03\x03"),
    ),
    (
        re.compile(r"\d(?<![\w.,/-]\d)\d{2}\.\d{3}\.\d{3}-\d{2}(?![\w-]|[.,]\d)"),
        _cpf,
        ("\x03\x03\x03\x02",),
    ),
    (re.compile(r"\d(?<![\w.,/+-]\d)\d{12}(?![\w-]|[.,]\d)"), _za_id, ("\x0d",)),
    (
        re.compile(r"[12](?<![\w.,/+-][12])((?<=1)9\d{6}|(?<=2)0\d{6})[-+](\d{4})(?![\w-])"),
        _personnummer12_glued,
        ("\x08\x04",),
    ),
    (re.compile(r"[XYZ](?<![\w-][XYZ])-(\d{7})-([A-Z])(?![\w-])"), _nie_glued, ("\x07",)),
)
"""Each shape, its check, and the runs of digits (`digit_shape`) one of which every match holds (a gate).

Each regex is led by a class of its first character, the look-behind after it (the engine skips
to candidates in C)."""


_COMMERCE = re.compile(
    r"(?i:\b(?:order|tracking|invoice|sku|ean|gtin|isbn|upc|barcode|item|art(?:icle|ikel)?|model|serial|part|"
    r"batch|lot|product|bestell|commande|pedido|ordine|sendung|colis|parcel|shipment|transaction|ticket|"
    r"booking|reservation|confirmation)\w*\b[^\n]{0,16})$"
)
"""A commerce label in the 40 characters before a run of digits: an order, parcel or barcode number."""
_CALLED = re.compile(
    r"(?i:\b(?:call(?:s|ing)?|ring|phone|tel|telephone|dial|text|sms|whats-?app|ll[a\u00e1]m[a-z]*|chiam[a-z]*|"
    r"ligue|ligar|liga|appel(?:ez|er)?|anrufen|ruf|bel|book(?:ings?)?|reserv[a-z]*|prenot[a-z]*|"
    r"contact[a-z]*|kontakt|contatt[a-z]*|tlf|tfno|telf|tel[eé]fon[a-z]*|telem[oó]vel|m[oó]vil|cell|mobile|"
    r"info)\b[^\n\d]{0,20})$"
)
"""A number to call before a run of digits (`Call us on`, `Ll\u00e1manos al`, `Bookings:`): a phone number."""


# gates for the shapes led by letters (their digit runs are common): a regex led by a digit
# (each found where `\d(?<=P[A-Z]\d)\d{3}[A-Z](?![\w-])`, `\d(?<=\d\d)[^\S\n]?[A-D](?![\w-])` and
# `\d(?<=[A-Z]\d)\d{5}(?:\([0-9A]\)|[0-9A])(?![\w-])` are: gates ask only whether there is one; led by
# a literal or by the rarer class of their letter)
_PAN_GATE = re.compile(r"P[A-Z]\d{4}[A-Z](?![\w-])")
_NINO_GATE = re.compile(r"[A-D](?:(?<=\d\d[A-D])|(?<=\d\d[^\S\n][A-D]))(?![\w-])")
_HKID_GATE = re.compile(r"[A-Z]\d{6}(?:\([0-9A]\)|[0-9A])(?![\w-])")


def checked_more(text: str) -> list[Span]:
    """National identity numbers of `_CHECKED_MORE` whose check holds.

    A code after an order, parcel, model or barcode label is that code, whatever check it
    happens to pass (one twelve-digit number in five passes one of the twelve-digit checks);
    a number after a cue to call or book (`_CALLED`) is a phone number (`900 123 456` is a
    Spanish or Portuguese one as often as a Canadian SIN), none when it is the business's own
    (`Call us on ...`).
    """
    if digit_runs(text)[1] < 2:
        return []
    shape = digit_shape(text)
    letters = "".join(
        key
        for key, runs, gate in (
            ("P", ("\x04",), _PAN_GATE),
            ("N", ("\x02\x02\x02", "\x06"), _NINO_GATE),
            ("H", ("\x06", "\x07"), _HKID_GATE),
        )
        if any(run in shape for run in runs) and gate.search(text) is not None
    )
    found = []
    for pattern, check, runs in _CHECKED_MORE:
        if any(run in shape or run in letters for run in runs):
            for m in pattern.finditer(text):
                if not check(m) or _COMMERCE.search(text, max(0, m.start() - 40), m.start()):
                    continue
                if not _CALLED.search(text, max(0, m.start() - 40), m.start()):
                    # (a phone number read on the same digits wins)
                    found.append(Span("ssn", m.start(), m.end(), 0.72))
                elif not ours(text, m.start()):  # (`Call us on ...`: the business's own number, no finding)
                    found.append(Span("phone", m.start(), m.end(), 0.72))
    return found


# -- labels ----------------------------------------------------------------------------------

_LABEL_WORDS = (
    # English descriptions
    r"national\s+insurance\s+(?:number|no\.?)|social\s+insurance\s+(?:number|no\.?)|"
    r"(?:personal|national)\s+(?:identity|identification|id)\s+(?:number|no\.?|code)|"
    r"(?:personal|national|civil|citizen)\s+(?:number|id)|identity\s+(?:card\s+)?(?:number|no\.?)|"
    r"id\s+card\s+(?:number|no\.?)|(?:czech|slovak)\s+birth\s+number|birth\s+number|"
    r"tax\s+(?:file\s+)?(?:number|no\.?|id|identification\s+number|code)|taxpayer\s+(?:number|id)|"
    r"social\s+security\s+(?:number|no\.?)|resident\s+registration\s+number|"
    r"hkid(?:\s+card)?(?:\s+(?:number|no\.?))?|ird\s+number|"
    r"aadhaar(?:\s+(?:number|no\.?))?|my\s+number|"
    # local words
    r"rodné\s+číslo|rodne\s+cislo|personnummer|cpr-nummer|bsn-nummer|burgerservicenummer|"
    r"sofinummer|ahv-nummer|ahv-nr\.?|numéro\s+avs|numero\s+avs|n\.\s*avs|n°\s*avs|"
    r"numéro\s+d'assurance\s+sociale|número\s+de\s+seguro\s+social|"
    r"n[°º]\s*de\s+(?:cuil|cuit|dni)|número\s+de\s+(?:cuil|cuit|dni|documento)|"
    r"documento\s+nacional\s+de\s+identidad|t\.\s*c\.\s*kimlik\s+numaras\u0131|kimlik\s+numaras\u0131|"
    r"numer\s+pesel|identiteitsnummer|id-nummer|id-nommer|personalausweisnummer|pnr|"
    r"cadastro\s+de\s+pessoas\s+físicas|número\s+do\s+cpf|"
    r"national\s+code|teudat\s+zehut|cod\s+numeric\s+personal|cnp-ul(?:\s+(?:dumneavoastră|dvs\.?|meu|tău))?|"
    r"curp(?:\s+del\s+(?:paciente|titular|solicitante))?"
)
_LABEL_ACRONYMS = (
    r"NINO|NI\s+No\.?|NI\s+number|SIN|NAS|IRD|UID|UIDAI|PAN|HKID|CUIL|CUIT|D\.N\.I\.|DNI|NIE|NIF|"
    r"CPF|BSN|PESEL|CPR|AHV|AVS|TCKN|RČ|TIN|NIR|CNP|INN|\u0418\u041d\u041d"
)
_NATIVE_LABELS = (
    r"आधार(?:\s+(?:नंबर|संख्या|कार्ड))?|पैन(?:\s+(?:नंबर|कार्ड))?|香港身份證(?:號碼)?|身份證號碼|身份证号码|"
    r"身分證|マイナンバー|個人番号|주민등록번호|"
    r"\u0391\u039c\u039a\u0391|\u0391\u03a6\u039c"  # (Greek AMKA, AFM)
)
_BETWEEN = (
    # between the label and the value: "no.", a country in brackets, a verb, "on file to"
    r"(?:[^\S\n]+(?i:no\.?|nr\.?|n[°º]\.?|number|nummer|nommer|número|numero))?"
    r"(?:[^\S\n]*\([^()\n]{2,30}\))?"
    r"(?:[^\S\n]+(?i:is|es|est|ist|è|é|är|er|era|was|on\s+file\s+to|to|lautet|luidt|numaram|numaras\u0131))?"
    r"[^\S\n]*(?:[:\uff1a#=]|-(?=[^\S\n])|\.{2,}|\u2026)?[^\S\n]*"  # `:`, `-`, leader dots
)
_VALUE = (
    r"([A-Z0-9](?:[A-Z0-9]|[ .\-/](?=[A-Z0-9])|\((?=[0-9A]\)))(?:[A-Z0-9]|[ .\-/](?=[A-Z0-9])|[()]){4,22})"
)
_LABELLED = re.compile(rf"(?:(?i:\b(?:{_LABEL_WORDS}))|\b(?:{_LABEL_ACRONYMS})(?![\w-]))" + _BETWEEN + _VALUE)
"""A national-id label in Latin letters, then the value (tried at the words `_LABEL_KEYS` only)."""
_NATIVE_LABELLED = re.compile(f"(?:{_NATIVE_LABELS})" + _BETWEEN + _VALUE)
_LABEL_KEYS = tuple(
    dict.fromkeys(
        w[:3]
        for w in [
            "national",
            "social",
            "personal",
            "identity",
            "identification",
            "civil",
            "citizen",
            "id",
            "czech",
            "slovak",
            "birth",
            "tax",
            "taxpayer",
            "resident",
            "hkid",
            "ird",
            "aadhaar",
            "my",
            "rodné",
            "rodne",
            "personnummer",
            "cpr",
            "bsn",
            "burgerservicenummer",
            "sofinummer",
            "ahv",
            "numéro",
            "numero",
            "n",
            "nº",
            "número",
            "documento",
            "t",
            "kimlik",
            "numer",
            "identiteitsnummer",
            "personalausweisnummer",
            "pnr",
            "cadastro",
            "nino",
            "ni",
            "sin",
            "nas",
            "uid",
            "uidai",
            "pan",
            "cuil",
            "cuit",
            "d",
            "dni",
            "nie",
            "nif",
            "cpf",
            "pesel",
            "avs",
            "tckn",
            "rč",
            "tin",
            "nir",
            "teudat",
            "cod",
            "cnp",
            "curp",
            "inn",
            "\u0438\u043d\u043d",
        ]
    )
)
"""Index keys of the words a label starts with (`word_positions`): the first three letters, or the word."""
_LABEL_PREFIXES = prefix_table(
    (
        *(
            "national",
            "social",
            "personal",
            "identi",
            "id card",
            "civil",
            "citizen",
            "czech",
            "slovak",
            "birth",
        ),
        *("tax", "resident", "hkid", "ird", "aadhaar", "my number", "rodn", "personnummer", "cpr", "bsn"),
        *("burgerservice", "sofinummer", "ahv", "numéro", "numero", "n.", "n°", "nº", "número", "documento"),
        *("t.", "t ", "kimlik", "numer", "id-n", "personalausweis", "pnr", "cadastro", "nino", "ni ", "sin"),
        *("nas", "uid", "pan", "cuil", "cuit", "d.n.i", "dni", "nie", "nif", "cpf", "pesel", "avs", "tckn"),
        *(
            "rč",
            "tin",
            "nir",
            "national code",
            "teudat",
            "cod numeric",
            "cnp",
            "curp",
            "inn",
            "\u0438\u043d\u043d",
        ),
    )
)
"""What every label starts with, lower-cased (`scan_words`): tried only at the words that start so."""
_NATIVE_GATES = (
    "आधार",
    "पैन",
    "身份",
    "身分",
    "マイナンバー",
    "個人番号",
    "주민등록번호",
    "\u03b1\u03bc\u03ba\u03b1",
    "\u03b1\u03c6\u03bc",
)


def labelled_ids(text: str) -> list[Span]:
    """A code after a national-id label (see the module docstring)."""
    if digit_runs(text)[1] < 2:
        return []
    matches = list(scan_words(_LABELLED, text, _LABEL_KEYS, _LABEL_PREFIXES))
    if has_any(text, _NATIVE_GATES):
        matches += _NATIVE_LABELLED.finditer(text)
    found = []
    for m in matches:
        value = m.group(1).rstrip(" .-/(")
        if value.count("(") != value.count(")"):
            value = value.split("(")[0].rstrip()
        digits = sum(c.isdigit() for c in value)
        if digits >= 4 and digits * 2 >= len(_digits_and_letters(value)) - 2:
            found.append(Span("ssn", m.start(1), m.start(1) + len(value), 0.9))
    return found


def _digits_and_letters(value: str) -> str:
    return "".join(c for c in value if c.isalnum())
