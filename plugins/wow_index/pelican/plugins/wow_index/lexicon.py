# ruff: noqa: E501  (patterns read best on one line each)
"""The words behind tag suggestions: plain data, meant to be read and edited.

Touchpoint cues are words and phrases a customer uses when telling where
something happened ("on hold" happens on the phone, "the courier" in a
delivery). Each has a weight: 3 names the touchpoint outright, 2 points to it
strongly, 1 is a hint that other places share. Patterns are regular
expressions matched case-insensitively at word boundaries.

Verdict words carry a polarity (+ good, - bad) and a strength; phrases that
mark an exceptional experience (``wow``), a failure the customer walked away
from (``bad``) or shrugging friction (``meh``) are kept apart, because
sentiment alone cannot tell "good" from "far beyond expectations".
"""

from __future__ import annotations

__all__ = [
    "BAD_MARKERS",
    "COMPANY_WORDS",
    "CONTRAST",
    "EXPECTATION",
    "INTENSIFIERS",
    "MEH_MARKERS",
    "NEGATIVE",
    "NEGATORS",
    "POSITIVE",
    "PRAISE_BURSTS",
    "PROBLEM",
    "SOFTENERS",
    "TOUCHPOINT_CUES",
    "WOW_MARKERS",
]

# touchpoint -> {pattern: weight}
TOUCHPOINT_CUES: dict[str, dict[str, float]] = {
    "store": {
        r"(?:in|the|a|their|local|corner|hardware|charity) (?:shop|store)": 1,
        r"shop floor|high street|branch": 2,
        r"shop assistants?|sales assistants?|the assistant|assistants? in": 3,
        r"till|tills|checkout lanes?|self-checkout|cashier|counter": 2,
        r"aisles?|shelf|shelves|fitting rooms?|changing rooms?": 2,
        r"walked (?:in|into)|went (?:in|into)|came into the shop": 1,
        r"supermarket|showroom|boutique|department store|garden centre": 2,
        r"staff member|member of staff|shop staff|stockroom|queue": 1,
        r"(?:into|at) (?:the|their|a|our) (?:shop|store|branch)|in person": 1.5,
    },
    "phone": {
        r"on hold|hold music|held for": 3,
        r"rang|ring|rung|ringing|phoned|phoning|called|calling|call(?:s)?": 1.5,
        r"phone|telephone|landline|the line|line went dead|hung up": 2,
        r"call cent(?:re|er)|helpline|hotline|switchboard": 3,
        r"press(?:ed)? (?:\d|one|two|three|four|five)|options? menu|menu options": 3,
        r"transferred|put through|voicemail|call-?back|rang back|call me back": 2,
        r"the adviser|an adviser|agent who answered|picked up": 1,
    },
    "web": {
        r"website|web site|web page|webpage|web form|online form": 3,
        r"browser|log ?in|logged (?:in|out)|password|reset link|account page": 2,
        r"basket|checkout|check out|search box|search results|drop-?down": 2,
        r"the (?:site|page)|their site|product page|booking page|home page": 2,
        r"clicked|click|online|form|error (?:message|page|code)|page not found": 1,
    },
    "app": {
        r"\bapp\b|\bapps\b|the app's|app store": 3,
        r"taps?|tapped|swiped?|push notifications?|update(?:d)? the app": 2,
        r"on my phone|phone screen|home screen|new version|release notes": 1.5,
        r"selfie|fingerprint|face id|passcode|notification": 1,
    },
    "email": {
        r"e-?mails?|e-?mailed|emailing|inbox|e-mail": 3,
        r"replied|reply|replies|wrote back|wrote to|subject line|signature": 1.5,
        r"automatic reply|auto-?reply|canned reply|template|enquiry|attachment": 2,
        r"sent (?:them|him|her) (?:a|an) (?:message|note)|cc'd": 1,
    },
    "chat": {
        r"live chat|chat window|chat box|chatbot|chat bot|the chat|web chat": 3,
        r"\bchat\b|chatted|chatting|\bbot\b": 2.5,
        r"whatsapp|messenger|text(?:ed)? messages?|sms|messaging|typing": 3,
        r"sent (?:me )?(?:a |another )?messages?|messaged|photos? (?:of|from)": 1.5,
        r"adviser(?:s)?|agent|pasted|copied and pasted|transcript": 1,
    },
    "social": {
        r"instagram|facebook|twitter|tiktok|x\.com|mastodon|linkedin|threads": 3,
        r"social media|tweet(?:ed)?|posted (?:a|on|under)|public(?:ly)? (?:post|reply)": 3,
        r"comments?|followers|hashtag|tagged|\bdm\b|direct message|liked|posted": 2,
        r"their (?:page|account|feed)|official page|posts?|caption|story": 1,
    },
    "delivery": {
        r"courier|delivery driver|the driver|delivery van|the van": 3,
        r"deliver(?:y|ed|ies|ing)?|parcels?|doorstep|safe place|neighbou?r": 2,
        r"dispatch(?:ed)?|shipping|shipped|postman|rider|porch|kerbside|carried it": 2,
        r"arrived|turned up|left it|signed for|knock": 1,
    },
    "returns": {
        r"returns?|returned|returning|send(?:ing)? it back|sent it back": 2.5,
        r"refund(?:s|ed)?|money back|exchange(?:d)?|credit note|store credit": 2.5,
        r"returns (?:window|policy|label|desk|form)|collection|pick-?up|pickup": 2,
        r"receipt|faulty|unworn|tags? (?:still )?on": 1,
        r"(?:take|took|taking|bring|brought|hand(?:ed)?|send|sent|post(?:ed)?) (?:it|them) back": 2.5,
        r"handed back|back to (?:the|any|a) (?:shop|store|branch)": 2,
    },
    "packaging": {
        r"packaging|packaged|packed|unboxing|unwrapp(?:ed|ing)": 3,
        r"boxes|box|clamshell|blister(?: pack)?s?|bubble wrap|padding|packets?": 2,
        r"plastic|cardboard|tape|wrapp(?:ed|ing)|label(?:led)?|tear strip|seal(?:ed)?": 1.5,
        r"recycl(?:e|ing|able)|compostable|air pillows|tissue paper|tin": 1,
    },
    "product": {
        r"it works|it does what|built|the product|quality|battery|design(?:ed)?": 1.5,
        r"wore|wear(?:ing)?|used it|use it|lasted|broke|leak(?:ed|ing|s)?|worn out": 1.5,
        r"kettle|vacuum|cooker|boots?|shoes?|jacket|coat|toaster|headphones|mattress": 1,
        r"reviews?|manufacturer|model|every day|weeks? in|months? in": 1,
        r"it (?:does|lifts|boils|works|holds|keeps|cleans|makes|fits|lasts|charges)": 2,
        r"\w+ itself|per charge|battery life|cordless|on offer|fortnight": 2,
        r"(?:i|we) bought (?:a|an|my|our|the)": 1,
    },
    "billing": {
        r"bills?|billed|billing|invoices?|invoiced|statements?": 3,
        r"direct debit|charged|overcharg\w*|fees?|penalty|fined|a fine of": 2.5,
        r"(?:extra|service|monthly|annual|one-off) charges?|charges? (?:on|to|for)": 2,
        r"payments?|paid|pay|tariff|credit|debt|arrears|account balance|price rise": 1.5,
        r"subscription|membership|cancel(?:led)? my|standing order|meter reading": 1.5,
    },
    "repair": {
        r"repairs?|repaired|technician|engineer|mechanic|workshop|garage": 3,
        r"fix(?:ed|ing)?|service cent(?:re|er)|servicing|serviced|spare part|the part": 2,
        r"diagnos\w+|fitted|replaced the|plumber|electrician|MOT|boiler": 2,
        r"warranty|booked (?:it|in)|call-?out|callout|quote": 1,
        r"(?:have|had|get|getting) (?:it|the|my)(?: [\w-]+){0,3} (?:fixed|repaired|serviced|trued|mended|looked at|replaced|rebuilt)": 3,
        r"rebuil[dt]|mended|trued|tuned up|overhaul\w*|spokes?|the job": 1.5,
    },
    "information": {
        r"tracking|tracked|track(?:ing)? page|status": 2,
        r"updates?|notifications?": 1,
        r"timetable|departure board|announcement|signs?|signage|noticeboard": 2.5,
        r"instructions?|manual|leaflet|booklet|label|diagram|guide": 2,
        r"information|informed|kept (?:me|us) (?:informed|updated|posted)|estimated": 2,
        r"gate changes?|platform|screen at the|journey planner|map": 1.5,
        r"the (?:page|screen|status|tracking|app|board|sign|label|website) (?:said|says|showed|read|reads)": 2.5,
    },
}

