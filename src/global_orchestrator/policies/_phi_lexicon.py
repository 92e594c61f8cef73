"""Word lists of the PHI detector, all offline: Census names, English words, places.

- first names and surnames: the US Census lists shipped by the `names` package;
- English words: lower-case dictionary entries (`_phi_lexicon_data`), so that a name that
  is also an everyday word ("will", "rose", "park") needs more evidence;
- places: cities, US counties, countries and US states (`_phi_lexicon_data`).

Also the letter classes the recognisers share: Latin letters with diacritics count, so
that "Müller", "Łukasz" and "Sébastien" are words like "Miller".
"""

from __future__ import annotations

import base64
import importlib.util
import re
import zlib
from functools import cache, lru_cache
from pathlib import Path

from global_orchestrator.policies import _phi_lexicon_data

# Latin-1, Latin Extended-A and -B, and Latin Extended Additional (Vietnamese: `Đặng`, `Huỳnh`, `Trần`)
_LATIN = [chr(c) for c in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)) if chr(c).isalpha()]
UPPER = "A-Z" + "".join(c for c in _LATIN if c.isupper())
"""Upper-case Latin letters (a character-class body)."""
LOWER = "a-z" + "".join(c for c in _LATIN if c.islower())
"""Lower-case Latin letters (a character-class body)."""
UPPER_CHAR = re.compile(f"[{UPPER}]")
"""An upper-case Latin letter: capitalised names and places need one."""
PARTICLES = tuple("van von der den de del della da das dos di du la le bin ibn al el ter ten y e".split())  # noqa: SIM905
"""Lower-case words inside a name (`Ludwig van Beethoven`, `Rebecca Dussen van`), in this order."""


def _unpack(chunks: tuple[str, ...] | str) -> frozenset[str]:
    data = "".join(chunks) if isinstance(chunks, tuple) else chunks
    return frozenset(zlib.decompress(base64.b85decode(data)).decode("utf-8").split("\n"))


@cache
def english() -> frozenset[str]:
    """Lower-case English dictionary words."""
    return _unpack(_phi_lexicon_data.ENGLISH)


@cache
def places() -> frozenset[str]:
    """Lower-cased place names: cities, US counties (with and without "County"), countries, states."""
    return _unpack(_phi_lexicon_data.PLACES)


