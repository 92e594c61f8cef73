"""Patient-level health information: a condition, drug, result, procedure or visit tied to a person.

A health term alone is a topic ("a diabetes awareness webinar for the public"); it is
PHI when the same sentence ties it to a person (an identifier such as a name or a phone
number, "he"/"her", "the patient"), to a selection of people by their health ("customers
who filled a metformin prescription", "members whose A1C ..."), or when the text reaches
into patient data itself ("the patient list", "clinic records", "the EHR"). The vocabulary
is an offline gazetteer of common conditions, drugs, tests and procedures.

In de-identified text (it holds the typed placeholders `deidentify` writes) pronouns and
selections no longer point at anyone identifiable: there health information counts only
next to an identifier that is still in the text (Safe Harbor). Each sentence is visited
once and each term once, so the scan is linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from global_orchestrator.policies._phi_lexicon import census, english
from global_orchestrator.policies._phi_names import ORG_WORDS
from global_orchestrator.policies._phi_spans import (
    DIGIT,
    by_first_letter,
    grouped,
    has_any,
    literal_prefixes,
    match_at,
    prefix_table,
    scan_words,
    word_before,
    word_keys,
    word_positions,
)

_CONDITIONS = r"""
diabet\w* prediabet\w* hypertension high\s+blood\s+pressure hypotension asthma copd emphysema
depress\w* anxiety bipolar schizophreni\w* ptsd adhd autism dementia alzheimer'?s parkinson'?s
cancer\w* tumou?r\w* carcinoma leukemia lymphoma melanoma sarcoma myeloma chemo\w* oncolog\w*
hiv aids hepatitis(?:\s+[abc])? cirrhosis crohn'?s colitis ibs celiac gerd ulcers? lupus
multiple\s+sclerosis sclerosis ms\b(?<!\b(?-i:Ms)) psoriasis eczema dermatitis acne rosacea arthritis osteo\w*
gout fibromyalgia migraines? epilep\w* seizures? strokes? heart\s+(?:attack|failure|disease)
atrial\s+fibrillation afib arrhythmia angina cholesterol hyperlipidemia obes\w* overweight
sleep\s+apnea insomnia glaucoma cataracts? macular\s+degeneration hearing\s+loss tinnitus
kidney\s+(?:disease|failure|stones?) ckd renal dialysis thyroid\w* hypothyroid\w* anemi\w*
pregnan\w* miscarriage infertil\w* ivf endometriosis pcos menopaus\w* erectile\s+dysfunction
std sti chlamydia gonorrhea syphilis herpes hpv covid(?:-19)? flu influenza pneumonia
tuberculosis strep opioid\w* addiction alcoholism substance\s+use overdose eating\s+disorder
anorexia bulimia concussion fractur\w* torn\s+acl sprain injur\w* allerg\w* shingles
sepsis septic\w* psychosis psychotic chf(?![^\S\n]?\d)
"""
_DRUGS = r"""
metformin insulin\w* glargine lisinopril losartan amlodipine atorvastatin rosuvastatin simvastatin
statins? ozempic wegovy mounjaro trulicity jardiance farxiga januvia semaglutide tirzepatide
humira enbrel stelara dupixent keytruda eliquis xarelto warfarin coumadin clopidogrel plavix
levothyroxine synthroid sertraline zoloft fluoxetine prozac escitalopram lexapro bupropion
wellbutrin adderall ritalin xanax alprazolam lorazepam ativan gabapentin prednisone albuterol
inhalers? suboxone buprenorphine methadone naloxone narcan oxycodone hydrocodone opioids?
antidepressants? antibiotics? amoxicillin antiretroviral\w* truvada prep birth\s+control
chemotherapy methotrexate lipitor crestor viagra cialis accutane isotretinoin
clozapine clozaril risperidone risperdal olanzapine zyprexa quetiapine seroquel aripiprazole
abilify haloperidol antipsychotics?
"""
_TESTS = r"""
a1c hba1c ldl hdl triglycerides psa egfr creatinine glucose cd4 viral\s+load bmi
blood\s+(?:sugar|pressure|work|test)
lab\s+(?:results?|work|tests?) test\s+results? biops(?:y|ies) mammogram\w* pap\s+smears?
colonoscop\w* mri ct\s+scan x-rays? xrays? ultrasound ekg ecg echocardiogram screening\s+results?
tested\s+(?:positive|negative) came\s+back was\s+(?:elevated|abnormal|high|low)
is\s+(?:elevated|abnormal|high|low)
"""
_CARE = r"""
diagnos\w* prescri\w* refill\w* medications? meds dosage treat(?:ed|ment|ing)\s+for therapy
surger(?:y|ies) operation procedure replacement transplant fusion root\s+canal bariatric
amputation c-section vasectomy hysterectomy mastectomy implant pacemaker cpap hearing\s+aids?
physical\s+therapy rehab\w* admitted discharged hospitali[sz]ed hospitali[sz]ations?
er\s+visit emergency\s+room
appointments? check-?ups? follow-?ups? cardiology\s+[a-z]\w* oncology\s+[a-z]\w* dermatology\s+[a-z]\w*
on\s+(?:hospice|oxygen)
"""
_HEALTH_WORDS = " ".join([_CONDITIONS, _DRUGS, _TESTS, _CARE]).split()
_HEALTH_KEYS = word_keys(_HEALTH_WORDS)
_HEALTH_PREFIXES = prefix_table(literal_prefixes(_HEALTH_WORDS))  # what a term starts with ("diabet")
_HEALTH = re.compile(
    r"\b" + by_first_letter(_HEALTH_WORDS) + r"\b",
    re.IGNORECASE,
)
# a person in the sentence (identifiers found are added by the caller); "a patient newsletter" is none
_PERSON = re.compile(
    r"(?i:\b(?:he|she|he's|she's|his|her|him|hers|(?:the|our|this|that|a|your)\s+patient(?:'s)?|"
    r"patient's|(?:my|our|his|their)\s+(?:mom|mum|mother|dad|father|son|daughter|wife|husband|partner|"
    r"brother|sister|grandma|grandpa|grandmother|grandfather|kid|child|baby|aunt|uncle|cousin|"
    r"boyfriend|girlfriend|fianc[eé]e?)(?:'s)?)\b(?!\s+(?:newsletters?|education|portals?|experience|satisfaction|care|safety|outcomes?|"
    r"population|engagement|surveys?|resources?|handouts?|materials?|services|advocates?|stories|reviews|"
    r"communications?|events?|webinars?|guides?|brochures?|flyers?|leaflets?|programs?|support\s+groups?)\b))|"
    r"\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+[A-Z]",
)
_PERSON = re.compile(grouped(_PERSON.pattern), _PERSON.flags)  # same matches, fewer tests
_DECADE = re.compile(
    r"(?i:\b(?:an?\s+(?:patient|man|woman|person|adult|individual)\s+)?in\s+(?:his|her|their)\s+"
    r"(?:early\s+|mid-?\s*|late\s+)?[1-9]0s\b)"
)
"""Someone described by a decade of age only (`a patient in their 60s`, `a woman in her 50s`): a
teaching case's or a summary's, no one's (another person word in the sentence still ties)."""
# people selected by their health: "customers who filled", "members whose", "anyone tagged with"
_SELECTION = re.compile(
    r"\b(?:customers?|members?|patients?|people|persons?|women|men|moms|mothers|users|shoppers|clients|"
    r"subscribers|employees|anyone|everyone|those|folks|individuals|kids|children|seniors)\s+"
    r"(?:who(?:'ve|'re)?|whose|that|tagged|diagnosed|taking|on|with\s+(?:a|an|the)\b|in\s+(?:the|our)\s+"
    r"(?:ehr|emr|database|crm|records?|registry))\b",
    re.IGNORECASE,
)
_SELECTION = re.compile(grouped(_SELECTION.pattern), _SELECTION.flags)  # same matches, fewer tests
# the text reaches into patient data itself
_RECORDS = re.compile(
    r"\b(?:(?:\w+\s+)?patient\s+(?:lists?|records?|data|charts?|files?|roster|panel|database)|"
    r"(?<!past\s)(?<!family\s)(?<!prior\s)(?<!significant\s)(?<!relevant\s)(?<!pertinent\s)"
    r"(?:clinic|clinical|medical|health|visit|treatment|pharmacy|prescription|hospital)(?:'s)?\s+"
    r"(?:records?|history|histories|logs?|data)|records\s+of\s+(?:our\s+|the\s+)?patients|"
    r"(?:from|in|of)\s+(?:the|our)\s+(?:ehr|emr|clinic\s+database|patient\s+portal)|ehr|emr|"
    r"(?:chemo|dialysis|cancer|diabetic|hiv|pregnant|oncology|cardiac|bariatric|ivf)\s+patients\s+"
    r"(?:from|in|on|at|of|as|list|who)\b|everyone\s+(?:on|in)\s+[^.;]{0,30}\bpatient)",
    re.IGNORECASE,
)
# index keys (`scan_words`) of the words a match of _RECORDS starts with, or the word before "patient"
_RECORDS_KEYS = word_keys(
    [
        "patient",
        "clinic",
        "medical",
        "health",
        "visit",
        "treatment",
        "pharmacy",
        "prescription",
        "hospital",
        "records",
        "from",
        "ehr",
        "emr",
        "chemo",
        "dialysis",
        "cancer",
        "diabetic",
        "hiv",
        "pregnant",
        "oncology",
        "cardiac",
        "bariatric",
        "ivf",
        "everyone",
        r"in\s",
        r"of\s",
    ]
)
# a sentence ends at [.!?;] and white space (not after "Mr", "Dr", "no" ...) or a line break;
# the punctuation comes first and the look-behinds after it, so the regex engine jumps from one
# candidate character to the next
_BOUNDARY = re.compile(
    r"[.!?;\n](?:(?<=\n)|(?<!\bMr.)(?<!\bMrs.)(?<!\bMs.)(?<!\bDr.)(?<!\bno.)(?<!\bSt.)\s+)"
)


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _BOUNDARY.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _records(text: str) -> Iterator[re.Match[str]]:
    """What `_RECORDS.finditer(text)` yields, the regex run only where a match can start."""
    starts = word_positions(text, _RECORDS_KEYS)
    patient = word_positions(text, ("pat",))
    if starts is None or patient is None:
        yield from _RECORDS.finditer(text)
        return
    before = (word_before(text, q) for q in patient)  # "(?:\w+\s+)?patient\s+..."
    yield from match_at(_RECORDS, text, sorted({*starts, *(b for b in before if b is not None)}))


