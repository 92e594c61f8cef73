"""A business's own contact details in copy that is about no person (issue 12, branch `ph`).

`Store locator: Baxter Hardware — 88 Harbor Blvd, Austin, TX 78701. Open Mon-Sat 10-7.`,
`Reservations: (503) 555-0142 · 400 Oak Ave`, `Where: 19 Kings Road ... RSVP: 888-555-0123`:
the address and the number are the store's, the venue's, the office's. The cue-by-cue rules
(`_phi_spans.our_own`/`ours`: "visit us at", "our flagship at", a headquarters label) read
one phrasing each; this reads the CLASS: a text whose only identifiers are addresses and
phone numbers, that has the words of trade (a shop, a menu, opening hours, prices, tickets,
a venue, reservations, customer service ...), and that names nobody and points at nobody
(no name, no kinship, no first person singular, no `ship to` / `deliver to` / `bill to` or
other recipient label, no patient, no health information tied to anyone). Any personal cue
wins: `Ship to: Maria Gonzalez, 88 Harbor Blvd` and `my place, 7 Market Square` stay found.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate

from global_orchestrator.policies._phi_spans import Span

_CONTACT = frozenset({"address", "phone", "fax"})
"""The categories a business's own contact details are found as."""
_NAME_OR_CONTACT = _CONTACT | {"name"}

