"""Identifiers known by a cue that the other recognisers do not read (issue 12, eighth build).

Each rule below was written for a class of text read off a blind probe's misses; each runs
only when one of its cue words is a word of the text (`_cue`: a look-up in the text's word
index, which the other recognisers share), and each regex
is bounded, so the scan stays linear in the length of the text.

- pagers and internal extensions (`pager 44545`, `On call: Brian Curry x47940`), a local
  number after `call me` with a word between (`call me 2day 257-3792`), a number glued to
  `home`/`work` (`home7133311650`);
- image files after a photo of a face (`photos of her face ... (files IMG_1469.HEIC, ...)`);
- biometric templates after the biometric they belong to (`fingerprint scanner, template
  4BCDAF044CCD25D2`, `Fingerprint minutiae record FP7B...`);
- numbers after their label that `_phi_keyed` has no keyword for: court dockets, dictation
  jobs, matriculation numbers, customer numbers (`cust. no.`), vehicle registrations
  (`vehicle reg. CVZ 819`), driving licences with no digit, national ids whose acronym it
  does not know (`CNP`, `PPSN` ...) or read after `as`; rental agreements and orders only in
  a text about a person (weak);
- people by their role: `Caregiver Edward`, `her neighbor Frank`, `Family (Elaine, wife)`,
  `OT: Danielle`, `with Layla (LICSW)`, `Michele Rose, MD`, `Additional driver: Pekka.`,
  `Reminder: Agnieszka, you ...`, `Aleks is procurement manager`, a salutation
  (`Vážený pane Havlíčková`), `aqui é Gabrielly`;
- labelled and listed names: `PATIENT: NI BHRIAIN, AOIFE` (a two-word surname first), a
  sign-out list line (`4B Lowery, A. 90F MRN ...`), a headerless registry row (`6121900,
  Huang,Zhiqiang,1968-02-21,...`), a clinician's initials signing a note (`-Jd RN`, a
  closing `DT` in a note);
- places by what a person does there: `their apartment on King Freeway, Albany`, `staying
  with her sister in German Village`, `seen at urgent care in Main South` (weak),
  `geo=Kita-ku, Osaka` in a log line, a street with its house number and a postal code with
  its town (`Markskiftevej 88, 6696 Risskov`), a street after `it's` in a support chat
  (`it's Grenåvej 39 in Østbirk`);
- `chart_event`: a lab value on a date (`K 3.1 on 4/27`), a reaction with its date (`sulfa
  (rash October 2088)`), a reaction that opens a line (`Anaphylaxis to shellfish ... on
  April 7th`): one patient's history, so its dates count;
- `business_phone`: the number a piece of copy asks its readers to call (`Questions? Call
  (279) 640-1075.`) is the business's: weak, a finding only in a text about a person.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache

from global_orchestrator.policies._phi_health import EPONYM_AFTER
from global_orchestrator.policies._phi_lexicon import LOWER, UPPER, census, english, everyday_word, places
from global_orchestrator.policies._phi_names import ORG_WORDS, labelled_at, titled_before
from global_orchestrator.policies._phi_spans import (
    DIGIT,
    MONTH_DAY,
    Span,
    _word_index,
    has_any,
    our_own,
    ours,
    scan_words,
    word_keys,
    word_positions,
)

_W = rf"[{UPPER}][{LOWER}'\u2019-]{{1,30}}"
"""A capitalised word (any Latin script)."""
_TITLES = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Ing|Pan|Pani|Herr|Frau|Sig|Sr|Sra|Mme|Mlle|Prof)\b"
_LABELS = (
    r"(?:MRN|DOB|SSN|ID|DOS|AGE|SEX|ACCT|ACCOUNT|RM|ROOM|BED|UNIT|NO|FIN|CSN|ADM|DATE|Mrn|Dob|Age|Sex|Acct|"
    r"Room|Bed|Unit|Date)\b"
)
_CAPS = r"[A-Z][A-Z'\u2019]{1,20}"
"""A word in capitals (`O'BRIEN`)."""

# -- phones -------------------------------------------------------------------------------
_PAGER = re.compile(
    r"\b(?i:pager|pgr|beeper|bleep)\b\.?\s*(?:#|no\.?|number)?\s*[:#]?\s*(\d{4,7}|\d{1,3}-\d{4})(?![\d-])"
)
_EXTENSION = re.compile(rf"(?:{_W}|[A-Z]\.)[^\S\n]{{1,2}}(?:\(?)(x\d{{3,5}}|ext\.?\s?\d{{3,5}})(?![\w-])")
_CALL_ME = re.compile(
    r"\b(?i:call|text|ring|reach)\s+(?i:me)\b[^\n\d]{0,12}(?:\b\w{1,8}\b[^\n\d]{0,4})?"
    r"(?<![\d-])(\d{3}[-.]\d{4})(?![\d-])"
)
_GLUED_HOME = re.compile(r"(?<![A-Za-z])(?i:home|work|cell)(\d{10})(?!\d)")

# -- photos and biometrics ----------------------------------------------------------------
_FACE_PHOTO = re.compile(
    r"(?i:\b(?:photo(?:graph)?s?|pictures?|pics?|images?|selfies?)\s+of\s+(?:his|her|their|my|the\s+patient's|"
    r"pt's)\s+face\b)[^\n.]{0,80}"
)
_IMAGE_FILE = re.compile(r"(?<![\w-])[\w-]{1,60}\.(?i:jpe?g|png|heic|heif|webp|gif|bmp|tiff?)\b")
_TEMPLATE = re.compile(
    r"(?i:\b(?:finger\s?print|thumb\s?print|iris|retina|palm|vein|voice\s?print|face)\w*\b[^\n.;]{0,40}?"
    r"\b(?:template|minutiae(?:\s+record)?|hash|record)\b\s*(?:id|no\.?|#)?\s*[:#]?\s*)"
    r"([A-Z0-9][A-Z0-9-]{7,63})(?![\w-])"
)

# -- numbers after a label ------------------------------------------------------------------
_CODE = r"([A-Z0-9](?:[A-Z0-9]|[-/.](?=[A-Z0-9])){3,24})(?![\w-])"
_LABELLED = re.compile(
    r"\b(?:(?P<other>(?i:docket|court\s+case|matriculation|matric|dictation\s+job|biobank|"
    r"subject|participant)(?:\s+(?:id|no\.?|number|#))?|"
    # a person's enrolment in a trial under its code (`enrolled in trial TX-88120`; a registry's own
    # number, `NCT01234567`, is no one's: `_REGISTRY`)
    r"(?i:(?:enrol(?:l?ed|l?ment)|randomi[sz]ed)\s+(?:in|into|on|to)\s+(?:the\s+|a\s+)?(?:clinical\s+)?"
    r"(?:trial|study|protocol|registry)(?:\s+(?:arm|id|no\.?|number|#))?))|"
    r"(?P<account>(?i:cust(?:omer)?\.?\s*(?:no\.?|#|number|nr\.?)))|"
    r"(?P<weak>(?i:(?:rental\s+)?agreement|order|booking|reservation|job)(?:\s+(?:id|no\.?|number|#|ref(?:erence)?))?))"
    r"[^\S\n]*[:#]?[^\S\n]*(?:#[^\S\n]*)?" + _CODE
)
_REGISTRY = re.compile(r"NCT\d{8}|ISRCTN\d{8}|\d{4}-\d{6}-\d{2}|ACTRN\d{14}|CTRI/[\d/]+|DRKS\d{8}")
"""A trial registry's own number (ClinicalTrials.gov, ISRCTN, EudraCT, ANZCTR, CTRI, DRKS): public."""
_VEHICLE_REG = re.compile(
    r"\b(?i:vehicle\s+reg(?:istration)?|reg(?:istration)?\s+(?:no\.?|number|plate)|number\s+plate|rego|"
    r"kennzeichen|kenteken|immatriculation|targa|matr[ií]cula|rekisterinumero|registreringsnummer)"
    r"\.?\s*(?:no\.?|#)?\s*[:#]?\s*([A-Z0-9]{1,4}(?:[ -][A-Z0-9]{1,4}){1,2})(?![\w-])"
)
_LICENCE_LETTERS = re.compile(
    r"\b(?i:driving\s+licen[cs]e|driver'?s\s+licen[cs]e|licen[cs]e)(?:\s+(?i:no\.?|number|#))?\s*[:#]?\s*"
    r"((?=[A-Z0-9]{0,15}[A-Z])[A-Z0-9]{6,16})(?![\w-])"
)
_NATIONAL = re.compile(
    r"\b(?:CNP|PPSN|PPS|IRD|TAJ|CCCD|CMND|EGN|OIB|AMKA|HETU|RRN|CNIC|EMSO|JMBG|BSN|PESEL|NIR|NIN|CPR|"
    r"(?i:rodn[ée]\s+[čc][íi]slo|my\s+number|emirates\s+id|personal\s+code|personnummer|codice\s+fiscale))"
    r"(?:[^\S\n]+(?i:as|is|was|number|no\.?))?[^\S\n]*[:#]?[^\S\n]*"
    r"([A-Z0-9](?:[A-Z0-9]|[ ./-](?=[A-Z0-9])){5,20})(?![\w-])"
)