_TOOL_BEFORE = re.compile(
    r"(?i:\b(?:available|accessible|found|located|built|listed|posted|linked|embedded|integrated|"
    r"launched|opened|enabled|configured|installed)[^\S\n]{1,3})\Z"
)
_MENU_AFTER = re.compile(
    r"[^\S\n]{1,3}(?i:under|via|from\s+the|in\s+the|on\s+the)[^\S\n]{1,3}(?:the[^\S\n]{1,3})?"
    r"(?:[A-Z][\w-]*(?:[^\S\n][A-Z][\w-]*){0,3}|[a-z]{2,15}[^\S\n]{1,3}(?:menu|tab|toolbar|sidebar|panel|"
    r"section|activity|workspace))"
)


def _software_place(text: str, start: int, end: int) -> bool:
    """`in the EHR` as where a tool is (`available in the EHR under Patient Education`): no patient's data."""
    if not text[start:end].lower().startswith("in "):
        return False
    return (
        _TOOL_BEFORE.search(text, max(0, start - 24), start) is not None
        or _MENU_AFTER.match(text, end) is not None
    )


def health_info(
    text: str, anchors: list[tuple[int, int]], *, deidentified: bool = False, pronouns: bool = True
) -> Iterator[tuple[int, int, float]]:
    """Spans of patient-level health information.

    Args:
        text: The text.
        anchors: Spans of identifiers found in it (names, phone numbers ...), in text order.
        deidentified: The text holds `deidentify`'s placeholders: only anchors tie.
        pronouns: A pronoun, a relative or `the patient` ties a sentence's health words (False:
            only anchors, people selected by their health and patient records do).
    """
    if not deidentified and has_any(text, ("patient", "record", "histor", "log", "data", "ehr", "emr")):
        for match in _records(text):
            if not _software_place(text, match.start(), match.end()):
                yield match.start(), match.end(), 0.9
    terms = list(scan_words(_HEALTH, text, _HEALTH_KEYS, _HEALTH_PREFIXES))
    if not terms:
        return
    starts = sorted(s for s, _ in anchors)
    t = a = 0
    for s_start, s_end in _sentences(text):
        inside = []
        while t < len(terms) and terms[t].start() < s_end:
            if terms[t].start() >= s_start:
                inside.append(terms[t])
            t += 1
        while a < len(starts) and starts[a] < s_start:
            a += 1
        if not inside:
            continue
        tied = a < len(starts) and starts[a] < s_end
        if not tied and not deidentified:
            sentence = text[s_start:s_end]
            if "0s" in sentence:  # `A patient in their 60s with ...`: a teaching case's no one
                sentence = _DECADE.sub(" ", sentence)
            tied = pronouns and _PERSON.search(sentence) is not None
            tied = tied or _SELECTION.search(sentence) is not None
        if tied:
            for m in inside:
                yield m.start(), m.end(), 0.8


