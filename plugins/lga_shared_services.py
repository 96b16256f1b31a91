"""Built-in plugin lga_shared_services: not implemented yet (work in progress)."""
