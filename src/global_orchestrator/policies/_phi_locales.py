"""Identifiers of Latin-script locales known by a local wording (tenth build, probe6's classes).

- **A home after a verb of living** in Swedish, Dutch, Polish, Portuguese, Spanish, Italian
  (`bor på Granstigen 5 i Lidköping`, `woont op Kayhof 4 in Hooge Zwaluwe`, `zamieszkały przy
  ul. Wrzosowa 7 w Głogów`): the street and house number, and the town after the preposition
  (`i`, `in`, `w`, `en`, `em`, `a`) as a place of its own; a town after the verb alone (`bor i
  Lidköping`, `mora em Campinas`; no country); and a Turkish town before `adresinde` ("at the
  address in").
- **A Nordic street by its suffix** and a house number, with no cue (`Granstigen 507`, `Åkergränd
  98`, `Møllegade 4`), and the town after it (`, Lidköping`, ` i Lidköping`): places, PHI only
  in text about a person.
- **An account number after an account word** (`konto SE91 7336 ...`, `rekening`, `IBAN:`): an
  IBAN-shaped value, even when its check digits fail (a typo in a person's account is still
  theirs).
- **A full name after a name label** of many languages (`Naam:`, `Ad Soyad:`, `Namn:`,
  `t.n.v.`, `kontoinnehavare`, `passport name is`), particles included (`Demi die Pelser`,
  `Aaliyah van 't Erve`), in capitals too (`OTTAVIO POLESEL`), up to a delimiter.
- **A Brazilian phone** (`12 9529-9427`, `(21) 98765-4321`) on a line with a contact word
  (`Contato`, `Telefone`, `Celular`, `WhatsApp`).

Each is gated on a cheap substring test of the text.
"""

from __future__ import annotations

import re

from global_orchestrator.policies._phi_lexicon import LOWER, UPPER, english, is_country
from global_orchestrator.policies._phi_names import ORG_WORDS
from global_orchestrator.policies._phi_spans import Span, has_any, prefix_table, scan_words

