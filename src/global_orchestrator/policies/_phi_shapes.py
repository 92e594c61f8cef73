"""Identifiers with a shape of their own, checked by a validator where one exists.

Email, URL tied to a person or record, IPv4/IPv6, SSN (area, group and serial rules; `-`,
`.` or space between the groups), phone and fax (North American, international `+44 ...`
/ `0049 ...`, national trunk `020 7946 0958`, seven digits after a phone cue), card numbers
(Luhn), VINs (check digit), Medicare MBIs, DEA numbers (checksum), MAC addresses, UDIs.

Every pattern starts at a position a run of its characters can start at only once (a
look-behind on the same characters) and bounds its repetitions, so a scan is linear in
the length of the text, whatever the text.
"""

from __future__ import annotations

import re

from global_orchestrator.policies._phi_spans import (
    ASCII_UPPER,
    DIGIT,
    TOLL_FREE,
    Span,
    WordGate,
    digit_runs,
    digit_shape,
    grouped,
    match_at,
    ours,
    word_keys,
)

_EMAIL = re.compile(
    r"(?<![\w.+-])([\w.+-]{1,64})@[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.[a-z]{2,24}\b", re.IGNORECASE
)
_ROLE_MAILBOXES = frozenset(
    """info hello hi support help care team press sales contact contactus noreply no-reply news
    newsletter marketing orders service customerservice admin office billing events jobs careers
    media partners feedback privacy legal webmaster shop store
    ir investors investor investorrelations investor-relations investor.relations pr publicity
    communications comms newsroom hr humanresources recruiting recruitment talent hiring
    partnerships partner sponsorship sponsors affiliates wholesale returns warranty orders
    customercare customer-service customer.service helpdesk servicedesk accessibility compliance
    security abuse postmaster hostmaster donotreply do-not-reply notifications alerts updates
    accounts accounting finance payments invoices ap ar reservations bookings booking catering
    donations giving community social studio membership members rewards enquiries inquiries
    general mail reception frontdesk appointments scheduling""".split()  # noqa: SIM905
)
"""Mailboxes of a role, not a person (`ir@brand.com`, `press@`, `careers@`): no finding."""
# \b(?:https?://|www\.)..., led by a class of its first character (see below), same matches
_URL = re.compile(r"[hw](?<!\w.)(?:(?<=[hH])ttps?://|(?<=[wW])ww\.)[^\s<>\"']{1,2000}", re.IGNORECASE)
_PERSONAL_URL = re.compile(
    r"/(?:patients?|records?|charts?|mrn|members?|users?|profiles?|customers?|people|persons?|"
    r"accounts?|in|u)(?:/|\?|$)|[?&](?:id|uid|pid|mid|user|member|patient|mrn|customer)=|"
    r"(?P<social>(?:facebook|instagram|twitter|x|linkedin|tiktok|threads)\.com/"
    r"(?!(?:company|school|showcase|pages|groups|hashtag|events|jobs|business|explore)\b)@?[\w.-]{2,})",
    re.IGNORECASE,
)
_ID_SEGMENT = re.compile(
    r"/(?:\d{5,}|(?=[a-z0-9]{0,15}\d)(?=[a-z0-9]{0,15}[a-z])[a-z0-9]{8,16}|[0-9a-f]{8}-[0-9a-f-]{27})(?=[/?#]|$)"
)
"""A path segment that is a record's own id: five digits or more, a random token of letters and digits, a
UUID."""


_SHOP_SEGMENTS = frozenset(
    [
        "p",
        "product",
        "products",
        "item",
        "items",
        "sku",
        "shop",
        "store",
        "collections",
        "collection",
        "category",
        "catalog",
        "catalogue",
        "sale",
        "deals",
        "deal",
        "promo",
        "campaign",
        "campaigns",
        "offer",
        "offers",
        "article",
        "articles",
        "blog",
        "news",
        "post",
        "posts",
        "event",
        "events",
        "video",
        "videos",
        "page",
        "pages",
        "release",
        "releases",
        "recipe",
        "recipes",
        "listing",
        "listings",
    ]
)
"""Path segments before a product's, an article's or a campaign's number (`/p/88213`, `/shop/12345`)."""


