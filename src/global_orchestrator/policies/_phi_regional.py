"""Identifiers of international and administrative text by a label or a national shape (probe9b's classes).

- **An age over 89 as a birthday's ordinal** (`Happy 96th birthday`, `il suo 101° compleanno`,
  `zum 95. Geburtstag`): not a firm's (`our 90th birthday`, `its 100th birthday`).
- **A number plate after a vehicle cue** in any national grouping (`vehicle KG 464XH`, `the plate
  of the car, UE 37 TR 0329`, `Vehicle 230 V 89-58 registered to`): capitals and digits, both, in
  one to four groups of 5 to 10 characters in all; not a label word (`vehicle ID 4471`).
- **An IBAN in any grouping** (`GB30 TAPE 067614 03593784`, `IT81 F12947 95215 668941117318`): the
  country's ISO 13616 length, and its check digits or an account word before it.
- **A customer or account number after a label of another language** (`Uw klantnummer is ...`,
  `Kundennummer:`, `numéro de client`, `número de cuenta`, `numer rachunku`): 6 to 20 digits.
- **National numbers by their labels** (`KRA PIN: A123456789Z`, `SNILS: 123-456-789 01`).
- **A handle someone posts or is reached under** (`Posted by @kay_b`, `DM me u/name`,
  `(posting as @x)`): not a brand's (`follow us @acme`).
- **A birthplace before a birth date** (`nato a Torino il 3 maggio 1950`, `né à Lyon le ...`,
  `born in Leeds on 3 May 1950`): the place, when a date follows its cue.

Probe11's classes: street lines of Russian and Ukrainian (in Cyrillic), Greek, Romanian, Hungarian,
Mexican and Thai layouts (`г. Ишим, ул. Пожарского, д. 9 к. 1/8, 011132`, `Strada Mocanu Nr. 7 Bl. 2
Ap. 8, 353775 Oravita`, `Prolongación México 999 Edif. 209`); a user name without `@` that holds a
digit after a handle's cue or `user` (`DM me emeka.o85`), and a handle signing a message (`... - @x`,
weak).

Each rule is gated on its cue words (or a capital and digits), so texts without one pay a
substring test.
"""

from __future__ import annotations

import re

from global_orchestrator.policies._phi_keyed import vehicle_before
from global_orchestrator.policies._phi_lexicon import LOWER, UPPER, english, is_continent, is_country
from global_orchestrator.policies._phi_spans import DIGIT, Span, has_any

_UP = "A-ZÀ-ÖØ-ÞĀ-Žͱ-Ͽ"
_VIET = [chr(c) for c in range(0x1EA0, 0x1EFA)]
_CAP = UPPER + "".join(c for c in _VIET if c.isupper())
_SMALL = LOWER + "".join(c for c in _VIET if c.islower())
_WORD = rf"[{_CAP}][{_SMALL}'\u2019]+(?:-[{_SMALL}{_CAP}'\u2019]+)*"
"""A capitalised word of a street's or a town's name, in any Latin script (Vietnamese too)."""
_WORDS = rf"{_WORD}(?:[ ](?:{_WORD}|de|del|la|las|los|des|du|al|el|bin|da|do|di)){{0,4}}"
_CYR_CAP = r"[\u0400-\u042f\u0490][\u0430-\u045f\u0491'\u2019-]+"
_CYR_ANY = r"[\u0400-\u045f\u0490\u0491][\u0400-\u045f\u0491'\u2019-]*"
_GR_CAP = r"[\u0386\u0388-\u038f\u0391-\u03a9][\u03ac-\u03ce]*"

# -- ages over 89 as a birthday's ordinal ------------------------------------------------------------
_BIRTHDAY_AGE = re.compile(
    r"(?<![\w.,/-])(9\d|1[01]\d)(?:(?i:st|nd|rd|th)|[°º]|\.|(?i:e|ème|eme|o|a|ste|de|-?(?:ый|й)))?"
    r"[^\S\n]{0,2}(?i:birthday|bday|b-day|compleanno|cumpleaños|cumpleanos|aniversário|aniversario|"
    r"geburtstag|anniversaire|verjaardag|urodziny|fødselsdag|födelsedag|syntymäpäivä)\b"
)
_BIRTHDAY_GATES = (
    *("birthday", "bday", "b-day", "compleanno", "cumplea", "anivers", "geburtstag", "verjaardag"),
    *("urodziny", "fødselsdag", "födelsedag", "syntymäpäivä"),
)
_ORDINAL_WORDS = (
    r"ninetieth|ninety[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
    r"(?:one[ ])?hundredth|(?:one[ ]|a[ ])?hundred[ ](?:and[ ])?"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
)
_BIRTHDAY_WORDS = re.compile(rf"(?i:\b({_ORDINAL_WORDS})[ ]birthday\b)")
"""An age over 89 as an ordinal in words (`her ninety-sixth birthday`, `his hundred and first birthday`)."""
_TURNED_LOCAL = re.compile(
    # a verb of turning an age in another language, then the age and its unit (`ha compiuto 97 anni`,
    # `cumplió 95 años`, `fête ses 92 ans`, `completa 91 anos`, `wird morgen 94`)
    r"(?i:\b(?:compiuto|compie|compir[àa]|festeggia(?:[ ]i[ ]suoi)?|cumpli[óo]|cumple|cumplir[áa]|"
    r"celebra(?:[ ]sus)?|"
    r"f[êe]te(?:ra)?[ ]ses|f[êe]t[ée][ ]ses|vient[ ]d'avoir|completa|completou|completar[áa]|fez|faz|"
    r"skończył[a]?|kończy|fyller|fyllde|täyttää|täytti|wordt|werd|wird|wurde)"
    r"(?:[ ](?:ya|già|déjà|heute|morgen|gestern|hoy|ayer|mañana|oggi|ieri|domani|aujourd'hui|hoje|amanhã|"
    r"ontem|vandaag|morgen|in[ ]\w+|am[ ]\w+)){0,2}[ ])(9\d|1[01]\d)"
    r"(?:[ ](?:anni|años|anos|ans|jahre|jaar|lat|år|vuotta)\b(?![ ](?i:fa|di|de|d'|van|von|of)\b)"
    r"|(?=[ ]*(?:[.!,;]|$)))"
)
_TURNED_GATES = (
    *("compi", "festeggia", "cumpl", "celebra", "fête", "fete", "vient d'avoir", "complet", "fez", "faz"),
    *("kończ", "skończ", "fyll", "täyt", "wordt", "werd", "wird", "wurde"),
)
_FIRM_AFTER = re.compile(
    r"[^.!?\n]{0,40}?\b(?i:brand|store|shop|company|firm|business|caf[ée]|restaurant|bakery|club|magazine|"
    r"blog|channel|app|website|podcast|show|newspaper|hotel|school|university|church|team)\b"
)
"""A firm after the birthday (`Happy 100th birthday to our favourite brand, Acme!`)."""
_FIRM_BEFORE = re.compile(r"(?i:\b(?:our|its|the\s+(?:company|brand|store|shop|firm)['\u2019]s)[^\S\n]+)\Z")

