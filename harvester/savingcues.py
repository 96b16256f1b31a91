"""The words that say what a money figure is, and whether a saving is achieved, a target or an estimate.

Kept apart from :mod:`shopwindow.savings` so the vocabulary can be read (and extended) in one place.
Each pattern is matched within one sentence; the cue nearest the figure wins. The phrases that surround a figure
and overrule or refine these words ("£25 per household", "of which £1.9m") are in :mod:`shopwindow.figureshapes`.
"""

from __future__ import annotations

import re


def _cues(*words: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)


#: What a figure is. Order matters only to break ties in distance (earlier wins).
KIND_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("funding_gap", _cues(
        r"funding gaps?", r"gaps?", r"shortfalls?", r"deficits?", r"overspends?", r"overspent", r"black holes?",
        r"budget pressures?", r"pressures?", r"in the red", r"bankrupt\w*", r"section 114",
        r"(?:still|left|yet|remains?|remaining) to (?:be )?(?:find|found|identif\w*)",
        r"(?:higher|more|greater) than (?:budget\w*|planned|forecast|expected)", r"over budget",
        # what is left to find once the savings named are counted: "leaving about £380,000 that officers must find"
        # ("which leaves £11.5m of the year's savings undelivered" is the savings' own part)
        r"leav(?:es|ing)(?= (?:a |an )?(?:(?:about|around|some|roughly|nearly|almost|over|a further|another) )?"
        r"£[\d.,]+(?: ?(?:m|bn|k|million|billion))?\b(?! of\b))")),
    ("unit_cost", _cues(
        r"per (?:head|person|resident|household|client|pupil|child|tonne|place|bed|visit|call|transaction|case|"
        r"user|unit|property|home|mile|hour|night|journey|trip|contact|placement|package|licence)",
        r"(?:hourly|daily|weekly|nightly|unit) (?:costs?|rates?|prices?|fees?|charges?)(?: of)?",
        r"(?:cost|price) of (?:a|an|each|one) (?:[\w-]+ ){0,2}?(?:call|phone call|transaction|visit|contact|request|form|"
        r"letter|meal|journey|trip|night|session|hour|day|week|tonne|place)s?",
        r"a head", r"each (?:year )?per", r"cost per", r"an average of", r"on average", r"average", r"unit costs?", r"an hour", r"a night", r"a tonne",
        r"a week per")),
    ("grant", _cues(
        # a fall or cut in what the government gives is a grant cut, not a saving the council made
        r"(?:(?:government|central|core) )?(?:grants?|funding|spending power)(?: [\w'’-]+){0,6}? (?:fell|fallen|falls|dropped|drops|shrank|shrunk|(?:was |were |been )?(?:cut|reduced)) by",
        r"real[- ]terms (?:cut|reduction|fall)s?(?: of| in)?", r"in (?:its|their|the|our) (?:[\w-]+ ){0,2}?(?:grants?|funding)",
        r"(?:core )?spending power", r"grants?", r"grant[- ]funded", r"funding cuts?", r"cuts? (?:in|to) (?:its |their |our )?(?:government |central |core )?"
        r"(?:funding|grant)", r"reductions? in (?:government |central |core )?(?:funding|grant)", r"government funding",
        r"central government funding", r"funding (?:from|of)", r"awarded", r"allocated", r"allocations?", r"bids?",
        r"funded by", r"received", r"secured", r"(?-i:Fund)(?<!General Fund)(?<!Pension Fund)(?<!Collection Fund)(?<!Insurance Fund)", r"won", r"lottery", r"pot of", r"fund of", r"funding boost", r"settlement", r"lost")),
    # building work is an investment, not the buildings a saving was made in
    ("investment", _cues(
        r"(?:project|scheme|programme|capital|build|building|construction|works) costs?",
        r"cost of (?:the |this |that )?(?:project|scheme|programme|works?|building)", r"invest\w*", r"capital (?:costs?|spend\w*|programme|funding)", r"spent",
        r"(?:set|start)[- ]up costs?", r"(?:implementation|transition|transitional) costs?",
        r"up[- ]?front", r"initial outlay", r"one[- ]off costs?", r"cost of setting up", r"purchase\w*", r"bought",
        r"to build", r"build(?!ings\b)\w*", r"refurbish\w*", r"paid for", r"(?-i:fund)(?:s|ed|ing)?", r"borrow\w*", r"loans?", r"lent", r"lending")),
    ("income", _cues(
        # "revenue" before a finance noun is the revenue account (as against capital), not income
        r"income", r"revenues?(?! and benefits)(?! (?:budgets?|accounts?|costs?|spend\w*|expenditure|support|funding|savings?|grants?|reserves?))",
        r"generat\w*", r"earn\w*", r"profits?", r"surplus(?:es)?", r"raised?", r"raising",
        r"sold", r"sells?", r"selling", r"sales?", r"dividends?", r"commercial return", r"returns? of", r"brought in", r"bring in",
        r"brings in", r"bringing in", r"traded", r"fees", r"charges?", r"capital receipts?", r"receipts", r"receipt(?! of)", r"rents? received",
        r"rental income")),
    ("saving", _cues(
        r"sav\w* (?:in|on) (?:[\w-]+ ){0,3}?(?:costs?|spend\w*|bills?|expenditure)", r"sav\w*",
        r"cost (?:avoidance|avoided|reductions?)", r"avoided (?:spend\w*|costs?|expenditure)",
        r"reduc\w* in (?:[\w'’-]+ ){0,3}?(?:costs?|spend\w*|bills?|expenditure)", r"(?:falls?|drops?|decreases?) in (?:[\w'’-]+ ){0,3}?(?:costs?|spend\w*|bills?|expenditure)",
        r"(?:recurring|recurrent|annual|financial|cashable|ongoing) benefits?", r"reductions? of", r"costs? avoided", r"avoided costs?",
        r"avoid(?:s|ed|ing)? (?:[\w-]+ ){0,2}?(?:costs?|fees|charges|payments?)(?: of)?", r"avoid(?:ed|ing|s)? (?:paying|spending)", r"avoid(?:s|ed|ing)?", r"efficienc\w*", r"cashable", r"cut (?:its |their |the |our )?(?:costs?|spend\w*|bills?|budget)",
        r"cuts? (?:costs?|spend\w*)", r"find", r"(?:be|been|being) found", r"(?:has|have|had) (?:already )?found", r"mitigat\w*", r"budget reductions?",
        r"lower (?:charges|prices|fees|bills|rents?)",
        r"(?:out of|from) (?:our|the|its|their) (?:[\w'’-]+ ){0,3}?(?:budgets?|spend(?:ing)?|costs?|bills?)",
        r"out of (?:[\w'’-]+ ){0,3}?(?:budgets?|spend(?:ing)?|costs?|bills?)", r"(?:come|comes|came|coming|taken|take|takes|knocked|knocks?|shaved?) off",
        r"off(?<!-off) (?:the |its |their |our |a )?(?:[\w-]+ ){0,2}(?:bills?|costs?|budgets?|spend\w*|prices?)", r"reduc\w* (?:its |their |the |our |annual )?(?:[\w-]+ )?(?:costs?|spend\w*|bills?|budget|outgoings)",
        # what the council pays, then (a few words on) that it fell: "energy costs at the centre have dropped by"
        r"(?:costs?|spend\w*|bills?|outgoings|subsid(?:y|ies)|fees?|prices?)(?: \w+){0,5}? (?:fell|fall\w*|drop\w*|reduc\w*|down|lower\w*|cut)(?: by)?", r"lower (?:[\w-]+ )?costs?",
        r"cheaper", r"less than before", r"(?:a|the) difference of", r"freed up", r"free(?:d|s|ing)", r"releas(?:e|ed|ing|es)(?<!press release)(?<!press releases)(?<!news release)(?<!news releases)", r"prevent(?:ed|ing|s)",
        r"business case", r"cost improvements?", r"net benefits?", r"value for money",
        r"reductions?", r"(?:reduc\w*|cut\w*|lower\w*|slash\w*|trimm?\w*|brought down|bring(?:s|ing)? down)(?: [\w'’-]+){0,7}? by",
        # ... past an aside between dashes: "cuts running costs - rates, energy and security - by £520,000"
        r"(?:reduc\w*|cut\w*|lower\w*)(?: [\w'’-]+){0,4}? [-–—] [^-–—£%.;]{1,80} [-–—] by",
        # after the longer cue above, so "trimming running costs by" is one saving cue, not "trimming" then "costs"
        r"(?:trimm|shav|stripp|wip)(?:ed|ing)", r"shaves?",
        # "have taken £4.4m off what it would otherwise have paid", "take £330,000 a year of maintenance off its books"
        r"(?:take|takes|taking|took|taken)(?= (?:about |around |roughly |some |nearly )?£[\d.,]+ ?(?:m|bn|k|million|billion)?"
        r"(?: a year)? off\b)", r"off (?:its|their|our|the(?: [\w'’]+)?) books",
        r"fell by", r"down by", r"slashed", r"cuts?",
        # spending that stopped: "no longer pays £80,000 in rent", "stopped spending £100,000 on leased cars"
        r"no longer (?:\w+ )?(?:pays?|paid|spends?|spent|spending|costs?|buys?|bought|rents?|leases?)",
        # "no longer needs £40,000 for ...", not "sold four properties it no longer needed, for £3.4m"
        r"no longer (?:\w+ )?(?:needs?|needed)(?= (?:to (?:pay|spend|buy|rent|lease) )?£)",
        # what would otherwise have been paid: "kept £1.7m that would otherwise have gone in tax"
        r"(?:would|could|might) otherwise have", r"would have (?:paid|spent|cost)(?= (?:\w+ ){0,2}£[\d.,]+ ?(?:m|bn|k|million|billion)? more\b)", r"benefits? (?:realis\w*|to date|delivered|achieved|booked|banked)",
        r"no longer (?:falls?|fell) on", r"no longer (?:has|have|had) to be (?:paid|met|found|funded)",
        r"(?:stopped|stops|ended|ceased) (?:paying|spending|buying|renting|leasing)",
        # money taken away from what the council spends: "removed £9m of costs", "take out a further £1.2m"
        r"remov(?:e|es|ed|ing)", r"(?:take|takes|taking|took|taken) out", r"claw(?:s|ed|ing)? back",
        r"(?:cut|cuts|cutting|trim|trims|trimming|shave|shaves|shaving|stripping)(?= (?:about |around |roughly |some |nearly )?£[\d.,]+ ?"
        r"(?:m|bn|k|million|billion)?(?: a year)? from\b)", r"h(?:eld|old|olds|olding) down(?: [\w'’-]+){0,3}? by",
        # money the council is spared, sheds or is better off by; Welsh pages' "arbed" (save) and "arbedion" (savings)
        r"spar(?:ed|es|ing)", r"shed(?:s|ding)?", r"better off", r"arbed\w*", r"yield(?:s|ed|ing)?", r"relieved of",
        r"to deliver")),
    ("budget", _cues(
        r"budgets?", r"spend\w*", r"costs?", r"costing", r"pays", r"paying", r"pay", r"payments?", r"turnover", r"contracts?", r"valued at",
        r"expenditure", r"outturn", r"reserves", r"annual bill", r"bill", r"council tax", r"precept", r"funding")),
    # what a post pays: "Salary: £52,805 - £56,695" on a job advert is neither a saving nor a budget
    ("other", _cues(r"salar(?:y|ies)", r"pay (?:band|grade|scale|range)")),
]

