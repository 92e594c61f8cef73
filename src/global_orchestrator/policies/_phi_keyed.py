"""Identifiers that are codes after a keyword, and biometric and photo identifiers.

- a code with digits after a keyword ("MRN", "member ID", "account", "driver's license",
  "plate", "serial", "employee ID" ...): the nearest keyword decides the category; a few
  strong keywords count even glued to the code or the word before it (`chartMRN04857211`);
- biometric identifiers: the descriptions ("fingerprint on file", "retina scan"), template
  and sample ids ("iris template ID IR-88213", "Iris Scan No. - ...") and their files
  (`fingerprint_0231.wsq`);
- full-face photos: the descriptions ("headshot", "photo of her face") and image files
  whose name says face, portrait, selfie, headshot, mugshot or passport (`face_0231.jpg`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from global_orchestrator.policies._phi_lexicon import english
from global_orchestrator.policies._phi_national import checked_ids
from global_orchestrator.policies._phi_spans import (
    DIGIT,
    Span,
    WordGate,
    by_first_letter,
    folded,
    has_any,
    match_at,
    ours,
    prefix_table,
    scan_words,
    word_keys,
)

_NUMBER_WORDS = r"(?:\s+(?:number|num|no\.?|#|id))?"
_NO = r"(?:number|no\.?|#)"
_PEOPLE = (
    "employee",
    "customer",
    "patient",
    "student",
    "user",
    "client",
    "guest",
    "household",
    "case",
    "ticket",
    "confirmation",
)
# keyword alternatives in order, each starting with a plain letter (or `\s`): where two match
# at the same place the first wins; each is followed by (?![\w/])
_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ssn", (r"ssn", r"ss\s*#", rf"social(?:\s+security)?{_NUMBER_WORDS}")),
    (
        "vehicle_identifier",
        (
            rf"licen[cs]e\s+(?:plate|tag){_NUMBER_WORDS}",
            rf"plate{_NUMBER_WORDS}",
            r"tag\s*(?:#|number|no\.?)",
            r"vin",
            r"vehicle(?:\s+(?:id|identification(?:\s+number)?))?",
        ),
    ),
    (
        "other_unique_identifier",
        (
            rf"loyalty(?:\s+card)?\s+(?:{_NO[3:-1]}|id)",
            *(rf"{w}\s+(?:id|{_NO[3:-1]})" for w in _PEOPLE),
            r"employee",  # `Employee E-74930: Juliet Obasanjo` (the code holds 4 digits or more)
            # a staff member's number right after the word (`(staff E725991)`, `(emp EMP-90742)`;
            # no word between: `_STAFF_GAP`)
            *(rf"{w}(?:\s+(?:id|{_NO[3:-1]}))?" for w in ("staff", "emp")),
            rf"badge{_NUMBER_WORDS}",
            rf"claim(?!\s+lines?\b){_NUMBER_WORDS}",  # (`Claim lines: 99214 / Z79.4`: billing codes)
            rf"clm(?:\s*#|{_NUMBER_WORDS})",  # a work queue's shorthand (`Clm 7653-390546-623 denied`)
            rf"passport{_NUMBER_WORDS}",
            # national identity numbers whose keyword is rare as a word start (the others, whose
            # keys are common word starts, are `_NATIONAL_ID`, a regex run on texts with digits)
            rf"aadhaa?r{_NUMBER_WORDS}",
            r"cpf",
            rf"nhs{_NUMBER_WORDS}",
            rf"rx\s*{_NO}",
            r"rx(?=[^\S\n]+\Z)",  # a pharmacy label's prescription number (`Rx 6624019`): 6 to 12 digits
            rf"id(?:\s+{_NO})?",
        ),
    ),
    (
        "medical_record_number",
        (
            r"mrn",
            r"mr\s*#",
            rf"med(?:ical)?\.?\s+rec(?:ord)?s?{_NUMBER_WORDS}",
            rf"hospital\s+(?:record|number|id){_NUMBER_WORDS}",
            rf"chart{_NUMBER_WORDS}",
            rf"record\s+{_NO}",
            rf"acc(?:ession)?\s*{_NO}",
            # a hospital's own numbers for a stay, a sample or an order (`Unit No: 017-44-92`,
            # `ENCOUNTER #: E2023...`, `Hosp# H5512093`, `FIN 3009981127`, `Accession: CT2106...`)
            rf"unit\s+{_NO}",
            rf"encounter{_NUMBER_WORDS}",
            r"hosp(?:ital)?\s*#",
            r"fin",
            r"csn",
            r"empi",  # the enterprise master patient index's number (`EMPI 100412098`)
            rf"pt\s*{_NO}",
            r"accession",
            rf"specimen{_NUMBER_WORDS}",
            rf"requisition{_NUMBER_WORDS}",
            rf"lab\s*{_NO}",
            r"case\s*\#",
            r"case(?=\s*:)",
            rf"path(?:ology)?\s+case{_NUMBER_WORDS}",
        ),
    ),
    (
        "health_plan_number",
        (
            rf"member(?:ship)?{_NUMBER_WORDS}",
            rf"mbr(?:\s*#|{_NUMBER_WORDS})",  # shorthand (`pt DOE, JANE mbr W593740155`)
            rf"subscriber{_NUMBER_WORDS}",
            rf"beneficiary{_NUMBER_WORDS}",
            rf"policy{_NUMBER_WORDS}",
            rf"insurance(?:\s+card)?{_NUMBER_WORDS}",
            r"health\s+plan\s+(?:id|number|no\.?|#)",
            r"plan\s+(?:id|number|no\.?|#)",
            rf"medicare(?:\s+card)?{_NUMBER_WORDS}",
            rf"medicaid{_NUMBER_WORDS}",
            r"mbi",
            r"hicn",
            rf"prior\s+auth(?:orization)?{_NUMBER_WORDS}",
            rf"group\s+{_NO}",
            r"group(?=\s+is\s)",  # `member id is B70945233 and group is 510973`
            rf"grp(?:\s*#|{_NUMBER_WORDS})",  # a card's shorthand (`Grp GRP-55120`)
        ),
    ),
    (
        "account_number",
        (
            *(
                rf"{w}\s*acc(?:oun)?t\.?{_NUMBER_WORDS}"
                for w in ("bank", "billing", "checking", "savings", "customer")
            ),
            rf"\s\s*acc(?:oun)?t\.?{_NUMBER_WORDS}",  # " acct": after the end of a word
            rf"acc(?:oun)?t\.?{_NUMBER_WORDS}",
            r"routing(?:\s+number)?",
            r"har",  # a hospital account record (`HAR 4412098812`)
            r"iban",
            *(rf"{w}card(?:\s+(?:number|no\.?|#|on\s+file))?" for w in (r"credit\s+", r"debit\s+", "")),
            r"visa",
            r"mastercard",
            r"amex",
            r"paid\s+with",
        ),
    ),
    (
        "certificate_license_number",
        (
            rf"driver'?s\s+licen[cs]e{_NUMBER_WORDS}",
            rf"driver'?s\s+lic\.?{_NUMBER_WORDS}",  # `Driver's lic. no. S530-...`
            rf"licen[cs]e{_NUMBER_WORDS}",
            r"dl\s*#",
            r"dl",
            rf"certificate{_NUMBER_WORDS}",
            r"cert\.?\s*#",
            r"npi",
            r"dea",
            rf"registration{_NUMBER_WORDS}",
            rf"permit{_NUMBER_WORDS}",
        ),
    ),
    (
        "device_identifier",
        (
            rf"serial{_NUMBER_WORDS}",
            r"s/n",
            r"sn",
            r"imei",
            r"mac(?:\s+address)?",
            r"udi",
            r"device(?:\s+(?:id|serial|identifier))?",
            r"implant\s+id",
        ),
    ),
)
_KEYWORD_CATEGORY = {
    f"k{i}_{j}": category for i, (category, alts) in enumerate(_KEYWORDS) for j in range(len(alts))
}
# grouped by first letter: one test skips a group (see `by_first_letter`)
_KEYWORD = re.compile(
    r"\b"
    + by_first_letter(
        [rf"{alt}(?![\w/])" for _, alts in _KEYWORDS for alt in alts],
        names=list(_KEYWORD_CATEGORY),
    ),
    re.IGNORECASE,
)
_KEYWORD_KEYS = word_keys([alt for _, alts in _KEYWORDS for alt in alts if not alt.startswith("\\s")])
"""Index keys of the keywords (`WordGate`); " acct" holds the word "acct"."""
_CODE = re.compile(  # (?<![\w/.@$-])(?=[A-Z0-9()./-]{0,40}\d)\(?[A-Z0-9][A-Z0-9()]*+..., led by a class
    r"[(A-Z0-9](?<![\w/.@$-].)(?:(?<=\d)|(?=[A-Z0-9()./-]{0,39}\d))(?:(?<=\()[A-Z0-9]|(?<=[A-Z0-9]))[A-Z0-9()]*+(?:[-./][A-Z0-9()]++)*+(?:[^\S\n]\d{2,}+(?:[-.]\d++)*+)*+"
)
_PLATE = re.compile(
    r"\b(?i:licen[cs]e\s+plate|plate|tag)(?i:\s+(?:number|no\.?|#))?\s*[:#]?\s*"
    r"([A-Z0-9]{2,4}[ -][A-Z0-9]{2,4}(?:[ -][A-Z]{2,3}\b(?![ -]\d))?)\b"
)
_CAR_PLATE = re.compile(
    r"(?i:(?:my|our|his|her|their)[ ](?:car|truck|van|suv|vehicle|motorcycle))[ ]*[:(]?[ ]*"
    r"([A-Z0-9]{2,4}[ -][A-Z0-9]{2,4}|(?=[A-Z]{0,7}\d)(?=\d{0,7}[A-Z])[A-Z0-9]{5,8})\b"
)
"""A plate right after a person's car (`My car (7WCG362) got towed`, `her truck: 5RBN 772`)."""
_CAR_KEYS = ("my", "our", "his", "her", "the")
_CAR_PREFIXES = prefix_table(("my ", "our ", "his ", "her ", "their "))
_GAP = re.compile(r"[\s:#.,=()'|-]*(?:[a-zß-öø-ÿ]{1,8}(?:'s)?[\s:#.,=()'|-]+){0,4}")  # (`Meu CPF é ...`)
_VEHICLE_BEFORE = re.compile(r"(?i:\b(?:vin|vehicle|car|van|truck|motorbike|motorcycle)\b)")
_VEHICLE_REACH = 80
"""How far before `registration` a vehicle is looked for (`vehicle_before`)."""