# -- names by their role ------------------------------------------------------------------
_ROLE = (
    r"caregiver|care\s+giver|carer|aide|hha|sitter|neighbou?r|roommate|room-mate|housemate|friend|landlord|"
    r"landlady|nanny|guardian|interpreter|companion|boyfriend|girlfriend|fianc[eé]e?|spouse|wife|husband|"
    r"son|daughter|sister|brother|mother|father|mom|mum|dad|niece|nephew|cousin|aunt|uncle|grandson|"
    r"granddaughter|grandmother|grandfather|stepson|stepdaughter|partner"
)
_ROLE_NAME = re.compile(
    rf"(?:^|(?<=[\s(,;:]))(?i:{_ROLE})\s+({_W})(?![\w'\u2019-])"
    rf"(?:\s+({_W})(?![\w'\u2019-]))?",
    re.MULTILINE,
)
_OWNERS = frozenset(("his", "her", "their", "my", "pt's", "patient's"))
_RELATIVE_IN_BRACKETS = re.compile(
    rf"\(({_W}),\s*(?i:{_ROLE}|sister|friend)\)",
)
_DISCIPLINE = re.compile(
    rf"(?:^|(?<=[\s.;]))(?:PT|OT|SLP|ST|RT|RN|LPN|CNA|SW|MSW|CM|NP|PA|RD|Chaplain|Interpreter)\s*:\s*({_W})"
    rf"(?:\s+({_W}))?(?![\w'\u2019-])",
    re.MULTILINE,
)
_CREDENTIAL = (
    r"MD|M\.D\.|DO|RN|NP|PA-C|PA|LPN|CNA|LICSW|LCSW|MSW|LMHC|LPC|LMFT|PhD|PsyD|PharmD|RPh|RD|OTR|"
    r"OTR/L|DPT|PT|SLP|CCC-SLP|APRN|CNM|FNP|DNP|MBBS|FRCP|MRCP"
)
_NAME_CREDENTIAL = re.compile(
    rf"([{UPPER}](?<![\w.'\u2019-].)[{LOWER}'\u2019-]{{1,30}}(?:\s+[A-Z]\.)?(?:[^\S\n]+{_W}){{0,2}})"
    rf"(?:,\s*|\s+\()(?:{_CREDENTIAL})(?![\w-])"
)
_LABEL_NAME = re.compile(
    rf"\b(?:(?i:additional\s+driver|driver|recipient|addressee|attn|attention|guest|passenger|tenant|"
    rf"caregiver|next\s+of\s+kin|nok|hcp|proxy|poa))\s*:\s*(?!{_TITLES})({_W})(?:\s+({_W}))?(?![\w'\u2019-])"
)
_VOCATIVE = re.compile(
    rf"\b(?:Reminder|Hi|Hello|Hey|Dear|Attention|Attn|Good\s+(?:morning|afternoon|evening))\s*[:,-]?\s+"
    rf"(?!{_TITLES})({_W}(?:[^\S\n]{_W})?)[^\S\n]*,(?:\s*(?:you|your|we|this|it|just|please)\b|[^\S\n]*(?:\n|\Z))"
)
"""Someone greeted: the name, a comma, and the message to them (`Hi Maya, your results ...`) or the
line's end (`Good afternoon Joseph,\n\nPer your request ...`, a letter's greeting line)."""
_YOUR = (  # the second person a message to someone goes on with, in the languages greeted
    r"(?:il|la|i|le)\s+(?:suo|sua|suoi|sue|tuo|tua)|suo|sua|tuo|tua|ti|vi|lei|"
    r"(?:a|o|as|os)\s+(?:sua|seu|suas|seus)|seu|sua|voc\u00ea|su|sus|tu|tus|te|usted|le|"
    r"votre|vos|ton|ta|tes|vous|ihr|ihre|ihren|ihrem|ihres|sie|dein|deine|deinen|du|dir|dich|"
    r"uw|je|jouw|u|din|ditt|dina|dine|di|twoja|tw\u00f3j|pana|pani|v\u00e1\u0161|va\u0161e|"
    r"your|you|we|this|it|just|please|grazie|gracias|obrigad[oa]|merci|danke|bedankt|tack|tak"
)
_GREETED = re.compile(
    rf"\b(?:Hallo|Liebe[rs]?|Hola|Ol[\u00e1a]|Oi|Querid[oa]|Estimad[oa]|Prezad[oa]|Car[oa]|Gentile|Ciao|Salve|"
    rf"Bonjour|Salut|Cher|Ch\u00e8re|Beste|Hoi|Hej|Hei|Moi|K(?:j)?\u00e6re|B\u00e4sta|Hyv\u00e4|Drog[ia]|"
    rf"Cze\u015b\u0107|Witaj|Mil[\u00fd\u00e1]|Ahoj|Say\u0131n|Merhaba)[^\S\n]+"
    rf"(?!{_TITLES})({_W})(?:[^\S\n]+({_W}))?[^\S\n]*,(?:[^\S\n]*(?:\n|\Z)|\s*(?i:{_YOUR})(?![\w'\u2019]))"
)
"""Someone greeted in another language (`Gentile Isa,`, `Querida Ana,`, `Ol\u00e1 Rita,`): the
greeting, a Census first name (no everyday word of any language read: `Liebe Kunden,`, `Querida
Fam\u00edlia,` are no one) and, optionally, a surname, then a comma and the line's end (a letter) or
the second person the message goes on in (`il suo`, `su`, `votre`, `Ihr`; `Ciao Bella, nuova
collezione!` is a slogan)."""
_JOB = (
    r"manager|director|engineer|officer|buyer|lead|head|coordinator|specialist|consultant|analyst|"
    r"administrator|owner|founder|ceo|cfo|cto|coo|president|accountant|supervisor|recruiter"
)
_PERSON_IS_JOB = re.compile(
    rf"([{UPPER}](?:(?<=\A.)|(?<=\n.)|(?<=[.!?]\s.))[{LOWER}'\u2019-]{{1,30}})\s+(?:is|was)\s+(?:(?:our|their|the|a|an)\s+)?"
    rf"(?:[a-z]+\s+){{0,2}}(?:{_JOB})(?=\s*[;,.]|\s+(?:at|for|of|and)\b)"
)
_SALUTATION = re.compile(
    rf"\b(?:V[áa][žz]en[ýáy]\s+(?:pane|pan[íi])|Szanown[ya]\s+(?:Panie|Pani)|Stimate\s+(?:domnule|doamn[ăa])|"
    rf"Stimat[ăa]\s+doamn[ăa]|Sehr\s+geehrte[rs]?\s+(?:Herr|Frau)|Geachte\s+(?:heer|mevrouw)|"
    rf"Estimad[oa]\s+(?:Sr\.?|Sra\.?|señor|señora)|Gentile\s+(?:signor[ae]?|sig\.?r?a?)|"
    rf"Cher\s+Monsieur|Chère\s+Madame|Prezad[oa]\s+(?:Sr\.?|Sra\.?)|Aqui\s+[ée]|aqui\s+[ée]|"
    rf"Sou\s+[oa]|Ich\s+bin|Je\s+suis|Soy|Sono)\s+({_W})(?:\s+({_W}))?(?![\w'\u2019-])"
)
# a patient's name in a header, surname first with a two-word surname (`Ni Bhriain, Aoife`)
_HEADER_NAME = re.compile(
    rf"\b(?i:patient(?:\s+name)?|pt\s+name|name)\s*:[^\S\n]*"
    rf"((?:{_W}|{_CAPS}|Ni|Mac|Mc)(?:[ -](?:{_W}|{_CAPS})){{0,2}},"
    rf"[^\S\n]?(?!{_LABELS})(?:{_W}|{_CAPS})"
    rf"(?:[^\S\n](?!{_LABELS})(?:[A-Z]\.?|{_W}|{_CAPS}))?)(?![\w'\u2019-])"
)
# a sign-out or census list line: [room] Surname, I. age-sex (`4B Lowery, A. 90F MRN 8680799 - DKA`)
_LIST_LINE = re.compile(
    rf"^[^\S\n]*(?:[-*\u2022]\s*)?(?:(?:Rm|Room|Bed)?\s*\d{{1,4}}[A-Z]?[-/ ]?[A-Z]?\s+)?"
    rf"({_W}(?:[ -]{_W})?,\s*[A-Z][a-z]{{0,15}}\.?)\s+(\d{{1,3}})\s?(?:yo\s?)?[MF]\b",
    re.MULTILINE,
)
# a headerless registry row: id, surname, given name, a date ... (comma, semicolon or tab)
_ROW = re.compile(
    rf"^[^\S\n]*(\w{{3,20}})([,;\t])((?:{_W}|[A-Z]{{2,30}}))\2((?:{_W}|[A-Z]{{2,30}})(?: {_W})?)\2"
    rf"([^\n]{{8,300}})$",
    re.MULTILINE,
)
_ROW_FIELD_DATE = re.compile(r"(?:19|20)\d\d-\d\d-\d\d|\d{1,2}[/.]\d{1,2}[/.](?:19|20)?\d\d")
_ROW_GATE = re.compile(r"\d(?<=[,;\t]\d)(?:\d{3}-\d\d-\d\d|\d?[/.]\d{1,2}[/.]\d{2,4})")
"""A gate led by a class: every `_ROW` holds a date field (`_ROW_FIELD_DATE` after a separator)."""
_AGE_SEX_GATE = re.compile(r"\d(?<![\d]\d)\d{1,2}\s?(?:yo\s?)?[MF]\b")
"""A gate: every `_LIST_LINE` holds an age and a sex (`90F`)."""
_ROW_ZIP = re.compile(r"\d{5}(?:-\d{4})?")
_ROW_COUNTY = re.compile(rf"{_W}(?:\s{_W})?\s(?:County|Parish)")
# a clinician's initials signing a note
_INITIALS_CREDENTIAL = re.compile(
    r"[-\u2013\u2014~/](?<![^\s.;].)\s?([A-Z][A-Za-z]{1,2})\b\s*,?\s*(?:RN|LPN|MD|DO|NP|PA|CNA|MA|RPh|RT|LCSW|SW)\b"
)
_INITIALS_END = re.compile(
    r"(?:[.;]\s+|^\s*[-\u2013\u2014~]\s?|\s[-\u2013\u2014~]\s?)([A-Z]{2,3})\s*$", re.MULTILINE
)
_NOT_INITIALS = frozenset(
    (
        *("USA", "NYC", "LA", "UK", "EU", "US", "OK", "FAQ", "ER", "ED", "ICU", "PT", "OT", "NA", "DC"),
        *("PM", "AM", "ID", "MD", "RN", "NP", "PA", "ASAP", "FYI", "TBD", "ETA", "CEO", "CFO", "RSVP"),
        *("HQ", "IT", "HR", "PR", "QA", "VIP", "DIY", "SMS", "GPS", "TV", "PS", "NB", "PPS", "MRN"),
        *("DOB", "SSN", "TO", "OF", "IN", "ON", "AT", "BY", "IS", "OR", "AN", "THE", "AND", "FOR"),
    )
)
_DASH = re.compile(r"[-\u2013\u2014~/]")
_LOWER_BEFORE = re.compile(r"[a-z]")
_CLINICAL = re.compile(
    r"(?i:\b(?:pt|patient|advised|eval|ed|er|meds?|dose|mg|symptoms?|rx|refill|triage|clinic|"
    r"appt|nurse|md|rn|called|vitals|pain|bp|seen)\b)"
)

