# ruff: noqa: E501  (patterns read best on one line each)
"""The words behind tag suggestions: plain data, meant to be read and edited.

Touchpoint cues are words and phrases a customer uses when telling where
something happened ("on hold" happens on the phone, "the courier" in a
delivery). Each has a weight: 3 names the touchpoint outright, 2 points to it
strongly, 1 (or less) is a hint that other places share. Patterns are
regular expressions matched case-insensitively at word boundaries.

Verdict words come in tables that :mod:`.features` counts apart, because
sentiment alone cannot tell "good" from "far beyond expectations":

* ``POSITIVE`` and ``NEGATIVE``: how the writer feels, sentence by sentence;
  ``PROBLEM``: trouble that starts good and bad stories alike (weighs less);
* intensity tiers for the top of the scale: ``WOW_MARKERS`` (deeds beyond
  the call: unasked, unpaid, unexpected), ``CARE_MARKERS`` (attentive
  service, which good and exceptional service share) and ``STRONG_PRAISE``
  (praise at full strength);
* ``BAD_MARKERS``: outcomes that failed the customer (gave up, went
  elsewhere, still waiting, escalated); ``MEH_MARKERS``: friction and
  indifference (fine, I suppose; took three goes); ``RESOLUTION``: trouble
  put right (sorted, refunded, fixed the same day); ``PROPER_SERVICE``:
  the writer's own word that the service was right and no more (nothing
  extraordinary, just doing their job properly), the mark of ``good`` told
  in a story whose deeds might read as ``wow``; ``SARCASM_CUES``:
  praise nobody means ("can't wait to do it again", "thanks for nothing"),
  sarcasm whatever the rest of the story says.

Add general phrases rather than the words of one story: the weights of the
model are fitted to how often each table fires, so a phrase that only one
story uses teaches it nothing. Retrain after editing (see the README).
"""

from __future__ import annotations

__all__ = [
    "BAD_MARKERS",
    "CARE_MARKERS",
    "COMPANY_WORDS",
    "CONTRAST",
    "EXPECTATION",
    "FIRST_NAMES",
    "INTENSIFIERS",
    "MEH_MARKERS",
    "NEGATIVE",
    "NEGATORS",
    "NOT_COMPANIES",
    "PLACES",
    "POSITIVE",
    "PRAISE_BURSTS",
    "PROBLEM",
    "PROPER_SERVICE",
    "RESOLUTION",
    "SARCASM_CUES",
    "SOFTENERS",
    "STRONG_PRAISE",
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
        r"staff member|member of staff|shop staff|stockroom|queue|security guard|in the back|on the floor": 1,
        r"(?:drove|walked|went|popped|nipped|came) (?:\w+ )?(?:in|into|down|over|back) to (?:the|their|a)|tried (?:it|them) on": 1,
        r"(?:into|at) (?:the|their|a|our) (?:shop|store|branch)|in person": 1.5,
        r"chemist|pharmacy|pharmacist|newsagent|butcher'?s?|bakery|greengrocer|salesm[ae]n|saleswoman|salesperson|shopkeeper|in-store|in store": 2,
    },
    "phone": {
        r"on hold|hold music|held for": 3,
        r"rang|ring|rung|ringing|phoned|phoning|called|calling|call(?:s)?": 1.5,
        r"phone|telephone|landline|the line|line went dead|hung up": 2,
        r"call cent(?:re|er)|helpline|hotline|switchboard": 3,
        r"press(?:ed)? (?:\d|one|two|three|four|five|nine)|options? menu|menu options|sub-menu|recorded (?:voice|message)|automated voice": 3,
        r"by phone|over the phone|on the phone|the call|(?:first|second|third|fourth|fifth|next) call|the number": 2,
        r"transferred|put through|voicemail|call-?back|rang back|call me back": 2,
        r"the adviser|an adviser|agent who answered|picked up": 1,
        r"robot (?:lady|voice|man|woman)|automated (?:lady|line|system)|(?:speak|speaking|talk|talking) to (?:a|an) (?:human|real person)|queue position|caller": 2.5,
    },
    "web": {
        r"website|web site|web page|webpage|web form|online form": 3,
        r"browser|log ?in|logged (?:in|out)|password|reset link|account page": 2,
        r"basket|checkout|check out|search box|search results|drop-?down": 2,
        r"the (?:site|page)|their site|product page|booking page|home page": 2,
        r"clicked|click|online|form|error (?:message|page|code)|page not found|filters?|tabs?": 1,
        r"(?:on|through|via) (?:the|their|its) (?:\w+ )?(?:site|website)|booking form|contact form|submit(?:ted)?": 2,
    },
    "app": {
        r"\bapp\b|\bapps\b|the app's|app store": 3,
        r"taps?|tapped|swiped?|push notifications?|update(?:d)? the app": 2,
        r"on my phone|phone screen|home screen|new version|release notes": 1.5,
        r"selfie|fingerprint|face id|passcode|notification|buzzed|downloaded?|install(?:ed|ing)?|screens?": 1,
        r"(?:in|on|through|via) the (?:\w+ )?app|(?:banking|parking|train|gym|delivery) app": 3,
    },
    "email": {
        r"e-?mails?|e-?mailed|emailing|inbox|e-mail": 3,
        r"replied|reply|replies|wrote back|wrote to|subject line|signature": 1.5,
        r"automatic reply|auto-?reply|canned reply|template|enquiry|attachment": 2,
        r"sent (?:them|him|her) (?:a|an) (?:message|note)|cc'd|wrote (?:again|back)|the thread|(?:by|via|in an?) email": 1.5,
        r"(?:their|the) (?:support|help|customer service) (?:address|inbox)|newsletter|mailing list|unsubscribe": 2.5,
    },
    "chat": {
        r"live chat|chat window|chat box|chatbot|chat bot|the chat|web chat": 3,
        r"\bchat\b|chatted|chatting|\bbot\b": 2.5,
        r"whatsapp|messenger|text(?:ed)? messages?|sms|messaging|typing": 3,
        r"sent (?:me )?(?:a |another )?messages?|messaged|photos? (?:of|from)": 1.5,
        r"adviser(?:s)?|agent|pasted|copied and pasted|transcript": 1,
        r"helpdesk bot|virtual assistant|chat assistant|(?:a|the) (?:little )?(?:assistant|bubble|window) popped up|support bot|robot assistant": 3,
    },
    "social": {
        r"instagram|facebook|twitter|tiktok|x\.com|mastodon|linkedin|threads": 3,
        r"social media|tweet(?:ed)?|posted (?:a|on|under)|public(?:ly)? (?:post|reply)": 3,
        r"comments?|followers|hashtag|tagged|\bdm\b|direct message|liked|posted": 2,
        r"their (?:page|account|feed)|official page|posts?|caption|story|in public|publicly": 1,
        r"(?:left|wrote|posted) (?:a|my) (?:review|comment)|(?:replied|reply) (?:under|underneath|below)|underneath (?:my|the)": 2,
    },
    "delivery": {
        r"courier|delivery (?:driver|men|man|team|crew|slot|window)|the driver|delivery van|the van|out for delivery": 3,
        r"deliver(?:y|ed|ies|ing)?|parcels?|doorstep|safe place|neighbou?r": 2,
        r"dispatch(?:ed)?|shipping|shipped|postman|rider|porch|kerbside|carried it": 2,
        r"arrived|turned up|left it|signed for|knock(?:ed)?|doorbell|front door|carried|(?:the|a) slot": 1,
        r"postie|delivery (?:guy|lad|bloke|person|people|woman|van)|(?:lad|man|guy|bloke|woman) (?:in|from|with) the van|van driver|dropped (?:it|them|the \w+) off": 2.5,
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
        r"clamshell|blister(?: pack| strip)?s?|bubble wrap|padding|packets?|padded (?:bag|envelope)|carton|wrapper|jar|lid": 2,
        r"boxes|box|envelope|bag|pouch|printed (?:on|over|inside)|tear|peel": 1,
        r"open(?:ed|ing|s)? (?:the|it|them) (?:box|bag|parcel|packet|lid|pack)|(?:hard|impossible) to open": 1.5,
        r"plastic|cardboard|tape|wrapp(?:ed|ing)|label(?:led)?|tear strip|seal(?:ed)?": 1.5,
        r"recycl(?:e|ing|able)|compostable|air pillows|tissue paper|tin": 1,
    },
    "product": {
        r"it works|it does what|built|the product|quality|battery|design(?:ed)?": 1.5,
        r"wore|wear(?:ing)?|used it|use it|lasted|broke|leak(?:ed|ing|s)?|worn out": 1.5,
        r"kettle|vacuum|cooker|boots?|shoes?|jacket|coat|toaster|headphones|earbuds|mattress|blender": 0.5,
        r"(?:weeks?|months?|years?) (?:in|later|of (?:use|wear|walking|weekend))|after (?:two|three|six|a few) (?:weeks|months|years)|still (?:works|going|waterproof)": 2,
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
        r"warranty|booked (?:it|in)|call-?out|callout|quote|new (?:battery|screen|seal|part)|the (?:battery|seal|pump)": 1,
        r"(?:took|dropped|brought|sent|booked) (?:it|my \w+|the \w+|our \w+) (?:in|off|to \w+)(?: \w+)? for (?:a|an|its|the) (?:\w+ )?(?:service|repair|check|battery|new)": 3,
        r"(?:have|had|get|getting) (?:it|the|my)(?: [\w-]+){0,3} (?:fixed|repaired|serviced|trued|mended|looked at|replaced|rebuilt)": 3,
        r"rebuil[dt]|mended|trued|tuned up|overhaul\w*|spokes?|the job": 1.5,
    },
    "information": {
        r"tracking|tracked|status": 2,
        r"track(?:ing)? (?:page|number|link|said|showed|updated|told)|the tracking|(?:the|a) (?:board|leaflet|timetable|tracking page) (?:said|told|showed)": 3,
        r"updates?|notifications?": 1,
        r"timetable|departure board|announcement|signs?|signage|noticeboard": 2.5,
        r"instructions?|manual|leaflet|booklet|label|diagram|guide": 2,
        r"information|informed|kept (?:me|us) (?:informed|updated|posted)|estimated": 2,
        r"gate changes?|platform|screen at the|journey planner|map": 1.5,
        r"the (?:page|screen|status|tracking|app|board|sign|label|website) (?:said|says|showed|read|reads)": 2.5,
    },
}

