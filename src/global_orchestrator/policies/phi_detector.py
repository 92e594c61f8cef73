"""PHI detection: the 18 HIPAA Safe Harbor identifiers and patient health information, offline.

`detect_phi` returns typed, non-overlapping spans (`PhiFinding`). Recognisers, one module
each (all regular expressions and word lists, no model, nothing fetched):

- `_phi_shapes`: email, URL tied to a person or record, IPv4/IPv6, SSN, phone and fax
  (North American, international, national, seven digits after a cue), card numbers
  (Luhn), VINs (check digit), Medicare MBIs, DEA numbers, MAC addresses, UDIs;
- `_phi_keyed`: a code after a keyword ("MRN", "member ID", "plate" ...; the nearest keyword
  decides the category), biometric and face-photo identifiers and their files;
- `_phi_dates`: dates in numbers and in words, ages over 89;
- `_phi_places`: street addresses (US and European), PO boxes, ZIP and postal codes,
  labelled places, cities and counties;
- `_phi_names`: names (titles, labels, a Census gazetteer, person cues, lower case);
- `_phi_health`: patient health information (a health term tied to a person);
- `_phi_context`: identifiers known by their context, in international text: postal
  blocks (a country line and its postal code, the lines above it), inline postal
  addresses in any script, values after a cue (a national-format phone number after
  `Mobile:`, a postal code after `ZIP`, a city after `originally from`), IBANs (check
  digits), a single name after or before a person cue (`call me`, `said`, `'s kid`), a
  list of first names, a dialogue's speakers, and every other occurrence of a word of a
  name found in the text;
- ninth build (probe4's classes): `_phi_ids` (national ids of more countries, by their own
  check or after a label in many languages), `_phi_profiles` (profile URLs, fediverse and
  Bluesky handles, a person's own site), `_phi_labels` (hospital numbers, passports, licences
  and cards after local labels; CSV columns; camera photos someone sends), `_phi_streets`
  (street-first addresses after a cue, unit lines, birthplaces, phones by cue), `_phi_people`
  (`Mme DUPONT Anne`, `SURNAME, Given` in registers and rows, sign-offs, self-introductions);
- `_phi_x12`: identifiers in X12 EDI claims and remittances, by segment and element
  (`NM1` names and member ids, `N3`/`N4` addresses, `DMG`/`DTP` dates, `REF`, `CLM`, `PER`);
- `_phi_messages`: portal messages, chats and report headers: self-introductions and
  sign-offs in any case, a chat's speakers (`[09:14] Agent June:`), a name beside a
  relative, weekday dates (`tues (8/17)`), six-digit birth dates after a cue, plates after
  `plate is`, SSN and card last-four fragments, lower-case street, city and ZIP lines,
  names in report headers and labels (`SURNAME, Given` after `for`/`Re:`/`NAME`, after a
  person's label, before a record number or a credential) and the address lines under
  them, and specimen, requisition, reference and authorisation numbers after their labels;
- `_phi_scripts` (probe6's classes) also reads names in Han, kana, Hangul,
  Arabic and Devanagari after a person cue of English or the text's language (`Full name:`,
  `患者`, `氏名`, `이름`, `الاسم`, `नाम`; family-name lists check Han and Hangul), Chinese, Arabic
  and Indian addresses, and dates and e-mails written against CJK text; `_phi_locales` (a
  home after a verb of living with its town, `bor på ... i Lidköping`; an account number after
  an account word; a full name after a name label of many languages; Brazilian phones);
- `_phi_spoken`: identifiers said in words, as transcripts write them (numbers read digit
  by digit, long or after a cue; e-mail addresses said aloud; dates said as three numbers;
  names spelled letter by letter after a spelling cue);
- `_phi_regional` (probe9b's classes): ages over 89 as a birthday's ordinal, number plates of
  any country after a vehicle cue, IBANs in any grouping (country length; check digits or an
  account word), customer and account numbers after labels of other languages, `KRA PIN` and
  `SNILS`, handles after `posted by`/`DM me`, birthplaces before a birth date (`nato a ... il`),
  street lines of Kenyan, Nigerian, Korean, Japanese, Vietnamese, French, Russian, Iranian,
  Indian and Spanish layouts, and a person's town by its layout (a sign-off, `X of <town>, who`);
- `_phi_intl` (probe9b's classes): names of everyday and international text by a cue and a
  shape (`SURNAME, Given`, full names in capitals and lower case, initials, East Asian family
  names, a first name after a relative or introducing themself) and a user's own handle;
- `_phi_dictated` (probe12's classes): a transcribed note's caret header, dictation marks,
  record numbers after the patient's name, extensions and pagers, first names by a note's cues;
- sixteenth build (probe11's classes), in the modules above: names of Cyrillic, Greek, Hebrew and
  Thai text and Taiwanese addresses (`_phi_scripts`), street lines of Cyrillic, Greek, Romanian,
  Hungarian, Mexican and Thai layouts and handles without `@` (`_phi_regional`), APO/FPO/DPO
  addresses and more USPS street types (`_phi_places`), an initial and a surname after a role
  (`_phi_people`), masked SSNs and links to one visit or chart (`_phi_shapes`), ages over 89 in
  words after `y/o` or a relative (`_phi_dates`), a person's own site after `his`/`her`/`personal`
  (`_phi_profiles`) and more national-id labels (`INN`, `CNP`, `CURP`, `Teudat Zehut`: `_phi_ids`);
- `_phi_brands`: not a recogniser: brands and institutions named after a person or a
  place (`Edward Jones`, `Eli Lilly`, `Glasgow Coma Scale`), by a list or by their context
  (the text's own web site or handle, `<Brand> x <Brand>`, `<Brand> pop-up shop`, a
  copyright footer's holder, `the <Name> scrub line`), whose name findings are dropped from
  a text about no one else;
- `_phi_fold`: not a recogniser: the disguises it undoes (zero-width characters, full-width
  forms, homoglyphs, `%40`, odd case ...) give a second text to scan (`detect_phi`).

Dates, cities and bare seven-digit numbers are PHI only when the text is about a person:
a patient record (a note header, "the patient presented ..."), any other identifier in
it, health information tied to someone ("Her MRI is on July 3rd"), or where someone lives
("The patient resides in Cook County"). Campaign dates ("sale ends March 3"), a document's
own dates ("This policy is effective ..."), the business's own address and number ("Visit
us at ...", "Headquarters: ...", a copyright footer: nothing found inside it), brand URLs,
role mailboxes (`support@`, `ir@`), toll-free and freephone numbers (`1-800`, `0800`, `1300`),
promo codes, organisation names, titles of shows and papers after a press mention ("Featured
on ..."), eponyms (`Kernig's sign`, `an Apgar score`) and health topics with no person are not
findings.

The typed placeholders `deidentify` writes (`[NAME]`, `[DATE]` ...: the upper-cased
`CATEGORIES`) are never findings, so de-identified text re-scans clean. In such text health
information counts only next to an identifier still present; any other bracketed word
(`[PROMO]`) is just text.

Every recogniser is a bounded scan and overlaps are resolved in one pass over a bitmap of
the text, so `detect_phi` is linear in the length of its input.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from global_orchestrator.policies._phi_brands import brand_names
from global_orchestrator.policies._phi_business import business_copy
from global_orchestrator.policies._phi_context import context, repeats
from global_orchestrator.policies._phi_cued import (
    business_phones,
    chart_event,
    cued,
    issuer_address,
    org_addresses,
    press_release,
    without_eponyms,
)
from global_orchestrator.policies._phi_dates import dates
from global_orchestrator.policies._phi_dictated import dictated
from global_orchestrator.policies._phi_fold import fold
from global_orchestrator.policies._phi_forms import form_fields
from global_orchestrator.policies._phi_forum import forum
from global_orchestrator.policies._phi_health import (
    about_the_patient,
    chart_shaped,
    health_info,
    health_owners,
)
from global_orchestrator.policies._phi_hl7 import hl7_fields
from global_orchestrator.policies._phi_ids import checked_more, labelled_ids
from global_orchestrator.policies._phi_intl import intl_names
from global_orchestrator.policies._phi_keyed import keyed
from global_orchestrator.policies._phi_labels import (
    camera_photos,
    csv_columns,
    fields,
    labelled_codes,
    person_rows,
)
from global_orchestrator.policies._phi_locales import locale_values
from global_orchestrator.policies._phi_messages import messages
from global_orchestrator.policies._phi_names import labelled_at, names
from global_orchestrator.policies._phi_notes import notes
from global_orchestrator.policies._phi_people import people
from global_orchestrator.policies._phi_places import addresses, joined_addresses, person_home, wide_place
from global_orchestrator.policies._phi_profiles import profiles
from global_orchestrator.policies._phi_regional import regional
from global_orchestrator.policies._phi_scripts import script_names
from global_orchestrator.policies._phi_shapes import freephone, shapes
from global_orchestrator.policies._phi_spans import (
    Span,
    by_first_letter,
    has_any,
    our_own,
    scan_words,
    split_alternatives,
    word_keys,
)
from global_orchestrator.policies._phi_spoken import spoken
from global_orchestrator.policies._phi_streets import streets
from global_orchestrator.policies._phi_x12 import x12_segments

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


PLACEHOLDER = re.compile(r"\[(?:" + "|".join(c.upper() for c in CATEGORIES) + r")\]")
"""A typed placeholder written by `deidentify` or `redact`."""

# the text is (part of) a patient record: dates, cities and short numbers in it are a person's
_RECORD_WORDS = (
    r"mrn|dob|d\.o\.b|record\s+date|chief\s+complaint|hpi|history\s+of\s+present\s+illness|"
    r"admission\s+date|admit\s+date|discharge\s+(?:date|summary|diagnos\w+|instructions|medications)|"
    r"date\s+of\s+(?:admission|discharge|service|visit|birth)|dictated|transcribed|electronically\s+signed|"
    r"attending|assessment\s*(?:and|&|/)\s*plan|hospital\s+course|physical\s+exam(?:ination)?|"
    r"review\s+of\s+systems|past\s+medical\s+history|pmh|y/o|year[- ]old\s+(?:male|female|man|woman|boy|"
    r"girl|gentleman|lady)|presented\s+(?:to|with)|c/o|s/p|pt\s+(?:is|was|has|presents|reports|denies|states)|"
    r"patient\s*(?:name)?\s*:|the\s+patient\s+(?:is|was|has|presents|presented|reports|denies|states|returns|"
    r"returned|underwent|tolerated|will|was\s+seen)|follow[- ]?up\s+(?:with|in)\s+(?:dr|clinic|\d)"
)
_RECORD_KEYS = word_keys(split_alternatives(_RECORD_WORDS))
_TEMPLATE_AFTER = re.compile(r"[^\S\n]*[(\[](?i:generic|template|sample|example|blank|model)[)\]]")
"""A record word heading a template (`Discharge Instructions (generic)`), no patient's record."""
_ABOUT_NO_ONE = re.compile(
    r"(?i:\b(?:de-?identified|anonymi[sz]ed|hypothetical|fictional|fictitious|composite)[^\S\n]+"
    r"(?:case|vignette|scenario|example|patient|summary|note|report|record|data(?:set)?)s?\b|"
    r"\b(?:case|vignette|scenario|example|summary|description|note|report|record)s?[^\S\n]*\([^\S\n]*"
    r"(?:de-?identified|anonymi[sz]ed|hypothetical|fictional|fictitious|composite)[^\S\n]*\))"
)
"""A text that says its case is no one's (`De-identified case:`, `Case description (de-identified):`):
its health information counts only next to an identifier still in it, as in `deidentify`'s output."""
_ABOUT_NO_ONE_WORDS = ("identified", "anonymi", "hypothetical", "ficti", "composite")
"""A gate: every `_ABOUT_NO_ONE` match holds one (lower case)."""
_RECORD = re.compile(r"(?i:\b" + by_first_letter(split_alternatives(_RECORD_WORDS)) + r"\b)")


