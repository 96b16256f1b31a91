"""Built-in plugin matching: not implemented yet (work in progress)."""