STATUS_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("estimated", _cues(
        r"(?:could|would|might|should|will) have(?! to)",
        # "could not be made" is money not had (a target below); "we can report" is no hedge
        r"could(?! not be (?:made|delivered|achieved|realised|found|met))", r"can(?! (?:now )?(?:report|confirm|announce)\b)",
        r"would", r"might", r"(?-i:may)", r"expect\w*",
        # "projected", "projects a saving" - never the noun: "the project has saved" is a result
        r"project(?:ed|ions?|ing)", r"projects? (?:that|a|an|savings?)", r"forecast\w*", r"estimat\w*",
        r"predict\w*", r"indications?", r"possible",
        r"(?:at|on) (?:current|today's|today’s|present) (?:prices|rates|estimates|figures|trends|levels)", r"possibly", r"potential\w*", r"anticipat\w*", r"likely", r"modell\w*", r"suggests?", r"thought to",
        r"believed", r"believes?", r"assum(?:es?|ed|ing|ptions?)", r"should", r"business case", r"puts?(?: [\w'’-]+){0,7}? at", r"estimated at", r"indicative", r"up to", r"put(?:s|ting)? a value of",
        r"deliverable")),
    ("target", _cues(
        r"aims?", r"aiming", r"hoped", r"hoping", r"(?:is|are) to (?=save|cut|reduce|find|deliver|make)",
        r"targets?", r"targeted", r"targeting", r"plans? to", r"planning to", r"planned", r"(?:a|the|its) plan of",
        r"(?:savings|financial|budget|business|delivery|recovery|improvement) plans?", r"will", r"identif(?:y|ies|ied|ying)",
        r"budgeted", r"(?:budget|estimate)s? (?:for|includes?|included|including|contains?|agreed|set|approved)", r"promised",
        r"pledged", r"agreed", r"approved", r"agrees", r"approves", r"recommend\w*", r"not (?:yet )?(?:been )?(?:deliver\w*|achiev\w*|realis\w*|materialis\w*|made|make|met|meet)",
        # savings not (yet) had: still to be delivered
        r"fail(?:ed|s|ing)? to", r"undelivered", r"unachieved", r"unmet", r"unrealised", r"at risk", r"slipp(?:ed|ing|age)",
        r"delayed", r"deferred", r"carried forward",
        r"intends?", r"intended", r"intention", r"put(?:s|ting)? forward", r"pencil(?:l?ed|l?ing|s)? in(?:to)?", r"designed to", r"wants? to", r"wanting to", r"towards", r"looking at",
        r"(?:consulting|consultation|consults?) on", r"(?:is|are) set to", r"goal", r"ambition", r"needs? to", r"needed", r"required",
        r"must", r"has to", r"needs? (?:a further|another|an additional|an extra|more)", r"(?:is|are|am|was|were) planning", r"set (?:out|themselves|itself) (?:a target )?to",
        r"approval", r"asks? (?:[\w-]+ ){0,2}?to (?=deliver|save|find|cut|make|reduce)",
        # savings given up on were never made: "written off as undeliverable"
        r"undeliverable", r"not deliverable", r"written off", r"pushed back", r"(?:will|would) (?:simply )?not happen",
        r"(?:remains?|remaining|still) outstanding", r"at (?:high |significant |some )?risk",
        r"(?:has|have|had) been set", r"(?:is|are) due to", r"gorfod", r"writ(?:ten|es?|ing) into",
        r"never (?:been )?(?:deliver\w*|achiev\w*|realis\w*|made|materialis\w*)", r"(?:was|were|is|are) meant to", r"(?:was|were|is|are|been) asked to", r"requires?", r"requirements?",
        r"built into (?:the|its|our|their|this year['’]s|next year['’]s) (?:[\w/-]+ )?budget",
        # what a budget or plan counts on is not yet had: "the budget relies on £14.5m", "our plan includes £50m",
        # and what is taken out of the plan never will be: "£1.9m has been written out of the plan"
        r"(?:relies|rely|relying|depends|depend|depending|reliant|dependent|counts|counting) (?:up)?on",
        r"plans? (?:for (?:19|20)\d\d[/-]\d\d(?:\d\d)? )?(?:includes?|included|contains?|assumes?)", r"written out of",
        r"(?:unlikely|not expected|not likely) to be (?:achiev\w*|deliver\w*|made|met|realis\w*|found)", r"unlikely",
        r"(?:could|can)(?:not| not) be (?:made|delivered|achieved|realised|found|met)",
        # savings in a year's budget are planned: "the £9.9m efficiencies in the 2022/23 budget"
        r"in (?:the|its|our|their|this year['’]s|next year['’]s) (?:(?:19|20)\d\d[/-]\d\d(?:\d\d)? )?(?:revenue )?budget",
        r"have to", r"required to", r"on track", r"on course", r"propos\w*", r"seek(?:s|ing)?", r"looking to", r"hopes?", r"committed to",
        r"over the next", r"next year", r"by (?:20\d\d|the end of)", r"medium[- ]term financial", r"mtfs", r"to find",
        r"budget gap", r"going forward")),
    ("achieved", _cues(
        r"(?:met|exceeded|beat|hit|surpassed|achieved) (?:its |our |their |the |this year['’]s )?(?:[\w-]+ )?targets?",
        r"exceed(?:ed|ing|s)? (?:its |our |their |the )?(?:[\w-]+ )?targets? by",
        r"saved", r"has saved", r"have saved", r"delivered", r"achieved", r"realised", r"realized", r"made",
        r"so far", r"to date", r"already", r"banked", r"since", r"last year", r"resulted in", r"led to", r"has cut",
        r"have cut", r"reduced", r"fell", r"removed", r"(?:has|have|had) (?:now )?(?:passed|topped)", r"materialis(?:ed|es)", r"taken out", r"reached", r"full delivery of", r"dropped", r"was", r"were", r"had", r"did", r"freed up", r"avoided",
        r"generated", r"has seen", r"have seen", r"saw", r"cut")),
]

