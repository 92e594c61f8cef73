"""Identifiers in patient-portal messages, chat transcripts and the headers of reports, by their cue.

Portal messages are informal: names in lower case, first names alone, names that are also
words (`hope bell`, `- Major`). What makes them names is where they stand:

- a self-introduction: `this is`, `it's`, `my name is`, `i am`, `regarding`, `writing for
  my dad`, `on behalf of`, `patient of dr X,` and then two to five name words that end
  where a name ends (punctuation, `'s`, ` and`, a bracket): `It's karl-georg gotthard, I
  saw ...`; its first word a first name or no everyday word (not `I'm feeling better`);
- a sign-off: a closing (`thx in advance,`, `Kind regards,`, a lone `-`; letters may be
  doubled by a typo: `thhanks`, `Sinceerely`) ending a line, then a line that is a name,
  maybe after a dash and before a phone number or a bracket (`- jen`, `roland
  (father-in-law)`, `angel kumer, 518-1610`); a phone number alone on the next line is
  the writer's too; or a closing, a comma and the name ending one line (`thx, maria`);
- a name before a relative in brackets (`Hope (aunt) is my emergency contact`), a relative's
  name after `my` (`my grandpa karan at ...`), a lower-case surname after `dr` (`hi dr gray,`);
- a chat transcript's speakers (`[09:14] Agent June: ...`, `(9:14 AM) lívia: ...`): in a
  transcript (two time-stamped lines or more), a speaker is a name unless a role
  (`Patient`, `Guest`, `Visitor`); a speaker named with a role needs no stamp (`Agent
  June:`); someone thanked or greeted in a transcript (`Thanks Andrew.`);
- a weekday before a date in numbers (`tuesday (8/17)`, `thurs 12/30`): the weekday is part
  of the date;
- a six-digit birth date after a birth cue (`dob: 092185`, `born on 040191`);
- a licence plate of two groups after `plate is` (`058 UAM`, `TFD 8593`); the last four
  digits of an SSN after their cue (`last 4 of my social is 1234`, `SSN ending in 0917`)
  and of a card on file (`card on file ending 1941`);
- a street line in any case after a home cue (`We live at 5964 weeks flat apt. 032 now`),
  and a city and ZIP code before and after a US state code (`cedar rapids, ky 91285`):
  weak, a person's only in a text about one; a state in lower case only after a city;
- in reports and claims, a `SURNAME, Given` after `for`, `Re:`, `NAME`, `Patient`, `Member`
  or `update:` (`for LOVE, PAULA K (MR# ...)`), alone on its line before a record number
  in brackets or a street line (and that street and city line), a name in reading order
  after a person's label (`Patient: Jane Đặng,`, `Member: Madison Day |`), before a record
  number in brackets (`Precious Brown (Hosp #: ...)`) or an initial and surname before a
  credential (`-- J. Vu, MD`); and specimen, requisition, patient, reference and
  authorisation numbers after their labels (`Req #: CH24-507736`, `Lab No: 24:HE24167R`,
  `PID: 42-24-72-50`, `PA# 55120981`, `Reference number PA-0016859`);
- probe10: the person labels of records, forms and exports also name staff, signers, payees,
  drivers and users (`Employee:`, `Driver:`, `Payee:`, `Policyholder:`, `Surgeon:`, `Assistant:`,
  `Cosigned:`, `Signed electronically:`, `Approved by:`, `user=`, `Nom / Name:`), the value in
  reading order or as `Surname, Given` (no place, no credential: `Halvorsen, MD`; after a bare
  `Name:` a given name and a surname, not `name: Spring Promo`); a handoff's `Surname, Given
  (60M)` line; a patient called by the surname before an age (`Patient Pinto is 100`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from global_orchestrator.policies._phi_lexicon import LOWER, UPPER, census, english, places
from global_orchestrator.policies._phi_names import ORG_WORDS
from global_orchestrator.policies._phi_places import STATES
from global_orchestrator.policies._phi_spans import (
    DIGIT,
    Span,
    digit_shape,
    folded,
    line_starts,
    list_keys,
    match_at,
    scan_words,
    word_positions,
)

_W = r"[^\W\d_](?:[^\W\d_]|['\u2019](?![sS]\b)[^\W\d_]|-(?=[^\W\d_]))*"
"""A name word: letters (any script: `Đặng`), inner hyphens and apostrophes (not a possessive `'s`)."""
_TOKEN = rf"(?:[^\W\d_]\.|{_W})"
"""A name word or an initial."""
_NAME = re.compile(rf"({_TOKEN}(?:[^\S\n]{{1,2}}{_TOKEN}){{0,4}})")
_NAME_END = re.compile(r"[^\S\n]*(?:[,.;:!?()\n]|['\u2019]s\b|and\b|writing\b|here\b|\Z)")

_INTRO = re.compile(
    r"(?i:\b(?:this\s+is|it'?s|its|my\s+name\s+is|my\s+name'?s|i\s+am|i'?m|im\b|"
    r"(?:this\s+(?:message|msg)\s+is\s+)regarding|writing\s+for\s+my\s+[a-z]+(?:-in-law)?|"
    r"writing\s+(?:about|on\s+behalf\s+of)(?:\s+my\s+[a-z]+(?:-in-law)?)?|calling\s+about|"
    r"behalf\s+of(?:\s+my\s+[a-z]+(?:-in-law)?)?|patient\s+name\s+is|"
    r"patient\s+of\s+dr\.?\s+[^\W\d_][\w'\u2019-]*,)[^\S\n]+)"
)
_INTRO_KEYS = list_keys(_INTRO.pattern)
_INTRO_GATE = re.compile(
    r"this is|it'?s |its |name|i am|i'?m |im |regarding|writing|patient of|behalf|calling"
)

_STOP = frozenset(
    """a an the my your our his her their its me you him them us we i he she it they this that these those
    and or but not no yes so very just also too still again here there now then today tomorrow yesterday
    is am are was were be been being have has had do does did will would can could should may might must
    writing calling texting emailing asking sending following checking reaching hoping trying going
    patient patients doctor dr nurse team staff office clinic everyone family friend mom dad mother father
    son daughter wife husband sister brother aunt uncle grandma grandpa grandmother grandfather partner
    caregiver guardian me myself about from for with of to in on at by as mr mrs ms miss mx sir madam
    pan pani herr frau sr sra srta""".split()  # noqa: SIM905
)
"""Words that end or rule out a name after a cue (pronouns, verbs, roles, relatives)."""

_KIN = (
    r"wife|husband|son|daughter|mother|father|mom|mum|dad|brother|sister|partner|grandson|granddaughter|"
    r"grandmother|grandfather|grandma|grandpa|niece|nephew|aunt|uncle|cousin|friend|caregiver|guardian|"
    r"spouse|stepmother|stepfather|stepson|stepdaughter|(?:mother|father|son|daughter|brother|sister)-in-law|"
    r"stepmom|stepdad|fiance|fiancee|boyfriend|girlfriend|roommate|neighbor|neighbour|godmother|godfather|"
    r"granny|nana|papa|hubby|child|kid"
)
_KIN_PAREN = re.compile(rf"\((?i:{_KIN})\)")
_BEFORE_KIN_PAREN = re.compile(
    rf"(?:\A|\n|[.!?][^\S\n]+)[^\S\n]*(?:-[^\S\n]*)?({_W}(?:[^\S\n]{_W}){{0,2}})[^\S\n]*\Z"
)
"""A name opening a line or a sentence before a relative in brackets (searched back from the bracket)."""
_KIN_NAME = re.compile(
    rf"(?i:\b(?:my)[^\S\n]+(?:{_KIN}))[^\S\n]+({_TOKEN}(?:[^\S\n]{_TOKEN}){{0,3}}?)"
    r"(?=[^\S\n]*\(|[^\S\n]+(?i:will|at|fell|is|was|has|had|who|can|says|said|and)\b|[^\S\n]*[,;])"
)
_KIN_NAME_KEYS = list_keys(_KIN_NAME.pattern)
"""A relative and their name, then what follows a name (`my grandpa karan at`, `my dad ana ruiz will`)."""
_TURN = re.compile(r"[^\S\n]*(?:\[[\d:]+\][^\S\n]*)?[A-Za-z][A-Za-z0-9 .]{0,24}:[^\S\n]")
"""A dialogue's turn: a speaker and a colon opening the line (`Caller: ...`, `[00:00:07] AGENT: ...`)."""
_THANKS = re.compile(
    r"(?i:\b(?:thanks|thank[^\S\n]+you|thx|hi|hello|hey|no[^\S\n]+problem|okay|ok\b|alright|got[^\S\n]+it|"
    rf"sorry|good[^\S\n]+(?:morning|afternoon|evening)))[,]?[^\S\n]+({_W})(?=[.!,])"
)
"""Someone thanked, greeted or answered in a chat or a call (`Thanks Andrew.`, `Hi yetunde,`,
`No problem, Bob.`, `Okay, Mark, the refill ...`)."""
_THANKS_KEYS = list_keys(_THANKS.pattern)
_DR_LOWER = re.compile(rf"\b(?:dr)[^\S\n]+({_W})(?=[^\S\n]*[,.]|[^\S\n]+on\b|[^\S\n]*\n)")
"""A doctor's surname in informal writing: `dr` without its period, then a surname in lower case
(`hi dr gray,`, `I saw dr levy on Nov 15`)."""
_DR_LOWER_KEYS = list_keys(_DR_LOWER.pattern)