# -- places -------------------------------------------------------------------------------
_HOME_ON = re.compile(
    rf"\b(?:his|her|their|my|pt's|patient's|(?i:lives?|living|resides?|stays?|staying)\s+in\s+(?:a|an))\s+"
    rf"(?:apartment|apt|house|home|flat|condo|trailer|place|"
    rf"duplex|residence)\s+(?:on|at)\s+((?:\d{{1,5}}\s+)?{_W}(?:[^\S\n]+{_W}){{0,3}}),\s+({_W}(?:[^\S\n]+{_W})?)"
    rf"(?![\w'\u2019-])"
)
_STAYING = re.compile(
    rf"\b(?:staying|lives|living|stays|stay|moved|resides|residing|sleeping)\s+with\s+(?:his|her|their|my|a)\s+"
    rf"(?:\w+\s+){{0,2}}?(?:in|at)\s+({_W}(?:[^\S\n]+{_W}){{0,2}})(?![\w'\u2019-])"
)
_SEEN_IN = re.compile(
    rf"\b(?:urgent\s+care|ER|ED|emergency\s+(?:room|department)|hospital|clinic|restaurant|shelter|"
    rf"nursing\s+home|rehab|detox)\s+in\s+({_W}(?:[^\S\n]+{_W}){{0,2}})(?![\w'\u2019-])"
)
_NOT_PLACE_WORDS = frozenset(
    (
        *("january", "february", "march", "april", "may", "june", "july", "august", "september", "october"),
        *("november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"),
        *("sunday", "the", "this", "that", "our", "your", "my", "his", "her", "their", "a", "an", "town"),
        *("spring", "summer", "fall", "autumn", "winter", "town", "downtown", "network", "person"),
    )
)
"""Capitalised words that open no place after `urgent care in` (`in March`, `in Our network`)."""
_FACILITY_CITY = re.compile(
    rf"\b(?:Nursing\s+(?:Center|Home|Facility)|Rehab(?:ilitation)?(?:\s+Center)?|Assisted\s+Living|Senior\s+Living|"
    rf"Care\s+Center|Health\s+Center|Medical\s+Center|Hospital|Manor|Healthcare|Health\s+Care|SNF|LTC|ALF|"
    rf"Memory\s+Care|Group\s+Home)"
    rf",\s+({_W}(?:[^\S\n]+{_W})?)(?=\s*[.;,)|]|\s*$)",
    re.MULTILINE,
)
_GEO = re.compile(
    r"\b(?:geo|city|location|loc|town)=\"?([^\s\"=&,;][^\"=&\n]{0,60}?)\"?(?=\s+\w+=|\s*$|[&\"])", re.M
)
_STREET_CODE_TOWN = re.compile(  # (`(?<![\w'\u2019-])({_W}...`, led by the capital: the same matches)
    rf"([{UPPER}](?<![\w'\u2019-].)[{LOWER}'\u2019-]{{1,30}}(?:[^\S\n]+(?:{_W}|[a-z]{{1,4}})){{0,2}}\s+\d{{1,4}}[A-Za-z]?)"
    rf"(?:,\s+|\s+)"
    rf"(\d{{3}}\s\d{{2}}|\d{{4,5}}|\d{{2}}-\d{{3}})\s+({_W}(?:[ -]{_W}){{0,2}})(?![\w'\u2019-])"
)
_CODE_SHAPE = re.compile(
    rf"\d(?<![\d-]\d)(?:\d{{3,4}}|\d{{2}}\s\d{{2}}|\d-\d{{3}})(?![\d-])(?=[^\S\n]+[{UPPER}])"
)
"""A postal code's shape (4-5 digits, `353 20`, `00-950`) before a capital (its town): where
`_STREET_CODE_TOWN` and `_CODE_AFTER_COMMA` are looked for."""
_IN_CHAT = re.compile(
    rf"\b(?:it's|it\u2019s|it\s+is|address\s+is|deliver\s+to|ship\s+to)\s+"
    rf"((?:\d{{1,5}}[A-Za-z]?[^\S\n]+{_W}(?:[\s-]+(?:{_W}|\d{{1,4}}-?[a-z]{{1,4}})){{0,3}})|"
    rf"(?:{_W}(?:[^\S\n]+{_W}){{0,2}},?\s+\d{{1,5}}[A-Za-z]?))\s+in\s+"
    rf"([{UPPER}][\w'\u2019-]{{1,30}}(?:[\s-][{UPPER}][\w'\u2019-]{{1,30}}){{0,2}}(?:,[^\S\n]+{_W})?)"
)

# -- chart events -------------------------------------------------------------------------
_DATE_SHORT = (
    r"(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,4})"
)
_CHART_EVENT = re.compile(
    r"\b(?:K|Na|Cl|Mg|Ca|Phos|Cr|BUN|Hgb|Hct|WBC|Plt|INR|TSH|Lactate|Trop|BNP|CO2|HCO3|Glucose|Glu|ALT|AST|"
    rf"Lipase|Ferritin|A1c|LDL)\s+\d{{1,4}}(?:\.\d{{1,2}})?\s+(?:on|\(?)\s*{_DATE_SHORT}|"
    r"(?<=\()(?i:hives|rash|anaphylaxis|angioedema|swelling|itching|wheezing|nausea|vomiting)\s+"
    rf"{_DATE_SHORT}|"
    r"(?:^|(?<=[.;]\s))(?i:anaphylaxis|anaphylactic\s+reaction|angioedema|hives|urticaria)\s+(?:to|after)\s+"
    rf"[^\n.;]{{0,60}}?\bon\s+{_DATE_SHORT}",
    re.MULTILINE,
)

# -- the business's own number ------------------------------------------------------------
_CALL_US = re.compile(
    r"(?i:questions\?\s*(?:call|text|phone|ring)(?:\s+or\s+text)?(?:\s+us|\s+(?:our|the)(?:\s+[\w-]+){0,2}\s+"
    r"(?:line|hotline|helpline|desk|team|office|services?))?(?:\s+(?:at|on))?\s*:?\s*)$"
)


def _keys(words: str) -> tuple[str, ...]:
    """Index keys of the words a rule's cue may be (their first three letters, or a shorter whole word)."""
    return tuple(dict.fromkeys(w[:3] for w in words.lower().split()))


_K_PAGER = _keys("pager pgr beeper bleep")
_K_EXTENSION = _keys("call page paged contact reach covering coverage")
_K_CALL = _keys("call text ring reach")
_K_GLUED = _keys("home work cell")
_K_FACE = _keys("face")
_K_TEMPLATE = _keys("template minutiae hash record")
_K_BIOMETRIC = _keys("finger fingerprint thumb thumbprint iris retina palm vein voice voiceprint face")
_K_LABELLED = _keys(
    "docket court matriculation matric dictation biobank subject participant cust customer agreement "
    "enrolled enrollment enrolment randomized randomised "
    "rental order booking reservation job"
)
_K_VEHICLE = _keys(
    "vehicle reg registration number rego kennzeichen kenteken immatriculation targa matricula matrícula "
    "rekisterinumero registreringsnummer"
)
_K_NATIONAL = _keys(
    "cnp ppsn pps ird taj cccd cmnd egn oib amka hetu rrn cnic emso jmbg bsn pesel nir nin cpr rodné rodne "
    "my emirates personal personnummer codice"
)
_K_LICENCE = _keys("licence license")
_K_ROLE = _keys(
    "caregiver care carer aide hha sitter neighbor neighbour roommate room housemate friend landlord "
    "landlady "
    "nanny guardian interpreter companion boyfriend girlfriend fiance fiancé fiancee spouse wife husband son "
    "daughter sister brother mother father mom mum dad niece nephew cousin aunt uncle grandson granddaughter "
    "grandmother grandfather stepson stepdaughter partner"
)
_K_LABEL_NAME = _keys(
    "additional driver recipient addressee attn attention guest passenger tenant caregiver next nok hcp "
    "proxy poa"
)
_K_HEADER = _keys("name patient pt")
_CREDENTIAL_AT = re.compile(
    r"[,(](?:(?<=,)[^\S\n]{0,2}|(?<=\())(?:MD|M\.D\.|DO|RN|NP|PA-C|PA|LPN|CNA|LICSW|LCSW|MSW|LMHC|LPC|LMFT|"
    r"PhD|PsyD|PharmD|RPh|RD|OTR|DPT|PT|SLP|CCC-SLP|APRN|CNM|FNP|DNP|MBBS|FRCP|MRCP|MA|RT|SW)(?![\w-])"
)
"""A credential as a note writes it, after a comma or a bracket (led by a class: a scan in C);
the name rule looks just before each (`_before_credentials`)."""
_K_VOCATIVE = _keys("reminder hi hello hey dear attention attn good")
_K_GREETED = _keys(
    "hallo liebe lieber liebes hola olá ola oi querido querida estimado estimada prezado prezada caro cara "
    "gentile ciao salve bonjour salut cher chère beste hoi hej hei moi kære kjære bästa hyvä drogi droga "
    "cześć witaj milý milá ahoj sayin merhaba"  # (keys: `say` as of `Say\u0131n`)
)
_K_IS = _keys("is was")
_K_SALUTATION = _keys(
    "vážený vážená vazeny vazena szanowny szanowna stimate stimată stimata sehr geachte estimado estimada "
    "gentile cher chère prezado prezada aqui sou ich je soy sono"
)
_K_HOME = _keys("his her their my pt patient live lives living reside resides stay stays staying")
_K_STAYING = _keys("staying lives living stays stay moved resides residing sleeping")
_K_SEEN_IN = _keys("urgent er ed emergency hospital clinic restaurant shelter nursing rehab detox")
_K_CHAT = _keys("it address deliver ship")
_K_CHART_EVENT = _keys(
    "k na cl mg ca phos cr bun hgb hct wbc plt inr tsh lactate trop bnp co2 hco3 glucose glu alt ast lipase "
    "ferritin a1c ldl hives rash anaphylaxis anaphylactic angioedema swelling itching wheezing nausea "
    "vomiting urticaria"
)
_K_QUESTIONS = _keys("questions")
_K_PHOTO = _keys("photo photos photograph photographs picture pictures pic pics image images selfie selfies")
_K_DISCIPLINE = _keys("pt ot slp st rt rn lpn cna sw msw cm np pa rd chaplain interpreter")
_K_FACILITY = _keys(
    "nursing rehab rehabilitation assisted senior care health medical hospital manor healthcare snf ltc alf "
    "memory group"
)
_K_GEO = _keys("geo city location loc town")
_K_JOB = _keys(_JOB.replace("|", " "))