PERIOD_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("one-off", _cues(r"one[- ]off", r"one[- ]time", r"non[- ]recurr\w*", r"single[- ]year", r"single payment")),
    ("cumulative", _cues(
        r"(?:in|over|during|within|across) (?:the |its |their |our |a )?(?:first |last |past |next |initial |remaining |coming )?"
        r"(?:[a-z]+|\d+) (?:months|years)", r"since (?:19|20)\d\d", r"since (?:it|the|its|their|they|we|our|then|launch\w*|inception)\b(?: \w+)?", r"to date", r"so far", r"over (?:the )?(?:last |past |next |first )?"
        r"(?:\w+|\d+) years", r"over (?:the |its |their |a )?(?:[\w-]+ )?(?:life|course|lifetime|period|term)", r"in total", r"total of",
        r"over (?:the |its |their |a |our )?(?:\d+|[a-z]+)[- ]years?(?: [a-z]+)? (?:contract|deal|agreement|term|lease|partnership)", r"totall?ing",
        r"cumulative\w*", r"between (?:19|20)\d\d and (?:19|20)\d\d", r"altogether", r"overall", r"over a decade",
        r"over (?:the )?(?:decade|period)", r"over the (?:next|last|past|coming) decade", r"in the (?:last|past) (?:\w+ )?years")),
    ("annual", _cues(
        r"a year(?<!times a year)", r"per year", r"per annum", r"p\.?a\.?", r"annually",
        r"annual(?! (?:report|meeting|accounts|review|conference|survey|leave|statement|governance|audit|letter|return)s?\b)",
        r"each year", r"every year",
        r"a yr", r"yearly", r"recurr\w*", r"ongoing", r"full[- ]year", r"year[- ]on[- ]year", r"a year's")),
]