def _resolve(text: str, spans: list[Span]) -> list[Span]:
    """Non-overlapping spans in text order: where spans compete the longest, then the most certain, wins."""
    spans.sort(key=lambda f: (f.start - f.end, -f.score, f.start))
    taken = bytearray(len(text))
    kept: list[Span] = []
    for span in spans:
        if span.end <= span.start or taken.find(1, span.start, span.end) != -1:
            continue
        if text.startswith("[", span.start) and PLACEHOLDER.fullmatch(text, span.start, span.end):
            continue
        taken[span.start : span.end] = b"\x01" * (span.end - span.start)
        kept.append(span)
    kept.sort(key=lambda f: f.start)
    return kept


def _findings(text: str, spans: list[Span]) -> list[PhiFinding]:
    """The resolved `spans` of `text` as findings (made once, for the caller: the passes pass spans)."""
    return [PhiFinding(s.category, s.start, s.end, text[s.start : s.end], s.score) for s in spans]


def detect_phi(text: str) -> list[PhiFinding]:
    r"""Every identifier and piece of patient health information in `text`, disguised or not.

    The text is scanned as it is and, when `_phi_fold.fold` changes it (invisible
    characters, Unicode spaces and dashes, full-width forms, homoglyphs, `%40`, odd case),
    as folded too; findings of the folding cover the original characters they came from.
    Line breaks written out as `\\n` (a template or a JSON string shown raw) are read as
    line breaks (`_lines`: one reading, the same offsets).

    Returns:
        Non-overlapping findings in text order (where spans compete, the longest, then the
        most certain, wins: an address beats the ZIP code inside it).
    """
    view = _lines(text)
    spans = _detect_phi(view)
    folded = fold(view)
    if folded is not None:
        # (a name the original text has by its label is not cut by a run of the folded one:
        # `CONTE Luca  Cartella` folds to `conte Luca  Cartella`, no label's name any more)
        named = sorted((s.start, s.end) for s in spans if s.category == "name")
        for s in _detect_phi(folded.text):
            start, end = folded.span(s.start, s.end)
            if s.category != "name" or not _runs_past(view, named, start, end):
                spans.append(Span(s.category, start, end, s.score))
        spans = _resolve(text, spans)
    return _findings(text, spans)


