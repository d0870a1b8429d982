"""Which company a story is about: a name it gives, or None.

A wrong company is worse than none (a writer has to notice and delete it),
so a name is suggested only when the story gives good evidence for it, and
the reasons go with it.

A company the site already knows (the ``Company`` of its other stories),
found in the story, comes first and back in the site's own spelling.
Otherwise every candidate name the story gives is found and measured
(:func:`candidates`, :data:`FEATURES`), and the company ranker, fitted on
labelled stories by :mod:`.ranking`, gives each a probability
(:func:`rank`); the best is suggested at the ranker's threshold or above.
What is measured:

* a pasted e-mail header or signature ("From: Kettle & Co", "The Kettle &
  Co team", "Dear Kettle & Co team"), without the department after it
  ("Kettle & Co Customer Care"), or an address, domain or handle that
  spells the name (``help@kettleandco.com``);
* a domain or handle no name of the story spells, as written ("ordered
  from zoomcart.in", "@SkyloftAir"): for some shops it is the only name a
  customer sees; a word in lower case after a verb of dealing ("been with
  kestrl");
* a name shaped like a firm's: it ends in a word such as "Bank" or
  "Couriers", has an ampersand ("M. Patel & Sons"), is written in one word
  with inner capitals ("ParcelPigeon") or is one word in capitals that is
  no abbreviation ("NORDHAVN");
* the words around it, each kind apart: verbs of dealing with the firm
  ("ordered from", "rang", "walked into", "my contract with"), a
  possessive ("Brannock's app"), a preposition ("at", "from", "with"), a
  firm behind another ("run by", "through") and one the writer left
  ("switched from"), so that a story of several firms can be about the one
  the customer dealt with;
* the title, how often and how early the name comes, and what it is made
  of (everyday words, a first name, a place, digits).

Capitalised words that are not firms are set aside first: people and bots
("Dennis", "Mr Ellery", "a man called Dennis", "Tilly, the bot"), days,
months, places, headings and blog words ("Blog Post", "Documents &
Settings", a question In Title Case), tech and file words ("HTML5", "PDF",
"Wi-Fi"), channels ("WhatsApp"), product tiers ("Pro Max") and model
numbers ("Sweepr S3" gives "Sweepr"); sentence openers ("Popped in",
"Ordered") and everyday words are measured as such.
"""

from __future__ import annotations

import math
import re
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from . import lexicon
from .features import plain_text

__all__ = [
    "FEATURES",
    "Candidate",
    "CompanyGuess",
    "candidates",
    "find_company",
    "rank",
]

