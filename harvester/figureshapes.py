"""The shapes of the phrases around a money figure that say what it is, beyond the nearest cue word.

A figure "per household" is a unit cost, "£2.6m of that" a part of the saving just named, "from £7 to under
£1" two levels whose difference goes unstated, "£5.2m are now forecast to be achieved" a saving on track.
Each pattern is matched at or near a figure's offsets in its sentence, by :mod:`shopwindow.figurekind`,
:mod:`shopwindow.figurereading` and :mod:`shopwindow.statusreading`; the cue words themselves are in
:mod:`shopwindow.savingcues`.
"""

from __future__ import annotations

import re

from .sentences import RAG_NAMES

# "saved £2m in 2019 and a further £3m", "rose to £12m, up from £10m": the second figure is the same kind.
CONTINUES = re.compile(
    # "West Dorset's share was £1.3m, Weymouth & Portland's £1.0m and North Dorset's £600,000", "Gateshead made
    # reductions of £180m, Sandwell £210m and Walsall £250m": a list of councils' amounts
    r"(?:,|\band)\s+(?-i:[A-Z][\w'’&-]*\s+(?:(?:&|and)\s+)?){0,3}(?-i:[A-Z][\w-]*)(?:['’]s?)?\s*$|"
    r",\s*$|(?:\band|\ba further|\banother|\ban extra|\ban additional|\bplus|\bthen|\bup from|\bdown from|"
    r"\bcompared (?:with|to)|\bagainst|\brising to|\bfalling to|\bor|\bwith a further|\bwith)\s*"
    r"(?:(?:about|around|some|nearly|almost|over|more than|roughly|just over|just under)\s+)?$", re.IGNORECASE)
PER_TIME = re.compile(r"\s*(?:(?:a|per|each) (?:week|day|night|hour)\b|(?:a|per|each) \w+ (?:a|per) (?:week|day)\b)")
# A figure followed by "per"/"each" and a noun is a unit figure ("£7 per report", "£250 each"), except per year.
PER_UNIT = re.compile(r"\s*(?:per|for each|each|a) (?!cent\b|annum\b|year\b|yr\b|month\b|quarter\b|financial\b|further\b"
                      r"|saving|reduction|cut|total|figure|sum|year's)[a-z]+", re.IGNORECASE)
PER_A = re.compile(r"\s*a (?:head|person|household|family|resident|client|pupil|child|placement|report|case|visit|"
                   r"trip|journey|call|transaction|request|contact|meal|session|bed|room|tonne|mile)\b",
                   re.IGNORECASE)
# "Each household kept out of temporary accommodation avoids costs of about £7,000", "Each vehicle costs about £400,000,
# compared with £220,000 for a diesel": a clause about each one of a kind gives unit figures (not "Each year ...", nor
# "Each council pays a share of the £6.2m budget", which is about the partners).
EACH_ONE = re.compile(r"(?:^|[.;:]\s+)(?:[-•*–]\s+)?(?:each|every)\s+(?!(?:year|month|week|day|quarter|time|pound|£|"
                      r"councils?|authorit(?:y|ies)|partners?|members?|one|of)\b)"
                      r"[\w-]+\b[^,;:£%]*$", re.IGNORECASE)