# Verdict words: pattern -> strength. Positive words count for good
# experiences, negative ones against.
POSITIVE: dict[str, float] = {
    r"helpful|friendly|kind(?:ly|ness)?|polite(?:ly)?|patient(?:ly)?|warm(?:ly)?": 1,
    r"quick(?:ly)?|prompt(?:ly)?|fast|efficient(?:ly)?|straight away|same day": 0.8,
    r"easy|easily|simple|clear|straightforward|smooth(?:ly)?|painless": 1,
    r"sorted|fixed|solved|resolved|put (?:it|things) right|worked first time": 1,
    r"perfect(?:ly)?|exactly right|spot on|works? (?:well|perfectly|fine)": 1.2,
    r"thank(?:s|ed|ful)?|grateful|appreciat\w+|glad|pleased|happy|content": 1,
    r"recommend(?:ed|ing)?|will (?:go|be going) back|going back there|back for": 1.2,
    r"lovely|nice|pleasant|good|great|decent|fair(?:ly)?|honest(?:ly)?|reasonable": 0.7,
    r"apologi[sz]ed|apology|owned up|their mistake|our mistake": 0.8,
    r"on time|when (?:they|he|she) said|as promised|at the time promised": 0.8,
    r"useful|reliable|sensible|thoughtful|considerate|careful(?:ly)?": 0.9,
    r"comfortable|sturdy|well made|solid|fluffy|quiet": 0.7,
    # What helpful people do, told plainly.
    r"answered|picked up|stayed on the line|took the time|walked me|made sure": 0.5,
    r"explained|offered|arranged|set up|found (?:me|us|it|the)|sorted (?:it|that|everything)": 0.5,
    r"within (?:an|the|a few|twenty|ten|five) (?:hour|minutes?)|the same (?:day|afternoon|evening|morning)": 0.6,
    r"love(?:d|ly)?|adore(?:d)?|enjoy(?:ed)?|impress(?:ed|ive)": 1.2,
}
NEGATIVE: dict[str, float] = {
    r"wait(?:ed|ing)? (?:for|on|in|until)|on hold|queue(?:d|ing)|slow(?:ly)?": 0.8,
    r"annoy(?:ed|ing)|irritat\w+|frustrat\w+|tir(?:ed|ing|esome)|fed up": 1,
    r"rude(?:ly)?|dismissive|shrugged|ignored|unanswered|no reply|no answer": 1.2,
    r"refused|rejected|denied|brush-?off|fobbed off|blamed": 1,
    r"confus\w+|unclear|vague|pointless|useless|waste(?:d)?|nonsense": 1.1,
    r"complain\w*|disappoint\w*|upset|angry|cross|fuming|furious|livid": 1.3,
    r"worse|worst|poor(?:ly)?|bad(?:ly)?|awful|terrible|horrible|dreadful": 1.3,
    r"nobody|no one|nothing|never": 0.6,
    r"transferred|passed (?:me )?(?:around|on)|another number|not our department": 1,
    r"absurd|ridiculous|outrage\w*|crime|excessive|over the top|overkill": 1,
    r"stopped (?:recommending|using|working)|unplugged|not (?:fit|good enough)": 1,
    r"(?:again|once more|a second time|a third time)": 0.5,
    r"could have|should have|shouldn't have|would have been": 0.6,
    r"charged (?:me )?twice|overcharged|late fee|threatened": 1,
}
# What went wrong: the trouble that starts many stories, good and bad alike,
# so it counts for less than the writer's own judgement.
PROBLEM: dict[str, float] = {
    r"wait(?:ed|ing)?|queue|delay(?:ed|s)?|late|cancel(?:led|lation)": 0.8,
    r"wrong|broken|broke|faulty|failed|fail(?:s|ure)?|error|crash(?:ed)?": 1,
    r"lost|missing|damaged|cracked|leak\w*|smash\w*|squashed|snapped|split": 1,
    r"declined|locked|expired|blocked|stuck|froze|frozen|died|dead": 1,
    r"mistake|mix-?up|muddle|problem|issue|fault|hassle|bug": 0.6,
    r"blood|dangerous|unsafe|burn(?:t|ed|ing)|smoke|smell(?:ed|s)? of": 1.2,
    r"penalty|fine[ds]?\b|flicker\w*|puddle|rain|soaked|wet": 0.8,
    r"twice|third time|fourth|fifth|seventh|every time": 0.4,
}