_CLOSINGS = (
    "thanks",
    "thanks a lot",
    "thank u",
    "stay well",
    "be well",
    "god bless",
    "hugs",
    "cordially",
    "xoxo",
    "thanks in advance",
    "thanks so much",
    "thanks again",
    "thank you",
    "thank you so much",
    "thank you again",
    "many thanks",
    "thx",
    "thx in advance",
    "tks",
    "ty",
    "regards",
    "kind regards",
    "best regards",
    "warm regards",
    "warmest regards",
    "best",
    "best wishes",
    "cheers",
    "sincerely",
    "respectfully",
    "warmly",
    "take care",
    "love",
    "gratefully",
    "blessings",
)


def _doubled(phrase: str) -> str:
    """`phrase` as a regex whose letters may be doubled by a typo (`thhanks`, `sinceerely`)."""
    return r"[^\S\n]+".join("".join(f"{c}+" for c in word) for word in phrase.split())


def _doubled_keys(phrase: str) -> tuple[str, ...]:
    """The word-index keys (first three characters) of `phrase` with letters doubled by a typo."""
    word = phrase.split()[0]
    keys = {""}
    for c in word[:3]:
        keys = {k + c * n for k in keys for n in (1, 2)}
    return tuple({k[:3] for k in keys})


_SIGNATURE = (
    r"[^\S\n]*\n(?:[^\S\n]*\n)?[^\S\n]*(?:-[^\S\n]*)?"
    rf"({_TOKEN}(?:[^\S\n]{{1,2}}{_TOKEN}){{0,4}})[^\S\n]*(?=,|\(|\n|\Z)"
)
_SIGN_OFF = re.compile(
    r"(?i:"
    + "|".join(_doubled(p) for p in sorted(_CLOSINGS, key=len, reverse=True))
    + r")\b[^\S\n]*[,.!]*"
    + _SIGNATURE
)
"""A closing at a line's end, then the writer's name on the next line (tried at the closing's words)."""
_SIGN_OFF_KEYS = tuple(sorted({k for p in _CLOSINGS for k in _doubled_keys(p)}))
_DASH_SIGN_OFF = re.compile("-" + _SIGNATURE)
_SENT_FROM = re.compile(r"[^\S\n]*\n[^\S\n]*(?i:sent\s+from\s+my|(?:cell|mobile|phone|tel)\b)")
"""A mail client's signature or a phone label on the line below a name: the writer's name above it."""
"""A lone dash on a line, then the writer's name."""
_PHONE_AFTER = re.compile(
    r"(?:,[^\S\n]*|[^\S\n]*\n(?:[^\n\d]{0,12}\d[^\n]{0,28}\n)?[^\S\n]*)"
    r"(\(?\d{3}\)?[-. ]?\d{3}[-. ]\d{4}|\d{10}|\d{3}[-.]\d{4})"
    r"(?=[^\S\n]*(?:\n|\Z))"
)
"""A phone number alone on the line under the writer's name, or under one short line of theirs
with a number in it between (`James Curtis\nDOB 08/19/1991\n7397623598`)."""

