"""Dates (every Safe Harbor element finer than a year) and ages over 89.

Shapes: `03/14/1961`, `3-14-61`, `14-Mar-1961`, `Mar-14-1961`, `14.03.1961`, `1961-03-14` (a
time may follow; years to 2199, as surrogate records shift them), `March 3`, `Oct. 12, 2025`,
`3 March 2024`, `March 2019`, `03/2019`, `the third of July, nineteen eighty-two`, `July third
1982`, and a bare `3/14` in a patient record. A year alone is no finding (Safe Harbor keeps it).

A date after a cue ("DOB", "born", "admitted", "Record date:", "Dictated ...") is a
finding on its own; any other date is `weak`: a finding only when the text is about a
person (a patient record, or an identifier elsewhere in it), so that "sale ends March 3"
stays clean.
"""

from __future__ import annotations

import re

from global_orchestrator.policies._phi_spans import (
    DIGIT,
    Span,
    WordGate,
    by_first_letter,
    digit_shape,
    folded,
    grouped,
    has_any,
    list_keys,
    match_at,
    number_positions,
    scan_at_words,
    split_alternatives,
    word_keys,
)

_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ORDINALS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
    "fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth"
)
_ORD_WORD = (
    rf"(?:(?:twenty|thirty)[- ]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|{_ORDINALS})"
)
_YEAR_WORDS = (
    rf"(?:(?:nineteen|twenty)[- ](?:hundred|o(?:h)?[- ](?:{_UNITS})|(?:{_TEENS})|"
    rf"(?:{_TENS})(?:[- ](?:{_UNITS}))?)|"
    rf"two[- ]thousand(?:[- ](?:and[- ])?(?:(?:{_TEENS})|(?:{_UNITS})|twenty(?:[- ](?:{_UNITS}))?))?)"
)
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# the word lists grouped by first letter (`by_first_letter`): the same matches, fewer tests
_MONTH = rf"(?:(?i:{by_first_letter(split_alternatives(_MONTHS))})|May|MAY)"
_DAY = rf"(?:\d{{1,2}}(?i:st|nd|rd|th)?|(?i:{by_first_letter(split_alternatives(_ORD_WORD[3:-1]))}))"
_YEAR = rf"(?:(?:19|20)\d\d|'\d\d|(?i:{_YEAR_WORDS}))"
_FOREIGN_MONTHS = (
    # French, German, Dutch, Spanish, Italian, Portuguese (those English does not spell alike)
    r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|"
    r"januar|februar|m[äa]rz|juni|juli|oktober|dezember|januari|februari|maart|mei|augustus|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|"
    r"gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|"
    r"janeiro|fevereiro|mar[çc]o|maio|junho|julho|setembro|outubro|novembro|dezembro|"
    # Polish (genitive, as a date says it, and nominative), Turkish, Swedish, Danish, Norwegian
    r"stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|wrze[s\u015b]nia|pa[z\u017a]dziernika|"
    r"listopada|grudnia|stycze[n\u0144]|luty|marzec|kwiecie[n\u0144]|maj|czerwiec|lipiec|sierpie[n\u0144]|"
    r"wrzesie[n\u0144]|pa[z\u017a]dziernik|listopad|grudzie[n\u0144]|"
    r"ocak|[s\u015f]ubat|mart|nisan|may[i\u0131]s|haziran|temmuz|a[g\u011f]ustos|eyl[u\u00fc]l|ekim|kas[i\u0131]m|"
    r"aral[i\u0131]k|augusti|marts|desember"
)
_FOREIGN_MONTH_START = re.compile(r"(?i:\d\.?\s{1,3}(?:de\s+)?(?:" + _FOREIGN_MONTHS + r")\b)")
"""A gate: a day and a month in another language (what every foreign-month date holds)."""
_DATE = re.compile(
    r"(?<![\w/.-])(?:"
    r"(?P<a>\d{1,2})(?P<s>[/.-])(?P<b>\d{1,2})(?P=s)(?:\d{4}|\d{2})(?![\w/-]|\.\d)|"
    # (21xx: the shifted years of surrogate records, `Record date: 2134-10-27`; a time may
    # follow: `2024-01-09T22:13:05Z`)
    r"(?:19|20|21)\d\d(?P<t>[/.-])\d{1,2}(?P=t)\d{1,2}(?:(?=T\d\d:\d\d)|(?![\w/-]|\.\d))|"
    rf"\b{_MONTH}\.?\s{{1,3}}(?i:the\s+)?{_DAY}\b(?:,?\s{{1,3}}{_YEAR}\b)?|"
    rf"\b(?i:the\s+)?{_DAY}\s{{1,3}}(?i:of\s+|de\s+)?{_MONTH}\b\.?(?:,?\s{{1,3}}{_YEAR}\b)?|"
    rf"\b{_MONTH}\.?,?\s{{1,3}}(?i:of\s+)?(?:19|20)\d\d\b|"
    rf"\b\d{{1,2}}-{_MONTH}-(?:(?:19|20|21)\d\d|\d\d)\b|"  # 04-JUN-1972, 12-Jan-91, 01-MAY-2129
    rf"\b{_MONTH}-\d{{1,2}}-(?:(?:19|20)\d\d|\d\d)\b|"  # Jul-03-2021
    # a day, a month in another language and the year: `23 avril 1997`, `16. Juli 1955`,
    # `25 de agosto de 2003`
    rf"\b\d{{1,2}}\.?\s{{1,3}}(?i:de\s+)?(?i:{_FOREIGN_MONTHS})\b\.?(?:\s+(?i:de|del))?,?\s{{1,3}}(?:19|20|21)\d\d\b|"
    # a month and its year: `CABG (2/2011)`, `Tdap 05/2016` (weak unless cued, as a bare 3/14)
    r"(?P<y>(?:0?[1-9]|1[0-2])/(?:19|20)\d\d)(?![\w/]|\.\d)|"
    r"(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\w/]|\.\d)|"
    # a day of the month alone: `discharged home on the 16th`, `Thursday the 14th`
    r"(?P<o>\b(?i:the)\s{1,3}(?:[12]?\d|3[01])(?i:st|nd|rd|th)\b(?!\s+(?i:of|century|floor|anniversary|time|"
    r"annual|edition|grade|birthday|place|percentile|street|st|ave|avenue|round|year|day|week|month))))",
)
_DATE_CUE = re.compile(
    r"\b(?:dob|d\.o\.b|date\s+of\s+(?:birth|death|service|visit|admission|discharge|surgery|procedure)|"
    r"birth\s?date|birthday|b-day|born|admit\w*|admission|discharg\w*|seen|visit(?:ed)?\s+(?:us\s+)?on|last\s+visit|"
    r"(?:er|ed|emergency(?:\s+room|\s+department)?|urgent\s+care)\s+visit"
    r"(?=(?:\s+on)?\s*$)|"  # the date right after it (`ER visit Oct 9, 2020`)
    r"surgery|operation|procedure|appointment|appt|passed\s+away|died|death|deceased|diagnosed|"
    r"treated|delivered|gave\s+birth|injured|vaccinated|tested|hospitali[sz]ed|record\s+date|"
    r"(?:report|visit|service|exam|encounter|collection|specimen|order|note|sign(?:ed)?|dictat\w*|"
    r"transcri\w*|dos|d/c|follow[- ]?up|study|comparison|injury|accident|incident|onset)\s*(?:date|on|:)|"
    r"dictated|transcribed|signed|onset|f/u|expired|"
    r"collected|(?:study|exam|radiograph|film|x-ray|ct|mri|ultrasound|report|note|letter)\s+dated|"
    # a date of birth labelled in French, Spanish, Portuguese, Italian, German, Dutch
    r"date\s+de\s+naissance|fecha\s+de\s+nacimiento|data\s+de\s+nascimento|data\s+di\s+nascita|"
    r"geburtsdatum|geboren|geb|geboortedatum|nascid[oa]\s+em|nacid[oa]\s+el|née?\s+le|"
    # one person's history: "LMP 2/28/91", "Lap chole performed 2090-11-05", "Last colonoscopy 04/22/19"
    r"lmp|edd|performed(?=(?:\s+on)?\s*$)|returned\s+to\s+(?:clinic|the\s+ed|the\s+er)|post-?op|hospitali[sz]ation|"
    r"symptoms\s+(?:began|started)|last\s+(?:colonoscopy|mammogram|mri|ct|biopsy|admission|dose|"
    r"menstrual\s+period|echo|ekg|ecg|a1c|labs?)|"
    # how long a complaint has lasted: "It's like that since 8/16/1955", "it hurts since 3/2/2024"
    r"(?:it's|it\u2019s|it\s+is|been)\s+like\s+(?:that|this)(?:\s+ever)?\s+since|(?:hurts?|hurting|aching|swollen|bleeding|itching|dizzy|"
    r"nauseous|coughing|limping)\s+(?:ever\s+)?since)\b"
    r"(?:(?<=d\.o\.b)\.|(?<=geb)\.)?[^.;!?\n]{0,25}$",  # `D.O.B. 19620214`, `geb. 03.07.1951`: a last dot
    re.IGNORECASE,
)
_DATE_CUE_KEYS = list_keys(_DATE_CUE.pattern)  # a gate (`WordGate`)
_OWNED_CUE = re.compile(
    r"(?i:\b(?:my|his|her|our|their|ur)\s+(?:(?:son|daughter|mom|dad|wife|husband|kid|baby)['\u2019]?s\s+)?"
    r"(?:mri|ct|scan|biops(?:y|ies)|colonoscopy|mammogram|ultrasound|x-?ray|echo|ekg|ecg|labs?|blood\s*work|"
    r"chemo|infusion|check-?up|c-section|induction|results?|surgery|op|procedure|transplant)\b)"
    r"[^.;!?\n]{0,25}$"
)
"""Someone's own test or procedure in informal writing before a date (`had my mri march 3`, `ur son's
scan on the 5th`): a date cue, tried only where `_DATE_CUE` found none (its words are common)."""
_NAMED_COLLECTION = re.compile(
    r"\b(?:the|our|its|their|new)[^\S\n]+[A-Z][\w-]*[^\S\n]+(?:[a-z]+[^\S\n]+)?collection\b[^.;!?\n]{0,25}\Z"
)
"""A named product range (`the <Brand> tea collection on`), not a specimen's `collection on` cue."""
_OWNED_WORDS = ("my ", "his ", "her ", "our ", "their ", "ur ")
"""A gate: every `_OWNED_CUE` match holds one (folded)."""
_DATE_CUE = re.compile(grouped(_DATE_CUE.pattern), _DATE_CUE.flags)  # same matches, fewer tests
_AGE_SUBJECT = (
    r"who|she|he|they|pt|patient|(?:mom|mum|mother|dad|father|grandma|grandpa|"
    r"grandmother|grandfather|granny|gran|nana|nan|aunt|uncle|husband|wife)"
)
"""Whose age follows `is`, `was` or `turned` (`she's 94`, `my mom is ninety-six`)."""
_AGE = re.compile(
    r"\b(?i:aged?|age\s*[:=])\s*(9\d|1[01]\d)\b(?!\s*(?:%|days|weeks|months|percent|\+|(?:years?\s+)?"
    r"(?:and|or)\s+(?:older|over|above)))|"  # not a population: `patients aged 90 years and older`
    # (any case: a note in capitals, `PATIENT (95 YEARS OLD)`)
    r"\b(9\d|1[01]\d)(?i:[- ]?(?:years?|yrs?\.?)[- ]old\b|\s*(?:yrs?\b|y/?o\b|yo\b|y\.o\.?|y(?=\)))"
    r"|\s+years?\s+of\s+age\b)|"
    # the patient by name (`Patient Charpentier is 102 and ...`): a capital or another script's letter
    # opens the name, no measure's word (`Patient weight is 95 kg`)
    r"\b(?i:pt|patient)\.?[^\S\n]+(?!(?i:weight|wt|temp\w*|score|sat\w*|pulse|hr|bp|glucose|spo2|o2|"
    r"count|level|bmi|height|ht|age|number|no|satisfaction|experience|portal|volume|census|rating|survey|"
    r"visits?|feedback|safety|care|engagement|retention)\b)"
    r"(?:[A-Z\u00c0-\u00de'\u2019]|[^\W\d_A-Za-z\u00c0-\u024f])[^\s,.;:()]{0,30}"
    r"(?:[^\S\n]+[^\W\d_][^\s,.;:()]{0,30}){0,2}?[^\S\n]+(?:is|was|turned|turns)[^\S\n]+(9\d|1[01]\d)\b"
    r"(?!\s*(?:%|kg|lbs?|pounds|mg|bpm|/|\.\d|percent|minutes|min|mins|days|hours|years?\s+ago|out\s+of|degrees|°))|"
    rf"\b(?i:{_AGE_SUBJECT})(?:'s|\s+is|\s+was|\s+will\s+be|\s+just\s+turned|\s+turned|\s+turns)"
    r"\s+(9\d|1[01]\d)\b(?!\s*(?:%|kg|lbs?|pounds|mg|bpm|/|\.\d|percent|minutes|min|mins|days|hours))|"
    # the same said in words, as a transcript writes it: `she's ninety-one`, `he turned a hundred and one`
    rf"\b(?i:{_AGE_SUBJECT})(?:'s|\s+is|\s+was|\s+will\s+be|\s+just\s+turned|\s+turned|\s+turns)"
    rf"\s+((?i:ninety(?:[- ](?:{_UNITS}))?|(?:a|one)\s+hundred(?:\s+and)?(?:[- ](?:{_UNITS}|{_TEENS}))?))\b"
    r"(?![- ]?(?i:%|percent|pounds|lbs|kilos|kg|miles|mph|minutes|days|hours|dollars|bucks|times|feet|"
    r"degrees|thousand|million|billion|sure|of|per))|"
    r"\b(?:turned|turns|turning|now)\s+(9\d|1[01]\d)\b(?!\s*(?:%|percent|stores|locations|countries|items|orders))|"
    rf"\b((?i:ninety(?:[- ](?:{_UNITS}))?|one\s+hundred(?:\s+and)?(?:\s+(?:{_UNITS}|{_TEENS}))?))"
    r"(?=[- ](?i:years?[- ]old|yo\b|y/o\b|y\.o\.|yrs?\b|years?[ ]of[ ]age\b))|"
    # a record's age field at its event, or an age word before the age in words: `age at consent 98`,
    # `age at death: 101`, `decedent X, age ninety-three`, `aged one hundred and one`
    r"\b(?i:age[^\S\n]*(?:\((?:years?|yrs?|y)\)|,[^\S\n]*(?:years?|yrs?))[^\S\n]*[:=]?|"
    r"age[^\S\n]+at[^\S\n]+(?:(?:the[^\S\n]+)?time[^\S\n]+of[^\S\n]+)?"
    r"(?!(?:least|most|which|what|that|an?|the|this|home|work|school)\b)[a-z]{3,20}(?:[^\S\n]+[a-z]{3,20})?"
    r"[^\S\n]*(?:[:=\-\u2013]|\.{2,})?|aged?[^\S\n]*[:=]?)[^\S\n]*"
    rf"((?>9\d|1[01]\d|(?i:ninety(?:[- ](?:{_UNITS}))?|"
    rf"(?:a|one)\s+hundred(?:\s+and)?(?:[- ](?:{_UNITS}|{_TEENS}))?)))\b"
    r"(?![- ]?(?i:%|percent|days|weeks|months|\+|(?:years?\s+)?(?:and|or)\s+(?:older|over|above)|"
    r"thousand|million|billion|dollars|times|of\b|per\b))",
)
_STATISTIC_BEFORE = re.compile(r"(?i:\b(?:median|mean|average|avg|typical|usual)[^\S\n]+)\Z")
"""Before a cohort's age figure (`median age at diagnosis 92`, `mean age ninety`)."""
_AGE_INFORMAL_BEFORE = re.compile(
    r"\b(?i:shes|hes|she\u2019s|he\u2019s|i'?m|i\u2019m|im|i\s+am|i\s+(?:just\s+)?turned)[^\S\n]+\(?\Z"
)
"""Before an age over 89 as a forum post or a text writes it: `shes 94 and deaf`, `(hes 100 btw)`,
`im 95f`."""
_AGE_AT_EVENT_BEFORE = re.compile(
    r"(?i:\b(?:diagnosed|dx|dx'd|onset|passed\s+away|died|widowed|retired)\b[^.!?\n]{0,40}?\bat[^\S\n]+"
    r"(?:(?:the[^\S\n]+)?age[^\S\n]+(?:of[^\S\n]+)?)?)\Z"
)
"""Before an age over 89 at a person's event (`early onset dementia at 93`, `passed away at 101`)."""
_INFORMAL_AGE = re.compile(
    r"(9\d|1[01]\d)(?:[mfMF](?![\w.%\u00b0-]))?(?![\w:./%\u00b0-]|,\d)"
    r"(?![^\S\n]*(?i:%|percent|kg|kilos|lbs?|pounds|mg|bpm|mph|miles|km|minutes|mins?|days|hours|hrs|"
    r"weeks|months|dollars|bucks|times|feet|ft|degrees|sure|years\s+(?:ago|in|of)|pages|points|am|pm|"
    r"a\.m|p\.m)\b)"
)
"""The age after `_AGE_INFORMAL_BEFORE` or `_AGE_AT_EVENT_BEFORE` (`95f` too); not a count (`im 100
percent sure`, `hes 90 lbs`, `im 95 days sober`), a time (`died at 9:45`) or a street number (`at 95 Elm
St`: after an event, no capital or digit may follow)."""
_NOT_STREET = re.compile(r"[^\S\n]+[A-Z\d]")
_AGE_INFORMAL_REACH = 64
"""How far before a number its cue is looked for (the event, up to 40 characters, and `at the age of`)."""
_AGE_INFORMAL_WORDS = ("shes", "hes", "she\u2019s", "he\u2019s", "im ", "i'm", "i\u2019m", "i am", "turned")
"""A gate: every `_AGE_INFORMAL_BEFORE` match holds one (folded)."""
_AGE_EVENT_WORDS = ("diagnosed", "dx", "onset", "passed", "died", "widowed", "retired")
"""A gate: every `_AGE_AT_EVENT_BEFORE` match holds one (folded)."""
# every match of _DATE and _AGE starts a word: a number or one of these words (`scan_at_words`)
_DATE_KEYS = word_keys([*split_alternatives(_MONTHS), "may", *split_alternatives(_ORD_WORD[3:-1]), "the"])
_AGE_KEYS = word_keys(
    [
        *("age", "who", "she", r"he\s", "they", r"pt\s", "patient", "turn", "now", "ninety", "one"),
        *("mom", "mum", "mother", "dad", "father", "grand", "nan"),
        *("aunt", "uncle", "husband", "wife"),
    ]
)
_AGE_NUMBER_STARTS = ("9", "10", "11")  # its numbers are 9\d or 1[01]\d (`scan_at_words`)
# gates (they start with a literal or a character class, so the regex engine skips ahead)
_NUMBER_SEPARATOR = re.compile(r"\d[/.-]\d")
_MONTH_START = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?<=\b...)")  # in folded()
_AGE_NUMBER = re.compile(r"9\d|1[01]\d")
_ORDINAL_DAY = re.compile(r"\d(?i:st|nd|rd|th)\b")  # a gate: what every `the 14th` holds
_HOLIDAY = re.compile(r"(?i:(?:the\s+)?(?:fourth|4th)\s+of\s+july)")