def _id_path(url: str) -> bool:
    """The URL's path holds a segment that is an id (`_ID_SEGMENT`), not a product's or an article's."""
    rest = url.split("//", 1)[-1]
    slash = rest.find("/")
    if slash == -1:
        return False
    for m in _ID_SEGMENT.finditer(rest, slash):
        before = rest[rest.rfind("/", 0, m.start()) + 1 : m.start()].lower()
        if not (m.group(0)[1:].isdigit() and before in _SHOP_SEGMENTS):
            return True
    return False


_BARE_SOCIAL = re.compile(
    r"(?<![\w./@-])(?i:facebook|instagram|twitter|x|linkedin|tiktok|threads)\.com/[^\s<>\"']{2,200}"
)
_TLD = r"(?i:com|org|net|edu|gov|io|us|co|info|me|app|health|care|uk|ca|au|de|fr|nl|ie|nz)"
_BARE_HOST = re.compile(
    rf"[a-zA-Z0-9](?<![\w./@:-].)(?:[a-zA-Z0-9-]{{0,62}}\.)(?:[a-zA-Z0-9-]{{1,63}}\.){{0,3}}{_TLD}/[^\s<>\"']{{2,200}}"
)
"""A web address written without scheme or `www.` (`portal.mercyhealth.org/u/jdoe42`): a person's when
its path is (`_PERSONAL_URL`), as with a scheme."""
_BARE_HOST_GATE = re.compile(rf"\.{_TLD}/")
"""A gate: every `_BARE_HOST` match holds its top-level domain and a slash (`.org/`)."""
# Each digit-led pattern opens with a character class (the first character; a look-behind
# on it then picks the branch), so that Python's regex engine skips to candidates in C
# instead of trying the pattern at every position (~5x faster). Same matches as written
# plainly, e.g. `(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}...` for IPv4.
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_IPV4 = re.compile(
    r"\d(?<![\w.]\d)(?:(?<=2)5[0-5]|(?<=2)[0-4]\d|(?<=1)\d\d|(?<=[1-9])\d|)\."
    rf"(?:{_OCTET}\.){{2}}{_OCTET}(?![\w.]\d)"
)
_IPV6 = re.compile(
    r"(?<![\w:])(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}(?![\w:])|(?<![\w:])(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}:?){1,6}(?![\w:])",
    re.IGNORECASE,
)
# gates, led by a literal (the engine skips to it in C): an IPv6 address without "::" holds
# _HEX_COLONS, an IPv4 address _IPV4_PART
_HEX_COLONS = re.compile(r":[0-9a-f]{1,4}:[0-9a-f]{1,4}:", re.IGNORECASE)
_IPV4_PART = re.compile(r"\.\d{1,3}\.\d{1,3}\.\d")
_SSN = re.compile(r"(\d(?<![\d.-]\d)\d{2})([- .])(\d{2})\2(\d{4})(?![\d-]|\.\d)")
# North American: a letter may touch it ("call555-201-7788"), a digit may not
# (?<![\d+/.-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\d-])
_LOCAL = r"\d{3}[\s.-]\d{4}(?![\d-])"
_PHONE = re.compile(
    rf"[+(\d](?<![\d+/.-].)(?:(?<=\+)1[\s.-]?(?:\(\d{{3}}\)\s?|\d{{3}}[\s.-]){_LOCAL}|"
    rf"(?<=1)[\s.-]?(?:\(\d{{3}}\)\s?|\d{{3}}[\s.-]){_LOCAL}|(?<=\()\d{{3}}\)\s?{_LOCAL}|(?<=\d)\d{{2}}[\s.-]{_LOCAL})"
)
# international: +CC or 00CC, then 6-13 more digits in groups (not glued to a code by "-":
# "mod-0011882405" is an id; an unbroken 00 digit run needs a phone cue, see `phones`)
_PHONE_INTL = re.compile(
    r"[+0](?<![\w+-].)(?:(?<=\+)|(?<=0)0)[1-9]\d{0,2}(?:[\s.-]?\(0\))?(?:[\s.-]?\(?\d{1,5}+\)?){2,6}+(?![\d/])"
)
# national with a trunk zero: "020 7946 0958", "030-12345678", "(11) 91234-5678"
_PHONE_TRUNK = re.compile(
    r"[(0](?<![\w+.,/-].)(?:(?<=\()0|(?<=0))[1-9]\d{0,3}+\)?(?:[\s.-]\d{2,8}+){1,4}+(?![\d/-])"
)
_PHONE_GROUPS = re.compile(
    r"[(\d](?<![\w+.,/-].)(?:(?<=\()\d{2,4}+\)?(?:[\s.-]\d{2,5}+){1,4}+(?![\d/-])|"
    r"(?<=\d)\d{1,3}+\)?(?:[\s.-]\d{2,5}+){1,4}+(?![\d/-])|(?<=\d)\d{7,12}+(?![\w/-]))"
)
_PHONE_CUE = re.compile(
    r"(?i:\b(?:tel|telephone|phone|ph|cell|mobile|mob|call|called|calling|rang|dial(?:l?ed)?|pager|beeper|fax|fx|contact|reach|telefon|office|"
    r"t[ée]l[ée]phone|t[ée]l|m[óo]vil|cellulare|telefono|numer|whatsapp|sms|text|home|work|number|"
    r"cel|celular|unreachable|reached|voicemail|vm|proxy|chiamare|chiamami|chiama|telefonare|appeler|appelez|"
    r"appelle[rz]?|llamar(?:me|nos)?|ll[áa]mame|llame|ligar|liga|anrufen|ruf|bellen|bel|ring|ringe|soita|zadzwo[ńn]|"
    r"recapito|contattare|contattarmi|joindre|joignable|bereikbaar|erreichbar)\b"
    r"[^\n\d]{0,24})$"
)
_PHONE_CUE = re.compile(grouped(_PHONE_CUE.pattern), _PHONE_CUE.flags)  # same matches, fewer tests
# index keys (`WordGate`) of the words every match of _PHONE_CUE starts with
_PHONE_CUE_KEYS = word_keys(
    [
        *("tel", "telephone", "phone", r"ph\b", "cell", "mobile", "mob", "call", "called", "calling", "rang"),
        *(
            "dial",
            "pager",
            "beeper",
            "fax",
            r"fx\b",
            "contact",
            "reach",
            "telefon",
            "téléphone",
            "tél",
            "móvil",
            "movil",
        ),
        *("cellulare", "telefono", "numer", "whatsapp", "sms", "text", "home", "work", "number", "office"),
        *(r"cel\b", "celular", "unreachable", "reached", "voicemail", r"vm\b", "proxy"),
        *("chiamare", "chiamami", "chiama", "telefonare", "appeler", "appelez", "appelle", "llamar"),
        *("llámame", "llamame", "llame", "ligar", r"liga\b", "anrufen", r"ruf\b", "bellen", r"bel\b"),
        *(r"ring\b", "ringe", "soita", "zadzwoń", "zadzwon", "recapito", "contattare", "contattarmi"),
        *("joindre", "joignable", "bereikbaar", "erreichbar"),
    ]
)
_PHONE_WORD = re.compile(
    r"(?i:\b(?:tel|telephone|phone|ph|cell|mobile|mob|call|called|calling|rang|dial(?:l?ed)?|pager|fax|fx|"
    r"telefon|t[ée]l[ée]phone|t[ée]l|m[óo]vil|cellulare|telefono|whatsapp|sms|voicemail|ring|ringde|"
    r"mobil|handy|chiamare|chiamami|chiama|telefonare|appeler|appelez|llamar|ll[áa]mame|llame|ligar|anrufen|"
    r"bellen|soita|zadzwo[ńn])\b[^\n\d]{0,24})$"
)
"""The cues that name a phone (`_PHONE_CUE` without "number", "home", "work", "contact" ...)."""
_LETTER_LABEL = re.compile(r"[ \t]*(?i:[mtpchw]|mob|tel|ph)[ \t]*[:.][ \t]*")
"""A one-letter phone label opening a line (`M: 91434615`, `T. 020 7946 0958` in a signature)."""
# `(?<=[A-Za-z])\+?\d{10,13}(?![\w/-])`, led by a class of its first character (`+` or a digit:
# the engine skips to those in C); the look-behinds after it pick the letter before and the branch
_GLUED = re.compile(r"[+\d](?<=[A-Za-z].)(?:(?<=\+)\d{10,13}|(?<=\d)\d{9,12})(?![\w/-])")
"""Digits glued to the word before them (`call5551234567`): a phone when that word is a cue."""
_GLUED_CUE = re.compile(
    r"(?i:(?<![a-z])(?:call|tel|ph|phone|cell|mobile|mob|text|txt|sms|fax|whatsapp|at|on))\Z"
)
_AFTER_RELATIVE = re.compile(
    r"\((?i:son|daughter|wife|husband|partner|spouse|mother|father|mom|mum|dad|sister|brother|niece|nephew|"
    r"friend|caregiver|guardian|aunt|uncle|grandson|granddaughter|grandmother|grandfather|neighbou?r)\),?[^\S\n]*"
    r"(\(?[2-9]\d\d\)?[2-9]\d{6})(?![\w/-])"
)
"""A number after a relative named in brackets, as a note's contact line writes it (`(son), 4146396868`)."""
_MASKED_SSN = re.compile(
    r"(?<![\w*\u2022-])(?:XXX|xxx|\*\*\*|\u2022{3})([- ])(?:XX|xx|\*\*|\u2022{2})\1\d{4}(?![\d-])"
)
"""A social security number masked but for its last four digits (`XXX-XX-7200`, `***-**-4729`)."""
_SSN_SHAPE = re.compile(r"\d{3}([- .])\d{2}\1\d{4}")
_DATE_SHAPE = re.compile(
    r"(?:0?[1-9]|[12]\d|3[01])([./-])(?:0?[1-9]|1[0-2])\1(?:19|20)\d\d|(?:19|20)\d\d([./-])(?:0?[1-9]|1[0-2])\2(?:0?[1-9]|[12]\d|3[01])"
)
"""A calendar date in numbers (`03.05.2025`, `2025-05-03`): never a phone number, whatever its trunk zero."""
POSTCODE_SHAPE = re.compile(r"\d{5}-\d{3}")
"""A Brazilian CEP (`01310-100`, `04567-000`): five digits, a hyphen, three; with its trunk zero it
reads as a national phone number, and is one only after a phone cue (`Tel. 01310-100` is rare;
Portuguese `1000-001`, Polish `00-950` and Japanese `100-0001` postcodes are no phone's shape)."""
_SEVEN = re.compile(r"\d{3}[\s-]\d{4}")
_FAX_CUE = re.compile(r"\b(?:fax|fx\b)", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?;]\s")
_CARD = re.compile(r"\d(?<![\w-]\d)(?:\d{3}[ -]?\d{6}[ -]?\d{5}|\d{3}(?:[ -]?\d{4}){2}[ -]?\d{1,7})(?![\w-])")
_VIN = re.compile(
    r"[A-HJ-NPR-Z0-9](?<!\w.)(?=[A-HJ-NPR-Z0-9]{16}\b)(?:(?<=\d)|(?=[A-HJ-NPR-Z0-9]{0,15}\d))[A-HJ-NPR-Z0-9]{16}\b"
)
_MBI = re.compile(
    r"[1-9](?<!\w.)[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?"
    r"[AC-HJKMNP-RT-Y]{2}\d{2}\b"
)
_DEA = re.compile(r"[ABFGM](?<!\w.)[A-Z9]\d{7}\b")
# \b[0-9A-F]{2}(?:([:-])[0-9A-F]{2})(?:\1[0-9A-F]{2}){4}\b, led by a class (see above)
_MAC = re.compile(r"[0-9A-F](?<!\w.)[0-9A-F](?:([:-])[0-9A-F]{2})(?:\1[0-9A-F]{2}){4}\b", re.IGNORECASE)
_MAC_PART = re.compile(r"[:-][0-9A-F]{2}[:-][0-9A-F]{2}[:-]", re.IGNORECASE)  # a gate: every MAC holds one
_UDI = re.compile(r"\(01\)\d{14}(?:\(\d{2}\)[\w-]{1,40}){0,6}")
_NON_DIGIT = re.compile(r"\D")


