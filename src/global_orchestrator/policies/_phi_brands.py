"""Companies, brands, institutions and clinical scales named after a person or a place.

`Edward Jones named a top workplace`, `Save 20% at Jenny Craig`, `Glasgow Coma Scale 15`:
the capitalised words read as a person's name. `brand_names` tells which name findings
are such a brand, by a list or by the copy around a mention (`_by_context`: the text's own
web site or handle, `<Brand> x <Brand>`, a copyright footer's holder ...; a title before it,
`Dr. Abbott`, marks a person); the detector drops them only from a text that is about no one else (no
patient record, no other identifier), and a brand a person may be named after only when no
health information is tied to it either (`Edward Jones, 67M, admitted ...` stays a name;
`Eli Lilly's diabetes webinar` does not).
"""

from __future__ import annotations

import re
import unicodedata

from global_orchestrator.policies._phi_business import SHOP_TRADES, trade_copy
from global_orchestrator.policies._phi_lexicon import census, english
from global_orchestrator.policies._phi_names import titled_before

_BRANDS = """
trader joe's|ralph lauren|edward jones|jenny craig|paul mitchell|tommy hilfiger|tommy bahama|
calvin klein|michael kors|tory burch|marc jacobs|vera wang|kate spade|estee lauder|estée lauder|
bobbi brown|kenneth cole|steve madden|anne klein|betsey johnson|christian dior|coco chanel|
louis vuitton|yves saint laurent|giorgio armani|hugo boss|ted baker|paul smith|stella mccartney|
kiehl's|burt's bees|tom's of maine|mrs\\.? meyer's|mrs\\.? fields|jack daniel's|johnnie walker|
jim beam|jose cuervo|captain morgan|sam adams|samuel adams|dr\\.? pepper|dr\\.? scholl's|
dr\\.? martens|dr\\.? bronner's|dr\\.? oetker|mr\\.? clean|mr\\.? coffee|ben & jerry's|
sara lee|marie callender's|betty crocker|duncan hines|orville redenbacher|chef boyardee|
uncle ben's|aunt jemima|little debbie|papa john's|jimmy john's|jersey mike's|carl's jr|
ronald mcdonald|walt disney|tim hortons|baskin robbins|sam's club|charles schwab|morgan stanley|
goldman sachs|merrill lynch|jp morgan|j\\.p\\. morgan|wells fargo|ernst & young|price waterhouse|
arthur andersen|dow jones|hilton|marriott|hyatt|ritz-carlton|conrad hilton|williams sonoma|
neiman marcus|barnes & noble|john lewis|marks & spencer|levi strauss|oscar mayer|john deere|
harley-davidson|warner bros|martha stewart living|martha stewart|cherry garcia|kentucky fried|
little caesars|tesla|toyota|hyundai|philips|lidl|aldi|
hewlett packard|hewlett-packard|booz allen hamilton|booz allen|jones lang lasalle|cushman & wakefield|
baker mckenzie|clifford chance|allen & overy|latham & watkins|kirkland & ellis|sullivan & cromwell|
davis polk|slaughter and may|white & case|jones day|raymond james|stanley black & decker|
black & decker|marsh mclennan|arthur d\\.? little|apple pay|google pay|samsung pay|
santa claus|mickey mouse|minnie mouse|sherlock holmes|dr\\.? watson|harry potter|colonel sanders|
dr\\.? seuss|mother goose|peter rabbit|winnie the pooh|curious george|paddington|raggedy ann|
mary kay|warby parker|bob evans|smith & wesson|kellogg's|j\\.? crew|
wendy's|mcdonald's|ralph's|sherwin-williams|sherwin williams|dick's sporting goods|
jack in the box|marie callender|famous amos|wally amos|paula's choice|bath & body works|victoria's secret|
l\\.l\\. bean|ll bean|eddie bauer|liz claiborne|laura ashley|jimmy choo|tory burch|ray-ban|oscar de la renta|
laura mercier|charlotte tilbury|fenty beauty|kylie cosmetics|huda beauty|anastasia beverly hills|tom ford|
paula's choice|drunk elephant|elizabeth arden|helena rubinstein|max factor|sally hansen|nicole miller|
carolina herrera|jean paul gaultier|giorgio beverly hills|donna karan|alexander mcqueen|vivienne westwood|
westfield|gordon ramsay|wolfgang puck|emeril lagasse|rachael ray|newman's own|paul newman|
"""
"""Brands that are also the name a person may carry (`Edward Jones, 67M, admitted ...`)."""
_INSTITUTIONS = """
eli lilly|bristol[- ]myers squibb|myers squibb|johnson & johnson|procter & gamble|
boehringer ingelheim|hoffmann-la roche|becton dickinson|thermo fisher|charles river|
memorial sloan kettering|sloan kettering|johns hopkins|dana-farber|md anderson|cedars-sinai|
mount sinai|kaiser permanente|st\\.? jude|shriners|mayo clinic|
walgreens|harris teeter|baxter international|
glasgow coma scale|glasgow coma score|apgar score|braden scale|morse fall scale|wells score|
beck depression inventory|hamilton depression|ranson criteria|child-pugh|
"""
"""Drug makers, hospitals and clinical scales: their health words are about no one."""