# Phrases of an exceptional experience: the company did more than asked.
WOW_MARKERS: dict[str, float] = {
    r"without (?:my|me|us|our|anyone|being) (?:asking|asked|having|filling|chasing|needing|prompting|ringing|calling|lifting)": 2,
    r"without being asked|before i(?:'d)? (?:even )?asked|unprompted": 2,
    r"above and beyond|out of (?:his|her|their|the) way|went the extra mile": 2,
    r"(?:i|we)(?:'ve|'d| have| had)? never (?:had|been|known|seen|owned|felt|met)": 1.5,
    r"best .{0,40}?(?:i(?:'ve| have)? (?:ever|had)|in years|ever)|first time i": 1.5,
    r"before (?:they|i|we|he|she)(?:'d| had)? even|before i(?:'d| had)? finished": 1.2,
    r"for (?:nothing|free)|free of charge|no charge|wouldn't take|would not take": 1.5,
    r"paid for|on the house|at no cost|at their (?:own )?cost|didn't charge|did not charge": 1.2,
    r"saved (?:the|our|my) (?:day|holiday|trip|evening|wedding|weekend|birthday|party)": 1.5,
    r"instead,? (?:they|he|she)|while (?:he|she|they) (?:was|were) at it": 1,
    r"(?:i've|i have|we've|we have) sent .{0,40} (?:there|to them) since|sent (?:my|our) \w+ there": 1,
    r"refused (?:the|my|any) (?:money|tip|payment)|(?:a|any) penny|waived": 1.5,
    r"hand-?written|personally|by name|signed by|a card|a note from": 1,
    r"rang (?:me )?(?:again|back) to check|(?:emailed|wrote|messaged) .{0,20}to (?:check|ask)": 1,
    r"how (?:she|he|they|it) was (?:getting on|doing)|to check (?:on|that|it|whether)": 0.8,
    r"stunned|astonish\w*|amazed|delighted|blown away|cried|made my day": 1.2,
    r"genuinely|remarkabl\w+|extraordinar\w+|exceptional|outstanding|superb": 1,
    r"everyone i know|every(?:one|body) who|tell everyone|told everyone": 1,
    r"(?:came|come) and found me|on my side|treated (?:me )?like|trusted me": 1,
    r"an extra|extra (?:bag|sample|gift)|threw in|tuck(?:ed)? in|as well in case": 1,
    r"offered to (?:drive|post|send|bring|collect|fetch)|drove|fetched": 1,
    r"impressed|thought had gone into|years? later|still (?:wear|use|drink)\w*": 0.8,
}
# Phrases of a failure that lost the customer.
BAD_MARKERS: dict[str, float] = {
    r"(?:i|we) (?:gave|give|have given) up|gave up on|giving up on|never again": 2,
    r"won't be (?:back|using|buying|going)|(?:will|would) not be (?:back|using|buying|going)": 2,
    r"(?:went|took my \w+|go) elsewhere|somewhere else|another (?:shop|firm|company|provider|store)": 1.5,
    r"from (?:another|a different|somebody else|someone else)|switched (?:to|provider|supplier)": 1.5,
    r"never (?:did|came|rang|called|replied|arrived|heard)|still (?:waiting|hasn't|haven't)": 1.8,
    r"formal complaint|ombudsman|chargeback|small claims|trading standards": 1.8,
    r"no (?:one|body) (?:could|would|called|rang|replied)|nobody (?:could|would|called|rang)": 1.2,
    r"lost (?:a|my|their|our) (?:\w+ )?(?:order|custom|business)|lost me": 1.5,
    r"not (?:their|its|our) (?:concern|problem|department)|not our department": 1.2,
    r"failure|disaster|fiasco|nightmare|shambles|farce|useless": 1.2,
    r"furious|fuming|livid|appalled|disgusted|humiliat\w+": 1.2,
    r"(?:left|walked) out|put (?:it|them) back|left (?:the|a|my) (?:trolley|basket)": 1.2,
    r"stopped recommending|went back to (?:\w+ing|using|the old|my old)|that lasted": 1.2,
}
# Phrases of friction without failure: the shrug of a "meh".
MEH_MARKERS: dict[str, float] = {
    r"not (?:a|the) (?:disaster|catastrophe|scandal|tragedy|end of the world)": 1.5,
    r"no (?:real )?harm done|nothing (?:actually )?went wrong|no great (?:\w+)": 1.5,
    r"(?:got there|got it|sorted) (?:eventually|in the end)|eventually|in the end": 0.8,
    r"fine\.|it's fine|was fine|seemed fine|is fine|friendly enough|polite(?:ly)? enough": 1,
    r"a (?:bit|little) (?:\w+ )?(?:tiring|annoying|slow|much)|mildly (?:\w+)": 1,
    r"more (?:time|annoying|tiresome|effort) than|could have been|should have been": 1,
    r"just (?:took|slow|spend|wish|didn't)|i just|it just|wish (?:they|it)": 0.7,
    r"forgotten by|forgettable|nothing special|nothing to write|ordinary": 1,
    r"i get by|get by|muddle|tiresome|tedious|clunky|fiddly": 1,
    r"no (?:enthusiasm|wow)|whether they're any good|couldn't tell you": 1.2,
}