@cache
def census() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Census first names (common), first names (all) and surnames, lower-cased."""
    spec = importlib.util.find_spec("names")
    if spec is None or spec.origin is None:
        return frozenset(), frozenset(), frozenset()
    folder = Path(spec.origin).parent

    def read(name: str, top: int | None = None) -> set[str]:
        lines = (folder / name).read_text(encoding="utf-8").splitlines()[:top]
        return {line.split()[0].lower() for line in lines if line.strip()}

    common = read("dist.male.first", 1000) | read("dist.female.first", 1500)
    every = read("dist.male.first") | read("dist.female.first")
    return frozenset(common), frozenset(every), frozenset(read("dist.all.last"))


# -- geography that is no Safe Harbor identifier: countries, continents, US states --------------


def is_country(words: str) -> bool:
    """`words` name a country (`Norway`, `New Zealand`, `Czech Republic`), any case and spacing."""
    key = " ".join(words.lower().split())
    return key in _COUNTRY_NAMES or key in _COUNTRY_WORDS


def is_continent(words: str) -> bool:
    """`words` name a continent or a region of several countries (`Africa`, `Latin America`)."""
    return " ".join(words.lower().split()) in _CONTINENTS


def is_us_state(words: str) -> bool:
    """`words` name a US state (`Ohio`, `New York`), any case and spacing."""
    return " ".join(words.lower().split()) in _US_STATES


_REGION_PARTS = ("north", "south", "east", "west", "central", "northern", "southern", "eastern", "western")
_CONTINENTS = frozenset(
    ["africa", "europe", "asia", "america", "antarctica", "oceania", "scandinavia", "americas"]
    + ["the americas", "latin america", "middle east", "the middle east"]
    + [f"{part} {whole}" for part in _REGION_PARTS for whole in ("africa", "europe", "asia", "america")]
    + ["southeast asia", "south-east asia", "northeast asia"]
    + ["far east", "the far east", "sub-saharan africa", "asia pacific", "asia-pacific", "the caribbean"]
    + ["caribbean", "the balkans", "balkans", "the baltics", "baltics", "the nordics", "nordics", "benelux"]
    + ["iberia", "the gulf", "emea", "apac", "latam", "mena", "dach"]
)
"""Continents and regions of several countries: geography no one lives at as an address."""

_COUNTRY_NAMES = frozenset(
    [
        "south africa",
        "new zealand",
        "united kingdom",
        "united arab emirates",
        "saudi arabia",
        "south korea",
        "north macedonia",
        "sri lanka",
        "costa rica",
        "el salvador",
        "dominican republic",
        "puerto rico",
        "papua new guinea",
        "ivory coast",
        "slovak republic",
        "russian federation",
        "netherlands",
        "the netherlands",
        "czech republic",
        "czechia",
        "usa",
        "u.s.a.",
        "uk",
        "u.k.",
        "united states",
        "united states of america",
        "great britain",
        "england",
        "scotland",
        "wales",
        "northern ireland",
    ]
)

_COUNTRY_WORDS = frozenset(
    """afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
    bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana
    brazil brunei bulgaria burundi cambodia cameroon canada chad chile china colombia comoros congo
    croatia cuba cyprus denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia
    fiji finland france gabon gambia georgia germany ghana greece greenland grenada guatemala guinea
    guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica
    japan jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho
    liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta
    mauritania mauritius mexico micronesia moldova monaco mongolia montenegro morocco mozambique
    myanmar namibia nauru nepal nicaragua niger nigeria norway oman pakistan palau panama paraguay
    peru philippines poland portugal qatar romania russia rwanda samoa senegal serbia seychelles
    singapore slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan
    tajikistan tanzania thailand togo tonga tunisia turkey turkmenistan tuvalu uganda ukraine
    uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe""".split()  # noqa: SIM905
)
"""Countries named in one word (`_COUNTRY_NAMES` holds those of several words)."""

_US_STATES = frozenset(
    [
        "alabama",
        "alaska",
        "arizona",
        "arkansas",
        "california",
        "colorado",
        "connecticut",
        "delaware",
        "florida",
        "georgia",
        "hawaii",
        "idaho",
        "illinois",
        "indiana",
        "iowa",
        "kansas",
        "kentucky",
        "louisiana",
        "maine",
        "maryland",
        "massachusetts",
        "michigan",
        "minnesota",
        "mississippi",
        "missouri",
        "montana",
        "nebraska",
        "nevada",
        "new hampshire",
        "new jersey",
        "new mexico",
        "new york",
        "north carolina",
        "north dakota",
        "ohio",
        "oklahoma",
        "oregon",
        "pennsylvania",
        "rhode island",
        "south carolina",
        "south dakota",
        "tennessee",
        "texas",
        "utah",
        "vermont",
        "virginia",
        "washington",
        "west virginia",
        "wisconsin",
        "wyoming",
    ]
)


# -- everyday words of the other languages the detector reads (de, fr, es, it, pt, nl) -----------
# German capitalises every noun, and every language capitalises a sentence's first word, so a
# capitalised run of these is no name (`Guten Tag`, `Liebe Kundinnen`, `Als Rentnerin`, `Feliz
# Navidad`). Classes, not examples: greetings and wishes, function words that open a sentence,
# nouns of status and occupation, days, months, holidays and seasons, times, a shop's nouns.

GREETING_WORDS = frozenset(
    """hallo guten gute gutes moin servus grüß grüss grüezi willkommen herzlich herzliche herzlichen
    liebe lieber liebes frohe frohes fröhliche fröhlichen schöne schönen schönes
    bonjour bonsoir salut bienvenue bienvenu cher chère chers chères joyeux joyeuse joyeuses bonne bonnes
    hola buenos buenas bienvenido bienvenida bienvenidos bienvenidas feliz felices querido querida
    queridos queridas estimado estimada estimados estimadas saludos
    buongiorno buonasera ciao salve benvenuto benvenuta benvenuti benvenute buon buona buone caro cara
    cari care gentile gentili auguri tanti
    olá bom boa bons boas prezado prezada prezados prezadas obrigado obrigada
    goedemorgen goedemiddag goedenavond hoi welkom beste geachte fijne prettige vrolijk vrolijke
    gelukkig gelukkige""".split()  # noqa: SIM905
)
"""Words of greetings and wishes, lower case (`Guten Tag`, `Liebe Kundinnen`, `Joyeux Noël`,
`Feliz Navidad`, `Buon Natale`, `Beste klant`): never a name's word, though some are Census
surnames (`Liebe`, `Hallo`, `Feliz`); the name greeted follows them (`Liebe Anna`)."""

_FUNCTION_WORDS = """der die das dem den des ein eine einen einem einer eines kein keine keinen unser unsere
    unseren unserem unserer unseres ihr ihre ihren ihrem ihrer ihres sie wir ich du er es euer eure
    mein meine meinen dein deine sein seine als auch aber oder und mit für bei nach vor zum zur
    im am ins vom jetzt neu neue neuen neues hier dort heute ab bis seit wenn dann nur noch schon
    immer alle allen jeden jede jeder jedes dieses diese dieser diesen was wer wie wo warum wann
    bitte danke ja nein nicht mehr viel viele wieder sehr ganz gern gerne jetzt endlich sichern
    les une des aux nos notre votre vos cette ces pour avec dans sur chez tous toutes tout toute
    nouveau nouvelle nouveaux nouvelles oui non merci voici découvrez profitez
    los las unos unas nuestro nuestra nuestros nuestras sus para por este esta estos estas todo
    todos toda todas nuevo nueva nuevos nuevas sí gracias descubre descubra aprovecha
    gli nostro nostra nostri nostre tutti tutte nuovo nuova nuovi grazie scopri approfitta ecco
    nosso nossa nossos nossas seu sua seus suas com todos todas novo nova novos novas sim não
    confira descubra aproveite
    het een onze jouw voor met bij alle nieuw nieuwe nee dank bedankt ontdek bekijk"""
_STATUS_NOUNS = """rentner rentnerin rentnerinnen rentnern patientin patientinnen patienten arzt ärztin
    ärzte ärztinnen ärzten kunde kundin kunden kundinnen mitglied mitglieder mitgliedern studentin
    studenten studentinnen studierende schüler schülerin schülerinnen senior seniorin senioren
    seniorinnen mitarbeiter mitarbeiterin mitarbeiterinnen mitarbeitende apotheker apothekerin
    apothekerinnen pfleger pflegerin pflegekraft pflegekräfte kollege kollegin kollegen kolleginnen
    bürger bürgerin bürgerinnen gast gäste gästen besucher besucherin besucherinnen damen herren
    eltern kinder familie familien schwangere pensionär pensionärin
    retraité retraitée retraités retraitées patiente patients patientes médecin médecins cliente
    clients clientes membre membres étudiant étudiante étudiants étudiantes
    jubilado jubilada jubilados jubiladas paciente pacientes médico médica médicos médicas cliente
    clientes socio socia socios socias estudiante estudiantes
    pensionato pensionata pensionati pensionate paziente pazienti medico medici clienti studente
    studentessa studenti
    aposentado aposentada aposentados aposentadas sócio sócia sócios sócias estudantes
    gepensioneerde gepensioneerden patiënt patiënte patiënten arts artsen klant klanten leden
    studenten
    berater beraterin mitarbeiterin agente agentes conseiller conseillère opérateur opératrice
    operador operadora atendente operatore operatrice consulente medewerker medewerkster
    krankenschwester pflegefachkraft infirmier infirmière enfermera enfermero enfermeira enfermeiro
    infermiere infermiera verpleegkundige apotheker farmacéutico farmacéutica farmacista
    farmacêutico farmacêutica apotheker"""
_CALENDAR_WORDS = """montag dienstag mittwoch donnerstag freitag samstag sonntag sonnabend januar jänner
    februar märz mai juni juli oktober dezember
    lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril juin juillet août
    septembre octobre novembre décembre
    lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio
    agosto septiembre octubre noviembre diciembre
    lunedì martedì mercoledì giovedì venerdì sabato domenica gennaio febbraio aprile maggio giugno
    luglio settembre ottobre dicembre
    segunda terça quarta quinta sexta janeiro fevereiro março maio junho julho setembro outubro
    dezembro
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart mei augustus
    weihnachten ostern pfingsten silvester neujahr advent fasching karneval noël pâques navidad
    pascua natale pasqua capodanno natal páscoa kerst kerstmis pasen nieuwjaar feestdagen
    tag tage woche wochen wochenende monat monate jahr jahre frühling sommer herbst
    semaine mois année printemps été automne hiver semana mes año primavera verano otoño invierno
    settimana mese anno estate autunno inverno mês ano verão outono maand jaar lente zomer herfst"""
_SHOP_NOUNS = """angebot angebote rabatt rabatte aktion aktionen kollektion kollektionen filiale filialen
    geschäft laden onlineshop praxis apotheke klinik krankenhaus kundenservice öffnungszeiten
    termin termine beratung impfung impfungen preis preise gutschein gutscheine versand lieferung
    bestellung produkte produkt neuheiten sortiment fest stadt markt haus zentrum
    boutique magasin magasins offre offres soldes collection tienda tiendas oferta ofertas rebajas
    colección negozio negozi offerta offerte saldi collezione loja lojas promoção promoções coleção
    novidades winkel webwinkel aanbieding aanbiedingen korting collectie"""
STATUS_NOUNS = frozenset(_STATUS_NOUNS.split())
"""Nouns of status, occupation and role of the other languages (lower case): a speaker's label
(`Kunde:`, `Agente:`, `Mitarbeiterin:`) and a capitalised noun (`Rentnerin`), no one's name."""
FOREIGN_WORDS = frozenset(" ".join((_FUNCTION_WORDS, _STATUS_NOUNS, _CALENDAR_WORDS, _SHOP_NOUNS)).split())
"""Everyday words of German, French, Spanish, Italian, Portuguese and Dutch (lower case), by class:
function words that open a sentence, nouns of status and occupation (`Rentnerin`, `Patientin`,
`Ärztin`, `jubilados`), days, months, holidays, seasons and times, a shop's nouns."""