def _phrases(words: str) -> str:
    return "|".join(b.strip().replace(" ", r"\s+") for b in words.replace("\n", "").split("|") if b.strip())


_BRAND = re.compile(
    rf"(?<![\w'\u2019])(?:(?P<i>{_phrases(_INSTITUTIONS)})|{_phrases(_BRANDS)})(?![\w-])",
    re.IGNORECASE,
)
_LONGEST = 40
"""No brand's words are longer (characters): where to look for one around a name."""


# what marks a name as a brand's or a product's in a piece of copy (`_by_context`)
_GOODS = (
    r"tote|bag|handbag|purse|wallet|dress|gown|scarf|shoe|sneaker|boot|sandal|jacket|coat|watch|ring|"
    r"necklace|bracelet|lamp|chair|sofa|couch|recliner|desk|table|bed|mattress|pillow|blanket|rug|mug|"
    r"candle|scent|fragrance|perfume|cologne|serum|cream|lotion|balm|lipstick|palette|mascara|kit|set|"
    r"bundle|box|blend|roast|bar|bars|cookie|cookies|pie|pies|sauce|jam|butter|tea|coffee|cake|mix|"
    r"burger|sandwich|meal|menu|doll|figure|toy|game|print|poster|bouquet|planner|notebook|pen|"
    r"sunglasses|frames|glasses|scrubs"
)
_PRODUCT_AFTER = re.compile(
    r"(?:['\u2019]s)?(?:[^\S\n]{1,3}(?:[xX\u00d7][^\S\n]{1,3}[A-Z]|pop-?up\b|(?:Rewards|Expo|Collection|Outlet|"
    r"Store|Shop|Kitchen|Cosmetics|Beauty|Skincare|Foods)\b|(?:(?!(?:phone|help|care|nurse|direct|land|hot|main|fax|text|support|office|front|call|private|"
    r"personal|cell|home|work|mobile|crisis|tip|info)[^\S\n])[a-z]{3,15}[^\S\n]{1,3})?(?:line|collection|"
    r"range|brand)\b(?![^\S\n]*\d))|[^\S\n]*:[^\S\n]*an?[^\S\n]+(?:limited|exclusive|new)[^\S\n]+collab)"
)
"""`<Brand> x <Brand>`, `<Brand> pop-up shop`, `<Brand> Rewards`, `the <Name> scrub line`."""
_COMPANY_AFTER = re.compile(
    r"[^\S\n]*\((?:NASDAQ|Nasdaq|NYSE|NYSE\s+American|AMEX|TSX|LSE|OTC|OTCQX|Euronext|ASX)[^\S\n]*:[^\S\n]*[A-Z.]{1,6}\)|"
    r"[^\S\n]+(?:today[^\S\n]+announced|announced[^\S\n]+today)\b"
)
"""A company as a press release names it: before its stock ticker (`Acme (NYSE: ACM)`) or as
the one that `today announced`."""
_GOODS_AFTER = re.compile(rf"[^\S\n]{{1,3}}(?:[a-z]{{3,15}}[^\S\n]{{1,3}})?(?:{_GOODS})\b")
"""`the <Name> tote`, `the <Name> desk lamp`: a product named after someone (after `the`)."""
_THE = re.compile(r"\b(?i:the)[^\S\n]{1,3}\Z")
_PRODUCT_BEFORE = re.compile(
    r"(?:\b[xX\u00d7]|\u00a9[^\S\n]*(?:(?:19|20)\d\d[^\S\n]+)?|\([cC]\)[^\S\n]*(?:19|20)\d\d|"
    r"\b(?i:copyright)[^\S\n]+(?:(?:19|20)\d\d[^\S\n]+)?|\b(?i:founded|launched|co-founded|shop|"
    r"introducing[^\S\n]+the)|\b(?i:introducing)\b[^\n]{1,60}\bfrom)[^\S\n]{1,3}$"
)
"""`... x <Brand>`, a copyright footer's holder, `Introducing <product> from <Brand>`, `Introducing
the <Name> ...`."""
_FIRM_BEFORE = re.compile(
    r"\b(?i:(?:manufactured|distributed|marketed|packaged|packed|imported)(?:[^\S\n]+(?:and|&)[^\S\n]+[a-z]+)?"
    r"[^\S\n]+(?:for|by)[^\S\n]*:?|(?:manufacturer|distributor|marketer|importer|labeler)[^\S\n]*:)[^\S\n]{1,3}\Z"
)
"""A product label's firm follows (`Manufactured for <Brand>`, `Distributor: <Brand>`): a company."""
_FIRM_WORDS = ("factur", "distribut", "market", "packag", "packed", "import", "labeler")
"""A gate: every match of `_FIRM_BEFORE` holds one of these (lower case)."""
_MEDIA_WORDS = frozenset(
    """living magazine weekly daily today tonight news journal times post gazette tribune herald
    digest report show live radio podcast network tv newsletter bulletin blog roundup""".split()  # noqa: SIM905
)
"""The last word of a show's, a paper's or a magazine's title (`Martha Stewart Living`)."""
_SITE = re.compile(
    r"(?<![\w.@-])@([A-Za-z][\w]{3,40})|(?<![\w-])([A-Za-z0-9][A-Za-z0-9-]{3,40})\.(?:com|net|org|co|shop|store|us)\b"
)
"""A handle (`@bobevans`, not a mailbox's domain) or a web site's name (`warbyparker` of
`warbyparker.com`)."""