# -- number plates ----------------------------------------------------------------------------------
_ZH_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
"""The one-character province names that open a Chinese number plate (`豫W-17308`)."""
_PLATE_CUE = re.compile(
    r"(?i:\b(?:(?P<bare>vehicle)|vehicle[^\S\n]+(?:reg(?:istration)?|plate)|(?:number|licen[cs]e|car)[^\S\n]+plate|"
    r"plate(?:[^\S\n]+of[^\S\n]+(?:the|his|her|their|my)[^\S\n]+(?:car|vehicle|van|truck|motorbike))?|"
    r"registration[^\S\n]+(?:plate|number|no\.?)|"
    r"(?P<reg>registration(?=[^\S\n]*:)|reg\.?[^\S\n]*(?:no\.?|number|nr\.?)|"
    rf"reg(?=[ ][A-Z0-9{_ZH_PROVINCES}]))|"
    rf"(?P<vreg>registration(?=[ ][A-Z0-9{_ZH_PROVINCES}]))|"
    r"kennzeichen|kenteken|immatriculation|targa|matr[ií]cula|"
    r"placa|tablica[^\S\n]+rejestracyjna|plaka)"
    r"(?:[^\S\n]+(?:number|no\.?|#))?(?:[^\S\n]+(?:is|was|ist|est|è|es|é))?[^\S\n]*[:#,(]?[^\S\n]*)"
    # (a Korean plate holds one Hangul syllable: `12가 3456`; a Chinese one opens with its province's
    # character, `豫W-17308`; a German one may hold an umlaut, `LÖ-O 819`; a British one may have no
    # space, `UT90CHB`)
    rf"(?P<v>(?:[{_ZH_PROVINCES}](?=[A-Z]))?"
    r"(?=[A-Z0-9ÄÖÜ\uac00-\ud7a3·. -]{0,16}\d)(?=[A-Z0-9ÄÖÜ\uac00-\ud7a3·. -]{0,16}[A-ZÄÖÜ\uac00-\ud7a3])"
    r"[A-Z0-9ÄÖÜ\uac00-\ud7a3]{1,8}(?:[ ·.-][A-Z0-9ÄÖÜ\uac00-\ud7a3]{1,6}){0,3})"
    r"(?![\w·-]|\.\w)"
)
_PLATE_GATES = (
    *(
        "vehicle",
        "plate",
        "registration",
        "reg",
        "kennzeichen",
        "kenteken",
        "immatriculation",
        "targa",
        "matr",
        "placa",
    ),
    *("tablica", "plaka"),
)
_NOT_PLATE = re.compile(r"(?:ID|NO|NR|VIN|REG|NUMBER|TYPE|MODEL|CLASS|SUV|UTC|GMT)\b")
"""A label or a word in capitals opening the value (`vehicle ID 4471`, `vehicle VIN ...`)."""
_OWNED_AFTER = re.compile(
    r"[^\S\n]*[(,]?[^\S\n]*(?:(?i:registered|owned|belonging|leased|insured|driven)[^\S\n]+(?:to|by)\b|VIN\b)"
)
"""After a plate: whose vehicle it is (`Vehicle KZX 799L registered to ...`, `vehicle NH 917SU (VIN ...`)."""
_PARTS = re.compile(r"[ ·.-]")
"""What parts a plate's groups (a word of 4 letters or more is no plate's: `2026 MODEL`)."""

