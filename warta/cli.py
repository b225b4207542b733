"""Command-line interface: a thin layer over the library (one click command per feature)."""

from __future__ import annotations

import click

from warta import __version__


@click.group()
@click.version_option(__version__, prog_name="warta")
def cli() -> None:
    """Warta: political event data (CAMEO/PLOVER) from Indonesian news."""


def main() -> None:
    cli()
