"""Built-in plugin savings: not implemented yet (work in progress)."""