_COMPANY_WORDS = frozenset(lexicon.COMPANY_WORDS)
_EDGE_WORDS = lexicon.NOT_COMPANIES | {"and", "of", "de", "on"}
# A sentence ends at . ! ? unless the full stop closes an initial ("M. Patel
# & Sons") or a title ("Mr. Ellery"), which belong to the name after them.
_SENTENCE_END = re.compile(
    r"(?<=[.!?…])(?<!\b[A-Z]\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)"
    r"(?<!\bMrs\.)[\"'”’)]*\s+"
)
_DIRECTIONS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western"}
)
_INITIAL = re.compile(r"[A-Z]\.?")
# Words that name a department or team of a firm, not the firm: "Pellow
# Furniture Customer Care" is Pellow Furniture's (longest first).
_DEPARTMENTS = tuple(
    tuple(phrase.split())
    for phrase in (
        "customer care team",
        "customer service team",
        "customer services team",
        "customer support team",
        "customer experience team",
        "guest experience team",
        "customer care",
        "customer service",
        "customer services",
        "customer support",
        "customer experience",
        "customer relations",
        "customer team",
        "guest care",
        "guest services",
        "guest relations",
        "guest experience",
        "help desk",
        "helpdesk",
        "help centre",
        "help center",
        "support team",
        "social team",
        "social media team",
        "delivery team",
        "returns team",
        "claims team",
        "billing team",
        "accounts team",
        "sales team",
        "care team",
        "support",
        "team",
        "billing",
        "accounts",
        "returns",
        "claims",
        "complaints",
        "bookings",
        "reservations",
        "sales",
    )
)
_TOKEN = r"(?:[A-Z]\.(?=\s+[A-Z])|[A-Z][\w'’.-]*[\w]|[A-Z]|[a-z]+[A-Z][\w'’-]*)"
_LINK = r"(?:\s+(?:&|and|of|de|du|la|le|del|di|von|van|on)(?=\s+[A-Z])|\s*&\s*|\s+)"
_NAME = re.compile(rf"(?<![\w'’@#.-]){_TOKEN}(?:{_LINK}{_TOKEN})*")
_AND_ALLOWED = {"sons", "son", "daughter", "daughters", "co", "company", "partners"}
_POSSESSIVE = re.compile(r"^['’]s?(?!\w)")
_BUSINESS_NOUN = re.compile(
    r"^(['’]s?)?\s+(?:own\s+)?(\w+\s+)?(?:app|apps|site|website|web\s?site|page|shop|store|"
    r"stores|branch|team|staff|customer|customers|support|chat|chatbot|helpline|"
    r"delivery|deliveries|driver|drivers|courier|service|services|returns?|refund|"
    r"policy|account|portal|email|emails|newsletter|call\s+cent(?:re|er)|"
    r"instagram|facebook|twitter|tiktok|feed|office|counter|engineers?|"
    r"advisers?|advisors?|agents?|products?|packaging|parcels?|orders?|checkout|"
    r"hold\s+music|bot|assistant|booking|bookings|tills?|sale|prices?)\b",
    re.I,
)
_BEFORE = re.compile(
    r"(?:\b(?:at|from|with|by|via|through|called|named|contacted|emailed|"
    r"messaged|rang|phoned|ring|call|tagged|dm(?:ed|'d)?|joined|chose|choose|"
    r"switched\s+to|moved\s+to|ordered|bought|booked|flew|flying|"
    r"customer\s+of|shopped|shopping|used|using|tried|trying|"
    r"thanks?,?|thank\s+you,?|sorry,?|shout\s*out\s+to|credit\s+to|"
    r"review\s+of|complaint\s+to|letter\s+to|wrote\s+to|"
    r"went\s+(?:in)?to|popped\s+(?:in)?to|nipped\s+(?:in)?to|"
    r"(?:back|it|them)\s+to|works?\s+for|worked\s+for|"
    r"(?:cover|insured|account|contract|policy|plan|subscription)\s+with)"
    r"\s+(?:the\s+)?)$",
    re.I,
)
# Verbs of dealing with a firm, which make it the one the story is about
# rather than a brand, a courier or a payment firm it mentions.
_DEALT = re.compile(
    r"\b(?:ordered\s+(?:\w+\s+){0,3}from|bought\s+(?:\w+\s+){0,3}from|"
    r"booked\s+(?:\w+\s+){0,3}(?:with|through|at)|refund\s+from|"
    r"(?:shop|shopped|shopping|stayed|eat|ate|dined|banked|bank)\s+(?:\w+\s+){0,2}"
    r"(?:at|with)|(?:walked|went|popped|nipped|came)\s+(?:back\s+)?in(?:to)?|"
    r"rang|phoned|called|emailed|contacted|messaged|wrote\s+to|complaint\s+to|"
    r"customer\s+of|(?:been|am|I'm|was|were)\s+with|"
    r"(?:contract|account|policy|cover|plan|subscription|mortgage|"
    r"membership)\s+with|switched\s+to|moved\s+to|signed\s+up\s+(?:with|to)|"
    r"joined)\s+(?:the\s+)?$",
    re.I,
)
# A firm the writer has left is seldom the one the story is about: "after
# nine years with Cresta Mobile, I finally left".
_LEFT = re.compile(
    r"\b(?:left|leaving|quit|ditched|switched\s+(?:away\s+)?from|"
    r"moved\s+(?:away\s+)?from|came\s+(?:over\s+)?from|changed\s+from)"
    r"\s+(?:the\s+)?$",
    re.I,
)
_LEFT_AFTER = re.compile(
    r"^,?\s+(?:and\s+)?I\s+(?:finally\s+|just\s+|have\s+|had\s+|'ve\s+)?"
    r"(?:left|switched|moved|quit|cancelled|canceled|changed)\b",
    re.I,
)
# A firm that runs something for the one the writer dealt with: "terminals
# run by TillPay", "sent through Relay Desk".
_THIRD = re.compile(
    r"\b(?:run|powered|operated|handled|provided|delivered|"
    r"processed|hosted|built)\s+by\s+(?:the\s+)?$|\b(?:via|through)\s+(?:the\s+)?$",
    re.I,
)
# Someone named, then what they do: "Tilly, the bot", "Dev, our engineer".
_ROLE_AFTER = re.compile(
    r"^\s*,\s*(?:the|our|their|my|a|an|his|her)\s+(?:\w+\s+)?(?:bot|chatbot|"
    r"assistant|agent|adviser|advisor|driver|manager|engineer|owner|rep|"
    r"technician|receptionist|concierge|pharmacist|nurse|doctor|waiter|waitress|"
    r"barista|porter|courier|supervisor|founder)\b",
    re.I,
)
_PLACE_BEFORE = re.compile(
    r"\b(?:in|to|near|outside|around|across|toward|towards|between|"
    r"live\s+in|based\s+in)\s+$",
    re.I,
)
_PERSON_BEFORE = re.compile(
    r"(?:\b(?:mr|mrs|ms|miss|dr|sir|dear|hi|hello|hey|thanks|cheers)\.?\s+$)|"
    r"(?:\b(?:spoke|speaking|talked|talking|chatted|chatting)\s+(?:to|with)\s+$)|"
    r"(?:\b(?:man|woman|guy|chap|lad|lady|girl|boy|bloke|fellow|person|someone|"
    r"adviser|advisor|agent|manager|owner|driver|engineer|technician|assistant|"
    r"rep|nurse|doctor|pharmacist|husband|wife|son|daughter|friend|neighbour|"
    r"bot|chatbot|robot|avatar|dog|cat|"
    r"neighbor|colleague|boss)\s+(?:called|named)\s+$)",
    re.I,
)
_PERSON_AFTER = re.compile(
    r"^\s*(?:,\s*)?(?:said|says|asked|told|replied|explained|smiled|laughed|"
    r"apologised|apologized|was|who|from\s+the|at\s+the|on\s+the\s+(?:desk|till|"
    r"counter|phone)|\()",
    re.I,
)
_BUSINESS_CALLED = re.compile(
    r"\b(?:shop|store|firm|company|business|place|caf[eé]|restaurant|brand|"
    r"bakery|garage|outfit|chain|app|site|website|service|startup|provider|"
    r"supplier|retailer|seller|clinic|salon|bookshop)\s+(?:called|named)\s+$",
    re.I,
)
_PLACE_ENDINGS = {"street", "road", "avenue", "square", "station", "airport"}
_PLACE_ENDINGS |= {"junction", "terminal", "park", "way", "bridge", "hill", "monument"}
_PLACE_ENDINGS |= {"platform", "gate", "lane", "cottage"}
_NUMBERS = frozenset(
    {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
)
_MODEL = re.compile(r"^(?:[A-Z]{0,3}\d[\w-]*|\d+)$")
_MODEL_AFTER = re.compile(r"^\s+(?:[A-Z]{0,3}\d[\w-]*)(?![\w'’])")
_A_PRODUCT = re.compile(r"\b(?:an?|pair\s+of)\s+$", re.I)
_EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
# A web address with any ending but a file's ("notes.pdf", "photo.jpg").
_DOMAIN = re.compile(
    r"(?<![\w@.-])(?:https?://)?(?:www\.)?([a-z0-9][a-z0-9-]*)\."
    r"(?!(?:pdf|jpe?g|png|gif|txt|docx?|xlsx?|csv|html?|zip|exe|mp[34]|mov|md|"
    r"py|js|css|json|xml|svg|webp|heic|am|pm|etc|vs)\b)"
    r"((?-i:(?:[a-z]{2,3}\.)?[a-z]{2,12}))\b(?![.-]\w)",
    re.I,
)
_HANDLE = re.compile(r"(?<![\w@])@([A-Za-z]\w{2,})")
_MAIL_HOSTS = {
    "gmail", "googlemail", "hotmail", "outlook", "yahoo", "icloud", "me", "aol",
    "live", "msn", "proton", "protonmail", "example", "mail", "email", "btinternet",
}  # fmt: skip
_HEADER = re.compile(r"^\s*(?:from|sender|reply-to)\s*:\s*(.+)$", re.I | re.M)
_SIGN_OFF = re.compile(
    r"^\s*(?:kind\s+|best\s+|warm\s+)?(?:regards|wishes|thanks|thank\s+you|"
    r"cheers|sincerely|yours(?:\s+sincerely|\s+faithfully)?|best)\s*[,.!]?\s*$",
    re.I,
)
_TEAM = re.compile(
    r"^\s*(?:[-–—]+\s*)?(?:the\s+)?(.+?)\s+(?:team|customer\s+(?:care|service|"
    r"support|experience)(?:\s+team)?|support(?:\s+team)?|care\s+team|help\s*desk)\s*$",
    re.I,
)


@dataclass(frozen=True)
class CompanyGuess:
    """A company a story names, how strongly, and why."""

    name: str
    score: float
    reasons: list[str] = field(default_factory=list)


@dataclass
class _Candidate:
    name: str
    mentions: int = 0
    inside: int = 0  # mentions not at the start of a sentence
    first: float = 1.0  # where it is first named: 0 the start, 1 the end
    found: dict[str, float] = field(default_factory=dict)
    shaped: bool = False  # looks like a firm's name on its own
    cued: bool = False  # a possessive, a preposition or "app" next to it

    def mark(self, feature: str, value: float = 1.0) -> None:
        self.found[feature] = self.found.get(feature, 0.0) + value

    def absorb(self, other: _Candidate) -> None:
        """Take the evidence of a short form or initials of this name."""
        for feature, value in other.found.items():
            self.mark(feature, value)
        self.mentions += other.mentions
        self.inside += other.inside
        self.first = min(self.first, other.first)


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.casefold().replace("&", "and"))


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[0].isupper())