# what only a patient's chart holds: a vital sign or a lab result with its value, a dose with a
# clinical route or schedule ("BP 132/84", "SpO2 97%", "INR 2.4", "10 mg qhs", "5 mg PO"); a
# leaflet or an advert names the same tests and drugs without one person's values
_CHART = re.compile(
    r"(?i:\b(?:bp|b/p|blood\s+pressure)\b[^\n.;]{0,24}?(?<![\d/])\d{2,3}/\d{2,3}(?![\d/])"
    r"|\b(?:spo2|sao2|o2\s*sats?|sats)\b\s*(?:of\s+|was\s+|is\s+|[:=]\s*)?\d{2,3}\s*%"
    r"|\b(?:inr|hba1c|a1c|creatinine|cr|hgb|hb|wbc|plt|potassium|sodium|bun|tsh|troponin|bnp|lactate"
    r"|glucose|egfr)\b(?:\s+[ivxt]\b|\s+trend)?[^\S\n]*(?:of\s+|was\s+|is\s+|[:=]\s*)?(?:\(?\d{1,2}/\d{1,2}\)?\s+)?"
    r"\d{1,4}\.\d{1,2}(?!\d)"
    r"|\b(?:hr|pulse|rr|heart\s+rate)\b\s*(?:of\s+|was\s+|[:=]\s*)?\d{2,3}(?!\d)(?:\s*(?:bpm|,|;|$)|(?=[^\n]{0,40}\b(?:bp|spo2|rr|temp)\b))"
    r"|\bt(?:emp)?\.?\s*[:=]?\s*\d{2,3}(?:\.\d)?\s*\u00b0?\s*[cf]\b"
    r"|\d\s*(?:mg|mcg|\u00b5g|units?|ml|meq)\s+(?:(?:po|iv|im|sc|sq|subq|sl|pr|inh|neb)\b|(?:bid|tid|qid|qhs|qam|qpm|qd|qod|q\d{1,2}h|prn)\b)"
    r"|\b(?:mmhg|mg/dl|mmol/l|meq/l|bpm)\b)",
    re.MULTILINE,
)


