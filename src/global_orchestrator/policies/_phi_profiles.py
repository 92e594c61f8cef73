"""Profile URLs, fediverse and Bluesky handles, and a person's own site (ninth build, probe4's classes).

- **Profile paths**: a platform's page for one person, with or without `https://` or `www.`:
  `github.com/<user>`, `gitlab.com/<user>`, `twitch.tv/<user>`, `xing.com/profile/<name>`,
  `researchgate.net/profile/<name>`, `stackoverflow.com/users/<id>`, `bsky.app/profile/<h>`,
  `reddit.com/user/<u>`, `orcid.org/<id>`, `t.me/<u>` and other platforms', and any host's
  `/@user` (Mastodon and the fediverse, YouTube, Medium, TikTok, Threads). A platform's own
  pages (`github.com/features`, `github.com/pricing`) are none.
- **User sub-domains** of hosting platforms: `<user>.github.io`, `<user>.gitlab.io`, Google Sites.
- **Handles**: `@user@host.social` (fediverse) and `@name.bsky.social`.
- **A person's own site by its cue**: a bare domain or URL after a first-person cue (`visit my
  profile:`, `find me on my website:`, `suivez-moi sur`, `bekijk mijn profiel op`,
  `Portfolio →`), or a link whose anchor text is a person's name (`<a href="...">Ana Ruiz</a>`).

The business's own accounts (`follow us on ...`, `our`, `we`) are not findings, nor a
repository (`github.com/acme/widget`: a second path segment after a code host's user).
"""

from __future__ import annotations

import re

from global_orchestrator.policies._phi_lexicon import english
from global_orchestrator.policies._phi_spans import Span, folded, has_any, match_at, ours