_AGE_SEX = re.compile(r"(?<![\w.,/-])(9\d|1[01]\d)[ ]?(?:y/?o[ ]?)?[MF](?![\w.%\u00b0-])")
"""An age and a sex, as a note writes them (`94F with fall`, `(90F)`, `91yo M`)."""
_NO_AGE_BEFORE = re.compile(
    r"(?i:(?:\b(?:t|temp|temperature|tmax|t\s*max|fever|febrile|spiked|spiking|oral|rectal|axillary|"
    r"tympanic|degrees?|heat|oven|preheat|thermostat|room|rm|floor|bed|suite|unit|gate|seat|row|apt|ward|"
    r"level|platform|bay|bus|flight|size|model|no|number|highs?|lows?|near|around|about|above|below|over|"
    r"under|up\s+to|reach(?:ing|es)?|hit(?:ting|s)?|feels?\s+like)\b|#)[^\n\d]{0,10})$"
)
"""What a temperature (`Temp 99F`, `fever to 101F`) or a place (`Room 92F`) follows: no age."""
_AGE_LOCAL = re.compile(
    r"(?<![\w.,/-])(9\d|1[01]\d)[ ](?i:ans|anni|a\u00f1os|anos|jahre|jahren|jaar)\b"
    r"(?![ ](?i:fa|ago|atr[\u00e1a]s|geleden|plus|sp[\u00e4a]ter|zuvor|her|van|an|"
    r"de[ ](?:exp|trad|hist|gar)\w*|di[ ](?:storia|esperienza|tradizione)|d['\u2019]|lang|long)\b)"
)
"""An age in years in French, Italian, Spanish, Portuguese, German or Dutch (`99 ans`, `93 anni`,
`95 a\u00f1os`, `91 Jahre`, `94 jaar`); not a span of time ago or of a firm (`100 anni fa`,
`100 ans d'exp\u00e9rience`). It is a person's age after an age word or a person (`_AGE_LOCAL_BEFORE`)
or before `alt`, `oud`, `de edad`, `di et\u00e0` after a person (`_AGE_LOCAL_AFTER`; a hospital is
`100 Jahre alt` too). Every match starts a word with `9` or `1` (`scan_at_words`: tried only there)."""
_AGE_PERSON = (
    r"(?i:\b(?:pa[zc]ient[ea]?|patient(?:in)?|pati\u00ebnt[ea]?|doente|se\u00f1ora?|signora?|sra?|madame|monsieur|"
    r"mme|mevrouw|meneer|frau|herr|donna|uomo|mujer|hombre|homme|femme|vrouw|man|mann|"
    r"mam[\u00e1a]|mam[\u00e3a]e|madre|padre|pap[\u00e1a]|m[\u00e3a]e|pai|m[\u00e8e]re|p[\u00e8e]re|maman|"
    r"mutter|vater|mama|papa|moeder|vader|abuel[ao]|av[\u00f3\u00f4o]|nonn[ao]|oma|opa|"
    r"gro(?:\u00df|ss)(?:mutter|vater)|grand-m[\u00e8e]re|grand-p[\u00e8e]re|hij[ao]|filh[ao]|figli[ao]|"
    r"sohn|tochter|fils|fille|zoon|dochter|esposa?|marido|mari|\u00e9pouse|ehemann|ehefrau|moglie|marito)\b)"
)
"""A person in French, Italian, Spanish, Portuguese, German or Dutch (whose age follows): a patient, a
lady or a man, or a relative (`mi mam\u00e1`, `mein Vater`, `ma m\u00e8re`)."""
_AGE_LOCAL_BEFORE = re.compile(
    r"(?i:\b(?:[\u00e2a]g[\u00e9e]e?s?[ ]de|edad[ ]de|et[\u00e0a][ ]di|idade[ ]de|alter[ ]von|"
    r"leeftijd[ ]van)[ ]"
    rf"|{_AGE_PERSON}[^\n.;:]{{0,30}}?"
    r"(?:\b(?:de|di|van|von|ha|hat|heeft|tiene|tem|a|est|is|ist|com|con|mit|met|avec)[ ]|[ ]\())$"
)
_AGE_PERSON_BEFORE = re.compile(rf"{_AGE_PERSON}[^\n.;:]{{0,40}}\Z")
_AGE_LOCAL_AFTER = re.compile(r"[ ](?i:alt|oud|de[ ]edad|di[ ]et[\u00e0a]|de[ ]idade)\b")
_AGE_LOCAL_GATES = ("ans", "anni", "a\u00f1os", "anos", "jahre", "jaar")
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WEEKDAY_BEFORE = re.compile(
    rf"\b(?i:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|{_WEEKDAYS})"
    r"\.?,?[^\S\n]{1,2}\Z"
)
_SCORE_BEFORE = re.compile(
    r"(?i:\b(?:pain|score|scale|rated|rating|severity|level|grade)\b[\s:=]*(?:of|is|was|at)?\s*)$"
)
"""What a score out of ten follows (`Pain 3/10`, `rated 7/10`), not a month and day."""
_UNIT_AFTER = re.compile(
    r"[^\S\n]*(?i:inch(?:es)?|in\.|cm|mm|ml|tsp|tbsp|teaspoons?|tablespoons?|cups?|tabs?|tablets?|caps?|"
    r"capsules?|pills?|oz|ounces?|lbs?|pounds?|miles?|mi|ft|feet|foot|yards?|strength|doses?|lengths?|"
    r"of\s+(?:a|an|the|one)\b)(?![\w-])"
)
"""A unit after a fraction (`3/4 inch`, `1/2 tab`, `3/4 of a cup`): no month and day."""
_DOCUMENT_BEFORE = re.compile(
    r"(?i:\b(?:(?:this|these|our)\s+(?:policy|policies|notice|terms|form|document|page|leaflet)|version|"
    r"guidelines?|protocol|revision|edition|standard|bulletin|handout|formulary|manual|sop|order\s+set)\b"
    r"[^.;!?\n]{0,30}?"
    r"\b(?:effective|dated|revised|updated|reviewed|published|issued|approved|adopted|last\s+modified|"
    r"expires|replaces|supersedes)(?:[^\S\n]+(?:on|as\s+of|from|to|through))?[^\S\n]*:?[^\S\n]*)\Z"
)
"""A document's own date: `This policy is effective ...`, `the version dated ...`, `Guideline
revised on ...` (an insurance policy's dates are its member's: `Policy 88213 effective 1/1/2024`)."""
_REVISED_BEFORE = re.compile(
    r"(?im:(?:^|[.;]\s+)[^\S\n]*(?:last\s+(?:revised|reviewed|updated|modified)|revised|revision\s+date)"
    r"(?:[^\S\n]+on)?[^\S\n]*:?"
    r"[^\S\n]*|\bnext[^\S\n]+review(?:[^\S\n]+(?:date|due|on|by))?[^\S\n]*:?[^\S\n]*)\Z"
)
"""A page's own revision date opening its line or sentence (`Last revised: 11/2024`), outside a record."""