def vehicle_before(text: str, at: int) -> bool:
    """Whether a vehicle is named in the `_VEHICLE_REACH` characters before `at`.

    (`Vehicle: VIN ..., registration UT90CHB`): the `registration` at `at` is then its plate's, not a
    firm's, a course's or a licence's.
    """
    return _VEHICLE_BEFORE.search(text, max(0, at - _VEHICLE_REACH), at) is not None


_STAFF_GAP = re.compile(r"[^\S\n]*[:#.]?[^\S\n]*")
"""All that comes between `staff` or `emp` and a staff number (not `staff will call 555 0134`)."""
_NAMED_STAFF = re.compile(
    r"(?im:^[^\S\n]*(?:employee|staff(?:[^\S\n]+member)?|worker|contractor)[^\S\n]*:[^\S\n]*)"
    r"[^\n():;]{2,60}?[^\S\n]\((?:(?i:emp|staff|id|no\.?|\#)[^\S\n]*)?"
    r"((?=[A-Z]{0,4}-?\d{4})[A-Z]{0,4}-?\d{4,10})\)"
)
"""A staff member's number in brackets after the name on a staff label's line (`Employee: Chen, Shuai
(E112481)`, `Staff: Ana Ruiz (ID 20417)`)."""
_STAFF_WORDS = ("employee", "staff", "worker", "contractor")
_MINE = re.compile(
    r"\b(?i:(?P<licence>licen[cs]e|permit)|(?P<passport>passport))\b[^\n]{0,60}?"
    r"\b(?i:mine|my[^\S\n]+(?:one|number|no\.?))[^\S\n]*(?:\(|:|(?i:is|was)\b)?[^\S\n]*"
    r"((?=[A-Z]{0,3}\d{5})[A-Z]{0,3}\d{5,12})(?![\w-])"
)
"""A licence's or a passport's number that its owner gives after the word, as `mine` (`trouble with
their driving licence renewal? Mine (EB7776233) got rejected`)."""
_CONTACT_GAP = re.compile(
    r"[^\S\n]+(?i:lines?|services?|hotline|helpline|help\s+desk|desk|care|support|center|centre|team)\b"
)
"""A service's line after a keyword (`member line`, `member services`): what follows is its number."""
_PHONE_LIKE = re.compile(r"\(?\d[\d() ./-]*")
"""A code of digits and a phone number's separators only (`1-866-449-4246`, `(888)`)."""
_SSN_AFTER = re.compile(r"^\W{0,3}(?:\w+\s+){0,3}(?:social|ssn)\b", re.IGNORECASE)
_SSN_BEFORE = re.compile(r"(?i:\b(?:ssn|social\s+security(?:\s+(?:number|no\.?|\#))?)\b[^\n.;!?\d]{0,40})\Z")
"""An SSN's word earlier in the sentence (`My SSN for the disability paperwork is 246619402`)."""
_YEAR = re.compile(r"(?:19|20)\d\d")
_DOSE_UNIT = re.compile(r"(?i:[^\S\n]*(?:units?|u|iu|mg|mcg|g|ml|l|%|tabs?|tablets?|caps?)\b)")
# strong keywords glued to the code or to the word before it: "chartMRN04857211", "MRN#0048"
_GLUED = re.compile(
    r"(?i:mrn|mr\#|medrec|acct|ssn)(?:[:\#=\s-]{0,3})([A-Z]{0,3}\d[A-Z0-9-]{3,18}+)(?![A-Za-z0-9])"
)
_GLUED_WORDS = ("mrn", "mr#", "medrec", "acct", "ssn")  # what every match of _GLUED starts with
_GLUED_CATEGORY = {
    "mrn": "medical_record_number",
    "mr#": "medical_record_number",
    "medrec": "medical_record_number",
}
_GLUED_CATEGORY |= {"acct": "account_number", "ssn": "ssn"}

