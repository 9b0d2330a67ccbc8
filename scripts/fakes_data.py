"""Reads FA-KES (`../shared/data/fakes/fakes.csv`, latin-1) for the scripts beside this one."""

from pathlib import Path

import polars as pl

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "fakes" / "fakes.csv"


def read_fakes(path: Path = DEFAULT) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The raw table and the corpus warclaims reads (id, title, text, outlet).

    FA-KES's `date` is the crowd's incident date, not the publication date, so it is not
    passed on: warclaims infers publication dates from the datelines in the texts.
    """
    raw = pl.read_csv(path, encoding="latin-1", infer_schema_length=0)
    corpus = raw.select(
        pl.col("unit_id").alias("id"),
        pl.col("article_title").alias("title"),
        pl.col("article_content").alias("text"),
        pl.col("source").alias("outlet"),
    )
    return raw, corpus