_STAMP = (
    r"(?:\[\d{1,2}:\d{2}[^\]\n]{0,8}\]|\(\d{1,2}:\d{2}[^)\n]{0,8}\)|"
    r"\d{1,2}:\d{2}(?::\d{2})?(?:[^\S\n]?[AaPp]\.?[Mm]\.?)?(?:[^\S\n]*[-|\u2013])?)"
)
"""A chat line's time stamp: `[09:14]`, `(9:14 AM)`, `09:14:05 -`."""
_ROLES = (
    r"agent|rep|representative|nurse|rn|lpn|advisor|adviser|specialist|coordinator|care\s+coordinator|"
    r"pharmacist|navigator|scheduler|tech|technician|csr|support|associate|counselor|dr\.?"
)
_CHAT_LINE = re.compile(
    rf"^[^\S\n]*{_STAMP}[^\S\n]*(?:(?i:({_ROLES}))[^\S\n]+)?({_W}(?:[^\S\n]{_W})?)[^\S\n]*:", re.MULTILINE
)
_SPEAKER_ROLES = frozenset(
    """patient guest visitor agent user member caller customer client system bot assistant automated you me
    nurse doctor staff support admin moderator host operator rep representative parent caregiver mom dad
    pharmacist provider clinic office team unknown anonymous note notes reply response chatbot
    virtual practitioner manager supervisor lead desk line services service center ai""".split()  # noqa: SIM905
)
_ROLE_SPEAKER = re.compile(rf"(?i:\b(?:{_ROLES}))[^\S\n]+({_W}(?:[^\S\n]{_W})?)[^\S\n]*:(?!//)")
"""A speaker named with a role at a line's start, with no time stamp (`Agent June: ...`, `RN Tobias: ...`)."""
_ROLE_SPEAKER_KEYS = list_keys(_ROLE_SPEAKER.pattern)
_SSN_WORDS = r"(?:ssn|ss\#|soc(?:ial)?(?:[^\S\n]+sec(?:urity)?)?(?:[^\S\n]+(?:number|no\.?|\#))?)"
"""A social security number named (`SSN`, `ss#`, `social`, `soc sec no.`)."""
_SSN_LAST_FOUR = re.compile(
    r"(?i:\b(?:last[^\S\n]+(?:4|four)(?:[^\S\n]+digits)?[^\S\n]+(?:of[^\S\n]+)?(?:(?:my|his|her|their|your|the)[^\S\n]+)?"
    rf"{_SSN_WORDS}|"
    r"(?:ssn|ss\#|social(?:[^\S\n]+security)?(?:[^\S\n]+number)?)[^\S\n]+(?:ending|ends)(?:[^\S\n]+(?:in|with))?)"
    r"(?:[^\S\n]+(?:is|are|=))?[^\S\n]*[:#-]?[^\S\n]*)(\d{4})(?![\d-])"
)
"""The last four digits of a social security number (`last 4 of my social is 1234`, `SSN ending in 0917`)."""
_SSN_LAST_FOUR_KEYS = list_keys(_SSN_LAST_FOUR.pattern)
_SSN_ASKED = re.compile(
    r"(?i:\b(?:last)[^\S\n]+(?:4|four)(?:[^\S\n]+digits)?[^\S\n]+of[^\S\n]+(?:(?:your|the|ur)[^\S\n]+)?"
    rf"{_SSN_WORDS})"
    r"[^\n]{0,80}\n(?:[^\S\n]*\n)?[^\n]{0,40}?:[^\S\n]*(?i:it'?s[^\S\n]+|sure,?[^\S\n]+)?(\d{4})(?![\d-])"
)
"""A chat's answer to a question for the last four of the SSN: the next speaker's four digits."""
_SSN_ASKED_KEYS = list_keys(_SSN_ASKED.pattern)
_CARD_ENDING = re.compile(r"(?i:\b(?:card)\b[^\n.;]{0,30}?\bending(?:[^\S\n]+in)?[^\S\n]+)(\d{4})(?!\d)")
"""A card's last four digits (`card on file ending 1941`)."""
_SIGN_OFF_INLINE = re.compile(
    r"(?i:"
    + "|".join(_doubled(p) for p in sorted(_CLOSINGS, key=len, reverse=True))
    + rf")(?:,[^\S\n]*|[^\S\n]+-[^\S\n]*)({_W}(?:[^\S\n]{_W})?)[^\S\n]*[.!]?[^\S\n]*(?=\n|\Z)"
)
"""A closing, a comma or a dash, and the writer's name ending the line (`thx, maria`, `Thanks - Jen`)."""