_TOWN = rf"[{UPPER}][{LOWER}'\u2019]+(?:[- ][{UPPER}][{LOWER}'\u2019]+){{0,2}}"
_HOME = re.compile(
    r"(?i:\bbor[ ]p\u00e5|\bbosatt[ ]p\u00e5|\bwoont[ ](?:op|aan)|\bwonende(?:[ ](?:op|aan))?|"
    r"\bwoonachtig[ ](?:op|aan)|\bzamieszka\w{0,3}[ ]przy|\bzam\.[ ]?(?:przy|ul\.)|\bmieszka[ ]przy|"
    r"\bmora[ ](?:na|no|em)|\breside[ ](?:na|no|en|em|in)|\bvive[ ]en|\babita[ ](?:in|a))[ ]"
    # (a full stop only after an abbreviation, `ul.`, `pl.`: after a word it ends the sentence)
    r"((?:[^\n,;:.]|(?<![^\W\d_]{4})\.){2,50}?[ ]\d{1,5}(?:[/-]\d{1,5})?[a-zA-Z]?)"
    rf"(?:[ ](?:i|in|w|we|en|em|a|te)[ ]({_TOWN})(?=[ ]*(?:[.,;:!?)\n]|$)|[ ][{LOWER}]))?"
)
_HOME_GATES = (
    "bor p",
    "bosatt",
    "woont ",
    "wonende",
    "woonachtig ",
    "zamieszka",
    "zam.",
    "mieszka ",
    "mora ",
    "reside ",
    "vive en",
    "abita ",
)
# a town after a verb of living with no street (`bor i Lidköping`, `mieszka w Gdańsku`)
_LIVES_IN = re.compile(
    r"(?i:\b(?:bor|bosatt)[ ]i|\bwoont[ ]in|\bwoonachtig[ ]te|\bwonende[ ]te|\bmieszka[ ]w|"
    r"\bzamieszka\w{0,3}[ ]w|\bmora[ ]em|\breside[ ](?:em|en|a)|\bvive[ ]en|\babita[ ]a|\bresidente[ ]a)[ ]"
    rf"({_TOWN})(?=[ ]*(?:[.,;:!?)\n]|$)|[ ][{LOWER}]|[ ]\d)"
)
# a street of a Nordic language by its suffix and a house number, with no cue (`Granstigen 507`,
# `Åkergränd 98`, `Møllegade 4`), and the town after it (`, Lidköping` / ` i Lidköping`)
_NORDIC_STREET = re.compile(
    rf"(?<![\w-])([{UPPER}][{LOWER}]{{2,30}}(?:stigen|gr\u00e4nd|torget|v\u00e4gen|gatan|backen|all\u00e9n|leden|"
    r"platsen|str\u00e5ket|slingan|g\u00e5ngen|gata|gate|gade|vej|veien|vegen|stien|bakken)"
    r"[ ]\d{1,4}[A-Za-z]?)(?![\w-])"
    rf"(?:(?:,[ ]|[ ]i[ ])({_TOWN})(?=[ ]*(?:[.,;:!?)\n]|$)))?"
)
_NORDIC_SUFFIXES = (
    *("stigen", "gr\u00e4nd", "torget", "v\u00e4gen", "gatan", "backen", "all\u00e9n", "leden", "platsen"),
    *(
        "str\u00e5ket",
        "slingan",
        "g\u00e5ngen",
        "gata",
        "gate",
        "gade",
        "vej",
        "veien",
        "vegen",
        "stien",
        "bakken",
    ),
)
_NORDIC_GATES = tuple(f"{x} " for x in _NORDIC_SUFFIXES)
_SPACE_DIGIT = re.compile(r" \d")
_LIVES_GATES = (
    *("bor i", "bosatt i", "woont in", " te ", "mieszka w", "zamieszka", "mora em", "reside "),
    *("vive en", "abita a", "residente a"),
)
_ADRESINDE = re.compile(rf",[ ]*({_TOWN})[ ]+adresinde\b")
_IBAN_SHAPE = re.compile(
    r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,3})?(?![A-Za-z0-9])"
)
_ACCOUNT_BEFORE = re.compile(
    r"(?i:\b(?:iban|konto(?:nummer)?|kontonr|account(?:[ ](?:no|number|nr))?|rekening(?:nummer)?|"
    r"conta|cuenta|conto|rachunek|hesap|compte|"
    # Arabic (the account, an account, IBAN)
    r"\u0627\u0644\u062d\u0633\u0627\u0628|\u062d\u0633\u0627\u0628|\u0622\u064a\u0628\u0627\u0646|"
    r"\u0627\u064a\u0628\u0627\u0646)\b)[ .:#]{0,3}(?:(?i:nr|no)\.?[ ]?)?\Z"
)
_ACCOUNT_GATES = (
    "iban",
    "konto",
    "account",
    "rekening",
    "conta ",
    "cuenta",
    "conto",
    "rachunek",
    "hesap",
    "compte",
    "\u062d\u0633\u0627\u0628",
    "\u064a\u0628\u0627\u0646",
)
_NAME_WORD = rf"[{UPPER}][{UPPER}{LOWER}'\u2019-]+"
_PARTICLE = r"(?:van|von|de|der|den|die|da|di|del|della|dos|das|do|du|la|le|ter|ten|'t|\u2019t|bin|ibn|al|el)"
_LABELLED = re.compile(
    r"(?:(?i:\bnaam(?:[ ]pati\u00ebnt|[ ]patient)?|\bpati\u00ebntnaam|\bpatientnaam|"
    r"\bnamn|\bfullst\u00e4ndigt[ ]namn|\bnome(?:[ ]completo|[ ]do[ ]paciente|[ ]e[ ]cognome)?|"
    r"\bcognome[ ]e[ ]nome|"
    r"\bnombre(?:[ ]completo|[ ]del[ ]paciente)?|\bad[\u0131i]?[ ]soyad[\u0131i]?|\bhasta[ ]ad[\u0131i]|"
    r"\bimi\u0119[ ]i[ ]nazwisko|\bfull[ ]name)[ ]*:"
    r"|(?i:\bpassport[ ]name[ ]is|\bt\.n\.v\.|\bkontoinnehavare|\brekeninghouder|"
    r"\btitular(?:[ ]da[ ]conta)?))[ ]*"
    rf"({_NAME_WORD}(?:[ ](?:{_PARTICLE}[ ])*{_NAME_WORD}){{1,3}})(?=[ ]*(?:[/|,.;()<\n]|$))"
)
_END_OF_NAME = r"(?=[ ]*(?:[/|,.;()<\n\u2014]|$)|[ ]{2}|[ ][-\u2013][ ])"
"""What ends a name in a letter's header: a delimiter, a line end, a column gap of two spaces, or a
spaced dash before the next field (`Paciente: SOUSA Ana - CPF: ...`)."""
_HEADER_LABELLED = re.compile(
    # a patient or a contact person named in a letter's header (`Paziente: INFANTINO Diana`)
    r"(?i:\b(?:paciente|paziente|pati\u00ebnt|patiente?|contactpersoon|kontaktperson|ansprechpartner(?:in)?|"
    r"persona[ ]de[ ]contacto|persona[ ]di[ ]riferimento|personne[ ]de[ ]confiance)[ ]*:"
    # a doctor greeted by name (`Beste dokter Emir Olthof,`, `Bonjour Docteur Guy Boyer,`)
    r"|\b(?:beste|geachte)[ ](?:dokter|collega)|\b(?:bonjour|cher|ch\u00e8re)[ ](?:docteur|confr\u00e8re|"
    r"cons\u0153ur)|\bestimad[oa][ ](?:doctora?|colega)|"
    r"\b(?:gentile|caro|cara)[ ](?:dottore(?:ssa)?|collega)|"
    r"\bsehr[ ]geehrte[r]?[ ](?:herr|frau)[ ](?:doktor|kollege|kollegin))[ ]*"
    rf"({_NAME_WORD}(?:[ ](?:{_PARTICLE}[ ])*{_NAME_WORD}){{1,5}}){_END_OF_NAME}"
)
"""A patient, a contact person or a greeted doctor named in a letter of another language; the
surname may come first in capitals and hold particles (`VAN DER STAEL DE JONGE Sami`)."""
_HEADER_PREFIXES = prefix_table(
    (
        *("paciente", "paziente", "pati\u00ebnt", "patient", "contactpersoon", "kontaktperson"),
        *(
            "ansprechpartner",
            "persona ",
            "personne ",
            "beste ",
            "geachte ",
            "bonjour ",
            "cher ",
            "ch\u00e8re ",
        ),
        *("estimad", "gentile ", "caro ", "cara ", "sehr "),
    )
)
_HEADER_KEYS = tuple({p[:3] for ps in _HEADER_PREFIXES.values() for p in ps})
_LABEL_GATES = (
    *("naam", "namn", "nome", "nombre", "soyad", "nazwisko", "full name", "passport name", "t.n.v."),
    *("kontoinnehavare", "rekeninghouder", "titular", "cognome", "hasta ad"),
)
_CAPS_NAME_LABEL = re.compile(
    r"(?i:\b(?:name|nom|naam|nome|nombre|pat\.|paciente|paziente|patient(?:e|in)?|pati\u00ebnt))[ ]*:[ ]*"
    rf"((?:[{UPPER}][{UPPER}'\u2019-]+[ ]){{1,4}}[{UPPER}][{LOWER}'\u2019-]+"
    rf"(?:[ -][{UPPER}][{LOWER}'\u2019-]+)?){_END_OF_NAME}"
)
"""`Name: ODERWALD Sergio`, `Nom : GARCIA Aurore`, `Pat.: HARLOFF Sibylle,`, `Naam: VAN DEN BERG Anna`:
a surname in capitals (particles too), then the given name, after a name or patient label of a
record's header in English, French, Dutch, Italian, Spanish, Portuguese or German; `Name: Premium
Support Package` names a thing."""
_NAME_PREFIXES = prefix_table(("name", "nom", "naam", "nombre", "pat.", "pac", "paz", "pati"))
_NAME_KEYS = ("nam", "nom", "naa", "pat", "pac", "paz")
_BR_PHONE = re.compile(r"(?<![\d-])\(?\d{2}\)?[ ]9?\d{4}-\d{4}(?![\d-])")
_BR_CUE = re.compile(r"(?i:contato|telefone|tel\.?|celular|whatsapp|fone)")