def _email_starts(text: str) -> list[int]:
    r"""Where an `_EMAIL` match can start: each `@`'s run of `[\w.+-]` before it, from its first character.

    The look-behind forbids starting inside such a run, so a match starts where the run
    does (if it is 1-64 characters long); the regex is tried there only (`match_at`),
    not at every position.
    """
    starts: list[int] = []
    at = text.find("@")
    while at != -1:
        start = at
        while start > 0 and start > at - 65 and _local_char(text[start - 1]):
            start -= 1
        if start < at and not (start > 0 and _local_char(text[start - 1])):
            starts.append(start)
        at = text.find("@", at + 1)
    return starts


def _local_char(c: str) -> bool:
    r"""What `[\w.+-]` matches."""
    return c.isalnum() or c in "_.+-"


def _ssn_ok(area: str, group: str, serial: str) -> bool:
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


def luhn_ok(digits: str) -> bool:
    """The Luhn check of a run of digits holds (cards, IMEIs, Swedish personnummer)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


_VIN_VALUES = {
    **{str(d): d for d in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def _vin_ok(vin: str) -> bool:
    """The VIN check digit (position 9) matches."""
    total = sum(_VIN_VALUES.get(c, -100) * w for c, w in zip(vin.upper(), _VIN_WEIGHTS, strict=True))
    if total < 0:
        return False
    check = total % 11
    return vin[8].upper() == ("X" if check == 10 else str(check))


def _dea_ok(dea: str) -> bool:
    d = [int(c) for c in dea[2:]]
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


def phone_kind(text: str, start: int) -> str:
    before = text[max(0, start - 50) : start]
    low = before.lower()
    if "fax" not in low and "fx" not in low:  # (a gate: every _FAX_CUE match is "fax" or "fx", any case)
        return "phone"
    clause = _SENTENCE_BREAK.split(before)[-1]
    return "fax" if _FAX_CUE.search(clause) else "phone"


_FREEPHONE = re.compile(r"\(?(?:0800|1[38]00)\)?[-.\s]{1,2}\d|\+44[-.\s]?(?:\(0\)[-.\s]?)?800[-.\s]{1,2}\d")
"""A freephone or shared-cost number of another country written with its prefix apart (the UK's, Germany's,
New Zealand's `0800 ...`, Australia's and Ireland's `1800 ...`, Australia's `1300 ...`, `+44 800 ...`): a
business's line. A North American area code never starts with 1 or 0, so none is read for one."""