_BIOMETRIC = re.compile(
    r"\b(?:(?:finger|thumb|palm|voice|face)\s?prints?|(?:retina(?:l)?|iris|palm[- ]vein)\s+scans?|"
    r"facial\s+(?:geometry|recognition\s+(?:data|templates?|scans?))|hand\s+geometry|"
    r"gait\s+(?:signatures?|patterns?|data)|(?:dna|genetic)\s+(?:profiles?|samples?|data|test\s+results?))\b"
    r"(?![- ]?(?:resistant|proof|sensor|reader|scanner|lock))",
    re.IGNORECASE,
)
_BIOMETRIC_ID = re.compile(
    r"\b(?i:(?:biometric|fingerprint|finger|thumbprint|iris|retina|retinal|voice(?:print)?|face(?:print)?|"
    r"facial|palm(?:print)?|vein|gait|dna|template)\s+(?:geometry\s+)?(?:(?:template|sample|enrol(?:l)?ment|hash)"
    r"(?:\s+(?:id|identifier|no\.?|number|\#|ref(?:erence)?))?|(?:scan|record|profile)\s+"
    r"(?:id|identifier|no\.?|number|\#|ref(?:erence)?)|scan|id|identifier|hash|no\.?|number|\#|ref(?:erence)?)"
    r"\s*(?:[:\#]\s*)?(?:-(?=\s)|\.{2,}|\u2026)?\s*)"  # `:`, `#`, a dash, leader dots
    r"([A-Za-z0-9][\w-]{3,40}+)"
)
# (`_YEAR` above: a year after a biometric word, `retina scan 2024`, is no template's code)
_FILE = (
    r"[\w-]{0,40}+\.(?i:jpe?g|png|gif|bmp|tiff?|heic|webp|raw|dcm|wsq|fmr|bin|dat|wav|mp3|m4a|ogg|bio|tmpl|"
    r"iso|ist)\b"
)
_BIOMETRIC_FILE = re.compile(
    rf"(?<![\w-])(?i:[\w-]{{0,40}}(?:finger|thumb|iris|retina|voice|palm|vein|gait|dna|biometric|minuti|"
    rf"faceprint|template){_FILE})"
)
_TEMPLATE_FILE = re.compile(
    r"(?<![\w-])(?i:(?:fp|vp)[_-](?=[a-z_-]{0,39}\d)[\w-]{2,40}\.(?:wsq|fmr|bin|bio|tmpl|ist|iso)\b)"
)
"""A fingerprint's or a voiceprint's template file named by its abbreviation (`fp_2e91c0.bin`; its
name holds a digit: `fp_config.bin` is a program's)."""
_PHOTO_FILE = re.compile(
    rf"(?<![\w-])(?i:[\w-]{{0,40}}(?:face|portrait|headshot|selfie|mugshot|passport|id[_-]?photo|"
    rf"profile[_-]?(?:pic|photo)|(?<![a-z])(?:pt|patient)[_-]?(?:photo|pic|image|img)){_FILE})"
)
"""An image file named as a person's face or photo (`headshot_0412.png`, `pt_photo_7731.jpeg`)."""
# gates: every match of _BIOMETRIC, _BIOMETRIC_ID and _PHOTO holds one of these (any case)
_BIOMETRIC_WORDS = ("print", "scan", "facial", "geometry", "gait", "dna", "genetic")
_BIOMETRIC_ID_WORDS = (
    "biometric",
    "finger",
    "thumbprint",
    "iris",
    "retina",
    "voice",
    "face",
    "facial",
    "palm",
    "vein",
    "gait",
    "dna",
    "template",
)
_PHOTO_WORDS = (
    "fac",
    "shot",
    "passport",
    "unblurred",
    "selfie",
    "photo",
    "image",
    "picture",
    "foto",
    "lichtbild",
)
# index keys (`scan_words`) of the words every match of _BIOMETRIC, _BIOMETRIC_ID and _PHOTO starts with
_BIOMETRIC_KEYS = word_keys(
    ["finger", "thumb", "palm", "voice", "face", "retina", "iris", "hand", "gait", "dna", "genetic"]
)
_BIOMETRIC_ID_KEYS = word_keys(_BIOMETRIC_ID_WORDS)
_PHOTO_KEYS = word_keys(
    ["full", "face", "facial", "head", "mug", "passport", "photo", "picture", "image", "selfie", "unblurred"]
)
# what every match of _BIOMETRIC, _BIOMETRIC_ID and _PHOTO starts with, any case (`scan_words`)
_BIOMETRIC_PREFIXES = prefix_table(
    ["finger", "thumb", "palm", "voice", "face", "retina", "iris", "facial", "hand", "gait", "dna", "genetic"]
)
_BIOMETRIC_ID_PREFIXES = prefix_table(_BIOMETRIC_ID_WORDS)
_PHOTO_PREFIXES = prefix_table(
    ["full", "facial", "face", "head", "mug", "passport", "photo", "picture", "image", "selfie", "unblurred"]
)
# every biometric or photo file name holds one of these extensions
_EXTENSION = re.compile(_FILE[_FILE.index(r"\.") :])
_PHOTO = re.compile(
    r"\b(?:full[- ]?face\s+(?:photo(?:graph)?|image|picture|shot)s?|"
    r"(?:facial|face)\s+(?:photo(?:graph)?|image|picture)s?|"
    r"head\s?shots?|mug\s?shots?|passport[- ](?:style\s+)?photos?|(?:photo|picture|image|selfie)s?\s+of\s+"
    r"(?:his|her|their|the\s+\w+'s)\s+face|unblurred\s+(?:selfie|photo|image)s?|"
    r"(?:selfie|photo)s?\s+of\s+(?:the\s+)?(?:patient|customer|member|client)s?)\b",
    re.IGNORECASE,
)

