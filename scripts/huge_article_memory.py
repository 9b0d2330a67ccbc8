"""Peak memory of one huge article (a script, not a test).

    python scripts/huge_article_memory.py

Writes a 50 MB article (the seeds repeated) and a 50 MB file without sentence punctuation,
extracts each in a fresh process, and prints the seconds, the claims and the peak RSS.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHILD = """
import json, resource, sys, time, warclaims
started = time.perf_counter()
ex = warclaims.extract(sys.argv[1])
print(json.dumps({
    "seconds": round(time.perf_counter() - started, 1),
    "claims": ex.claims.height,
    "warnings": [w.split(" ")[0] for w in ex.articles.get_column("warnings")[0]],
    "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
}))
"""


def main() -> None:
    seeds = "\n".join(p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    size = 50_000_000
    with tempfile.TemporaryDirectory() as tmp:
        cases = {
            "50 MB article": seeds * (size // len(seeds.encode()) + 1),
            "50 MB without punctuation": (
                "five people were killed in Palmyra and the fighting went on " * (size // 60)
            ),
        }
        for name, text in cases.items():
            path = Path(tmp) / "doc.txt"
            path.write_text(text, "utf-8")
            done = subprocess.run(
                [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True
            )
            result = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"{name} ({len(text.encode()) / 1e6:.0f} MB): {result}", flush=True)


if __name__ == "__main__":
    main()
