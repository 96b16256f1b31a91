"""Named exceptions: control flow for the pipeline, and errors the CLI turns into one line."""


class ShopWindowError(Exception):
    """Base class for errors Shop Window reports to the user without a traceback."""


class ConfigError(ShopWindowError):
    """The configuration file is wrong. The message names the file, source, field and fix."""


class RejectRecord(Exception):
    """Raised by a ``check_record`` (or any pipeline) hook to drop a record, like Scrapy's DropItem."""


class FetchError(ShopWindowError):
    """A request could not be completed (after retries); the message says why."""

    def __init__(self, message: str, *, url: str = "", kind: str = "error") -> None:
        super().__init__(message)
        self.url = url
        self.kind = kind  # slash-free counter name: timeout, too-large, blocked, http-500, ...


class UnsafeURL(FetchError):
    """A URL or redirect was refused: bad scheme, or a host resolving to a private address."""


class SourceLocked(ShopWindowError):
    """Another harvest run holds this source."""


class LayoutChanged(ShopWindowError):
    """A page no longer has the structure a reader expects: the site changed its layout. Fail loudly, never yield nothing.

    ``LayoutChanged(reader, selector, url)`` names the selector that stopped matching;
    ``LayoutChanged("message")`` is for other structural surprises.
    """

    def __init__(self, reader: str, selector: str | None = None, url: str = "", what: str = "") -> None:
        if selector is None:
            super().__init__(reader)
        else:
            detail = f" ({what})" if what else ""
            super().__init__(
                f"reader {reader!r}: selector {selector!r} matched nothing on {url}{detail}; "
                "the site's layout has probably changed, so update the reader's selectors."
            )
        self.reader = reader
        self.selector = selector
        self.url = url