def _ordinary(word: str) -> bool:
    low = word.casefold().strip(".'’")
    low = re.sub(r"['’]s$", "", low)
    return (
        low in lexicon.NOT_COMPANIES
        or low in lexicon.FIRST_NAMES
        or low in lexicon.PLACES
        or not re.search(r"[a-z]", low)
    )


def _heading(words: list[str]) -> bool:
    """Two plurals or two "-ing" words joined by "&": a heading or a menu."""
    return (
        len(words) == 3
        and words[1] == "&"
        and words[2] not in _COMPANY_WORDS
        and all(re.search(r"[a-z](?:s|ing)$", w) for w in (words[0], words[2]))
    )


def _shaped(words: list[str]) -> bool:
    """A firm's name on its face: a trade word at the end, an ampersand,
    inner capitals in one word ("ZapMobile"). Two plurals or two "-ing"
    words joined by "&" are a heading or a menu ("Documents & Settings",
    "Banking & Payments"), not a firm."""
    if _heading(words):
        return False
    if "&" in words or any("&" in w for w in words):
        return True
    if len(words) > 1 and words[-1].strip(".") in _COMPANY_WORDS:
        return True
    return any(
        re.fullmatch(r"[A-Z][a-z]{2,}(?:[A-Z][a-z]+)+", w)
        and w.casefold() not in lexicon.NOT_COMPANIES
        for w in words
    )


def _clean(raw: str) -> list[str]:
    """The words of a name, without what cannot belong to one."""
    raw = re.sub(r"['’]s?$", "", raw.strip(" .,-’'"))
    raw = re.sub(r"\s*&\s*", " & ", raw)
    words = raw.split()
    while words and (
        (words[0].casefold() in _EDGE_WORDS and words[0] not in _COMPANY_WORDS)
        or words[0] == "&"
    ):
        if (
            words[0].casefold() in _DIRECTIONS
            and len(words) > 2
            and words[-1] in _COMPANY_WORDS
        ):
            break  # "Southern Cross Credit Union"
        words = words[1:]
    # A model number ends the brand: "Sweepr S3" is Sweepr's, "Veltra Aero 14"
    # is Veltra's.
    for i, word in enumerate(words):
        if i and _MODEL.match(word):
            words = words[:1]
            break
    while words and (
        words[-1] == "&"
        or (
            words[-1].casefold() in _EDGE_WORDS
            and words[-1] not in _COMPANY_WORDS
            and (len(words) < 2 or words[-2] != "&")
        )
    ):
        words = words[:-1]
    if "and" in words:
        after = words[words.index("and") + 1 :]
        if not after or after[0].casefold() not in _AND_ALLOWED:
            return []
    return _without_department(words)