_NATIONAL_ID = re.compile(
    r"(?<![\w-])(?:(?i:versichertennummer|steuer-?id|personnummer|codice\s+fiscale|"
    r"national\s+insurance(?:\s+(?:number|no\.?))?|philhealth(?:\s+(?:number|no\.?))?|"
    r"prescription\s+(?:number|no\.?|#)|t\.?c\.?\s+kimlik(?:\s+no)?|kimlik(?:\s+no)?|henkilötunnus|"
    r"fødselsnummer|s[ée]curit[ée]\s+sociale|sozialversicherungsnummer|burgerservicenummer)|"
    r"CURP|PAN|NIN|RFC|NIE|NIF|DNI|BSN|TFN|SIN|PESEL|NIR|INSEE|BVN|SSS|CPR|TCKN|NRIC|C\.F\.|"
    r"NI\s+(?:number|no\.?))(?![\w-])"
    # a short word may come between (`Mi DNI es ...`, `Mijn BSN is ...`, `kimlik numaram ...`)
    r"(?:[^\S\n]+(?i:is|es|est|ist|är|er|é|è|numaram|numaras\u0131|nummer|number|no\.?|n[°º]|was))?"
    r"[^\S\n]*[:#]?[^\S\n]*([A-Z0-9](?:[A-Z0-9]|[ .\-/](?=[A-Z0-9])){5,24})(?![\w-])"
)
"""A national identity, tax or prescription number after its label (`CURP: GOMC850312HJCRRR09`,
`DNI 12345678Z`, `Versichertennummer A123456780`, an Italian `C.F.: RSSMRA80A01H501U`): the
acronyms in upper case only (`pan`, `sin`, `nin` are words)."""
_NATIONAL_ACRONYMS = (
    *("CURP", "PAN", "NIN", "RFC", "NIE", "NIF", "DNI", "BSN", "TFN", "SIN", "PESEL", "NIR", "INSEE"),
    *("BVN", "SSS", "NI ", "CPR", "TCKN", "NRIC", "C.F."),
)
_NATIONAL_WORDS = (
    "versicherten",
    "steuer",
    "personnummer",
    "codice",
    "insurance",
    "philhealth",
    "prescription",
    "kimlik",
    "henkilötunnus",
    "fødselsnummer",
    "curit",
    "sozialversicherung",
    "burgerservice",
)
"""Gates (substrings in C): every match of `_NATIONAL_ID` holds one of these."""
_PHOTO_ID_FILE = re.compile(
    r"(?i:\b(?:(?:photo\s+id|id\s+photo|patient(?:'s)?\s+(?:photo|image|picture)|selfie|headshot|"
    r"photo\s+d['\u2019]identit[ée]|foto\s+(?:de\s+)?carn[ée]t?|passfoto|lichtbild|"
    r"profile\s+(?:photo|picture)|(?:face|facial)\s+(?:photo|capture|image|picture))\b|"
    r"photo(?:graph)?\s*\(full[- ]?face\))[^\n.]{0,24}?)"
    r"(?<![\w/-])((?:[\w.-]{1,40}/){0,4}[\w-]{1,60}\.(?i:jpe?g|png|heic|webp|gif|bmp|tiff?))\b"
)
"""An image file after a cue that it shows a person (`photo ID attached: IMG_20240312_mariag.jpg`,
`ID photo saved as scans/intake/maria_07.jpg`, `face capture stored as IMG_0412.jpg`, its folders too)."""
_FILE_THEN_FACE = re.compile(
    r"(?<![\w/-])((?:[\w.-]{1,40}/){0,4}[\w-]{1,60}\.(?i:jpe?g|png|heic|webp|gif|bmp|tiff?))"
    r"[ \t]{0,2}[(\[-][ \t]?"
    r"(?i:full[- ]?face|face|facial|headshot|portrait|passport|id\s+photo|photo\s+id)"
)
"""An image file described after it as a face (`IMG_20230101_4411.JPG (full-face photograph ...)`)."""