_TRADE = (
    r"Teas?|Bakery|Bakeshop|Bakehouse|Bistro|Brasserie|Caf[e\u00e9]|Coffee|Roasters|Roastery|Creamery|"
    r"Confections|Chocolates?|Candies|Sweets|Kitchens?|Foods|Farms?|Provisions|Pantry|Deli|Diner|Grill|"
    r"Pizzeria|Tavern|Brewing|Brewery|Distillery|Winery|Vineyards?|Cellars|Spirits|Motors|Garage|Outfitters|"
    r"Apparel|Boutique|Candles|Soaps?|Salon|Barbers|Florist|Hardware|Mercantile|Trading|Supply|"
    r"Goods|Market|Emporium|Furniture|Interiors|Bikes|Cycles|Tailors|Jewel(?:l)?ers|Co\.|Company|"
    rf"Industries|Enterprises|Brands|Labs|Butchers|{SHOP_TRADES}"
)
"""Trade words a shop's or a firm's name ends in (`Sir <Surname> Teas`, `Aunt <Name>'s Bakery`)."""
_TRADE_AFTER = re.compile(
    rf"(?P<s>['\u2019]s)?[^\S\n]{{1,3}}(?P<t>&[^\S\n]{{1,3}}(?:Sons|Daughters|Co\.|Company)|(?:{_TRADE}))"
    r"(?![\w'\u2019])"
)
"""A trade word or `& Sons` after a name: the name is a business's (`<Name>'s Bakery`, `<Name> & Sons`)."""
_TRADE_WORD = re.compile(rf"(?:{_TRADE})\Z")
"""A name's last word is a trade word (`<Surname> Teas` read as one name)."""
_HOUSE_TITLES = (
    r"Sir|Dame|Aunt|Auntie|Uncle|Captain|Chef|Mother|Papa|Mama|Grandma|Grandpa|Granny|Nana|"
    r"Se\u00f1or|Senor|Se\u00f1ora|Senora|T\u00eda|T\u00edo|Tia|Tio|Abuela|Abuelo|Nonna|Nonno|Zia|Zio|Mamma|"
    r"Oma|Opa|Tante|Onkel|Tata|Babcia|Mamie|Papi|Mami"
)
_HOUSE_TITLE = re.compile(rf"\b(?:{_HOUSE_TITLES})\.?[^\S\n]{{1,3}}\Z")
"""An honorific a shop's name opens with and a person's rarely does (`Sir <Name> Teas`; not `Dr.`)."""
_BRAND_TITLE = re.compile(rf"\b(?:Dr|Mr|Mrs|Ms|{_HOUSE_TITLES})\.?[^\S\n]{{1,3}}\Z")
"""An honorific a brand takes (`Dr Pepper`, `Mr. Clean`, `Aunt Jemima`)."""
_HOUSE_POSSESSIVE = re.compile(
    rf"(?:(?:{_HOUSE_TITLES})\.?[^\S\n]{{1,3}})?[A-Z\u00c0-\u00de][\w-]*['\u2019]s\Z"
)
"""A one-word name with a possessive (`<Name>'s`), maybe with the house title inside the finding."""
_VENUE_LAST = (
    r"Hall|Halls|Arena|Park|Gardens|Field|Fields|Church|Chapel|Abbey|Castle|Palace|Pavilion|Stadium|Centre|"
    r"Center|Theatre|Theater|Museum|Gallery|House|Court|Square|Market|Exchange|Rooms|Ballroom|Fair|Expo|Forum|"
    r"Dome|Bowl|Green|Common|Showground|Showgrounds|Racecourse|Lido|Pier|Quay|Wharf|Works|Mill|Barn|Farm|"
    r"Manor|Estate|Lodge|Hotel|Club|Space|Venue|Marquee|Atrium"
)
_VENUE_FIRST = (
    r"Fiera|Feria|Messe|Salone|Palazzo|Palacio|Palais|Teatro|Th\u00e9\u00e2tre|Museo|Mus\u00e9e|Mercado|Mercato|"
    r"March\u00e9|Parque|Parco|Estadio|Stadio|Castello|Castillo|Ch\u00e2teau|Auditorio|Auditorium|Arena|"
    r"Centro|Forum|Kunsthalle|Stadthalle|Festhalle|Pabell\u00f3n|Padiglione|Expo"
)
_VENUE_NAME = re.compile(rf"(?:(?:{_VENUE_FIRST})[^\S\n]+\S.*|.*\S[^\S\n]+(?:{_VENUE_LAST}))\Z", re.DOTALL)
_VENUE_FIRST_WORD = re.compile(rf"(?:{_VENUE_FIRST})[^\S\n]")
"""A venue's name: a venue word ends it (`<Name> Hall`) or, in other languages, opens it (`Fiera <City>`)."""
_VENUE_HEAD = re.compile(r"(?:\A|\n|[^\w\s,'\u2019&\-]|(?<=\s)-+|\d(?:am|pm)?,)[^\S\n]*\Z")
"""A sentence's, a line's or a listing's head (`<date>, <Name> Hall`, `\u00b7 <Name> Arena`, a pin
or another symbol before it; a dash with a space before it, as the folded text writes `\u2014`)."""
_AT_VENUE = re.compile(r"(?:\b(?i:the|at|in|to|from|inside|outside|near|into|on)|@)[^\S\n]{1,3}\Z")
"""Where a venue stands in copy: after `the` or a preposition of place (`at <Name> Hall`), or a
sentence's or a line's head."""


