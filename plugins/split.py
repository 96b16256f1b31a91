"""Built-in plugin split: not implemented yet (work in progress)."""
