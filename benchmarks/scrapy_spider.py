"""The Scrapy spider the harvest benchmark compares against (optional: ``pip install -e '.[scrapy]'``).

It does the harvester's work on the same local site: read each host's sitemap, fetch every
article, extract it with the same ``extract_article`` and run the same record pipeline;
Scrapy's own scheduler, downloader and politeness settings (unthrottled, like the benchmark's
harvester). Prints the number of pages read.

    .venv/bin/python benchmarks/scrapy_spider.py http://127.0.0.2:PORT http://127.0.0.3:PORT
"""

from __future__ import annotations

import sys

import scrapy
from scrapy.crawler import CrawlerProcess

from shopwindow.config import Source
from shopwindow.content import extract_article
from shopwindow.manager import get_plugin_manager
from shopwindow.models import Record
from shopwindow.pipeline import process_record

PM = get_plugin_manager()
SOURCE = Source(name="scrapy", plugin="sitemap", urls=[])
PAGES = []


class CouncilNews(scrapy.Spider):
    name = "council-news"
    custom_settings = {
        "ROBOTSTXT_OBEY": True, "CONCURRENT_REQUESTS": 16, "CONCURRENT_REQUESTS_PER_DOMAIN": 16, "DOWNLOAD_DELAY": 0,
        "LOG_LEVEL": "ERROR", "TELNETCONSOLE_ENABLED": False, "HTTPCACHE_ENABLED": False,
    }

    def __init__(self, bases: list[str], **kwargs) -> None:
        super().__init__(**kwargs)
        self.bases = bases

    async def start(self):  # Scrapy >= 2.13
        for request in self.start_requests():
            yield request

    def start_requests(self):
        for base in self.bases:
            yield scrapy.Request(f"{base}/sitemap.xml", callback=self.parse_sitemap)

    def parse_sitemap(self, response):
        response.selector.remove_namespaces()
        for loc in response.xpath("//url/loc/text()").getall():
            yield scrapy.Request(loc.strip(), callback=self.parse_article)

    def parse_article(self, response):
        article = extract_article(response.text, response.url)
        record = Record(title=article.title, url=response.url, summary=article.summary, body=article.text, published=article.published)
        PAGES.extend(process_record(PM, record, SOURCE) or [None])
        yield {"url": response.url}


if __name__ == "__main__":
    if len(sys.argv) < 2 or any(not a.startswith(("http://", "https://")) for a in sys.argv[1:]):
        print(__doc__, file=sys.stderr)
        raise SystemExit(2)
    process = CrawlerProcess(settings={"LOG_LEVEL": "ERROR"})
    process.crawl(CouncilNews, bases=sys.argv[1:])
    process.start()
    print(len(PAGES))
