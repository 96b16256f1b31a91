"""Every default in one place (like Scrapy's default_settings). ``[harvest]`` in harvest.toml overrides them."""

import os

USER_AGENT = "ShopWindow/0.1 (+https://github.com/shopwindow/shopwindow; harvests public council news)"
REQUESTS_PER_SECOND = 1.0  # per host
CONCURRENCY = 8  # requests in flight across all hosts
CONNECT_TIMEOUT = 10.0  # seconds
READ_TIMEOUT = 20.0  # seconds between bytes
TOTAL_TIMEOUT = 60.0  # seconds for a whole request, body included
MAX_BYTES = 15 * 1024 * 1024  # body cap, on the wire and after decompression
MAX_REDIRECTS = 5
RETRIES = 3  # extra attempts on 429, 502, 503, 504 and timeouts
BACKOFF = 1.0  # seconds; doubles each retry
MAX_RETRY_AFTER = 120.0  # seconds; a longer Retry-After is treated as a failure for this run
MAX_PAGES_PER_SOURCE = 5000
PARSE_PROCESSES = min(4, os.cpu_count() or 1)  # worker processes parsing pages and running the pipeline
PARSE_TIME_LIMIT = 60.0  # seconds one page may spend being parsed and piped in a worker before it is failed
DATABASE = "data/shopwindow.db"
CONFIG = "harvest.toml"
SNAPSHOT = "data/snapshot"