def _lines(text: str) -> str:
    r"""`text` with each line break written out (`\n`, two characters) as a space and a line break.

    The offsets stay: a finding in it is the same characters of `text`. Read instead of the
    text as it is, not beside it: `Name: Jane Roe\nDOB: ...` holds a line break for every
    recogniser that reads lines, and no `nDOB`, `nFax` or `nJane` (a name, a fax label or an
    e-mail address read with the `n` of the escape).
    """
    return text.replace("\\n", " \n") if "\\n" in text else text


def _detect_phi(text: str) -> list[Span]:
    """`detect_phi` of the text as it is, as resolved spans (in text order)."""
    # (a heading marked a template is none: `Discharge Instructions (generic)`)
    record = any(
        _TEMPLATE_AFTER.match(text, m.end()) is None for m in scan_words(_RECORD, text, _RECORD_KEYS)
    )
    spans = shapes(text, record) + keyed(text) + dates(text, record) + addresses(text) + context(text)
    spans += (
        script_names(text)
        + hl7_fields(text)
        + x12_segments(text)
        + cued(text)
        + checked_more(text)
        + labelled_ids(text)
    )
    spans += profiles(text) + labelled_codes(text) + csv_columns(text) + fields(text) + camera_photos(text)
    spans += person_rows(text) + form_fields(text)
    spans += streets(text) + people(text) + messages(text) + locale_values(text) + spoken(text)
    spans += forum(text) + regional(text) + intl_names(text)
    spans += notes(text, record)
    # (a freephone line another country's way, `0800 ...`, `1300 ...`, is a business's wherever it is found)
    spans = [s for s in spans if s.category != "phone" or not freephone(text[s.start : s.end])]
    spans, org_at = org_addresses(text, business_phones(text, spans))
    ours_at = _business_addresses(text, spans)
    spans = _outside(spans, ours_at)
    strong = sorted((s.start, s.end) for s in spans if not s.weak)
    labelled = sorted((s.start, s.end) for s in spans if s.category == "name" and not s.weak)
    spans += [
        Span("name", s, e, score)
        for s, e, score in names(text, strong)
        if not _runs_past(text, labelled, s, e)
    ]
    spans = _outside(without_eponyms(text, spans), ours_at)
    if org_at:  # (a town in an organisation's address read as a name: `Hospital, 801 Ostrum St, Bethlehem`)
        names_at = [s for s in spans if s.category == "name"]
        spans = [s for s in spans if s.category != "name"] + _outside(names_at, org_at)
    spans += [Span("name", s, e, 0.75) for s, e in health_owners(text)]
    # (`deidentify`'s placeholders, or a text that says it is about no one: `De-identified case: ...`)
    deidentified = PLACEHOLDER.search(text) is not None or (
        has_any(text, _ABOUT_NO_ONE_WORDS) and _ABOUT_NO_ONE.search(text) is not None
    )
    if not record:
        spans = _without_brands(text, spans, deidentified)
    spans += repeats(text, [(s.start, s.end) for s in spans if s.category == "name"])
    spans += _beside_names(text, spans)
    spans += dictated(text, record, [(s.start, s.end) for s in spans if s.category == "name"])
    ours = business_copy(text, spans, record, brand_names)
    if ours and next(health_info(text, [], deidentified=deidentified), None) is None:
        # a store's, a venue's or an office's own address and numbers in copy about no one
        dropped = set(ours)
        spans = [s for s in spans if s not in dropped]
    about_a_person = record or any(not s.weak for s in spans)
    if not about_a_person and any(s.weak for s in spans) and person_home(text):
        # "The patient resides in Cook County": its places and dates are the patient's; a
        # country or a state is still too wide to point at anyone ("She moved here from Sweden")
        spans = [
            s for s in spans if not (s.weak and s.category == "address" and wide_place(text[s.start : s.end]))
        ]
        about_a_person = any(s.weak for s in spans)
    if not about_a_person and any(s.weak for s in spans):
        # health information tied to a person ("her MRI", "my mom's chemo") makes the text
        # about one too: its dates and places are theirs ("Her MRI is on July 3rd"); so does
        # a chart's line, one patient's values ("Vitals (03/11/2022): BP 132/84")
        about_a_person = next(
            health_info(text, [], deidentified=deidentified), None
        ) is not None or about_the_patient(text)
        if not about_a_person and chart_shaped(text):
            # only its dates: a chart's numbers are readings ("BP 132/84" is no flat number)
            spans = [s for s in spans if not s.weak or s.category == "date"]
            about_a_person = True
        elif not about_a_person and chart_event(text):
            # one patient's event and its date ("K 3.1 on 4/27", "Anaphylaxis ... in Flagstaff on
            # April 7th"): its dates and places are theirs
            spans = [
                s
                for s in spans
                if not s.weak
                or s.category == "date"
                or (s.category == "address" and text[s.start : s.end].istitle())
            ]
            about_a_person = True
    if not about_a_person:
        spans = [s for s in spans if not s.weak]
    spans += joined_addresses(text, spans)
    anchors = sorted((s.start, s.end) for s in spans if not s.weak)
    # (health words tied only by a pronoun or a relative count beside an identifier, `Her MRI is on
    # July 3rd`, or in an instruction to reach that person, `His A1c is 9, so pitch the meal plan`;
    # a chart's line alone, `She tolerated the procedure well.`, identifies no one)
    pronouns = bool(spans) or _OUTREACH.search(text) is not None
    spans += [
        Span("patient_health_info", s, e, score)
        for s, e, score in health_info(text, anchors, deidentified=deidentified, pronouns=pronouns)
    ]
    return _resolve(text, spans)


