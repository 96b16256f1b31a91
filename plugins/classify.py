"""Built-in plugin classify: not implemented yet (work in progress)."""