def _cue(text: str, keys: tuple[str, ...]) -> bool:
    """A word of `text` has one of `keys` (see `word_keys`), or the text has no word index."""
    present = _present(text)
    if present is None:
        return True
    frozen = _FROZEN.get(id(keys))
    if frozen is None:
        frozen = _FROZEN[id(keys)] = frozenset(keys)
    return not present.isdisjoint(frozen)


_FROZEN: dict[int, frozenset[str]] = {}
"""The key lists as sets, by `id` (the lists are module constants, alive as long as the module)."""


@lru_cache(maxsize=8)
def _present(text: str) -> frozenset[str] | None:
    """The index keys of the words of `text` (from the word index the recognisers share), or None."""
    index = _word_index(text)
    return None if index is None else frozenset(index.keys)


def _near(
    pattern: re.Pattern[str], text: str, keys: tuple[str, ...], before: int, after: int
) -> Iterator[re.Match[str]]:
    """The matches of `pattern` within `before` characters before and `after` after a word with one of `keys`.

    For a rule whose match does not start at its cue (a name before its credential): each
    stretch is bounded, so the scan stays linear; overlapping stretches are merged.
    """
    at = word_positions(text, keys)
    if at is None:
        yield from pattern.finditer(text)
        return
    yield from _around(pattern, text, at, before, after)


def _near_numbers(pattern: re.Pattern[str], text: str, before: int, after: int) -> Iterator[re.Match[str]]:
    """`_near` at the postal-code-shaped numbers of `text` (`_CODE_SHAPE`)."""
    yield from _around(pattern, text, _code_starts(text), before, after)


def _around(
    pattern: re.Pattern[str], text: str, at: list[int], before: int, after: int
) -> Iterator[re.Match[str]]:
    """The matches of `pattern` in the merged windows around the offsets `at`, each once."""
    end = -1
    for lo, hi in _windows(at, len(text), before, after):
        for m in pattern.finditer(text, lo, hi):
            if m.start() >= end:
                end = m.end()
                yield m


@lru_cache(maxsize=8)
def _code_starts(text: str) -> list[int]:
    """Where the postal-code-shaped numbers of `text` start (`_CODE_SHAPE`; read by two rules)."""
    return [m.start() for m in _CODE_SHAPE.finditer(text)]


def _windows(at: list[int], size: int, before: int, after: int) -> list[tuple[int, int]]:
    """The stretches `[q - before, q + after]` around the offsets `at` (sorted), overlapping ones merged."""
    out: list[tuple[int, int]] = []
    for q in at:
        lo, hi = max(0, q - before), min(size, q + after)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def cued(text: str) -> list[Span]:
    """The identifiers of the classes above (see the module docstring)."""
    found: list[Span] = []
    digit = DIGIT.search(text) is not None
    if digit:
        found += _numbers(text)
    found += _people(text, digit)
    found += _places(text, digit)
    found += _international(text, digit)
    return found


def _numbers(text: str) -> list[Span]:
    found: list[Span] = []
    if _cue(text, _K_PAGER):
        found += [
            Span("phone", m.start(1), m.end(1), 0.85, weak=True) for m in scan_words(_PAGER, text, _K_PAGER)
        ]
    if _cue(text, _K_EXTENSION) and (" x" in text or "ext" in text):
        found += [
            Span("phone", m.start(1), m.end(1), 0.8, weak=True)
            for m in _near(_EXTENSION, text, _K_EXTENSION, 0, 80)
        ]
    if _cue(text, _K_CALL) and has_any(text, ("call me", "text me", "ring me", "reach me")):
        found += [Span("phone", m.start(1), m.end(1), 0.8) for m in scan_words(_CALL_ME, text, _K_CALL)]
    if _cue(text, _K_GLUED):
        found += [Span("phone", m.start(1), m.end(1), 0.75) for m in scan_words(_GLUED_HOME, text, _K_GLUED)]
    if _cue(text, _K_FACE) and "." in text:
        for m in scan_words(_FACE_PHOTO, text, _K_PHOTO):
            found += [
                Span("full_face_photo", f.start(), f.end(), 0.85)
                for f in _IMAGE_FILE.finditer(text, m.end() - len(m.group(0)), m.end() + 120)
            ]
    if _cue(text, _K_TEMPLATE) and _cue(text, _K_BIOMETRIC):
        found += [
            Span("biometric_identifier", m.start(1), m.end(1), 0.95)
            for m in scan_words(_TEMPLATE, text, _K_BIOMETRIC)
            if any(c.isdigit() for c in m.group(1))
        ]
    if _cue(text, _K_LABELLED):
        for m in scan_words(_LABELLED, text, _K_LABELLED):
            code = m.group(m.lastindex or 0)
            if sum(c.isdigit() for c in code) < 4 or re.fullmatch(r"(?:19|20)\d\d", code):
                continue
            if m.group("other") and _REGISTRY.fullmatch(code):
                continue
            if m.group("other"):
                found.append(Span("other_unique_identifier", m.start(m.lastindex or 0), m.end(), 0.85))
            elif m.group("account"):
                found.append(Span("account_number", m.start(m.lastindex or 0), m.end(), 0.85))
            else:
                found.append(
                    Span("other_unique_identifier", m.start(m.lastindex or 0), m.end(), 0.8, weak=True)
                )
    if _cue(text, _K_VEHICLE):
        found += [
            Span("vehicle_identifier", m.start(1), m.end(1), 0.85)
            for m in scan_words(_VEHICLE_REG, text, _K_VEHICLE)
            if any(c.isdigit() for c in m.group(1))
        ]
    if _cue(text, _K_NATIONAL):
        found += [
            Span("other_unique_identifier", m.start(1), m.end(1), 0.9)
            for m in scan_words(_NATIONAL, text, _K_NATIONAL)
            if sum(c.isdigit() for c in m.group(1)) >= 6
        ]
    return found


def _licences(text: str) -> list[Span]:
    words = english()
    return [
        Span("certificate_license_number", m.start(1), m.end(1), 0.85)
        for m in scan_words(_LICENCE_LETTERS, text, _K_LICENCE)
        if m.group(1).isupper() and m.group(1).lower() not in words
    ]


def _first_name(word: str, loose: bool = False) -> bool:
    """A Census first name (an everyday word only if a common first name: `Frank`, `Rose`).

    With `loose`, any word that is no English word and no place too (`Venkatesh`, `Agnieszka`).
    """
    low = word.lower().rstrip("'\u2019")
    common, every, _ = census()
    if low in english():
        return low in common
    if low in every or not low.isascii():
        return True
    return loose and low not in places()


def _people(text: str, digit: bool) -> list[Span]:
    found: list[Span] = []
    words = english()
    if _cue(text, _K_LICENCE):
        found += _licences(text)
    if _cue(text, _K_ROLE):
        for m in scan_words(_ROLE_NAME, text, _K_ROLE):
            owned = text[max(0, m.start() - 12) : m.start()].split()[-1:] in ([w] for w in _OWNERS) or (
                m.group(0)[:1].isupper() and not m.group(0).lower().startswith("partner")
            )  # `her neighbor Tomasz`, `Caregiver Venkatesh` (the role as a title)
            if not _first_name(m.group(1), loose=owned):
                continue
            end = m.end(1)
            if m.group(2) and m.group(2).lower() not in words and not m.group(2).isupper():
                end = m.end(2)
            found.append(Span("name", m.start(1), end, 0.75))
        if "(" in text:
            found += [
                Span("name", m.start(1), m.end(1), 0.8)
                for m in _RELATIVE_IN_BRACKETS.finditer(text)
                if m.group(1).lower() not in words
            ]
    if ":" in text:
        for m in scan_words(_DISCIPLINE, text, _K_DISCIPLINE):
            if not _first_name(m.group(1), loose=True):
                continue
            end = m.end(2) if m.group(2) and m.group(2).lower() not in words else m.end(1)
            found.append(Span("name", m.start(1), end, 0.75))
        if _cue(text, _K_LABEL_NAME):
            for m in scan_words(_LABEL_NAME, text, _K_LABEL_NAME):
                if m.group(1).lower() in words:
                    continue
                end = m.end(2) if m.group(2) and m.group(2).lower() not in words else m.end(1)
                found.append(Span("name", m.start(1), end, 0.8))
        if _cue(text, _K_HEADER):
            found += [
                Span("name", m.start(1), m.end(1), 0.85)
                for m in scan_words(_HEADER_NAME, text, _K_HEADER)
                if _header_name(m.group(1)) and not MONTH_DAY.match(text, text.index(",", m.start(1)) + 1)
            ]
    if "," in text or "(" in text:
        for m in _before_credentials(_NAME_CREDENTIAL, text, 80):
            first = m.group(1).split()[0]
            if first.lower() in words and first.lower() not in census()[0]:
                continue
            found.append(Span("name", m.start(1), m.end(1), 0.8))
    if _cue(text, _K_VOCATIVE):
        found += [
            Span("name", m.start(1), m.end(1), 0.75)
            for m in scan_words(_VOCATIVE, text, _K_VOCATIVE)
            if not any(w in words or w in places() for w in m.group(1).lower().split())
        ]
    if _cue(text, _K_GREETED):
        for m in scan_words(_GREETED, text, _K_GREETED):
            if not _greeted_name(m.group(1)):
                continue
            last = m.group(2)
            surname = last is not None and not everyday_word(last.lower()) and last.lower() not in places()
            end = m.end(2) if surname else m.end(1)
            found.append(Span("name", m.start(1), end, 0.75))
    if _cue(text, _K_JOB) and _cue(text, _K_IS):
        found += [
            Span("name", m.start(1), m.end(1), 0.7)
            for m in _near(_PERSON_IS_JOB, text, _K_JOB, 80, 12)
            if _first_name(m.group(1), loose=True)
        ]
    if _cue(text, _K_SALUTATION):
        for m in scan_words(_SALUTATION, text, _K_SALUTATION):
            if m.group(1).lower() in words:
                continue
            end = m.end(2) if m.group(2) and m.group(2).lower() not in words else m.end(1)
            found.append(Span("name", m.start(1), end, 0.75))
    if digit:
        found += _lists(text)
    found += _initials(text)
    return found


