"""harvest.toml validation: the whole file is checked first, and every error says where and how to fix it."""

from __future__ import annotations

import pytest

from shopwindow.config import load_config, parse_config
from shopwindow.exceptions import ConfigError
from shopwindow.readers import Reader


class NewsReader(Reader):
    name = "pages"
    options = {"item_selector": "CSS selector"}
    option_types = {"item_selector": str}


READERS = {"pages": NewsReader}


def test_a_valid_config_loads_with_defaults(write_config):
    path = write_config(
        """
[harvest]
user_agent = "ShopWindow/0.1 (+https://example.org/about)"
requests_per_second = 2
[[sources]]
name = "barnsley-news"
plugin = "pages"
url = "https://www.barnsley.gov.uk/news"
council = "E08000016"
schedule = "0 3 * * 1"
item_selector = ".news a"
"""
    )
    config = load_config(path, readers=READERS)
    source = config.source("barnsley-news")
    assert source.urls == ["https://www.barnsley.gov.uk/news"]
    assert source.options == {"item_selector": ".news a"}
    assert source.hosts == {"www.barnsley.gov.uk"}
    assert config.harvest.requests_per_second == 2.0
    assert config.harvest.concurrency == 8  # default from settings.py


@pytest.mark.parametrize(
    "body, expected",
    [
        ('[[sources]]\nname = "a"\nplugin = "pages"\nurl = "https://x.gov.uk"\nschedule = "0 3 * *"', "field 'schedule'"),
        ('[[sources]]\nname = "a"\nplugin = "pagez"\nurl = "https://x.gov.uk"', "Did you mean 'pages'"),
        ('[[sources]]\nname = "a"\nplugin = "pages"\nurl = "ftp://x.gov.uk"', "is not an http(s) URL"),
        ('[[sources]]\nname = "a"\nplugin = "pages"\nurl = "https://x.gov.uk"\ncouncil = "Barnsley"', "is not a GSS code"),
        ('[[sources]]\nname = "a"\nplugin = "pages"\nurl = "https://x.gov.uk"\nitem_selecter = "a"', "Did you mean 'item_selector'"),
        ('[[sources]]\nname = "a"\nplugin = "pages"\nurl = "https://x.gov.uk"\nitem_selector = 3', "option 'item_selector' must be a str"),
        ('[[sources]]\nname = "a"\nplugin = "pages"', "field 'url' is missing"),
        ('[[sources]]\nplugin = "pages"\nurl = "https://x.gov.uk"', "field 'name' is missing"),
        ('[harvest]\nrequests_per_second = -1', "must be a number greater than 0"),
        ('[harvest]\nparse_time_limit = "1m"', "field 'parse_time_limit' must be a number"),
        ('[harvest]\nparse_time_limit = inf', "must be a number greater than 0"),
        ('[harvest]\nbackoff = nan', "must be a number greater than 0"),
        ('[harvest]\nuser_agnet = "x"', "Did you mean 'user_agent'"),
        ('[[sources]]\nname = "a"\nplugin = "pages"\nurl = "https://x.gov.uk"\n[[sources]]\nname = "a"\nplugin = "pages"\nurl = "https://y.gov.uk"', "used twice"),
        ("[[sources]\nname = ", "not valid TOML"),
    ],
)
def test_errors_name_the_file_source_and_field(write_config, body, expected):
    path = write_config(body)
    with pytest.raises(ConfigError) as info:
        load_config(path, readers=READERS)
    message = str(info.value)
    assert str(path) in message
    assert expected in message


def test_every_problem_is_reported_at_once():
    with pytest.raises(ConfigError) as info:
        parse_config({"sources": [{"name": "a", "plugin": "nope", "url": "x"}, {"name": "B!", "plugin": "pages", "url": "https://x.gov.uk"}]},
                     readers=READERS)
    message = str(info.value)
    assert "3 problem(s)" in message and "sources[0]" in message and "sources[1]" in message


def test_missing_file_says_how_to_fix(tmp_path):
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "nope.toml", readers=READERS)


def test_unknown_source_name_suggests_the_closest(write_config):
    config = load_config(write_config('[[sources]]\nname = "barnsley-news"\nplugin = "pages"\nurl = "https://x.gov.uk"'), readers=READERS)
    with pytest.raises(ConfigError, match="Did you mean 'barnsley-news'"):
        config.select(["barnsley-new"])
