"""Deterministic demonstration data (indicators, survey microdata), loaded by the importers."""