# Verdict words. Each table maps a pattern to a strength; the features of
# :mod:`.features` count them by where they stand in a story.
#
# General polarity: how the writer feels, sentence by sentence.
POSITIVE: dict[str, float] = {
    r"helpful|friendly|kind(?:ly|ness)?|polite(?:ly)?|patient(?:ly)?|warm(?:ly)?|courteous|cheerful": 1,
    r"quick(?:ly)?|prompt(?:ly)?|fast|efficient(?:ly)?|straight away|swift(?:ly)?|speedy": 0.8,
    r"easy|easily|simple|clear(?:ly)?|straightforward|smooth(?:ly)?|painless|hassle-free|effortless(?:ly)?": 1,
    r"perfect(?:ly)?|exactly right|spot on|works? (?:well|perfectly|fine|beautifully)|worked first time": 1.2,
    r"thank(?:s|ed|ful)?|grateful|appreciat\w+|glad|pleased|happy|satisfied|relieved": 1,
    r"recommend(?:ed|ing)?|(?:will|would|i'll|i'd|we'll|we'd) (?:go|be going|book|order|buy|use) (?:\w+ )?again|going back|back for more": 1.2,
    r"lovely|nice|pleasant|good|great|decent|fair(?:ly)?|honest(?:ly)?|reasonable|sensible|solid": 0.7,
    r"on time|as promised|as (?:they|he|she|it) said|when (?:they|he|she) said|at the time promised|in the slot": 0.8,
    r"useful|reliable|thoughtful|considerate|careful(?:ly)?|attentive|knowledgeable|competent|professional": 0.9,
    r"comfortable|sturdy|well made|well-made|durable|quiet|intact|undamaged": 0.7,
    r"answered|picked up|took the time|walked me|made sure|listened|explained|understood": 0.5,
    r"offered|arranged|found (?:me|us|it|the)|checked|confirmed|kept (?:me|us) (?:informed|updated|posted)": 0.4,
    r"love(?:d|ly)?|adore(?:d)?|enjoy(?:ed|able)?|impress(?:ed|ive)|excellent|delight(?:ed|ful)?": 1.2,
    r"no (?:fuss|problems?|complaints?|issues?|surprises|drama|hassle)|nothing (?:went )?wrong|not a (?:single )?(?:problem|scratch|mark)": 1,
    r"to (?:their|his|her) credit|credit where|fair play|well done|hats off": 1,
    r"exactly what (?:i|we) (?:needed|wanted|ordered|asked for)|(?:did|does) what (?:it|they|he|she) said|as expected|happy with|(?:can't|cannot|couldn't) complain": 1,
}
NEGATIVE: dict[str, float] = {
    r"wait(?:ed|ing)? (?:for|on|in|until|ages|hours|weeks)|on hold|queue(?:d|ing)|slow(?:ly)?|sluggish": 0.8,
    r"annoy(?:ed|ing|ance)|irritat\w+|frustrat\w+|tir(?:ed|ing|esome)|fed up|exasperat\w+": 1,
    r"rude(?:ly)?|dismissive|shrugged|ignored|unanswered|no reply|no answer|no response|unhelpful|curt|sharp(?:ly)?": 1.2,
    r"refused|rejected|denied|declined|brush-?off|fobbed off|blamed|won't|wouldn't|couldn't help|can't help": 0.9,
    r"confus\w+|unclear|vague|pointless|useless|waste(?:d)?|nonsense|baffl\w+|incomprehensible": 1.1,
    r"complain\w*|disappoint\w*|upset|angry|cross|fuming|furious|livid|unhappy|not happy|stressed|worried": 1.3,
    r"worse|worst|poor(?:ly)?|bad(?:ly)?|awful|terrible|horrible|dreadful|appalling|shocking|abysmal|pathetic": 1.3,
    r"nobody|no one": 0.6,
    r"transferred|passed (?:me )?(?:around|on)|another number|not our department|round in circles|going in circles": 1,
    r"absurd|ridiculous|outrage\w*|crime|excessive|over the top|overkill|unreasonable|unacceptable": 1,
    r"stopped (?:recommending|using|working|charging|cooling|heating|draining|responding)|not (?:fit|good enough)|gone wrong|went wrong": 1,
    r"(?:once more|a second time|a third time|yet another|all over again)": 0.5,
    r"could have|should have|shouldn't have|would have been|should not have": 0.6,
    r"charged (?:me )?twice|overcharged|late fee|threatened|penalt(?:y|ies)|fine(?:d)? me": 1,
    r"hung up|cut off|vanished|disappeared": 0.6,
}
# What went wrong: the trouble that starts many stories, good and bad alike,
# so it counts for less than the writer's own judgement.
PROBLEM: dict[str, float] = {
    r"wait(?:ed|ing)?|queue|delay(?:ed|s)?|late|cancel(?:led|lation)": 0.8,
    r"wrong|broken|broke|faulty|failed|fail(?:s|ure)?|error|crash(?:ed)?": 1,
    r"lost|missing|damaged|cracked|leak\w*|smash\w*|squashed|snapped|split|crushed|dented": 1,
    r"declined|locked|expired|blocked|stuck|froze|frozen|died|dead": 1,
    r"mistake|mix-?up|muddle|problem|issue|fault|hassle|bug|glitch": 0.6,
    r"dangerous|unsafe|burn(?:t|ed|ing)|smoke|smell(?:ed|s)? of": 1.2,
    r"soaked|wet|damp": 0.8,
    r"twice|third time|fourth|fifth|every time": 0.4,
}

