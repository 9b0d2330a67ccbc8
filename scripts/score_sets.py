"""Extract the gold sets and print the scorer's figures for each: seeds, dev and wide (whole,
then its odd and even article ids, the halves rules are written on and checked against).

    python scripts/score_sets.py [--shared ../shared] [--show wide-odd]

Every figure comes from ``shared/eval/score.py``; this script only runs the extraction and
chooses the articles. Exits 0 whatever the scores: figures belong in notes, not asserts.
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _ids(manifest: Path) -> list[str]:
    with manifest.open(encoding="utf-8") as f:
        return [row["id"] for row in csv.DictReader(f)]


def _sets(shared: Path) -> list[tuple[str, Path, Path, list[str] | None]]:
    """(name, articles, gold, article ids or None for all)."""
    ev = shared / "eval"
    out: list[tuple[str, Path, Path, list[str] | None]] = [
        ("seeds", ROOT / "seeds", ev / "seeds-gold", None),
        ("dev", ev / "dev-articles", ev / "dev-gold", None),
    ]
    wide = ev / "wide-gold"
    if wide.is_dir():
        ids = _ids(wide / "articles.csv")
        out.append(("wide", ev / "wide-articles", wide, None))
        out.append(("wide-odd", ev / "wide-articles", wide, [i for i in ids if int(i) % 2]))
        out.append(("wide-even", ev / "wide-articles", wide, [i for i in ids if not int(i) % 2]))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--show", action="append", default=[], help="list misses of this set")
    args = parser.parse_args()
    score = args.shared / "eval" / "score.py"
    if not score.exists():
        print(f"score_sets: {score} not found; skipped")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        extracted: dict[Path, Path] = {}
        for name, articles, gold, ids in _sets(args.shared):
            pred = extracted.get(gold)
            if pred is None:
                pred = Path(tmp) / gold.name
                meta = articles / "articles.csv" if name == "seeds" else gold / "articles.csv"
                subprocess.run(
                    [
                        sys.executable,
                        "-m",
                        "warclaims",
                        "extract",
                        str(articles),
                        "--meta",
                        str(meta),
                        "--out",
                        str(pred),
                        "--quiet",
                        "--no-groups",
                    ],
                    check=True,
                    stdout=subprocess.DEVNULL,
                )
                extracted[gold] = pred
            cmd = [sys.executable, str(score), "--gold", str(gold), "--pred", str(pred)]
            if ids is not None:
                cmd += ["--articles", ",".join(ids)]
            if name in args.show:
                cmd.append("--show")
            print(f"== score: {name}", flush=True)
            subprocess.run(cmd, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