def _greeted_name(word: str) -> bool:
    """`word` after another language's greeting is a first name: a Census one, no everyday word."""
    low = word.lower()
    common, every, _ = census()
    return low in every and not everyday_word(low) and (low not in english() or low in common)


def _header_name(value: str) -> bool:
    """`value` after a patient label is a name.

    No organisation word (`ACME, INC`), and every word an everyday word only if a Census name
    too (`NEGATIVE, NORMAL` is a result).
    """
    _, every, last = census()
    for word in value.replace(",", " ").split():
        key = word.strip(".").lower()
        if key in ORG_WORDS or (key in english() and key not in every and key not in last):
            return False
    return True


@lru_cache(maxsize=8)
def _credential_ends(text: str) -> list[tuple[int, int]]:
    """Where the credentials of `text` are (`_CREDENTIAL_AT`), read once for the rules that end at one."""
    return [(m.start(), m.end()) for m in _CREDENTIAL_AT.finditer(text)]


def _before_credentials(pattern: re.Pattern[str], text: str, before: int) -> Iterator[re.Match[str]]:
    """The matches of `pattern` ending at a credential, looked for in the `before` characters before each."""
    end = -1
    for start, stop in _credential_ends(text):
        for m in pattern.finditer(text, max(0, start - before), stop):
            if m.start() >= end:
                end = m.end()
                yield m