_WEEKDAY = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun"
)
_WEEKDAY_DATE = re.compile(
    rf"(?i:\b(?:{_WEEKDAY})\b\.?,?[^\S\n]+(?:\(\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\)|\d{{1,2}}/\d{{1,2}}"
    rf"(?:/\d{{2,4}})?(?![\d/])))(?![^\S\n]*,?[^\S\n]*\d)"
)
"""A weekday and its date; not a log's date column, a reading after it (`Mon 2/5 148/90`)."""
_WEEKDAY_KEYS = list_keys(_WEEKDAY_DATE.pattern)

_BIRTH_SIX = re.compile(
    r"(?i:\b(?:dob|d\.o\.b\.?|date\s+of\s+bi?rth|birth\s*date|birthday|birhday|b-day|born(?:\s+on)?)"
    r"(?:[^\S\n]+is)?[^\S\n]*[:#]?[^\S\n]*)((?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d\d)(?!\d)"
)
_BIRTH_KEYS = list_keys(_BIRTH_SIX.pattern)

_PLATE = re.compile(
    r"(?i:\b(?:plate)(?:[^\S\n]+(?:number|no\.?|#))?(?:[^\S\n]+is|[^\S\n]*[:#])?[^\S\n]+)"
    r"((?=[A-Z0-9 -]*\d)(?=[A-Z0-9 -]*[A-Z])[A-Z0-9]{1,4}[ -][A-Z0-9]{2,5})\b"
)

_PLATE_KEYS = list_keys(_PLATE.pattern)
_UPWORD = rf"[{UPPER}](?:[^\W\d_]|['\u2019])*(?:-[{UPPER}](?:[^\W\d_]|['\u2019])*)?"
"""A capitalised word; its other letters of any script (`Đặng`, `NGUYỄN`)."""
_LABELLED_PERSON = re.compile(
    r"(?i:\b(?:patient(?:\s+name)?|member(?:\s+name)?|pt\s+name|guarantor|insured|subscriber|referring"
    r"(?:\s+(?:provider|physician))?|ordering(?:\s+(?:provider|physician))?|prescriber|pathologist|"
    # the people of a record, a form or an export: staff, signers, payees, drivers, users
    r"(?:(?:full|legal|employee|customer|student|driver)\s+)?name|employee|driver|payee|policyholder|"
    r"policy\s+holder|account\s+holder|cardholder|claimant|applicant|beneficiary|surgeon|assistant|"
    r"attending(?:\s+physician)?|requesting(?:\s+(?:provider|physician|clinician))?|cosigned(?:\s+by)?|"
    r"(?:signed|approved|reviewed|verified|dictated|authori[sz]ed|witnessed)(?:\s+electronically)?(?:\s+by)?|"
    r"electronically\s+signed(?:\s+by)?|parent/guardian|parent|guardian|next\s+of\s+kin|"
    r"emergency\s+contact|user|username|visitor|tenant|resident\s+name|nom\s*/\s*name)"
    r"[^\S\n]*[:=][^\S\n]*)"
    rf"({_UPWORD}(?:[^\S\n]+(?:[{UPPER}]\.?|{_UPWORD})){{1,3}}"
    # or `Surname, Given I.` (`Policyholder: LOPEZ-AVILÉS, SOFÍA`, `Driver: Allen, Annelies`)
    rf"|{_UPWORD}(?:[^\S\n]{_UPWORD})?,[^\S\n]+{_UPWORD}(?:[^\S\n]+[{UPPER}]\.?(?![\w'\u2019]))?)"
    r"(?=[^\S\n]*(?:[,(|;/!\n]|[^\S\n]{2}|\Z))"
)
"""A name in reading order after a person's label (`Patient: Jane Đặng, DOB ...`, `Member: Madison Day |`)."""
_LABELLED_PERSON_KEYS = list_keys(_LABELLED_PERSON.pattern)
_PATIENT_SURNAME = re.compile(
    rf"\b(?:Patient|patient|PATIENT)[^\S\n]+((?:[{UPPER}]['\u2019])?[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?"
    rf"(?:[^\S\n](?:van|von|de|der|da|del))?)[^\S\n]+(?:is|was|has|had)[^\S\n]+(\d|a\b|an\b|now\b)"
)
"""A patient called by the surname alone in a note's sentence (`Patient Pinto is 100 and ...`); a
surname that is an everyday word only before an age (`Patient Portal is now live` is none)."""
_LISTED_NAME = re.compile(
    rf"(?i:\b(?:for|re:|name:?|patient:?|pt\s+name:?|member:?|update:|guarantor:?|insured:?|subscriber:?))"
    rf"[^\S\n]+((?:[{UPPER}]\.?[^\S\n])?{_UPWORD}(?:[^\S\n]{_UPWORD})?,[^\S\n]+{_UPWORD}"
    rf"(?:[^\S\n]+[{UPPER}]\.?(?![\w'\u2019]))?)(?=[^\S\n]*(?:\(|\n|\Z|[^\S\n]{{2}}|[^\S\n]has\b|[^\S\n]\||,))"
)
_LISTED_KEYS = list_keys(_LISTED_NAME.pattern)

