"""Names and handles of everyday and international text, by a cue and a shape (probe9b's classes).

The Census gazetteer of `_phi_names` knows few names of other countries. Here the shape of
the name and a cue beside it decide, the name's words being no everyday word, place or
organisation word:

- **`SURNAME, Given`** (`LEWANDOWSKI, Filip`, `ÇORLU, Sezal`, `JANG, Min-jun`): a surname in
  capitals, a comma and a capitalised given name is a register's way of writing a person;
  **`Surname, Given`** (`Volkov, Nikolai`, `van Dijk, Tirza`) only with a person cue before it
  (`Passport holder`, `registered to`, `Organised by`, a title ...) or after it (`was born`,
  `, aged`, `(NHS number ...`, `calling about`);
- **a full name in capitals or in lower case** (`JOMO KIPTOO`, `CONCEIÇÃO CARVALHO`, `noor nasser`,
  `zbigniew von hohenberg`) with a person cue: in lower case a strong one only (a title, a
  label, `Dear`, `Signed`, `Contact:`, a wire's payee) and the name ending at punctuation;
- **an initial and a surname** (`V. Nair`, `K. Mansour`) with a person cue;
- **an East Asian full name** by its closed family-name list (Chinese, Japanese, Korean,
  Vietnamese romanised) beside a given name that is no everyday word (`Jae-won Park`,
  `Park Jae-won`, `Zhang Zixuan`, `Huỳnh Hương`);
- **a first name alone** where only a person stands: after a relative (`my nan Priscilla`,
  `Aunty Hương`), introducing themself (`hey its Baraka`, `This is Nuno from the surgery`),
  and before `'s` and a thing only a person has (`Sander's driving licence`, `Tomasz's
  appointment`);
- **a Reddit user name** (`other_unique_identifier`): `u/x` with a digit, `_` or `-` in it
  (a handle after a cue, `Posted by @x`, `(posting as @x)`, `DM me @x`, is `_phi_regional`'s).

Probe10's classes: `SURNAME, GIVEN` all in capitals only after a strong cue (`Guten Tag`, `soy`,
`teammate`, a title, a label) or after a dash ending its line, the given words Census given names
or no word (not a label, `PT JANE ROE, DOB`; not a list, `RYAN ROE, ANDREW ...`); a capitalised
name after a subscriber, an officer, a relative, `remplace` or a closing dash (`-- JOHN HOÀNG`,
Census words that are everyday words too read as names there); a first name after a greeting of
another language, a support agent, a post's author, `ask for`, before `joins us` and in a birthday
mention (`Hola Benedikt,`, `-- agent Priscilla`, `Forum post by Ottilie:`, `@Simone happy
birthday`).

Every pass is gated on a cheap test (a comma and a capital, a cue word, an `@` or `u/`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from global_orchestrator.policies._phi_lexicon import (
    LOWER,
    UPPER,
    census,
    english,
    everyday_word,
    other_word,
    places,
)
from global_orchestrator.policies._phi_names import NOT_NAMES, ORG_WORDS, labelled_at, titled_before
from global_orchestrator.policies._phi_spans import DIGIT, Span, folded, has_any, list_keys, scan_words

_U = UPPER
_L = LOWER
_TITLE_WORD = rf"[{_U}][{_L}]{{1,30}}(?:[-'\u2019][{_U}]?[{_L}]{{1,30}})?"
"""A capitalised word: `Nikolai`, `Min-jun`, `Marie-Claude`, `O'Neill`."""
_CAPS_WORD = rf"[{_U}]{{2,30}}(?:[-'\u2019][{_U}]{{2,30}})?"
"""A word in capitals: `LEWANDOWSKI`, `ABU-ZAHRA`."""
_LOWER_WORD = rf"[{_L}]{{2,30}}(?:-[{_L}]{{2,30}})?"
_PARTICLE = r"(?:van|von|der|den|de|del|della|da|das|dos|di|du|la|le|bin|ibn|binti|al|el|ter|ten)"
_PARTICLES = frozenset(_PARTICLE[3:-1].split("|"))
_CAPS_PARTICLE = r"(?:VAN|VON|DER|DEN|DE|DEL|DELLA|DA|DAS|DOS|DI|DU|LA|LE|BIN|IBN|BINTI|AL|EL|TER|TEN)"
_END = rf"(?![{_U}{_L}0-9_'\u2019-])"
_START = rf"(?<![{_U}{_L}0-9_'\u2019@./-])"

# --- the person cues --------------------------------------------------------------------------
_CUE_BEFORE = re.compile(
    r"(?i:(?:\b(?:holder|policyholder|tenant|landlord|lodger|registered\s+to|belongs?\s+to|"
    r"addressed\s+to|payable\s+to|made\s+out\s+to|wire\s+(?:[a-z]+\s+){0,2}to|"
    r"transfer\s+(?:[a-z]+\s+){0,2}to|pay|paid|contact|signed|signature|organi[sz]ed\s+by|posted\s+by|"
    r"written\s+by|sent\s+by|submitted\s+by|from|for|to|by|help|dear|hi|hello|hey|thanks|"
    r"this\s+is|it'?s|it\u2019s|it\s+is|i\s+am|i'?m|licen[cs]e\s+for|soussign[ée](?:\(e\))?|"
    r"sig(?:\.|ra\.?)|sr\.|sra\.|frau|herr|mme|mlle|m\.|mr\.?|mrs\.?|ms\.?|dr\.?|name|full[_ ]name|"
    # a subscriber, an officer, a relative, a new colleague, whom someone replaces, a greeting of
    # another language (`subscriber JOHN PHẠM`, `son JOHN PHẠM`, `remplace BRIGITTE STIFFEL`)
    r"subscriber|officer|son|daughter|wife|husband|mother|father|brother|sister|teammate|colleague|"
    r"remplace|replaces|replacing|soy|guten\s+tag|bonjour|hola|hallo)|"
    r"[\u2014\u2013|])[\"']?[^\S\n]*[:,]?[^\S\n]*[\"']?[^\S\n]*)\Z",
    re.MULTILINE,
)
"""Before a name: a role that is a person's (`Passport holder`, `Our new tenant,`), a payee, a
signer or organiser, a greeting, a self-introduction, a title, a field, a dash or a bar of a
sign-off or a ticket's header."""
_STRONG_BEFORE = re.compile(
    r"(?i:(?:\b(?:holder|policyholder|tenant|registered\s+to|payable\s+to|wire\s+(?:[a-z]+\s+){0,2}to|"
    r"contact|signed|organi[sz]ed\s+by|dear|soussign[ée](?:\(e\))?|sig(?:\.|ra\.?)|sr\.|sra\.|frau|herr|"
    r"mme|mlle|mr\.?|mrs\.?|ms\.?|dr\.?|name|full[_ ]name|message\s+is\s+for|licen[cs]e\s+for|help|"
    r"subscriber|officer|son|daughter|wife|husband|remplace|replaces|teammate|soy|guten\s+tag))"
    r"[\"']?[^\S\n]*[:,]?[^\S\n]*[\"']?[^\S\n]*)\Z"
)
"""A cue strong enough for a name in lower case (`Dear noor nasser,`, `Contact: youssef abu-zahra`)."""
_CUE_AFTER = re.compile(
    rf"(?:[^\S\n]*,[^\S\n]*(?i:aged?\b|born\b|dob\b|n[ée]\(?e?\)?\b|nat[oa]\b|nacid[oa]\b|geb\b|tel\b|"
    r"con\s+(?:nie|dni|curp|rut|cpf|nif)\b|iban\b|licen[cs]e\b|passport\b)|"
    r"[^\S\n]+(?i:was\s+born|turned\s+\d|calling\b|from\s+(?:flat|apartment|the\s+surgery|the\s+clinic)|"
    r"was\s+absent)|"
    rf"[^\S\n]+of[^\S\n]+[{_U}][{_L}]+(?:[^\S\n]+[{_U}][{_L}]+)?,?[^\S\n]+(?i:who|turned|was|is|has|aged)\b|"
    r"[^\S\n]*\((?i:nhs|cccd|kra|dob|born|parent|guardian|age|id\b|ssn|[a-z]+\s+(?:number|no)\b))"
)
"""After a name: a birth, an age, an identifier, a call, a person's event (`was born`, `, aged 30`,
`of Thika turned 104`, `(NHS number: ...)`)."""