_SCHEME = r"(?<![\w/.@-])(?:https?://)?(?:www\.)?"
_SEG = r"[\w%.~-]{2,80}+"
_PLATFORM_PATHS = (
    r"(?:github\.com|gitlab\.com|codeberg\.org|bitbucket\.org|twitch\.tv|behance\.net|dribbble\.com|"
    r"keybase\.io|vk\.com|pinterest\.com|soundcloud\.com|linktr\.ee|about\.me|ko-fi\.com|"
    r"patreon\.com|buymeacoffee\.com|t\.me|wa\.me|instagram\.com|facebook\.com|tiktok\.com|threads\.net|"
    r"x\.com|twitter\.com|mastodon\.social)/@?(?!(?:features|pricing|about|login|signup|join|explore|topics|"
    r"marketplace|sponsors|enterprise|orgs|settings|search|trending|collections|events|security|site|"
    r"home|help|blog|team|careers|jobs|legal|privacy|terms|contact|press|shop|store|share|intent|"
    r"hashtag|company|school|pages|groups|business|directory|download|apps?)\b)" + _SEG + r"(?!/[\w-])|"
    r"(?:[a-z]{2,3}\.)?linkedin\.com/(?:in|pub)/" + _SEG + r"|"
    r"(?:xing\.com/profile|researchgate\.net/profile|bsky\.app/profile|goodreads\.com/user/show|"
    r"stackoverflow\.com/users|strava\.com/athletes|flickr\.com/(?:people|photos)|reddit\.com/u(?:ser)?|"
    r"youtube\.com/(?:c|user|channel)|medium\.com|orcid\.org|academia\.edu|quora\.com/profile|"
    r"steamcommunity\.com/id|last\.fm/user|letterboxd\.com|untappd\.com/user)/"
    + _SEG
    + r"(?:/"
    + _SEG
    + r")?|"
    r"scholar\.google\.[a-z.]{2,6}/citations\?(?:[\w=&%-]{0,40}&)?user=[\w-]{4,20}|"
    r"sites\.google\.com/view/" + _SEG + r"|"
    r"[a-z0-9-]{2,40}\.(?:github|gitlab)\.io\b(?:/[\w%.-]{1,80})*|"
    r"[a-z0-9][a-z0-9.-]{1,60}\.[a-z]{2,10}/@[\w.]{2,40}"
)
_PROFILE = re.compile(_SCHEME + r"(?i:" + _PLATFORM_PATHS + r")")
_PROFILE_GATES = (
    *(
        "github.com",
        "gitlab.com",
        "codeberg.org",
        "bitbucket.org",
        "twitch.tv",
        "behance.net",
        "dribbble.com",
    ),
    *("keybase.io", "vk.com", "pinterest.com", "soundcloud.com", "linktr.ee", "about.me", "ko-fi.com"),
    *("patreon.com", "buymeacoffee.com", "t.me/", "wa.me/", "instagram.com", "facebook.com", "tiktok.com"),
    *(
        "threads.net",
        "x.com/",
        "twitter.com",
        "mastodon.social",
        "linkedin.com",
        "xing.com",
        "researchgate.net",
    ),
    *(
        "bsky.app",
        "goodreads.com",
        "stackoverflow.com",
        "strava.com",
        "flickr.com",
        "reddit.com",
        "youtube.com",
    ),
    *(
        "medium.com",
        "orcid.org",
        "academia.edu",
        "quora.com",
        "steamcommunity.com",
        "last.fm",
        "letterboxd.com",
    ),
    *("untappd.com", "scholar.google.", "sites.google.com", "/@", ".github.io", ".gitlab.io"),
)
"""Gates (substrings in C): every `_PROFILE` match holds one of these."""
_TLD = re.compile(
    r"\.(?:com|net|org|io|dev|me|co|uk|de|fr|es|it|nl|pt|ch|se|dk|no|fi|pl|cz|at|be|eu|info|app|site|online|"
    r"ca|au|nz|in|jp|br|ar|za|tr|hk|cat|blog|page|ie|gr|ro|hu|sk|si|hr|lt|lv|ee|us|mx|cl|pe|kr|cn|tw|sg)\b",
    re.IGNORECASE,
)
"""A domain's ending, led by its dot (a gate for a person's own site after a cue)."""
_HANDLE = re.compile(r"@(?<![\w@.]@)[A-Za-z0-9_]{2,40}@[a-z0-9-]{2,40}(?:\.[a-z0-9-]{2,20})+(?![\w-])")
"""A fediverse handle (`@user@host.social`)."""
_BSKY = re.compile(r"(?<![\w@.-])@?[a-z0-9-]{2,40}\.bsky\.social\b")
"""A Bluesky handle (`@name.bsky.social`; run only on texts that hold `.bsky.social`)."""
_DOMAIN = r"(?:https?://)?(?:www\.)?[a-z0-9][a-z0-9-]{1,62}(?:\.[a-z0-9-]{2,62}){0,2}\.[a-z]{2,6}(?:/[\w./%#?=&~-]{0,120})?"
_OWN_CUE = re.compile(
    r"(?i:\b(?:my|mi|mon|ma|mes|mijn|mein(?:e)?|il\s+mio|la\s+mia|o\s+meu|a\s+minha|his|her|"
    r"(?:pt|patient|client)['\u2019]s(?:\s+personal)?|personal)\s+"
    r"(?:website|site|web|sitio|página|pagina|page|homepage|blog|portfolio|portfólio|perfil|profil|profiel|"
    r"fundraiser|fundraising\s+page|gofundme|"
    r"profile|cv|résumé|resume|channel|canal|kanaal)\b[^\n]{0,24}?|"
    r"\b(?:find|follow|visit|see|check\s+out)\s+me\s+(?:on|at)\b[^\n]{0,30}?|"
    r"\b(?:suivez|retrouvez|contactez)-moi\s+sur\b|\bsígueme\s+en\b|\bvolg\s+me\s+op\b|\bseguimi\s+su\b|"
    r"\bsiga-me\s+(?:no|na|em)\b|\bfolge\s+mir\s+auf\b|\bportfolio\s*(?:[:\u2192-]|->))"
    r"[^\S\n]*[:\u2192>-]?[^\S\n]*(" + _DOMAIN + r")(?![\w@-])"
)
_OWN_GATES = (
    *("my ", "mi ", "mon ", "ma ", "mes ", "mijn ", "mein", "mio ", "mia ", "meu ", "minha "),
    *("his ", "her ", "'s ", "\u2019s ", "personal "),
    *(" me ", "-moi", "sígueme", "volg me", "seguimi", "siga-me", "folge mir", "portfolio"),
)
_OWN_NOUNS = (
    *(
        "website",
        "site",
        "web",
        "sitio",
        "página",
        "pagina",
        "page",
        "blog",
        "portf",
        "perfil",
        "profil",
        "cv",
    ),
    *("fundrais", "gofundme"),
    *("résumé", "resume", "channel", "canal", "kanaal", " me on", " me at", "-moi sur", "sígueme", "volg me"),
    *("seguimi", "siga-me", "folge mir"),
)
"""Gates: every `_OWN_CUE` match holds one of these (and one of `_OWN_GATES`)."""
_ANCHOR = re.compile(
    r"<a\s+href=[\"']([^\"'<>\s]{4,200})[\"'][^<>]{0,80}>[^\S\n]*"
    r"([A-Z][a-zà-ÿ'-]+(?:[^\S\n]+(?:[A-Z][a-zà-ÿ'-]+|van|de|da|von|le|la)){1,3})[^\S\n]*</a>"
)


