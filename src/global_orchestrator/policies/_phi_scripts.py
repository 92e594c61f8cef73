"""Names, phones and addresses in Cyrillic, Chinese, Japanese, Korean and Devanagari text.

The other recognisers read Latin script (capitalised words, English cues). Here, for
text that holds another script, the shapes and cues those languages write: a
self-introduction (`Меня зовут Борислав Ермаков`, `我叫段莹`, `제 이름은 최영식`,
`मेरा नाम सुरेन्द्र चवन है`), an honorific after a name (`石川 桃子様`, `최영식님`), a phone
after its word (`电话17396361053`, `мой телефон +7 ...`), a Japanese postal code
(`〒617-8847`) and a prefecture-to-block address, a Chinese province-to-number address.
ASCII text is skipped at once.
"""

from __future__ import annotations

import re

from global_orchestrator.policies._phi_spans import Span

_CYR_WORD = r"[\u0410-\u042f\u0401][\u0430-\u044f\u0451]{1,30}"  # a capitalised Cyrillic word
_HAN = r"[\u4e00-\u9fff]"
_KANA = r"[\u3040-\u30ff]"
_HANGUL = r"[\uac00-\ud7a3]"
_NAMES = re.compile(
    # Russian, Ukrainian: "my name is", "I am"
    rf"(?:(?i:меня\s+зовут|моё\s+имя|мое\s+имя|мене\s+звати)\s+)({_CYR_WORD}(?:\s+{_CYR_WORD}){{0,2}})"
    # Chinese: "I am called", "my name is"
    rf"|(?:我叫|我的名字(?:是|叫))({_HAN}{{2,4}})"
    # Japanese: "my name is ... desu"; a family and a given name before -sama or -san (with the
    # space between them: `会員様`, "dear member", is no one)
    rf"|(?:私の名前は)({_HAN}{{1,4}}(?:[ \u3000]?{_HAN}{{1,4}})?)(?:です|と申します)"
    rf"|(?<!{_HAN})({_HAN}{{1,4}}[ \u3000]{_HAN}{{1,4}})(?:様|さん)"
    # Korean: "my name is"; a three-syllable name before -nim or -ssi (`고객님`, "dear customer",
    # and `선생님`, "teacher", have two)
    rf"|(?:제\s?이름은)\s?({_HANGUL}{{2,4}})(?:입니다|이에요|예요|이고|이며)?"
    rf"|(?<!{_HANGUL})({_HANGUL}{{3}})(?:님|씨)"
    # Hindi: "my name ... is"
    r"|(?:मेरा\s+नाम|मेरा नाम)\s+([\u0900-\u097f]+(?:\s+[\u0900-\u097f]+){0,2}?)\s+(?:है|हूँ|हूं)"
)
_PHONE = re.compile(
    r"(?:电话|電話|手机|手機|携帯|전화(?:번호)?|휴대폰|핸드폰|(?i:телефон|тел\.?)|फ़ोन|फोन|मोबाइल)"
    r"(?:[^\d\n+]{0,12})(\+?\d[\d \-()]{6,18}\d)"
)
_ADDRESS = re.compile(
    r"〒\s?\d{3}-?\d{4}"
    # Japanese: prefecture, city or ward, then the block (丁目, 番, 号)
    rf"|{_HAN}{{1,3}}[都道府県]{_HAN}{{1,6}}[市区町村郡](?:{_HAN}|{_KANA}){{0,12}}\d{{1,4}}丁目(?:\d{{1,4}}番(?:地)?)?(?:\d{{1,4}}号)?"
    # Chinese: province or city, district, road or street and number
    rf"|{_HAN}{{2,6}}[省市]{_HAN}{{1,8}}[区县市]{_HAN}{{1,12}}[路街道巷]\d{{1,5}}号"
    # Korean: province or metropolitan city, city / county / district, road (`로`, `길`) and
    # building number, the neighbourhood in brackets after it
    rf"|{_HANGUL}{{1,6}}(?:특별시|광역시|특별자치시|특별자치도|도)[ \t]{_HANGUL}{{1,6}}[시군구]"
    rf"(?:[ \t]{_HANGUL}{{1,6}}[구읍면])?[ \t](?:{_HANGUL}|\d){{1,12}}(?:로|길)[ \t]?\d{{1,5}}(?:-\d{{1,5}})?"
    rf"(?:[ \t]?\([^)\n]{{1,20}}\))?"
    # Greek: a postal code after its mark (Tau Kappa, `TK 77668`, `T.K. 104 31` in Greek letters)
    r"|(?<![\w.])\u03a4\.?\u039a\.?[ \t]?\d{3}[ \t]?\d{2}(?!\d)"
)
_GROUPS = range(1, 8)


_SCRIPT_CHAR = re.compile(r"[\u0400-\u04ff\u0900-\u097f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3\u3012\u03a4]")
"""A gate: a character of one of the scripts above (or the postal mark, or a Greek capital Tau)."""


def script_names(text: str) -> list[Span]:
    """Names, phones and addresses written in the scripts above (none in ASCII text)."""
    if text.isascii() or _SCRIPT_CHAR.search(text) is None:
        return []
    found: list[Span] = []
    for m in _NAMES.finditer(text):
        group = next(g for g in _GROUPS if m.group(g))
        found.append(Span("name", m.start(group), m.end(group), 0.8))
    found += [Span("phone", m.start(1), m.end(1), 0.85) for m in _PHONE.finditer(text)]
    found += [Span("address", m.start(), m.end(), 0.85) for m in _ADDRESS.finditer(text)]
    return found