_HANDLE = re.compile(
    r"(?i:\b(?:user\s*name|user\s*id|userid|login(?:\s+(?:name|id))?|screen\s+name|handle|"
    r"(?:twitter|instagram|insta|ig|tiktok|x|threads|telegram|snapchat|discord)(?:\s+(?:handle|account|username))?"
    r"|portal\s+user)\b"
    r"(?:\s+(?:is|was))?\s*[:=]?[ \t]*)"
    r"(@[A-Za-z0-9_]{2,30}(?:\.[A-Za-z0-9_]+)*|(?=[A-Za-z0-9-]{0,29}(?:[\d_]|\.[A-Za-z0-9]))[a-z][A-Za-z0-9_-]{1,29}"
    r"(?:\.[A-Za-z0-9_-]+)*|(?<=name )[a-z][a-z0-9]{3,29}(?![\w@-])(?!\s+(?:and|or|&)\b))(?![\w@-])"
)
"""A username or a social handle after its label (`username gvalcarcel`, `insta @leslie78_`,
`Portal user pjohnson_2291`): a handle with `@`, a login with a digit, `_` or `.` in it, or
any lower-case word right after `username` (`handle` or `login` before an everyday word,
`username and password`, are no one's)."""
_HANDLE_KEYS = ("use", "log", "scr", "han", "twi", "ins", "ig", "tik", "x", "thr", "tel", "sna", "dis", "por")
"""Index keys of the words every `_HANDLE` match starts (`scan_words`): its label opens at a word
start (`\b`), and `ig` and `x` are whole words (`\b` or white space after them)."""
_HANDLE_WORDS = (
    *("user", "login", "screen", "handle", "twitter", "insta", "ig ", "tiktok", "x ", "threads"),
    *("telegram", "snapchat", "discord"),
)


