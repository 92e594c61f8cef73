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
    r"offer|promo|coupon|sponsor(?:s|ed|ing)?|catering|tienda|magasin|negozio|winkel|filiale|loja|"
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
    r"branches|franchise|headquarters|head\s+office|press\s+office|media\s+(?:contact|inquiries)|"
    r"listed\s+by|open\s+house|sq\.?\s*ft|bed(?:room)?s?\s*/|realty|real\s+estate|directions|"
    r"pick-?up\s+point|drop-?off|rsvp|book\s+(?:now|online|your|a|today)|order\s+(?:now|online|today)|"
    r"happy\s+hour|msg\s+&\s+data|text\s+[A-Z]{2,}\s+to|[öo]ffnungszeiten|horaires?|horario|orari|"
    r"openingstijden|hor[aá]rio|ouvert|ge[öo]ffnet|abierto|aperto|geopend|aberto"
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
    r"(?i)\b(?:(?-i:I)|i'm|i['\u2019]ve|i['\u2019]ll|me|my|mine|myself|"
    r"(?:ship|deliver|delivered|sent|send|bill|sold|mail|mailed)\s+to|"
    r"recipient|addressee|consignee|attn|c/o|care\s+of|customer\s*:|client\s*:|guest\s*:|"
    r"patients?|emergency\s+contact|next\s+of\s+kin|guardian|caregiver|"
    r"dear|hi|hey|hello|mr|mrs|ms|miss|mx|"
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


_FIRM_WORDS = (
    r"Bros|Brothers|Co|Company|Corp|Inc|LLC|Ltd|GmbH|SA|SRL|BV|Group|Holdings|Realty|Properties|Homes|Candles|"
    r"Fitness|Kitchen|Bakery|Caf[eé]|Coffee|Teas?|Brewing|Brewery|Winery|Wines|Foods|Farms?|Market|Outfitters|"
    r"Hardware|Bridal|Boutique|Salon|Studio|Studios|Design|Designs|Motors|Auto|Books|Goods|Supply|Supplies|"
    r"Cosmetics|Beauty|Jewel(?:l)?ers|Furniture|Interiors|Landscaping|Plumbing|Electric|Cleaners|Travel|Tours|"
    r"Hotel|Inn|Grill|Diner|Pizza|Steakhouse|Tavern|Pub|Deli|Creamery|Chocolates?|Florist|Flowers|Garden|"
    r"Gardens|Optical|Insurance|Consulting|Media|Labs?|Apparel|Collection|Trattoria|Osteria|Ristorante|"
    r"Taverna|Brasserie|Bistro|Restaurant|Cantina|Bar|Lounge|Bakehouse|Roasters|Gallery|Theat(?:er|re)"
)
_FIRM_AFTER = re.compile(
    r"(?:\s*(?:&|and)\s*(?:Sons|Daughters|Co|Company|Partners|Associates|Friends)\b|"
    rf"\.?,?[^\S\n]+(?:{_FIRM_WORDS})\b)"
)
_FIRM_LAST = re.compile(rf"\s(?:{_FIRM_WORDS})\Z")
"""A company word after a name makes it the firm's (`Miller Bros.`, `Duffy & Sons`, `Emma Louise Candles`)."""

_STREET_FIRST = re.compile(
    r"(?i)(?:via|viale|piazza|corso|calle|avenida|plaza|paseo|rue|avenue|boulevard|place|rua|travessa|largo|"
    r"pra[cç]a|stra[sß]e|straat|weg|laan|gracht|plein)\b"
)
"""A foreign street type read as the first word of a name (`Via Roma 22`, `Calle Mayor 8`)."""


def business_copy(text: str, spans: list[Span], record: bool) -> list[Span] | None:
    """What to drop when `text` is copy about no person whose only identifiers are a business's own.

    Every strong span is an address, a phone or a fax number, or a name that is a firm's (a
    company word after it: `_FIRM_AFTER`) or a foreign street read as a name (`_STREET_FIRST`);
    a name, a date of birth, an e-mail address or any other identifier keeps the text about
    someone. The text has the words of trade (`_TRADE`) and no personal cue (`_PERSONAL`); the
    caller also requires that no health information is tied to anyone. Cheap when it does not
    apply: the span test first, the two regexes only for a text whose findings all qualify.
    None when the text is not such copy.
    """
    if record:
        return None
    strong = [s for s in spans if not s.weak]
    if not strong or any(s.category not in _NAME_OR_CONTACT for s in strong):
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
    for s in strong:  # (a word of a firm's name found again on its own is the firm's too)
        if s.category == "name" and not any(a <= s.start and s.end <= b for a, b in firms):
            return None
    drop = strong
    if not _trade(text):
        return None  # (one place alone is no copy: "The restaurant is at ..." may be where friends meet)
    if _PERSONAL.search(text) is not None:
        return None
    return drop