_OUTREACH = re.compile(
    r"(?i:\b(?:pitch|mention|promote|promotion|upsell|cross-sell|advertis\w*|target|offer|coupon|discount|"
    r"campaign|newsletter|segment|e-?mail|send|text|message|dm|remind|invite|enrol\w*|loyalty|sale|deal)\b)"
)
"""An instruction to reach someone or sell to them: health words about "her" there are a known person's."""
_AGE_AFTER_NAME = re.compile(
    r",[^\S\n]{1,2}(9\d|1[01]\d)(?=[^\S\n]*(?:,|\(|;|$|(?:y|yo|y/o|M|F)\b|"
    r"(?:years?|yrs?)(?:[^\S\n]+old)?[^\S\n]*(?:[,;.)]|$)))",  # `Roe, 97 years,`; not `100 years of service`
    re.MULTILINE,
)
_ID_AFTER_NAME = re.compile(
    r"[^\S\n]{0,2}\((\d{6,10}|[A-Z]{1,3}-?\d{5,9}|\d{2,4}(?:[ -]\d{2,4}){1,2}(?<=[ -]\d\d\d))\)"
)


def _beside_names(text: str, spans: list[Span]) -> list[Span]:
    """An age over 89 or a record number right after a name (`Magret Förster, 97, ...`, `Devi (8566884)`)."""
    found = []
    for s in spans:
        if s.category != "name":
            continue
        # each regex opens with what is checked before it (a comma; a bracket after at most two
        # spaces): a name with neither after it (most) costs no regex call
        age = _AGE_AFTER_NAME.match(text, s.end) if text.startswith(",", s.end) else None
        if age is not None:
            found.append(Span("age_over_89", age.start(1), age.end(1), 0.8))
        code = _ID_AFTER_NAME.match(text, s.end) if "(" in text[s.end : s.end + 3] else None
        # (at most ten digits: `Devi (8566884)`, grouped `Leila Haddad (55-774-571)`; more are a phone's)
        if code is not None and sum(c.isdigit() for c in code.group(1)) <= 10:
            found.append(Span("other_unique_identifier", code.start(1), code.end(1), 0.8))
    return found


