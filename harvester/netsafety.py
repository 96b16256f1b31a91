"""Which URLs the fetcher may request: http(s) only, and no private addresses on hosts the source did not name.

A harvested page is untrusted: its links and redirects could point at the machine's
own network (cloud metadata services, admin panels). Hosts a source names in its
config are trusted as given; any other host must resolve only to public addresses.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from .exceptions import UnsafeURL

Resolver = Callable[[str], Awaitable[list[str]]]


async def system_resolver(host: str) -> list[str]:
    """Resolve ``host`` to its IP addresses with the system resolver, off the event loop."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    return sorted({info[4][0] for info in infos})


def is_public_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not (
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved or ip.is_unspecified
    )


def check_scheme(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise UnsafeURL(f"refused {parts.scheme or 'schemeless'} URL: only http and https are fetched", url=url, kind="bad-scheme")
    if not parts.hostname:
        raise UnsafeURL("refused URL without a host", url=url, kind="bad-scheme")


async def check_url(url: str, named_hosts: set[str], resolver: Resolver | None) -> None:
    """Raise :class:`UnsafeURL` unless ``url`` is http(s) and its host is named or resolves only to public addresses.

    ``resolver=None`` skips resolution (offline replay, where no request leaves the process).
    """
    check_scheme(url)
    host = (urlsplit(url).hostname or "").lower()
    if host in named_hosts or resolver is None:
        return
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        addresses = [str(literal)]
    else:
        try:
            addresses = await resolver(host)
        except OSError as exc:
            raise UnsafeURL(f"cannot resolve {host}: {exc}", url=url, kind="dns") from None
    private = [a for a in addresses if not is_public_address(a)]
    if private or not addresses:
        raise UnsafeURL(
            f"refused {host}: not named by the source and resolves to a non-public address ({', '.join(private) or 'none'})",
            url=url,
            kind="private-address",
        )
