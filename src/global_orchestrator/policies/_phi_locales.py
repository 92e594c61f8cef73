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

from global_orchestrator.policies._phi_lexicon import LOWER, UPPER, census, english, is_country, places
from global_orchestrator.policies._phi_names import ORG_WORDS
from global_orchestrator.policies._phi_spans import Span, has_any, prefix_table, scan_words

_TOWN = rf"[{UPPER}][{LOWER}'\u2019]+(?:[- ][{UPPER}][{LOWER}'\u2019]+){{0,2}}"
_HOME = re.compile(
    r"(?i:\bbor[ ]p\u00e5|\bbosatt[ ]p\u00e5|\bwoont[ ](?:op|aan)|\bwonende(?:[ ](?:op|aan))?|"
    r"\bwoonachtig[ ](?:op|aan)|\bzamieszka\w{0,3}[ ]przy|\bzam\.[ ]?(?:przy|ul\.)|\bmieszka(?:m|sz)?[ ]przy|"
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
    "mieszkam ",
    "mieszkasz ",
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
    return found + _everyday_locales(text)


# -- probe12's classes: everyday sentences of other languages ---------------------------------------
_LOCAL_TITLE = re.compile(
    # a title of another language before a surname or a full name (`Madame Traore`, `mevrouw Slaetsdochter`,
    # `Sig.ra Totino`, `Señora Ruiz`)
    r"\b(?:Madame|Monsieur|Mademoiselle|mevrouw|meneer|Mevrouw|Meneer|Signora|Signor|Sig\.ra|Sig\.na|"
    r"Señora|Señor|Señorita|Senhora|Senhor|Dona|Pani|Fru|Frau|Herrn?|don|doña|Doña)[ ]"
    r"(?!(?:Dr|Prof|Med|Ing|Mag|Dott|Dipl)\b)"
    rf"([{UPPER}][{LOWER}'\u2019]+(?:[- ][{UPPER}][{LOWER}'\u2019]+)?)(?![\w'-])"
)
_LOCAL_AGE = re.compile(
    # an age over 89 after a verb of having or turning one, in the language of the text (`tiene 99 años`,
    # `ist 103 Jahre alt`, `is vandaag 98 geworden`, `ha compiuto 90 anni`, `fêtera ses 98 ans`)
    r"\b(?i:tiene|cumple|cumplió|cumplirá|ist|wird|wurde|is|wordt|werd|a|aura|fête[ ]ses|fêtera[ ]ses|"
    r"ha[ ]compiuto|compie|compirà|ha|ma|skończył[ao]?|kończy|har|fyller|fyllde|tem|fez|completou|completa)"
    r"[ ](?:(?i:vandaag|heute|hoy|oggi|aujourd'hui|dziś|idag|hoje)[ ])?(9\d|1[01]\d)[ ]"
    r"(?=(?i:Jahre|años|anni|ans|jaar|lat|år|anos|geworden)\b)"
    r"(?![^.\n]{0,12}\b(?:de[ ]|di[ ]|d'|of[ ])(?:historia|"
    r"storia|histoire|geschiedenis|história|historii|experiencia|esperienza|expérience|ervaring))"
)
_ARTICLE_NOUN_BEFORE = re.compile(
    r"\b(?i:das|die|der|la|el|le|il|lo|het|de|the|our|unser\w*|notre|nuestr[oa]|nostr[oa]|onze)"
    r"[ ][\w'-]+[ ]*\Z"
)
"""A thing turning 90 or more (`Das Krankenhaus wird 100 Jahre alt`): an article and a noun before it."""
_AGE_PLACE = re.compile(
    # the town of someone's birthday or home after their age (`... 90 anni a Montoggio`)
    rf"\b(?:9\d|1[01]\d)[ ](?:Jahre|años|anni|ans|jaar|lat|år|anos)[ ](?:a|à|en|in|em|w|i)[ ]({_TOWN})"
    r"(?=[ ]*(?:[.,;:!?)\n]|$)|[ ][a-zà-ÿ])"
)
_LIVES_WITH_IN = re.compile(
    # a town after a verb of living and whom with (`vive con su hija en Granada`, `lebt mit ihr in Jena`)
    r"\b(?i:vive[ ]con|lebt[ ]mit|wohnt[ ]mit|woont[ ]met|habite[ ]avec|vit[ ]avec|abita[ ]con|mora[ ]com|"
    r"mieszka[ ]z|bor[ ]med)(?:[ ][\w'-]+){1,3}?[ ](?:en|in|à|a|em|w|i)[ ]"
    rf"({_TOWN})(?=[ ]*(?:[.,;:!?)\n]|$)|[ ][a-zà-ÿ])"
)
_LOCAL_USER = re.compile(
    # a user name after its word in any language (`usuario en la app es fernanda1976`, `l'identifiant est
    # traoresa71`, `Gebruiker jasmijn.maaswinkel`, `Login attempt for user hopkinsrobert`)
    r"(?i:\b(?:usuario|usuário|utilisateur|identifiant|benutzer(?:name)?|gebruiker(?:snaam)?|utente|"
    r"nome[ ]utente|"
    r"username|user[ ]?name|user|login|användarnamn|nazwa[ ]użytkownika|użytkownik))"
    r"(?:[ ](?:(?i:en[ ]la[ ]app|na[ ]app|in[ ]app|de[ ]la[ ]app|id)))?"
    r"(?:[ ](?i:es|est|ist|is|é|è|är|to|:))?[ :]+"
    r"([a-z][a-z0-9_.-]{3,30}[a-z0-9])(?![\w@-]|\.\w)"
)
_LOCAL_PHONE = re.compile(
    # a phone of nine to twelve digits in groups after a phone word of the text's language (`pod numerem
    # 601 913 309`, `o meu telemóvel é (351) 267 901 901`)
    r"(?i:\b(?:pod[ ]numerem|numer(?:em)?[ ]telefonu|telefonu|telemóvel|telemovel|teléfono|telefono|"
    r"cellulare|handynummer|handy|mobilnummer|mobil|numéro[ ]de[ ]téléphone|telefoonnummer|"
    r"telefonnummer))(?:[ ](?i:es|est|ist|é|è|är|to|is|:))?[ :]+(\(?\+?\d[\d ()]{7,16}\d)(?![\d-])"
)
_FIRST_NAME_VERB = re.compile(
    # a first name opening a sentence, or after `de`/`van`/an article, before a verb of the text's language
    # (`Fernanda tiene ...`, `Melania jest ...`, `El correo de Sonia es ...`, `A Adriana nasceu ...`)
    rf"(?:^|[.;!?:][ ]+|\b(?:de|di|da|van|von|du|A|O|y|e|et|und|en|i|och)[ ])"
    rf"([{UPPER}][{LOWER}]{{2,20}}(?:-[{UPPER}][{LOWER}]{{2,20}})?)[ ]"
    r"(?=(?:tiene|vive|es|está|estaba|nació|trabaja|cumple|ist|hat|wohnt|lebt|wurde|arbeitet|a|est|habite|"
    r"vit|travaille|jest|ma|mieszka|pracuje|urodził|urodziła|heeft|woont|werkt|har|bor|arbetar|tem|mora|"
    r"nasceu|trabalha|ha|è|abita|lavora|has|lives|works|is|was)\b)",
    re.MULTILINE,
)
_ISSUED_TO = re.compile(
    # a full name after the words that say whose a document or an account is (`issued to Michael Church`,
    # `em nome de Amélia Magalhães`, `gehört Reiner Haering`, `t.n.v. Jan de Vries`)
    r"(?i:\bissued[ ]to|\bmade[ ]out[ ]to|\bin[ ]the[ ]name[ ]of|\bbelongs[ ]to|\bgehört|\bauf[ ]den[ ]namen|"
    r"\bem[ ]nome[ ]de|\ba[ ]nombre[ ]de|\bau[ ]nom[ ]de|\bintestat[oa][ ]a|\bwłaściciel(?:ka)?|\bägare|"
    r"\bt\.n\.v\.|\bnależy[ ]do)[ :]+"
    rf"([{UPPER}][{LOWER}'\u2019]+(?:[- ](?:[{UPPER}][{LOWER}'\u2019]+|de|da|van|von|del|di)){{1,3}})"
    r"(?![\w'-])"
)
_ACTION_AFTER_NAME = re.compile(
    # a first name between a conjunction and a past action (`so Holly switched to PayPal`)
    rf"\b(?:so|and|then|but|when|after|because)[ ]([{UPPER}][{LOWER}]{{2,20}})[ ]"
    r"(?=(?:switched|paid|called|asked|booked|ordered|emailed|cancell?ed|changed|updated|moved|signed|"
    r"requested|complained|returned|wrote|texted|replied)\b)"
)
_LOCAL_DOCUMENT = re.compile(
    # a passport's or a vehicle's number after its word in another language (`Der Reisepass mit der
    # Nummer CX753G34C`, `Numer paszportu: EF8565536`, `La voiture immatriculée NJ-136-RB`, `Samochód o
    # numerze rejestracyjnym JYN 74716`, `het kenteken van de auto van X is 9-TWP-55`)
    r"(?i:(?P<passport>reisepass(?:nummer)?(?:[ ]mit[ ]der[ ]nummer)?|passnummer|passaporte(?:[ ]n\.?º)?|"
    r"passaporto(?:[ ]n\.?)?|pasaporte(?:[ ]n[º°]\.?)?|numer[ ]paszportu|paszport(?:[ ]nr\.?)?|"
    r"passeport(?:[ ]n[°º]\.?)?|paspoort(?:nummer)?)"
    r"|(?P<plate>numerze[ ]rejestracyjnym|numer[ ]rejestracyjny|immatricul[ée]e|immatriculation|"
    r"kenteken(?:[ ]van[ ]de[ ]auto(?:[ ]van[ ][^\n,.;]{2,40}?)?[ ]is)?|kennzeichen|targa|matr[ií]cula|"
    r"registreringsnummer))"
    r"[ :]*((?=[A-Z0-9 -]{0,11}\d)[A-Z0-9]{1,12}(?:[- ][A-Z0-9]{1,5}){0,3}|[A-Z]{8,10})(?![\w-])"
)
_CODICE_FISCALE = re.compile(r"(?<![A-Z0-9])[A-Z]{6}\d{2}[A-EHLMPRST]\d{2}[A-Z]\d{3}[A-Z](?![A-Z0-9])")
"""An Italian codice fiscale by its shape (surname, name, birth year, month letter, day, place, check)."""
_FOLD = str.maketrans("áàâäãåéèêëíìîïóòôöõúùûüçñ", "aaaaaaeeeeiiiiooooouuuucn")


_PRONOUNS = frozenset("ela ele elle lui lei ella sie hij zij hon han ona ono".split())  # noqa: SIM905
"""Pronouns of other languages that are Census first names too (`Ela mora em Campinas`: "she lives")."""


def _census_first(word: str, *, whole: bool = True) -> bool:
    """`word` (accents folded) or the part before its hyphen is a Census first name (`whole`: either)."""
    key = word.lower().translate(_FOLD)
    names = census()[1]
    return (whole and key in names) or key.split("-")[0] in names


def _first_name(word: str) -> bool:
    """A Census first name (accents folded) that is no everyday English word, no pronoun and no place."""
    key = word.lower()
    return key not in _PRONOUNS and _census_first(word) and key not in english() and key not in places()


_LOCAL_GATES = (
    *(
        "madame",
        "monsieur",
        "mademoiselle",
        "mevrouw",
        "meneer",
        "signor",
        "sig.",
        "señor",
        "senhor",
        "dona ",
    ),
    *("pani ", "fru ", "frau ", "herr", "don ", "doña "),
)


def _everyday_locales(text: str) -> list[Span]:
    """Probe12's classes: titles, ages, towns, user names and phones of other languages' sentences."""
    found: list[Span] = []
    if has_any(text, _LOCAL_GATES):
        found += [
            Span("name", m.start(1), m.end(1), 0.8)
            for m in _LOCAL_TITLE.finditer(text)
            if _people_words(m.group(1))
        ]
    if has_any(text, ("jahre", "años", "anni", " ans", "jaar", " lat", " år", "anos", "geworden")):
        found += [
            Span("age_over_89", m.start(1), m.end(1), 0.85)
            for m in _LOCAL_AGE.finditer(text)
            if _ARTICLE_NOUN_BEFORE.search(text, max(0, m.start() - 40), m.start()) is None
        ]
        found += [Span("address", m.start(1), m.end(1), 0.7, weak=True) for m in _AGE_PLACE.finditer(text)]
    if has_any(
        text, ("vive con", "lebt mit", "wohnt mit", "woont met", "avec", "abita con", "mora com")
    ) or has_any(text, ("mieszka z", "bor med")):
        found += [
            Span("address", m.start(1), m.end(1), 0.7, weak=True)
            for m in _LIVES_WITH_IN.finditer(text)
            if not is_country(m.group(1))
        ]
    if has_any(
        text, ("usu", "utilisateur", "identifiant", "benutzer", "gebruiker", "utente", "user", "login")
    ) or has_any(text, ("användarnamn", "użytkownik")):
        for m in _LOCAL_USER.finditer(text):
            value = m.group(1)
            if any(c in value for c in "._-0123456789") or (len(value) >= 10 and value not in english()):
                found.append(Span("other_unique_identifier", m.start(1), m.end(1), 0.8))
    found += [
        Span("name", m.start(1), m.end(1), 0.7)
        for m in _FIRST_NAME_VERB.finditer(text)
        if _first_name(m.group(1))
    ]
    if has_any(
        text, ("reisepass", "passnummer", "passapor", "pasaporte", "paszport", "passeport", "paspoort")
    ) or has_any(
        text, ("rejestracyj", "immatricul", "kenteken", "kennzeichen", "targa", "matr", "registrerings")
    ):
        for m in _LOCAL_DOCUMENT.finditer(text):
            category = "other_unique_identifier" if m.group("passport") else "vehicle_identifier"
            value = m.group(3)
            if len(value.replace(" ", "").replace("-", "")) >= 5:
                found.append(Span(category, m.start(3), m.end(3), 0.8))
    found += [Span("ssn", m.start(), m.end(), 0.9) for m in _CODICE_FISCALE.finditer(text)]
    for m in _ISSUED_TO.finditer(text):
        if _census_first(m.group(1).split()[0], whole=False):
            found.append(Span("name", m.start(1), m.end(1), 0.8))
    first_names = census()[1]
    found += [  # (weak: `... and Summer switched to fall colors` is a season, in a text about no one)
        Span("name", m.start(1), m.end(1), 0.7, weak=True)
        for m in _ACTION_AFTER_NAME.finditer(text)
        if m.group(1).lower() in first_names
    ]
    if has_any(
        text, ("numer", "telef", "telem", "cellulare", "handy", "mobil", "numéro", "telefoon", "telefon")
    ):
        for m in _LOCAL_PHONE.finditer(text):
            if 9 <= sum(c.isdigit() for c in m.group(1)) <= 13:
                found.append(Span("phone", m.start(1), m.end(1), 0.8))
    return found