_SIGN_OFF = re.compile(
    r"(?im:^[^\S\n]*(?:(?:kind|best|warm|warmest|many)[^\S\n]+)?(?:thanks|thank\s+you|regards|best\s+wishes|best|cheers|sincerely|love|"
    r"yours|warmly|take\s+care)[,.!]?)[^\S\n]*\n[^\S\n]*\Z"
)
"""A sign-off on the line before (`Thanks,` then the name)."""


def _cued_before(text: str, start: int) -> bool:
    line = text.rfind("\n", 0, start) + 1
    if line and not text[line:start].strip():
        return _SIGN_OFF.search(text, max(0, line - 30), line) is not None
    return _CUE_BEFORE.search(text[max(line, start - 40) : start]) is not None or titled_before(text, start)


def _dash_line(text: str, start: int, end: int) -> bool:
    """A dash before `text[start:end]`, the line ending after it (`-- JOHN HOÀNG`, `- Hövel, Francesca`)."""
    return (
        _DASH_BEFORE.search(text, max(0, start - 4), start) is not None
        and _LINE_END.match(text, end) is not None
    )


def _cued_after(text: str, end: int) -> bool:
    return _CUE_AFTER.match(text, end) is not None


def _strong_before(text: str, start: int) -> bool:
    line = text.rfind("\n", 0, start) + 1
    window = text[max(line, start - 40) : start]
    return _STRONG_BEFORE.search(window) is not None or labelled_at(text, start) or titled_before(text, start)