# a place of business or a thing on offer: one alone may be where friends meet ("The restaurant
# is at ..."), two different ones make a piece of copy; "our store" is the firm's, but "our offices"
# alone (the repository's sets: `Our offices are located at <address>`) stays weak
_VENUE = (
    r"stores?|shops?|shopping|showrooms?|boutiques?|outlets?|restaurants?|caf[eé]s?|bistro|bakery|brewery|"
    r"winery|taproom|kitchen|diner|pizzeria|tickets?|venues?|concerts?|festival|exhibition|gallery|museum|"
    r"theat(?:er|re)|market|hotel|studio|workshop|classes|gym|fitness|salon|spa|pharmacy|dealership|mall|"
    r"downtown|uptown|midtown|parking|delivery|takeaway|take-?out|brunch|tasting|sale|deals?|discount|"
    r"offer|promo|coupon|sponsor(?:s|ed|ing)?|catering|events?|fair|expo|gig|show|party|launch|presents|"
    r"hosts|evening|night|invit(?:e|ed|ation|ations)|save\s+the\s+date|don['\u2019]t\s+miss|see\s+you|join\s+us|tienda|magasin|negozio|winkel|filiale|loja|"
    r"gesch[aä]ft|laden|soldes|rebajas|saldi|uitverkoop|promo[cç][aã]o"
)
# the copy's own words: opening hours, prices, reservations, a store locator, a customer service line
_COPY = (
    r"menus?|reservations?|box\s+office|farmers'?\s+market|front\s+desk|check-?in|check-?out|hours|"
    r"opening\s+times|open\s+(?:daily|now|late|24|mon|tue|wed|thu|fri|sat|sun|every|from|until|till|house|7)|"
    r"grand\s+opening|now\s+open|opening\s+soon|free\s+(?:delivery|shipping|parking|entry|admission|gift|"
    r"consultation|class|tote|wifi)|customer\s+(?:service|care|support)|support\s+(?:line|team|desk)|"
    r"service\s+(?:desk|cent(?:er|re))|help\s*desk|call\s+(?:our|us|ahead)|visit\s+(?:us|our)|find\s+us|stop\s+by|"
    r"come\s+(?:see|visit|in)|store\s+locator|locations|"
    r"vieni\s+a\s+trovarci|venite\s+a\s+trovarci|trovaci|chiamaci|scrivici|vis[ií]tanos|ven\s+a\s+vernos|"
    r"ll[aá]manos|escr[ií]benos|venez\s+nous\s+voir|rendez-nous\s+visite|retrouvez-nous|appelez-nous|"
    r"[ée]crivez-nous|besuchen\s+sie\s+uns|besuche\s+uns|rufen\s+sie\s+uns\s+an|schreiben\s+sie\s+uns|"
    r"visite-nos|venha\s+(?:nos\s+)?visitar|ligue-nos|liga-nos|escreva-nos|bezoek\s+ons|bel\s+ons|mail\s+ons|"
    r"branches|franchise|headquarters|head\s+office|press\s+office|media\s+(?:contact|inquiries)|"
    r"listed\s+by|open\s+house|sq\.?\s*ft|bed(?:room)?s?\s*/|realty|real\s+estate|directions|"
    r"pick-?up\s+point|drop-?off|rsvp|prenotazion[ei]|prenota(?:re|te)?|marca[cç](?:[õo]es|[ãa]o)|encomendas?|"
    r"reservas|bestellungen|commandes|book\s+(?:now|online|your|a|today)|order\s+(?:now|online|today)|"
    r"happy\s+hour|msg\s+&\s+data|reserv(?:e|ar|er|ez|a|ieren)\s+(?:your|a|now|online|today|una?|tu|su|votre|ta|je|la|il)|free\s+(?!of\b|from\b|to\b|for\b|time\b|will\b)[a-z]{4,}|"
    r"live\s+(?:music|band|dj|jazz|entertainment)|opens?\s+(?:its|their|our)\s+doors|shop\s+now|"
    r"(?:back\s+)?in\s+stock|while\s+stocks?\s+last|limited\s+(?:time|edition|stock|offer|seats|places)|"
    r"new\s+(?:menu|collection|range|season|arrivals|flavou?rs?)|text\s+[A-Z]{2,}\s+to|[öo]ffnungszeiten|horaires?|horario|orari|"
    r"openingstijden|hor[aá]rio|ouvert|ge[öo]ffnet|abierto|aperto|geopend|aberto|"
    r"now\s+hiring|loyalty\s+(?:club|program(?:me)?|card|rewards|scheme)|recall\s+notice|"
    r"voluntarily\s+recall(?:ing|s|ed)?|full\s+refund|booth\s+\d{1,4}|exhibitors|catalog(?:ue)?\s+(?:now\s+)?out|"
    r"offer\s+(?:valid|ends|expires)|(?:terms|t\s?&\s?cs?)(?:\s+and\s+conditions)?\s+apply|"
    r"giveaway|prize\s+draw|sweepstakes?|winners?\s+(?:announced|will\s+be\s+(?:drawn|announced|notified))"
)
_OUR = (
    r"(?:our|nuestr[ao]s?|notre|nos|il\s+nostro|la\s+nostra|nostr[ie]|onze|ons|unser(?:e|em|en)?|nossa|nosso)"
)
"""The firm speaking (first person plural) in the languages `_phi_spans` reads it in."""
_TRADE = re.compile(
    rf"(?i)\b(?:{_OUR}\s+(?:new\s+|own\s+)?(?:{_VENUE})|(?P<v>{_VENUE}|offices?|premises)|{_COPY}|(?-i:code)\s+(?-i:[A-Z][A-Z0-9]{{3,}}))\b|"
    r"\d\s?%\s?off\b|[$€£]\s?\d|\d\s?[€£]|\b\d{1,2}(?::\d\d)?\s?(?:am|pm)\s?[-\u2013]\s?\d"
)
"""The words of trade: one of the copy's own (`_COPY`, a price, opening hours), or two places or offers."""


@lru_cache(maxsize=8)  # (asked once per name found in a text about no one else)
def trade_copy(text: str, besides: int = -1) -> bool:
    """`text` has a word of trade (`_TRADE`: one place or offer is enough) and no personal cue (`_PERSONAL`).

    What makes a house-titled name (`Papa <Name>'s`) a shop's and a hall a venue in `_phi_brands`:
    there the name itself is the second sign of a business (`a tasting at <Name> Hall`), so one
    word of trade is enough, where `business_copy` needs two. A personal cue at `besides` (a
    brand's own title) does not count.
    """
    if _TRADE.search(text) is None:
        return False
    # (`besides`: where a brand's own title stands, `Mr` of `Mr <Surname>` cakes, no personal cue)
    return not personal_cue(text, besides)