def freephone(value: str) -> bool:
    """Another country's freephone or shared-cost number written with its prefix apart (`_FREEPHONE`)."""
    return value[:1] in "01(+" and 10 <= _digits(value) <= 12 and _FREEPHONE.match(value.lstrip()) is not None


def toll_free(value: str) -> bool:
    """A toll-free number: North American (`1-800-...`) or another country's freephone (`0800 ...`)."""
    if freephone(value.lstrip()):
        return True
    digits = _NON_DIGIT.sub("", value)
    if len(digits) == 11 and digits[0] == "1":
        digits = digits[1:]
    return len(digits) == 10 and digits[:3] in TOLL_FREE


def _digits(s: str) -> int:
    return sum(map(str.isdigit, s))


def _cued(cues: WordGate, start: int) -> bool:
    """A phone cue ("tel", "call", "mobile" ...) shortly before `start` (`cues`: the text's cue words)."""
    return cues.search(_PHONE_CUE, max(0, start - 40), start)


def phones(text: str, record: bool) -> list[Span]:
    """Phone and fax numbers; `record` (a patient record) lets bare seven-digit numbers count."""
    found: list[Span] = []
    local = "\x03\x04" in digit_shape(text)  # runs of 3 and 4 digits: "201-7788" (`_LOCAL`)
    cues = WordGate(text, _PHONE_CUE_KEYS)
    for m in _PHONE.finditer(text) if local else ():
        if toll_free(m.group(0)) or ours(text, m.start()):
            continue
        found.append(Span(phone_kind(text, m.start()), m.start(), m.end(), 0.9))
    for pattern, score in ((_PHONE_INTL, 0.9), (_PHONE_TRUNK, 0.8)):
        for m in pattern.finditer(text):
            value = m.group(0).rstrip(" .-/")
            if (
                toll_free(value)
                or _SSN_SHAPE.fullmatch(value)
                or _DATE_SHAPE.fullmatch(value)
                or ours(text, m.start())
            ):
                continue
            if value.startswith("00") and value.isdigit() and not _cued(cues, m.start()):
                continue  # "0011882405" alone is any number: order ids, tracking codes
            if POSTCODE_SHAPE.fullmatch(value) and not _cued(cues, m.start()):
                continue  # "CEP 01310-100": a postcode
            if 8 <= _digits(value) <= 15:
                found.append(Span(phone_kind(text, m.start()), m.start(), m.start() + len(value), score))
    for m in _PHONE_GROUPS.finditer(text):
        value = m.group(0)
        n = _digits(value)
        seven = n == 7 and record and _SEVEN.fullmatch(value) is not None
        cued = 7 <= n <= 13 and _cued(cues, m.start())  # (the window read only for a number that long)
        if cued and n == 8 and value.isdigit():
            # eight digits unbroken (a Nordic number, `ring 47587642`; an order number too):
            # only after a cue that names a phone, not after "number", "home" or "work"
            cued = _PHONE_WORD.search(text, max(0, m.start() - 40), m.start()) is not None
        if 8 <= n <= 13 and not cued:
            line = text.rfind("\n", 0, m.start()) + 1
            cued = m.start() - line <= 8 and _LETTER_LABEL.fullmatch(text, line, m.start()) is not None
        if (cued or seven) and not toll_free(value) and not ours(text, m.start()):
            if _DATE_SHAPE.fullmatch(value):
                continue
            found.append(Span(phone_kind(text, m.start()), m.start(), m.end(), 0.75))
    # a glued number is a run of 10-13 digits (`\d{10,13}`): none without a run that long
    for m in _GLUED.finditer(text) if digit_runs(text)[1] >= 10 else ():
        if _GLUED_CUE.search(text, max(0, m.start() - 9), m.start()) and not toll_free(m.group(0)):
            found.append(Span(phone_kind(text, m.start()), m.start(), m.end(), 0.75))
    # ten digits unbroken after a relative named in brackets (`HCP: James Ross (son), 4146396868`)
    if ")" in text and digit_runs(text)[1] >= 10:
        for m in _AFTER_RELATIVE.finditer(text):
            if not toll_free(m.group(1)):
                found.append(Span("phone", m.start(1), m.end(1), 0.7))
    # (no closing bracket the number did not open: `(+1-563-270-5847)`)
    return [
        s._replace(end=s.end - 1) if text[s.end - 1] == ")" and "(" not in text[s.start : s.end] else s
        for s in found
    ]