_OUR_BEFORE = re.compile(
    r"(?i:\b(?:our|us|we|we're|ours|unser\w*|notre|nos|nuestr[oa]s?|nostr[oaie]|onze|nosso|nossa)\b)"
)


def _business(text: str, start: int) -> bool:
    """The account is the business's own: `our`, `us`, `we` in the 30 characters before, on the same line."""
    line = text.rfind("\n", 0, start) + 1
    return ours(text, start) or _OUR_BEFORE.search(text, max(line, start - 30), start) is not None


_DELIMITERS = frozenset(" \t\n\"'<>(),;|")
_SCHEMES = ("https://www.", "http://www.", "https://", "http://", "www.")


def _candidates(text: str) -> list[int]:
    """Where a profile URL may start: the token around each gate, and the gate (or a scheme before it)."""
    low = folded(text)
    starts: set[int] = set()
    for gate in _PROFILE_GATES:
        i = low.find(gate)
        while i != -1:
            j = i
            while j > 0 and i - j < 80 and text[j - 1] not in _DELIMITERS:
                j -= 1
            starts.add(j)
            starts.add(i)
            starts.update(i - len(scheme) for scheme in _SCHEMES if low.startswith(scheme, i - len(scheme)))
            i = low.find(gate, i + 1)
    return sorted(q for q in starts if q >= 0)


def _own_sites(text: str) -> list[re.Match[str]]:
    """`_OWN_CUE.finditer(text)`, read only in the 100 characters before each domain ending (and it)."""
    found: list[re.Match[str]] = []
    end = 0
    for tld in _TLD.finditer(text):
        lo = max(end, tld.start() - 100)
        for m in _OWN_CUE.finditer(text, lo, min(len(text), tld.end() + 130)):
            if m.end(1) >= tld.end() and m.start() >= end:
                found.append(m)
                end = m.end()
    return found


def profiles(text: str) -> list[Span]:
    """Profile URLs, handles, and a person's own site (see the module docstring)."""
    found: list[Span] = []
    if "/" in text or ".git" in text:
        for m in match_at(_PROFILE, text, _candidates(text)):
            value = m.group(0).rstrip(".,;:)]}!?")
            if not _business(text, m.start()):
                found.append(Span("url", m.start(), m.start() + len(value), 0.85))
    handles = [*_HANDLE.finditer(text)] if "@" in text else []
    handles += _BSKY.finditer(text) if ".bsky.social" in text else []
    found += [Span("url", m.start(), m.end(), 0.85) for m in handles if not _business(text, m.start())]
    if has_any(text, _OWN_GATES) and has_any(text, _OWN_NOUNS) and _TLD.search(text) is not None:
        for m in _own_sites(text):
            value = m.group(1).rstrip(".,;:)]}!?")
            found.append(Span("url", m.start(1), m.start(1) + len(value), 0.8))
    if "<a" in text:
        words = english()
        for m in _ANCHOR.finditer(text):
            name = m.group(2).split()
            if not all(w.lower() in words for w in name):  # `Read More`, `Contact Us` are no one's
                found.append(Span("url", m.start(1), m.end(1), 0.8))
    return found
