#!/usr/bin/env python3
"""Build warta/data/cameo.tsv from shared/reference/cameo_codebook.tsv + cameo2plover.txt.

Usage: python scripts/build_codebook.py [--reference ../shared/reference] [--out warta/data/cameo.tsv]

Output columns: code, root, name, goldstein, quad_class, plover, plover_mode, plover_context.
PLOVER category for a code is the table's entry for that code, else for its nearest parent.
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

# The table has no rows for CAMEO 02 (Appeal): the PLOVER manual (section REQUEST) folds CAMEO's
# appeals and demands into REQUEST. CAMEO 01 (statements) has no PLOVER category and stays empty.
ROOT_FALLBACK = {"02": ("REQUEST", "", "")}

LINE = re.compile(r"^(\d{2,4}):\s*([A-Z_]+)\s*(?:,\s*([^,#]*))?(?:,\s*([^#]*))?")


def read_plover(path: Path) -> dict[str, tuple[str, str, str]]:
    table: dict[str, tuple[str, str, str]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        m = LINE.match(raw.strip())
        if not m:
            continue
        code, cat, mode, ctx = m.group(1), m.group(2), (m.group(3) or ""), (m.group(4) or "")
        table.setdefault(code, (cat, mode.strip(), ctx.strip()))
    return table


def main() -> None:
    ap = argparse.ArgumentParser()
    here = Path(__file__).resolve().parent.parent
    ap.add_argument("--reference", type=Path, default=here.parent / "shared" / "reference")
    ap.add_argument("--out", type=Path, default=here / "warta" / "data" / "cameo.tsv")
    args = ap.parse_args()
    plover = read_plover(args.reference / "cameo2plover.txt")
    rows = []
    with open(args.reference / "cameo_codebook.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            code = r["code"]
            p = None
            for k in (code, code[:3], code[:2]):
                if k in plover:
                    p = plover[k]
                    break
            if p is None:
                p = ROOT_FALLBACK.get(r["root"], ("", "", ""))
            cat, mode, ctx = p
            rows.append([code, r["root"], r["name"], r["goldstein"], r["quad_class"], cat, mode, ctx])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        f.write("# CAMEO codebook joined with CAMEO->PLOVER (built by scripts/build_codebook.py)\n")
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["code", "root", "name", "goldstein", "quad_class", "plover", "plover_mode", "plover_context"])
        w.writerows(rows)


if __name__ == "__main__":
    main()