_ELLIPTIC = re.compile(
    r"[^\S\n]*(?:[^\w\s]|\n|\Z|(?:is|was|has|will|now|opens?|reopens?|at|in|on|for|and|with|by|from|to|"
    r"this|every|today|tonight|presents|brings|serves|returns)\b)"
)
"""What follows a possessive that names a shop by itself (`at <Name>'s.`, `<Name>'s is open`), not a
noun it owns."""


def _house_brand(text: str, start: int, end: int) -> bool:
    """A shop named for a house-titled person, in trade copy about no one (`Papa <Name>'s`, `Oma <Name>'s`).

    The finding is a one-word name with a possessive (`<Name>'s`: the shop's name said the way one
    says `at Joe's`), a house title (`Papa`, `Se\u00f1or`, `Oma`, `Nonna`, `Aunt` ...) opening it or
    right before it or, with no title, nothing it owns after it (`at <Name>'s.`, `<Name>'s is
    open`: `_ELLIPTIC`), and the text is trade copy with no personal cue (`trade_copy`: a price, an
    offer, a menu, opening hours, and no `my`, `I`, greeting, relative or recipient): `We spent
    Sunday at Papa <Name>'s house` and `my Oma <Name>'s strudel` stay a person's.
    """
    words = text[start:end]
    if "'" not in words and "\u2019" not in words:
        return False
    if _HOUSE_POSSESSIVE.fullmatch(words) is None:
        return False
    # (no title: the shop's name said alone, `at <Name>'s`, `<Name>'s is open`, `<Name>'s:`)
    if (
        " " not in words
        and _HOUSE_TITLE.search(text, max(0, start - 12), start) is None
        and (_ELLIPTIC.match(text, end) is None or titled_before(text, start))
    ):
        return False
    return trade_copy(text)