def _without_department(words: list[str]) -> list[str]:
    """The name without a department or team after it: "Ravelin Insurance
    Claims" is Ravelin Insurance's, "The Kettle & Co Team" Kettle & Co's;
    none when it is only a department ("Guest Experience")."""
    lower = [w.casefold() for w in words]
    if tuple(lower) in _DEPARTMENTS:
        return []
    for phrase in _DEPARTMENTS:
        n = len(phrase)
        if len(words) > n and tuple(lower[-n:]) == phrase:
            rest = words[:-n]
            if not all(w.casefold() in _EDGE_WORDS for w in rest):
                return _without_department(rest)
    return words


def _person_or_place(words: list[str], before: str, after: str) -> bool:
    if len(words) == 1 and _ordinary(words[0]):
        return True
    if _INITIAL.fullmatch(words[0]) and len(words) > 1 and not _shaped(words):
        return True  # "R. J. Abernethy", "J Smith"
    if all(_ordinary(w) for w in words if w not in ("&", "of")):
        return True
    if words[0].casefold() in lexicon.FIRST_NAMES and not _shaped(words):
        return True  # "Dennis Hollins", "Priya Shah"
    if words[-1].casefold() in _PLACE_ENDINGS and not _shaped(words):
        return True
    if words[0].casefold() in lexicon.PLACES and words[-1] not in _COMPANY_WORDS:
        return True  # "Manchester Piccadilly", not "Lagos Bakery"
    if (
        _PERSON_BEFORE.search(before)
        and not _BUSINESS_CALLED.search(before)
        and not _shaped(words)
        and not re.match(r"\s+team\b", after, re.I)
    ):
        return True
    return (
        len(words) == 1
        and bool(_PERSON_AFTER.match(after))
        and not (_BEFORE.search(before))
    )


def _mentions(text: str) -> Iterable[tuple[str, str, str, bool]]:
    """Each capitalised name with the text before and after it, and whether
    it opens its sentence."""
    for paragraph in re.split(r"\n\s*\n|\n", text):
        for sentence in filter(None, _SENTENCE_END.split(paragraph.strip())):
            for match in _NAME.finditer(sentence):
                before = sentence[: match.start()]
                opening = not before.strip(" \"'“‘(*-–—:")
                raw, end = match.group(0), match.end()
                inner = re.search(r"['’]s?(?=\s)", raw)
                last = re.sub(r"['’]s?$", "", raw.split()[-1])
                if inner and last not in _COMPANY_WORDS:
                    # "Strand Broadband's Hold Music", not "Collier's Garage"
                    raw, end = raw[: inner.start()], match.start() + inner.start()
                yield raw, before, sentence[end:], opening


def _find_known(text: str, title: str, known: Iterable[str]) -> dict[str, int]:
    """How often each known company is named (its full name, as a word)."""
    found: dict[str, int] = {}
    for name in known:
        if not name.strip():
            continue
        words = name.split()
        pattern = r"\s*".join(
            r"(?:&|and)" if w in ("&", "and") else re.escape(w) for w in words
        )
        # One plain word ("Brisk", "Glint") must keep its capital to count:
        # "a brisk walk" is not a company.
        flags = 0 if len(words) == 1 and name.isalpha() else re.I
        regex = re.compile(rf"(?<![\w-]){pattern}(?![\w-]|['’][a-rt-z])", flags)
        count = len(regex.findall(text)) + len(regex.findall(title))
        if count:
            found[name] = count
    return found


def _find_short(
    text: str, title: str, known: Iterable[str], common: Container[str]
) -> dict[str, int]:
    """Known companies named by their first word alone ("Brightline" for
    "Brightline Telecom", "Lim's" for "Lim's Laptop Clinic"), when that
    word is no everyday word, no other known company starts with it and the
    story does not go on with another name ("Brightline Buses")."""
    firsts: dict[str, list[str]] = {}
    for name in known:
        words = name.split()
        if len(words) > 1:
            firsts.setdefault(words[0], []).append(name)
    found: dict[str, int] = {}
    for first, names in firsts.items():
        plain = re.sub(r"['’]s$", "", first)
        letters = _letters(plain)
        if (
            len(names) > 1
            or len(letters) < 3
            or (len(letters) < 4 and plain == first)
            or plain.casefold() in common
            or _ordinary(plain)
        ):
            continue
        regex = re.compile(rf"(?<![\w-]){re.escape(first)}(?![\w-]|\s*&|\s+[A-Z0-9])")
        count = sum(
            1
            for part in (text, title)
            for match in regex.finditer(part)
            # not the end of another name: "Aldous & Crane", "Old Brightline"
            if not re.search(r"(?:&|\band|[A-Z][\w'’]*)\s*$", part[: match.start()])
        )
        if count:
            found[names[0]] = count
    return found


def _contact_names(raw: str) -> tuple[list[str], list[str]]:
    """Letters of the domains, addresses and handles a story quotes, and the
    names of pasted headers and signatures."""
    raw = re.sub(r"^[ \t]*(?:>[ \t]?)+", "", raw, flags=re.M)  # quoted mail
    domains = []
    for match in _EMAIL.finditer(raw):
        host = match.group(1).split(".")
        second_level = host[-2] in ("co", "com") and len(host) > 2
        domains.append(host[-3] if second_level else host[-2])
    domains += [m.group(1) for m in _DOMAIN.finditer(raw)]
    domains += [m.group(1) for m in _HANDLE.finditer(raw)]
    letters = [_letters(d) for d in domains if d.casefold() not in _MAIL_HOSTS]
    signed = []
    for match in _HEADER.finditer(raw):
        value = re.sub(r"<[^>]*>|\"", " ", match.group(1)).strip()
        if value:
            signed.append(value)
    lines = [line.strip() for line in raw.splitlines()]
    for i, line in enumerate(lines):
        team = _TEAM.match(line)
        if team and len(line) < 60:
            signed.append(team.group(1))
        if _SIGN_OFF.match(line):
            signed += [ln for ln in lines[i + 1 : i + 4] if ln and len(ln) < 60]
    return letters, signed