_LABELLED_ID = re.compile(
    r"(?i:\b(?:req|requisition|lab|accession|acc|specimen|case|pid|reference|ref|auth|authorization|"
    r"authorisation|prior\s+auth(?:orization)?|pa\b(?=[^\S\n]*(?:\#|no\b|num))|call\s+ref(?:erence)?)"
    r"(?:[^\S\n]*(?:#|no\.?|num(?:ber)?\.?|id)[^\S\n]*[:#]?|[^\S\n]*:)[^\S\n]*)"
    r"((?=(?:[A-Z:-]*\d){5})(?=[A-Z0-9:-]{6})[A-Z0-9]{1,14}(?:[:-][A-Z0-9]{2,12}){0,3})(?![\w-])"
)
_LABELLED_ID_KEYS = list_keys(_LABELLED_ID.pattern)
_ID_LABEL = (
    r"mrn|mr\s*#|pid|patient\s+id|chart\s+(?:no\.?|#|number)|hosp(?:ital)?\s*(?:#|no\.?|number)|"
    r"member\s+id|dob|d\.o\.b\.?|acct|account"
)
_NAME_ON_ITS_LINE = re.compile(
    rf"^[^\S\n]*({_UPWORD}(?:[^\S\n]{_UPWORD}){{0,2}},[^\S\n]+{_UPWORD}(?:[^\S\n]+{_UPWORD})?"
    rf"(?:[^\S\n]+[{UPPER}]\.?(?![\w'\u2019]))?)"
    rf"(?=[^\S\n]*\((?i:{_ID_LABEL})|[^\S\n]*\n[^\S\n]*\d{{1,6}}[^\S\n]+(?:[NSEW]\.?[^\S\n]+)?[{UPPER}][{LOWER}]"
    # or an age and a sex in brackets, as a handoff lists its patients (`Hale, Victor (60M) MRN ...`)
    r"|[^\S\n]*\(\d{1,3}[^\S\n]?(?:[MF]\)|(?i:male|female|y/?o|yo)\b))",
    re.MULTILINE,
)
"""A `Surname, Given` line before a record number, an age and a sex in brackets or a street line:
`Quiñónez, Ignacio (PID: ...)`, `THOMPSON, BILLY T` above `504 Green Manors`."""
_ID_PAREN = re.compile(rf"\((?i:{_ID_LABEL})")
_NAME_BEFORE_ID = re.compile(rf"\b({_UPWORD}(?:[^\S\n]+(?:[{UPPER}]\.|{_UPWORD})){{1,3}})[^\S\n]*\Z")
"""A name just before a record number in brackets (`for Precious Brown (Hosp #: ...)`)."""
_CREDENTIAL = (
    r"MD|DO|DDS|DMD|DPM|RN|LPN|NP|PA-C|APRN|FNP-C|FNP|CNM|CRNA|PharmD|RPh|RD|DPT|PhD|MSW|LCSW|FACC|FACS|"
    r"MBBS|OD|CNP|ANP|DNP|MA|CMA"
)
_COMMA_CREDENTIAL = re.compile(rf",[^\S\n]+(?:{_CREDENTIAL})\b")
_INITIAL_NAME = re.compile(
    rf"\b((?:{_UPWORD}[^\S\n]+)?[{UPPER}]\.(?:[^\S\n]?[{UPPER}]\.)?[^\S\n]+"
    rf"(?:(?:de|da|van|von|del|di|le|la)[^\S\n]+)?{_UPWORD}(?:[^\S\n]+{_UPWORD})?)\Z"
)
"""An initial and a surname before a credential, maybe after a given name (`-- J. Vu, MD`,
`Discussed with M. Brown, DDS`, `CRISTIAN K. BASS, MD`)."""
_HOME_CUE = re.compile(
    r"(?i:\b(?:live|living|lives|forms?|forrms|mail|address|moved)[^\S\n]+(?:(?:it|them|this|that)[^\S\n]+)?"
    r"(?:at|to|is)[^\S\n]+)"
    r"(\d{1,6}[A-Za-z]?[^\S\n]+(?:[NSEWnsew]\.?[^\S\n]+)?[^\W\d_][\w'-]*\.?(?:[^\S\n]+[^\W\d_][\w'-]*\.?){0,5}?"
    r"(?:,?[^\S\n]+(?i:apt\.?|apartment|unit|suite|ste\.?|lot|fl\.?|floor|\#)[^\S\n]*\#?\w{1,6})?)"
    r"(?=[^\S\n]*(?:[,;!?/]|\.(?!\w)|\n|\Z)|[^\S\n]+(?i:now|in|so|and|please|pls)\b)"
)
"""A street line in any case after a home cue (`We live at 5964 weeks flat apt. 032 now`, `mail the forms
to 4166 e church drive.`): weak, a place is a person's only in a text about one."""
_HOME_CUE_KEYS = list_keys(_HOME_CUE.pattern)
_STATE_ZIP = re.compile(rf"(?i:\b(?:{STATES}))\.?[^\S\n]+(\d{{5}}(?:-\d{{4}})?)(?![\w-])")
_STATE_BEFORE = re.compile(rf"(?i:\b(?:{STATES}))\.?[^\S\n]{{1,3}}\Z")
_STAMP_STARTS = "[(0123456789"
_COMMA_AHEAD = re.compile(rf"[{UPPER}][^\n,]{{0,44}},")
_COMMA_LINE = re.compile(rf"\n(?={_COMMA_AHEAD.pattern})")  # (led by `\n`: the engine skips to line breaks)


def _comma_lines(text: str) -> list[int]:
    r"""The starts of the lines that open with a capital and have a comma within their first 45 characters.

    What `(?:\A|\n)((?=[UPPER][^\n,]{0,44},))` finds (`.start(1)` of each match), the first line apart.
    """
    first = [0] if _COMMA_AHEAD.match(text) is not None else []
    return first + [m.end() for m in _COMMA_LINE.finditer(text)]


