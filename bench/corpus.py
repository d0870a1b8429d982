"""A deterministic synthetic blog of N customer stories, for benchmarks.

Story ``i`` is generated from its own seeded random stream, so the corpus of
1,000 stories is the first 1,000 of the corpus of 5,000 and two runs give the
same bytes. Stories look like the real ones: 400-900 words of Markdown
paragraphs, sometimes lists and plain headings, one to three touchpoints
(sometimes spelt as aliases), a verdict, most with a company and a summary,
some with Pelican tags, about a third with moments; a few essays and an About
page complete the site.
"""

from __future__ import annotations

import hashlib
import random
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

__all__ = ["CORPUS_ROOT", "Corpus", "ensure_corpus", "story_path", "write_story"]

CORPUS_ROOT = Path(__file__).resolve().parent / "corpus"
GENERATOR_VERSION = "3"

TOUCHPOINTS = {
    # slug: (ways a writer names it, what the customer dealt with)
    "store": (["store", "shop", "In store", "branch"], "the shop floor"),
    "phone": (["phone", "call centre", "hotline", "Phone"], "the call centre"),
    "web": (["web", "website", "online"], "the website"),
    "app": (["app", "mobile app"], "the app"),
    "email": (["email", "e-mail"], "the support inbox"),
    "chat": (["chat", "live chat", "chatbot"], "the chat window"),
    "social": (["social", "twitter", "social media"], "their social media team"),
    "delivery": (["delivery", "courier", "parcel"], "the courier"),
    "returns": (["returns", "refund", "exchange"], "the returns desk"),
    "packaging": (["packaging", "box"], "the packaging"),
    "product": (["product", "device", "item"], "the product itself"),
    "billing": (["billing", "invoice", "payment"], "the billing team"),
    "repair": (["repair", "technician", "service centre"], "the repair workshop"),
    "information": (["information", "tracking"], "the tracking page"),
}
TP_SLUGS = list(TOUCHPOINTS)
VERDICTS = [("wow", 15), ("good", 30), ("meh", 25), ("bad", 30)]
FEELINGS = {
    "wow": ["delighted", "genuinely surprised", "looked after", "understood"],
    "good": ["satisfied", "reassured", "content", "fairly treated"],
    "meh": ["mildly annoyed", "indifferent", "tired", "processed"],
    "bad": ["let down", "ignored", "angry", "fobbed off"],
}
PRODUCTS = [
    "a washing machine", "a pair of walking boots", "a laptop", "a sofa", "a kettle",
    "a phone contract", "a bicycle", "a set of saucepans", "a winter coat",
    "a broadband plan", "a coffee grinder", "a desk lamp", "a mattress",
    "a train ticket", "a birthday cake", "a pair of glasses", "a vacuum cleaner",
    "a tablet", "a garden hose", "a child's car seat", "a printer", "a rug",
]  # fmt: skip
PEOPLE = [
    "an assistant", "a manager", "a driver", "an agent", "a technician",
    "a supervisor", "a young man at the counter", "a woman on the night shift",
]  # fmt: skip
TIMES = [
    "on a Monday morning", "late one evening", "the day before a holiday",
    "during my lunch break", "on a wet Saturday", "first thing on a Friday",
    "just before closing time", "in the middle of a heatwave",
]  # fmt: skip
AUTHORS = [
    "Mei Ling Tan", "Tomás Ferreira", "Arjun Nair", "Grace Okafor", "Lena Fischer",
    "Sam Whitfield", "Priya Raman", "Jonas Berg", "Aisha Rahman", "Colm Byrne",
    "Hana Sato", "Marek Nowak", "Ines Duarte", "Ravi Menon", "Elif Kaya",
    "Noah Clarke", "Zanele Dube", "Luca Romano", "Freya Lund", "Omar Haddad",
]  # fmt: skip
COMPANY_FIRST = [
    "Quick", "Bright", "North", "Harbour", "Maple", "Silver", "Urban", "Green",
    "Blue", "Summit", "Corner", "Pioneer", "Swift", "Oak", "River", "Crown",
    "Metro", "Atlas", "Beacon", "Kestrel", "Willow", "Granite", "Lantern", "Orbit",
]  # fmt: skip
COMPANY_SECOND = [
    "Fix", "Home", "Mart", "Telecom", "Energy", "Bank", "Couriers", "Outfitters",
    "Pharmacy", "Electronics", "Rail", "Furniture", "Bakery", "Opticians",
    "Insurance", "Water", "Books", "Cycles", "Appliances", "Travel",
]  # fmt: skip
COMPANY_THIRD = ["", " Ltd", " & Sons", " Service Centre", " Direct", " Group"]
TAGS = [
    "waiting", "promises", "small things", "policy", "kindness", "follow-up",
    "automation", "staff training", "transparency", "apology", "loyalty",
    "accessibility", "speed", "honesty", "escalation", "design", "price",
    "christmas", "moving house", "travel", "family", "first purchase",
]  # fmt: skip