_OURS_GATE: tuple[str, ...] = (
    *(" at", ":", " - ", "|", "\u00a9", "(c)", "copyright", "announced", "release", "ed by", "ed for"),
    *("nossa", "nosso", "nuestr", "notre", "nos ", "nostr", "onze", "ons ", "unser"),  # other languages
)
"""A gate of `_business_addresses`: every cue of `our_own` and `issuer_address` holds one (lower case)."""


def _business_addresses(text: str, spans: list[Span]) -> list[tuple[int, int]]:
    """Where the business's own address is (`our_own`: "Visit us at ...", "Headquarters: ...").

    A copyright footer and a product label's firm too (`Manufactured for Acme, 12 Main St, ...`,
    `Distributor: ...`), and the issuer's (`issuer_address`: a press release's boilerplate,
    `Mercy Hospital is located at ...`, `write to us at One Health Plaza, ...`). Nothing found
    inside it is a finding (its ZIP code, city and street found apart, a town read as a name, a
    state read as a keyword: `ID 83702`).
    """
    low = text.lower()
    if not any(w in low for w in _OURS_GATE):
        return []  # a gate: no cue of `our_own` or `issuer_address` in the text
    # (a street address, a postal code or a city: the pieces of the address found apart go too)
    starts = {s.start for s in spans if s.category == "address"}
    press = bool(starts) and press_release(text)
    ours_at = {
        start
        for start in starts
        if our_own(text, _house_number_before(text, start)) or issuer_address(text, start, press)
    }
    return [(s.start, s.end) for s in spans if s.category == "address" and s.start in ours_at]