# Deeds of an exceptional experience: the company did more than was asked,
# before it was asked, or something nobody expected.
WOW_MARKERS: dict[str, float] = {
    r"without (?:my|me|us|our|anyone|being|even being) (?:asking|asked|having|needing|prompting|chasing|mentioning)": 2,
    r"without being asked|before i(?:'d| had)? (?:even )?(?:asked|noticed|thought)|unprompted|unasked|of (?:his|her|their) own accord": 2,
    r"(?:i|we) (?:hadn't|had not|didn't|did not|never) (?:even )?(?:asked|ask|noticed|notice|mentioned|mention)": 1.5,
    r"above and beyond|out of (?:his|her|their|the|its) way|(?:the|an) extra mile|more than (?:i|we) (?:asked|expected|paid)": 2,
    r"(?:i|we)(?:'ve|'d| have| had)? never (?:had|been|known|felt)|(?:i|we)(?:'ve|'d| have| had)? never (?:seen|met) (?:such|anything|anyone|better|that (?:kind|level))|(?:no|none of the) (?:other )?(?:company|shop|firm|\w+) (?:has |had |have )?ever": 1.5,
    r"first time (?:i|we|a|any)|for the first time|didn't know (?:\w+ )?(?:could|did|would)": 1.2,
    r"for free|free of charge|no charge|at no (?:extra )?cost|at their (?:own )?cost|on the house|waived": 1.5,
    r"(?:wouldn't|would not|refused to|didn't|did not) (?:take|accept) (?:a |any |my )?(?:money|tip|payment|penny)|(?:didn't|did not|wouldn't) charge|charged (?:me |us )?(?:only|just|nothing)": 1.5,
    r"saved (?:the|our|my) (?:day|holiday|trip|evening|wedding|weekend|birthday|party)": 1.5,
    r"(?:rang|called|phoned|emailed|wrote|messaged|texted|came back) (?:me |us )?(?:again |back )?to (?:check|ask|see|make sure)|to check (?:on|how)|how (?:she|he|they|we|i) (?:was|were) (?:getting on|doing)": 1.2,
    r"did it anyway|better than (?:new|when (?:i|we) bought)|better than (?:i|we) (?:expected|hoped)|exceeded": 0.8,
    r"(?:i've|we've|i have|we have) (?:been back|gone back|sent|recommended|bought) .{0,40}since|ever since": 0.8,
    r"(?:hadn't|had not|didn't|did not|never|wasn't|was not) (?:\w+ )?expect(?:ed|ing)? (?:a|an|that|them|him|her|anyone|anything|any)|beyond (?:my|our|what)|more than (?:i|we) (?:could|would) have": 1.2,
    r"before (?:anything|it) (?:went|could go|had gone) wrong|came looking for|(?:a|an|their|the) (?:free|complimentary) (?:\w+ )?(?:visit|upgrade|replacement|repair|check|service)": 1.2,
    r"(?:a )?lifesaver|saved me (?:a fortune|a lot|from|hours|days)|over the moon|made (?:my|our) (?:day|week|month)|don't (?:really )?have the words": 1.2,
    r"(?:didn't|did not|never) know (?:\w+ ){0,3}(?:could|did|would|was possible)|to my (?:surprise|amazement|astonishment)|unheard of|who does that": 1.2,
    r"(?:only|just) (?:charged|paid|billed) (?:\w+ ){0,2}for the (?:part|parts|materials)|charged (?:\w+ ){0,2}for the (?:part|parts) only|(?:let|told) (?:me|us) (?:keep|to keep)|no need to (?:send|return|bring) it back|not to bother (?:sending|returning)": 1.5,
    r"stayed (?:late|behind|after (?:closing|hours|work)|on after)|(?:on|in on) (?:his|her|their) day off|came in early|the owner (?:himself|herself)": 1.2,
    r"(?:i've|we've|i have|we have) (?:since )?(?:been back|bought|ordered|booked|returned) (?:\w+ ){0,3}(?:since|times|more|again)|(?:been|gone) back (?:every|each) (?:week|month|year)": 1,
    r"went (?:out of (?:his|her|their|the|its) way|the extra mile|above and beyond)|bent over backwards|pulled out all the stops|couldn't do enough": 2,
    r"(?:called|rang|phoned|emailed|wrote to) (?:me|us) (?:back )?(?:personally|himself|herself|themselves)|(?:his|her|their) (?:own|direct|personal) (?:number|extension|mobile|email)": 1.5,
    r"upgraded (?:me|us|it)(?: \w+){0,3} (?:for free|free|at no)|(?:free|complimentary) upgrade|waived (?:the|my|our|a|all)|wrote off|(?:let|gave) (?:me|us) (?:off|it free)": 1.5,
    r"(?:didn't|did not|never) even know (?:that )?(?:was|were|it was) (?:a thing|possible|covered|included)|made (?:a|an|the) exception|bent the rules": 1.2,
    r"(?:i'm|i am|we're|we are) (?:a |now a )?(?:customer|fan) for life|(?:have|I've|we've) since recommended|(?:i|we) (?:tell|told) everyone": 1.2,
}
# Attentive deeds: care that good service shows and exceptional service
# shows more of; weaker than the markers above, and counted apart.
CARE_MARKERS: dict[str, float] = {
    r"offered to (?:\w+)|insisted on|came (?:and|to) (?:found|find) me|(?:personally )?(?:drove|walked|carried) (?:it|them|me|us) (?:over|round|up|all the way)": 1,
    r"threw in|tucked in|as well,? in case|in case (?:i|we|it)|a spare|(?:an|one) extra|keep (?:it|the|them)": 0.8,
    r"(?:he|she|they) (?:even|also) (?:\w+)|(?:even|also) (?:remembered|noticed|spotted|translated|cleaned|fixed|added|sent|rang|called|wrote)": 0.8,
    r"remembered (?:my|our|me|us|the)|noticed (?:that|my|our|i|we)|spotted (?:that|my|our)": 0.8,
    r"(?:voucher|gift|discount|goodwill (?:payment|gesture)|compensation) (?:for the (?:trouble|inconvenience|wait))?|for the trouble|for the inconvenience": 0.7,
    r"hand-?written (?:note|card|letter|message|label|map)|personally|by name|signed by (?:the|every|all|him|her)|a (?:handwritten )?(?:card|note) (?:from|saying)": 1,
    r"(?:had|has) already (?:\w+ed)|before (?:i|we) (?:even|had|'d) (?:asked|noticed|opened|rung|called|got)": 1,
    r"explained (?:why|what|how|that|everything)|took the time|made sure|double-checked|talked me through|walked me through": 0.8,
}
# Feelings of an exceptional experience: praise at full strength.
STRONG_PRAISE: dict[str, float] = {
    r"amazing|amazed|incredibl[ey]|extraordinar(?:y|ily)|exceptional(?:ly)?|outstanding|phenomenal": 1,
    r"superb|brilliant|wonderful|fantastic|remarkabl[ey]|marvell?ous|magic(?:al)?|stellar|faultless|flawless": 1,
    r"astonish\w*|stunned|blown away|delighted|thrilled|overwhelmed|speechless|gobsmacked": 1.2,
    r"best (?:\w+ )?(?:i(?:'ve| have)? ever|ever|anywhere|in years|by far|i've had)|ever (?:had|bought|owned|met|seen)": 1.5,
    r"(?:can't|couldn't|could not|cannot) (?:believe|praise|recommend|thank) (?:\w+ )?(?:enough|highly enough)?": 1.2,
    r"cried|in tears|tears|made my (?:day|week|year)|lump in my throat|hugged": 1.2,
    r"(?:have )?kept (?:that|the|his|her|their) (?:email|note|card|letter|message)": 1,
    r"tell(?:ing)? (?:everyone|anyone who)|told everyone|every(?:one|body) i know|customer for life|for life": 1,
    r"bowled over|couldn't have asked for more|beyond (?:my|our) expectations|exceeded (?:my|our|all) expectations": 1.5,
}
# Resolution: the trouble was put right, which outweighs the trouble told.
RESOLUTION: dict[str, float] = {
    r"sorted (?:it|out|that|everything|the)|sorted\.|all sorted|got (?:it )?sorted|(?:was|were) sorted": 1,
    r"fixed (?:it|the|that)|resolved|solved|put (?:it|things|everything) right|made (?:it|things) right": 1,
    r"refunded|refund (?:came|arrived|was|reached|went)|(?:money|it) (?:was )?back in|back in my account|credited": 1,
    r"(?:was|were) back (?:on|up|working)|working again|as good as new|good as new|unblocked|restored": 1,
    r"apologi[sz]ed|apology|owned up|their mistake|our mistake|to (?:their|his|her) credit|handled (?:it )?(?:well|properly)": 0.7,
    r"(?:the )?next (?:morning|day|afternoon)|same day|within (?:the|an|a few|minutes|hours|ten|twenty)|there and then": 0.5,
}
# Service as it should be, said in so many words: good, not exceptional.
PROPER_SERVICE: dict[str, float] = {
    r"nothing (?:extraordinary|amazing|spectacular|fancy|flashy|dramatic|remarkable|exceptional|magical|earth-shattering|life-changing)|not (?:earth-shattering|life-changing|(?:a )?miracle|rocket science|extraordinary|spectacular)": 1.5,
    r"(?:just|simply|only) (?:\w+ ){0,2}doing (?:their|his|her|its) jobs?|doing (?:their|his|her|its) jobs? (?:properly|well|right|as (?:they|he|she|it) should)|(?:did|does|do) (?:their|his|her|its) jobs? (?:properly|well|right)": 1.5,
    r"(?:exactly |just )?(?:what|how) (?:a|an|the) (?:\w+ ){1,2}should be|as (?:it|they|things|service) should be|(?:all|everything) done properly": 1.2,
    r"(?:it's|it is|that's|that is) (?:only )?a small thing|(?:that's|that is) all (?:i|we|anyone) (?:really )?(?:want|ask|need)|(?:no|nothing) (?:more|less),? (?:no|nothing) (?:more|less)": 1.2,
    r"(?:hard|difficult) to (?:find )?(?:anything|much) to (?:grumble|complain|moan|fault)|(?:no|nothing to) (?:grumbles?|complaints?) (?:from (?:me|us|our side))": 1,
}
# Outcomes that failed the customer: they left, gave up, escalated, lost.
BAD_MARKERS: dict[str, float] = {
    r"(?:i|we) (?:gave|give|have given) up|gave up on|giving up on|never again|i'm done|we're done|last time": 2,
    r"(?:won't|will not|wouldn't|would not|never) (?:be )?(?:back|using|buying|going|ordering|booking|return(?:ing)?|recommend(?:ing)?|shop(?:ping)?|buy|order|use|go|book|hold|trust|touch)": 1.8,
    r"(?:went|take|took|taking|go|going|gone) (?:\w+ )?(?:elsewhere|somewhere else)|another (?:shop|firm|company|provider|store|airline|brand|bank|supplier)": 1.5,
    r"switched (?:to|provider|supplier|banks?)|gone back to|went back to (?:my old|the old|wired|paper|cash)|moved (?:my|our) (?:account|business)": 1.5,
    r"cancel(?:led|ling)? (?:my|our|the) (?:order|contract|membership|subscription|account|booking)|closed (?:my|our) account|deleted (?:it|the app|my account)": 1.5,
    r"never (?:did|came|rang|called|replied|arrived|heard|answered|turned up|got)|still (?:waiting|hasn't|haven't|hasn't|no|want|not)|heard nothing|no word": 1.8,
    r"formal complaint|ombudsman|chargeback|small claims|trading standards|regulator|(?:disputed?|raised|filed) (?:it |a \w+ )?with (?:my|the) (?:bank|card provider)|appeals? service|solicitor": 1.8,
    r"lost (?:a|my|their|our) (?:\w+ )?(?:order|custom|business|money|deposit)|lost me|out of pocket|down the drain": 1.5,
    r"not (?:their|its|our|my) (?:concern|problem|department|responsibility)|nobody's|no one's|not allowed to": 1.2,
    r"failure|disaster|fiasco|nightmare|shambles|farce|joke|scam|con|rip-?off|avoid (?:them|this (?:company|shop|firm|place|app)|at all costs)|steer clear|don't bother": 1.2,
    r"furious|fuming|livid|appalled|disgusted|humiliat\w+|insult\w*|shocked|outraged": 1.2,
    r"(?:left|walked) out|put (?:it|them) back|left (?:the|my|a) (?:trolley|basket|shopping)|left (?:it|them|the \w+) (?:on|at) the (?:counter|till|desk|shelf)": 1.2,
    r"rejected (?:my|the|our) (?:claim|appeal|refund|request)|declined (?:a|my|the) (?:refund|replacement|claim)|refused (?:a|to|my)": 1.5,
    r"(?:claim|refund|appeal|request|complaint|return) (?:was |has been |had been )?(?:refused|rejected|declined|denied|turned down)": 1.5,
    r"stopped recommending|that lasted|(?:my|our) own money|had to pay (?:again|twice)|paid (?:again|twice)": 1.2,
    r"(?:no one|nobody) (?:ever )?(?:called|came|answered|rang|replied|got back|turned up|showed|bothered|cared)": 1.5,
    r"(?:didn't|did not|doesn't|does not|hasn't|has not|haven't) (?:even )?(?:arrive|come|turn up|show up|work|help|call|ring|reply|answer|bother|care|listen|apologi[sz]e)": 1.2,
    r"left (?:me|us) (?:without|with no|waiting|stranded|out of pocket|in the dark|to (?:sort|deal|find))|(?:start|started|do|did) (?:it )?(?:all )?(?:over again|from scratch)|back to square one": 1.5,
    r"(?:wasted|lost) (?:a|an|the|my|our|two|three|four|five|half a|\w+) (?:whole )?(?:day|days|hours?|morning|afternoon|evening|weekend|week)": 1.5,
    r"no apology|without (?:an|any|a word of) apology|excuses?|passed the buck|(?:misled|misleading|lied to|false promise)": 1.2,
    r"(?:one|1|zero|0) stars?|(?:bad|terrible|awful|worst|poor) (?:service|experience|customer service)": 1.5,
    r"(?:broke|stopped working|fell apart|gave out|died|failed) (?:after|within|in) (?:a|an|two|three|four|five|six|\d+|the first)": 1.5,
    r"(?:still )?(?:doesn't|does not|won't|will not) (?:work|turn on|charge|close|fit)|overpriced|rip(?:ped)? off": 1.2,
    r"unsubscribed|uninstalled|(?:closed|cancelled) (?:it|the account|the card)|took (?:my|our) (?:business|money|custom)": 1.5,
    r"(?:switch|switching|switched|move|moving|moved|leave|leaving|left) (?:to )?(?:another |a new |my |our )?(?:provider|supplier|bank|network|energy company|insurer|broadband|contract)": 1.5,
    r"(?:won't|will not|never) be (?:a|another) (?:next|second)|(?:last|final) straw|enough is enough|never (?:using|buying from|ordering from|going to) (?:them|it|that|\w+) again": 1.8,
    r"refuse[ds]? to (?:cancel|refund|accept|help|pay|replace|fix|take|listen|admit|apologi[sz]e)|(?:would|will) not (?:refund|replace|cancel|accept)": 1.5,
    r"(?:i'm|we're|i am|we are) (?:now )?out (?:of pocket|£?\d+|\w+ (?:pounds|euros|dollars|quid))|promised (?:to )?.{0,40}(?:but|and) (?:never|didn't|did not|nothing)": 1.5,
    r"(?:case|ticket|complaint) (?:is |was )?closed|(?:no|zero) (?:corrected|refund|reply|response|resolution|progress)|(?:filed|raised|opened) a (?:dispute|complaint|chargeback)": 1.5,
    r"nobody (?:has )?(?:called|commented|replied|rang|answered|responded|fixed|helped)|(?:everyone|they all) (?:just )?(?:reads?|points?|passe?s?|blames?)": 1.5,
}
# Friction without failure, and indifference: the shrug of a "meh".
MEH_MARKERS: dict[str, float] = {
    r"not (?:a|the) (?:disaster|catastrophe|scandal|tragedy|end of the world|crime of the century)": 1.5,
    r"no (?:real )?harm done|nothing (?:actually |really )?went wrong|no great (?:\w+)|nothing terrible": 1.5,
    r"(?:got there|got it|sorted|came right|job done) (?:eventually|in the end)|eventually|in the end|after a while|at last": 0.8,
    r"fine\.|it's fine|was fine|seemed fine|is fine|(?:friendly|polite|nice|sturdy|good|well|quick) enough|okay|ok\b|alright|all right": 1,
    r"a (?:bit|little) (?:\w+ )?(?:tiring|annoying|slow|much|louder|clunky|fiddly)|mildly (?:\w+)": 0.7,
    r"more (?:time|annoying|tiresome|effort|work|hassle) than|could have been|should have been|shouldn't have (?:had|needed) to": 1,
    r"(?:i|it|they) just|just (?:a|another|costs|took|slow|feels|wish)|i wish|wish (?:they|it|i)": 0.7,
    r"forgotten|forgettable|nothing special|nothing to (?:write|rave|shout)|ordinary|unremarkable|average|mediocre|so-so|middling": 1.2,
    r"get by|muddle|tiresome|tedious|clunky|fiddly|faff|chore|sigh|shrug\w*|meh": 1,
    r"no (?:enthusiasm|wow)|couldn't tell you|(?:wasn't|not|didn't) (?:\w+ )?(?:impressed|thrilled|excited|bowled over)|underwhelm\w*": 1.2,
    r"(?:isn't|wasn't|not) worth (?:a )?(?:complain\w*|complaint|the (?:effort|bother|fuss))|(?:wouldn't|would not) call it (?:bad|good)|(?:didn't|did not) hate": 1.5,
    r"i suppose|i guess|fair enough|could be worse|somewhere in (?:the )?(?:middle|between)|mixed feelings|grudging\w*|not especially|not particularly": 1.2,
    r"(?:does|did) (?:the job|what it says)|it works|it's a \w+ that|(?:i'd|i would|i'll) probably|there's nowhere else|i'll keep": 0.8,
    r"took (?:ages|a while|forever|longer than|far longer|more (?:time|effort|calls))|longer than (?:it )?(?:should|needed)|(?:two|three|four|several) (?:goes|attempts|tries)": 1,
    r"nothing (?:more|else)(?: to say)?,? (?:nothing less|really)|not (?:bad|terrible|awful),? (?:not|but not) (?:good|great)|neither (?:good|great) nor": 1.5,
    r"not (?:great|brilliant|ideal|perfect)|could (?:do|have done) better|room for improvement|a (?:small|minor) (?:gripe|grumble|niggle|annoyance)": 1,
    r"would have (?:made (?:all|a|the) difference|been nice|helped|been better)|wouldn't have hurt|(?:it'll|it will) do|serviceable|adequate|passable|hardly a scandal": 1.2,
    r"(?:i'm )?not complaining,? but|can't complain,? but|(?:wouldn't|would not) (?:warn|put) (?:anyone|people) off|(?:nor|or) recommend\w*|not recommending": 1.2,
    r"(?:i'd|i would|we'd|we would) have liked|better than nothing|a bit of a (?:waste|faff|pain|let-?down|slog|wait)|hard to feel (?:good|excited|warm)|not going to lose sleep": 1.2,
    r"(?:had|have|having) to (?:chase|ring back|call back|ask again|follow up|remind)|chas(?:e|ed|ing) (?:it|them|him|her) up|a (?:bit|little) of a (?:faff|palaver|runaround)": 1,
    r"took (?:a (?:while|bit)|some time|a few (?:days|goes|tries|weeks))|not the (?:quickest|fastest|smoothest|easiest)|(?:slightly|a bit|a little) (?:long|slow|late|awkward|confusing)": 1,
    r"does the job|gets the job done|nothing to write home about|no frills|bog-?standard|par for the course|as (?:you'd|you would|one would) expect|much as expected": 1.2,
    r"(?:wasn't|was not|isn't|is not) (?:bad|terrible|awful|the worst)|(?:fine|okay|ok|decent),? (?:i suppose|i guess|really|overall)|mixed bag|hit and miss|swings and roundabouts": 1.2,
}