OPENERS = [
    "I needed {product} {time}, and I went to {where} expecting very little.",
    "It started {time}, when {product} I had bought a month earlier stopped behaving.",
    "{time_cap} I finally dealt with something I had put off for weeks: {product}.",
    "Nothing about {product} should have been difficult, and yet here we are.",
    "I had read good things about {company}, so {product} seemed like a safe bet.",
]  # fmt: skip
SENTENCES = [
    "{person_cap} listened to the whole story before saying anything.",
    "The first reply came quickly, but it answered a question I had not asked.",
    "I was asked for my order number {count} times in the same conversation.",
    "Nobody could tell me where my {thing} actually was.",
    "{person_cap} wrote everything down and read it back to me, which I appreciated.",
    "The hold music repeated every forty seconds, and I learned it by heart.",
    "A message promised an update within two working days.",
    "The update never came, so I tried again {time}.",
    "By then I had spent more time on this than on choosing {product}.",
    "It was the kind of detail that nobody puts in a brochure.",
    "I felt {feeling}, and I said so, politely.",
    "The receipt said one thing and the website said another.",
    "Someone had clearly thought about what a tired customer needs at that moment.",
    "{person_cap} apologised, and it sounded as if they meant it.",
    "There was a form, and then a second form that asked the same questions.",
    "The whole thing took {count} days from start to finish.",
    "I was told it was not their department and given another number to call.",
    "Within an hour the problem was fixed and a note explained what had gone wrong.",
    "I kept the email, in case I ever need to prove what was promised.",
    "The box was twice the size it needed to be, full of air pillows.",
    "They had printed clear instructions on the inside of the lid.",
    "A refund appeared on my card before I had even posted the parcel.",
    "My {thing} arrived a day early, with a handwritten note.",
    "Every screen asked me to log in again, and each time it forgot my basket.",
    "It is hard to stay loyal to a company that treats you as a ticket number.",
    "I have told the story to friends more often than I care to admit.",
    "What I remember is not the fault but how they handled it.",
    "Later I realised that {company} had simply given people the freedom to help.",
    "{person_cap} offered to call me back at four, and called at four exactly.",
    "The chat window closed itself while I was typing the answer.",
]  # fmt: skip
CLOSERS = [
    "I will go back, and I have already recommended them twice.",
    "I have not bought anything from {company} since.",
    "It was fine, which is to say it was forgettable.",
    "Small things, done well, are most of what customer service is.",
    "Next time I will go somewhere that answers the phone.",
]  # fmt: skip
THINGS = ["parcel", "repair", "refund", "replacement", "order", "invoice"]
HEADINGS = [
    "What happened next", "The first attempt", "A second try", "Where it went wrong",
    "The turning point", "How it ended", "Looking back", "The phone call",
]  # fmt: skip
MOMENT_TITLES = [
    "Ordered {product}", "Asked for help", "Waited for an answer", "Chased it up",
    "The delivery day", "Opened the box", "Took it back", "Got the refund",
    "Spoke to a manager", "Read the small print", "Called again", "Sorted at last",
]  # fmt: skip