# --- what a name's word is ----------------------------------------------------------------------
_NEVER = frozenset(
    """the and or of for to in on at by with from this that our your my his her their its new free
    sale dear hello hi hey thanks team all note warning important attention notice re fwd fw
    mr mrs ms mx dr prof sr sra srta herr frau mme mlle sig dott ing
    md phd rn jr apt unit suite flat january february march april may june july august september
    october november december monday tuesday wednesday thursday friday saturday sunday""".split()  # noqa: SIM905
)
_STREETS = frozenset(
    """via viale vicolo piazza piazzale corso largo strada stretto contrada incrocio canale borgo calle
    avenida avda paseo camino callejón callejon carrera plaza ronda travesía travesia rua travessa
    ul sítio sitio trecho alameda praça praca rue allée allee chemin impasse boulevard quai ulica aleja
    straße strasse weg laan straat plein sokak soka\u011f\u0131 cadde caddesi""".split()  # noqa: SIM905
)
"""Street types of other languages opening a street's name (`Via Ornella`, `Rue Albert`): no name's word."""
_VOWEL = re.compile(
    "[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿāăąēĕėęěīĭį\u0131ōŏőœūŭůűų\u1ea0-\u1ef9ơư]", re.IGNORECASE
)


@lru_cache(maxsize=16384)
def _kind(word: str) -> str:
    """What a word is, for a name.

    `word`: an everyday word, an organisation's or a street's, never a name; `cname`: a Census
    name that is an everyday word too (`Dean`, `Town`, `Card`); `name`: a Census name or a
    closed-list family name that is no everyday word; `place`; `other`: no word at all.
    """
    key = word.lower().replace("\u2019", "'")
    if key.endswith("'s"):
        key = key[:-2]
    head = key.split("-")[0]
    if key in _NEVER or key in ORG_WORDS or key in _STREETS or not _VOWEL.search(key):
        return "word"
    _, given, surnames = census()
    known = key in given or key in surnames or head in _FAMILY
    if key in NOT_NAMES or key in english() or other_word(key):
        return "cname" if known else "word"
    if known:
        return "name"
    if key in places():
        return "place"
    return "other"


def _name_words(words: list[str], *, strong: bool = False) -> bool:
    """The words of a full name: none an everyday word, one at least no Census name nor a place.

    Or Census names and places only, one a name that is no word (`CONCEIÇÃO CARVALHO`); `strong` (a
    title or a label before it): Census names that are words too pass (`Signed dean king`).
    """
    kinds = [_kind(w) for w in words]
    if strong:
        kinds = ["name" if k == "cname" else k for k in kinds]
    if "word" in kinds or "cname" in kinds:
        return False
    if " ".join(w.lower() for w in words) in places():
        return False
    if kinds.count("place") == len(kinds):
        return False
    return "other" in kinds or strong or "name" in kinds


# --- SURNAME, Given -----------------------------------------------------------------------------
_SURNAME_FIRST = re.compile(
    rf"{_START}((?:{_PARTICLE}[^\S\n])*(?:{_CAPS_WORD}|{_TITLE_WORD})(?:[^\S\n](?:{_PARTICLE}[^\S\n])*"
    rf"(?:{_CAPS_WORD}|{_TITLE_WORD})){{0,2}}),[^\S\n]{{1,2}}({_TITLE_WORD}(?:[^\S\n]{_TITLE_WORD})?"
    rf"|{_CAPS_WORD}(?:[^\S\n]{_CAPS_WORD})?)"
    rf"(?:[^\S\n][{_U}]\.?(?![^\S\n]+[{_U}]))?{_END}"
)
_FIRM_AFTER = re.compile(r",?[^\S\n]+(?i:and|&|y|e|und|et)[^\S\n]+[A-Z]")
_NUMBER_AFTER = re.compile(r",?[^\S\n]*\d")