def _on_lines(pattern: re.Pattern[str], text: str, gate: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """The matches of the line pattern `pattern` (it opens with `^`) on the lines that hold a `gate` match."""
    done = -1
    for g in gate.finditer(text):
        line = text.rfind("\n", 0, g.start()) + 1
        if line <= done:
            continue
        done = line
        m = pattern.match(text, line)
        if m is not None:
            yield m


def _lists(text: str) -> list[Span]:
    found: list[Span] = []
    if "," in text:
        for m in _on_lines(_LIST_LINE, text, _AGE_SEX_GATE):
            found.append(Span("name", m.start(1), m.end(1), 0.8))
            if 90 <= int(m.group(2)) <= 119:
                found.append(Span("age_over_89", m.start(2), m.end(2), 0.8))
    if "," in text or ";" in text or "\t" in text:
        _, every, last = census()
        for m in _on_lines(_ROW, text, _ROW_GATE):
            a, b = m.group(3).lower(), m.group(4).split()[0].lower()
            named = (a in last or b in last) and (
                a in every or b in every or not a.isascii() or not b.isascii()
            )
            if not named and not (a in last and b not in english()):
                continue
            rest = m.group(5)
            if _ROW_FIELD_DATE.search(rest) is None:
                continue
            found.append(Span("name", m.start(3), m.end(3), 0.8))
            found.append(Span("name", m.start(4), m.end(4), 0.8))
            if any(c.isdigit() for c in m.group(1)):
                found.append(Span("other_unique_identifier", m.start(1), m.end(1), 0.75))
            sep = m.group(2)
            at = m.start(5)
            for field in rest.split(sep):
                value = field.strip()
                start = at + field.find(value) if value else at
                if _ROW_FIELD_DATE.fullmatch(value):
                    found.append(Span("date", start, start + len(value), 0.8))
                elif _ROW_ZIP.fullmatch(value) or _ROW_COUNTY.fullmatch(value):
                    found.append(Span("address", start, start + len(value), 0.75))
                at += len(field) + len(sep)
    return found


def _initials(text: str) -> list[Span]:
    found: list[Span] = []
    if _DASH.search(text) is not None:
        found += [Span("name", m.start(1), m.end(1), 0.75) for m in _INITIALS_CREDENTIAL.finditer(text)]
    tail = text.rstrip()
    if len(tail) > 20 and tail[-1:].isupper() and _CLINICAL.search(text) is not None:
        m = _INITIALS_END.search(tail, max(0, len(tail) - 8))
        if (
            m is not None
            and m.group(1) not in _NOT_INITIALS
            and _LOWER_BEFORE.search(tail, max(0, m.start() - 40), m.start())
        ):
            found.append(Span("name", m.start(1), m.end(1), 0.7))
    return found


def _places(text: str, digit: bool) -> list[Span]:
    found: list[Span] = []
    if _cue(text, _K_HOME):
        for m in scan_words(_HOME_ON, text, _K_HOME):
            found.append(Span("address", m.start(1), m.end(1), 0.8))
            found.append(Span("address", m.start(2), m.end(2), 0.75))
    if _cue(text, _K_STAYING):
        found += [
            Span("address", m.start(1), m.end(1), 0.7, weak=True)
            for m in scan_words(_STAYING, text, _K_STAYING)
        ]
    if _cue(text, _K_SEEN_IN):
        found += [
            Span("address", m.start(1), m.end(1), 0.7, weak=True)
            for m in scan_words(_SEEN_IN, text, _K_SEEN_IN)
            if m.group(1).split()[0].lower() not in _NOT_PLACE_WORDS
        ]
    if ", " in text and _cue(text, _K_FACILITY):
        found += [
            Span("address", m.start(1), m.end(1), 0.7, weak=True)
            for m in _near(_FACILITY_CITY, text, _K_FACILITY, 0, 60)
            if m.group(1).split()[0].lower() not in english()
        ]
    if "=" in text and _cue(text, _K_GEO):
        found += [
            Span("address", m.start(1), m.end(1), 0.7, weak=True) for m in scan_words(_GEO, text, _K_GEO)
        ]
    if digit:
        words = english()
        for m in _near_numbers(_STREET_CODE_TOWN, text, 80, 50):
            street, town = m.group(1), m.group(3)
            if ours(text, m.start()) or re.fullmatch(r"(?:19|20)\d\d", m.group(2)):
                continue
            if (
                any(w.lower() in words for w in street.split()[:-1] if w[:1].isupper())
                or town.lower() in words
            ):
                continue
            found.append(Span("address", m.start(1), m.end(1), 0.8))
            found.append(Span("address", m.start(2), m.end(3), 0.8))
        if _cue(text, _K_CHAT):
            for m in scan_words(_IT_IS, text, _K_CHAT):
                line = text.rfind("\n", 0, m.start()) + 1
                code = _CHAT_CODE.search(text, max(line, m.start() - 40), m.start())
                if (
                    code is not None
                ):  # `Customer: 48094, it's ...`: the postal code asked for, then the street
                    found.append(Span("address", code.start(1), code.end(1), 0.8))
            for m in scan_words(_IN_CHAT, text, _K_CHAT):
                found.append(Span("address", m.start(1), m.end(1), 0.8))
                found.append(Span("address", m.start(2), m.end(2), 0.75))

    return found


def chart_event(text: str) -> bool:
    """`text` holds one patient's clinical event with its date (`K 3.1 on 4/27`, `(rash October 2088)`)."""
    return (
        DIGIT.search(text) is not None
        and _cue(text, _K_CHART_EVENT)
        and next(scan_words(_CHART_EVENT, text, _K_CHART_EVENT), None) is not None
    )


def business_phones(text: str, spans: list[Span]) -> list[Span]:
    """`spans` with the number a piece of copy asks its readers to call (`Questions? Call ...`) weak.

    It is the business's own: a finding only in a text about a person (a reminder that names
    its patient keeps the clinic's number it gives).
    """
    questions = _cue(text, _K_QUESTIONS)
    service = has_any(text, _SERVICE_GATES)
    if not questions and not service:
        return spans
    out = []
    for s in spans:
        if s.category in _LINE_NUMBERS and not s.weak:
            line = max(text.rfind("\n", 0, s.start) + 1, s.start - 40)
            if (questions and s.category == "phone" and _CALL_US.search(text, line, s.start) is not None) or (
                service
                and _SERVICE_LINE.search(text, max(text.rfind("\n", 0, s.start) + 1, s.start - 60), s.start)
            ):
                s = s._replace(weak=True)
        out.append(s)
    return out


_LINE_NUMBERS = frozenset(("phone", "fax", "ssn"))
"""What a service line's number is read as (`ssn`: a nine-digit number of three groups, `900 123 456`)."""
_SERVICE_LINE = re.compile(
    r"(?i:\b(?:customer\s+(?:service|services|care|support|line|hotline)|(?:sales|support|service|booking|"
    r"reservations?|information|info)\s+(?:line|team|desk|hotline|office)|front\s+desk|box\s+office|reception|"
    r"helpline|hotline|help\s*desk|reservations|bookings|store|shop|boutique|showroom|"
    r"kundenservice|kundendienst|kundenhotline|service-?hotline|servicetelefon|zentrale|rezeption|filiale|"
    r"service\s+client(?:s|\u00e8le)?|accueil|standard|r\u00e9servations?|magasin|"
    r"atenci\u00f3n\s+al\s+cliente|servicio\s+al\s+cliente|centralita|reservas|tienda|"
    r"servizio\s+clienti|assistenza\s+clienti|centralino|prenotazioni|negozio|"
    r"atendimento(?:\s+ao\s+cliente)?|central\s+de\s+atendimento|sac|loja|"
    r"klantenservice|klantendienst|receptie|winkel)\b"
    r"(?:[^\S\n]+(?:team|line|number|no\.?|tel\.?|phone|telefon|t\u00e9l\u00e9phone|tel\u00e9fono|telefono|"
    r"telefone|telefoon|hours|only|direct|direkt|directo|diretto|gratuito|kostenlos|gratuit|gratis)){0,2}"
    r"[^\S\n]*(?::|-|at|on|unter|au|al|ao|op)?[^\S\n]*\Z)"
)
"""A business's service line before a number on its line (`Customer service: 1-800 ...`, `Kundenservice:
0800 ...`, `Service client : 01 ...`, `Atención al cliente: 900 ...`, `Our Paris boutique: +33 ...`): the
business's own number, a finding only in a text about a person (`Reception: 555-0147` in a patient's note)."""
_SERVICE_GATES = (
    *("customer", "line", "desk", "box office", "reception", "hotline", "reservation", "booking", "store"),
    *("shop", "boutique", "showroom", "kundendienst", "kundenservice", "kundenhotline", "service"),
    *("zentrale", "rezeption", "filiale", "accueil", "standard", "réservation", "magasin", "atención"),
    *("servicio", "centralita", "reservas", "tienda", "servizio", "assistenza", "centralino", "prenotazioni"),
    *("negozio", "atendimento", "sac", "loja", "klantenservice", "klantendienst", "receptie", "winkel"),
)
"""A gate: every `_SERVICE_LINE` match holds one of these (lower case)."""


_ORG_RUN = re.compile(
    r"(?:[A-Z][\w.&'\u2019-]*[^\S\n]+(?:(?:of|for|and|the|&)[^\S\n]+){0,2}){0,6}[A-Z][\w&\u2019'-]*[^\S\n]*\Z"
)
"""A capitalised run ending a stretch (`Office of Policy`, `... to Appeals Unit`): an organisation's
name when its last word is one's (`_ORG_LAST`)."""
_DEPARTMENTS = frozenset(
    """marketing sales communications procurement purchasing receiving shipping fulfillment fulfilment
    logistics operations finance accounting payable receivable billing compliance legal admissions
    affairs relations resources""".split()  # noqa: SIM905
)
"""A business's department (`Contoso Marketing`, `Accounts Payable`, `Medical Affairs`)."""
_ORG_LAST = (
    ORG_WORDS
    | _DEPARTMENTS
    | {"plan", "plans", "office", "unit", "division", "dept", "desk", "team", "program"}
) - {
    "home",
    "homes",
    "family",
    "room",
}
"""The last word of an organisation's or a department's name (`Appeals Unit`, `Contoso Health Plan`)."""
_AT_WORD = re.compile(r"\b(?i:at)\b")
_ORG_SEPARATORS = (",", "\u00b7", "|", "\u2022")
_ORG_SEPARATOR = re.compile("[,\u00b7|\u2022]")
"""What parts an organisation's name from its address: a comma, or a footer's `·`, `|`, `•`."""
_FOOTER_SEPARATORS = ("\u00b7", "|", "\u2022")
_FOOTER_SEPARATOR = re.compile("[\u00b7|\u2022]")
_TOWN_CELL = re.compile(r"[^\S\n]*(?:[A-Z][\w'\u2019-]*[^\S\n]*){0,3}\Z")


def _footer_cell(before: str) -> bool:
    """A footer's later cell (`Acme Ltd · 12 Main Road · Leeds <postcode>`) after an organisation's name.

    The organisation's name is one of the three cells before; the address's cell so far is a town or
    nothing (a postcode found apart after its town).
    """
    cells = _FOOTER_SEPARATOR.split(before)
    return (
        len(cells) >= 2
        and _TOWN_CELL.match(cells[-1]) is not None
        and any(_org_name(c) for c in cells[-4:-1])
    )


_ORG_REACH = 80
"""How far before an address on its line an organisation's name is looked for (characters)."""


def _org_name(group: str, whole: bool = False) -> bool:
    """`group` (the text between two commas) ends in an organisation's or a department's name.

    With `whole`, the name is all of it (`74899 Stanley Station` is a street). A name after
    `at` is where someone will be (`We'll meet at Acme AG, 12 Main St`): no organisation's own.
    """
    run = _ORG_RUN.search(group)
    if run is None or (whole and group[: run.start()].strip()):
        return False
    if _AT_WORD.search(group) is not None:
        return False
    words = run.group(0).split()
    return bool(words) and words[-1].lower().strip(".'\u2019") in _ORG_LAST


def org_addresses(text: str, spans: list[Span]) -> tuple[list[Span], list[tuple[int, int]]]:
    """`spans` with an organisation's address weak (`Contoso Health Plan, PO Box 4400, ...`), and where.

    An address led by an organisation's or a department's name and a comma (`St. Luke's
    Hospital, 801 Ostrum Street`, `Office of Policy, Acme Health, 1 Main Street`, `Appeals Unit,
    PO Box 30432`), before it on its line or opening it, is that organisation's: a finding only
    in a text about a person (a patient's nursing home, a referral to a clinic keep it), with
    the pieces of it found apart; a town in it read as a name is no name (the caller drops those).
    """
    if not has_any(text, _ORG_SEPARATORS) or not any(s.category == "address" and not s.weak for s in spans):
        return spans, []
    regions = []
    for s in spans:
        if s.category != "address" or s.weak:
            continue
        reach = max(0, s.start - _ORG_REACH)
        line = text.rfind("\n", reach, s.start) + 1 or reach
        before = text[line : s.start].rstrip()
        # (a footer's cells are parted by `·`, `|` or `•` as an address's lines by commas)
        groups = _ORG_SEPARATOR.split(before[:-1])[-2:] if before.endswith(_ORG_SEPARATORS) else []
        lead = text[s.start : s.end].split(",", 1)
        if (
            any(_org_name(g) for g in groups)
            or (len(lead) == 2 and _org_name(lead[0], whole=True))
            or (has_any(before, _FOOTER_SEPARATORS) and _footer_cell(before))
        ):
            regions.append((s.start, s.end))
    if not regions:
        return spans, []
    regions.sort()
    merged: list[tuple[int, int]] = []
    for a, b in regions:  # (sorted and merged: each span looks up one region, linear time)
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    starts = [a for a, _ in merged]
    weakened = []
    for s in spans:
        i = bisect_right(starts, s.start) - 1
        if s.category == "address" and i >= 0 and s.end <= merged[i][1]:
            s = s._replace(weak=True)
        weakened.append(s)
    return weakened, merged


_PRESS_RELEASE = re.compile(
    r"(?i:\bfor\s+immediate\s+release\b|\btoday\s+announced\b|\bannounced\s+today\b|"
    r"\b(?:media|press|investor)\s+(?:contacts?|inquiries|relations)\s*:)"
)
_PRESS_KEYS = word_keys(("for", "today", "announced", "media", "press", "investor"))
"""Every `_PRESS_RELEASE` match starts a word with one of these keys (`scan_words`)."""
"""A press release: the addresses on its own lines are its issuer's (the boilerplate under it)."""
_ORG_WORD = r"[A-Z0-9][\w.&'\u2019-]*"
_ISSUER_LINE = re.compile(rf"[^\S\n]*(?:(?:{_ORG_WORD}[^\S\n]+){{0,5}}{_ORG_WORD},[^\S\n]*){{0,3}}\Z")
"""What opens a line before the issuer's address: nothing, or an organisation's name and a comma
(and the address's first line found apart from it: `Acme, One Health Plaza, East Hanover, NJ`)."""
_LOCATED_AT = re.compile(
    rf"(?:\b(?:Our|The|our|the)[^\S\n]+(?:[a-z]+[^\S\n]+)?|(?<![\w'\u2019.-])(?:{_ORG_WORD}[^\S\n]+){{0,5}})"
    r"([A-Za-z][\w&-]*)[^\S\n]+(?:is|are)[^\S\n]+(?:conveniently[^\S\n]+|now[^\S\n]+)?(?:located|headquartered|based)[^\S\n]+at[^\S\n]+\Z"
)
"""`Mercy Hospital is located at `, `Our clinic is located at `: an institution's own address follows."""
_NOT_AN_INSTITUTION = frozenset({"home", "homes", "family", "room", "union", "trust", "fund", "lodge"})
"""Organisation words (`ORG_WORDS`) a person's own place may end in (`Her home is located at`)."""
_SITE_WORDS = frozenset({"campus", "facility", "branch", "headquarters", "store"})
"""An institution's premises (`The Riverside Medical Center main campus is located at`)."""
_ADDRESS_LINE_BEFORE = re.compile(
    r"(?:(?i:attn|attention|c/o)\.?:?[^\S\n]*)?(?:(?:[A-Z0-9][\w.'\u2019-]*[^\S\n]+){0,4}[A-Z0-9][\w.'\u2019-]*,[^\S\n]*){1,3}\Z"
)
"""An address's first lines before its town (`Attn: Privacy, One Health Plaza, `), found apart from it."""


def press_release(text: str) -> bool:
    """`text` is a press release (`FOR IMMEDIATE RELEASE`, `... today announced`, `Media contact:`)."""
    return has_any(text, ("release", "announced", "contact", "inquiries", "relations")) and (
        next(scan_words(_PRESS_RELEASE, text, _PRESS_KEYS), None) is not None
    )


def issuer_address(text: str, start: int, press: bool) -> bool:
    """The address at `start` is the one of the organisation the text is from or about, said so.

    On its own line of a press release (`press`), or after the issuer's name and a comma
    (`Acme Health, 12 Main St, ...`); after `<Institution> is located at` (`Mercy Hospital`,
    `Our clinic`; not `Her home`); after `write to us at` with the address's first line found
    apart (`One Health Plaza, East Hanover, NJ 07936`).
    """
    reach = max(0, start - 120)
    line = text.rfind("\n", reach, start) + 1 or reach
    if press and _ISSUER_LINE.match(text, line, start) is not None:
        return True
    head = text[line:start].rstrip()
    if head[-2:].lower() == "at" and has_any(head, ("located", "headquartered", "based")):
        located = _LOCATED_AT.search(text, line, start)
        if located is not None:
            word = located.group(1).lower()
            return (word in ORG_WORDS or word in _SITE_WORDS) and word not in _NOT_AN_INSTITUTION
    if not head.endswith(","):  # (the address's first line ends with a comma)
        return False
    first = _ADDRESS_LINE_BEFORE.search(text, max(line, start - 90), start)
    return first is not None and first.start() > line and our_own(text, first.start())


_EPONYM = re.compile(
    r"(?:Alzheimer|Parkinson|Crohn|Huntington|Hodgkin|Tourette|Asperger|Addison|Cushing|Raynaud|Sj[öo]gren|"
    r"Gehrig|Hashimoto|Meniere|Ménière)['\u2019]s$"
)


_INSTRUMENT_WORDS = frozenset(
    """test scale score index criteria inventory questionnaire syndrome disease sign maneuver
    procedure classification screening""".split()  # noqa: SIM905
)
"""The last word of a scale's, a test's or a disease's name (`Denver Developmental Screening Test`)."""


def without_eponyms(text: str, spans: list[Span]) -> list[Span]:
    """`spans` without the names that are a sign, disease, score or procedure named after someone.

    `Walk to End Alzheimer's`, `Beat Parkinson's`: the verb and the disease read as a first
    name and a surname's possessive. `Kernig's sign`, `Lou Gehrig's disease`, `An Apgar
    score`, `the Whipple procedure` (`EPONYM_AFTER`), `Denver Developmental Screening Test`
    (`_INSTRUMENT_WORDS`): the term itself, unless a title or a label marks the name
    (`Dr. Whipple's clinic`, `Patient: Lou Gehrig`).
    """
    possessive = "'s" in text or "\u2019s" in text
    words = english() if possessive else frozenset()
    out = []
    for s in spans:
        if s.category == "name":
            parts = text[s.start : s.end].split()
            if possessive and len(parts) == 2 and parts[0].lower() in words and _EPONYM.search(parts[1]):
                continue
            if (EPONYM_AFTER.match(text, s.end) or parts[-1].lower() in _INSTRUMENT_WORDS) and not _marked(
                text, s.start
            ):
                continue
        out.append(s)
    return out


def _marked(text: str, start: int) -> bool:
    """A title or a label ends the 40 characters before `start` (`Dr. `, `Patient: `)."""
    return labelled_at(text, start) or titled_before(text, start)


# -- international addresses, phones and names (second batch) -----------------------------
_EAST_ASIAN_ROAD = re.compile(
    r"(?<![\w-])(\d{1,4}(?:-\d{1,4})?\s+[A-Z][a-z]{1,20}(?:-[a-z]{1,4})?-(?:ro|gil|daero)(?:\s+\d{1,4}(?:beon-)?-?gil)?)"
    r"(?![\w-])"
)
_EAST_ASIAN_DISTRICT = re.compile(
    r"(?<![\w-])([A-Z][a-z]{1,20}-(?:gu|si|dong|eup|myeon|gun|ku|shi|cho|machi|ward)"
    r"(?:,\s+[A-Z][a-z]{2,20}(?:-(?:si|shi|do))?)?)(?![\w-])"
)
_EAST_ASIAN_SUFFIX = re.compile(r"-(?:ro|gil|gu|si|dong|eup|myeon|gun|ku|shi|cho|machi|ward)\b")
"""A gate: every match of `_EAST_ASIAN_ROAD` and `_EAST_ASIAN_DISTRICT` holds one."""
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]")
"""A gate: every CJK name, label and date rule needs a kana, Han or Hangul character."""
_ADDRESS_LABEL = re.compile(
    r"(?:địa\s+chỉ|Địa\s+chỉ|地址|住所|주소|배송지|收货地址|送货地址)\s*[:\uff1a]?\s*([^\n.。;\uff1b]{4,80}?)(?=\s*(?:[.。;\uff1b\n]|$|"
    r"SĐT|电话|연락처|Tel|ĐT))"
)
_ADDRESS_LABEL_GATE = ("địa chỉ", "Địa chỉ", "地址", "住所", "주소", "배송지")
_STREET_TYPE_AFTER = re.compile(
    rf"(?<![\w'\u2019-])((?:\d{{4,5}}[^\S\n]+(?:{_W},[^\S\n]+)?)?(?:{_W}[^\S\n]+){{1,3}}(?:utca|u\.|út|útja|tér|körút|sor|köz|Cad\.|Caddesi|Cd\.|Sok\.|Sokak|"
    rf"Sk\.|Bulvar\u0131|Blv\.|Mah\.|Mahallesi)\s*(?:No\s*[:.]?\s*)?\d{{1,4}}[A-Za-z]?\.?(?:\s*(?:Daire|D:|Kat)\s*\d{{1,3}})?)"
    rf"(?:,\s+({_W})(?=\s|[.,;]|$))?"
)
_STREET_TYPE_BEFORE = re.compile(
    rf"(?<![\w'\u2019-])((?:Strada|Str\.|Calea|Bulevardul|Bd\.|B-dul|Intrarea|Aleea|Șoseaua|Soseaua|Splaiul|"
    rf"Piața|Piata|Ulica|ul\.|Vereda|Travessa|Rua|Avenida|Av\.|Calle|C/)\s+(?:(?:{_W}|de|da|do|dos|das|del|la)\s+){{0,4}}"
    rf"{_W}(?:,?\s*(?:Nr\.?|nr\.?|n[º°o]\.?)?\s*\d{{1,4}}[A-Za-z]?)?)(?:,\s+({_W}(?:[^\S\n]+{_W})?))?(?=\s*[,.;]|\s*$)"
)
_CITY_BEFORE_CODE = re.compile(
    rf"(?<=,\s)({_W}(?:[ -]{_W})?),\s*(?:(?i:cep|plz|c\.?p\.?|cap|psč|cod\s+po[șs]tal|c[óo]digo\s+postal|"
    rf"code\s+postal|postcode|post\s+code|zip)\b\.?)\s*[:#]?\s*(\d{{3,6}}(?:[-\s]\d{{3,4}})?)"
)
_CITY_BEFORE_CODE_KEYS = ("cep", "plz", "c", "cp", "cap", "psč", "cod", "cód", "cod", "pos", "zip")
_ADDRESS_IN_BRACKETS = re.compile(
    r"(?i:\baddress|adresse|adres|direcci[óo]n|endere[çc]o|indirizzo)\s*\(([^()\n]{4,80}?\d[^()\n]{0,40}?)"
    r"(?=\s+(?:instead|not|rather)\b|\))"
)
_VISIT_TO = re.compile(
    rf"\b(?i:visit|delivery|delivered|shipped|sent|dispatched|moved|deliver|ship)\s+to\s+"
    rf"((?:(?:Flat|Apt\.?|Unit|Suite|House|No\.?)\s+)?\d{{1,4}}[A-Z]?(?:/\d{{1,4}})?[^\S\n]*\n?[^\S\n]*"
    rf"{_W}(?:[^\S\n]+{_W}){{0,2}}),\s+({_W}(?:[^\S\n]+{_W})?)(?=\s+on\b|\s*[.;,]|\s*$)"
)
_CODE_AFTER_COMMA = re.compile(rf"(?<=,\s)(\d{{5}})\s+({_W}(?:[ -]{_W}){{0,2}})(?![\w'\u2019-])")
_IT_IS = re.compile(r"\bit(?:'s|\u2019s|\s+is)\s+(?=\d|[A-Z])")
_CHAT_CODE = re.compile(r"(?:^|:\s*)((?:[A-Z]\d{2}\s[A-Z0-9]{4})|\d{4,6}|\d{2}-\d{3}|\d{3}\s\d{2}),\s*$")
_PHONE_AFTER_LABEL = re.compile(
    r"(?<![\w])(?i:tel|t[ée]l|telefon|telefone|tel[ée]fono|phone|contacto|contato|puh|zap|whatsapp|sđt|"
    r"joindre\s+au|appeler\s+au|ring|ligue|llame|chiama|portable|handy|cellulare|celular|m[\u00f3o]vil|"
    r"(?:mich|uns)\s+unter|erreichbar\s+unter)\.?\s*[:\uff1a]?\s*((?:\(\+?\d{1,4}\)|\+\d{1,4})?[\s.-]?"
    r"\d[\d\s./-]{6,16}\d)(?![\w-])"
)
_NUMBER_THEN_CUE = re.compile(
    r"(?<![\w+-])(\(?\d{3}\)?[-. ]?\d{3}[-. ]?\d{4})(?![\w-])[^\S\n]+(?:(?:still|also)[^\S\n]+)?"
    r"(?i:(?:the|your|a|our)[^\S\n]+(?:best|right|good|correct|preferred|same|primary)[^\S\n]+"
    r"(?:(?:phone|contact|callback|call-back|mobile|cell)[^\S\n]+)?number)\b"
)
"""A phone number said before what it is (`Is 5550142233 still the best number?`, `555-014-2233 is the
right number`): ten digits, then `the best / right / correct number`."""
_PHONE_LABEL_KEYS = (
    *("tel", "tél", "tele", "tél", "pho", "con", "puh", "zap", "wha", "sđt", "joi", "app", "rin"),
    *("lig", "lla", "chi", "por", "han", "cel", "m\u00f3v", "mov", "mic", "uns", "err"),
)
_CJK_LABEL_NAME = re.compile(
    r"(?:收件人|收货人|联系人|姓名|患者|客户|顾客|氏名|お名前|이름|성명|고객명|받는\s?분)\s*[:\uff1a]\s*"
    r"([\u4e00-\u9fff]{2,4}|[\uac00-\ud7a3]{2,4})"
)
_HANGUL_HONORIFIC = re.compile(
    r"(?<![\uac00-\ud7a3])(?!(?:고객|선생|회원|여러분|환자|의사|간호사|사장|부모|손님|담당자|관리자|고객센터)[님씨\s])"
    r"([\uac00-\ud7a3]{2,4})\s?(?:고객님|님|씨|환자|선생님|귀하)"
)
_CJK_NAME_IN_LATIN = re.compile(
    r"\b(?:for|to|from|by|with|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|customer|patient|guest)\s+"
    r"([\u4e00-\u9fff]{1,3}[ \u3000][\u4e00-\u9fff\u3040-\u30ff]{1,3})(?![\u4e00-\u9fff\u3040-\u30ff])"
)
_CJK_DATE = re.compile(r"(?:19|20)\d\d\s?[年년]\s?\d{1,2}\s?[月월]\s?\d{1,2}\s?[日일]")
_NICKNAME = re.compile(
    rf"\b(?i:goes\s+by|nicknamed|a\.?k\.?a\.?|prefers\s+to\s+be\s+called|likes\s+to\s+be\s+called)\s+"
    rf"[\"'\u201c\u2018]?({_W})[\"'\u201d\u2019]?"
)
_FUNDRAISER = re.compile(
    r"(?<![\w/.-])(?:https?://)?(?:www\.)?(?:gofundme\.com/f|caringbridge\.org/(?:visit|site)|"
    r"justgiving\.com/(?:page|crowdfunding|fundraising)|givesendgo\.com|mealtrain\.com/trains|fundly\.com|"
    r"lotsahelpinghands\.com/c|carepages\.com/blogs|giveforward\.com|flickr\.com/(?:people|photos)|"
    r"medium\.com/@?|about\.me|linktr\.ee|strava\.com/athletes|goodreads\.com/user/show)"
    r"/[\w%.@-]{2,80}(?:/[\w%-]{1,80})?"
)
_BLOG_HOST = re.compile(
    r"(?<![\w/.-])(?:https?://)?[a-z0-9-]{2,40}\.(?:blogspot|wordpress|tumblr|substack)\.com\b(?:/[\w%.-]{1,80})*"
)
_BLOG_HOSTS = (".blogspot.", ".wordpress.", ".tumblr.", ".substack.")
"""A fundraiser, a blog or a profile page: a person's own (`gofundme.com/f/help-dad-walk`)."""
_OWN_SITE = re.compile(
    r"\b(?i:(?:my\s+)?blog|personal\s+(?:site|website|page)|portfolio|homepage)\s+(?:at|is|:)\s+"
    r"((?:https?://)?(?:www\.)?[a-z0-9-]{2,40}\.[a-z]{2,6}(?:/[\w./%-]{0,80})?)(?![\w@])"
)
"""A person's own site after what it is (`Blog at lucasmoreau.fr`; not after `our`)."""
_FORM_FIELD = re.compile(
    r"(?<![\w%])(?i:(?P<phone>phone|tel|telephone|mobile|cell)|(?P<address>address|street|addr|address1|"
    r"address_line1|zip|zipcode|postcode|postal_code|plz)|(?P<date>dob|birthdate|birth_date|birthday|"
    r"date_of_birth))=([^&\s=]{2,80})"
)
"""A URL-encoded form's personal fields (`phone=%2B39+347+123+4567&...`)."""
_NAME_LABEL = re.compile(
    rf"\b(?i:surname|family\s+name|last\s+name|given\s+names?|first\s+names?|forenames?)\s*[:=]?[^\S\n]*"
    rf"((?:{_W}|{_CAPS})(?:[ -](?:{_W}|{_CAPS}))?)(?![\w'\u2019-])"
)
_BIRTHPLACE = re.compile(
    rf"\b(?i:place\s+of\s+birth|birthplace|born\s+in|lieu\s+de\s+naissance|geburtsort|luogo\s+di\s+nascita|"
    rf"lugar\s+de\s+nacimiento)\s*[:=]?[^\S\n]*({_W}(?:[ -]{_W})?)(?![\w'\u2019-])"
)