_FIVE_DIGITS = re.compile(r"\d(?:\d{4}(?![\d-]|-\d{4})|\d{4}-\d{4}(?!\d))")
r"""`\d{5}(?![\d-]|-\d{4})|\d{5}-\d{4}(?!\d)` led by `\d` (the same matches; the engine skips ahead)."""
_ANY_WORD = re.compile(r"\b\w")
_CITY_BEFORE = re.compile(rf"(?:[,\n]|\bin\b)[^\S\n]*({_W}(?:[^\S\n]{_W}){{0,2}}),?[^\S\n]+\Z")
"""A city between a separator (a comma, a line break, `in`) and a state and ZIP code (searched back)."""
_LINE_STREET_CITY = re.compile(
    r"[^\S\n]*(\d{1,6}[^\S\n]+[^\W\d_][^\n,]*?(?:,[^\S\n]*(?i:apt|apartment|unit|suite|ste|fl|floor|lot|\#)[^\n,]*?)?)"
    rf"(?:(?:,[^\S\n]*|[^\S\n]+in[^\S\n]+)({_UPWORD}(?:[^\S\n]+{_UPWORD}){{0,2}})(?=[^\S\n]*(?:,|\n|\Z))"
    r"|[^\S\n]+(?=[A-Z]{2}[^\S\n]+\d{5}(?:-\d{4})?[^\S\n]*(?:\n|\Z))|[^\S\n]*(?=\n|\Z))"
)
"""The street line under a name in a label, a register or a statement: the street, then its city
after a comma or `in` (`2246 S Mill Rd, apt 12 in Macon`), or street and city as one before a state
and ZIP code (`504 Green Manors Tulsa MA 29838`), or the street alone."""
_REACH_BACK = 60
"""How far before a bracket or a credential a name is looked for."""


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    common, first, surnames = census()
    return english(), first | common, surnames


def _labelled_name_ok(tokens: list[str]) -> bool:
    """Whether `tokens` after a person's label read as a name.

    No role or stop word; a first name first, or a word that is no everyday word (`Madison Day`,
    `Summer Price`; not `NEGATIVE NORMAL`, `Gold Plan`).
    """
    words = [t.lower() for t in tokens if not t.endswith(".") and len(t) > 1]
    if len(words) < 2 or any(w in _STOP or w in ORG_WORDS for w in words):
        return False
    english_words, first, _ = _words()
    return words[0] in first or any(w not in english_words for w in words)


_CREDENTIAL_WORD = re.compile(rf"(?:{_CREDENTIAL})\b", re.IGNORECASE)
_BARE_NAME_LABEL = re.compile(r"(?i:name|nom\s*/\s*name)[^\S\n]*[:=][^\S\n]*\Z")


def _person_after_label(m: re.Match[str]) -> bool:
    """Whether the value after a person's label (`_LABELLED_PERSON`) reads as a name.

    `Surname, Given` is read in reading order (a credential is no given name: `Halvorsen, MD`); no
    place (`Name: NEW YORK`); after a bare `Name:` (a product's, a campaign's too) the words must
    read as a given name and a surname (`name: Spring Promo` is none).
    """
    value = m.group(1)
    if "," in value:
        if _CREDENTIAL_WORD.match(value.split(",", 1)[1].strip()):
            return False
        tokens = _given_first(value)
    else:
        tokens = value.split()
    if " ".join(t for t in tokens if len(t.rstrip(".")) > 1).lower() in places():
        return False
    if not value.isupper() and any(1 < len(t) <= 3 and t.isascii() and t.isupper() for t in tokens):
        return False  # an acronym beside a word (`Approved by: QA Lead`, `HR Team`)
    if _BARE_NAME_LABEL.search(m.group(0), 0, m.start(1) - m.start()) is not None:
        return name_ok(tokens, single=False) and _labelled_name_ok(tokens)
    return _labelled_name_ok(tokens)


def name_ok(tokens: list[str], single: bool, dashed: bool = False) -> bool:
    """Whether `tokens` (words and initials) read as a person's name (see the module docstring).

    One word alone (`single`) must be a Census first name, and no everyday word unless
    `dashed` (a dash before it, or a relative in brackets after it: `- Major`, `May (mother)`).
    """
    words = [t.lower() for t in tokens if not t.endswith(".")]
    if not words or any(w in _STOP or w in ORG_WORDS for w in words):
        return False
    english_words, first, surnames = _words()
    if len(words) == 1:
        w = words[0]
        return (
            single
            and (w in first or (dashed and w not in english_words))
            and (w not in english_words or dashed)
        )
    return (words[0] in first or words[0] not in english_words) and (
        words[-1] in surnames or words[-1] in first or words[-1] not in english_words
    )


def _given_first(name: str) -> list[str]:
    """The words of `name` in reading order: `Surname, Given I` as `Given Surname` (initials dropped)."""
    if "," not in name:
        return name.split()
    surname, given = name.split(",", 1)
    words = [w for w in given.split() if len(w.rstrip(".")) > 1]
    return [*words[:1], *surname.split()[-1:]]


def _intro_names(text: str, low: str) -> list[Span]:
    found: list[Span] = []
    if _INTRO_GATE.search(low) is None:
        return found
    for cue in scan_words(_INTRO, text, _INTRO_KEYS):
        m = _NAME.match(text, cue.end())
        if m is None:
            continue
        tokens = m.group(1).split()
        if cue.group().lower().startswith("im ") and len({t[:1].isupper() for t in tokens}) > 1:
            continue  # German `im` (in the) before a noun and a verb: `findet im Juli statt`
        # the longest run of tokens that ends where a name ends
        while tokens:
            end = m.start(1) + len(" ".join(tokens)) if "  " not in m.group(1) else None
            if end is None:
                break
            if _NAME_END.match(text, end) and len(tokens) >= 2 and name_ok(tokens, single=False):
                found.append(Span("name", m.start(1), end, 0.7))
                break
            tokens.pop()
        else:
            one = _FIRST_NAME_ALONE.match(text, cue.end())
            if one is not None and _first_name_alone(one.group(1), cue.group().lower()):
                found.append(Span("name", one.start(1), one.end(1), 0.65))
    return found