def _matches_domain(name: str, domains: list[str]) -> float:
    """1 when a domain spells the whole name, 0.5 when it begins with it or
    its first word, else 0."""
    letters = _letters(name)
    if len(letters) < 3:
        return 0.0
    if letters in domains:
        return 1.0
    first = _letters(name.split()[0])
    partly = any(
        (len(first) >= 4 and d.startswith(first))
        or (len(letters) >= 5 and letters in d)
        for d in domains
    )
    return 0.5 if partly else 0.0


FEATURES = (
    "dealt",
    "cue",
    "called",
    "third",
    "left",
    "place_before",
    "possessive",
    "possessive_noun",
    "before_noun",
    "branch",
    "title",
    "title_cue",
    "title_only",
    "shaped",
    "trade_word",
    "ampersand",
    "inner_capitals",
    "capitals",
    "abbreviation",
    "several_words",
    "one_word",
    "long_name",
    "digits",
    "lower_case",
    "mentions",
    "early",
    "opens",
    "domain_spells",
    "domain_partly",
    "domain",
    "domain_cue",
    "handle",
    "signed",
    "initials",
    "short_form",
    "everyday",
    "everyday_words",
    "unvouched",
    "person_word",
    "place_word",
    "plain_words",
    "lower_elsewhere",
    "verb_like",
    "cued_often",
    "uncued",
    "shaped_uncued",
    "most_mentions",
)
"""What the ranker weighs for each candidate name, in the order of the
weights; :data:`REASONS` says each in words."""

REASONS = {
    "dealt": "the writer dealt with it (rang, ordered from)",
    "cue": "after at/from/with/by",
    "called": "a shop or firm called it",
    "third": "run by/through (a firm behind another?)",
    "left": "a company the writer left",
    "place_before": "after in/to/near (a place?)",
    "possessive": "a possessive",
    "possessive_noun": "a possessive before app/site/shop",
    "before_noun": "before app/site/shop",
    "branch": "'their … counter' (a branch?)",
    "title": "in the title",
    "title_cue": "after with/from/at in the title",
    "title_only": "only in the title",
    "shaped": "shaped like a firm's name",
    "trade_word": "ends in a trade word (Bank, Couriers)",
    "ampersand": "an ampersand",
    "inner_capitals": "capitals inside one word",
    "capitals": "a name in capitals",
    "abbreviation": "in capitals (an abbreviation?)",
    "several_words": "several capitalised words",
    "one_word": "one word",
    "long_name": "three words or more",
    "digits": "digits in the name",
    "lower_case": "in lower case after a verb of dealing",
    "mentions": "how often it is named",
    "early": "named early in the story",
    "opens": "opens sentences",
    "domain_spells": "an address or domain spells it",
    "domain_partly": "an address or domain begins with it",
    "domain": "an address or domain, no name",
    "domain_cue": "an address after at/from/to",
    "handle": "a handle, no name",
    "signed": "a pasted header or signature",
    "initials": "its initials",
    "short_form": "a short form of it",
    "everyday": "an everyday word",
    "everyday_words": "everyday words",
    "unvouched": "one word, opening sentences only, nothing pointing to it",
    "person_word": "a first name in it",
    "place_word": "a place in it",
    "plain_words": "everyday words but for a trade word",
    "lower_elsewhere": "written in lower case elsewhere in the story",
    "verb_like": "one word shaped like a verb or an adverb",
    "cued_often": "pointed to again and again",
    "uncued": "nothing in the story points to it",
    "shaped_uncued": "shaped like a firm's name, nothing pointing to it",
    "most_mentions": "named more often than any other name",
}


@dataclass(frozen=True)
class Candidate:
    """A name a story gives, measured: the ranker's inputs, by name."""

    name: str
    features: dict[str, float]

    def vector(self) -> list[float]:
        return [self.features.get(name, 0.0) for name in FEATURES]


def find_company(
    title: str,
    markdown: str,
    known: Iterable[str] = (),
    common: Container[str] = frozenset(),
    ranker: Mapping[str, Any] | None = None,
) -> CompanyGuess | None:
    """The company a story names, or None when the evidence is too weak.

    ``known`` are the companies of the site's other stories; one the story
    names is preferred, in the site's spelling. ``common`` are everyday
    words (lower case): one of them capitalised is weak evidence of a name.
    ``ranker`` is the ``company`` part of the suggestion model (weights, the
    score of "none of them" and the least probability to suggest a name);
    by default the shipped one."""
    text = plain_text(markdown)
    known = sorted(set(known), key=lambda k: (-len(k), k))
    known_found = _find_known(text, title, known) or _find_short(
        text, title, known, common
    )
    if known_found:
        # The longest known name that is named the most: "Kettle & Co Cafe"
        # over "Kettle & Co" when both are known and the story says the first.
        best = max(known_found, key=lambda k: (known_found[k], len(k)))
        times = known_found[best]
        reason = f"a company of this site, named {times}x"
        return CompanyGuess(best, 1.0, [reason])
    if ranker is None:
        from .suggestion import load_model

        ranker = load_model()["company"]
    ranked = rank(candidates(title, markdown, common), ranker)
    if not ranked:
        return None
    probability, best = ranked[0]
    if probability < ranker["threshold"]:
        return None
    return CompanyGuess(
        best.name, round(probability, 2), _reasons(best, ranker, probability)
    )