# Praise words that a sarcastic writer throws at a failure.
PRAISE_BURSTS = (
    r"brilliant|marvell?ous|fantastic|great|wonderful|amazing|superb|lovely"
    r"|splendid|perfect|wow|what a treat|oh good|masterpiece|genius|truly|helpful"
)
# Sentences that tell what the customer feared rather than what happened.
EXPECTATION = (
    r"expect\w*|assumed|braced|the usual|prepared for|ready (?:for|to)|half expected"
    r"|feared|dreading|on a whim|at best|i thought i'd"
)
# Words that turn a story from what was feared to what happened.
CONTRAST = r"instead|but then|then|to my surprise|it turned out|in fact|actually"
NEGATORS = r"not|no|never|none|n't|without|hardly|barely|nor|neither"
INTENSIFIERS = r"very|really|so|truly|genuinely|extremely|incredibly|utterly|completely"
SOFTENERS = r"a bit|slightly|somewhat|fairly|quite|rather|mildly|a little"

# Words that often end a company's name.
COMPANY_WORDS = [
    "Air",
    "Airlines",
    "Airways",
    "Appliances",
    "Audio",
    "Bakehouse",
    "Bank",
    "Books",
    "Broadband",
    "Buses",
    "Care",
    "Centre",
    "Ceramiche",
    "Clinic",
    "Co",
    "Company",
    "Couriers",
    "Dental",
    "Direct",
    "Electric",
    "Electrics",
    "Energy",
    "Events",
    "Express",
    "Fitness",
    "Foods",
    "Furniture",
    "Garage",
    "Gas",
    "Group",
    "Hardware",
    "Home",
    "Homes",
    "Hotel",
    "Hotels",
    "Insurance",
    "Lettings",
    "Lighting",
    "Ltd",
    "Market",
    "Mobile",
    "Motors",
    "Mutual",
    "Opticians",
    "Outdoor",
    "Pharmacy",
    "Pizza",
    "Post",
    "Rail",
    "Railways",
    "Seeds",
    "Services",
    "Software",
    "Sofas",
    "Stores",
    "Studio",
    "Supplies",
    "Tea",
    "Telecom",
    "Tolls",
    "Toys",
    "Trains",
    "Travel",
    "Water",
    "Wireless",
]