# "a £28m project", "the council's £5m scheme": an adjectival figure naming what was built or bought is an investment.
DETERMINER = re.compile(r"(?:\b(?:a|an|the|its|their|this|that|our|whose)|\w['’]s)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)
CAPITAL_NOUN = re.compile(
    r"\s*(?:(?!(?:in|on|of|for|from|to|by|a|the|through|across|over|at|with|and|or|sav\w*|efficienc\w*|cuts?)\b)"
    r"[\w-]+\s+){0,2}?(?:project|scheme|programme|development|redevelopment|refurbishment|regeneration|facility|"
    r"building|extension|upgrade|build|centre|hub|plant|campus|depot|investment|expansion|loan)s?\b", re.IGNORECASE)
# A percentage is a saving only when it is a share of money or called a saving: "savings of 25%", "cut costs by
# 25%", "a 20% reduction in running costs", "25% cheaper" - not "a 7% fall in hospital stays".
MONEY_WORD = r"(?:costs?|spend\w*|budgets?|bills?|expenditure|outgoings|overheads|prices?|fees|payments?|(?:mileage|expense)s? claims)"
PERCENT_OF_MONEY_LEFT = re.compile(
    rf"(?:\bsav\w*|\befficienc\w*|\b{MONEY_WORD}\b[^,;.%£]{{0,40}}?|\b(?:pa(?:y|ys|id|ying)|spent)\b[^,;.%£]{{0,20}}?)"
    r"(?:\s+(?:of|by|to|around|about|up to|nearly|almost|some|more than|over|roughly|approximately|at least|"
    r"an estimated|a|an|worth|just|under))*\s*$", re.IGNORECASE)
PERCENT_OF_MONEY_RIGHT = re.compile(
    rf"\s*(?:(?:(?:in|of)\s+(?:(?:the|its|their|our|these|this year['’]s)\s+)?)?(?:sav\w*|cheaper|efficienc\w*|less expensive|lower cost)|(?:[\w-]+\s+){{0,2}}?(?:of|in|on|off|from)\s+"
    rf"(?:the\s+|its\s+|their\s+|our\s+|annual\s+|total\s+)?(?:[\w'-]+\s+){{0,2}}?{MONEY_WORD}\b)", re.IGNORECASE)
FROM_LEVEL = re.compile(r"(?<!\bup )(?<!\bdown )\bfrom\s+(?:about |around |roughly |some |over |more than |almost )?$",
                        re.IGNORECASE)
TO_LEVEL = re.compile(r"\bto\s+(?:about |around |roughly |just |under |less than |below |only |almost )?$", re.IGNORECASE)
# "usable reserves fell by £152m", "Reserves fell by £0.8bn to £4.45bn": reserves drawn down are spent, not saved.
RESERVES_FELL = re.compile(r"\b(?:reserves|balances)\b[^.;:£%]{0,40}?\b(?:fell|fall(?:en|s)?|dropped|drop|decreased|"
                           r"declined|reduced|were (?:drawn|run) down|down)\b(?:\s+by)?[^.;:£%]{0,20}$", re.IGNORECASE)
# "a saving in printing, postage and storage of £175k": the saving's object in between, then its amount.
SAVING_OF = re.compile(r"\bsav(?:ing|ings)\b[^.;:£%]{0,60}?\b(?:of|worth|totalling|amounting to)\s+"
                       r"(?:(?:about|around|some|over|more than|almost|nearly|up to|an estimated|a further)\s+)*$",
                       re.IGNORECASE)
OVER_AFTER = re.compile(r"\s*(?:(?:more|higher|greater) than (?:budget\w*|planned|forecast)|over budget|above budget)",
                        re.IGNORECASE)
RATIO_AFTER = re.compile(r"\s*(?:in|out of|of|for) every\b", re.IGNORECASE)
RATIO_BEFORE = re.compile(r"\b(?:every|each)\s+$", re.IGNORECASE)
# "costs 11 per cent less than", "£700,000 less than it would otherwise have been": the figure is what was saved.
LESS_AFTER = re.compile(r"\s*(?:a year |per year |annually |each year )?(?:less|lower|cheaper)\b", re.IGNORECASE)
# "the winning bid came in £1.3m under the current contract": below what the alternative costs is a saving whatever
# the verb or noun before it (a bid here is a tender, not a bid for a grant); "under budget" is an underspend.
BELOW_ALTERNATIVE = re.compile(r"\s*(?:a year |per year |annually |each year )?(?:under|below) (?:the |its |their )?"
                               r"(?:cost|price|current|previous|existing|old|present|what)\b", re.IGNORECASE)
# Right before a figure, words that restate a saving already named: "against a target of", "it had delivered".
RESTATES = re.compile(
    r"(?:\b(?:a|an|the|its|their|our|original|overall|annual|savings?|efficiency)\s+)*\btargets?\s+(?:of|was|is|were)\s+"
    r"(?:(?:about|around|some|nearly|almost|over|more than|just over|just under)\s+)?$|"
    r"\b(?:delivered|deliver|delivering|achieved|realised|realized|exceeded|beat|met|found|banked|identified|including|"
    r"of which|of this|of that|made up of|comprising|comprises?|consisting of|estimated at|put at|remaining|"
    r"adds? up to|added up to|amounts? to|amounted to|works? out at|worked out at|"
    r"the rest of|the balance of|of which (?:[\w'’]+\s+){1,3}?(?:approved|agreed|accepted|delivered|achieved|realised|banked)|"
    r"contribution (?:was|is|of)|(?:figure|sum|amount|total|saving)s? (?:[\w'’-]+ ){0,3}?(?:rises?|rose|grows?|grew|"
    r"increases?|increased|climbs?|goes up) to)\s+"
    r"(?:(?:about|around|some|nearly|almost|over|more than|just over|just under|a further|another)\s+)?$",
    re.IGNORECASE)
# Words only a saving is described with: after a saving, a figure with no kind of its own in such a sentence is
# the same saving told in parts ("Of the amount delivered, £1.2m was recurrent", "a full-year effect of £360,000").
SAVING_ATTRIBUTE = re.compile(
    r"\b(?:recurr\w*|non[- ]recurr\w*|one[- ]off|full[- ]year|cashable|delivered|achieved|realised|realized|banked|"
    r"forecast|business case|target\w*|planned|estimated)\b", re.IGNORECASE)
TARGET_VERB = re.compile(r"(?:will|shall|aim|plan|intend|is set|are set|seek|hope|must|need)", re.IGNORECASE)
MODAL = re.compile(r"(?:will|shall|must|(?:is|are) set to|aims? to|plans? to|needs? to|has to|have to)\b", re.IGNORECASE)
# Status cues joined into one verb by these words form one cue (shopwindow.statusreading.verb_groups).
VERB_GROUP_JOIN = re.compile(r"\s+(?:(?:be|been|being|not|never|yet|now|also|still|originally|initially|previously)\s+)*",
                             re.IGNORECASE)
PAST_AUXILIARIES = frozenset({"was", "were", "had", "did"})
# "£1.1m were described as low risk", "£2m was rated amber": a past tense that only says how a figure is labelled
# says nothing of whether it was saved.
LABELLED_AS = re.compile(r"\s+(?:described|rated|considered|classed|classified|judged|assessed|regarded|categori[sz]ed|"
                         r"labell?ed|flagged|deemed|listed)\b", re.IGNORECASE)
# Status cues that are adverbs of time: in one verb with a verb cue, the verb decides ("already agreed", "delivered
# by the end of March").
STATUS_ADVERBS = re.compile(r"already|so far|to date|last year|since|next year|going forward|over the next|"
                            r"by (?:20\d\d|the end of)", re.IGNORECASE)
HEDGING_MODALS = frozenset({"would", "could", "might", "may", "should"})
# Status cues that are nouns: followed at once by a verb cue, they are its subject and the verb says the status
# ("the proposal estimates", "the target was achieved").
STATUS_NOUNS = frozenset({"proposal", "proposals", "target", "targets", "goal", "ambition", "intention", "approval"})
NEED = re.compile(r"needed|required|needs? to", re.IGNORECASE)
# A figure that opens a clause ("..., £4.4m", "note that £3.1m") and is followed by its own verb ("(85%) have been
# achieved", "of the 2024/25 savings were not delivered") is that clause's subject: the verb gives its status.
SUBJECT_START = re.compile(
    # ... or after a time that opens the clause: "by the end of the year £431m of savings had been delivered"
    r"(?:^|[,;:]|\b(?:that|which|while|whereas|but)|\b(?:by|at|in|during) (?:(?:the )?year[- ]end|(?:the end of )?(?:the |this |that |last )?"
    r"(?:financial )?(?:year|quarter|month|period|march|april|june|september|december|(?:19|20)\d\d(?:[/-]\d\d)?)))"
    r"\s*(?:(?:about|around|some|only|just|nearly|almost|over|more than|"
    r"less than|a further|another|an? (?:additional|extra|further))\s+)*$", re.IGNORECASE)
SUBJECT_GAP = re.compile(r"\s*(?:\([^()]{0,30}\)\s*|,\s*or\s+[^,;()]{1,20},\s*)?(?:of\s+(?:(?:the|this|these|its|their|our|that)\s+)?"
                         r"(?:£[\d.,]+\s*(?:m|bn|k|million|billion)?\s+)?(?:[\w/'’-]+\s+){0,3})?"
                         r"(?:(?:has|have|is|are|been|being|be|not|also|now)\s+)*", re.IGNORECASE)
# A status word right before the next figure is that figure's: in "£62,000 more than the target of £350,000" the
# target is the £350,000, not the £62,000.
INTRODUCES_NEXT = re.compile(r"\s*(?:of|at|was|is|were|are|:)?\s*(?:(?:about|around|some|nearly|almost|over|just|"
                             r"more than|less than)\s+)*", re.IGNORECASE)
# A verb of estimating governs the clause it introduces: "officers estimate the new rota has saved" is an estimate.
ESTIMATES = re.compile(r"estimat(?:es?|ed|ing)\b(?! at)", re.IGNORECASE)
# ", worth £250,000" after a change told in words ("by a third"): the figure is that change's money value.
WORTH = re.compile(r"[,–—-]\s*(?:worth|equal to|equivalent to|or|which (?:is |would be |was )?(?:worth|equal to)|"
                   r"which equals|which amounts to|equating to)\s+(?:(?:about|around|roughly|some|nearly|almost|"
                   r"over|more than|an estimated|approximately)\s+)*$", re.IGNORECASE)
# "£2.6m of that", "£1m of the annual figure": a part of an amount already named (not "of this year's budget").
PART_OF = re.compile(
    r"\s*(?:of|from)\s+(?:(?:that|this|these|those|the|its|their)(?:\s+(?:annual|overall|total|combined|yearly|planned|"
    r"expected|agreed))*\s+(?:figure|sum|amount|total|savings?|target|reduction|plan|programme)\b|(?:that|this)\b(?!\s+(?:year|month)))",
    re.IGNORECASE)
# "The largest items were senior management (£4.1m) ...", "The biggest single item was ..., which came in at £2.1m":
# after a saving, its largest parts.
LARGEST_PARTS = re.compile(r"^[^£%]{0,30}?\b(?:largest|biggest|main|principal)\s+(?:single\s+)?(?:items?|elements?|"
                           r"contributors?|components?|parts?|sources?|strands?)\b", re.IGNORECASE)
# "a difference of £1.8m" after two costs is what the cheaper one saves, unless the difference is to be paid for:
# "The difference of around £300,000 will be met from the contingency" is a cost over the estimate.
DIFFERENCE_BEFORE = re.compile(r"\b(?:a|the) difference of\s+(?:(?:about|around|roughly|some|nearly|almost|over)\s+)?$",
                               re.IGNORECASE)
PAID_FOR = re.compile(r"\b(?:met|funded|covered|paid|financed) (?:from|by|out of)\b", re.IGNORECASE)
# "£3.2m, of which £1.9m delivered", "Of these, £31m were rated as high risk": a part named first, the whole after
PART_BEFORE = re.compile(r"(?:^|[,;:(]\s*)(?:[\d.]+\s+)?of (?:which|these|those|this|that|them|the total|this total)\s*,?\s*"
                         r"(?:(?:about|around|some|nearly|almost|over|only|just)\s+)?$", re.IGNORECASE)
# "The balance of £830,000 will come from ...", "Of the rest, £1.1m has been pushed back", "the remaining £800,000":
# after a saving, what is left of it is part of it (a kind word of its own, "the remaining £17m of fees", decides first).
REST_BEFORE = re.compile(r"\b(?:the (?:balance|remainder|rest)(?: of)?|of the rest,?|the remaining)\s+"
                         r"(?:(?:about|around|some|nearly|almost|over|just)\s+)?$", re.IGNORECASE)
# A price named right before a figure that is "lower", "less" or "cheaper": "secured a price 20% lower" is a saving
# whatever the verb that got it ("secured", "won" are otherwise grant words).
PRICE_BEFORE = re.compile(
    rf"\b{MONEY_WORD}\s+(?:(?:of|about|around|some|nearly|almost|roughly|at least|over|more than|just)\s+)*$",
    re.IGNORECASE)
# A past-tense verb of saying before a "would" (shopwindow.statusreading._backshifted): reported speech.
REPORTED = re.compile(r"\b(?:said|told|noted|heard|reported|confirmed|explained|stated|announced|claimed|insisted|"
                      r"warned|argued|added|revealed|indicated)\b[^;:]*$", re.IGNORECASE)
# ", agreed by the cabinet": a passive participle with its agent or time after a comma describes the figure before.
DESCRIBED_AFTER = re.compile(r",\s*(?=(?:agreed|approved|proposed|planned|delivered|achieved|realised|identified|"
                             r"forecast|estimated|expected|budgeted)\s+(?:by|at|in|on|last|for)\b)", re.IGNORECASE)
# Money "delivered", "achieved" or "banked" with no other kind word in reach is a saving delivered.
DELIVERED_BEFORE = re.compile(
    r"\b(?:delivered|achieved|realised|realized|banked|(?:full\s+)?delivery\s+of)\s+(?:(?:about|around|some|nearly|almost|over|more than|just over|"
    r"just under|a further|another|an extra|an additional)\s+)*$", re.IGNORECASE)
# "£400,000 in staffing costs", "£300,000 on their energy bills": what a figure came off, not a budget of its own.
IN_COSTS_AFTER = re.compile(rf"\s*(?:a year\s+|per year\s+|annually\s+)?(?:in|on)\s+(?:[\w'’-]+\s+){{0,3}}?{MONEY_WORD}\b",
                            re.IGNORECASE)
# ", which was announced last year,": a relative clause between a figure and its main verb.
RELATIVE_ASIDE = re.compile(r",\s*(?:which|who)\b[^,;:()]{0,100},\s*", re.IGNORECASE)
# "the £400,000 it saved", "the £1m that they expect": a clause about the figure, right after it.
OBJECT_RELATIVE = re.compile(
    r"\s*(?:(?:that|which)\s+)?(?:it|they|we|he|she|the (?:council|authority|partnership|service))\s+", re.IGNORECASE)
# A proposal to do less: under a plan's heading ("What we propose"), such an item's bare figure is its saving.
DOING_LESS = re.compile(
    r"\b(?:less (?:often|frequent\w*)|fewer|clos(?:e|es|ed|ing|ure)|shut\w*|stop\w*|end(?:s|ed|ing)?|ceas\w*|withdraw\w*|"
    r"reduc\w*|cut\w*|merg\w*|scal(?:e|ed|ing) back|remov\w*|delet\w*|decommission\w*)\b", re.IGNORECASE)
# A money target is a savings target: "the £3m target", "its £1.5m efficiency target" (not "a £3m income target"),
# and money "of" or "towards" such a target is part of it: "delivered £2.4m of the £3m target".
TARGET_WORDS = r"(?:(?:annual|yearly|overall|total|savings?|efficiency|efficiencies|cost[- ]reduction)\s+)*targets?\b"
TARGET_AFTER = re.compile(rf"\s*{TARGET_WORDS}", re.IGNORECASE)
OF_A_TARGET = re.compile(
    rf"\s*(?:of|towards|against)\s+(?:the|its|their|our|a|an|this year['’]s)\s+(?:£[\d.,]+\s*(?:bn|m|k|million|billion)?\s+)?"
    rf"{TARGET_WORDS}", re.IGNORECASE)
# "A further £450,000 is assumed ...", "What is next: another £2.4m ...": a sentence (or a label's value) opening
# with a further amount adds to the figure just named, so it is the same kind as that figure.
FURTHER_START = re.compile(
    r"(?:^|[:;\n])[^;:\n£]{0,30}?\b(?:a further|another|an? (?:additional|extra|further))\s+"
    r"(?:(?:about|around|some|nearly|almost|over|more than|just over|just under)\s+)*$", re.IGNORECASE)
# "£5.5m is rated red: it will not be achieved": after a colon or semicolon, a clause about the figure ("it",
# "this") says what the clause before only labelled.
ELABORATES = re.compile(r"[:;]\s*(?:it|this|these|they|that sum|the (?:sum|amount|saving))\s+", re.IGNORECASE)
# "will cut the bill by £1.4m a year, according to the business case": a figure credited to a forecast or model is
# that source's estimate, whatever the verb says.
ACCORDING_TO = re.compile(
    r"\baccording to (?:the |its |their |our |an? )?(?:[\w'’-]+ ){0,3}?(?:business case|modell?ing|models?|estimates?|"
    r"forecasts?|projections?|calculations?)\b", re.IGNORECASE)

# "a target of £3.5m", "its savings target was £2m": a money target is a savings target, unless it is income's.
TARGET_OF = re.compile(r"(?<!income )(?<!recycling )(?<!sales )\btargets?(?:\s+(?!of\b|was\b|is\b|were\b|at\b)[\w'’/-]+){0,7}?"
                       r"\s+(?:of|was|is|were|at|:)\s+"
                       r"(?:(?:about|around|some|nearly|almost|over|more than|just over|just under|a further|another)\s+)*$",
                       re.IGNORECASE)
# "puts the reduction in spending on placements at £2.1m": what is put at the figure is named between "put" and "at".
PUT_AT = re.compile(r"\bput(?:s|ting)?\b(?P<object>[^.;:£%]{1,140}?)\bat\s+(?:(?:about|around|some|nearly|almost|over|"
                    r"more than|roughly|an estimated|approximately)\s+)*$", re.IGNORECASE)
# "asset disposals - £1.5m - Green": a figure given a red, amber or green rating is a saving whose delivery is tracked.
RAG_AFTER = re.compile(r"\s*(?:[-–—|:,]\s*|\(\s*)(?:rated\s+)?(?:" + "|".join(RAG_NAMES) + r")\b\s*\)?\s*(?:$|[-–—|;.])")
# "£5.2m are now forecast to be achieved", "£41.2m are on track", "£9.3m of the total is deliverable": money whose
# own verb says it is (or is not yet) delivered is a saving.
DELIVERED_AFTER = re.compile(
    r"\s*(?:\([^()£]{0,20}\)\s*)?(?:(?:a|per|each) year\s+|annually\s+)?(?:of (?:the|this|these|that|it)\b(?:[^,;:.%]|\.(?=\d)){0,40}?\s+|(?:total|figure|sum|plan|programme)\s+)?"
    r"(?:(?:is|are|was|were|will\s+be|would\s+be|(?:will|would)\s+not\s+be|(?:has|have|had)(?:\s+(?:already|now|so far))?\s+been)\s+(?:(?:now|still|not|already|currently|"
    r"judged|rated|considered|being)\s+)*"
    r"(?:(?P<tracked>deliverable|undeliverable|on track|on course|undelivered|unachieved|banked|"
    r"(?:forecast|expected|likely|unlikely|planned|due) to be (?:achieved|delivered|made|realised|realized))|"
    r"achieved|delivered|realised|realized|materiali[sz]ed|at (?:high |significant |some )?risk)|"
    r"(?P<bare>undelivered|unachieved|outstanding)|"
    r"(?:has|have|had)\s+(?:(?:already|now|finally)\s+)?materiali[sz]ed)\b", re.IGNORECASE)
# "Cashable savings against previous contract prices: £1.32m", "- Combined contract savings: about £2m a year": a
# label naming savings, then its figure.
SAVING_LABEL = re.compile(
    r"^(?:[-•*–]\s+)?[^:\n£%.;]{0,60}\b(?:sav(?:ing|ings)|efficienc(?:y|ies)|(?:cashable|financial|recurring|cumulative)\s+"
    r"benefits?|benefits?\s+(?:booked|banked|realised|delivered))\b[^:\n£%.;]{0,60}(?::|\s[-–—])\s*"
    r"(?:(?:about|around|roughly|some|approximately|circa|c\.|nearly|almost|over|more than|just over|just under)\s+)*$",
    re.IGNORECASE)
# A list item that is a label and its figure: "- energy contract renegotiation: £450,000", "Parks - £90,000". The
# label names what the money comes from; the list's lead-in says what the money is.
ITEM_LABEL = re.compile(
    r"^(?:[-•*–]\s+|\(?(?:[a-z]|\d{1,3})[.)]\s+)?[^:£%\n]{1,80}?(?::|\s[-–—])\s*"
    r"(?:(?:about|around|roughly|some|approximately|circa|c\.|nearly|almost|over|up to)\s+)*$", re.IGNORECASE)
# "The £2m is not a saving at all", "£400,000 that was never really a saving": the page denies it is one.
NOT_A_SAVING = re.compile(r"\s*(?:(?:from|of|in|on|for)\s[^,;.£%]{0,40}?\s)?(?:(?:that|which)\s+)?(?:is|are|was|were)\s+(?:not|never)\s+(?:really\s+|actually\s+)?"
                          r"(?:a\s+)?(?:real\s+|genuine\s+|true\s+|cashable\s+)?(?:saving|savings|efficienc\w*)\b",
                          re.IGNORECASE)
# "... this is a timing difference and should not be read as a saving", "was not accepted as a saving because", "rather
# than a saving, disaggregation had added £0.8m": the sentence denies that its money is a saving.
SAVING_DENIED = re.compile(
    r"\b(?:not|never)\s+(?:be\s+|been\s+)?(?:read|counted|treated|accepted|regarded|classed|classified|seen|scored|"
    r"recognised|recorded)\s+as\s+(?:an?\s+)?(?:real\s+|genuine\s+|true\s+|cash(?:able)?\s+)?savings?\b|"
    r"\brather than (?:a|any)\s+saving\b|\b(?:records?|recorded|shows?|showed|made)\s+no\s+saving\b", re.IGNORECASE)
# "the lower fee is worth about £240,000 to the council", "was worth £1.1m to the council": a change's value to the
# council is what it saves.
WORTH_TO_COUNCIL = re.compile(r"\s*(?:a year\s+|per year\s+|annually\s+|in the first year\s+)?to (?:(?:the|this|our|each|every) "
                              r"(?:council|authority|county|borough|district|city)\b|(?-i:[A-Z])\w+)", re.IGNORECASE)
# ... and so is the value of something cheaper: "the lower fee is worth about £240,000".
CHEAPER_BEFORE = re.compile(r"\b(?:lower|cheaper|below|reduc\w*|fall(?:en|s|ing)?|fell|dropped|sav(?:e|es|ed|ing|ings)|"
                            r"efficienc\w*)\b", re.IGNORECASE)
WORTH_BEFORE = re.compile(r"\bworth\s+(?:(?:about|around|roughly|some|nearly|almost|over|more than|an estimated|"
                          r"approximately|a total of|in total)\s+)*$", re.IGNORECASE)
# "Planned: £259m" then "Achieved: £173m": a line labelled with a status alone, after a saving, is that saving's.
STATUS_LABEL = re.compile(r"^(?:[-•*–]\s+)?(?P<status>planned|proposed|target|achieved|delivered|realised|forecast|expected|"
                          r"identified|agreed|undelivered|unachieved|outstanding)(?:\s+(?:savings?|to date|so far|in year))?"
                          r"\s*:\s*$", re.IGNORECASE)
# "- £420,000 from the renegotiation of the waste contract", "the £800,000 from merging the two contact centres":
# money that comes from a change the council made is what the change saves.
FROM_CHANGE = re.compile(
    r"\s*(?:a year\s+|per year\s+|each year\s+)?(?:from|through|by)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|our\s+)?"
    r"(?:(?!(?:sale|selling|sold|grant|government|fund)\w*\b)[\w'’-]+\s+){0,3}?"
    r"(?:renegotiat\w*|restructur\w*|merg(?:e|er|ers|ing)|moving|chang(?:e|es|ing)|review(?:s|ing)?|redesign\w*|reshap\w*|"
    r"sharing|combin\w*|clos(?:e|ed|ing|ure|ures)|reduc(?:e|ing|tion|tions)|cutting|switch\w*|introduc\w*|replac\w*|"
    r"rationalis\w*|reorganis\w*|consolidat\w*|re-?tender\w*|recommission\w*|pooling|decommission\w*|ending|stopping|"
    r"new (?:contract|supplier|provider|tariff|system|model|structure|arrangements?|rota|software)s?)\b",
    re.IGNORECASE)
# "approved £350,000; achieved £350,000", "planned £600,000, delivered £600,000": a planned amount set against a
# delivered one is a savings target.
PLANNED_BEFORE = re.compile(r"\b(?:planned|approved|agreed|target(?:ed)?|budgeted|proposed)\s*:?\s*$", re.IGNORECASE)
DELIVERED_NEXT = re.compile(r"\s*[;,/|]?\s*(?:and\s+|but\s+)?(?:only\s+)?(?:achieved|delivered|realised|realized|actual)\s*:?\s*$",
                            re.IGNORECASE)
# "Savings from rationalising the three structures reached £2.5m a year", "The actual reductions in the base budget
# total £6.4m": a sentence whose subject is the savings says how much they came to.
SAVINGS_SUBJECT = re.compile(
    r"(?:^|[;:]\s+)(?:[-•*–]\s+)?(?:(?:the|total|annual|overall|actual|cashable|recurrent|gross|net|these|those)\s+)*"
    r"(?:savings?|efficienc(?:y|ies)(?:\s+savings)?|reductions?)\b[^.;:£%]{0,100}?\s"
    r"(?:reached|totall?ed|totals?|came to|come to|stood at|stands? at|amounted to|amounts? to|rose to|grew to|"
    r"(?:were|was|are|is) (?:put|estimated|valued|forecast|projected) at|were|was|are|is)\s+(?:(?:about|around|some|nearly|almost|over|more than|roughly|just over|just under|a total of)\s+)*$",
    re.IGNORECASE)
# "The business case said the contracts would save £126m": what a forecast or model says is an estimate.
FORECAST_SAYS = re.compile(r"\b(?:business case|case for change|model(?:l?ing)?|forecasts?|projections?|appraisal|"
                           r"options? appraisal)(?:,[^.;,]{0,60},)?\s+(?:\w+\s+)?(?:said|says|showed|shows|suggested|suggests|predicted|predicts|projected|projects|"
                           r"assumed|assumes|expected|expects)\b", re.IGNORECASE)
# "The partners estimate that, taking the costs into account, the contract has still saved £36m", "By the council's
# own reckoning": a sentence framed as someone's estimate gives its savings that status, whatever the verb inside.
# ("Officers calculate that" is left to the verb: pages use it for counted results as often as for estimates.)
ESTIMATE_FRAME = re.compile(
    r"\b(?:estimates?|estimated|reckons?|reckoned|believes?|believed|indicates?|indicated|forecasts?|forecast|"
    r"predicts?|predicted)\s+that\b|\b(?:analysis|research|evidence|survey|data|modelling)\b[^.;]{0,60}\bsuggest(?:s|ed)?\b|"
    r"\bby (?:the |its |our |their )?(?:[\w'’]+\s+){0,2}own (?:reckoning|estimate|calculations?)\b", re.IGNORECASE)
# "£17.3m had been delivered, 58% of the target": a share of the target reached has the status of what reached it.
# "Of the £8.4m we planned, £7.9m has been delivered": the whole, then (after its clause) a part of it.
WHOLE_BEFORE = re.compile(r"(?:^|[:;\n])\s*(?:[\d.]+\s+)?of the\s+(?:(?:about|around|some|nearly|almost|over)\s+)?$",
                          re.IGNORECASE)
WHOLE_TO_PART = re.compile(r"[^,;:.£%]{0,40},\s*(?:(?:the|its|our|their)\s+(?:[\w-]+\s+){0,3}(?:is|was|are|were)\s+)?"
                           r"(?:(?:about|around|some|nearly|almost|over|only|just)\s+)?$", re.IGNORECASE)
OF_THE_TARGET = re.compile(r"\s*(?:of|against)\s+(?:the|its|their|our|this year['’]s)\s+(?:savings?\s+)?target\b", re.IGNORECASE)
# "showing £39m delivered against £46m planned": a participle right after a figure is its own status.
STATUS_AFTER = re.compile(r"\s+(?P<word>planned|proposed|budgeted|identified|targeted|agreed|approved|delivered|achieved|"
                          r"realised|realized|banked|saved|forecast|expected|projected)\b(?!\s+(?:by|to|for|in|on)\b)",
                          re.IGNORECASE)
