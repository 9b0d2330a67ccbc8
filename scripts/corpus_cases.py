"""Propose corpus cases from the gold sets' evidence sentences.

    python scripts/corpus_cases.py --kind claims|control [--shared ../shared] > cases.toml

Each gold row's evidence (a real sentence of a named article) is extracted on its own with
the article's publication date. Where the extractor finds the gold row's key (claims: kind,
low, high, actor and the last word of a thing's unit; control: action, place, actor), a
`[[case]]` is printed with the rule that read it, for a developer to review and paste into
`tests/corpus/claims.toml` or `control.toml`. Rows it misses are printed as comments
(`# missed ...`), the gap the rules do not cover yet. Keys that depend on other sentences
(place, date, source of a claim) are left out of the cases.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

import polars as pl

import warclaims

ROOT = Path(__file__).resolve().parent.parent
SETS = (("seeds", "seeds-gold"), ("dev", "dev-gold"), ("wide", "wide-gold"))
THINGS = {"destroyed", "seized", "losses"}


def _toml(value: object) -> str:
    if value is None:
        return '""'
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _thing(row: dict) -> str | None:
    unit = row.get("unit")
    if row["kind"] not in THINGS or not unit:
        return None
    return unit.lower().split()[-1]


def _key(row: dict, kind: str) -> tuple:
    if kind == "claims":
        return (row["kind"], row["low"], row["high"], row["actor"], _thing(row))
    return (row["action"], row["place"], row["actor"])


def _fields(row: dict, kind: str, match: dict) -> str:
    names = ("kind", "low", "high", "actor") if kind == "claims" else ("action", "place", "actor")
    parts = [f"{n} = {_toml(row[n])}" for n in names]
    if kind == "claims" and _thing(row):
        # The extractor's unit, whose last word is the gold's (the key compares that word).
        parts.append(f"unit = {_toml(match['unit'])}")
    parts.append(f"rule = {_toml(match['rule'])}")
    return "{ " + ", ".join(parts) + " }"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", choices=("claims", "control"), required=True)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    found = missed = 0
    for name, gold_dir in SETS:
        gold = args.shared / "eval" / gold_dir
        with (gold / "articles.csv").open(encoding="utf-8") as f:
            published = {r["id"]: r["published"] for r in csv.DictReader(f)}
        rows = [json.loads(line) for line in (gold / f"{args.kind}.jsonl").open()]
        docs = [
            {"id": str(i), "text": r["evidence"], "published": published.get(r["article_id"])}
            for i, r in enumerate(rows)
        ]
        ex = warclaims.extract(pl.DataFrame(docs, schema={k: pl.String for k in docs[0]}))
        pred = ex.claims if args.kind == "claims" else ex.control
        by_doc: dict[str, list[dict]] = {}
        for p in pred.to_dicts():
            by_doc.setdefault(p["article_id"], []).append(p)
        seen: set[tuple] = set()
        for i, r in enumerate(rows):
            key = (r["evidence"], *_key(r, args.kind))
            if key in seen:
                continue
            seen.add(key)
            match = next(
                (p for p in by_doc.get(str(i), []) if _key(p, args.kind) == _key(r, args.kind)),
                None,
            )
            label = f"{name} {r['article_id']}"
            if match is None:
                missed += 1
                print(f"# missed ({label}): {_key(r, args.kind)} | {r['evidence'][:120]}")
                continue
            found += 1
            date = _toml(published[r["article_id"]])
            print(
                f"\n[[case]]\narticle = {_toml(label)}\npublished = {date}"
                f"\ntext = {_toml(r['evidence'])}\n"
                f"{args.kind if args.kind == 'claims' else 'events'} = "
                f"[{_fields(r, args.kind, match)}]"
            )
    print(f"# {found} found, {missed} missed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
