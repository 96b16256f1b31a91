"""Built-in plugin lga_case_studies: not implemented yet (work in progress)."""