def shapes(text: str, record: bool) -> list[Span]:
    """Every shaped identifier in `text` (see the module docstring)."""
    found: list[Span] = []
    if "@" in text:
        for m in match_at(_EMAIL, text, _email_starts(text)):
            if m.group(1).lower() not in _ROLE_MAILBOXES:
                found.append(Span("email", m.start(), m.end(), 0.99))
    if "http" in text or "www." in text:
        for m in _URL.finditer(text):
            url = m.group(0).rstrip(".,;:)]}!?")
            personal = _PERSONAL_URL.search(url)
            # a social account behind "follow us on" is the business's own, not a person's
            if personal and not (personal.group("social") and ours(text, m.start())):
                found.append(Span("url", m.start(), m.start() + len(url), 0.9))
            elif personal is None and _id_path(url) and not ours(text, m.start()):
                # a link to one visit, appointment or chart (`.../MyChart/Visit/6280594`,
                # `.../p/0ubk1hjicx`): a person's in a text about one
                found.append(Span("url", m.start(), m.start() + len(url), 0.7, weak=True))
    if ".com/" in text:  # a profile written without scheme or www (`linkedin.com/in/priya-raman`)
        for m in _BARE_SOCIAL.finditer(text):
            url = m.group(0).rstrip(".,;:)]}!?")
            if _PERSONAL_URL.search(url) and not ours(text, m.start()):
                found.append(Span("url", m.start(), m.start() + len(url), 0.85))
    if _BARE_HOST_GATE.search(text) is not None:  # any host so written (`portal.x.org/u/jdoe42`)
        for m in _BARE_HOST.finditer(text):
            url = m.group(0).rstrip(".,;:)]}!?")
            personal = _PERSONAL_URL.search(url)
            if personal and not personal.group("social") and not ours(text, m.start()):
                found.append(Span("url", m.start(), m.start() + len(url), 0.85))
            elif personal is None and _id_path(url) and not ours(text, m.start()):
                found.append(Span("url", m.start(), m.start() + len(url), 0.7, weak=True))
    digit = DIGIT.search(text) is not None  # every shape but email, URL, IPv6 and MAC holds one
    if digit and digit_runs(text)[0] >= 4 and text.count(".") >= 3 and _IPV4_PART.search(text):
        # loopback and unspecified addresses name this machine, never a person's device
        found += [
            Span("ip_address", m.start(), m.end(), 0.9)
            for m in _IPV4.finditer(text)
            if not m.group(0).startswith(("127.", "0.0.0.0"))
        ]
    if "::" in text or (text.count(":") >= 7 and _HEX_COLONS.search(text)):
        found += [
            Span("ip_address", m.start(), m.end(), 0.9)
            for m in _IPV6.finditer(text)
            if m.group(0).count(":") >= 2
        ]
    if digit:
        found += _numbers(text, record)
    if (text.count(":") >= 5 or text.count("-") >= 5) and _MAC_PART.search(text):
        found += [Span("device_identifier", m.start(), m.end(), 0.85) for m in _MAC.finditer(text)]
    if "(01)" in text:
        found += [Span("device_identifier", m.start(), m.end(), 0.9) for m in _UDI.finditer(text)]
    return found