def keyed(text: str) -> list[Span]:
    """Codes after a keyword, glued codes, biometric and photo identifiers."""
    digit = DIGIT.search(text) is not None
    found = _codes(text) + checked_ids(text) if digit else []
    if digit and "(" in text and has_any(text, _STAFF_WORDS):
        found += [
            Span("other_unique_identifier", m.start(1), m.end(1), 0.9)
            for m in _NAMED_STAFF.finditer(text)
            if not _YEAR.fullmatch(m.group(1))
        ]
    if digit and has_any(text, ("mine", "my ")) and has_any(text, ("licen", "permit", "passport")):
        found += [
            Span(
                "certificate_license_number" if m.group("licence") else "other_unique_identifier",
                m.start(3),
                m.end(3),
                0.9,
            )
            for m in _MINE.finditer(text)
        ]
    if has_any(text, _HANDLE_WORDS):
        words = english()
        found += [
            Span("other_unique_identifier", m.start(1), m.end(1), 0.85)
            for m in scan_words(_HANDLE, text, _HANDLE_KEYS)
            if not ours(text, m.start()) and not (m.group(1).isalpha() and m.group(1) in words)
        ]
    if digit and (any(map(text.__contains__, _NATIONAL_ACRONYMS)) or has_any(text, _NATIONAL_WORDS)):
        found += [
            Span("other_unique_identifier", m.start(1), m.end(1), 0.92)
            for m in _NATIONAL_ID.finditer(text)
            if sum(c.isdigit() for c in m.group(1)) >= 4
        ]
    if has_any(text, _BIOMETRIC_WORDS):
        found += [
            Span("biometric_identifier", m.start(), m.end(), 0.75)
            for m in scan_words(_BIOMETRIC, text, _BIOMETRIC_KEYS, _BIOMETRIC_PREFIXES)
        ]
    if has_any(text, _BIOMETRIC_ID_WORDS):
        found += [
            Span("biometric_identifier", m.start(1), m.end(1), 0.95)  # beats the generic "ID" keyword
            for m in scan_words(_BIOMETRIC_ID, text, _BIOMETRIC_ID_KEYS, _BIOMETRIC_ID_PREFIXES)
            if any(c.isdigit() for c in m.group(1)) and not _YEAR.fullmatch(m.group(1))
        ]
    starts = _file_starts(text) if "." in text else []
    if starts:
        found += [
            Span("biometric_identifier", m.start(), m.end(), 0.9)
            for m in match_at(_BIOMETRIC_FILE, text, starts)
        ]
        found += [
            Span("biometric_identifier", m.start(), m.end(), 0.9)
            for m in match_at(_TEMPLATE_FILE, text, starts)
        ]
        found += [
            Span("full_face_photo", m.start(), m.end(), 0.9) for m in match_at(_PHOTO_FILE, text, starts)
        ]
    if has_any(text, _PHOTO_WORDS):
        found += [
            Span("full_face_photo", m.start(), m.end(), 0.75)
            for m in scan_words(_PHOTO, text, _PHOTO_KEYS, _PHOTO_PREFIXES)
        ]
        if starts:
            found += [
                Span("full_face_photo", m.start(1), m.end(1), 0.85) for m in _PHOTO_ID_FILE.finditer(text)
            ]
            found += [
                Span("full_face_photo", m.start(1), m.end(1), 0.85) for m in _FILE_THEN_FACE.finditer(text)
            ]
    return found


