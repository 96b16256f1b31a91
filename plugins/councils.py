"""Built-in plugin councils: not implemented yet (work in progress)."""
