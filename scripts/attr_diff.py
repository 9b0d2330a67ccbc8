"""Print matched keys whose attribute (dates, source, agent...) differs from the gold.

    python scripts/attr_diff.py GOLD_DIR PRED_DIR [ATTR ...]

A debugging aid beside ``score.py --show``: that lists missed and spurious keys, this lists
the matched keys judged wrong on an attribute, with the gold and predicted values.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

import polars as pl


def main() -> None:
    gold_dir, pred_dir = Path(sys.argv[1]), Path(sys.argv[2])
    attrs = sys.argv[3:] or ["dates", "source", "agent", "place", "from_actor"]
    sys.path.insert(0, str(gold_dir.parent))
    import score as s  # the scorer lives beside the gold

    for table, key_fields in (("claims", s.CLAIM_KEY), ("control", s.CONTROL_KEY)):
        gold = [json.loads(line) for line in (gold_dir / f"{table}.jsonl").open()]
        pred = pl.read_parquet(pred_dir / f"{table}.parquet").to_dicts()
        by_key: dict[tuple, list[dict]] = defaultdict(list)
        for row in pred:
            by_key[s.key_of(row, key_fields)].append(row)
        for g in gold:
            key = s.key_of(g, key_fields)
            if key not in by_key:
                continue
            for attr in attrs:
                if attr not in g and attr != "dates":
                    continue
                wanted = s.attr_of(g, attr)
                if attr == "dates" and wanted == (None, None):
                    continue
                got = [s.attr_of(p, attr) for p in by_key[key]]
                if wanted not in got:
                    print(f"{table} {key} {attr}: gold={wanted} pred={got}")
                    print(f"    gold evidence: {g.get('evidence', '')[:160]}")


if __name__ == "__main__":
    main()