# -- IBANs in any grouping --------------------------------------------------------------------------
_IBAN_LENGTH = {
    **dict.fromkeys(("NO",), 15),
    **dict.fromkeys(("BE",), 16),
    **dict.fromkeys(("DK", "FI", "FO", "GL", "NL"), 18),
    **dict.fromkeys(("MK", "SI"), 19),
    **dict.fromkeys(("AT", "BA", "EE", "KZ", "LT", "LU", "XK"), 20),
    **dict.fromkeys(("CH", "CR", "HR", "LI", "LV"), 21),
    **dict.fromkeys(("BG", "BH", "DE", "GB", "GE", "IE", "ME", "RS", "VA"), 22),
    **dict.fromkeys(("AE", "GI", "IL", "IQ", "TL"), 23),
    **dict.fromkeys(("AD", "CZ", "ES", "MD", "PK", "RO", "SA", "SE", "SK", "TN", "VG"), 24),
    **dict.fromkeys(("PT", "ST"), 25),
    **dict.fromkeys(("IS", "TR"), 26),
    **dict.fromkeys(("FR", "GR", "IT", "MC", "MR", "SM"), 27),
    **dict.fromkeys(("AL", "AZ", "BY", "CY", "DO", "GT", "HU", "LB", "PL", "SV"), 28),
    **dict.fromkeys(("BR", "EG", "PS", "QA", "UA"), 29),
    **dict.fromkeys(("JO", "KW", "MU"), 30),
    **dict.fromkeys(("MT", "SC"), 31),
    **dict.fromkeys(("LC",), 32),
    **dict.fromkeys(("RU",), 33),
}
_IBAN_ANY = re.compile(r"(?<![A-Za-z0-9])([A-Z]{2}\d{2})((?:[ ]?[A-Z0-9]{1,12}){1,10})(?![A-Za-z0-9])")
_GROUP = re.compile(r"[ ]?([A-Z0-9]{1,12})")
_ACCOUNT_WORD = re.compile(
    r"(?i:\b(?:iban|account(?:[ ](?:no|number|nr))?|acct|a/c|konto(?:nummer)?|kontonr|rekening(?:nummer)?|"
    r"compte|conto(?:[ ]corrente)?|cuenta|conta|rachunek|rachunku|hesap)\b)"
    r"[ .:#]{0,3}(?:(?i:nr|no)\.?[ ]?)?\Z"
)
"""An account word right before the value: a person's account even when its check digits fail."""


def _iban_ok(code: str) -> bool:
    """The ISO 13616 check (mod 97 of the rearranged number is 1)."""
    digits = "".join(str(int(c, 36)) for c in code[4:] + code[:4])
    return int(digits) % 97 == 1


def _ibans(text: str) -> list[Span]:
    found: list[Span] = []
    for m in _IBAN_ANY.finditer(text):
        want = _IBAN_LENGTH.get(m.group(1)[:2])
        if want is None:
            continue
        code, end = m.group(1), m.end(1)
        for g in _GROUP.finditer(text, m.end(1), m.end()):  # the groups up to the country's length
            if len(code) >= want:
                break
            code, end = code + g.group(1), g.end()
        bban = code[4:]
        if len(code) != want or 2 * sum(c.isdigit() for c in bban) < len(bban):
            continue  # (`MR4058473 SHOULD GET THE FOLLOW`: words after a code)
        if _iban_ok(code) or _ACCOUNT_WORD.search(text, max(0, m.start() - 40), m.start()) is not None:
            found.append(Span("account_number", m.start(), end, 0.85))
    return found


# -- customer and account numbers after a label of another language ---------------------------------
_ACCOUNT_LABEL = re.compile(
    r"(?i:\b(?:klantnummer|klantnr\.?|kundennummer|kundennr\.?|kundnummer|kundenummer|kundenr\.?|asiakasnumero|"
    r"num[ée]ro[^\S\n]+(?:de[^\S\n]+)?client|n[°º][^\S\n]*(?:de[^\S\n]+)?client[e]?|numero[^\S\n]+(?:di[^\S\n]+)?cliente|"
    r"codice[^\S\n]+cliente|n[úu]mero[^\S\n]+de[^\S\n]+(?:cliente|cuenta|conta)|numer[^\S\n]+(?:klienta|rachunku|konta)|"
    r"m[üu][şs]teri[^\S\n]+(?:numaras[\u0131i]|no)|hesap[^\S\n]+(?:numaras[\u0131i]|no)|rekeningnummer|rekeningnr\.?|"
    r"kontonummer|kontonr\.?|num[ée]ro[^\S\n]+de[^\S\n]+compte|numero[^\S\n]+(?:di[^\S\n]+)?conto|"
    r"conto[^\S\n]+corrente|kontonummer|tilinumero|číslo[^\S\n]+účtu)\b)"
    r"\.?(?:[^\S\n]+(?:is|ist|est|è|es|é|jest|er|är|on))?[^\S\n]*[:#]?[^\S\n]*"
    r"((?:[A-Z]{1,3}[- ]?)?\d[\d -]{4,22}\d)(?![\w-])"
)
_ACCOUNT_LABEL_GATES = (
    *("klant", "kunde", "kund", "asiakas", "client", "cuenta", "conta", "klienta", "rachunku", "konta"),
    *("müşteri", "musteri", "hesap", "rekening", "konto", "compte", "conto", "tilinumero", "účtu"),
)

# -- national numbers by their labels -----------------------------------------------------------------
_NATIONAL_LABEL = re.compile(
    r"\b(?:KRA[^\S\n]+PIN|(?i:snils)|СНИЛС)[^\S\n]*(?:(?i:no\.?|number|#))?[^\S\n]*[:#]?[^\S\n]*"
    r"([A-Z]\d{9}[A-Z]|\d{3}-\d{3}-\d{3}[ -]\d{2}|\d{11})(?![\w-])"
)

# -- staff, student and national numbers after labels of many languages ---------------------------------
_STAFF_LABEL = re.compile(
    r"\b(?:(?P<plan>(?i:(?:kranken)?versichertennummer|versicherungsnummer|"
    r"n[úu]mero[ ]de[ ]la[ ]seguridad[ ]social|n[úu]mero[ ]de[ ]afiliaci[óo]n|"
    r"numero[ ]di[ ]tessera[ ]sanitaria))|"
    r"(?i:staff[ ](?:number|no\.?|id|#)|personalnummer|personalnr\.?|personeelsnummer|werknemersnummer|"
    r"matricola|numero[ ]di[ ]matricola|matricule|matrikelnummer|matrikelnr\.?|studentnummer|"
    r"n[úu]mero[ ]de[ ](?:empleado|estudiante|alumno|aluno|funcion[áa]rio|matr[íi]cula)|"
    r"n[º°][ ]?de[ ](?:empleado|estudiante|alumno)|num[ée]ro[ ]d['\u2019](?:employ[ée]|[ée]tudiant)|"
    r"num[ée]ro[ ]de[ ]salari[ée]|numer[ ](?:pracownika|albumu|legitymacji)|anst[äa]llningsnummer|"
    r"mykad)|(?P<acr>RUT|RUN|NIK|IC[ ]No\.?|NSS))\b"
    r"\.?(?:[ ](?:is|ist|est|è|es|é|:))?[ ]?[:#]?[ ]?"
    r"(?P<v>(?:[A-Z]{1,3}[- ]?)?\d[\d./ -]{2,22}[\dA-Z](?:\(\d\))?)(?![\w-])"
)
_STAFF_GATES = (
    *("versicherte", "versicherung", "seguridad social", "afiliaci", "tessera", "staff", "personal"),
    *("personeel", "werknemer", "matric", "studentnummer", "empleado", "estudiante", "alumno", "aluno"),
    *("funcion", "employ", "tudiant", "salari", "pracownika", "albumu", "legitymacji", "anställning"),
    *("anstallning", "rut", "run", "nik", "mykad", "ic no", "nss", "matrik"),
)

