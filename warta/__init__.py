"""Warta: turn Indonesian news into political event data (CAMEO, PLOVER)."""

__version__ = "0.1.0"