# a named drug given, held or changed: one patient's order ("Warfarin 5 mg started 4/2",
# "Metformin held since the 3rd"); an advert's drugs are sold, not given
_DRUG_WORDS = _DRUGS.split()
_DOSED = re.compile(
    r"(?i:\b(?:" + by_first_letter(_DRUG_WORDS) + r")\b(?:\s+\d+(?:\.\d+)?\s*(?:mg|mcg|units?|ml))?"
    r"\s+(?:was\s+|were\s+)?(?:given|held|started|stopped|discontinued|administered|restarted|resumed|"
    r"increased|decreased|reduced|titrated|tapered|taper\s+(?:began|started))\b)"
)
_DOSED_KEYS = word_keys(_DRUG_WORDS)
_DOSED_VERBS = (
    "given",
    "held",
    "start",
    "stop",
    "discontinued",
    "administered",
    "resumed",
    "creased",
    "reduced",
    "titrated",
    "taper",
)


_PATIENT = re.compile(
    r"(?i:(?<![\d.])(?<!\d\s)\bpt'?s?\b(?!\s*(?:font|size|scale|type))"
    r"|\b(?:the|this|our)\s+patient\b(?!\s+(?:portal|education|experience|care|safety|satisfaction|services|"
    r"advocate|advocacy|engagement|resources|newsletter|app|community|stories|story))|\bpatient['\u2019]s\b)"
)
"""The patient a clinical line is about (`Pt called 9/5`, `found pt on floor`, `the patient's`),
not a unit (`12 pt font`) nor a service for patients (`our patient portal`)."""