_YEAR_ONLY = re.compile(r"(?:19|20)\d\d")
_ANY = re.compile(r".*")
_ACRONYM_VALUE = {
    "RUT": re.compile(r"\d{1,2}\.?\d{3}\.?\d{3}-[\dkK]"),  # Chile's RUT/RUN and its check character
    "RUN": re.compile(r"\d{1,2}\.?\d{3}\.?\d{3}-[\dkK]"),
    "NIK": re.compile(r"\d{16}"),  # Indonesia's NIK
    "NSS": re.compile(r"\d{11}|\d{2}[ /]?\d{8}[ /]?\d{2}"),  # Mexico's NSS, Spain's social security number
    "IC ": re.compile(r"\d{6}-\d{2}-\d{4}|[STFGM]\d{7}[A-Z]"),  # Malaysia's MyKad, Singapore's NRIC
}
"""The shape a value must have after an acronym label (which is a word in upper-case text)."""

# -- handles someone posts or is reached under ----------------------------------------------------
_HANDLE_CUE = re.compile(
    r"(?:(?i:\b(?:(?P<by>(?:posted|written|shared|submitted|reposted)[^\S\n]+by)|posting[^\S\n]+as|"
    r"posted[^\S\n]+as|post(?:ed)?[^\S\n]+under|"
    r"(?:dm|pm|message|msg|text|ping|follow|find|add|contact|reach|tag)[^\S\n]+me(?:[^\S\n]+(?:at|on|via|here))?|"
    r"my[^\S\n]+(?:handle|username|user[^\S\n]*name|account|insta(?:gram)?|ig|twitter|tiktok|reddit|snap(?:chat)?)"
    r"(?:[^\S\n]+is|[^\S\n]*:)?|user(?:[^\S\n]*name)?|login))"
    r"[^\S\n]*:?[^\S\n]*)"
    r"(?P<v>(?:@|u/)(?<![\w@.+-]@)[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,28}[A-Za-z0-9_])?"
    # or a user name without `@` that holds a digit (`DM me emeka.o85`, `Posted by kealoham73`)
    r"|(?=[A-Za-z0-9_.]{0,29}\d)[A-Za-z][A-Za-z0-9_.]{1,28}[A-Za-z0-9_])(?![\w@/]|\.\w)"
    # the poster's town after a middle dot on the byline (`Posted by @kay_b · Leeds`)
    rf"(?:[ ][·•|][ ](?P<town>{_WORDS})(?=[ ]*(?:\n|$)))?",
    re.MULTILINE,
)
_HANDLE_GATES = ("posted", "posting", " me", "my ", " by", "user", "login")
_SIGNED_HANDLE = re.compile(
    r"[-\u2013\u2014](?<=[.!?)\]][^\S\n][-\u2013\u2014])[^\S\n]*(@[A-Za-z0-9_][A-Za-z0-9_.-]{0,28}[A-Za-z0-9_])(?![\w@/]|\.\w)"
)
"""A handle signing a message after its last sentence (`... every night. - @stephanie_norman`)."""
_BARE_HANDLE_GATES = (
    *("posted by", "posting as", "posted as", "written by", "shared by", "submitted by", "dm me", "pm me"),
    *("message me", "msg me", "text me", "ping me", "add me", "user ", "user:", "username", "user name"),
    *("login", "handle"),
)
"""Where a user name without `@` may follow its cue (a gate, folded): the cue regex runs there only."""

# -- a birthplace before a birth date ------------------------------------------------------------------
_PLACE_THEN_DATE = re.compile(
    r"(?i:\b(?:nato|nata|n[ée]e?|nacid[oa]|nascid[oa]|geboren|born|urodzon[ya])[^\S\n]+"
    r"(?:a|à|en|em|in|te|w|at))[^\S\n]+"
    rf"([{_UP}][\w'\u2019-]+(?:[ -](?:(?:de|di|del|da|do|am|an|sur|upon|on)[ ])?[{_UP}][\w'\u2019-]+){{0,3}})"
    r"(?:[^\S\n]*\([^()\n]{1,30}\))?,?[^\S\n]+(?i:il|le|el|em|am|on|dnia|op)[^\S\n]+"
    r"(?=\d|[^\W\d_]+[^\S\n]+\d)"
)
_BIRTH_GATES = ("nato", "nata", "né", "née", "nacid", "nascid", "geboren", "born", "urodzon")


