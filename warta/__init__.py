"""Warta."""