_COMPACT = re.compile(r"(?<![\d-])(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?![\d-])")
"""A date written without separators (`19620214`): a finding only after a date cue."""

_STAMP = re.compile(
    r"(?<![\d-])(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d)?(?![\d-])"
)
"""A date and time without separators (`202403150912`, HL7's `TS` to the minute or second): a finding after
a date cue or an event's time (`_STAMP_CUE`: `Arrival 202403150912`); an order's number of that shape has
neither."""
_STAMP_CUE = re.compile(
    r"(?i:\b(?:arriv(?:al|ed)|triaged?|time(?:stamp)?|received|drawn|resulted|reported|called|logged|"
    r"registered|checked[^\S\n]+in|dt|date)\b[^\S\n]*[:=]?[^\S\n]*)\Z"
)


def _valid(m: re.Match[str]) -> bool:
    if m.group("a"):
        a, b = int(m.group("a")), int(m.group("b"))
        return (1 <= a <= 12 and 1 <= b <= 31) or (1 <= b <= 12 and 1 <= a <= 31)
    if m.group("m"):
        month, day = int(m.group("m")), int(m.group("d"))
        return 1 <= month <= 12 and 1 <= day <= 31 and not (month == 24 or (month, day) == (1, 2))
    return True


def _informal_ages(text: str, informal: bool, event: bool) -> list[Span]:
    """Ages over 89 after `shes`/`im` (`informal`) or at a person's event (`event`): tried at the numbers."""
    found = []
    numbers = number_positions(text)
    starts = (
        [m.start() for m in _AGE_NUMBER.finditer(text)]
        if numbers is None
        else [q for q in numbers if text.startswith(_AGE_NUMBER_STARTS, q)]
    )
    for q in starts:
        m = _INFORMAL_AGE.match(text, q)
        if m is None:
            continue
        lo = max(0, q - _AGE_INFORMAL_REACH)
        if informal and _AGE_INFORMAL_BEFORE.search(text, lo, q):
            found.append(Span("age_over_89", q, m.end(1), 0.85))
        elif event and _AGE_AT_EVENT_BEFORE.search(text, lo, q) and not _NOT_STREET.match(text, m.end()):
            found.append(Span("age_over_89", q, m.end(1), 0.8))
    return found