# -- street lines of international layouts -------------------------------------------------------
_STREET_TYPE = (
    r"Street|St\.|Road|Rd\.|Avenue|Ave\.|Way|Lane|Close|Crescent|Drive|Boulevard|Blvd\.?|Highway|Expressway|"
    r"Marg|Salai|Sokak|Caddesi|Cd\.|Sk\."
)
_UNIT = (
    r"(?:House|Plot|Villa|H\.[ ]?No\.|House[ ]No\.?|No\.|Flat|Appt\.?|Apt\.?|Apartment|Unit|Suite|apto\.?)"
)
_STREET_RULES: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    (
        ("house", "plot", "villa", "h.no", "no.", "flat", "appt", "apt", "apartment", "unit", "suite"),
        re.compile(
            # a unit or a lot, then a street with its type (`House 152, Kenyatta Avenue`, `Plot 88, Ogui
            # Road`, `Villa 37, Al Nahda Street`, `H.No. 183-2, Linking Road`, `No. 108, Zand St.`)
            rf"\b{_UNIT}[ ]?(?:\d[\w/-]{{0,7}}|[A-Z]\d{{0,4}}),?[ ]{{1,2}}(?:\d{{1,5}}[a-z]?,?[ ])?"
            rf"{_WORDS}[ ](?:{_STREET_TYPE})(?![\w])|"
            # a unit, then a type-first street of French or another language (`Appt 9, 98 impasse des
            # Tilleuls`)
            rf"\b{_UNIT}[ ]?\d[\w/-]{{0,5}},[ ]\d{{1,5}}[ ]"
            rf"(?:rue|avenue|impasse|allée|chemin|boulevard|place|quai|route|via|calle|rua)[ ]"
            rf"(?:(?:de[ ]la|des|du|de|d'|l')[ ]?)?{_WORDS}"
        ),
    ),
    (
        (", apt", ", flat", ", unit", ", suite", ", room"),
        # a street with its type, then its flat (`Oginga Odinga Street, Apt 4`, `Waiyaki Way, Apt 2`)
        re.compile(
            rf"(?<![\w-]){_WORDS}[ ](?:{_STREET_TYPE}),[ ](?:Apt\.?|Flat|Unit|Suite|Room)[ ]\w{{1,6}}(?![\w])"
        ),
    ),
    (
        ("-daero", "-ro ", "-gil", "-dong"),
        # a Korean road name and building number (`Yeongdong-daero 125, Apt 808`, `Jong-ro 233`)
        re.compile(
            r"(?<![\w-])[A-Z][a-z]+(?:-[a-z]+)?-(?:daero|ro|gil|dong)(?:[ ]\d{1,3}-?gil)?"
            r"[ ]\d{1,4}(?:-\d{1,4})?(?:,[ ](?:Apt\.?|Unit)[ ]\d{1,5})?(?![\w-])"
        ),
    ),
    (
        ("số ",),
        re.compile(rf"(?<![\w])Số[ ]\d{{1,4}}[A-Z]?[ ]{_WORDS}"),
    ),  # a Vietnamese house (`Số 58 Lê Lợi`)
    (
        ("phố", "đường"),
        # a Vietnamese house and alley numbers, then the street by its type (`Số 3/42 phố Lê Duẩn`, `68 Khóm
        # 95 đường số 9`, `Số 9/89/523 Hẻm 78 Phố số 6`)
        re.compile(
            r"(?<![\w/])(?:Số[ ])?\d{1,4}(?:/\d{1,4}){0,3}[ ]"
            r"(?:(?:Hẻm|Ngõ|Ngách|Kiệt|Khóm|Khu|Tổ)[ ]\d{1,4}[ ])?(?:[Pp]hố|[Đđ]ường)"
            rf"(?:[ ]số[ ]\d{{1,4}}|[ ]{_WORDS})"
        ),
    ),
    (
        ("thành phố", "tp. "),
        # a Vietnamese city, after its postal code or in an address's layout (`97760 thành phố Hải Phòng`,
        # `TP. Hà Nội`; weak unless the address goes on: `Living in thành phố Hà Nội now`)
        re.compile(rf"(?<![\w])(?:\d{{5,6}}[ ])?(?:[Tt]hành[ ]phố|TP\.)[ ]{_WORDS}(?:[ ]\d{{5,6}}(?!\d))?"),
    ),
    (
        ("phường", "quận", "huyện", ", p.", ", q."),
        # a number and street before a ward or a district (`12 Nguyễn Huệ, Quận 1`)
        re.compile(
            rf"(?<![\w/-])\d{{1,4}}[A-Z]?(?:/\d{{1,3}})?[ ]{_WORDS},[ ]"
            r"(?:Phường|Quận|Huyện|P\.|Q\.)[ ]?\w{1,20}"
        ),
    ),
    (
        (" bis ", " ter ", " quater "),
        # a French `bis`/`ter` house number (`33 bis rue de la République`)
        re.compile(
            rf"(?<![\w])\d{{1,4}}[ ](?:bis|ter|quater)[ ]"
            rf"(?:rue|avenue|boulevard|impasse|allée|chemin|place|quai|route)"
            rf"[ ](?:(?:de[ ]la|des|du|de|d'|l')[ ]?)?{_WORDS}"
        ),
    ),
    (
        ("ul.", "ulitsa", "pr-t", "prospekt", "per."),
        # a Russian street, house and flat (`ul. Nevsky prospekt, d. 191, kv. 2`)
        re.compile(
            rf"\b(?:ul\.|ulitsa|pr-t|prospekt|per\.)[ ]{_WORDS}(?:[ ](?:prospekt|ulitsa|pereulok|shosse))?"
            rf",[ ]d\.[ ]\d{{1,4}}\w?(?:,[ ](?:kv|korp|str)\.[ ]\d{{1,4}})*"
        ),
    ),
    (
        ("alley", "lane", "kuche"),
        # a street, its alley and house number (`Hafez Ave., Alley 8, No. 165`)
        re.compile(
            rf"(?<![\w-]){_WORDS}[ ](?:{_STREET_TYPE}),?[ ]"
            r"(?:Alley|Lane|Kuche)[ ]\d{1,4},[ ]No\.[ ]\d{1,5}"
        ),
    ),
    (
        ("avda", "avenida", "calle", "c/", "paseo", "plaza", "pza.", "ronda", "camino"),
        # a Spanish type-first street and its number after a comma (`Avda. del Carmen, 11`)
        re.compile(
            r"\b(?:Avda\.|Avenida|Calle|C/|Paseo|Plaza|Pza\.|Ronda|Camino)[ ]"
            rf"(?:(?:de[ ]la|del|de|las|los)[ ])?{_WORDS},[ ]\d{{1,4}}(?![\w.,]\d)"
        ),
    ),
    (
        ("ул.", "пр.", "пер.", "наб.", "алл.", "бул.", "ш.", "пл.", "туп."),
        # a Russian settlement, street, house and its parts, postal code (`г. Ишим, ул. Пожарского, д. 9
        # к. 1/8, 011132`, `клх Серпухов, наб. Энгельса, д. 5, 156550`)
        re.compile(
            rf"(?:(?<![\w.])(?:г|д|п|с|х|ст|пос|клх|рп|снт|мкр|ст-ца)\.?[ ]"
            rf"{_CYR_CAP}(?:[ ]{_CYR_CAP})?,[ ])?"
            r"(?<![\w.])(?:ул|пр|пер|наб|алл|бул|ш|пл|туп|пр-кт|пр-д)\.[ ]"
            rf"{_CYR_ANY}(?:[ ]{_CYR_ANY}){{0,2}},[ ](?:д|дом)\.[ ]?\d{{1,4}}(?:/\d{{1,4}})?"
            r"[\u0430-\u044f]?(?:,?[ ](?:к|корп|стр|кв)\.[ ]?\d{1,4}(?:/\d{1,4})?)*(?:,[ ]\d{6}(?!\d))?"
        ),
    ),
    (
        (
            "вулиця",
            "вул.",
            "провулок",
            "пров.",
            "площа",
            "проспект",
            "просп.",
            "бульвар",
            "шосе",
            "набережна",
        ),
        # a Ukrainian street, house, flat, town and postal code (`площа Гетьманський, буд. 046 кв. 425,
        # Радивилів, 71872`)
        re.compile(
            r"(?<![\w.])(?:вулиця|вул\.|провулок|пров\.|площа|пл\.|проспект|просп\.|бульвар|бул\.|шосе|"
            rf"набережна|алея|узвіз|майдан)[ ]{_CYR_ANY}(?:[ ]{_CYR_ANY}){{0,2}},[ ](?:буд|б)\.[ ]?\d{{1,4}}"
            r"[\u0430-\u044f\u0456]?(?:,?[ ](?:кв|корп)\.[ ]?\d{1,4})*"
            rf"(?:,[ ]{_CYR_CAP}(?:[ ]{_CYR_CAP})?)?(?:,[ ]\d{{5}}(?!\d))?"
        ),
    ),
    (
        tuple("αεοιηυωάέόίήύώ"),
        # a Greek street and number, postal code and town (`Ανανιάδου 56, 43762 Γρεβενά`, `Πλ. Πεύκου
        # 034-638, ΤΚ 26288 Μεσολόγγι`)
        re.compile(
            rf"(?<![\w.])(?:(?:Πλ|Οδ|Λεωφ|Λ)\.[ ])?{_GR_CAP}(?:[ ]{_GR_CAP}){{0,2}}[ ]"
            r"\d{1,4}(?:-\d{1,4})?,{1,2}[ ]"
            rf"(?:Τ\.?Κ\.?[ ])?\d{{3}}[ ]?\d{{2}}(?!\d)(?:[ ]{_GR_CAP}(?:\.(?=[ ]))?(?:[ ]{_GR_CAP}){{0,2}})?"
        ),
    ),
    (
        ("strada", "str.", "bulevardul", "calea", "aleea", "șoseaua", "soseaua", "splaiul", "intrarea"),
        # a Romanian street, number, block, staircase, flat, postal code and town (`Strada Mocanu Nr. 763
        # Bl. 22 Sc. 70 Ap. 778, 353775 Oravita`)
        re.compile(
            r"(?<![\w.])(?:Strada|Str\.|Bulevardul|Bd\.|B-dul|Calea|Aleea|Șoseaua|Soseaua|Splaiul|Intrarea|"
            rf"Piața|Piata)[ ]{_WORDS}[ ]+(?:Nr\.|nr\.)[ ]?\d{{1,4}}[A-Za-z]?"
            r"(?:,?[ ]+(?:Bl|Sc|Et|Ap)\.[ ]?\w{1,4})*"
            rf"(?:,[ ]\d{{6}}(?!\d)(?:[ ]{_WORDS})?)?"
        ),
    ),
    (
        ("utca", " út ", " tér ", "körút", "fasor"),
        # a Hungarian street and number, postal code and town (`Dózsa György utca 118., H-5063 Szeged`)
        re.compile(
            rf"(?<![\w.]){_WORD}(?:[ ][{_SMALL}{_CAP}'-]+){{0,2}}[ ]"
            r"(?:utca|út|tér|körút|köz|sor|fasor|u\.)[ ]"
            rf"\d{{1,4}}\.?(?:[/-]\w{{1,4}})?(?:,[ ](?:H-)?\d{{4}}(?!\d)(?:[ ]{_WORDS})?)?"
        ),
    ),
    (
        (
            *("prolongación", "continuación", "privada", "cerrada", "circuito", "andador", "calzada"),
            *("retorno", "periférico", "corredor", "viaducto", "peatonal", "circunvalación", "callejón"),
        ),
        # a Mexican street by its type, number (exterior, interior), building, flat and colony (`Prolongación
        # México 999 Edif. 209 , Depto. 825, San Cristobal los bajos`)
        re.compile(
            r"(?<![\w.])(?:Prolongación|Continuación|Privada|Cerrada|Circuito|Andador|Calzada|Retorno|Periférico|"
            rf"Corredor|Viaducto|Peatonal|Circunvalación|Callejón)[ ]{_WORDS}[ ]\d{{1,5}}(?:[ ]\d{{1,4}})?"
            r"(?:[ ]*,?[ ]*(?:Edif\.|Depto\.|Int\.|Interior|Mz\.|Lt\.)[ ]?\w{1,5})*"
            rf"(?:[ ]*,[ ]{_WORD}(?:[ ][{_SMALL}{_CAP}]+){{0,3}}(?=[ ]*(?:[.,;\n]|$)))?"
        ),
    ),
    (
        ("ถนน", "ซอย", "ตำบล", "แขวง"),
        # a Thai house number, road or lane, subdistrict, province and postal code
        re.compile(
            r"(?<![\w/])\d{1,4}(?:/\d{1,4})?[ ](?:ถนน|ซอย|หมู่)[\u0e01-\u0e4e]*"
            r"(?:[ ][\u0e01-\u0e4e]+){0,4}(?:[ ]\d{5})?"
        ),
    ),
)
"""Street lines of international layouts, each with the words (lower case) its matches hold: a gate."""
_CUED_STREET = re.compile(
    # after a person's `of`/`at`/`on`, a chat line's speaker or a comma: a Japanese block address
    # (`60-6-30 Ichibancho`), a Vietnamese alley (`175/6 Pasteur`) or an Indian door number
    # (`42, Park Street`)
    rf"(?:(?:\b(?:of|at|on|is)|[:,])[ ]+|^[ ]*)"
    rf"(?P<v>\d{{1,4}}-\d{{1,3}}-\d{{1,4}}[ ](?P<jp>{_WORD})|\d{{1,4}}/\d{{1,3}}[ ](?P<vn>{_WORDS})|"
    rf"\d{{1,4}},?[ ]{_WORDS}[ ](?:{_STREET_TYPE}))(?=[ ]*(?:[,.;\n]|$))",
    re.MULTILINE,
)


