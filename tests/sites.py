"""A local multi-host council-news site on loopback, for fault tests and benchmarks.

Each host is its own threaded HTTP/1.1 server on ``127.0.0.N`` (every 127.x address reaches
the loopback interface on Linux) and a free port. A host serves council-news-like article pages
of 30-60 KB, a paginated listing, an RSS feed and a sitemap, all with ETag and Last-Modified
(answering conditional requests with 304). ``hostile=True`` adds the routes in
:mod:`hostile_routes` (slow, silent, oversized, bombs, redirect tricks, bad charsets ...).

    with LocalSite(hosts=2, pages=40) as site:
        site.hosts[0].base            # "http://127.0.0.2:41234"
        site.status_counts()          # Counter of response statuses served so far

``serve_in_process(...)`` runs the same site in a child process, so that a benchmark's
harvester does not share a GIL with the server.
"""

from __future__ import annotations

import json
import multiprocessing
import random
import socket
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit
from xml.sax.saxutils import escape

PER_LISTING_PAGE = 20
EPOCH = 1_767_225_600  # 2026-01-01, so Last-Modified dates are stable between runs

SUBJECTS = ["The council", "The cabinet member for resources", "Officers", "The shared service board", "The finance director",
            "Residents' panels", "The partnership", "Ward councillors"]
VERBS = ["has agreed", "expects", "is on course", "has published plans", "reported", "confirmed", "set out proposals",
         "will consult on plans"]
OBJECTS = ["to merge the back-office teams of two districts", "to move waste collection to a four-weekly cycle for glass",
           "to replace street lights with LEDs on every residential road", "to bring the leisure centres back in house",
           "to share a single revenues and benefits service with its neighbour", "to buy rather than rent temporary housing",
           "to switch the fleet's depot to solar power", "to digitise the blue badge application"]
ENDINGS = ["which should save about £{m}m a year once it is running.", "cutting costs by {p}% over three years.",
           "with savings of £{k},000 already banked in the first year.", "after a six-month pilot in two wards.",
           "and the scrutiny committee will look at the results in the spring.", "following feedback from more than 900 residents."]
NAV = ["Bins and recycling", "Council tax", "Housing", "Planning", "Parking", "Schools", "Adult social care", "Libraries",
       "Jobs", "Your councillors", "Births, deaths and marriages", "Roads and travel", "Business", "Leisure", "Contact us"]


PLAIN = ["after a six-month pilot in two wards.", "and the scrutiny committee will look at the results in the spring.",
         "following feedback from more than 900 residents.", "as part of the wider plan for the town centre.",
         "once the contract with the current supplier ends.", "with details to follow on the council's website."]


def sentence(rng: random.Random) -> str:
    """One sentence of council news; about one in eight mentions money, as real news pages do."""
    ending = rng.choice(ENDINGS if rng.random() < 0.125 else PLAIN)
    ending = ending.format(m=rng.choice([0.4, 1.2, 2.5, 3.8]), p=rng.choice([5, 8, 12, 20]), k=rng.randrange(40, 900))
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}, {ending}"


@dataclass
class Reply:
    """What a route answers. ``etag``/``last_modified`` enable 304s; ``delay`` waits before the status line."""

    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: float | None = None
    delay: float = 0.0
    drip: float = 0.0  # seconds between single body bytes (a "slowloris" body)
    hang: bool = False  # accept the request and never answer


