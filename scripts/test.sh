#!/usr/bin/env bash
# Installs what the tests need and runs every test: Rust (fmt, clippy, cargo test),
# Python (ruff, pytest with doctests, the notebooks executed headless) and the scorer on
# the seeds, dev and wide sets (the wide set also by odd and even article id).
# Needs only Python 3.11+ with pip and a Rust toolchain. Set PYTHON to choose the interpreter.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
SHARED=../shared

echo "== install (pip install .[test])"
"$PY" -m pip install --quiet --disable-pip-version-check ".[test]"

echo "== rust: fmt, clippy, test"
cargo fmt --check
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --features python -- -D warnings
cargo test --quiet

echo "== python: ruff, pytest"
"$PY" -m ruff check python tests scripts bench
"$PY" -m pytest -q tests/python
"$PY" -m pytest -q --doctest-modules --pyargs warclaims

if [ -f "$SHARED/eval/score.py" ]; then
  echo "== scores (seeds, dev, wide whole and by odd/even article id)"
  "$PY" scripts/score_sets.py --shared "$SHARED"
  if [ -f "$SHARED/data/fakes/fakes.csv" ]; then
    echo "== fakes: civilian death counts found as killed figures"
    "$PY" scripts/fakes_recall.py --data "$SHARED/data/fakes/fakes.csv"
    "$PY" scripts/fakes_analysis.py --data "$SHARED/data/fakes/fakes.csv"
  fi
else
  echo "== score: skipped ($SHARED/eval not found)"
fi