_ADDRESS_GOES_ON = re.compile(r"[ ]*(?:[,;)\n]|$|\.(?:\s|$)|[ ]-[ ])")
"""After a street: its town, the line's or the sentence's end, a bracket (not a verb: `Road opens`)."""
_CALENDAR_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december""".split()  # noqa: SIM905
)


def _street_lines(text: str) -> list[Span]:
    found: list[Span] = []
    for gates, pattern in _STREET_RULES:
        if has_any(text, gates):
            # (weak unless the address's layout goes on: `Plot 12, Harbour Road opens for tenants in May`
            # is a landlord's copy; `Plot 12, Harbour Road, Ikeja` or a line of its own is someone's)
            found += [
                Span("address", m.start(), m.end(), 0.8, weak=_ADDRESS_GOES_ON.match(text, m.end()) is None)
                for m in pattern.finditer(text)
            ]
    if "-" in text or "/" in text or "," in text:
        for m in _CUED_STREET.finditer(text):
            word = m.group("jp") or m.group("vn")
            first = word.split()[0].lower() if word is not None else ""
            if first in english() or first in _CALENDAR_WORDS:
                continue  # `24/7 Support`, `1-2-3 Go`, `12-05-24 Monday`: no street's name
            found.append(Span("address", m.start("v"), m.end("v"), 0.75))
    return found


# -- a person's town by its layout ------------------------------------------------------------------
_NAME = rf"(?:{_WORD}|[{_CAP}]{{2,}})"
"""A word of a name, capitalised or in capitals (`FOLAKE`)."""
_SIGNED_TOWN = re.compile(
    # a sign-off's name and town closing a line (`— Santoro, Gianluca, Verona`, `— H. Võ, Vũng Tàu`)
    rf"(?:^|[ ])[\u2014\u2013][ ]?(?:[{_CAP}]\.[ ]?|{_NAME}[ ]|{_NAME},[ ](?={_NAME},)){{0,3}}"
    rf"{_NAME},[ ](?P<v>{_WORDS})[ ]*[.!]?[ ]*$",
    re.MULTILINE,
)
_TOWN_OF = re.compile(
    # a person `of <town>` before what is told of them (`Gianluca Colombo of Firenze, who ...`,
    # `SANTORO, Jacopo of Padova turned 92`)
    rf"(?<=[{_SMALL}{_CAP}])[ ]of[ ](?P<v>{_WORDS})"
    rf"(?=,[ ]who\b|[ ]turned[ ]\d|,[ ](?:aged?[ ])?\d{{1,3}},)"
)
_NOT_PERSON_OF = re.compile(
    r"(?i:\b(?:university|bank|college|department|dept|republic|city|state|institute|museum|church|duke|king|"
    r"queen|mayor|governor|bishop|archbishop|president|prince|princess|minister|ministry|council|county|"
    r"school|hospital|club|port|district|province|kingdom|people|friends|residents|citizens)[ ]of[ ]\Z)"
)
_FROM_TOWN = re.compile(
    # `I'm 34F from Angers`, `moved from Padova to Torino`
    rf"(?i:\b(?:i'?m|i[ ]am)[ ]\d{{1,2}}[ ]?(?:[mf]|yo)?[ ]from)[ ](?P<v>{_WORDS})|"
    rf"(?i:\bmoved[ ]from)[ ](?P<a>{_WORDS})[ ]to[ ](?P<b>{_WORDS})"
)


def _towns(text: str) -> list[Span]:
    found: list[Span] = []
    if "\u2014" in text or "\u2013" in text:
        found += [
            Span("address", m.start("v"), m.end("v"), 0.7, weak=True) for m in _SIGNED_TOWN.finditer(text)
        ]
    if " of " in text:
        for m in _TOWN_OF.finditer(text):
            if _NOT_PERSON_OF.search(text, max(0, m.start() - 30), m.start() + 4) is None:
                found.append(Span("address", m.start("v"), m.end("v"), 0.7, weak=True))
    if " from " in text and has_any(text, ("i'm", "im ", "i am", "moved")):
        for m in _FROM_TOWN.finditer(text):
            for g in ("v", "a", "b"):
                if m.group(g) and not (is_country(m.group(g)) or is_continent(m.group(g))):
                    found.append(Span("address", m.start(g), m.end(g), 0.7, weak=True))
    return found


# -- a record's number in a URL path ------------------------------------------------------------------
_RECORD_PATH = re.compile(
    r"/(?:patients?|mrn|charts?|medical-records?|records|encounters?)/"
    r"((?=[A-Za-z0-9-]{0,23}\d)[A-Za-z0-9][A-Za-z0-9-]{3,23})(?=[/?#\s\"']|$)"
)
"""A patient's or a chart's number as a path segment (`GET /patients/RX3578168/chart`), not a product's."""