_ROLE_MAILBOX = re.compile(
    r"(?i)(?:info|information|hello|hi|hey|hola|bonjour|ciao|hallo|ola|ol\u00e1|hej|salut|contact|contacto|"
    r"kontakt|contatti|support|help|helpdesk|care|service|services|customerservice|customercare|sales|orders?|"
    r"shop|store|team|office|admin|press|media|news|newsletter|events?|bookings?|reservations?|reservas|"
    r"prenotazioni|reservierung|enquiries|inquiries|feedback|returns|billing|accounts|marketing|partners|"
    r"wholesale|jobs|careers|studio|kitchen|bar|cafe|noreply|no-reply|donotreply|mail|email|welcome|"
    r"tickets?|boxoffice|frontdesk|reception|concierge|community|members|membership|club|love|yum|eat)"
    r"(?:[._-]?(?:uk|us|eu|de|fr|es|it|nl|pt|team|desk|\d{1,3}))?@"
)
"""The local part of a role mailbox (`bonjour@<shop>`, `orders@`, `support-uk@`): the firm's, no person's."""


def _trade(text: str) -> bool:
    """`text` reads as a piece of trade copy (`_TRADE`)."""
    venue = ""
    for m in _TRADE.finditer(text):
        if m.group("v") is None:
            return True
        word = m.group("v").lower()
        if venue and word != venue:
            return True
        venue = word
    return False


# who the copy might be about: a recipient, a patient, a relative, a first person, a private home
_PERSONAL = re.compile(
    r"(?i)\b(?:(?-i:I)(?!\s+(?-i:[a-z]+i)\b)|i'm|i['\u2019]ve|i['\u2019]ll|me|my|mine|myself|"
    r"(?:ship|deliver|delivered|sent|send|bill|sold|mail|mailed)\s+to|"
    r"recipient|addressee|consignee|attn|c/o|care\s+of|customer\s*:|client\s*:|guest\s*:|"
    r"patients?|emergency\s+contact|next\s+of\s+kin|guardian|caregiver|"
    r"(?:dear|hi|hey|hello)(?!@)(?![^\S\n]+(?:friends|everyone|everybody|all|there|folks|customers?|readers|members|"
    r"subscribers|shoppers|guests|valued|neighbou?rs|fans|foodies|food\s+lovers|y['\u2019]?all)\b)|mr|mrs|ms|(?-i:Miss)(?=\.?\s+[A-Z])|mx|"
    r"(?:his|her|their)\s+(?:own\s+)?(?:home|house|place|apartment|flat|address|cell|mobile|number|phone)|"
    r"your\s+(?:own\s+)?(?:home\s+address|address|cell|mobile|number|phone\s+number)|"
    r"our\s+(?:own\s+)?(?:home|house|apartment|flat)|"
    r"(?:his|her|their|your|our)\s+(?:mom|mum|dad|mother|father|wife|husband|partner|son|daughter|kids?|"
    r"children|parents?|grand\w+|sister|brother|aunt|uncle)|"
    r"(?:mom|mum|dad|wife|husband|grandma|grandpa|granny|daughter|niece|nephew|"
    r"cousin|fianc[eé]e?|boyfriend|girlfriend)\b(?!\s*(?:&|and)\b)|"
    r"(?:delivery|shipping|billing|mailing|home|residential|postal|forwarding)\s+address|"
    r"let['\u2019]s\s+meet|meet\s+(?:me|up)|lives|living\s+at|resides|residing|moved\s+(?:in|to)|"
    r"liefern\s+an|lieferadresse|livraison|destinataire|destinatario|env[ií]o\s+a|entregar|"
    r"spedire|consegna|afleveradres|ontvanger|morada\s+de\s+entrega)\b"
)


