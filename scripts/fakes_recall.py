"""How often warclaims finds FA-KES's crowd-counted civilian deaths as a `killed` figure.

For every FA-KES row with a non-zero `nb_civilians`, the row counts as found when some
`killed` claim of that article has the count as its low or high bound. Prints the share.

    python scripts/fakes_recall.py [--data ../shared/data/fakes/fakes.csv]
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
    parser.add_argument("--show", type=int, default=0, help="print this many misses")
    args = parser.parse_args()
    raw, corpus = read_fakes(args.data)
    started = time.perf_counter()
    ex = warclaims.extract(corpus)
    seconds = time.perf_counter() - started
    killed = (
        ex.claims.filter(pl.col("kind") == "killed")
        .select("article_id", pl.concat_list("low", "high").alias("bounds"))
        .explode("bounds")
        .drop_nulls()
        .group_by("article_id")
        .agg(pl.col("bounds").unique())
    )
    rows = raw.select(
        pl.col("unit_id").alias("article_id"),
        pl.col("nb_civilians").cast(pl.Int64),
        pl.col("article_content"),
    ).filter(pl.col("nb_civilians") > 0)
    joined = rows.join(killed, on="article_id", how="left").with_columns(
        found=pl.col("bounds").list.contains(pl.col("nb_civilians")).fill_null(False)
    )
    share = joined.get_column("found").mean()
    print(
        f"fakes: {ex.articles.height} articles, {ex.claims.height} claims in {seconds:.2f} s; "
        f"civilian death counts found as killed figures: {joined.get_column('found').sum()}"
        f"/{joined.height} = {share:.3f}"
    )
    for row in joined.filter(~pl.col("found")).head(args.show).iter_rows(named=True):
        print(f"- {row['article_id']}: {row['nb_civilians']} | {row['article_content'][:300]}")


if __name__ == "__main__":
    main()