class NewsSite:
    """The content of one council host: articles, listing, feed, sitemap, robots.txt."""

    def __init__(self, index: int, pages: int, *, robots: str = "User-agent: *\nDisallow: /private/\n", version: int = 0) -> None:
        self.index, self.pages, self.robots, self.version = index, pages, robots, version
        rng = random.Random(index)
        self.paragraphs = [" ".join(sentence(rng) for _ in range(rng.randrange(3, 7))) for _ in range(120)]
        self.nav = "".join(f'<li><a href="/{n.lower().replace(" ", "-")}">{n}</a></li>' for n in NAV * 12)
        self.base = ""  # set by the server once it knows its port

    def title(self, n: int) -> str:
        return f"Council {self.index} news {n}: {OBJECTS[n % len(OBJECTS)].removeprefix('to ').capitalize()}"

    def modified(self, n: int) -> float:
        return EPOCH + n * 3600 + self.version * 86400

    def article(self, n: int) -> bytes:
        rng = random.Random(self.index * 1_000_003 + n + self.version)
        target = rng.randrange(30_000, 60_000)
        date = time.strftime("%Y-%m-%d", time.gmtime(self.modified(n)))
        head = (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{self.title(n)} | Council {self.index}</title>'
                f'<meta name="description" content="{escape(self.paragraphs[n % 120][:150])}">'
                f'<link rel="canonical" href="{self.base}/news/item-{n}"></head><body>'
                f'<div class="cookie-banner"><p>We use cookies to make this site work. Accept all cookies?</p></div>'
                f'<header class="site-header"><nav><ul>{self.nav}</ul></nav></header><main><article>'
                f'<h1>{self.title(n)}</h1><time datetime="{date}">{date}</time>')
        parts, size = [head], len(head)
        foot = '</article></main><footer class="site-footer"><p>Council offices, Town Hall. Open 9am to 5pm.</p></footer></body></html>'
        while size < target - len(foot):
            p = f"<p>{self.paragraphs[rng.randrange(120)]}</p>"
            parts.append(p)
            size += len(p)
        parts.append(foot)
        return "".join(parts).encode("utf-8")

    def listing(self, page: int) -> bytes:
        first = page * PER_LISTING_PAGE
        items = "".join(f'<li><h3><a href="/news/item-{n}">{self.title(n)}</a></h3></li>'
                        for n in range(first, min(first + PER_LISTING_PAGE, self.pages)))
        more = f'<a rel="next" href="/news?page={page + 1}">Next</a>' if first + PER_LISTING_PAGE < self.pages else ""
        return f'<html><head><title>News</title></head><body><ul class="news">{items}</ul>{more}</body></html>'.encode()

    def feed(self) -> bytes:
        items = "".join(f"<item><title>{escape(self.title(n))}</title><link>{self.base}/news/item-{n}</link>"
                        f"<pubDate>{formatdate(self.modified(n), usegmt=True)}</pubDate></item>" for n in range(self.pages))
        return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>News</title>{items}</channel></rss>'.encode()

    def sitemap(self) -> bytes:
        urls = "".join(f"<url><loc>{self.base}/news/item-{n}</loc></url>" for n in range(self.pages))
        return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()

    def route(self, path: str, query: dict[str, str]) -> Reply | None:
        """The normal council pages; None for unknown paths."""
        tag = f"{self.index}-{self.version}"
        if path == "/robots.txt":
            return Reply(body=self.robots.encode(), content_type="text/plain")
        if path.startswith("/news/item-") and path[11:].isdigit() and int(path[11:]) < self.pages:
            n = int(path[11:])
            return Reply(body=self.article(n), etag=f'"a{tag}-{n}"', last_modified=self.modified(n))
        if path == "/news":
            page = int(query.get("page", "0") or 0)
            return Reply(body=self.listing(page), etag=f'"l{tag}-{page}"', last_modified=self.modified(self.pages))
        if path == "/news/feed.xml":
            return Reply(body=self.feed(), content_type="application/rss+xml", etag=f'"f{tag}"', last_modified=self.modified(self.pages))
        if path == "/sitemap.xml":
            return Reply(body=self.sitemap(), content_type="application/xml", etag=f'"s{tag}"', last_modified=self.modified(self.pages))
        return None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: HostServer

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - keep the test output quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        parts = urlsplit(self.path)
        query = dict(parse_qsl(parts.query))
        if parts.path == "/__stats__":
            self._send(Reply(body=json.dumps(self.server.owner.status_counts()).encode(), content_type="application/json"), log=False)
            if "reset" in query:
                self.server.owner.reset_counts()
            return
        if parts.path == "/__log__":  # for benchmarks: (host, path, status, time) of every request served
            self._send(Reply(body=json.dumps(self.server.owner.log).encode(), content_type="application/json"), log=False)
            return
        reply = None
        if self.server.hostile is not None:
            reply = self.server.hostile.route(self, parts.path, query)
        if reply is None:
            reply = self.server.site.route(parts.path, query)
        if reply is None:
            reply = Reply(404, b"<html><body><h1>Page not found</h1></body></html>")
        latency = self.server.owner.latency
        if latency or reply.delay:
            time.sleep(latency + reply.delay)
        if reply.hang:
            time.sleep(3600)
            return
        self._send(reply)

    def _not_modified(self, reply: Reply) -> bool:
        if reply.etag and self.headers.get("If-None-Match"):
            return reply.etag in [t.strip() for t in self.headers["If-None-Match"].split(",")]
        if reply.last_modified is not None and self.headers.get("If-Modified-Since"):
            try:
                return parsedate_to_datetime(self.headers["If-Modified-Since"]).timestamp() >= int(reply.last_modified)
            except (TypeError, ValueError):
                return False
        return False

    def _send(self, reply: Reply, log: bool = True) -> None:
        status = 304 if reply.status == 200 and self._not_modified(reply) else reply.status
        if log:
            self.server.owner.note(self.server.site.index, self.path, status)
        self.send_response(status)
        headers = {"Content-Type": reply.content_type, **reply.headers}
        if reply.etag:
            headers["ETag"] = reply.etag
        if reply.last_modified is not None:
            headers["Last-Modified"] = formatdate(reply.last_modified, usegmt=True)
        body = b"" if status == 304 else reply.body
        if "Content-Length" not in headers and not reply.drip:
            headers["Content-Length"] = str(len(body))
        if reply.drip:
            headers["Connection"] = "close"
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        try:
            if reply.drip:
                for byte in body:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(reply.drip)
            else:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


class HostServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], site: NewsSite, owner: LocalSite, hostile=None) -> None:
        super().__init__(address, Handler)
        self.site, self.owner, self.hostile = site, owner, hostile

    def handle_error(self, request, client_address) -> None:
        """A client hanging up mid-body (the fetcher's caps do this on purpose) is not news."""