_HOUSE_NUMBER_BEFORE = re.compile(r"(?<![\w.,/-])\d{1,6}[A-Za-z]?[^\S\n]{1,2}\Z")


def _house_number_before(text: str, start: int) -> int:
    """Where the address at `start` begins with its house number, when one is found apart before it.

    `our store at 7429 Joseph Light Apt. 742, ...`: a street type no list knows, the address read
    from its unit on: `our_own` reads what comes before the house number.
    """
    if start and text[start - 1] in " \t":
        m = _HOUSE_NUMBER_BEFORE.search(text, max(0, start - 10), start)
        if m is not None:
            return m.start()
    return start


def _runs_past(text: str, names: list[tuple[int, int]], start: int, end: int) -> bool:
    r"""A capitalised run that starts inside a name found already, past it over a break or a gap.

    (`Paziente: COMOLLI Tiziana  Cartella`, `Name: ODERWALD Sergio\nGeburtsdatum`): the found
    name is the name; the run only joins its given name to the next label. Past it by a single
    space the run goes on with the name (`MARIA JULIA` and `Julia Silveira`). `names` is sorted.
    """
    i = bisect_right(names, (start, 1 << 62)) - 1
    if not (i >= 0 and names[i][0] < start < names[i][1] < end):
        return False
    past = text[names[i][1] : end]
    return "\n" in past or "  " in past or "\t" in past


