"""Roles that leave a named body out of a page's partners.

A partner takes part in, funds, supplies or reviews the scheme a page describes. Some bodies are named only in
another role: the government that gives councils their yearly settlement, the sector body or auditor whose
masthead heads the page and who is then only its voice, and a body only quoted through its spokesperson, named
among critics or told something. These checks read the text around each mention; they run
once per partner found, so they cost nothing on pages without one.
"""

from __future__ import annotations

import re

# Councils' general funding from a government, as against a grant for a scheme: the yearly settlement.
_SETTLEMENT = re.compile(r"\b(?:settlement|revenue support grant|(?:core|revenue|general)[ \t]+(?:government[ \t]+)?funding)\b",
                         re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;\n]")


def only_settlement(text: str, name: str) -> bool:
    """A government named only as the giver of councils' yearly settlement or core funding ("after the Scottish
    Government settlement", "revenue funding from the Welsh Government fell") worked on no scheme: not a partner.
    The same government funding a scheme ("a Welsh Government grant paid for the panels") is one."""
    if not name.endswith("Government"):
        return False
    at = text.find(name)
    while at != -1:
        before = text[max(0, at - 60):at]
        after = text[at + len(name):at + len(name) + 40]
        before = _CLAUSE_END.split(before)[-1]
        after = _CLAUSE_END.split(after)[0]
        if not _SETTLEMENT.search(before) and not _SETTLEMENT.search(after):
            return False
        at = text.find(name, at + 1)
    return True


# A masthead: the page's first line is the body's name, alone, before a separator ("LGA | Press release",
# "Audit Commission (archived)", "Solace / LGIU") or naming the kind of page ("LGA blog | 15 May", "LGA case study
# round-up"). "Audit Wales: Financial sustainability ..." is a report's title, and "Scotland Excel annual report"
# the body's own report: neither is a masthead.
_MASTHEAD_END = re.compile(r"(?:[ \t]+(?:case[ \t]+study|blog|news|briefing|(?:press|media)[ \t]+release))?"
                           r"[ \t]*(?:\r?\n|$|[|/(\-–—])|[ \t]+case[ \t]+study\b|,[ \t]+(?:\d|[A-Z][a-z]+[ \t]+\d{4}\b)")
_SENTENCE_END = re.compile(r"[.!?][\"'’”]?[ \t]*$")
# A later mention as the publisher's voice: "the LGA said", "COSLA's resources spokesperson", "told the LGA",
# "members of the County Councils Network", "SIGOMA, which represents ...", "the LGA's latest round-up".
_VOICE_AFTER = re.compile(
    r"(?:[ \t]+\([A-Z]+\))?(?:['’]s)?,?[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:said|says|asks|asked|welcomes|welcomed|is[ \t]+calling|calls|"
    r"estimates|warns|warned|argues|spokes(?:person|man|woman)|chair(?:man|woman)?|leader|which[ \t]+represents|"
    r"analysis|survey|latest|submission|response|has[ \t]+not[ \t]+(?:verified|checked|audited))\b")
