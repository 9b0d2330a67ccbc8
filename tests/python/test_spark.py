"""warclaims.spark in Spark local mode: the same claims as the in-process extraction.

Needs PySpark (``[spark]``, part of ``[test]``) and Java. Set WARCLAIMS_SKIP_SPARK=1 to skip
on a machine without Java; the test command never sets it.
"""

import os
import sys
from pathlib import Path

import polars as pl
import pytest

import warclaims

if os.environ.get("WARCLAIMS_SKIP_SPARK") == "1":
    pytest.skip("WARCLAIMS_SKIP_SPARK=1", allow_module_level=True)

from warclaims import spark as wspark


@pytest.fixture(scope="module")
def spark():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("warclaims-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def seed_rows():
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    return warclaims.read_articles(seeds, meta=seeds / "articles.csv").select(
        "article_id", "text", "published", "outlet"
    )


def _signed(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.with_columns(pl.col(pl.UInt32).cast(pl.Int64))


def test_claims_on_spark_equal_claims_in_process(spark, seed_rows):
    # Two partitions, so articles are extracted on separate tasks.
    sdf = spark.createDataFrame(seed_rows.to_dicts()).repartition(2)
    claims = wspark.extract(
        sdf, id_col="article_id", published_col="published", outlet_col="outlet"
    )
    assert claims.schema == wspark.schema("claims")
    got = pl.DataFrame(pl.from_arrow(claims.toArrow())).sort("claim_id")
    want = _signed(warclaims.extract(seed_rows).claims).sort("claim_id")
    assert got.height == want.height > 30
    assert got.equals(want)


def test_several_tables_come_back_as_a_dict(spark, seed_rows):
    sdf = spark.createDataFrame(seed_rows.to_dicts())
    tables = wspark.extract(
        sdf,
        id_col="article_id",
        published_col="published",
        tables=("articles", "claims", "control"),
    )
    assert set(tables) == {"articles", "claims", "control"}
    assert tables["articles"].count() == seed_rows.height
    control = pl.DataFrame(pl.from_arrow(tables["control"].toArrow()))
    assert "Palmyra" in control.get_column("place").to_list()
    assert list(control.columns) == list(warclaims.extract([]).control.columns)


def test_a_missing_column_names_it(spark):
    sdf = spark.createDataFrame([{"id": "a", "body": "5 people were killed."}])
    with pytest.raises(warclaims.InputError, match=r"'text'.*columns: body, id"):
        wspark.extract(sdf)
    with pytest.raises(ValueError, match="tables must name"):
        wspark.extract(sdf, text_col="body", tables="groups")
    claims = wspark.extract(sdf, text_col="body").collect()
    assert [(r.kind, r.low) for r in claims] == [("killed", 5)]
