"""The warclaims benchmark (a script, not a test): throughput, scaling, memory and baselines.

    pip install ".[bench]" && python bench/run.py [--mb 200] [--stream-mb 2000] [--work DIR]

1. Builds a corpus of real articles: the FA-KES texts and the seeds, cycled with a per-copy
   change (a copy number in the first line, one number shifted) so nothing can be cached, up
   to ``--mb`` megabytes of text, written as Parquet.
2. Measures, each in a fresh subprocess (peak RSS from ``getrusage``): warclaims from a
   Polars frame of texts to the three frames, on one core (``RAYON_NUM_THREADS=1``) and on
   all cores; the same corpus streamed Parquet to Parquet with ``extract_to``; and a
   ``--stream-mb`` corpus streamed the same way for the memory bound.
3. Runs on one core, on a slice of the same corpus: (a) a pure-Python ``re`` pipeline
   matching the same kind of patterns (sentences, figures, kind words near figures), (b)
   spaCy's blank English tokenizer with a Matcher of equivalent patterns, (c) a bare
   Aho-Corasick scan of the lexicon's phrases (the floor). Prints MB/s and the ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
FAKES = ROOT.parent / "shared" / "data" / "fakes" / "fakes.csv"


def build_corpus(path: Path, mb: float) -> Path:
    """FA-KES and seed texts, cycled with a per-copy change, to ``mb`` MB of text."""
    texts: list[str] = []
    if FAKES.exists():
        raw = pl.read_csv(FAKES, encoding="latin-1", infer_schema_length=0)
        texts += raw.get_column("article_content").drop_nulls().to_list()
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    base = pl.DataFrame({"text": texts})
    size = base.get_column("text").str.len_bytes().sum()
    copies = max(1, int(mb * 1e6 // size) + 1)
    frames = []
    for k in range(copies):
        frames.append(
            base.with_columns(
                pl.format("Copy {} of the archive.\n", pl.lit(k)).alias("head"),
                # Shift one small number per copy so figures differ between copies.
                pl.col("text").str.replace(r"\b(\d)\b", str(k % 9 + 1)),
            ).select(
                pl.format("c{}-{}", pl.lit(k), pl.int_range(pl.len())).alias("id"),
                (pl.col("head") + pl.col("text")).alias("text"),
            )
        )
    corpus = pl.concat(frames)
    path.parent.mkdir(parents=True, exist_ok=True)
    corpus.write_parquet(path)
    return path


# --- measurements run in subprocesses ---------------------------------------------------


def _child(kind: str, corpus: str, out: str, limit_mb: float) -> dict:
    import warclaims  # only in the measured process

    if kind == "stream":
        # Never holds the corpus, not even to size it: extract_to counts what it read.
        # (Summing the text lengths with a scan first loads the whole text column, which
        # is what this process's peak RSS would then measure.)
        started = time.perf_counter()
        result = warclaims.extract_to(corpus, out, batch_size=2000, progress=False)
        seconds = time.perf_counter() - started
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return {
            "kind": kind,
            "mb": result.text_bytes / 1e6,
            "articles": result.articles,
            "seconds": seconds,
            "found": result.claims,
            "peak_rss_mb": rss,
        }
    df = pl.read_parquet(corpus)
    if limit_mb:
        sizes = df.get_column("text").str.len_bytes().cum_sum()
        df = df.filter(sizes <= limit_mb * 1e6)
    mb = df.get_column("text").str.len_bytes().sum() / 1e6
    started = time.perf_counter()
    if kind == "extract":
        ex = warclaims.extract(df)
        n = ex.claims.height
    elif kind == "scan":
        lexicon = warclaims.Lexicon.default()._inner
        n = warclaims._warclaims.scan_phrases(df.get_column("text").to_list(), lexicon)
    elif kind == "re":
        n = _re_pipeline(df.get_column("text").to_list())
    elif kind == "spacy":
        n = _spacy_pipeline(df.get_column("text").to_list())
    else:
        raise ValueError(kind)
    seconds = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "kind": kind,
        "mb": mb,
        "articles": df.height,
        "seconds": seconds,
        "found": n,
        "peak_rss_mb": rss,
    }


_KIND_WORDS = (
    r"killed|kill|kills|killing|died|dead|deaths|wounded|injured|captured|destroyed|"
    r"sorties|strikes|raids|fled|displaced|executed|martyred|death toll|lost"
)
_FIGURE = (
    r"(?:at least |more than |over |up to |about |nearly |some )?"
    r"(?:\d[\d,]*|dozens|hundreds|one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
    r"twenty|thirty|forty|fifty)"
)


def _re_pipeline(texts: list[str]) -> int:
    """The same kind of patterns in pure Python: sentences, figures, kind words near them."""
    sentence = re.compile(r"[^.!?\n]+[.!?]?")
    figure = re.compile(rf"(?i)\b{_FIGURE}\b")
    kind = re.compile(rf"(?i)\b(?:{_KIND_WORDS})\b")
    date = re.compile(
        r"(?i)\b(?:on |last |since )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
        r"january|february|march|april|may|june|july|august|september|october|november|december)\b"
    )
    found = 0
    for text in texts:
        for s in sentence.finditer(text):
            chunk = s.group(0)
            kinds = [m.start() for m in kind.finditer(chunk)]
            if not kinds:
                continue
            date.findall(chunk)
            for f in figure.finditer(chunk):
                if any(abs(k - f.start()) < 60 for k in kinds):
                    found += 1
    return found


def _spacy_pipeline(texts: list[str]) -> int:
    import spacy  # a benchmark extra
    from spacy.matcher import Matcher

    nlp = spacy.blank("en")
    matcher = Matcher(nlp.vocab)
    kinds = [w for w in _KIND_WORDS.split("|") if " " not in w]
    qual = {"LOWER": {"IN": ["at", "more", "over", "up", "about", "nearly", "some"]}, "OP": "?"}
    matcher.add(
        "CLAIM",
        [
            [qual, {"LIKE_NUM": True}, {"IS_ALPHA": True, "OP": "*"}, {"LOWER": {"IN": kinds}}],
            [{"LOWER": {"IN": kinds}}, qual, {"LIKE_NUM": True}],
        ],
        greedy="LONGEST",
    )
    found = 0
    for doc in nlp.pipe(texts, batch_size=256):
        found += len(matcher(doc))
    return found


def _run(kind: str, corpus: Path, out: Path, threads: int | None, limit_mb: float = 0) -> dict:
    env = dict(os.environ)
    if threads:
        env["RAYON_NUM_THREADS"] = str(threads)
        env["POLARS_MAX_THREADS"] = str(threads)
    cmd = [sys.executable, __file__, "--child", kind, str(corpus), str(out), str(limit_mb)]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["threads"] = threads or os.cpu_count()
    return result


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        kind, corpus, out, limit = sys.argv[2:6]
        print(json.dumps(_child(kind, corpus, out, float(limit))))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=200, help="corpus size (MB of text)")
    parser.add_argument("--stream-mb", type=float, default=2000, help="streamed corpus size")
    parser.add_argument("--baseline-mb", type=float, default=5, help="slice for re/spaCy")
    parser.add_argument("--work", type=Path, default=Path("/tmp/warclaims-bench"))
    args = parser.parse_args()
    corpus = build_corpus(args.work / "corpus.parquet", args.mb)
    rows = []

    def show(r: dict) -> None:
        rate = r["mb"] / r["seconds"]
        print(
            f"{r['kind']:>8} x{r['threads']}: {r['mb']:8.1f} MB {r['articles']:>8} articles "
            f"{r['seconds']:8.2f} s {rate:8.2f} MB/s {r['articles'] / r['seconds']:9.0f} art/s "
            f"peak RSS {r['peak_rss_mb']:7.0f} MB",
            flush=True,
        )
        rows.append(r)

    print(f"machine: {os.cpu_count()} cores; corpus {corpus}", flush=True)
    one = _run("extract", corpus, args.work / "o1", 1)
    show(one)
    all_cores = _run("extract", corpus, args.work / "o2", None)
    show(all_cores)
    show(_run("stream", corpus, args.work / "stream", None))
    scan = _run("scan", corpus, args.work / "o3", 1)
    show(scan)
    small = args.baseline_mb
    mine_small = _run("extract", corpus, args.work / "o4", 1, small)
    show(mine_small)
    re_run = _run("re", corpus, args.work / "o5", 1, small)
    show(re_run)
    try:
        spacy_run = _run("spacy", corpus, args.work / "o6", 1, small)
        show(spacy_run)
    except subprocess.CalledProcessError as err:
        spacy_run = None
        print(f"spaCy baseline skipped: {err.stderr.strip().splitlines()[-1]}")
    if args.stream_mb:
        big = build_corpus(args.work / "big.parquet", args.stream_mb)
        show(_run("stream", big, args.work / "big-out", None))

    def rate(r: dict) -> float:
        return r["mb"] / r["seconds"]

    print("ratios (one core):")
    print(f"  warclaims / re        = {rate(mine_small) / rate(re_run):6.1f}x (target 20x)")
    if spacy_run:
        print(f"  warclaims / spaCy     = {rate(mine_small) / rate(spacy_run):6.1f}x (target 100x)")
    print(f"  scan floor / warclaims = {rate(scan) / rate(one):6.1f}x (target within 10x)")
    print(f"  all cores / one core  = {rate(all_cores) / rate(one):6.2f}x (target 1.8x)")
    (args.work / "results.json").write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
