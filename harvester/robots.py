"""robots.txt: fetched once per host per run, obeyed, its Crawl-delay honoured.

Follows RFC 9309: a missing robots.txt (4xx) allows everything; a server error (5xx)
or an unreachable host disallows the whole host for this run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.robotparser import RobotFileParser


@dataclass
class RobotsRules:
    host: str
    http_status: int
    parser: RobotFileParser | None = None  # None: allow all (or disallow all, see allow_all)
    allow_all: bool = True
    disallowed: int = 0  # URLs refused this run
    delays: dict[str, float] = field(default_factory=dict)  # agent (lower case) -> Crawl-delay, fractions kept

    def allowed(self, url: str, user_agent: str) -> bool:
        if self.parser is None:
            ok = self.allow_all
        else:
            ok = self.parser.can_fetch(_product(user_agent), url)
        if not ok:
            self.disallowed += 1
        return ok

    def crawl_delay(self, user_agent: str) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(_product(user_agent))
        if delay is None:
            # urllib.robotparser drops fractional delays ("Crawl-delay: 0.5"); sites use them, so read them too.
            product = _product(user_agent).lower()
            delay = next((d for agent, d in self.delays.items() if agent != "*" and agent in product), self.delays.get("*"))
        if delay is None:
            rate = self.parser.request_rate(_product(user_agent))
            if rate and rate.requests:
                return rate.seconds / rate.requests
            return None
        try:
            return max(0.0, float(delay))
        except (TypeError, ValueError):
            return None


def _product(user_agent: str) -> str:
    """The product token robots.txt groups match against ("ShopWindow" from "ShopWindow/0.1 (+url)")."""
    return user_agent.split("/")[0].split()[0] if user_agent else "*"


def parse_robots(host: str, status: int, text: str | None) -> RobotsRules:
    """Build rules from a robots.txt response status and body."""
    if status >= 500 or status == 0:
        return RobotsRules(host, status, None, allow_all=False)
    if status >= 400 or text is None:
        return RobotsRules(host, status, None, allow_all=True)
    parser = RobotFileParser()
    parser.parse(text.splitlines())
    return RobotsRules(host, status, parser, delays=_crawl_delays(text))


def _crawl_delays(text: str) -> dict[str, float]:
    """Crawl-delay per user-agent group, read as a float."""
    delays: dict[str, float] = {}
    agents: list[str] = []
    in_agents = False
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        key, value = (part.strip() for part in line.split(":", 1))
        key = key.lower()
        if key == "user-agent":
            agents = agents + [value.lower()] if in_agents else [value.lower()]
            in_agents = True
            continue
        in_agents = False
        if key == "crawl-delay":
            try:
                delay = float(value)
            except ValueError:
                continue
            for agent in agents:
                delays.setdefault(agent, max(0.0, delay))
    return delays