#: The figure's subject is the sector, not one council: "councils across England have saved", "across local
#: government". A bare "nationally" or "the sector" is not enough ("Leeds saved £7m, more than most nationally").
SECTOR_WIDE = re.compile(
    r"\b(?:councils (?:across|in|throughout) (?:england|the uk|britain|wales|scotland|the country)|"
    r"(?:english|scottish|welsh|all|local) (?:councils|authorities) (?:have|had|has|could|would|will|are|were|across|"
    r"nationally|in england|together)|"
    r"(?:english|scottish|welsh) (?:councils|authorities)|"
    r"local government (?:as a whole|has|have|in england)|across (?:local government|the (?:local government )?sector)|"
    r"(?:the )?(?:local government )?sector (?:has|have|as a whole|could|would)|sector[- ]wide|"
    r"councils have (?:saved|made|delivered|cut)|local authorities have|councils (?:\w+ ){0,3}nationally|"
    r"nationally,? councils)\b",
    re.IGNORECASE,
)
#: Words (lower case) every SECTOR_WIDE phrase holds: a sentence with none of them need not be searched.
SECTOR_WIDE_WORDS = ("council", "authorit", "sector", "government")
#: Between a sector phrase and a figure, words that start a clause of another subject: the council's own ("and we
#: must find £16m", "while our budget"), or a contrast. The sector phrase then does not govern the figure.
SECTOR_BREAK = re.compile(
    r"[;]|\b(?:but|while|whereas|although|however|we|our|us|the (?:council|authority)|this (?:council|authority))\b",
    re.IGNORECASE)
#: "saves and earns £150,000": one figure that is part saving, part income (stored as a saving, marked).
MIXED_INCOME = re.compile(
    r"\b(?:sav\w*|cost savings?)\s+(?:and|or|&|plus)\s+(?:earn\w*|generat\w*|income|revenue\w*|rais\w*)|"
    r"\b(?:earn\w*|generat\w*|income|revenue\w*)\s+(?:and|or|&|plus)\s+(?:sav\w*)", re.IGNORECASE)
#: Words that end a clause; crossing one makes a cue less likely to govern the figure.
CLAUSE_BREAK = re.compile(r"[;:()]|,|\b(?:but|while|whereas|although|which|and|after|before|because)\b", re.IGNORECASE)