_NOUN_SUFFIXES = (
    *("ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion", "tionen"),
    *("ische", "ischen", "ischer", "isches", "liche", "lichen", "licher", "liches"),
)
"""German noun and adjective endings no given name or surname has (`Beratung`, `Gesundheit`,
`Herbstkollektion`, `Medizinische`, `Ärztliche`)."""


@cache
def _compound_parts() -> tuple[frozenset[str], frozenset[str]]:
    """Words of four letters or more a compound is made of: all, and the nouns of the other languages."""
    nouns = " ".join((_STATUS_NOUNS, _CALENDAR_WORDS, _SHOP_NOUNS)).split()
    other = frozenset(w for w in nouns if len(w) >= 4)
    return frozenset(w for w in english() if len(w) >= 4) | other, other


def everyday_word(key: str) -> bool:
    """`key` (lower case) is an everyday word of English or of the other languages read.

    Or a compound of two English words that is no Census name (`Northwind`, `Brewbetter`: a firm's
    name), read where one word is introduced (`hier ist Northwind`), not in every capitalised run.
    """
    return key in english() or other_word(key) or _compound(key, both_english=True)


@lru_cache(maxsize=16384)
def other_word(key: str) -> bool:
    """`key` (lower case) is no Census name and an everyday word of the other languages read.

    Besides the word lists: a German noun by its ending (`-ung`, `-heit`, `-keit`, `-schaft`,
    `-tion`), and a compound of two everyday words with one of another language, as German writes
    its nouns (`Sommerfest`, `Stadtpark`). A Census given name or surname is none (`Villareal` is no
    `villa` and `real`, `Arzt` a surname too).
    """
    _, given, surnames = census()
    if key in given or key in surnames:
        return False
    if key in FOREIGN_WORDS or key in GREETING_WORDS:
        return True
    if len(key) >= 7 and key.endswith(_NOUN_SUFFIXES):
        return True
    return _compound(key, both_english=False)


