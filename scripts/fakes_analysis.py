"""Runs the analysis layer over FA-KES and prints what it finds (figures for the notes).

    python scripts/fakes_analysis.py [--data ../shared/data/fakes/fakes.csv]

FA-KES's `date` is the crowd's incident date, not the publication date, so it is not given
as `published`: warclaims infers publication dates from the datelines in the texts.
"""

import argparse
import time
from pathlib import Path

import polars as pl
from fakes_data import DEFAULT, read_fakes

import warclaims


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    args = parser.parse_args()
    _, corpus = read_fakes(args.data)
    ex = warclaims.extract(corpus)
    started = time.perf_counter()
    groups = ex.groups()
    timeline = ex.control_timeline()
    who = ex.who_says_what()
    series = ex.casualty_series(every="1w")
    seconds = time.perf_counter() - started
    dated = ex.articles.get_column("published").is_not_null().sum()
    status = groups.group_by("corroboration").len().sort("corroboration").rows()
    multi = groups.filter(pl.col("n_articles") >= 2).height
    print(
        f"fakes: {ex.articles.height} articles ({dated} with an inferred publication date), "
        f"{ex.claims.height} claims, {ex.control.height} control events"
    )
    print(f"groups: {groups.height}; by corroboration: {dict(status)}; in 2+ articles: {multi}")
    print(
        f"control timeline: {timeline.height} intervals over "
        f"{timeline.get_column('place').n_unique()} places, "
        f"{timeline.get_column('conflict').sum()} flagged, "
        f"{timeline.get_column('conflicting_event_ids').list.len().fill_null(0).gt(0).sum()} "
        "with conflicting reports"
    )
    print(f"who_says_what rows: {who.height}; casualty_series (1w) rows: {series.height}")
    print(f"analysis time: {seconds:.2f} s")
    top = groups.sort(["n_articles", "n_mentions"], descending=True).head(5)
    print(
        top.select(
            "kind",
            "actor",
            "place",
            "date_start",
            "low",
            "high",
            "n_articles",
            "n_outlets",
            "corroboration",
        )
    )


if __name__ == "__main__":
    main()