def _international(text: str, digit: bool) -> list[Span]:
    found: list[Span] = []
    words = english()
    if digit and _EAST_ASIAN_SUFFIX.search(text) is not None:
        found += [  # weak: a store's address in copy is the business's (`Flagship: 12 Gangnam-daero ...`)
            Span("address", m.start(1), m.end(1), 0.85, weak=True) for m in _EAST_ASIAN_ROAD.finditer(text)
        ]
        found += [
            Span("address", m.start(1), m.end(1), 0.7, weak=True) for m in _EAST_ASIAN_DISTRICT.finditer(text)
        ]
    if not text.isascii() and any(map(text.__contains__, _ADDRESS_LABEL_GATE)):
        found += [Span("address", m.start(1), m.end(1), 0.85) for m in _ADDRESS_LABEL.finditer(text)]
    if not text.isascii() and _CJK.search(text) is not None:
        found += [Span("name", m.start(1), m.end(1), 0.85) for m in _CJK_LABEL_NAME.finditer(text)]
        found += [Span("name", m.start(1), m.end(1), 0.8) for m in _HANGUL_HONORIFIC.finditer(text)]
        found += [Span("name", m.start(1), m.end(1), 0.8) for m in _CJK_NAME_IN_LATIN.finditer(text)]
        if digit:
            found += [Span("date", m.start(), m.end(), 0.8, weak=True) for m in _CJK_DATE.finditer(text)]
    if digit and _cue(text, _K_STREET_AFTER):
        for m in _near(_STREET_TYPE_AFTER, text, _K_STREET_AFTER, 80, 40):
            if any(w.lower() in words for w in m.group(1).split()[:1]):
                continue
            found.append(Span("address", m.start(1), m.end(1), 0.85))
            if m.group(2) and m.group(2).lower() not in words:
                found.append(Span("address", m.start(2), m.end(2), 0.75))
    if _cue(text, _K_STREET_BEFORE):
        for m in scan_words(_STREET_TYPE_BEFORE, text, _K_STREET_BEFORE):
            if ours(text, m.start()):
                continue
            found.append(
                Span("address", m.start(1), m.end(1), 0.8, weak=not any(c.isdigit() for c in m.group(1)))
            )
            if m.group(2) and m.group(2).split()[0].lower() not in words:
                found.append(Span("address", m.start(2), m.end(2), 0.7, weak=True))
    if digit and "," in text and _cue(text, _CITY_BEFORE_CODE_KEYS):
        for m in _near(_CITY_BEFORE_CODE, text, _CITY_BEFORE_CODE_KEYS, 40, 30):
            first = m.group(1).split()[0].lower()
            if first not in words and first not in census()[0] and not ours(text, m.start()):
                found.append(Span("address", m.start(1), m.end(1), 0.75))
                found.append(Span("address", m.start(2), m.end(2), 0.8))
    if digit and "(" in text and _cue(text, _K_ADDRESS_WORDS):
        found += [
            Span("address", m.start(1), m.end(1), 0.8)
            for m in scan_words(_ADDRESS_IN_BRACKETS, text, _K_ADDRESS_WORDS)
        ]
    if digit and _cue(text, _K_VISIT):
        for m in scan_words(_VISIT_TO, text, _K_VISIT):
            found.append(Span("address", m.start(1), m.end(1), 0.8))
            if m.group(2).split()[0].lower() not in words:
                found.append(Span("address", m.start(2), m.end(2), 0.75))
    if digit and ", " in text:
        for m in _near_numbers(_CODE_AFTER_COMMA, text, 2, 40):
            town = m.group(2)
            line = text[max(0, m.start() - 60) : m.start()]
            if (
                town.split()[0].lower() in words
                or not any(c.isdigit() for c in line)
                or ours(text, m.start())
            ):
                continue
            found.append(Span("address", m.start(1), m.end(1), 0.8, weak=True))
            found.append(Span("address", m.start(2), m.end(2), 0.75, weak=True))
    if digit and _cue(text, _PHONE_LABEL_KEYS):
        for m in scan_words(_PHONE_AFTER_LABEL, text, _PHONE_LABEL_KEYS):
            value = m.group(1).rstrip()
            if 8 <= sum(c.isdigit() for c in value) <= 15 and not ours(text, m.start()):
                found.append(Span("phone", m.start(1), m.start(1) + len(value), 0.8))
    if digit and "number" in text:
        found += [Span("phone", m.start(1), m.end(1), 0.8) for m in _NUMBER_THEN_CUE.finditer(text)]
    if _cue(text, _K_NICKNAME):
        found += [
            Span("name", m.start(1), m.end(1), 0.8)
            for m in scan_words(_NICKNAME, text, _K_NICKNAME)
            if m.group(0)[-1] in "\"'\u201d\u2019"
            or m.group(1).lower() not in words
            or m.group(1).lower() in census()[0]
        ]
    if "=" in text and "&" in text:
        for m in _FORM_FIELD.finditer(text):
            value = m.group(4)
            if m.group("phone"):
                if sum(c.isdigit() for c in value) >= 7:
                    found.append(Span("phone", m.start(4), m.end(4), 0.85))
            elif m.group("address"):
                found.append(Span("address", m.start(4), m.end(4), 0.8))
            elif any(c.isdigit() for c in value):
                found.append(Span("date", m.start(4), m.end(4), 0.85))
    if _cue(text, _K_NAME_LABEL):
        for m in scan_words(_NAME_LABEL, text, _K_NAME_LABEL):
            first = m.group(1).split()[0].split("-")[0].lower()
            if first in words and first not in census()[1] and first not in census()[2]:
                continue
            found.append(Span("name", m.start(1), m.end(1), 0.85))
        found += [
            Span("address", m.start(1), m.end(1), 0.75, weak=True)
            for m in scan_words(_BIRTHPLACE, text, _K_NAME_LABEL)
            if m.group(1).split()[0].lower() not in words
        ]
    if _cue(text, _K_OWN_SITE):
        found += [
            Span("url", m.start(1), m.end(1), 0.85)
            for m in scan_words(_OWN_SITE, text, _K_OWN_SITE)
            if not ours(text, m.start())
            and "our" not in text[max(0, m.start() - 6) : m.start()].lower().split()
        ]
    if "/" in text and _cue(text, _K_FUNDRAISER):
        found += [Span("url", m.start(), m.end(), 0.9) for m in scan_words(_FUNDRAISER, text, _K_FUNDRAISER)]
    if any(map(text.__contains__, _BLOG_HOSTS)):
        found += [Span("url", m.start(), m.end(), 0.85) for m in _BLOG_HOST.finditer(text)]
    return found


_K_STREET_AFTER = _keys(
    "utca u út útja tér körút sor köz cad caddesi cd sok sokak sk bulvar blv mah mahallesi"
)
_K_STREET_BEFORE = _keys(
    "strada str calea bulevardul bd b intrarea aleea șoseaua soseaua splaiul piața piata ulica ul vereda "
    "travessa rua avenida av calle c"
)
_K_ADDRESS_WORDS = _keys("address adresse adres dirección direccion endereço endereco indirizzo")
_K_VISIT = _keys("visit delivery delivered shipped sent dispatched moved deliver ship")
_K_NICKNAME = _keys("goes nicknamed aka a prefers likes")
_K_FUNDRAISER = _keys(
    "gofundme caringbridge justgiving givesendgo mealtrain fundly lotsahelpinghands carepages"
)
_K_FUNDRAISER += _keys("giveforward https http www flickr medium about linktr strava goodreads")
_K_NAME_LABEL = _keys(
    "surname family last given first forename forenames place birthplace born lieu geburtsort luogo lugar"
)
_K_OWN_SITE = _keys("my blog personal portfolio homepage")