def _surname_brand(text: str, start: int, end: int) -> bool:
    """A brand known by a surname alone (`<Surname> is giving away ...`), in trade copy about no one.

    One capitalised word with no title before it, a Census surname and no Census first name or
    everyday word: a person named in copy is named in full or with a title (`Mrs <Surname>`);
    the text is trade copy with no personal cue (`trade_copy`). `<Surname> called me` stays a name.
    """
    word = text[start:end]
    if not word.isalpha() or not word[:1].isupper() or titled_before(text, start):
        return False
    low = word.lower()
    first, _, surnames = census()
    if low not in surnames or low in first or low in english():
        return False
    return trade_copy(text)


_MISTER = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mister)\.?[^\S\n]{1,3}\Z")
"""A plain honorific before a brand's surname (`Mr <Surname>` cakes); not `Dr.`: a clinic's copy
names its doctors."""


def _mister_brand(text: str, start: int, end: int) -> bool:
    """A brand named `Mr <Surname>` (`Mrs <Surname>'s cookies`), in trade copy about no one.

    The finding opens with a surname that is no Census first name (`Mr <Surname>`, `Mr <Surname>'s
    <Product>`) right after a plain honorific, and the text is trade copy with no personal cue
    (`trade_copy`: no greeting, no `my`, no recipient): `Dear Mr <Surname>, your order ...` and
    `Mr <Surname> called me` stay a person's; a first name after the title (`Mr <Name> <Surname>`)
    is a person's too.
    """
    title = _MISTER.search(text, max(0, start - 8), start)
    if title is None:
        return False
    first = text[start:end].split()[0]
    low = first.lower().removesuffix("'s").removesuffix("\u2019s")
    if not low.isalpha() or low in census()[0] or low in english():
        return False
    return trade_copy(text, title.start())


def _venue(text: str, start: int, end: int) -> bool:
    """A venue, in trade copy about no one: `at the <Name> Hall`, `<Name> Arena, <City>`, `Fiera <City>`.

    A venue word of another language opening it (`Fiera`, `Messe`, `Palacio`) opens no person's
    name: a venue anywhere. Venue words that are surnames too (`Hall`, `Park`, `Church`) end a
    person's name as often as a venue's, so the name must stand where a venue does (after `the`
    or a preposition of place, or at a line's or a sentence's head) in a text that is trade copy
    with no personal cue (`trade_copy`): `<Name> Hall called me` and `Patient <Name> Hall` stay a
    person's. At a sentence's head only a venue word that is no surname makes it a venue
    (`<Name> Arena: ...`).
    """
    words = text[start:end]
    if " " not in words or _VENUE_NAME.match(words) is None:
        return False
    if _VENUE_FIRST_WORD.match(words) is not None:
        return True  # (`Fiera`, `Messe`, `Palacio` open no person's name)
    head = text[max(0, start - 12) : start]
    if _AT_VENUE.search(head) is None and (
        _VENUE_HEAD.search(head) is None
        or words.endswith(("'s", "\u2019s"))  # (`<Name> Green's profile`: a head is anyone's)
        or text.startswith(("'", "\u2019"), end)
    ):
        return False
    return trade_copy(text)


_PARTNER_BEFORE = re.compile(r"\b([A-Z][\w'\u2019-]+)[^\S\n]{1,3}&[^\S\n]{1,3}\Z")
_PARTNER_AFTER = re.compile(r"[^\S\n]{1,3}&[^\S\n]{1,3}([A-Z][\w'\u2019-]+)\b")
"""The other partner of a firm named `<Surname> & <Surname>` (`Whitaker & <Surname>`)."""