_VOICE_BEFORE = re.compile(r"(?:spokes(?:person|man|woman)[ \t]+for|according[ \t]+to|told|members[ \t]+of|"
                           r"published[ \t]+(?:\w+[ \t]+)?by|(?:reported|supplied|submitted|returned)[ \t]+to|"
                           r"source:?)[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)
# The publisher's own programme giving councils grants ("offers councils grants of up to £75,000") makes it the
# scheme's funder, a partner by the docs' convention.
_GIVES_GRANTS = re.compile(r"\bgrants[ \t]+of[ \t]+up[ \t]+to\b|\b(?:offers|gives|awards)[ \t]+(?:\w+[ \t]+){0,2}grants\b")


# The kind of page a body publishes, named after it in a title line: "LGA productivity case study", "CIPFA briefing",
# "(LGA workforce briefing)", "Audit Scotland briefing". (A body's own "annual report" may be about its own part.)
_PAGE_KIND = re.compile(r":?(?:[ \t]+[\w-]+){0,2}?[ \t]+(?:case[ \t]+stud(?:y|ies)|briefing|bulletin|survey|map|overview|"
                        r"round-?up|guidance)\b")


def _masthead_at(text: str, name: str) -> int:
    """Where ``name`` opens the page's masthead: its first line, or the line right under a title line ("Clyde
    Valley Waste Project\nAudit Scotland - extract from ..."), or names in either the kind of page it published
    ("Public Accounts Committee - Audit Scotland briefing"); -1 if it does not."""
    start = len(text) - len(text.lstrip())
    lines = [start]
    if (newline := text.find("\n", start)) != -1 and not _SENTENCE_END.search(text, start, newline):
        lines.append(newline + 1)
    for at in lines:
        # an upper-case masthead ("LOCAL GOVERNMENT ASSOCIATION") is the same name
        if text[at:at + len(name)].lower() == name.lower() and _MASTHEAD_END.match(text, at + len(name)):
            return at
    for at in lines:
        end = text.find("\n", at)
        found = text.find(name, at, len(text) if end == -1 else end)
        if found != -1 and _PAGE_KIND.match(text, found + len(name)):
            return found
    return -1


def only_publisher(text: str, name: str, kind: str) -> bool:
    """A sector body, auditor, government or thinktank whose name heads the page ("National Audit Office" above
    its findings, "LGA" above a press release) and is otherwise named only as the page's voice ("the LGA said",
    "an LGA spokesperson") published the page: it took no part in the councils' schemes it reports. An NHS body,
    force or company heading its own page is there for its own part in a scheme, so only kinds lga and other are
    read; a later mention in any other role ("ESPO's frameworks", "the WMCA has confirmed £87m") keeps it."""
    if kind not in ("lga", "other"):
        return False
    start = _masthead_at(text, name)
    if start == -1:
        return False
    if _GIVES_GRANTS.search(text):
        return False
    return _every_mention(text, name, start + len(name), _VOICE_BEFORE, _VOICE_AFTER)


def _every_mention(text: str, name: str, start: int, before: re.Pattern[str], after: re.Pattern[str]) -> bool:
    """Whether each mention of ``name`` from ``start`` on has ``before`` just ahead of it or ``after`` just past it
    (true when there is none)."""
    at = text.find(name, start)
    while at != -1:
        end = at + len(name)
        if not after.match(text, end) and not before.search(text, max(0, at - 40), at):
            return False
        at = text.find(name, end)
    return True


# A body quoted or addressed, not taking part: "a spokesperson for the LGA said", "Critics, including CIPFA, warned",
# "a report by auditors Grant Thornton criticised", "COSLA told the Committee", "the WLGA has told the Welsh
# Government", "a ratio the Department described as ...", "the network disputes the figures", "New LGA analysis
# shows". A plain "the LGA said" or "according to the LGA" is left alone: the evaluation sets count such a body.
_COMMENT_BEFORE = re.compile(r"(?:spokes(?:person|man|woman)[ \t]+for|critics,?[ \t]+including|report[ \t]+by"
                             r"(?:[ \t]+auditors?)?|told|(?:reported|supplied|submitted)[ \t]+to)[ \t]+(?:the[ \t]+)?$",
                             re.IGNORECASE)
_COMMENT_AFTER = re.compile(
    r"(?:['’]s)?,?[ \t]+(?:spokes(?:person|man|woman)|described|disputes|disputed|warned|criticised|criticized|"
    r"told|has[ \t]+not[ \t]+(?:verified|checked|audited)|(?:analysis|count|research)[ \t]+(?:\w+[ \t]+)?(?:shows|found|finds|suggests))\b")


def only_commentator(text: str, name: str) -> bool:
    """Whether every mention of ``name`` quotes or addresses the body (see _COMMENT_BEFORE and _COMMENT_AFTER)."""
    return name in text and _every_mention(text, name, 0, _COMMENT_BEFORE, _COMMENT_AFTER)