SHOP_TRADES = (
    r"Gelato|Gelateria|Ice[^\S\n]+Cream|Juice[^\S\n]+Bar|Juicery|Tailoring|Outdoors|"
    r"Pasticceria|Patisserie|P\u00e2tisserie|Boulangerie|Panetteria|Panificio|B\u00e4ckerei|Konditorei|"
    r"Panader\u00eda|Pasteler\u00eda|Taquer\u00eda|Cr\u00eaperie|Creperie|Ceramics|Pottery|Crafts|Textiles|Knitwear|"
    r"Woodworks|Leathercraft"
)
"""Shops' trades, in English and other languages, that end a shop's name (`<Name>'s Gelato`,
`<Name> Boulangerie`): company words here (`_FIRM_WORDS`) and trade words of `_phi_brands`."""
_FIRM_WORDS = (
    r"Bros|Brothers|Co|Company|Corp|Inc|LLC|Ltd|GmbH|SA|SRL|BV|Group|Holdings|Realty|Properties|Homes|Candles|"
    r"Fitness|Kitchen|Bakery|Caf[eé]|Coffee|Teas?|Brewing|Brewery|Winery|Wines|Foods|Farms?|Market|Outfitters|"
    r"Hardware|Bridal|Boutique|Salon|Studio|Studios|Design|Designs|Motors|Auto|Books|Goods|Supply|Supplies|"
    r"Cosmetics|Beauty|Jewel(?:l)?ers|Furniture|Interiors|Landscaping|Plumbing|Electric|Cleaners|Travel|Tours|"
    r"Hotel|Inn|Grill|Diner|Pizza|Steakhouse|Tavern|Pub|Deli|Creamery|Chocolates?|Florist|Flowers|Garden|"
    r"Gardens|Optical|Insurance|Consulting|Media|Labs?|Apparel|Collection|Trattoria|Osteria|Ristorante|"
    r"Taverna|Brasserie|Bistro|Restaurant|Cantina|Bar|Lounge|Bakehouse|Roasters|Gallery|Theat(?:er|re)|"
    rf"Butchers?|Tailors|{SHOP_TRADES}"
)
_FIRM_AFTER = re.compile(
    r"(?:\s*(?:&|and)\s*(?:Sons|Daughters|Co|Company|Partners|Associates|Friends)\b|"
    rf"\.?,?(?:[^\S\n]+[A-Z][a-z]+)?[^\S\n]+(?:{_FIRM_WORDS})\b)"
)
_FIRM_LAST = re.compile(rf"\s(?:{_FIRM_WORDS})\Z")
"""A company word after a name makes it the firm's (`Miller Bros.`, `Duffy & Sons`, `Emma Louise Candles`,
`<Name>'s Smoothie Co.`: one capitalised word may come between)."""

_HOUSE_NUMBER = re.compile(r"(?<![\w.,/:$\u20ac\u00a3-])\d{1,6}[A-Za-z]?[^\S\n]?\n?[^\S\n]?\Z")
"""A house or flat number right before a street read as a name (`2760 <Name> Pines, <Town>`)."""
_STREET_FIRST = re.compile(
    r"(?i)(?:via|viale|piazza|corso|calle|avenida|plaza|paseo|rue|avenue|boulevard|place|rua|travessa|largo|"
    r"pra[cç]a|stra[sß]e|straat|weg|laan|gracht|plein)\b"
)
"""A foreign street type read as the first word of a name (`Via Roma 22`, `Calle Mayor 8`)."""


_TITLED_FIRM = re.compile(
    rf"\.?[^\S\n]{{1,3}}[A-Z][\w-]*(?:['\u2019]s)?(?:[^\S\n]+[A-Z][\w-]*){{0,2}}?[^\S\n]+(?:{_FIRM_WORDS})\b"
)
"""A firm's name after a title or a relative's word (`Mrs. <Surname>'s Bakery`, `Grandpa <Name>'s Diner`):
the title is the brand's, no person's cue."""
_FIRM_MOVED = re.compile(
    r"(?i:\b(?:(?:our|the)[^\S\n]+(?:[\w-]+[^\S\n]+){0,2}(?:store|shop|flagship|office|offices|location|showroom|"
    r"studio|restaurant|bakery|caf[eé]|boutique|salon|branch|headquarters|hq)|we)(?:['\u2019]ve)?[^\S\n]+"
    r"(?:(?:has|have)[^\S\n]+)?(?:now[^\S\n]+)?\Z)"
)
"""A shop's own move (`Our flagship store has moved to`, `We've moved to`): no one's home."""