# Praise words that a sarcastic writer throws at a failure.
PRAISE_BURSTS = (
    r"brilliant|marvell?ous|fantastic|great|wonderful|amazing|superb|lovely"
    r"|splendid|perfect|wow|what a treat|oh good|masterpiece|genius|truly|helpful"
    r"|excellent|reasonable|top marks|such a|so much|absolutely"
)
# Sentences that tell what the customer feared rather than what happened.
EXPECTATION = (
    r"expect\w*|assumed|braced|the usual|prepared for|ready (?:for|to)|half expected"
    r"|feared|dreading|on a whim|at best|i thought i'd|convinced|imagining|nervous|terrified"
)
# Words that turn a story from what was feared to what happened.
CONTRAST = r"instead|but then|then|to my surprise|it turned out|in fact|actually"
# Sarcasm that needs no context: praise that no one means.
SARCASM_CUES = (
    r"can't wait to (?:do (?:it|that|this) again|go through|repeat)|thanks for nothing|cheers for that"
    r"|(?:oh )?joy of joys|what (?:a|an) (?:joy|treat|delight) (?:that|it) was|lucky (?:me|us)|slow clap"
    r"|said no one ever|how (?:very )?(?:kind|thoughtful|generous) of them|kindly (?:provided|given|gifted)"
    r"|really (?:delighted|thrilled|pleased) with how (?:that|it) went|another triumph|top work,? (?:everyone|team)"
    r"|(?:reassuring|comforting) the (?:first|second|third|\w+) (?:\w+ )?times?|well done,? (?:everyone|team)\W*$"
)
NEGATORS = r"not|no|never|none|n't|without|hardly|barely|nor|neither"
INTENSIFIERS = (
    r"very|really|so|truly|genuinely|extremely|incredibly|utterly|completely"
    r"|remarkably|exceptionally|unbelievably|wonderfully|thoroughly|hugely"
)
SOFTENERS = (
    r"a bit|slightly|somewhat|fairly|quite|rather|mildly|a little|reasonably"
    r"|pretty|more or less|mostly|just about|okay-ish|adequately"
)

