"""Language data: everything a linguist edits lives in ``warta/lang/<code>/`` as YAML/TSV.

``load_lang("id")`` returns a :class:`LangData` that reads files lazily and caches them on the
instance (no module-level state), so one loaded object can be shared by every stage.
"""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


class LangDataError(ValueError):
    """A language data file is missing or malformed."""


class LangData:
    def __init__(self, code: str, root: Path):
        self.code = code
        self.root = root
        self._cache: dict[str, Any] = {}

    def path(self, name: str) -> Path:
        return self.root / name

    def yaml(self, name: str) -> Any:
        if name not in self._cache:
            p = self.path(name)
            if not p.exists():
                raise LangDataError(f"missing language file {p}")
            with open(p, encoding="utf-8") as f:
                self._cache[name] = yaml.safe_load(f)
        return self._cache[name]

    def tsv(self, name: str) -> list[dict[str, str]]:
        """Rows of a TSV file with a header line; '#' lines and blank lines are comments."""
        if name not in self._cache:
            p = self.path(name)
            if not p.exists():
                raise LangDataError(f"missing language file {p}")
            with open(p, encoding="utf-8") as f:
                lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
            rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
            self._cache[name] = [{k: (v or "").strip() for k, v in r.items()} for r in rows]
        return list(self._cache[name])


def lang_dir(code: str) -> Path:
    return Path(str(resources.files("warta") / "lang" / code))


def load_lang(code: str = "id") -> LangData:
    root = lang_dir(code)
    if not root.is_dir():
        raise LangDataError(f"no language data for {code!r} (looked in {root})")
    return LangData(code, root)