@dataclass(frozen=True)
class Corpus:
    """A generated site: ``content`` holds stories/, essays/ and pages/."""

    root: Path
    stories: int

    @property
    def content(self) -> Path:
        return self.root / "content"

    def story_files(self) -> list[Path]:
        return sorted((self.content / "stories").glob("*.md"))


def _companies(count: int) -> list[str]:
    rng = random.Random("companies")
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        name = (
            rng.choice(COMPANY_FIRST)
            + rng.choice(COMPANY_SECOND)
            + rng.choice(COMPANY_THIRD)
        )
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


COMPANIES = _companies(1500)


def _weighted(rng: random.Random, pairs: list[tuple[str, int]]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _fill(rng: random.Random, template: str, facts: dict[str, str]) -> str:
    time = rng.choice(TIMES)
    person = rng.choice(PEOPLE)
    values = {
        **facts,
        "time": time,
        "time_cap": time[0].upper() + time[1:] + ",",
        "person_cap": person[0].upper() + person[1:],
        "count": str(rng.randint(2, 9)),
        "thing": rng.choice(THINGS),
    }
    return template.format(**values)


def _paragraph(rng: random.Random, facts: dict[str, str], size: int) -> str:
    sentences = [_fill(rng, rng.choice(SENTENCES), facts) for _ in range(size)]
    if rng.random() < 0.15:
        i = rng.randrange(len(sentences))
        words = sentences[i].split()
        j = rng.randrange(len(words))
        words[j] = f"*{words[j]}*"
        sentences[i] = " ".join(words)
    return " ".join(sentences)


def _moment_heading(rng: random.Random, facts: dict[str, str]) -> str:
    title = _fill(rng, rng.choice(MOMENT_TITLES), facts)
    touchpoint = rng.choice(TP_SLUGS)
    verdict = _weighted(rng, VERDICTS)
    return f"## {title} {{: .{touchpoint} .{verdict} }}"


def _words(blocks: list[str]) -> int:
    return sum(len(block.split()) for block in blocks)


def story_text(index: int) -> tuple[str, str]:
    """The file name and Markdown text of story ``index``."""
    rng = random.Random(f"story-{index}")
    primary = rng.choice(TP_SLUGS)
    touchpoints = [primary]
    extra = rng.random()
    if extra < 0.30:
        touchpoints += rng.sample([t for t in TP_SLUGS if t != primary], 1)
    elif extra < 0.36:
        touchpoints += rng.sample([t for t in TP_SLUGS if t != primary], 2)
    verdict = _weighted(rng, VERDICTS)
    # Half the stories are about 30 well-known companies (a few very often),
    # the rest about any of 1,500: most companies get one or two stories.
    if rng.random() < 0.5:
        company = COMPANIES[min(int(rng.paretovariate(1.2)) - 1, 29)]
    else:
        company = rng.choice(COMPANIES)
    facts = {
        "product": rng.choice(PRODUCTS),
        "company": company,
        "where": TOUCHPOINTS[primary][1],
        "feeling": rng.choice(FEELINGS[verdict]),
    }
    title = _fill(rng, rng.choice(MOMENT_TITLES), facts)
    title = f"{title} with {company}" if rng.random() < 0.5 else f"{title}, {index}"
    slug = f"story-{index:05d}"
    date = datetime(2012, 1, 1, 8, 0) + timedelta(hours=13 * index + rng.randint(0, 9))

    lines = [
        f"Title: {title}",
        f"Date: {date:%Y-%m-%d %H:%M}",
        f"Slug: {slug}",
        f"Author: {rng.choice(AUTHORS)}",
        "Touchpoint: " + ", ".join(rng.choice(TOUCHPOINTS[t][0]) for t in touchpoints),
        f"Verdict: {verdict.capitalize() if rng.random() < 0.2 else verdict}",
    ]
    if rng.random() < 0.85:
        lines.append(f"Company: {company}")
    if rng.random() < 0.4:
        lines.append("Tags: " + ", ".join(rng.sample(TAGS, rng.randint(1, 3))))
    if rng.random() < 0.75:
        lines.append(
            "Summary: "
            + _fill(rng, rng.choice(SENTENCES), facts).rstrip(".")
            + f", and {facts['where']} made me feel {facts['feeling']}."
        )
    lines.append("")

    # Blocks (a paragraph, sometimes with a list or heading before it) are
    # added up to a target length; a block that would pass 900 words with the
    # closing line is left out, so every body has 400-900 words.
    target = rng.randint(450, 850)
    closer = _fill(rng, rng.choice(CLOSERS), facts)
    body: list[str] = [_fill(rng, rng.choice(OPENERS), facts)]
    words = _words(body) + _words([closer])
    moments = rng.random() < 0.33
    headings = rng.sample(range(2, 10), rng.randint(2, 4)) if moments else []
    plain_heading = not moments and rng.random() < 0.4
    number = 0
    while words < target:
        number += 1
        block: list[str] = []
        if number in headings:
            block.append(_moment_heading(rng, facts))
        elif plain_heading and number == 4:
            block.append(f"## {rng.choice(HEADINGS)}")
        if rng.random() < 0.08:
            items = [_fill(rng, rng.choice(SENTENCES), facts) for _ in range(3)]
            block.append("\n".join(f"- {item}" for item in items))
        block.append(_paragraph(rng, facts, rng.randint(3, 7)))
        if words + _words(block) > 900:
            break
        body.extend(block)
        words += _words(block)
    body.append(closer)
    return f"{slug}.md", "\n".join(lines) + "\n" + "\n\n".join(body) + "\n"


def essay_text(index: int) -> tuple[str, str]:
    rng = random.Random(f"essay-{index}")
    facts = {
        "product": rng.choice(PRODUCTS),
        "company": rng.choice(COMPANIES),
        "where": "a company",
        "feeling": "thoughtful",
    }
    paragraphs = [_paragraph(rng, facts, rng.randint(4, 7)) for _ in range(8)]
    date = datetime(2012, 3, 1, 9, 0) + timedelta(days=40 * index)
    text = (
        f"Title: Notes on service, part {index}\n"
        f"Date: {date:%Y-%m-%d %H:%M}\nSlug: essay-{index:04d}\n"
        f"Author: {rng.choice(AUTHORS)}\n"
        f"Summary: Thoughts on what makes service feel personal, part {index}.\n\n"
        + "\n\n".join(paragraphs)
        + "\n"
    )
    return f"essay-{index:04d}.md", text


ABOUT = """Title: About
Slug: about
Summary: A generated site for benchmarks.

This site is generated for benchmarks: every story is synthetic.
"""


def write_story(content: Path, index: int) -> Path:
    name, text = story_text(index)
    path = content / "stories" / name
    path.write_text(text, encoding="utf-8")
    return path


def story_path(corpus: Corpus, index: int) -> Path:
    return corpus.content / "stories" / story_text(index)[0]


def _fingerprint(stories: int) -> str:
    source = Path(__file__).read_bytes()
    salt = f"{GENERATOR_VERSION}:{stories}".encode()
    return hashlib.sha256(source + salt).hexdigest()


def ensure_corpus(stories: int, root: Path = CORPUS_ROOT) -> Corpus:
    """Generate (or reuse, when unchanged) the corpus of ``stories`` stories."""
    corpus = Corpus(root / f"{stories}", stories)
    stamp = corpus.root / ".generated"
    fingerprint = _fingerprint(stories)
    if stamp.is_file() and stamp.read_text() == fingerprint:
        return corpus
    if corpus.root.exists():
        shutil.rmtree(corpus.root)
    for folder in ("stories", "essays", "pages"):
        (corpus.content / folder).mkdir(parents=True)
    for index in range(stories):
        write_story(corpus.content, index)
    for index in range(max(1, stories // 40)):
        name, text = essay_text(index)
        (corpus.content / "essays" / name).write_text(text, encoding="utf-8")
    (corpus.content / "pages" / "about.md").write_text(ABOUT, encoding="utf-8")
    stamp.write_text(fingerprint)
    return corpus