def _personal_at(text: str, m: re.Match[str]) -> bool:
    """The `_PERSONAL` match `m` points at a person, not at the firm's title or its move."""
    word = m.group(0)
    if word[:1].isupper() and _TITLED_FIRM.match(text, m.end()) is not None:
        return False  # (`Mrs. <Surname>'s Bakery`, `Grandpa <Name>'s Diner`: a brand's title)
    # (`Our flagship store has moved to`: the shop's move, no one's home)
    moved = word.lower().startswith("moved")
    return not moved or _FIRM_MOVED.search(text, max(0, m.start() - 50), m.start()) is None


def personal_cue(text: str, besides: int = -1) -> bool:
    """`text` has a personal cue (`_PERSONAL`) but at `besides`, a firm's title or a shop's move."""
    return any(m.start() != besides and _personal_at(text, m) for m in _PERSONAL.finditer(text))


def business_copy(
    text: str,
    spans: list[Span],
    record: bool,
    brands: Callable[[str, list[tuple[int, int]]], dict[tuple[int, int], bool]] | None = None,
) -> list[Span] | None:
    """What to drop when `text` is copy about no person whose only identifiers are a business's own.

    Every strong span is an address, a phone or a fax number, or a name that is a firm's (a
    company word after it: `_FIRM_AFTER`) or a foreign street read as a name (`_STREET_FIRST`);
    a name, a date of birth, an e-mail address or any other identifier keeps the text about
    someone, but a role mailbox (`_ROLE_MAILBOX`: `info@`, `bonjour@`, `orders@`), which is the
    firm's; a name `brands` (`_phi_brands.brand_names`) tells is a brand's or a venue's is the
    firm's too (`Papa <Name>'s`, `the <Name> Hall`), and so is a street or a town read as a name
    (inside an address found, or a street right after its house number: `2760 <Name> Pines,
    <Town>`). The text has the words of trade (`_TRADE`) and no personal cue (`personal_cue`: a
    title that opens the firm's name, `Mrs. <Surname>'s Bakery`, and the shop's own move, `our
    store has moved to`, are none; a role mailbox `hello@` is no greeting); the
    caller also requires that no health information is tied to anyone. Cheap when it does not
    apply: the span test first, the two regexes only for a text whose findings all qualify.
    None when the text is not such copy.
    """
    if record:
        return None
    strong = [s for s in spans if not s.weak]
    if not strong or any(
        s.category not in _NAME_OR_CONTACT
        and not (s.category == "email" and _ROLE_MAILBOX.match(text, s.start) is not None)
        for s in strong
    ):
        return None  # (the cheap test first: another identifier keeps the text about someone)
    firms = [
        (s.start, s.end)
        for s in strong
        if s.category == "name"
        and (
            _FIRM_AFTER.match(text, s.end) is not None
            or _FIRM_LAST.search(text, s.start, s.end) is not None
            or _STREET_FIRST.match(text, s.start) is not None
        )
    ]
    # (a street or a town read as a name: inside an address found, or a street after its house number)
    places = sorted((s.start, s.end) for s in spans if s.category == "address")
    starts = [a for a, _ in places]
    reach = list(accumulate((b for _, b in places), max))  # (the farthest end of the places so far)
    firms += [
        (s.start, s.end)
        for s in strong
        if s.category == "name"
        and (
            ((i := bisect_right(starts, s.start)) > 0 and reach[i - 1] >= s.end)
            or (
                _HOUSE_NUMBER.search(text, max(0, s.start - 8), s.start) is not None
                and text.startswith(",", s.end)
            )
        )
    ]
    rest = [
        (s.start, s.end)
        for s in strong
        if s.category == "name" and not any(a <= s.start and s.end <= b for a, b in firms)
    ]
    if rest and brands is not None:  # (a brand's or a venue's name: `Papa <Name>'s`, `the <Name> Hall`)
        firms += list(brands(text, rest))
    for s in strong:  # (a word of a firm's name found again on its own is the firm's too)
        if s.category == "name" and not any(a <= s.start and s.end <= b for a, b in firms):
            return None
    drop = strong
    if not _trade(text):
        return None  # (one place alone is no copy: "The restaurant is at ..." may be where friends meet)
    if personal_cue(text):
        return None
    return drop
