"""Facts read off a fetched page: its title, verbatim quotes, prices and the platforms it names.

Everything here is copied from the page text (`PageResult.text`), never paraphrased, and
carries the page's URL, so a brief can cite it and prose can be checked against it.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TypedDict

from global_orchestrator.tools.browser import PageResult

PLATFORMS = (
    "tiktok",
    "instagram",
    "facebook",
    "youtube",
    "snapchat",
    "twitter",
    "linkedin",
    "pinterest",
    "reddit",
    "whatsapp",
    "twitch",
)
"""Ad platforms recognised in text (a page's, or a model's prose)."""

_PLATFORM = re.compile(r"\b(" + "|".join(PLATFORMS) + r")\b", re.IGNORECASE)
_AMOUNT = r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?"
_PRICE = re.compile(
    rf"(?P<symbol>[$€£])\s?(?P<amount>{_AMOUNT})(?!\d)"
    rf"|(?<![\w.])(?P<amount2>{_AMOUNT})\s?(?P<code>USD|EUR|GBP|CAD|AUD)\b"
)
_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP"}
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'$€£])")
MAX_QUOTES = 5
MAX_QUOTE_CHARS = 300


class PriceFact(TypedDict):
    """A price as the page prints it."""

    text: str
    """As written (`$19`, `24 EUR`)."""
    amount: str
    """The amount as a decimal string (`19`, `4.99`)."""
    currency: str
    quote: str
    """The sentence it appears in, verbatim."""
    url: str


class PageFacts(TypedDict):
    """What a fetched page establishes, with its URL."""

    url: str
    title: str
    status: int
    quotes: list[str]
    """Verbatim sentences: the first lines, then those with prices or platform names."""
    prices: list[PriceFact]
    platforms: list[str]
    """Ad platforms the page names (lower case, first mention first)."""


def _sentences(text: str) -> list[str]:
    return [s.strip() for line in text.splitlines() for s in _SENTENCE.split(line) if s.strip()]


def prices_in(sentence: str, url: str) -> list[PriceFact]:
    """Every price written in `sentence`."""
    found: list[PriceFact] = []
    for match in _PRICE.finditer(sentence):
        amount = (match.group("amount") or match.group("amount2")).replace(",", "")
        currency = _SYMBOLS[match.group("symbol")] if match.group("symbol") else match.group("code")
        found.append(
            PriceFact(
                text=match.group(0).strip(),
                amount=str(Decimal(amount)),
                currency=currency,
                quote=sentence,
                url=url,
            )
        )
    return found


def page_facts(page: PageResult) -> PageFacts:
    """Title, quotes, prices and platforms of a fetched page, cited by its final URL."""
    url = page.final_url
    sentences = [s for s in _sentences(page.text) if len(s) <= MAX_QUOTE_CHARS]
    prices = [p for s in sentences for p in prices_in(s, url)]
    platforms = list(dict.fromkeys(m.lower() for m in _PLATFORM.findall(page.text)))
    # the opening lines say what the page is; priced and platform sentences answer the
    # usual research questions (price points, channels)
    telling = [s for s in sentences if _PRICE.search(s) or _PLATFORM.search(s)]
    quotes = list(dict.fromkeys([*sentences[:2], *telling]))[:MAX_QUOTES]
    return PageFacts(
        url=url,
        title=page.title,
        status=page.status,
        quotes=quotes,
        prices=prices,
        platforms=platforms,
    )