# Words that often end a company's name.
COMPANY_WORDS = [
    "Air",
    "Airline",
    "Airlines",
    "Airways",
    "Apparel",
    "Appliances",
    "Architects",
    "Associates",
    "Audio",
    "Auto",
    "Autos",
    "Bags",
    "Bakehouse",
    "Bakery",
    "Bakes",
    "Bank",
    "Beauty",
    "Beds",
    "Bikes",
    "Bistro",
    "Books",
    "Boutique",
    "Brewery",
    "Broadband",
    "Builders",
    "Building",
    "Buses",
    "Cafe",
    "Café",
    "Camping",
    "Care",
    "Carpets",
    "Cars",
    "Centre",
    "Ceramiche",
    "Ceramics",
    "Chemists",
    "Cinema",
    "Cleaners",
    "Clinic",
    "Clothing",
    "Co",
    "Coffee",
    "Collective",
    "Communications",
    "Company",
    "Construction",
    "Cookware",
    "Corp",
    "Corporation",
    "Cosmetics",
    "Council",
    "Couriers",
    "Credit",
    "Cycles",
    "Dairy",
    "Daughters",
    "Decorating",
    "Deli",
    "Delivery",
    "Dental",
    "Dentist",
    "Dentists",
    "Designs",
    "Digital",
    "Direct",
    "Distillery",
    "Eats",
    "Electric",
    "Electricals",
    "Electrics",
    "Electronics",
    "Energy",
    "Engineering",
    "Estates",
    "Events",
    "Express",
    "Eyewear",
    "Fabrics",
    "Farm",
    "Fashion",
    "Ferries",
    "Fiber",
    "Fibre",
    "Finance",
    "Financial",
    "Fitness",
    "Florist",
    "Florists",
    "Flowers",
    "Foods",
    "Footwear",
    "Foundation",
    "Furniture",
    "Gallery",
    "Garage",
    "Garden",
    "Gardens",
    "Gas",
    "Gear",
    "Gifts",
    "Goods",
    "Group",
    "Gym",
    "Hardware",
    "Health",
    "Healthcare",
    "Heating",
    "Hire",
    "Holdings",
    "Home",
    "Homes",
    "Hospital",
    "Hotel",
    "Hotels",
    "Housing",
    "Inc",
    "Insurance",
    "Interiors",
    "Jewellers",
    "Jewelry",
    "Kitchen",
    "Kitchens",
    "Knitwear",
    "Labs",
    "Laundry",
    "Legal",
    "Leisure",
    "Lettings",
    "Library",
    "Life",
    "Lighting",
    "Limited",
    "Living",
    "Lodge",
    "Logistics",
    "Ltd",
    "Management",
    "Market",
    "Media",
    "Medical",
    "Mobile",
    "Mobiles",
    "Motors",
    "Mutual",
    "Networks",
    "Nursery",
    "Optical",
    "Opticians",
    "Outdoor",
    "Outdoors",
    "Outfitters",
    "Paints",
    "Parcels",
    "Parking",
    "Partners",
    "Pets",
    "Pharmacy",
    "Pizza",
    "Plumbing",
    "Post",
    "Power",
    "Press",
    "Print",
    "Properties",
    "Property",
    "Rail",
    "Railways",
    "Realty",
    "Removals",
    "Rentals",
    "Repairs",
    "Restaurant",
    "Salon",
    "Seeds",
    "Services",
    "Shoes",
    "Shop",
    "Sleep",
    "Society",
    "Sofas",
    "Software",
    "Solutions",
    "Sons",
    "Spa",
    "Sport",
    "Sports",
    "Store",
    "Stores",
    "Studio",
    "Supplies",
    "Surgery",
    "Systems",
    "Tailors",
    "Taxis",
    "Tea",
    "Tech",
    "Technologies",
    "Telco",
    "Telecom",
    "Theatre",
    "Threads",
    "Tickets",
    "Tiles",
    "Tolls",
    "Toys",
    "Trading",
    "Trains",
    "Transport",
    "Travel",
    "Trust",
    "Tyres",
    "Union",
    "Vets",
    "Water",
    "Wear",
    "Wellness",
    "Wines",
    "Wireless",
    "Works",
    "Workshop",
]