def _partner_brand(text: str, start: int, end: int) -> bool:
    """A firm named for two partners (`<Surname> & <Surname>`), one read as a name, in trade copy.

    The finding is one capitalised word joined by `&` to another capitalised word that is no
    common first name (`Tom & <Name>` may be two friends), with no title before it; the text is
    trade copy with no personal cue (`trade_copy`): `Whitaker & Doyle is expanding` names a firm,
    `my lawyer Whitaker & Doyle` or `Dear Whitaker & Doyle` does not pass.
    """
    word = text[start:end]
    if " " in word or "&" not in text[max(0, start - 4) : end + 4] or titled_before(text, start):
        return False
    other = _PARTNER_BEFORE.search(text, max(0, start - 30), start) or _PARTNER_AFTER.match(text, end)
    if other is None or other.group(1).lower() in census()[0]:
        return False
    return trade_copy(text)


_GOODS_WORD = re.compile(r"[^\S\n]([a-z]+-)?([a-z]{3,15})\Z")
"""A product's name ends in the goods it is (`<Brand> desk lamp`, `<Brand> e-scooter`)."""


def _product(text: str, start: int, end: int) -> bool:
    """A product read as a name: a capitalised word opens it, an everyday word in lower case ends it.

    `<Brand> desk lamp`, `<Brand> cold-brew kit`, `<Brand> e-scooter`: no one's name ends in a
    lower-case English word (`Ludwig van Beethoven` ends capitalised), in trade copy with no
    personal cue (`trade_copy`).
    """
    words = text[start:end]
    if not words[:1].isupper():
        return False
    last = _GOODS_WORD.search(words)
    if last is None or last.group(2) not in english():
        return False
    return trade_copy(text)


_PRODUCT_WORDS = (
    r"water|soda|seltzer|juice|lemonade|cola|drinks?|beverages?|snacks?|chips|crackers|candy|gum|vitamins|"
    r"supplements|gummies|shampoo|soap|cereal|granola|sauce|coffee|tea|cookies|bars?"
)
_PRODUCT_NEXT = re.compile(rf"[^\S\n]{{1,3}}(?:[a-z]{{3,15}}[^\S\n]{{1,3}})?(?:{_PRODUCT_WORDS})\b")
"""`Dr. <Word> sparkling water`, `Dr. <Word> vitamins`: the goods a brand sells follow its name."""
_SPONSOR = re.compile(r"\bsponsor", re.IGNORECASE)


def _trade_name(text: str, start: int, end: int) -> bool:
    """The name at `start`..`end` is a business's: a trade word ends it or follows it.

    `<Surname> Teas`, `<Name>'s Bakery`, `<Surname> & Sons`, `<Surname> Outfitters`; a title or a
    relative's word before it is part of the brand then (`Sir <Surname> Teas`, `Aunt <Name>'s
    Bakery`). The trade word is capitalised: `my aunt Mary's bakery` stays a person's. A trade
    word that is also a Census surname (`Coffee`, `Market`) after a common first name with no
    possessive is a surname (`Jane Coffee`) unless a shop's honorific opens it (`Sir Kelly Teas`).
    """
    words = text[start:end].split()
    m = _TRADE_AFTER.match(text, end)
    if m is not None:
        trade, before, possessive = m.group("t"), words[-1], m.group("s") is not None
    elif len(words) >= 2 and _TRADE_WORD.match(words[-1]) is not None:
        trade, before, possessive = words[-1], words[-2], False
    else:
        return False
    if possessive or trade.startswith("&") or trade.lower() not in census()[2]:
        return True
    if before.lower().removesuffix("'s").removesuffix("\u2019s") not in census()[0]:
        return True
    return _HOUSE_TITLE.search(text, max(0, start - 12), start) is not None


def _honorific_brand(text: str, start: int, end: int) -> bool:
    """A brand named with an honorific and an everyday word (`Dr. Fizz`, `Dr. <Word> sparkling water`).

    The word is an English word and no Census first name; when it is no Census surname either
    it names no one, and when it is (a rare surname that is also a word) the copy around it
    must sell: its goods follow it, it is the maker of a product introduced (`Introducing <product>
    from Dr. <Word>`), or its sentence thanks its sponsors.
    """
    word = text[start:end]
    title = (
        _BRAND_TITLE.search(text, max(0, start - 12), start) if " " not in word and word.isalpha() else None
    )
    if title is None:
        return False
    low = word.lower()
    first, _, surnames = census()
    if low not in english() or low in first:
        return False
    if low not in surnames:
        return True
    if _PRODUCT_NEXT.match(text, end) is not None or _PRODUCT_BEFORE.search(
        text, max(0, title.start() - 80), title.start()
    ):
        return True
    head = max(text.rfind(".", 0, start - 4), text.rfind("\n", 0, start)) + 1
    tail = min((i for i in (text.find(".", end), text.find("\n", end)) if i != -1), default=len(text))
    return _SPONSOR.search(text, head, tail) is not None