def rank(
    found: list[Candidate], ranker: Mapping[str, Any]
) -> list[tuple[float, Candidate]]:
    """Each candidate with the probability that it is the company, best
    first; what is left over is the probability of none of them."""
    if tuple(ranker["features"]) != FEATURES:
        raise ValueError(
            "the company ranker was trained on other features than this "
            "version measures; retrain it with the 'train' command"
        )
    weights = ranker["weights"]
    scores = [
        sum(w * x for w, x in zip(weights, c.vector(), strict=True)) for c in found
    ]
    top = max([ranker["none"], *scores])
    total = math.exp(ranker["none"] - top) + sum(math.exp(s - top) for s in scores)
    ranked = [
        (math.exp(s - top) / total, c) for s, c in zip(scores, found, strict=True)
    ]
    return sorted(ranked, key=lambda pc: (-pc[0], -len(pc[1].name), pc[1].name))


def _reasons(
    best: Candidate, ranker: Mapping[str, Any], probability: float
) -> list[str]:
    """What weighed most for the name, strongest first."""
    parts = [
        (w * x, name)
        for w, x, name in zip(ranker["weights"], best.vector(), FEATURES, strict=True)
        if w * x > 0.05
    ]
    said = [REASONS[name] for _, name in sorted(parts, key=lambda p: (-p[0], p[1]))]
    return [*said[:5], f"probability {probability:.2f}"]


def _in_capitals(words: list[str], common: Container[str]) -> bool:
    """A brand written in capitals ("NORDHAVN"): one word, too long and too
    pronounceable for an abbreviation, and no everyday word shouted."""
    if len(words) != 1:
        return False
    word = re.sub(r"['’]S?$", "", words[0])
    return (
        word.isupper()
        and len(re.sub(r"[^A-Z]", "", word)) >= 5
        and bool(re.search(r"[AEIOUY]", word))
        and word.casefold() not in common
        and not _ordinary(word.capitalize())
    )


def _title_name(words: list[str], common: Container[str]) -> list[str]:
    """A name from a title In Title Case, where every word is capitalised:
    it ends at a trade word ("Lark Air Lost My Seat" gives "Lark Air") and
    does not begin with an everyday verb ("Switching Networks")."""
    for i, word in enumerate(words[1:-1], start=1):
        if word in _COMPANY_WORDS and words[i + 1] not in _COMPANY_WORDS:
            words = words[: i + 1]
            break
    if all(w.casefold() in common or w in _COMPANY_WORDS for w in words):
        return []  # "Switching Networks", "the Way Furniture Used to Be"
    return words


def _title_case(text: str) -> bool:
    """Every word of some length capitalised, as in a title or a heading."""
    long_words = [w for w in text.split() if len(w) > 3]
    return len(long_words) >= 3 and sum(
        w[0].isupper() for w in long_words
    ) >= 0.8 * len(long_words)


def _heading_line(sentence: str) -> bool:
    """A sentence of three words or more, every one capitalised: a heading
    or a question in Title Case ("Who Answers The Phone?")."""
    found = re.findall(r"[^\W\d_][\w'’-]*", sentence)
    return len(found) >= 3 and all(w[0].isupper() for w in found)


def _people(text: str) -> set[str]:
    """One-word names the story shows to be people or bots: "a chatbot
    called Tilly", "Dev, our engineer"; their other mentions are theirs too."""
    found = set()
    for raw, before, after, _ in _mentions(text):
        words = _clean(raw)
        if len(words) != 1 or _shaped(words):
            continue
        called = _PERSON_BEFORE.search(before) and not _BUSINESS_CALLED.search(before)
        if called or _ROLE_AFTER.match(after):
            found.add(words[0])
    return found


def _registrable(host: str) -> str:
    """``shop.zoomcart.in`` is zoomcart.in's, ``care.pellow.co.uk`` pellow.co.uk's."""
    labels = host.casefold().split(".")
    keep = (
        3 if len(labels) > 2 and labels[-2] in ("co", "com", "org", "net", "ac") else 2
    )
    return ".".join(labels[-keep:])


def _written_domains(raw: str) -> list[str]:
    """Each web or mail domain the story writes, once per time, as written
    (lower case, no "www."), leaving out mail providers and big platforms."""
    raw = re.sub(r"^[ \t]*(?:>[ \t]?)+", "", raw, flags=re.M)
    found = [_registrable(m.group(1)) for m in _EMAIL.finditer(raw)]
    for match in _DOMAIN.finditer(raw):
        written = re.sub(r"^(?:https?://)?(?:www\.)?", "", match.group(0), flags=re.I)
        found.append(_registrable(written))
    return [
        d
        for d in found
        if d.split(".")[0] not in _MAIL_HOSTS
        and d.split(".")[0] not in lexicon.NOT_COMPANIES
    ]


def _add_domains(
    candidates: dict[str, _Candidate], written: list[str], text: str
) -> None:
    """A domain the story writes and no name of the story spells stands for
    the firm as written: "ordered from zoomcart.in" gives "zoomcart.in"."""
    for domain in dict.fromkeys(written):
        letters = _letters(domain.split(".")[0])
        if any(_matches_domain(c.name, [letters]) for c in candidates.values()):
            continue
        candidate = candidates.setdefault(domain, _Candidate(domain, shaped=True))
        candidate.mark("domain")
        candidate.mentions += written.count(domain)
        for match in re.finditer(rf"(?<![\w.@-]){re.escape(domain)}", text, re.I):
            before = text[: match.start()]
            candidate.first = min(candidate.first, match.start() / max(len(text), 1))
            if _DEALT.search(before) or _BEFORE.search(before):
                candidate.mark("domain_cue")
                break