def _glued(text: str) -> Iterator[re.Match[str]]:
    """What `_GLUED.finditer(text)` yields: the regex tried only where one of its keywords occurs.

    Every match starts with a keyword (any case), so at an occurrence of it in the
    lower-cased text (`folded`, found by `str.find` in C); none: no scan at all.
    """
    low = folded(text)
    if len(low) != len(text):
        yield from _GLUED.finditer(text)
        return
    starts: list[int] = []
    for word in _GLUED_WORDS:
        at = low.find(word)
        while at != -1:
            starts.append(at)
            at = low.find(word, at + 1)
    if starts:
        yield from match_at(_GLUED, text, sorted(set(starts)))


def _file_starts(text: str) -> list[int]:
    r"""Where a biometric or photo file name can start: the `[\w-]` run before each extension.

    A file name ends with an extension (`_EXTENSION`) right after its run of `[\w-]`, and
    the look-behind `(?<![\w-])` makes it start where that run starts; the file patterns
    are tried there only (`match_at`), not at every position.
    """
    starts: list[int] = []
    for m in _EXTENSION.finditer(text):
        start = m.start()
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_-"):  # what [\w-] matches
            start -= 1
        starts.append(start)
    return starts


def _keywords(text: str, window: str, lo: int, positions: list[int] | None) -> Iterator[re.Match[str]]:
    r"""What `_KEYWORD.finditer(window)` yields, `window` being `text[lo:]` up to a code.

    `positions`: the offsets in `text` of the words with a keyword's key (`WordGate`), or
    None. Every keyword match starts a word of the window with such a key, or the window's
    first (cut) word, or is " acct": the white space between a word and an "acc" word
    (`\b\s\s*acc...`); the regex is tried only there (`match_at`), not at every position.
    """
    if positions is None:
        yield from _KEYWORD.finditer(window)
        return
    end = lo + len(window)
    inside = positions[bisect_left(positions, lo) : bisect_left(positions, end)]
    starts = [q - lo for q in inside]  # sorted
    if (window[:1].isalnum() or window[:1] == "_") and starts[:1] != [0]:  # a word the window cuts
        starts.insert(0, 0)
    low = folded(text)
    spaces = []
    for q in inside:
        if low.startswith("acc", q):
            p = q
            while p > lo and text[p - 1].isspace():
                p -= 1
            if lo < p < q and (text[p - 1].isalnum() or text[p - 1] == "_"):  # what \w matches
                spaces.append(p - lo)
    if spaces:
        starts = sorted({*starts, *spaces})
    matched = 0
    for start in starts:  # `match_at`
        if start >= matched:
            m = _KEYWORD.match(window, start)
            if m is not None:
                yield m
                matched = m.end()