_MONTH_NAMES = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
_FULL_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_LOOSE_DATE = re.compile(
    # a month and a year (`May 2104`, `Dec '04`, `Jul. 1998`); a month and a year in numbers after an
    # event's word (`since 04/2110`, `in 1/81`, `TKR 2/59`); a weekday or a month named alone after a
    # word of time (`home Tuesday`, `since Sunday`, `the end of last April`)
    rf"(?<![\w/.-])((?:{_MONTH_NAMES})\.?,?[ ](?:'\d\d|(?:1[89]|2[01])\d\d))(?![\w/-]|\.\d)"
    r"|(?<![\w/.-])(?i:since|in|on|from|until|till|through|s/p|tkr|thr|cabg|pci|dx|diagnosed|started|"
    r"stopped)[ ]"
    r"((?:0?[1-9]|1[0-2])/(?:(?:1[89]|2[01])\d\d|\d\d))(?![\w/-]|\.\d)"
    r"|\b(?i:since|last|next|this|on|home|until|till|by|visit|before|after|from|early|mid|late|of)[ ]"
    rf"((?:{_WEEKDAYS}|{_FULL_MONTHS})(?!\w))(?![ ]\d)"
)
_LOOSE_GATES = (
    *("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
)


def _loose_dates(text: str, digit: bool) -> list[Span]:
    """Loose dates (`_LOOSE_DATE`): weak, a person's in a text about one (a note).

    A month and a year, a month and a year in numbers after an event, a weekday or a month alone
    after a word of time.
    """
    if not has_any(text, _LOOSE_GATES) and not (digit and "/" in text):
        return []
    found = []
    for m in _LOOSE_DATE.finditer(text):
        group = next(g for g in (1, 2, 3) if m.group(g))
        found.append(Span("date", m.start(group), m.end(group), 0.6, weak=True))
    return found


def dates(text: str, record: bool) -> list[Span]:
    """Dates (strong after a cue, weak otherwise) and ages over 89."""
    found: list[Span] = []
    digit = DIGIT.search(text) is not None
    # a date in numbers has a digit, a separator and a digit; one in words a month at a word start
    numeric = digit and _NUMBER_SEPARATOR.search(text) is not None
    words = (
        numeric
        or _MONTH_START.search(folded(text)) is not None
        or (digit and _ORDINAL_DAY.search(text) is not None)
        or (digit and _FOREIGN_MONTH_START.search(text) is not None)
    )
    cue_near = WordGate(text, _DATE_CUE_KEYS)
    owned: bool | None = None  # (`_OWNED_WORDS` in the text: asked at the first date without a cue)
    for m in scan_at_words(_DATE, text, _DATE_KEYS, numbers=True) if words else ():
        if not _valid(m):
            continue
        lo = max(0, m.start() - 60)
        cued = cue_near.search(_DATE_CUE, lo, m.start())
        if cued and "collection" in text[lo : m.start()] and _NAMED_COLLECTION.search(text, lo, m.start()):
            cued = False  # (`the <Brand> tea collection on March 3`: a product range, no specimen)
        if not cued and owned is not False:
            if owned is None:
                owned = has_any(text, _OWNED_WORDS)
            cued = owned and _OWNED_CUE.search(text, lo, m.start()) is not None
        if m.group("o") and not cued:
            found.append(Span("date", m.start(), m.end(), 0.6, weak=True))
            continue
        if m.group("m") and _SCORE_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            continue  # "Pain 3/10": a score out of ten
        if m.group("m") and _UNIT_AFTER.match(text, m.end()):
            continue  # "3/4 inch of ointment", "1/2 tab": a fraction of a measure
        if not cued and (
            _DOCUMENT_BEFORE.search(text, max(0, m.start() - 60), m.start())
            or (not record and _REVISED_BEFORE.search(text, max(0, m.start() - 30), m.start()))
        ):
            continue  # "This policy is effective January 1, 2025": a document's date, no one's
        if (m.group("m") or m.group("y")) and not (cued or record):
            # "3/4 of our members", "open 7/5": a bare month/day alone is no date; in a text
            # about a person it is (`next fill 4/28`, `out 2/12-2/14` beside a name)
            found.append(Span("date", m.start(), m.end(), 0.6, weak=True))
            continue
        if not cued and _HOLIDAY.fullmatch(m.group(0)):
            continue
        start = m.start()
        day = _WEEKDAY_BEFORE.search(text, max(0, start - 12), start)
        if day is not None:  # `Monday Jul 17`, `Tue, 3/4`: the weekday is the date's
            start = day.start()
        found.append(Span("date", start, m.end(), 0.9 if cued else 0.8, weak=not cued))
    # a compact date is a run of exactly 8 digits (`(?<![\d-])`, `(?![\d-])`): without one, no match
    if digit and (cue_near.positions is None or cue_near.positions) and "\x08" in digit_shape(text):
        found += [
            Span("date", m.start(), m.end(), 0.9)
            for m in _COMPACT.finditer(text)
            if cue_near.search(_DATE_CUE, max(0, m.start() - 60), m.start())
        ]
    # a stamp is a run of exactly 12 or 14 digits: without one, no match
    if digit and ("\x0c" in digit_shape(text) or "\x0e" in digit_shape(text)):
        found += [
            Span("date", m.start(), m.end(), 0.85)
            for m in _STAMP.finditer(text)
            if cue_near.search(_DATE_CUE, max(0, m.start() - 60), m.start())
            or _STAMP_CUE.search(text, max(0, m.start() - 24), m.start())
        ]
    found += _loose_dates(text, digit)
    if not _AGE_NUMBER.search(text) and not has_any(text, ("ninety", "hundred")):
        return found
    if has_any(text, _AGE_LOCAL_GATES):
        found += [
            Span("age_over_89", m.start(1), m.end(1), 0.85)
            for m in scan_at_words(_AGE_LOCAL, text, (), numbers=True, number_starts=("9", "1"))
            if _AGE_LOCAL_BEFORE.search(text, max(0, m.start() - 60), m.start()) is not None
            or (
                _AGE_LOCAL_AFTER.match(text, m.end()) is not None
                and _AGE_PERSON_BEFORE.search(text, max(0, m.start() - 60), m.start()) is not None
            )
        ]
    informal, event = has_any(text, _AGE_INFORMAL_WORDS), has_any(text, _AGE_EVENT_WORDS)
    if informal or event:
        found += _informal_ages(text, informal, event)
    for m in scan_at_words(_AGE, text, _AGE_KEYS, numbers=True, number_starts=_AGE_NUMBER_STARTS):
        group = next(g for g in range(1, _AGE.groups + 1) if m.group(g))
        if group == _AGE.groups and _STATISTIC_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            continue  # `median age at diagnosis 92`: a cohort's figure, no one's age
        found.append(Span("age_over_89", m.start(group), m.end(group), 0.9))
    # every `_AGE_SEX` match starts a word (`(?<![\w.,/-])`) with 9, 10 or 11: tried at those only
    numbers = number_positions(text)
    ages = (
        _AGE_SEX.finditer(text)
        if numbers is None
        else match_at(_AGE_SEX, text, [q for q in numbers if text.startswith(_AGE_NUMBER_STARTS, q)])
    )
    for m in ages:
        if not _NO_AGE_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            found.append(Span("age_over_89", m.start(1), m.end(1), 0.8))
    return found