_FIRST_NAME_ALONE = re.compile(
    rf"({_W})(?=[^\S\n]*(?:[,.;!?\n]|\Z)|[^\S\n]+(?i:by[^\S\n]+the[^\S\n]+way|here|speaking|calling|again)\b)"
)
"""A first name alone after a self-introduction, then what ends it (`this is jimmy by the way`)."""
_CALENDAR_WORDS = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday christmas easter""".split()  # noqa: SIM905
)
"""Months and days, some of them Census first names (`it's june already`): no name alone."""
_NAMING_CUES = ("my name is", "my name's", "my names", "my name\u2019s")


def _first_name_alone(word: str, cue: str) -> bool:
    """`word` alone after the introduction `cue` is a speaker's first name (`my name's rebecca,`).

    A Census first name; after `this is`, `i'm` and the like also no everyday word (`this is
    great.`, `i'm will`): only after `my name is` may a first name be one (`my name's jasmine`).
    """
    w = word.lower()
    if w in _STOP or w in _CALENDAR_WORDS or w not in _words()[1]:
        return False
    return " ".join(cue.split()) in _NAMING_CUES or w not in english()


def _sign_off_names(text: str) -> list[Span]:
    found: list[Span] = []
    # a closing opens its line or follows a sentence: the other words with its keys are not tried
    starts = word_positions(text, _SIGN_OFF_KEYS)
    starts = (
        [q for q in starts if _line_or_sentence_start(text, q)]
        if starts is not None
        else [m.start() for m in _ANY_WORD.finditer(text) if _line_or_sentence_start(text, m.start())]
    )
    matches = list(match_at(_SIGN_OFF, text, starts))
    dash = text.find("-\n")
    while dash != -1:
        if _line_or_sentence_start(text, dash):
            m = _DASH_SIGN_OFF.match(text, dash)
            if m is not None:
                matches.append(m)
        dash = text.find("-\n", dash + 2)
    matches += match_at(_SIGN_OFF_INLINE, text, starts)
    for m in matches:
        tokens = m.group(1).split()
        before = text[max(0, m.start(1) - 4) : m.start(1)].rstrip(" \t")
        dashed = before.endswith("-") or text.startswith("(", m.end(1))
        # a first name alone on the line under a closing line, and the writer's phone or
        # `Sent from my ...` on the line below it: the writer's, even a word (`Jade`, `Will`);
        # without them an everyday word is read as one (`Cheers,\nSummer`)
        alone = (
            m.re is _SIGN_OFF
            and len(tokens) == 1
            and tokens[0].lower() in _words()[1]
            and (
                _PHONE_AFTER.match(text, m.end(1)) is not None or _SENT_FROM.match(text, m.end(1)) is not None
            )
        )
        if not alone and not name_ok(tokens, single=True, dashed=dashed):
            continue
        found.append(Span("name", m.start(1), m.end(1), 0.7))
        phone = _PHONE_AFTER.match(text, m.end(1))
        if phone is not None:
            found.append(Span("phone", phone.start(1), phone.end(1), 0.7))
    return found


def _address_lines(text: str, at: int) -> list[Span]:
    """The street (and city) on the line at `at`, below a name's line (see `_LINE_STREET_CITY`)."""
    m = _LINE_STREET_CITY.match(text, at) if at > 0 else None
    if m is None:
        return []
    found = [Span("address", m.start(1), m.end(1), 0.75)]
    if m.group(2) is not None:
        found.append(Span("address", m.start(2), m.end(2), 0.75))
    return found


def _states_and_zips(text: str) -> list[re.Match[str]]:
    """`_STATE_ZIP`'s matches: tried before the five-digit numbers only."""
    if "\x05" not in digit_shape(text):
        return []
    found = []
    for five in _FIVE_DIGITS.finditer(text):
        q = five.start()
        if q == 0 or not (text[q - 1].isalnum() or text[q - 1] == "-"):
            state = _STATE_BEFORE.search(text, max(0, q - 8), q)
            m = _STATE_ZIP.match(text, state.start()) if state is not None else None
            if m is not None:
                found.append(m)
    return found


def _line_or_sentence_start(text: str, at: int) -> bool:
    """Only white space (no line break) between `at` and the start of its line or the end of a sentence."""
    j = at
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    return j == 0 or text[j - 1] == "\n" or (j < at and text[j - 1] in ".!?")


def _chat_names(text: str) -> list[Span]:
    if ":" not in text:
        return []
    found = []
    for m in scan_words(_ROLE_SPEAKER, text, _ROLE_SPEAKER_KEYS):
        at = m.start()
        while at > 0 and text[at - 1] in " \t":
            at -= 1
        words = m.group(1).lower().split()
        if (at == 0 or text[at - 1] in "\n]") and not any(w in _SPEAKER_ROLES or w in _STOP for w in words):
            word = words[0]
            if len(words) == 1 and word in english() and word not in _words()[1] and m.group(1).islower():
                continue  # `Pharmacist tip:`, `Nurse note:` head a paragraph (`Agent Wren:` names one)
            found.append(Span("name", m.start(1), m.end(1), 0.7))
    if text.count(":") < 4:  # two stamped lines or more
        return found
    lines = list(
        match_at(_CHAT_LINE, text, [q for q in line_starts(text) if text[q : q + 1] in _STAMP_STARTS])
    )
    if len(lines) < 2:
        lines = []
        if sum(1 for _ in match_at(_TURN, text, line_starts(text))) < 3:
            return found  # neither a stamped chat nor a dialogue's turns (`Agent: ...`, `Caller: ...`)
    for m in lines:
        words = m.group(2).lower().split()
        if any(w in _SPEAKER_ROLES or w in _STOP for w in words):
            continue
        if m.group(1) is None and len(words) == 1 and words[0] in english() and words[0] not in _words()[1]:
            continue  # `[10:02] Reminder:` names no one
        found.append(Span("name", m.start(2), m.end(2), 0.7))
    first = _words()[1]
    for m in scan_words(_THANKS, text, _THANKS_KEYS):
        w = m.group(1).lower()
        if (
            w not in _STOP
            and w not in _SPEAKER_ROLES
            and w not in _CALENDAR_WORDS
            and (w not in english() or (w in first and w[0] != m.group(1)[0]))
        ):
            found.append(Span("name", m.start(1), m.end(1), 0.7))
    return found


def messages(text: str) -> list[Span]:
    """Names, dates, phones and ids of portal messages, chats and report headers (module docstring)."""
    low = folded(text)
    found = _intro_names(text, low) + _sign_off_names(text) + _chat_names(text)
    if "(" in text:
        for paren in _KIN_PAREN.finditer(text):
            m = _BEFORE_KIN_PAREN.search(text, max(0, paren.start() - _REACH_BACK), paren.start())
            if m is not None and name_ok(m.group(1).split(), single=True, dashed=True):
                found.append(Span("name", m.start(1), m.end(1), 0.7))
    if "my" in low:
        for m in scan_words(_KIN_NAME, text, _KIN_NAME_KEYS):
            tokens = m.group(1).split()
            if name_ok(tokens, single=True, dashed=True):
                found.append(Span("name", m.start(1), m.end(1), 0.7))
    if "dr" in low:
        _, _, surnames = _words()
        found += [
            Span("name", m.start(1), m.end(1), 0.7)
            for m in scan_words(_DR_LOWER, text, _DR_LOWER_KEYS)
            if m.group(1).islower()
            and (m.group(1) in surnames or m.group(1) not in english())
            and m.group(1) not in _STOP
        ]
    if "," in text:
        found += [
            Span("name", m.start(1), m.end(1), 0.75)
            for m in scan_words(_LISTED_NAME, text, _LISTED_KEYS)
            if name_ok(_given_first(m.group(1)), single=False) or _labelled_name_ok(_given_first(m.group(1)))
        ]
    if ":" in text or "=" in text:
        for m in scan_words(_LABELLED_PERSON, text, _LABELLED_PERSON_KEYS):
            if _person_after_label(m):
                found.append(Span("name", m.start(1), m.end(1), 0.75))
                line_end = (
                    m.end(1)
                    + len(text[m.end(1) : m.end(1) + 4])
                    - len(text[m.end(1) : m.end(1) + 4].lstrip(" \t"))
                )
                if text.startswith("\n", line_end):  # the name ends its line: an address may follow
                    found += _address_lines(text, line_end + 1)
    if "atient " in text or "ATIENT " in text:
        _, _, surnames = _words()
        for m in _PATIENT_SURNAME.finditer(text):
            key = m.group(1).split()[0].lower().replace("\u2019", "'")
            if key in _STOP:
                continue
            if (key in surnames and m.group(2).isdigit()) or (key not in english() and key not in places()):
                found.append(Span("name", m.start(1), m.end(1), 0.7))
    if "\n" in text and ", " in text:
        for m in match_at(_NAME_ON_ITS_LINE, text, _comma_lines(text)):
            if name_ok(_given_first(m.group(1)), single=False):
                found.append(Span("name", m.start(1), m.end(1), 0.75))
                found += _address_lines(text, text.find("\n", m.end(1)) + 1)
    if "(" in text:
        for paren in _ID_PAREN.finditer(text):
            m = _NAME_BEFORE_ID.search(text, max(0, paren.start() - _REACH_BACK), paren.start())
            if m is not None and name_ok(_given_first(m.group(1)), single=False):
                found.append(Span("name", m.start(1), m.end(1), 0.75))
    if ". " in text and "," in text:
        for credential in _COMMA_CREDENTIAL.finditer(text):
            m = _INITIAL_NAME.search(text, max(0, credential.start() - _REACH_BACK), credential.start())
            if m is not None:
                found.append(Span("name", m.start(1), m.end(1), 0.75))
    if DIGIT.search(text) is None:
        return found
    if "/" in text:
        found += [
            Span("date", m.start(), m.end(), 0.6, weak=True)
            for m in scan_words(_WEEKDAY_DATE, text, _WEEKDAY_KEYS)
        ]
    if "b" in low:
        found += [Span("date", m.start(1), m.end(1), 0.8) for m in scan_words(_BIRTH_SIX, text, _BIRTH_KEYS)]
    if "plate" in low:
        found += [
            Span("vehicle_identifier", m.start(1), m.end(1), 0.8)
            for m in scan_words(_PLATE, text, _PLATE_KEYS)
        ]
    if "live" in low or "to " in low or "address" in low:
        found += [
            Span("address", m.start(1), m.end(1), 0.75, weak=True)
            for m in scan_words(_HOME_CUE, text, _HOME_CUE_KEYS)
        ]
    for m in _states_and_zips(text):
        city = _CITY_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if city is not None and any(w.lower() in _STOP for w in city.group(1).split()):
            city = None
        if city is None and not text[m.start() : m.start() + 2].isupper():
            continue  # a state in lower case is a word (`in 20000`, `or 12345`) unless a city comes first
        found.append(Span("address", m.start(1), m.end(1), 0.7, weak=True))
        if city is not None:
            found.append(Span("address", city.start(1), city.end(1), 0.7, weak=True))
    if "ss" in low or "soc" in low:
        found += [
            Span("ssn", m.start(1), m.end(1), 0.8)
            for m in scan_words(_SSN_LAST_FOUR, text, _SSN_LAST_FOUR_KEYS)
        ]
        found += [
            Span("ssn", m.start(1), m.end(1), 0.8) for m in scan_words(_SSN_ASKED, text, _SSN_ASKED_KEYS)
        ]
    if "ending" in low and "card" in low:
        found += [Span("account_number", m.start(1), m.end(1), 0.75) for m in _CARD_ENDING.finditer(text)]
    for m in scan_words(_LABELLED_ID, text, _LABELLED_ID_KEYS):
        pid = m.group(0)[:3].lower() == "pid"
        found.append(
            Span("medical_record_number" if pid else "other_unique_identifier", m.start(1), m.end(1), 0.8)
        )
    return found