@lru_cache(maxsize=16384)
def _compound(key: str, both_english: bool) -> bool:
    """`key` is two everyday words of four letters or more, one of them of another language.

    With `both_english`, two English words will do. No Census name, and no town's name
    (`Mariatown`, `Beckport`: a town's ending).
    """
    if len(key) < 8 or not key.isalpha() or key.endswith(_TOWN_ENDINGS):
        return False
    _, given, surnames = census()
    if key in given or key in surnames:
        return False
    words, other = _compound_parts()
    for i in range(4, len(key) - 3):
        head, tail = key[:i], key[i:]
        if head not in words or tail not in words:
            continue
        if both_english or head in other or tail in other:
            return True
    return False


_TOWN_ENDINGS = (
    *("town", "ville", "port", "fort", "shire", "bury", "borough", "burgh", "vale", "haven", "field"),
    *("wood", "land", "burg", "berg", "ford", "mouth", "well", "will", "ridge", "dale", "hill", "hills"),
    *("view", "side", "ton", "stead", "wick", "worth", "ham", "mont", "dorf", "hausen", "heim", "stadt"),
)
"""How towns' names end (`Mariatown`, `Beckport`, `Masonshire`): a compound ending so is a place."""


_ANSWER_WORDS = """yes yeah yep yup no nope nah not none nothing nobody okay ok alright sure fine
    right correct exactly absolutely definitely maybe perhaps probably possibly sorry please thanks
    thank cheers great good perfect awesome lovely wonderful excellent cool hmm hm um uh oh ah well
    so and but or also just actually honestly hello hi hey bye goodbye any some all every each
    nothing something anything everything never always sometimes usually often rarely once twice
    again still yet already soon later now today tonight tomorrow yesterday here there this that
    these those it its i i'm i've i'll we you he she they my your our their what which who why how
    when where whatever really true false agreed understood noted same both neither either"""
SENTENCE_OPENERS = frozenset(_ANSWER_WORDS.split()) | FOREIGN_WORDS | GREETING_WORDS
"""Words that answer or open a sentence, of English and the other languages read (lower case):
after a speaker's label (`Patient: No.`, `Caller: Yes, ...`, `Nurse: Any allergies?`,
`Kunde: Ja.`) such a word alone is the turn's first word, no name."""