def _add_handles(candidates: dict[str, _Candidate], raw: str) -> None:
    """A handle no name of the story spells ("tagged @zoomcart") stands for
    the firm as written."""
    handles = [m.group(1) for m in _HANDLE.finditer(raw)]
    for handle in dict.fromkeys(handles):
        letters = _letters(handle)
        if letters in _MAIL_HOSTS or any(
            _matches_domain(c.name, [letters]) for c in candidates.values()
        ):
            continue
        candidate = candidates.setdefault(handle, _Candidate(handle))
        candidate.mark("handle")
        candidate.mentions += handles.count(handle)


_LOWER_WORD = re.compile(r"(?<![\w@.'’&-])[a-z][a-z0-9]{3,}(?![\w'’&@-]|\.\w)")


def _add_lower_case(
    candidates: dict[str, _Candidate], text: str, common: Container[str]
) -> None:
    """A brand written in lower case right after a verb of dealing
    ("ordered the lamp from zoomcart"), when it is no everyday word."""
    for match in _LOWER_WORD.finditer(text):
        word = match.group(0)
        if (
            word in common
            or _ordinary(word)
            or any(c.name.casefold() == word for c in candidates.values())
            or not _DEALT.search(text[max(match.start() - 60, 0) : match.start()])
        ):
            continue
        candidate = candidates.setdefault(word, _Candidate(word))
        candidate.mark("lower_case")
        candidate.mark("dealt")
        candidate.mentions += 1
        candidate.first = min(candidate.first, match.start() / max(len(text), 1))


def candidates(
    title: str, markdown: str, common: Container[str] = frozenset()
) -> list[Candidate]:
    """Every name the story gives, measured for the ranker."""
    text = plain_text(markdown)
    found = _measure(title, text, markdown, common)
    measured = []
    counted = [c.mentions for c in found.values()]
    most = max(counted, default=0)
    tied = counted.count(most)
    for c in found.values():
        values = {k: min(v, 1.0) for k, v in c.found.items()}
        words = c.name.split()
        values["mentions"] = math.log1p(c.mentions) if c.mentions else 0.0
        values["early"] = 1.0 - c.first if c.mentions else 0.0
        values["opens"] = min(c.found.get("opens", 0.0) / max(c.mentions, 1), 1.0)
        values["one_word"] = float(len(words) == 1)
        values["long_name"] = float(len(words) >= 3)
        values["digits"] = float(any(ch.isdigit() for ch in c.name))
        values["title_only"] = float(bool(values.get("title")) and not c.mentions)
        cues = ("dealt", "cue", "possessive", "possessive_noun", "before_noun")
        values["cued_often"] = math.log1p(sum(c.found.get(k, 0.0) for k in cues))
        plain = [w for w in words if w != "&" and w.strip(".") not in _COMPANY_WORDS]
        values["plain_words"] = float(
            len(words) > 1 and all(w.casefold() in common for w in plain)
        )
        values["lower_elsewhere"] = float(
            c.name != c.name.casefold()
            and bool(
                re.search(
                    rf"(?<![\w@.-]){re.escape(c.name.casefold())}(?![\w@-]|\.\w)", text
                )
            )
        )
        pointers = (*cues, "called", "title_cue", "domain_spells", "domain")
        pointers += ("domain_cue", "signed", "handle", "initials")
        values["uncued"] = float(not any(c.found.get(k) for k in pointers))
        values["shaped_uncued"] = float(c.shaped and values["uncued"] == 1.0)
        values["most_mentions"] = float(
            c.mentions > 0 and c.mentions == most and tied == 1
        )
        values["verb_like"] = float(
            len(words) == 1 and bool(re.search(r"[a-z](?:ed|ing|ly)$", c.name))
        )
        measured.append(
            Candidate(c.name, {k: round(v, 6) for k, v in sorted(values.items()) if v})
        )
    return sorted(measured, key=lambda c: c.name)


