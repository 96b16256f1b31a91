"""Built-in plugin council_news: not implemented yet (work in progress)."""