def regional(text: str) -> list[Span]:
    """Probe9b's international identifiers (see the module docstring)."""
    found: list[Span] = []
    if (("@" in text or "u/" in text) and has_any(text, _HANDLE_GATES)) or (
        DIGIT.search(text) is not None and has_any(text, _BARE_HANDLE_GATES)
    ):
        for m in _HANDLE_CUE.finditer(text):
            # (`Posted by @acme` may be a brand's post: weak, a person's only in text about one)
            found.append(
                Span(
                    "other_unique_identifier",
                    m.start("v"),
                    m.end("v"),
                    0.8,
                    weak=m.group("by") is not None,
                )
            )
            if m.group("town"):
                found.append(Span("address", m.start("town"), m.end("town"), 0.7, weak=True))
    if "@" in text and has_any(text, ("- @", "\u2013 @", "\u2014 @")):
        # (weak: `Shop the drop! - @acme` is a brand's)
        found += [
            Span("other_unique_identifier", m.start(1), m.end(1), 0.8, weak=True)
            for m in _SIGNED_HANDLE.finditer(text)
        ]
    found += _towns(text)
    if has_any(text, ("ninet", "hundred")) and "birthday" in text.lower():
        for m in _BIRTHDAY_WORDS.finditer(text):
            if (
                _FIRM_BEFORE.search(text, max(0, m.start() - 40), m.start()) is None
                and _FIRM_AFTER.match(text, m.end()) is None
            ):
                found.append(Span("age_over_89", m.start(1), m.end(1), 0.8))
    if DIGIT.search(text) is None:
        return found
    if has_any(text, _TURNED_GATES):  # (weak: `la empresa cumple 100 años` is a firm's, in copy about no one)
        found += [
            Span("age_over_89", m.start(1), m.end(1), 0.75, weak=True) for m in _TURNED_LOCAL.finditer(text)
        ]
    if has_any(text, _BIRTHDAY_GATES):
        for m in _BIRTHDAY_AGE.finditer(text):
            if (
                _FIRM_BEFORE.search(text, max(0, m.start() - 40), m.start()) is None
                and _FIRM_AFTER.match(text, m.end()) is None
            ):
                found.append(Span("age_over_89", m.start(1), m.end(1), 0.8))
    if has_any(text, _PLATE_GATES):
        for m in _PLATE_CUE.finditer(text):
            value = m.group("v")
            if m.group("vreg") is not None and not vehicle_before(text, m.start()):
                continue  # (a bare `registration`: a plate's only after a vehicle is named)
            size = sum(c.isalnum() for c in value)
            if (
                5 <= size <= 10
                and _NOT_PLATE.match(value) is None
                and not any(len(g) >= 4 and g.isalpha() for g in _PARTS.split(value))
            ):
                # (`the vehicle XC90 T8 is ...`: a model in copy about no one; `Company Reg. No. SC123456`:
                # a firm's): weak after `vehicle` or `registration` alone, unless whose it is follows
                # (`registered to`, `(VIN ...`)
                bare = m.group("bare") is not None or m.group("reg") is not None
                weak = bare and _OWNED_AFTER.match(text, m.end()) is None
                found.append(Span("vehicle_identifier", m.start("v"), m.end("v"), 0.85, weak=weak))
    found += _ibans(text)
    if has_any(text, _ACCOUNT_LABEL_GATES):
        found += [
            Span("account_number", m.start(1), m.end(1), 0.85)
            for m in _ACCOUNT_LABEL.finditer(text)
            if 6 <= sum(c.isdigit() for c in m.group(1)) <= 20
        ]
    if has_any(text, _STAFF_GATES):
        for m in _STAFF_LABEL.finditer(text):
            value = m.group("v")
            if sum(c.isdigit() for c in value) < 4 or _YEAR_ONLY.fullmatch(value):
                continue
            if m.group("acr") and _ACRONYM_VALUE.get(m.group("acr")[:3], _ANY).fullmatch(value) is None:
                continue  # (an acronym is a word in upper-case text: `RUN 4471 COMPLETED`)
            category = "health_plan_number" if m.group("plan") else "other_unique_identifier"
            found.append(Span(category, m.start("v"), m.end("v"), 0.85))
    if has_any(text, ("kra", "snils", "снилс")):
        found += [
            Span("other_unique_identifier", m.start(1), m.end(1), 0.9) for m in _NATIONAL_LABEL.finditer(text)
        ]
    found += _street_lines(text)
    if "/" in text and has_any(
        text, ("/patient", "/mrn/", "/chart", "/medical-record", "/records/", "/encounter")
    ):
        found += [
            Span("medical_record_number", m.start(1), m.end(1), 0.85) for m in _RECORD_PATH.finditer(text)
        ]
    if has_any(text, _BIRTH_GATES):
        found += [Span("address", m.start(1), m.end(1), 0.75) for m in _PLACE_THEN_DATE.finditer(text)]
    return found