def _measure(
    title: str, text: str, markdown: str, common: Container[str]
) -> dict[str, _Candidate]:
    """Every name the story gives, with its evidence."""
    domains, signed = _contact_names(markdown)
    domains_written = _written_domains(markdown)
    candidates: dict[str, _Candidate] = {}
    title_text = plain_text(title)
    # A title In Title Case capitalises every word: only firm-shaped names
    # come from it; it vouches for names the story itself gives.
    title_case = _title_case(title_text)
    if title_case:  # "A Chatbot Called Tilly": the verb is no part of a name
        title_text = re.sub(r"\b(?:Called|Named)\b", lambda m: m[0].lower(), title_text)
    people = _people(title_text + "\n" + text)
    for source, part in (("title", title_text), ("body", text)):
        for raw, before, after, opening in _mentions(part):
            words = _clean(raw)
            # "Hexley Junction", "Kilometre Six": a place or a point, whose
            # last word _clean has dropped.
            last = re.sub(r"['’]s?$", "", raw.split()[-1]).casefold() if raw else ""
            if (
                words
                and last != words[-1].casefold()
                and (last in _PLACE_ENDINGS or last in _NUMBERS)
            ):
                continue
            if words and source == "title" and title_case:
                words = _title_name(words, common)
            if not words or (len(words) == 1 and words[0] in people):
                continue
            # Words dropped from the front ("Ordered from", "Used") belong to
            # what comes before the name.
            dropped = raw.find(words[0])
            if dropped > 0:
                before, opening = before + raw[:dropped], False
            # A product is named by its brand: "a Veltra Aero 14", "a
            # Northline Tundra parka" are Veltra's and Northline's.
            if (
                len(words) > 1
                and not _shaped(words)
                and (_MODEL_AFTER.match(after) or _A_PRODUCT.search(before))
            ):
                words = words[:1]
            if _person_or_place(words, before, after) or _heading(words):
                continue
            # A brand in capitals names its product: "My KORVAN Headphones".
            # Several words in capitals are shouting ("ABSOLUTELY FOREVER").
            shouted = sum(1 for w in raw.split() if w.isupper() and len(w) > 1) > 1
            loud = [w for w in words if _in_capitals([w], common)]
            if len(loud) == 1 and len(words) > 1 and not _shaped(words):
                words = loud
            capitals = not shouted and _in_capitals(words, common)
            cue = _BEFORE.search(before) or _DEALT.search(before)
            # A title, or a heading or question in the story, In Title Case
            # ("Who Answers The Phone?") gives only names that show they are
            # names.
            if source == "title":
                heading = title_case
            else:
                heading = _heading_line(before + raw + after)
            if heading and not (_shaped(words) or capitals or cue):
                continue
            name = " ".join(words)
            candidate = candidates.setdefault(name, _Candidate(name))
            candidate.shaped = candidate.shaped or _shaped(words) or capitals
            if capitals:
                candidate.mark("capitals")
            tail = raw[len(raw.rstrip("'’s")) :] if raw.endswith(("'s", "’s")) else ""
            tail += after
            noun = _BUSINESS_NOUN.match(tail)
            if noun and re.search(r"\btheir\s+$", before):
                noun = None  # "their Westlands counter": a branch, not the firm
                candidate.mark("branch")
            elif noun and noun.group(1):
                candidate.mark("possessive_noun")
            elif noun:
                candidate.mark("before_noun")
            elif _POSSESSIVE.match(tail):
                candidate.mark("possessive")
            if noun or _POSSESSIVE.match(tail):
                candidate.cued = True
            if source == "title":
                candidate.mark("title")
                if cue and not _THIRD.search(before):
                    candidate.mark("title_cue")
                    candidate.cued = True
                if not opening:
                    candidate.inside += 1
                continue
            candidate.mentions += 1
            at = text.find(raw)
            if at >= 0:
                candidate.first = min(candidate.first, at / max(len(text), 1))
            if not opening or len(words) > 1:
                candidate.inside += 1
            if _BUSINESS_CALLED.search(before):
                candidate.mark("called")
                candidate.cued = True
            elif _LEFT.search(before) or _LEFT_AFTER.match(after):
                candidate.mark("left")
            elif _DEALT.search(before):
                candidate.mark("dealt")
                candidate.cued = True
            elif _THIRD.search(before):
                candidate.mark("third")
            elif _BEFORE.search(before):
                candidate.mark("cue")
                candidate.cued = True
            elif _PLACE_BEFORE.search(before) and not candidate.shaped:
                candidate.mark("place_before")
            if raw.isupper() and len(raw) <= 5 and not capitals:
                candidate.mark("abbreviation")
            if opening and len(words) == 1:
                candidate.mark("opens")

    for candidate in candidates.values():
        words = candidate.name.split()
        named_in_title = re.search(
            rf"(?<!\w){re.escape(candidate.name)}(?!\w)", title_text
        )
        if title_case and named_in_title:
            candidate.mark("title")
        if candidate.shaped:
            candidate.mark("shaped")
        elif len(words) > 1 and candidate.inside:
            candidate.mark("several_words")
        if len(words) > 1 and words[-1].strip(".") in _COMPANY_WORDS:
            candidate.mark("trade_word")
        if "&" in candidate.name and candidate.shaped:
            candidate.mark("ampersand")
        if any(re.fullmatch(r"[A-Z]?[a-z]+(?:[A-Z][a-z]+)+", w) for w in words):
            candidate.mark("inner_capitals")
        spelt = _matches_domain(candidate.name, domains)
        if spelt == 1.0:
            candidate.mark("domain_spells")
        elif spelt:
            candidate.mark("domain_partly")
        if any(_letters(candidate.name) in _letters(s) for s in signed):
            candidate.mark("signed")
        vouched = candidate.shaped or candidate.cued or spelt
        # A lone everyday word capitalised is most likely just that
        # ("Popped", "Ordered" opening a sentence; "Happy" in a sign-off).
        if len(words) == 1 and not candidate.shaped and words[0].casefold() in common:
            candidate.mark("everyday")
        elif len(words) == 1 and not candidate.inside and not vouched:
            candidate.mark("unvouched")
        elif (
            len(words) > 1
            and not candidate.shaped
            and all(w.casefold() in common for w in words)
        ):
            # "The Old Forge", "Wren Cottage": a house or a thing as often
            # as a firm.
            candidate.mark("everyday_words")
        plain = [re.sub(r"['’]s$", "", w).casefold() for w in words]
        if any(w in lexicon.FIRST_NAMES for w in plain):
            candidate.mark("person_word")
        if any(w in lexicon.PLACES for w in plain):
            candidate.mark("place_word")

    _add_domains(candidates, domains_written, text)
    _add_handles(candidates, markdown)
    _add_lower_case(candidates, text, common)

    # Initials count for the name they stand for: "F&F" for "Fennel & Finch".
    for short in list(candidates):
        letters = re.sub(r"[^A-Z]", "", short)
        if len(letters) < 2 or not re.fullmatch(r"[A-Z&\s.]+", short):
            continue
        whole = [n for n in candidates if n != short and _initials(n) == letters]
        if len(whole) == 1:
            candidates[whole[0]].absorb(candidates.pop(short))
            candidates[whole[0]].mark("initials")

    # A short form counts for the long one it begins: "Brannock's" for
    # "Brannock Decorating Supplies", "Spokes" for "Spokes of Stirling".
    names = sorted(candidates, key=len)
    for short in names:
        if short not in candidates:
            continue
        longer = [n for n in names if n != short and n.startswith(short + " ")]
        if len(longer) == 1 and longer[0] in candidates:
            candidates[longer[0]].absorb(candidates.pop(short))
            candidates[longer[0]].mark("short_form")
    return candidates