# words of organisations in the languages of these labels (`t.n.v. Stichting Beheer`)
_ORG_MORE = frozenset(
    [
        "stichting",
        "vereniging",
        "gemeente",
        "ziekenhuis",
        "kliniek",
        "stiftelse",
        "förening",
        "kommun",
        "sjukhus",
        "fundacja",
        "spółka",
        "szpital",
        "fundação",
        "fundación",
        "fondazione",
        "vakf\u0131",
        "derneği",
        "şirketi",
        "hastanesi",
        "ltda",
        "associação",
        "asociación",
        "associazione",
    ]
)


def _people_words(name: str) -> bool:
    """`name` has no word of an organisation and not every capitalised word is an everyday English one."""
    words = [w.lower() for w in name.split(" ")]
    if any(w in ORG_WORDS or w in _ORG_MORE for w in words):
        return False
    everyday = english()
    return any(w not in everyday for w, o in zip(words, name.split(" "), strict=True) if o[:1].isupper())


def _nordic_streets(text: str) -> list[Span]:
    """Nordic streets by their suffix (`Granstigen 507`) and their towns, tried at each space and digit."""
    found: list[Span] = []
    for d in _SPACE_DIGIT.finditer(text):
        at = d.start()
        if not text.endswith(_NORDIC_SUFFIXES, max(0, at - 8), at):
            continue
        start = at
        while start > 0 and at - start < 40 and text[start - 1].isalpha():
            start -= 1
        m = _NORDIC_STREET.match(text, start)
        if m is not None:
            found.append(Span("address", m.start(1), m.end(1), 0.75, weak=True))
            if m.group(2):
                found.append(Span("address", m.start(2), m.end(2), 0.7, weak=True))
    return found


