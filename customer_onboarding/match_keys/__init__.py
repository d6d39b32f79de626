"""Normalised match keys of every customer: kept current on every save, read by every rule that compares customers."""