# Company names --------------------------------------------------------------


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Capitalised words that are never a company on their own: function words,
# sentence openers, days and months, titles and headings a blog capitalises,
# channels and devices people use to reach a company, file and tech words,
# product tiers. Matched in lower case; :mod:`.companies` drops them from the
# edges of a name and rejects a name made only of them.
NOT_COMPANIES = _word_set(
    """
    i i'm i'd i've i'll im id ive the a an my our your we they he she it its his her their
    this that these those then when where what why how who whom which whose there here so but
    and or nor on in at after before by for if not no yes one two three four five six seven
    eight nine ten eleven twelve twenty thirty forty fifty hundred thousand first second third
    fourth fifth last next also once while within about above below again even just now later
    still since as all every some each nothing nobody anyone anybody someone somebody everyone
    everybody everything something anything anyway instead meanwhile however although though
    because until unless whether with without from into onto over under up down out off to of
    do did does done don't didn't doesn't can can't could couldn't would wouldn't should
    shouldn't will won't was wasn't were weren't is isn't are aren't be been being have has had
    hadn't haven't hasn't let let's get got go went come came make made take took give gave
    say said tell told ask asked see saw look looked know knew think thought want wanted need
    needed try tried keep kept put sent send bought buy ordered order booked book paid pay
    called rang rung emailed messaged replied posted clicked typed checked used waited
    oh ok okay wow hi hello dear thanks thank please sorry well right sure fine great good
    bad lovely brilliant amazing honestly actually really seriously basically apparently
    luckily sadly finally eventually meanwhile otherwise overall total plus update edit note
    ps p.s nb tl;dr tldr day days week weeks month months year years today yesterday tomorrow
    tonight morning afternoon evening night weekend
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs
    fri sat sun january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec christmas easter eid diwali
    ramadan hanukkah halloween new year's eve boxing bank holiday
    mum mom dad mother father mam mama papa nan nana gran granny grandma grandad grandpa
    auntie aunt uncle husband wife son daughter brother sister partner boyfriend girlfriend
    mr mrs ms miss dr sir madam mx prof
    blog post posts article story stories review reviews part chapter episode intro
    introduction conclusion summary background timeline verdict rating score pros cons
    who what when where why how step steps round attempt call calls email emails letter
    subject re fwd fw from to cc bcc sent date reply
    customer customers service services support help helpdesk team staff manager agent
    advisor adviser engineer driver courier technician assistant chat chatbot bot live
    account accounts app apps website site web online page homepage portal dashboard
    home settings menu button form login password faq faqs terms conditions privacy policy
    order orders delivery tracking refund refunds return returns payment invoice receipt
    bill billing price prices sale sales offer offers deal deals discount voucher coupon
    product products item items box parcel package
    html html5 css javascript js json xml pdf pdfs jpg jpeg png gif csv doc docx xls xlsx
    url urls http https www wifi wi-fi bluetooth usb usb-c hdmi gps sms mms otp pin qr
    nfc 4g 5g lte sim esim eta faq api ui ux ai vpn isp dns ip tv hd 4k
    am pm gmt utc bst est pst ist
    android ios iphone ipad mac macbook windows linux chromebook kindle alexa siri
    facebook instagram twitter x tiktok youtube whatsapp telegram signal messenger linkedin
    reddit snapchat pinterest threads mastodon bluesky trustpilot yelp tripadvisor google
    gmail outlook hotmail yahoo icloud zoom teams slack skype discord
    wordpress woocommerce shopify squarespace wix github gitlab mailchimp substack
    medium blogger tumblr dropbox onedrive chrome firefox safari edge
    apple pay google pay paypal venmo upi m-pesa mpesa gcash visa mastercard amex
    pro max plus ultra mini lite premium basic gold silver platinum standard deluxe
    edition series model version gen generation classic original special limited
    se xl xxl s m l
    north south east west northern southern eastern western central upper lower
    street road lane avenue square station airport terminal gate platform junction
    city town village county state province region district borough
    english french german spanish italian british irish scottish welsh american canadian
    australian indian nigerian kenyan filipino chinese japanese european african asian
    god lord jesus fort mount lake
    """
)