def _searched(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of `pattern`, each word of a match tried again as a start.

    A run that fails from its first word is tried from its next (`Policyholder LEWANDOWSKI, Filip`);
    the caller skips the matches that overlap one it took.
    """
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        yield m
        space = text.find(" ", m.start(), m.end())
        pos = m.end() if space == -1 else space + 1


def _given_word(word: str) -> bool:
    """A given name after `SURNAME, `: a Census given name (`Dean`), or no everyday word and no place."""
    return word.lower() in census()[1] or _kind(word) in ("name", "other")


def _surname_first(text: str) -> list[Span]:
    found: list[Span] = []
    for m in _searched(_SURNAME_FIRST, text):
        if found and m.start() < found[-1].end:
            continue
        surname, given = m.group(1), m.group(2)
        if _FIRM_AFTER.match(text, m.end()):
            continue
        family = [w for w in surname.split() if not re.fullmatch(_PARTICLE, w)]
        caps = all(w.isupper() for w in family)
        givens = given.split()
        if not all(_given_word(w) for w in givens):
            continue
        if any(_kind(w) in ("word", "cname") for w in family):
            continue  # `Town, Jennifer`: an everyday word before the comma
        if caps:
            if len(family) == 1 and len(family[0]) < 3:
                continue
            if given.isupper() and (
                # `SURNAME, GIVEN` in capitals (a town and its state, a list of names, a name and its
                # street read so too): after a strong person cue, or signing off a line after a dash
                not (_strong_before(text, m.start()) or _dash_line(text, m.start(), m.end()))
                or not all(
                    w.lower() in census()[1] or (len(w) > 3 and _kind(w) in ("name", "other")) for w in givens
                )
                or (
                    len(family) > 1 and family[0].lower() in census()[0]
                )  # `RYAN BERGSTRÖM, ANDREW ...`: a list
            ):  # (`PT JANE ROE, DOB ...`: a label is no given name)
                continue
            found.append(Span("name", m.start(), m.end(), 0.8))
        elif (
            not any(w.isupper() for w in family)
            and len(family) <= 2
            and family[0].lower() not in census()[0]  # `Lina Goñi Coloma, Cuesta ...`: a full name first
            and not _NUMBER_AFTER.match(
                text, m.end()
            )  # `Petar Steuer, Rohlederring 84`: a street after a name
        ) and (
            _cued_before(text, m.start())
            or _cued_after(text, m.end())
            or _dash_line(text, m.start(), m.end())
        ):
            if all(_kind(w) == "place" for w in family) and not _strong_before(text, m.start()):
                continue
            found.append(Span("name", m.start(), m.end(), 0.75))
    return found


# --- full names in capitals, in lower case, initials ------------------------------------------------
_CAPS_NAME = re.compile(
    rf"{_START}({_CAPS_WORD}(?:[^\S\n](?:{_CAPS_PARTICLE}[^\S\n])?{_CAPS_WORD}){{1,3}}){_END}(?![/.]\w)(?![^\S\n]+\d)"
)
_DASH_BEFORE = re.compile(r"(?<!\S)-{1,2}[^\S\n]*\Z")
_LINE_END = re.compile(r"[^\S\n]*(?:\n|\Z)")
_CAPS_GATE = re.compile(rf"[{_U}]{{2}}[^\S\n][{_U}]{{2}}")
_LOWER_NAME = re.compile(
    rf"(?<![\w@.'\u2019-])({_LOWER_WORD}(?:[^\S\n](?:{_PARTICLE}[^\S\n]){{0,2}}{_LOWER_WORD}){{1,3}})"
    r"(?=[^\S\n]*(?:[,.;:)(\n\"]|\Z|[^\S\n]+(?:was|is|\(|-)\b))"
)
_INITIAL_NAME = re.compile(rf"{_START}([{_U}]\.[^\S\n]?{_TITLE_WORD}){_END}(?![^\S\n]+[{_U}0-9])")


def _caps_names(text: str) -> list[Span]:
    found: list[Span] = []
    for m in _searched(_CAPS_NAME, text):
        if found and m.start() < found[-1].end:
            continue
        words = [w for w in m.group(1).split() if not re.fullmatch(_CAPS_PARTICLE, w)]
        dashed = _dash_line(text, m.start(), m.end())  # `-- JOHN HOÀNG` signing off a note
        if not _name_words(words, strong=dashed or _strong_before(text, m.start())):
            continue
        if dashed or _cued_before(text, m.start()) or _cued_after(text, m.end()):
            found.append(Span("name", m.start(), m.end(), 0.75))
    return found


_LOWER_CUE = re.compile(
    r"(?i:\b(?:holder|policyholder|tenant|lodger|landlord|registered\s+to|payable\s+to|contact|signed|"
    r"organi[sz]ed\s+by|dear|soussign[ée](?:\(e\))?|sig(?:\.|ra\.?)|sr\.|sra\.|frau|herr|mme|mlle|mr\.?|mrs\.?|"
    r"ms\.?|dr\.?|name|full[_ ]name|help|for|to\b|by\b|from|with|this\s+is|it's|its\b|it\u2019s|"
    r"i\s+am|i'm|im\b)"
    r"[\"']?[^\S\n]*[:,]?[^\S\n]*[\"']?[^\S\n]*)(?=[a-z\u00e0-\u024f])"
)
"""Where a name in lower case may start: after a person cue (`Dear `, `Contact: `, `for `)."""
_LOWER_CUE_KEYS = list_keys(_LOWER_CUE.pattern)
_MARK_CUE = re.compile(r"(?:[\u2014\u2013|]|\A)[^\S\n]*(?=[a-z\u00e0-\u024f])")
"""Or after a sign-off's dash, a header's bar, or at the text's start."""


def _lower_names(text: str) -> list[Span]:
    found: list[Span] = []
    cues = sorted(
        [c.end() for c in scan_words(_LOWER_CUE, text, _LOWER_CUE_KEYS)]
        + [
            c.end()
            for c in _MARK_CUE.finditer(
                text, 0, 1 if "|" not in text and "\u2014" not in text and "\u2013" not in text else len(text)
            )
        ]
    )
    for at in cues:
        m = _LOWER_NAME.match(text, at)
        if m is None or (found and m.start() < found[-1].end):
            continue
        words = [w for w in m.group(1).split() if w not in _PARTICLES]
        if len(words) < 2 or not _name_words(words, strong=True):  # (the cheap test first)
            continue
        strong = _strong_before(text, m.start())
        if not strong and not (
            (_cued_before(text, m.start()) and text.startswith(",", m.end())) or _cued_after(text, m.end())
        ):
            continue
        if _name_words(words, strong=strong):
            found.append(Span("name", m.start(), m.end(), 0.7))
    return found


_FULL_NAME = re.compile(
    rf"{_START}({_TITLE_WORD}(?:[^\S\n](?:{_PARTICLE}[^\S\n]){{0,2}}{_TITLE_WORD}){{1,2}}){_END}"
    rf"(?![^\S\n]+(?:[{_U}0-9]|{_PARTICLE}\b))"
)


def _full_names(text: str) -> list[Span]:
    """`Ngozi Chukwu`, `Sevgi Çorlu`: a full name after a strong cue, or between a cue and an event."""
    found: list[Span] = []
    for m in _searched(_FULL_NAME, text):
        if found and m.start() < found[-1].end:
            continue
        words = [w for w in m.group(1).split() if not re.fullmatch(_PARTICLE, w)]
        if not _name_words(words):
            continue
        if _strong_before(text, m.start()) or (_cued_before(text, m.start()) and _cued_after(text, m.end())):
            found.append(Span("name", m.start(), m.end(), 0.75))
    return found


def _initial_names(text: str) -> list[Span]:
    found: list[Span] = []
    for m in _INITIAL_NAME.finditer(text):
        surname = m.group(1)[2:].strip()
        kind = _kind(surname)
        if kind not in ("name", "other") and not (kind == "cname" and surname.lower() in _FAMILY):
            continue  # (`S. Sun`: a family name of the closed lists, though an English word too)
        if _cued_before(text, m.start()) or _cued_after(text, m.end()):
            found.append(Span("name", m.start(), m.end(), 0.7))
    return found


# --- East Asian full names by their family names (closed lists) --------------------------------------
_CHINESE = """wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng
liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su
lu ding ren shen yao fan fang shi tan liao zou xiong jin qiu hou bai meng qin yin xue yan duan lei long
tao wan qian dai mo kong xiang chang wen gu cui kang hao shao wong chan leung cheung lau ng ho tsang chow
yeung lam chu kwok tse tsui yip""".split()  # noqa: SIM905
_JAPANESE = """sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida yamada
sasaki yamaguchi saito matsumoto inoue kimura hayashi shimizu yamazaki mori abe ikeda hashimoto yamashita
ishikawa nakajima maeda fujita ogawa goto okada hasegawa murakami kondo ishii sakamoto endo aoki fujii
nishimura fukuda ota miura fujiwara okamoto matsuda nakagawa nakano harada ono tamura takeuchi kaneko
wada nakayama ishida ueda morita hara shibata sakai kudo yokoyama miyazaki miyamoto uchida takagi ando
taniguchi ohno maruyama imai takada fujimoto takeda murata ueno sugiyama masuda sugawara hirano kojima
otsuka chiba kubo matsui iwasaki sakurai kinoshita noguchi matsuo nomura kikuchi sano onishi sugimoto
arai""".split()  # noqa: SIM905
_KOREAN = """kim lee yi park pak choi choe jung jeong chung kang cho jo yoon yun jang lim im han oh seo shin
kwon hwang ahn song yoo yu hong jeon ko go moon mun yang son bae baek heo nam sim noh roh ha kwak sung
seong cha joo ju woo koo ryu na min jin ji eom chae won cheon bang gong hyun""".split()  # noqa: SIM905
_VIETNAMESE = """nguyễn nguyen trần tran lê le phạm pham hoàng hoang huỳnh huynh phan vũ vu võ vo đặng dang
bùi bui đỗ do hồ ho ngô ngo dương duong lý ly đinh dinh trương truong lâm lam mai tạ ta""".split()  # noqa: SIM905
_FAMILY = frozenset(_CHINESE + _JAPANESE + _KOREAN + _VIETNAMESE)
"""The most common family names of China (with Cantonese spellings), Japan, Korea and Vietnam, romanised."""
_FAMILY_NAMES = re.compile(rf"{_START}({_TITLE_WORD}(?:[^\S\n]{_TITLE_WORD}){{1,2}}){_END}(?![^\S\n]+\d)")
_KOREAN_GIVEN = re.compile(rf"[{_U}][{_L}]{{1,5}}-[{_L}]{{2,5}}")
"""A Korean given name, romanised with a hyphen (`Jae-won`, `Seo-yeon`, `Min-jun`)."""
_VIETNAMESE_MARK = re.compile("[\u0300-\u036f\u1ea0-\u1ef9\u01a0\u01a1\u01af\u01b0\u0110\u0111]")


def _family_names(text: str) -> list[Span]:
    found: list[Span] = []
    for m in _searched(_FAMILY_NAMES, text):
        if found and m.start() < found[-1].end:
            continue
        words = m.group(1).split()
        keys = [w.lower() for w in words]
        if keys[0] in _FAMILY:
            family, given = words[0], words[1:]
        elif len(words) == 2 and keys[1] in _FAMILY:
            family, given = words[1], words[:1]
        else:
            continue
        if " ".join(keys) in places() or any(_kind(w) not in ("name", "other") for w in given):
            continue
        if text.startswith((" City", " Province", " Street", " Road"), m.end()):
            continue
        korean = all(_KOREAN_GIVEN.fullmatch(w) for w in given)
        vietnamese = _VIETNAMESE_MARK.search(m.group(1)) is not None
        if not (korean or vietnamese or _cued_before(text, m.start()) or _cued_after(text, m.end())):
            continue
        if family.lower() in english() and not (korean or vietnamese):
            continue
        found.append(Span("name", m.start(), m.end(), 0.75))
    return found


# --- a first name alone ---------------------------------------------------------------------------
_KIN = (
    r"nan|nana|nanna|gran|granny|grandma|grandpa|grandad|granddad|grandmother|grandfather|mum|mom|mother|"
    r"dad|father|son|daughter|wife|husband|brother|sister|aunt|aunty|auntie|uncle|cousin|niece|nephew|"
    r"partner|neighbour|neighbor|boyfriend|girlfriend|fianc[ée]e?|grandson|granddaughter|stepson|"
    r"stepdaughter|stepmum|stepmom|stepdad|flatmate|roommate|carer|caregiver"
)
_SINGLE = re.compile(
    r"(?:\b(?i:my|our|his|her|their|your|ur)[^\S\n]+(?i:" + _KIN + r")[^\S\n]+|"
    r"\b(?:Aunty|Auntie|Aunt|Uncle|Nana|Nan|Granny|Grandma|Grandpa|Cousin)[^\S\n]+|"
    r"\b(?i:hey|hi|hello)?[,!]?[^\S\n]*(?i:it'?s|it\u2019s|this\s+is)[^\S\n]+)"
    rf"({_TITLE_WORD}){_END}(?![^\S\n]+[{_U}])"
)
_GREETED = re.compile(
    # a greeting of another language, a support agent, a post's author, whom to ask for (`Hola Jonathan,`,
    # `-- agent Michael`, `Forum post by Simone:`, `Ask for Santiago, +44 ...`), the name ending a clause
    r"(?:\b(?i:hola|hallo|salut|ol\u00e1|bonjour|agent|posted\s+by|post\s+by|ask\s+for|beste|liebe|lieber|cher|"
    r"chère|querid[oa]|gentile|hej|hei|ahoj|kedves|drogi|droga|szanown[ya]|say\u0131n|estimad[oa](?:/[oa])?)"
    r"|(?<![\w'])(?i:g'day|g\u2019day))[^\S\n]+"
    rf"({_TITLE_WORD}(?:[^\S\n]+{_TITLE_WORD}){{0,2}}){_END}(?=[^\S\n]*(?:[,!:;\n]|\.(?!\w)|\Z))"
)
_CONTACT = re.compile(
    # whom to reach on a number or at an address (`Contact Luísa on +55 ...`, `ring Kurt at 020 ...`)
    rf"\b(?i:contact|call|ring|text|phone|reach)[^\S\n]+({_TITLE_WORD}(?:[^\S\n]+{_TITLE_WORD})?){_END}"
    r"[^\S\n]+(?i:on|at)[^\S\n]+(?=[+(\d])"
)
_GREETED_GATES: tuple[str, ...] = (
    *("hola ", "hallo ", "salut ", "ol\u00e1 ", "bonjour ", "agent ", "post by ", "posted by ", "ask for "),
    *("beste ", "liebe ", "lieber ", "cher ", "chère ", "querid", "gentile ", "hej ", "hei ", "ahoj "),
    *("kedves ", "drogi ", "droga ", "szanown", "say\u0131n ", "estimad", "g'day ", "g\u2019day "),
)
"""A gate of `_GREETED`: every match holds one (lower case)."""
_CONTACT_GATES = ("contact ", "call ", "ring ", "text ", "phone ", "reach ")
"""A gate of `_CONTACT`: every match holds one (lower case)."""
_JOINS = re.compile(
    # a new colleague (`Felicia joins us from Teruel`)
    rf"{_START}({_TITLE_WORD})[^\S\n]+(?:joins|joined)[^\S\n]+(?:us|the[^\S\n]+team)\b"
)
_BIRTHDAY = re.compile(
    # a friend greeted by a mention (`@Simone happy birthday!!`)
    rf"(?<![\w@])@({_TITLE_WORD})[^\S\n]+(?i:happy[^\S\n]+birthday)"
)
_INTRO_AFTER = re.compile(
    r"[^\S\n]*(?:[!.,\n]|--|\u2014|\Z|[\U0001F300-\U0001FAFF\u2600-\u27BF]|(?i:from|calling|here)\b)"
)
_CALLER_AFTER = re.compile(r"[^\S\n]+(?i:from|calling|here)\b")
_POSSESSED = re.compile(
    rf"{_START}({_TITLE_WORD})['\u2019]s[^\S\n]+(?:(?i:driving|medical|new|next|last|first|follow-up|"
    r"dental|hospital|school|blood|eye|birth|death|driver['\u2019]?s)[^\S\n]+)?(?i:licen[cs]e|passport|appointment|"
    r"payslip|paycheck|pay[^\S\n]+stub|salary|booking|reservation|"
    r"prescription|results?|surgery|operation|birthday|diagnosis|treatment|scan|test|medication|"
    r"medicines?|insurance|records?|visa|nhs|gp|doctor|dentist|consultant|funeral|wedding|phone|"
    r"number|address|certificate|referral|vaccinations?|injection|check-?up|bloods|care)\b"
)


def _single(word: str) -> bool:
    """A first name standing alone: no everyday word (`Dad`, `Northwind`), no place, but a name or no word."""
    kind = _kind(word)
    return kind == "other" or (kind == "name" and not everyday_word(word.lower().split("'")[0]))


_GREETED_NOT = frozenset(
    """família familia famille familie amigos amigas amigo amiga amis amici clientes cliente client clienti
    kunden kunde klant klanten equipo equipe équipe team todos todas tutti alle allemaal iedereen colegas
    collègues colleghi kollegen collega vecinos vizinhos chicos chicas ragazzi señores senhores signori damen
    herren kinderen niños crianças enfants mitglieder membres miembros socios leitores lectores
    lecteurs""".split()  # noqa: SIM905
)
"""Whom a greeting of another language may address that is no one (`Querida Família`, `Hola Amigos`)."""


def _greeted_word(word: str) -> bool:
    """A word of a name after a greeting: `_single`, or a Census first name that is a word too (`Iris`)."""
    if word.lower() in _GREETED_NOT:
        return False
    return _single(word) or (_kind(word) == "cname" and word.lower() in census()[1])


def _singles(text: str, low: str) -> list[Span]:
    """Single names after a cue; `low`: the text folded to lower case (`folded`)."""
    found: list[Span] = []
    for m in _SINGLE.finditer(text):
        if not _single(m.group(1)):
            continue
        cue = m.group(0)[: m.start(1) - m.start()].lower()
        if "this" in cue and _CALLER_AFTER.match(text, m.end(1)) is None:
            continue  # `This is Nuno from the surgery`, not `Hello, this is Northwind.`
        if "it" in cue and _INTRO_AFTER.match(text, m.end(1)) is None:
            continue
        found.append(Span("name", m.start(1), m.end(1), 0.7))
    # each pass gated on its own words (one regex of all three tried at every character)
    greeted = [_GREETED] if has_any(low, _GREETED_GATES) else []
    if has_any(low, _CONTACT_GATES) and DIGIT.search(text):
        greeted.append(_CONTACT)
    if " joins " in low or " joined " in low:
        greeted.append(_JOINS)
    if "@" in text and "happy birthday" in low:
        greeted.append(_BIRTHDAY)
    for pattern in greeted:
        for m in pattern.finditer(text):
            # (after a greeting a Census name that is a word too is a name: `G'day John`, `Beste Iris`)
            words = m.group(1).split()
            if all(_greeted_word(w) if pattern in (_GREETED, _CONTACT) else _single(w) for w in words):
                found.append(Span("name", m.start(1), m.end(1), 0.7))
    if "'s " in text or "\u2019s " in text:
        for m in _POSSESSED.finditer(text):
            if _single(m.group(1)):
                found.append(Span("name", m.start(1), m.end(1), 0.7))
    return found


# --- a Reddit user name ------------------------------------------------------------------------
# (a handle after a cue, `Posted by @x`, `DM me u/x`, is `_phi_regional`'s)
_REDDIT = re.compile(r"(?<![\w/.-])u/[A-Za-z0-9_-]{3,20}(?![\w/-])")


def _handles(text: str) -> list[Span]:
    """`u/name` with a digit, `_` or `-` in it: a Reddit user's name, cue or not (not `5 u/kg`)."""
    found: list[Span] = []
    for m in _REDDIT.finditer(text):
        handle = m.group(0)[2:]
        if re.search(r"\d\s*\Z", text[max(0, m.start() - 4) : m.start()]):
            continue  # `5 u/kg`: a dose
        if any(c.isdigit() or c in "_-" for c in handle):
            found.append(Span("other_unique_identifier", m.start(), m.end(), 0.8))
    return found


_CUE_GATES = (
    *("holder", "tenant", "registered", "to ", "for ", "by ", "from ", "contact", "signed", "dear"),
    *("hi ", "hello", "hey", "it's", "its ", "it\u2019s", "this is", "i am", "i'm", "sig", "frau", "herr"),
    *("mme", "mr", "ms", "dr", "name", "help", "\u2014", "\u2013", "|", "born", "aged", ", ", "(", "turned"),
    *("calling", "absent", "soussign"),
)


_FULL_GATES = (
    *("holder", "tenant", "registered", "payable", "wire", "contact", "signed", "organi", "dear", "soussign"),
    *("sig.", "sig ", "sr.", "sra.", "frau ", "herr ", "mme ", "mlle ", "mr.", "mr ", "mrs", "ms.", "ms "),
    *("dr.", "dr ", "name", "message is for"),
    *("licence for", "license for", "help", "born", "aged", "turned", "calling", "absent", "from flat"),
    *("from apartment", "from the surgery", "from the clinic", "(nhs", "(cccd", "(kra", "(dob", "(parent"),
    *("(guardian", "(id", "(ssn", "(age", "(born", " number (", " no."),
)
"""A gate of `_full_names`: every strong cue before a name and every cue after one holds one (lower case)."""
_LETTERS = re.compile(r"[^\W\d_]+")
_SINGLE_GATES = (
    *("my ", "our ", "his ", "her ", "their ", "your ", "ur ", "aunt", "uncle", "nan", "gran", "cousin"),
    *("it's", "its ", "it\u2019s", "this is", "'s ", "\u2019s "),
    *_GREETED_GATES,
    *_CONTACT_GATES,
    *(" joins ", " joined ", "happy birthday"),
)


def intl_names(text: str) -> list[Span]:
    """Names and handles of everyday and international text (see the module docstring)."""
    found = _handles(text) if "u/" in text else []
    low = folded(text)
    capital = re.search(f"[{_U}]", text) is not None
    if capital and ", " in text:
        found += _surname_first(text)
    if capital and _CAPS_GATE.search(text) is not None:
        found += _caps_names(text)
    if capital and ". " in text:
        found += _initial_names(text)
    if capital:
        if not _FAMILY.isdisjoint(_LETTERS.findall(low)):
            found += _family_names(text)
        if has_any(low, _FULL_GATES):
            found += _full_names(text)
    if capital and has_any(low, _SINGLE_GATES):
        found += _singles(text, low)
    if has_any(low, _CUE_GATES):
        found += _lower_names(text)
    return found
