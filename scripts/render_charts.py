"""Renders the README's charts of the seeds into docs/ (PNG, through vl-convert).

python scripts/render_charts.py
"""

from pathlib import Path

import warclaims
from warclaims import plot

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ex = warclaims.extract(ROOT / "seeds", meta=ROOT / "seeds" / "articles.csv")
    docs = ROOT / "docs"
    written = [
        plot.save(plot.control_timeline(ex), docs / "control_timeline.png"),
        plot.save(plot.casualties(ex, every="1mo"), docs / "casualties.png"),
    ]
    for path in written:
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