def _outside(spans: list[Span], regions: list[tuple[int, int]]) -> list[Span]:
    """`spans` but those inside one of `regions` (or inside overlapping ones taken together).

    The regions are merged and sorted once, and each span looks up the last one that starts at
    or before it: linear time in the spans (a page of contact lines has a region per line).
    """
    if not regions:
        return spans
    merged: list[list[int]] = []
    for a, b in sorted(regions):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    starts = [a for a, _ in merged]
    kept = []
    for s in spans:
        i = bisect_right(starts, s.start) - 1
        if i < 0 or s.end > merged[i][1]:
            kept.append(s)
    return kept


def _without_brands(text: str, spans: list[Span], deidentified: bool) -> list[Span]:
    """`spans` without the names that are a brand's (`_phi_brands`), in a text about no one else.

    Kept when anything else in the text points at a person (another identifier, a name that
    is no brand, a label: `Patient: Paul Mitchell`), and a brand a person may carry when
    health information is tied to it (`Edward Jones, 67M, admitted`, `Paul Mitchell's MRI`).
    """
    names = [(s.start, s.end) for s in spans if s.category == "name"]
    if not names or any(not s.weak and s.category != "name" for s in spans):
        return spans
    found = brand_names(text, names)
    brands = {b: i for b, i in found.items() if not labelled_at(text, b[0])}  # not `Patient: Paul Mitchell`
    if any(not s.weak and (s.start, s.end) not in brands for s in spans):  # a name that is no brand's
        return spans
    people = [b for b, institution in brands.items() if not institution]
    if people and next(health_info(text, people, deidentified=deidentified), None) is not None:
        return spans  # `Paul Mitchell's MRI`: health information tied to the name makes it a person's
    return [s for s in spans if s.category != "name" or (s.start, s.end) not in brands]


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


_PASSES = 3
"""How many times `deidentify` scans: replacing can bring an identifier into reach (below)."""


def deidentify(text: str) -> tuple[str, list[PhiFinding]]:
    """Replace every identifier with a typed placeholder (`[NAME]`, `[DATE]`, ...).

    Clinical content (conditions, drugs, results) stays: without identifiers it is no
    longer tied to a person (HIPAA Safe Harbor), and the result re-scans clean. Replacing
    can bring an identifier into reach (a long name shortened to `[NAME]` puts "contact"
    within reach of the phone number after it; `C. [NAME] 33 Puerta 1` reads as a street),
    so the output is scanned again and replaced again until nothing is found (at most
    `_PASSES` scans; a later scan that finds nothing is the re-scan the caller would do).

    Returns:
        The de-identified text and what was replaced (a later pass's offsets are in the
        text the pass before it wrote).
    """
    replaced: list[PhiFinding] = []
    for _ in range(_PASSES):
        findings = [f for f in detect_phi(text) if f.category != "patient_health_info"]
        if not findings:
            break
        text = _replace(text, findings)
        replaced += findings
    return text, replaced


def redact(text: str) -> str:
    """`text` with every finding, health information included, replaced by its placeholder (for logs)."""
    return _replace(text, detect_phi(text))