def locale_values(text: str) -> list[Span]:
    """Homes after a verb of living, accounts after an account word, labelled names, Brazilian phones."""
    found: list[Span] = []
    if has_any(text, _HOME_GATES):
        for m in _HOME.finditer(text):
            found.append(Span("address", m.start(1), m.end(1), 0.8))
            if m.group(2):
                found.append(Span("address", m.start(2), m.end(2), 0.75, weak=True))
    if has_any(text, _LIVES_GATES):
        found += [
            Span("address", m.start(1), m.end(1), 0.7, weak=True)
            for m in _LIVES_IN.finditer(text)
            if not is_country(m.group(1))
        ]
    if has_any(text, _NORDIC_GATES):
        found += _nordic_streets(text)
    if "adresinde" in text:
        found += [Span("address", m.start(1), m.end(1), 0.75, weak=True) for m in _ADRESINDE.finditer(text)]
    if has_any(text, _ACCOUNT_GATES):
        found += [
            Span("account_number", m.start(), m.end(), 0.85)
            for m in _IBAN_SHAPE.finditer(text)
            if _ACCOUNT_BEFORE.search(text, max(0, m.start() - 40), m.start()) is not None
        ]
    if has_any(text, _LABEL_GATES):
        found += [
            Span("name", m.start(1), m.end(1), 0.8)
            for m in _LABELLED.finditer(text)
            if _people_words(m.group(1))
        ]
    found += [  # tried at the label words only (`scan_words`)
        Span("name", m.start(1), m.end(1), 0.8)
        for m in scan_words(_HEADER_LABELLED, text, _HEADER_KEYS, _HEADER_PREFIXES)
        if _people_words(m.group(1))
    ]
    if ":" in text:
        found += [
            Span("name", m.start(1), m.end(1), 0.8)
            for m in scan_words(_CAPS_NAME_LABEL, text, _NAME_KEYS, _NAME_PREFIXES)
            if _people_words(m.group(1))
        ]
    if "-" in text and has_any(text, ("contato", "telefone", "tel.", "tel:", "celular", "whatsapp", "fone")):
        for m in _BR_PHONE.finditer(text):
            line = max(text.rfind("\n", 0, m.start()) + 1, m.start() - 100)
            if _BR_CUE.search(text, line, m.start()) is not None:
                found.append(Span("phone", m.start(), m.end(), 0.8))
    return found