@dataclass
class HostInfo:
    ip: str
    port: int

    @property
    def base(self) -> str:
        return f"http://{self.ip}:{self.port}"


class LocalSite:
    """Start ``hosts`` council hosts on 127.0.0.2, 127.0.0.3, ... (``first_ip`` onwards)."""

    def __init__(self, hosts: int = 2, pages: int = 40, *, latency: float = 0.0, hostile: bool = False,
                 robots: dict[int, str] | None = None, first_ip: int = 2) -> None:
        self.latency = latency
        self.log: list[tuple[int, str, int, float]] = []  # (host index, path, status, monotonic time)
        self._lock = threading.Lock()
        self.servers: list[HostServer] = []
        self.hosts: list[HostInfo] = []
        self.sites: list[NewsSite] = []
        for i in range(hosts):
            site = NewsSite(i, pages, **({"robots": robots[i]} if robots and i in robots else {}))
            route = None
            if hostile and i == 0:
                from hostile_routes import HostileRoutes

                route = HostileRoutes(self)
            server = HostServer((f"127.0.0.{first_ip + i}", 0), site, self, route)
            site.base = f"http://127.0.0.{first_ip + i}:{server.server_address[1]}"
            self.servers.append(server)
            self.sites.append(site)
            self.hosts.append(HostInfo(f"127.0.0.{first_ip + i}", server.server_address[1]))
        self.silent = SilentServer(f"127.0.0.{first_ip + hosts}") if hostile else None
        self.dripping = SilentServer(f"127.0.0.{first_ip + hosts + 1}", drip=True) if hostile else None
        self._threads: list[threading.Thread] = []

    def start(self) -> LocalSite:
        for server in self.servers:
            thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def stop(self) -> None:
        for server in self.servers:
            server.shutdown()
            server.server_close()
        for extra in (self.silent, self.dripping):
            if extra is not None:
                extra.close()

    def __enter__(self) -> LocalSite:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def note(self, host: int, path: str, status: int) -> None:
        with self._lock:
            self.log.append((host, path, status, time.monotonic()))

    def status_counts(self, path_prefix: str = "") -> dict[str, int]:
        with self._lock:
            return dict(Counter(str(s) for _, p, s, _ in self.log if p.startswith(path_prefix)))

    def requests_for(self, host: int, path: str) -> list[tuple[int, float]]:
        with self._lock:
            return [(s, t) for h, p, s, t in self.log if h == host and p == path]

    def reset_counts(self) -> None:
        with self._lock:
            self.log.clear()

    def bump_version(self) -> None:
        """Change every page (new bodies and validators), as a site redesign would."""
        for site in self.sites:
            site.version += 1


class SilentServer:
    """A host that accepts connections and never says a word (or, with ``drip``, answers one byte at a time forever)."""

    def __init__(self, ip: str, drip: bool = False) -> None:
        self.drip = drip
        self.sock = socket.socket()
        self.sock.bind((ip, 0))
        self.sock.listen(64)
        self.ip, self.port = ip, self.sock.getsockname()[1]
        self.base = f"http://{ip}:{self.port}"
        self.held: list[socket.socket] = []
        self._stop = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.held.append(conn)
            if self.drip:
                threading.Thread(target=self._trickle, args=(conn,), daemon=True).start()

    def _trickle(self, conn: socket.socket) -> None:
        try:
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n")
            while not self._stop:
                conn.sendall(b"#")
                time.sleep(0.1)
        except OSError:
            return

    def close(self) -> None:
        self._stop = True
        self.sock.close()
        for conn in self.held:
            conn.close()


def _child(conn, kwargs: dict) -> None:
    site = LocalSite(**kwargs).start()
    conn.send([(h.ip, h.port) for h in site.hosts])
    conn.recv()  # block until the parent says stop
    site.stop()


class ChildSite:
    """A :class:`LocalSite` in a child process; ``hosts`` as in LocalSite, ``status_counts()`` via ``/__stats__``."""

    def __init__(self, **kwargs) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._conn, child_conn = ctx.Pipe()
        self.process = ctx.Process(target=_child, args=(child_conn, kwargs), daemon=True)
        self.process.start()
        self.hosts = [HostInfo(ip, port) for ip, port in self._conn.recv()]

    def status_counts(self, reset: bool = False) -> dict[str, int]:
        import urllib.request

        url = self.hosts[0].base + "/__stats__" + ("?reset=1" if reset else "")
        with urllib.request.urlopen(url, timeout=10) as resp:  # noqa: S310 - loopback only
            return json.loads(resp.read())

    def request_log(self) -> list[tuple[int, str, int, float]]:
        import urllib.request

        with urllib.request.urlopen(self.hosts[0].base + "/__log__", timeout=30) as resp:  # noqa: S310 - loopback only
            return [tuple(row) for row in json.loads(resp.read())]

    def stop(self) -> None:
        self._conn.send("stop")
        self.process.join(10)
        if self.process.is_alive():
            self.process.kill()

    def __enter__(self) -> ChildSite:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
