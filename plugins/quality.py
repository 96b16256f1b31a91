"""Built-in plugin quality: not implemented yet (work in progress)."""
