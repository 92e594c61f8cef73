"""PHI detection: the 18 HIPAA Safe Harbor identifiers and patient health information, offline.

`detect_phi` returns typed, non-overlapping spans (`PhiFinding`). Recognisers:

- shapes with validators: email, URL tied to a person or record, IPv4/IPv6, SSN (area,
  group and serial rules), phone and fax (fax when the sentence says so), card numbers
  (Luhn), VINs (check digit), Medicare MBIs, DEA numbers (checksum), MAC addresses, UDIs;
- keyed identifiers: a code with digits after a keyword ("MRN", "member ID", "account",
  "driver's license", "plate", "serial", "employee ID" ...); the nearest keyword decides
  the category;
- dates and ages tied to a person (born, admitted, discharged, seen, surgery ...; ages
  over 89), street addresses, PO boxes and ZIP codes, biometric identifiers, face photos;
- names (titles, a Census gazetteer, person cues; see `_phi_names`) and patient health
  information (see `_phi_health`).

Campaign dates, relative dates, brand URLs, role mailboxes (`support@`), toll-free
numbers, promo codes and health topics with no person are not findings. Placeholders
written by `deidentify` (`[NAME]`, `[DATE]` ...) are never findings, so de-identified
text re-scans clean; health information in de-identified text is no longer tied to an
identifiable person (Safe Harbor) and is not reported either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from global_orchestrator.policies._phi_health import health_info
from global_orchestrator.policies._phi_names import name_pairs, titled_names

CATEGORIES: tuple[str, ...] = (
    "name",
    "address",
    "date",
    "age_over_89",
    "phone",
    "fax",
    "email",
    "ssn",
    "medical_record_number",
    "health_plan_number",
    "account_number",
    "certificate_license_number",
    "vehicle_identifier",
    "device_identifier",
    "url",
    "ip_address",
    "biometric_identifier",
    "full_face_photo",
    "other_unique_identifier",
    "patient_health_info",
)
"""Finding categories: the 18 Safe Harbor identifiers (geography is `address`, ZIP codes
included) and patient-level health information."""


@dataclass(frozen=True)
class PhiFinding:
    """A span of text that is (or carries) protected health information."""

    category: str
    """One of `CATEGORIES` (or a wording category of `check_phi_related`)."""
    start: int
    end: int
    text: str
    """The matched text: never put it in a message or a log (see `redact`)."""
    score: float = 1.0
    """How sure the recogniser is, in (0, 1]."""


_Span = tuple[str, int, int, float]

_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|"
    "NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC"
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_NUMBER_WORDS = r"(?:\s+(?:number|num|no\.?|#|id))?"

# --- shapes -------------------------------------------------------------------------------
_EMAIL = re.compile(r"\b([\w.+-]+)@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.IGNORECASE)
_ROLE_MAILBOXES = frozenset(
    [
        "info",
        "hello",
        "hi",
        "support",
        "help",
        "care",
        "team",
        "press",
        "sales",
        "contact",
        "contactus",
        "noreply",
        "no-reply",
        "news",
        "newsletter",
        "marketing",
        "orders",
        "service",
        "customerservice",
        "admin",
        "office",
        "billing",
        "events",
        "jobs",
        "careers",
        "media",
        "partners",
        "feedback",
        "privacy",
        "legal",
        "webmaster",
        "shop",
        "store",
    ]
)
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
_PERSONAL_URL = re.compile(
    r"/(?:patients?|records?|charts?|mrn|members?|users?|profiles?|customers?|people|persons?|"
    r"accounts?|in|u)(?:/|\?|$)|[?&](?:id|uid|pid|mid|user|member|patient|mrn|customer)=|"
    r"(?:facebook|instagram|twitter|x|linkedin|tiktok|threads)\.com/[\w.-]{2,}",
    re.IGNORECASE,
)
_IPV4 = re.compile(
    r"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\w.]\d)"
)
_IPV6 = re.compile(
    r"(?<![\w:])(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}(?![\w:])|(?<![\w:])(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}:?){1,6}(?![\w:])",
    re.IGNORECASE,
)
_SSN = re.compile(r"(?<![\d-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d-])")
_PHONE = re.compile(r"(?<![\w+/.-])(?:\+?1[\s.-]?)?(?:\((\d{3})\)\s?|(\d{3})[\s.-])\d{3}[\s.-]\d{4}(?![\w-])")
_TOLL_FREE = frozenset({"800", "888", "877", "866", "855", "844", "833"})
_FAX_CUE = re.compile(r"\bfax", re.IGNORECASE)
_CARD = re.compile(r"(?<![\w-])(?:\d{4}[ -]?\d{6}[ -]?\d{5}|\d{4}(?:[ -]?\d{4}){2}[ -]?\d{1,7})(?![\w-])")
_VIN = re.compile(r"\b(?=[A-HJ-NPR-Z0-9]{17}\b)(?=[A-HJ-NPR-Z0-9]*\d)[A-HJ-NPR-Z0-9]{17}\b")
_MBI = re.compile(
    r"\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?"
    r"[AC-HJKMNP-RT-Y]{2}\d{2}\b"
)
_DEA = re.compile(r"\b[ABFGM][A-Z9]\d{7}\b")
_MAC = re.compile(r"\b[0-9A-F]{2}(?:([:-])[0-9A-F]{2})(?:\1[0-9A-F]{2}){4}\b", re.IGNORECASE)
_UDI = re.compile(r"\(01\)\d{14}(?:\(\d{2}\)[\w-]+)*")

# --- keyed identifiers: a code with digits after a keyword --------------------------------
_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("ssn", rf"ssn|ss\s*#|social(?:\s+security)?{_NUMBER_WORDS}"),
    (
        "vehicle_identifier",
        rf"licen[cs]e\s+(?:plate|tag){_NUMBER_WORDS}|plate{_NUMBER_WORDS}|tag\s*(?:#|number|no\.?)|"
        r"vin|vehicle(?:\s+(?:id|identification(?:\s+number)?))?",
    ),
    (
        "other_unique_identifier",
        r"loyalty(?:\s+card)?\s+(?:number|no\.?|#|id)|(?:employee|customer|patient|student|user|client|"
        rf"guest|household|case|ticket|confirmation)\s+(?:id|number|no\.?|#)|badge{_NUMBER_WORDS}|"
        rf"claim{_NUMBER_WORDS}|passport{_NUMBER_WORDS}|id(?:\s+(?:number|no\.?|#))?",
    ),
    (
        "medical_record_number",
        rf"mrn|mr\s*#|med(?:ical)?\.?\s+rec(?:ord)?s?{_NUMBER_WORDS}|hospital\s+(?:record|number|id)"
        rf"{_NUMBER_WORDS}|chart{_NUMBER_WORDS}|record\s+(?:number|no\.?|#)",
    ),
    (
        "health_plan_number",
        rf"member(?:ship)?{_NUMBER_WORDS}|subscriber{_NUMBER_WORDS}|beneficiary{_NUMBER_WORDS}|"
        rf"policy{_NUMBER_WORDS}|insurance(?:\s+card)?{_NUMBER_WORDS}|(?:health\s+)?plan\s+(?:id|number|no\.?|#)|"
        rf"medicare(?:\s+card)?{_NUMBER_WORDS}|medicaid{_NUMBER_WORDS}|mbi|group\s+(?:number|no\.?|#)",
    ),
    (
        "account_number",
        rf"(?:bank|billing|checking|savings|customer)?\s*acc(?:oun)?t\.?{_NUMBER_WORDS}|"
        r"routing(?:\s+number)?|iban|(?:credit\s+|debit\s+)?card(?:\s+(?:number|no\.?|#|on\s+file))?|"
        r"visa|mastercard|amex|paid\s+with",
    ),
    (
        "certificate_license_number",
        rf"driver'?s\s+licen[cs]e{_NUMBER_WORDS}|licen[cs]e{_NUMBER_WORDS}|dl\s*#|dl|"
        rf"certificate{_NUMBER_WORDS}|cert\.?\s*#|npi|dea|(?:registration|permit){_NUMBER_WORDS}",
    ),
    (
        "device_identifier",
        rf"serial{_NUMBER_WORDS}|s/n|sn|imei|mac(?:\s+address)?|udi|"
        r"device(?:\s+(?:id|serial|identifier))?|implant\s+id",
    ),
)
_KEYWORD = re.compile(
    "|".join(rf"(?P<k{i}>\b(?:{pattern})(?![\w/]))" for i, (_, pattern) in enumerate(_KEYWORDS)),
    re.IGNORECASE,
)
_KEYWORD_CATEGORY = {f"k{i}": category for i, (category, _) in enumerate(_KEYWORDS)}
_CODE = re.compile(
    r"(?<![\w/.@$-])(?=[A-Z0-9()./-]*\d)\(?[A-Z0-9][A-Z0-9()]*(?:[-./][A-Z0-9()]+)*(?:\s\d{2,}(?:[-.]\d+)*)*"
)
_PLATE = re.compile(
    r"\b(?i:licen[cs]e\s+plate|plate|tag)(?i:\s+(?:number|no\.?|#))?\s*[:#]?\s*([A-Z0-9]{2,4}[ -][A-Z0-9]{2,4})\b"
)
_GAP = re.compile(r"[\s:#.,=()'-]*(?:[a-z]{1,8}(?:'s)?[\s:#.,=()'-]+){0,4}")
_SSN_AFTER = re.compile(r"^\W{0,3}(?:\w+\s+){0,3}(?:social|ssn)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")

# --- dates, ages, places, descriptions ----------------------------------------------------
_DATE = re.compile(
    rf"\b(?:\d{{1,2}}[/-]\d{{1,2}}[/-](?:\d{{4}}|\d{{2}})|\d{{4}}-\d{{2}}-\d{{2}}|"
    rf"{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}\.?,?\s+\d{{4}})\b",
    re.IGNORECASE,
)
_DATE_CUE = re.compile(
    r"\b(?:dob|d\.o\.b|date\s+of\s+(?:birth|death|service|visit|admission|discharge)|birth\s?date|"
    r"birthday|b-day|born|admit\w*|admission|discharg\w*|seen|visit(?:ed)?\s+(?:us\s+)?on|last\s+visit|"
    r"surgery|operation|procedure|appointment|appt|passed\s+away|died|death|deceased|diagnosed|"
    r"treated|delivered|gave\s+birth|injured|vaccinated|tested|hospitali[sz]ed)\b[^.;!?]{0,25}$",
    re.IGNORECASE,
)
_AGE = re.compile(
    r"\b(?:aged?|age:)\s*(9\d|1[01]\d)\b(?!\s*(?:%|days|weeks|months|percent))|"
    r"\b(9\d|1[01]\d)(?:[- ]?(?:years?|yrs?\.?)[- ]old\b|\s*(?:yrs?\b|y/?o\b|yo\b))|"
    r"\b(?:who|she|he|they)(?:'s|\s+is|\s+was|\s+will\s+be|\s+just\s+turned|\s+turned|\s+turns)\s+(9\d|1[01]\d)\b(?!\s*%)|"
    r"\b(?:turned|turns|turning|now)\s+(9\d|1[01]\d)\b(?!\s*(?:%|percent|stores|locations|countries|items|orders))",
    re.IGNORECASE,
)
_STREET_TYPE = (
    r"street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|ter|"
    r"parkway|pkwy|circle|cir|highway|hwy|trail|trl"
)
_TAIL = rf"(?:,?\s*(?:apt\.?|suite|unit|#)\s*\w+)?(?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?(?:,?\s*(?:{_STATES}))?(?:\s+\d{{5}}(?:-\d{{4}})?)?"
_ADDRESS = re.compile(
    rf"\b\d{{1,6}}\s+(?:[NSEW]\.?\s+)?(?:[A-Z][a-z]+\s+){{1,3}}(?i:{_STREET_TYPE})\b\.?{_TAIL}|"
    r"\b\d{1,6}\s+(?:[a-z]+\s+){1,2}(?:(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|parkway|pkwy|"
    r"terrace|circle|cir|place|court|ct)\b\.?|dr\.)|"
    rf"\b(?i:p\.?\s?o\.?\s+box)\s+\d+{_TAIL}"
)
_ZIP = re.compile(
    rf"\b(?:(?i:zip(?:\s*code)?|postal\s+code)\s*[:#]?\s*|(?:{_STATES})\s+)(\d{{5}}(?:-\d{{4}})?)\b"
)
_BIOMETRIC = re.compile(
    r"\b(?:(?:finger|thumb|palm|voice|face)\s?prints?|(?:retina(?:l)?|iris|palm[- ]vein)\s+scans?|"
    r"facial\s+(?:geometry|recognition\s+(?:data|templates?|scans?))|hand\s+geometry|"
    r"gait\s+(?:signatures?|patterns?|data)|(?:dna|genetic)\s+(?:profiles?|samples?|data|test\s+results?))\b"
    r"(?![- ]?(?:resistant|proof|sensor|reader|scanner|lock))",
    re.IGNORECASE,
)
_PHOTO = re.compile(
    r"\b(?:full[- ]?face\s+(?:photo(?:graph)?|image|picture|shot)s?|(?:facial|face)\s+(?:photo(?:graph)?|image|picture)s?|"
    r"head\s?shots?|mug\s?shots?|passport[- ](?:style\s+)?photos?|(?:photo|picture|image|selfie)s?\s+of\s+"
    r"(?:his|her|their|the\s+\w+'s)\s+face|unblurred\s+(?:selfie|photo|image)s?|"
    r"(?:selfie|photo)s?\s+of\s+(?:the\s+)?(?:patient|customer|member|client)s?)\b",
    re.IGNORECASE,
)
# an address or phone number of the business itself ("our flagship at", "call us at") is no PHI
_OURS = re.compile(
    r"\b(?:(?:our|the)\s+(?:\w+\s+)?(?:store|flagship|shop|office|clinic|location|showroom|studio|pharmacy|"
    r"booth|headquarters|hq|bakery|cafe|restaurant|gym|spa|hotline|helpline)|us)\s+(?:is\s+|are\s+)?(?:at|on)\s+$",
    re.IGNORECASE,
)
_PLACEHOLDER = re.compile(r"\[[A-Z][A-Z_0-9]*\]")


def _ours(text: str, start: int) -> bool:
    return _OURS.search(text[max(0, start - 40) : start]) is not None


# --- validators ---------------------------------------------------------------------------
def _ssn_ok(area: str, group: str, serial: str) -> bool:
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


def _luhn_ok(digits: str) -> bool:
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


# --- recognisers --------------------------------------------------------------------------
def _shapes(text: str) -> list[_Span]:
    found: list[_Span] = []
    if "@" in text:
        for m in _EMAIL.finditer(text):
            if m.group(1).lower() not in _ROLE_MAILBOXES:
                found.append(("email", m.start(), m.end(), 0.99))
    if "http" in text or "www." in text:
        for m in _URL.finditer(text):
            url = m.group(0).rstrip(".,;:)!?")
            if _PERSONAL_URL.search(url):
                found.append(("url", m.start(), m.start() + len(url), 0.9))
    # loopback and unspecified addresses name this machine, never a person's device
    found += [
        ("ip_address", m.start(), m.end(), 0.9)
        for m in _IPV4.finditer(text)
        if not m.group(0).startswith(("127.", "0.0.0.0"))
    ]
    if "::" in text or text.count(":") >= 7:
        found += [
            ("ip_address", m.start(), m.end(), 0.9)
            for m in _IPV6.finditer(text)
            if m.group(0).count(":") >= 2
        ]
    for m in _SSN.finditer(text):
        if _ssn_ok(m.group(1), m.group(3), m.group(4)):
            found.append(("ssn", m.start(), m.end(), 0.95))
    for m in _PHONE.finditer(text):
        if (m.group(1) or m.group(2)) in _TOLL_FREE or _ours(text, m.start()):
            continue
        before = text[max(0, m.start() - 50) : m.start()]
        fax = _FAX_CUE.search(re.split(r"[.!?;]\s", before)[-1]) is not None
        found.append(("fax" if fax else "phone", m.start(), m.end(), 0.9))
    for m in _CARD.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        if 13 <= len(digits) <= 19 and _luhn_ok(digits):
            found.append(("account_number", m.start(), m.end(), 0.9))
    found += [
        ("vehicle_identifier", m.start(), m.end(), 0.85) for m in _VIN.finditer(text) if _vin_ok(m.group(0))
    ]
    found += [("health_plan_number", m.start(), m.end(), 0.85) for m in _MBI.finditer(text)]
    found += [
        ("certificate_license_number", m.start(), m.end(), 0.8)
        for m in _DEA.finditer(text)
        if _dea_ok(m.group(0))
    ]
    found += [("device_identifier", m.start(), m.end(), 0.85) for m in _MAC.finditer(text)]
    if "(01)" in text:
        found += [("device_identifier", m.start(), m.end(), 0.9) for m in _UDI.finditer(text)]
    return found


def _keyed(text: str) -> list[_Span]:
    found: list[_Span] = []
    for m in _CODE.finditer(text):
        code = m.group(0)
        if code.endswith(")") and code.count(")") > code.count("("):  # "(S/N ABC123)"
            code = code[:-1]
        digits = sum(c.isdigit() for c in code)
        if digits < 2 or _YEAR.fullmatch(code):
            continue
        start, end = m.start(), m.start() + len(code)
        window = text[max(0, start - 48) : start]
        keyword = None
        for k in _KEYWORD.finditer(window):
            keyword = k
        category = None
        if keyword is not None and _GAP.fullmatch(window[keyword.end() :]):
            category = _KEYWORD_CATEGORY[keyword.lastgroup or ""]
        elif digits == 9 == len(code) and _SSN_AFTER.match(text[end : end + 40]):
            category = "ssn"
        if category is None or (digits < 4 and category != "vehicle_identifier"):
            continue
        if category == "ssn" and not (digits == 9 and len(re.sub(r"\D", "", code)) == 9):
            continue
        found.append((category, start, end, 0.92))  # the keyword beats a shape (an IMEI is Luhn-valid too)
    for m in _PLATE.finditer(text):  # "plate ABC 1234": the one code with a space inside
        if any(c.isdigit() for c in m.group(1)):
            found.append(("vehicle_identifier", m.start(1), m.end(1), 0.9))
    return found


def _described(text: str) -> list[_Span]:
    found: list[_Span] = []
    for m in _DATE.finditer(text):
        if _DATE_CUE.search(text[max(0, m.start() - 60) : m.start()]):
            found.append(("date", m.start(), m.end(), 0.9))
    for m in _AGE.finditer(text):
        group = next(g for g in range(1, 5) if m.group(g))
        found.append(("age_over_89", m.start(group), m.end(group), 0.9))
    found += [
        ("address", m.start(), m.end(), 0.9) for m in _ADDRESS.finditer(text) if not _ours(text, m.start())
    ]
    found += [("address", m.start(1), m.end(1), 0.85) for m in _ZIP.finditer(text)]
    found += [("biometric_identifier", m.start(), m.end(), 0.75) for m in _BIOMETRIC.finditer(text)]
    found += [("full_face_photo", m.start(), m.end(), 0.75) for m in _PHOTO.finditer(text)]
    return found


def detect_phi(text: str) -> list[PhiFinding]:
    """Every identifier and piece of patient health information in `text`.

    Returns:
        Non-overlapping findings in text order (where spans compete, the longest, then the
        most certain, wins: an address beats the ZIP code inside it).
    """
    spans = _shapes(text) + _keyed(text) + _described(text)
    near = [(s, e) for _, s, e, _ in spans]
    names = [("name", s, e, score) for s, e, score in (*titled_names(text), *name_pairs(text, near))]
    spans += names
    if not _PLACEHOLDER.search(text):
        spans += [
            ("patient_health_info", s, e, score)
            for s, e, score in health_info(text, [(s, e) for _, s, e, _ in names])
        ]
    spans.sort(key=lambda f: (-(f[2] - f[1]), -f[3], f[1]))
    taken: list[_Span] = []
    for span in spans:
        _, start, end, _ = span
        if all(end <= t[1] or start >= t[2] for t in taken) and not _PLACEHOLDER.fullmatch(text[start:end]):
            taken.append(span)
    taken.sort(key=lambda f: f[1])
    return [PhiFinding(c, s, e, text[s:e], score) for c, s, e, score in taken]


def contains_phi(text: str) -> bool:
    """True if `text` holds at least one identifier or piece of patient health information."""
    return bool(detect_phi(text))


def _replace(text: str, findings: list[PhiFinding]) -> str:
    out: list[str] = []
    cursor = 0
    for f in findings:
        out.append(text[cursor : f.start])
        out.append(f"[{f.category.upper()}]")
        cursor = f.end
    out.append(text[cursor:])
    return "".join(out)


def deidentify(text: str) -> tuple[str, list[PhiFinding]]:
    """Replace every identifier with a typed placeholder (`[NAME]`, `[DATE]`, ...).

    Clinical content (conditions, drugs, results) stays: without identifiers it is no
    longer tied to a person (HIPAA Safe Harbor), and the result re-scans clean.

    Returns:
        The de-identified text and what was replaced.
    """
    findings = [f for f in detect_phi(text) if f.category != "patient_health_info"]
    return _replace(text, findings), findings


def redact(text: str) -> str:
    """`text` with every finding, health information included, replaced by its placeholder (for logs)."""
    return _replace(text, detect_phi(text))
