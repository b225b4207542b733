"""The CAMEO codebook (codes, names, Goldstein scale, quad class) joined with PLOVER.

Data: ``warta/data/cameo.tsv``, built from ``shared/reference`` by ``scripts/build_codebook.py``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources
from pathlib import Path


@dataclass(frozen=True, slots=True)
class CameoEntry:
    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None
    plover_context: str | None


class UnknownCode(KeyError):
    """A CAMEO code that the codebook does not define."""


class Codebook:
    def __init__(self, entries: dict[str, CameoEntry]):
        self._entries = entries

    @classmethod
    def load(cls, path: Path | None = None) -> Codebook:
        if path is None:
            path = Path(str(resources.files("warta") / "data" / "cameo.tsv"))
        entries: dict[str, CameoEntry] = {}
        with open(path, encoding="utf-8") as f:
            rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
            for r in rows:
                entries[r["code"]] = CameoEntry(
                    code=r["code"],
                    root=r["root"],
                    name=r["name"],
                    goldstein=float(r["goldstein"]),
                    quad_class=int(r["quad_class"]),
                    plover=r["plover"] or None,
                    plover_mode=r["plover_mode"] or None,
                    plover_context=r["plover_context"] or None,
                )
        return cls(entries)

    def __contains__(self, code: object) -> bool:
        return code in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._entries.values())

    def get(self, code: str) -> CameoEntry:
        try:
            return self._entries[code]
        except KeyError:
            raise UnknownCode(f"unknown CAMEO code {code!r}") from None

    def roots(self) -> list[CameoEntry]:
        return [e for e in self._entries.values() if len(e.code) == 2]