def about_the_patient(text: str) -> bool:
    """A clinical line names its patient: its dates and places are theirs (`Pt called 9/5`)."""
    return has_any(text, ("pt", "patient")) and _PATIENT.search(text) is not None


def chart_shaped(text: str) -> bool:
    """`text` holds a vital sign, a lab value, a dose or an order as only a patient's chart writes them.

    Such a line is about one patient even when it names no one ("Vitals (03/11/2022): BP
    132/84, HR 76", "Warfarin 5 mg started 4/2"): its dates are theirs.
    """
    if DIGIT.search(text) is not None and _CHART.search(text) is not None:  # (every reading holds a digit)
        return True
    return has_any(text, _DOSED_VERBS) and next(scan_words(_DOSED, text, _DOSED_KEYS), None) is not None


# `\b([A-Z][a-z]{1,20})['\u2019]s\b`, led by its capital (the engine skips to capitals in C;
# the look-behind after it is the `\b` before it), same matches
_OWNER = re.compile(r"([A-Z](?<!\w.)[a-z]{1,20})['\u2019]s\b")
_NEXT_CAPITAL = re.compile(r"[^\S\n]{1,3}([A-Z])")
_STORES = frozenset(
    (
        *("walgreen", "kroger", "meijer", "albertson", "dillard", "macy", "wendy", "hershey", "kellogg"),
        *("denny", "arby", "carl", "culver", "hardee", "chili", "applebee", "domino", "jimmy", "zaxby"),
        *("lowe", "kohl", "trader", "claire", "popeye", "bojangle", "nathan"),
    )
)
"""Stores and brands written with a possessive (`Walgreen's flu shots`, `Denny's phone number`)."""
_OWNER_REACH = 80
"""How far after a first name's possessive its health term may be (characters, same sentence)."""
_EPONYM_NOUNS = (
    r"signs?|diseases?|syndromes?|phenomenon|palsy|triad|reflex|ulcers?|sarcoma|lymphoma|tumou?rs?|"
    r"encephalopathy|aphasia|anomaly|criteria|classification|maneuver|manoeuvre|nodes?|contracture|"
    r"diverticulum|law|granulomatosis|thyroiditis|neuroma|cyst|dystrophy|chorea|ataxia|anemia|anaemia"
)
EPONYM_AFTER = re.compile(
    r"(?:['\u2019]s?)?[^\S\n]{1,2}(?:"
    + _EPONYM_NOUNS
    + r"|(?<![s'\u2019][^\S\n])(?<![s'\u2019][^\S\n]{2})(?:score|scale|test|procedure|operation|surgery|"
    r"technique|catheter(?:ization)?|fracture|point|rules?|index|equation|formula|method|position|"
    r"forceps|splint|tube|stain|staging))\b(?![^\S\n]?-?(?:up|in|off|out|results?)\b)"
)
"""What makes the name before it an eponym, the term itself (`Kernig's sign`, `Lou Gehrig's disease`,
`an Apgar score`, `the Whipple procedure`): a sign, disease or syndrome after a possessive or
not, a score, test or procedure only without one (`Maria's surgery` is hers)."""