_CELL_GAP = re.compile(r"[ \t.:#]*\|[ \t]*")
"""A table's cell border between a keyword's cell and its value's (`| Policy no. | KQZ550182734 |`)."""


def _cell_ok(text: str, lo: int, window: str, keyword: re.Match[str]) -> bool:
    """A gap across a `|` holds a keyword that is its cell's whole text (not `mg/dL|70-99`)."""
    gap = window[keyword.end() :]
    if "|" not in gap:
        return True
    before = lo + keyword.start() - 1
    return _CELL_GAP.fullmatch(gap) is not None and (before < 0 or text[before] in " \t|\n")


def _codes(text: str) -> list[Span]:
    """Codes after a keyword, plates and glued codes: each holds a digit."""
    found: list[Span] = []
    keyword_near = WordGate(text, _KEYWORD_KEYS)
    for m in _CODE.finditer(text):
        code = m.group(0)
        if code.endswith(")") and code.count(")") > code.count("("):  # "(S/N ABC123)"
            code = code[:-1]
        start = m.start()
        cue = keyword_near(max(0, start - 48), start)
        if not cue and not (len(code) == 9 and code.isdigit()):  # no keyword, and no SSN before "social"
            continue
        digits = sum(map(str.isdigit, code))
        if digits < 2 or _YEAR.fullmatch(code):
            continue
        end = start + len(code)
        lo = max(0, start - 48)
        window = text[lo:start]
        keyword = None
        for k in _keywords(text, window, lo, keyword_near.positions) if cue else ():
            keyword = k
        category = None
        if (
            keyword is not None
            and _GAP.fullmatch(window[keyword.end() :])
            and _cell_ok(text, lo, window, keyword)
        ):
            category = _KEYWORD_CATEGORY[keyword.lastgroup or ""]
            phone = digits in (7, 10, 11) and _PHONE_LIKE.fullmatch(code) is not None
            if phone and _CONTACT_GAP.match(window, keyword.end()) is not None:
                category = None  # `our member line at 1-866-...`: a number to call, no one's id
            if (
                category == "certificate_license_number"
                and keyword.group(0).lower().startswith("registration")
                and vehicle_before(text, lo + keyword.start())
            ):
                category = "vehicle_identifier"  # `Vehicle: VIN ..., registration 73B-79335`: its plate
            if keyword.group(0).split()[0].lower() in ("staff", "emp") and not _STAFF_GAP.fullmatch(
                window, keyword.end()
            ):
                category = None
        elif digits == 9 == len(code) and (
            _SSN_AFTER.match(text[end : end + 40]) or _SSN_BEFORE.search(window) is not None
        ):
            category = "ssn"
        if category is None or (digits < 4 and category != "vehicle_identifier"):
            continue
        if (
            keyword is not None
            and keyword.group(0).lower() == "rx"
            and (not (code.isdigit() and 6 <= digits <= 12) or _DOSE_UNIT.match(text, end) is not None)
        ):
            continue  # `Rx 6624019`, not `Rx 1000 mg` or `Rx 250000 units`
        if category == "ssn" and digits != 9:
            continue
        # the keyword beats a shape (an IMEI is Luhn-valid too)
        found.append(Span(category, start, end, 0.92))
    for m in _PLATE.finditer(text) if has_any(text, ("plate", "tag")) else ():  # "plate ABC 1234"
        if any(c.isdigit() for c in m.group(1)):
            found.append(Span("vehicle_identifier", m.start(1), m.end(1), 0.9))
    found += [  # tried at the possessives only (`scan_words`)
        Span("vehicle_identifier", m.start(1), m.end(1), 0.9)
        for m in scan_words(_CAR_PLATE, text, _CAR_KEYS, _CAR_PREFIXES)
        if any(c.isdigit() for c in m.group(1))
    ]
    for m in _glued(text):
        glued = text[m.start() : m.start(1)].rstrip(":#= -").lower()
        category = _GLUED_CATEGORY.get(glued)
        if category is not None and sum(c.isdigit() for c in m.group(1)) >= 4:
            found.append(Span(category, m.start(1), m.end(1), 0.9))
    return found
