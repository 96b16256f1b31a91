"""Built-in plugin thinktank_reports: not implemented yet (work in progress)."""