def _letters(words: str) -> str:
    """The lower-case ASCII letters of `words` (`Est\u00e9e Lauder` -> `esteelauder`)."""
    plain = unicodedata.normalize("NFKD", words).encode("ascii", "ignore").decode()
    return "".join(c for c in plain.lower() if c.isalnum())


def _sites(text: str) -> set[str]:
    """The names of the web sites and handles in `text`, lower case."""
    return {(m.group(1) or m.group(2)).lower() for m in _SITE.finditer(text)}


def _by_context(text: str, names: list[tuple[int, int]]) -> set[str]:
    """The words of the `names` that one of their mentions marks as a brand's or a product's.

    A name that spells the text's own web site or handle (`Warby Parker`, `warbyparker.com`),
    that ends in a media word (`Martha Stewart Living`), or that stands in a brand's place:
    `<Brand> x <Brand>: a limited collaboration`, `<Brand> pop-up shop`, `<Brand> Rewards`,
    `the <Name> scrub line`, `\u00a9 2025 <Brand>, ...`, `Introducing <product> from <Brand>`,
    `<Brand> (NYSE: BRD)`, `<Brand> today announced`, `Manufactured for <Brand>`.
    """
    sites = _sites(text) if "." in text or "@" in text else set()
    found = set()
    for start, end in names:
        words = text[start:end]
        letters = _letters(words)
        if (
            # (a handle found as a user's by its cue, `thank u @keith12`, is that user, not the text's own)
            (
                len(letters) >= 5
                and not words.startswith("@")
                and any(letters == s or (len(letters) >= 6 and letters in s) for s in sites)
            )
            or words.split()[-1].lower() in _MEDIA_WORDS
            or _PRODUCT_AFTER.match(text, end)
            or _COMPANY_AFTER.match(text, end)
            or _PRODUCT_BEFORE.search(text, max(0, start - 80), start)
            or _firm_before(text, start)
            or (_GOODS_AFTER.match(text, end) and _THE.search(text, max(0, start - 6), start))
        ):
            found.add(words)
    return found


def _firm_before(text: str, start: int) -> bool:
    """A product label's firm is named at `start` (`Marketed by <Brand>`, `Distributor: <Brand>`)."""
    window = text[max(0, start - 50) : start]
    low = window.lower()
    return any(w in low for w in _FIRM_WORDS) and _FIRM_BEFORE.search(window) is not None


def brand_names(text: str, names: list[tuple[int, int]]) -> dict[tuple[int, int], bool]:
    """The `names` (name findings' offsets) that are a brand's words, each: is it an institution.

    An institution is a drug maker, a hospital or a clinical scale. A name finding is a
    brand's when it starts inside a brand's words: `Jack Daniel's`, `Pepper Zero Sugar` in
    `Dr Pepper Zero Sugar`, `Kate Spade New York`.
    """
    if not names:
        return {}
    found = {}
    for start, end in names:
        # a brand that holds `start` begins at most _LONGEST characters before it
        lo = max(0, start - _LONGEST)
        for m in _BRAND.finditer(text, lo, min(len(text), start + _LONGEST)):
            if m.start() <= start < m.end():
                if not titled_before(text, m.start()):  # `Dr. Abbott` is a person; `Dr. Scholl's` a brand
                    found[(start, end)] = m.group("i") is not None
                break
    for start, end in names:  # `Sir <Surname> Teas`, `<Name>'s Bakery`, `Dr. Fizz`: a title is the brand's
        if (start, end) not in found and (
            _trade_name(text, start, end)
            or _honorific_brand(text, start, end)
            or _house_brand(text, start, end)
            or _venue(text, start, end)
            or _surname_brand(text, start, end)
            or _mister_brand(text, start, end)
            or _partner_brand(text, start, end)
            or _product(text, start, end)
        ):
            found[(start, end)] = False
    rest = [n for n in names if n not in found and not titled_before(text, n[0])]
    if rest:
        branded = _by_context(text, rest)
        words = {w for b in branded for w in b.split()}  # `Mary` of `Mary Kay Wellness Expo`
        found.update({n: False for n in rest if text[n[0] : n[1]] in branded or text[n[0] : n[1]] in words})
    return found