# Given names, so that "Dennis at the counter" is not taken for a firm.
FIRST_NAMES = _word_set(
    """
    aaron abbie abdul abi abigail ada adam adrian aidan aisha alan albert alex alexander
    alexandra alfie ali alice alison amanda amara amber amelia amir amit amy ana andrea
    andrew andy angela angus ann anna anne annie anthony anton aoife april arjun arthur
    asha ashley aurora ava barbara barry ben benjamin beth bethany bill billy blessing bob
    brandon brenda brian bríd bridget bruce callum cameron carl carla carlos carmen carol
    caroline catherine charles charlie charlotte chen chidi chloe chris christine christopher
    ciara claire clare colin connor craig dan daniel danny darren dave david dawn daz dean
    deborah debbie declan dennis derek diana diane dominic donna dylan ed eddie edward eileen
    eleanor elena eli elizabeth ella ellie emeka emily emma eric erin ethan eve evie farah
    fatima felix fiona finn frances francesca frank fred freya gabriel gareth gary gavin
    george georgia gerry gillian grace graham grant greg hannah harriet harry hassan hayley
    heather helen henry holly hollie hugh ian imogen isaac isabel isabella isla jack jackie
    jacob jake james jamie jan jane janet jason jay jean jeff jennifer jenny jess jessica
    jim jo joan joanna joe john jon jonathan jordan jose joseph josh joshua joy julia julie
    june justin karen kate katie kay keith kelly ken kevin kim kwame laura lauren leah lee
    leo liam lily linda lisa liz lola lucas lucy luke mandy marcus margaret maria marie mark
    martin mary matt matthew maya megan mel melissa mia michael michelle mike mohammed
    molly nadia naomi natalie nathan neil nia niamh nick nicola nicole nina noah nora
    oliver olivia omar oscar owen paddy pam patrick paul paula peter phil philip pooja
    priya rachel rahul raj ravi rebecca rhys richard rick rob robert robin ronan rosa rose
    rosie ruby ruth ryan sally sam samuel sandra sara sarah scott sean seán shane sharon
    shaun simon sinead siobhán sophie stephen steve steven stuart sue susan tariq tom
    thandi thomas tim timothy tina tolu tomás tomasz tony tracy una vicky victoria will
    william yusuf zara zoe
    """
)