_PERSONAL = re.compile(
    r"(?i:[^\S\n]{1,3}(?:(?:personal|private|new|old|own|home|work|cell|current)[^\S\n]{1,3})?"
    r"(?:mobile|cell(?:phone)?|phone(?:\s+number)?|number|e-?mail|inbox|address|home(?!\s+(?:run|page|screen|team|game))|"
    r"house|flat|apartment|"
    r"birthday|passport|licen[cs]e|ssn|wife|husband|partner|boyfriend|girlfriend|son|daughter|mom|mum|"
    r"mother|dad|father|kids?|children|baby|parents|sister|brother|grandma|grandmother|grandpa|grandfather)\b)"
)
"""What follows a person's possessive (`Romana's mobile`, `Christiane's personal inbox`)."""
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w&.'\u2019-]*[^\S\n]{1,2}\Z")


def health_owners(text: str) -> list[tuple[int, int]]:
    """First names whose possessive a health term or a personal thing follows (`Maria's HIV test`).

    A personal thing right after the possessive counts too (`Romana's mobile`, `Tammy's
    personal inbox`).

    A Census first name (`Maria`, `Grace`), or a word that is neither an everyday word nor a
    Census surname (`Tomasz`, `Priya`; not `Today's`, `Walgreen's`), followed within the
    sentence by a condition, drug, test or procedure: the person the health information is
    about. An eponym (`Parkinson's disease`) is the term itself, not an owner. A possessive
    after another capitalised word is a brand's (`Trader Joe's address`).
    """
    if "'s" not in text and "\u2019s" not in text:
        return []
    common, _, surnames = census()
    words = english()
    owners = [
        m
        for m in _OWNER.finditer(text)
        if (key := m.group(1).lower()) in common
        or (key not in words and key not in surnames and key not in ORG_WORDS)
    ]
    if not owners:
        return []
    found = []
    for m in owners:
        if (
            _HEALTH.match(text, m.start())
            or m.group(1).lower() in _STORES
            or EPONYM_AFTER.match(text, m.end(1))
        ):
            continue  # (an eponym: `Kernig's sign suggests the diagnosis`)
        after = _NEXT_CAPITAL.match(text, m.end())
        if after is not None and not _HEALTH.match(text, after.start(1)):
            continue  # a business: `Sam's Club flu shots`, `Maria's Bakery`
        if _PERSONAL.match(text, m.end()) and not _CAPITAL_BEFORE.search(
            text, max(0, m.start() - 30), m.start()
        ):
            found.append((m.start(1), m.end(1)))
            continue
        reach = text[m.end() : m.end() + _OWNER_REACH]
        cut = _BOUNDARY.search(reach)
        term = _HEALTH.search(reach, 0, cut.start() if cut else len(reach))
        if term is not None:
            found.append((m.start(1), m.end(1)))
    return found
