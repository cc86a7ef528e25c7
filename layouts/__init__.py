"""Component trees for the pages: built from data handed in, no I/O here."""