# Places people shop in and travel between: "in Leeds" is not a company.
PLACES = _word_set(
    """
    london manchester birmingham leeds liverpool glasgow edinburgh cardiff belfast dublin
    cork galway limerick kilkenny bristol sheffield newcastle nottingham leicester york
    brighton oxford cambridge bath norwich ipswich exeter plymouth aberdeen dundee inverness
    stirling swansea derby coventry reading hull preston wigan bolton stockport salford
    england scotland wales ireland britain uk usa us america canada australia india nigeria
    kenya ghana philippines singapore malaysia pakistan bangladesh germany france spain
    italy portugal netherlands belgium poland latvia morocco egypt japan china dubai
    new zealand south africa toronto vancouver montreal ottawa halifax winnipeg calgary
    ontario sydney melbourne brisbane perth adelaide geelong fremantle auckland wellington
    christchurch mumbai delhi bangalore bengaluru pune chennai kolkata hyderabad ahmedabad
    gurgaon noida lagos abuja ikeja nairobi accra johannesburg joburg cape pretoria durban
    manila cebu davao iloilo quezon kuala lumpur jakarta bangkok paris berlin madrid rome
    lisbon amsterdam brussels krakow warsaw vienna prague denver portland seattle boston
    chicago austin texas california florida york
    """
)