def _numbers(text: str, record: bool) -> list[Span]:
    """SSNs, phone and fax numbers, cards, VINs, MBIs and DEA numbers.

    Each is skipped when the text has too few digits for it (an SSN has 9, a phone number
    at least 7, a card 13), not the runs of digits it is made of (`digit_shape`: an SSN's
    3-2-4, a DEA number's 7 or 8) or, for VINs, MBIs and DEA numbers, no capital letter.
    """
    found: list[Span] = []
    total, longest = digit_runs(text)
    upper = ASCII_UPPER.search(text) is not None
    if total >= 9 and "\x03\x02\x04" in digit_shape(text):  # runs of 3, 2 and 4 digits
        for m in _SSN.finditer(text):
            if _ssn_ok(m.group(1), m.group(3), m.group(4)):
                found.append(Span("ssn", m.start(), m.end(), 0.95))
    if total >= 4 and ("XX" in text or "xx" in text or "**" in text or "\u2022\u2022" in text):
        found += [Span("ssn", m.start(), m.end(), 0.9) for m in _MASKED_SSN.finditer(text)]
    if total >= 7:
        found += phones(text, record)
    if total >= 13:
        for m in _CARD.finditer(text):
            digits = _NON_DIGIT.sub("", m.group(0))
            if 13 <= len(digits) <= 19 and luhn_ok(digits):
                found.append(Span("account_number", m.start(), m.end(), 0.9))
    if upper or longest >= 17:
        found += [
            Span("vehicle_identifier", m.start(), m.end(), 0.85)
            for m in _VIN.finditer(text)
            if _vin_ok(m.group(0))
        ]
    if upper:
        found += [Span("health_plan_number", m.start(), m.end(), 0.85) for m in _MBI.finditer(text)]
    if upper and ("\x07" in digit_shape(text) or "\x08" in digit_shape(text)):  # [A-Z9] and 7 digits
        found += [
            Span("certificate_license_number", m.start(), m.end(), 0.8)
            for m in _DEA.finditer(text)
            if _dea_ok(m.group(0))
        ]
    return found
