"""warclaims on a Spark cluster: the same extraction over a PySpark DataFrame.

    >>> from warclaims import spark as wspark                               # doctest: +SKIP
    >>> claims = wspark.extract(df, text_col="body", id_col="url")          # doctest: +SKIP
    >>> tables = wspark.extract(df, tables=("articles", "claims", "control"))  # doctest: +SKIP

Each Spark partition's rows go through ``mapInArrow`` in Arrow batches to the Rust core, on
the executors; the result has the claims model's columns (``docs/spark.md`` shows the same
call under ``spark-submit``). Needs ``pip install 'warclaims[spark]'`` (PySpark and
pyarrow) on the driver and the executors.

Ids: each row needs its own ``id_col`` value, because ``claim_id`` and ``event_id`` are
built from it. A row whose id is null is numbered within its batch (``dataframe:3``), which
is only unique within that batch; give every row an id.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, overload

import polars as pl

from warclaims.errors import InputError
from warclaims.lexicon import Lexicon

if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import DataFrame
    from pyspark.sql.types import StructType

TABLES = ("articles", "claims", "control")

#: Spark has no unsigned integers: offsets and counts become longs.
_SIGNED = {pl.UInt8: pl.Int16, pl.UInt16: pl.Int32, pl.UInt32: pl.Int64, pl.UInt64: pl.Int64}


def _require_pyspark() -> None:
    try:
        import pyarrow  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError(
            f"warclaims.spark needs PySpark and pyarrow ({err.name} is missing): "
            "pip install 'warclaims[spark]'"
        ) from err


def _spark_frame(frame: pl.DataFrame) -> pl.DataFrame:
    """The frame with unsigned integers widened to signed ones Spark can hold."""
    return frame.with_columns(
        pl.col(name).cast(_SIGNED[dtype])
        for name, dtype in frame.schema.items()
        if dtype in _SIGNED  # type: ignore[operator]
    )


def _arrow(frame: pl.DataFrame) -> pa.Table:
    """Plain Arrow types (``large_string``, not views), as Spark reads them."""
    return _spark_frame(frame).to_arrow(compat_level=pl.CompatLevel.oldest())


@cache
def _empty_tables() -> dict[str, pl.DataFrame]:
    import warclaims

    ex = warclaims.extract([])
    return {"articles": ex.articles, "claims": ex.claims, "control": ex.control}


def schema(table: str = "claims") -> StructType:
    """The Spark schema of one table of the claims model (``articles``, ``claims`` or
    ``control``): the model's columns, unsigned integers as longs."""
    _require_pyspark()
    from pyspark.sql.pandas.types import from_arrow_schema

    if table not in TABLES:
        raise ValueError(f"table must be one of {', '.join(TABLES)}, not {table!r}")
    return from_arrow_schema(_arrow(_empty_tables()[table]).schema)


def _columns(
    df: DataFrame, wanted: dict[str, str | None]
) -> list[Any]:  # pyspark Columns, typed loosely so the module imports without PySpark
    from pyspark.sql import functions as F

    present = set(df.columns)
    missing = [name for name in wanted.values() if name is not None and name not in present]
    if missing:
        raise InputError(
            f"spark DataFrame: no column {missing[0]!r} (columns: {', '.join(df.columns)}). "
            "Pass the right text_col=, id_col=, published_col=, outlet_col= or title_col="
        )
    return [
        F.col(name).cast("string").alias(field)
        for field, name in wanted.items()
        if name is not None
    ]


@overload
def extract(
    df: DataFrame,
    text_col: str = ...,
    id_col: str = ...,
    published_col: str | None = ...,
    *,
    outlet_col: str | None = ...,
    title_col: str | None = ...,
    tables: str = ...,
    lexicon: Lexicon | None = ...,
) -> DataFrame: ...


@overload
def extract(
    df: DataFrame,
    text_col: str = ...,
    id_col: str = ...,
    published_col: str | None = ...,
    *,
    outlet_col: str | None = ...,
    title_col: str | None = ...,
    tables: Sequence[str],
    lexicon: Lexicon | None = ...,
) -> dict[str, DataFrame]: ...


def extract(
    df: DataFrame,
    text_col: str = "text",
    id_col: str = "id",
    published_col: str | None = None,
    *,
    outlet_col: str | None = None,
    title_col: str | None = None,
    tables: str | Sequence[str] = "claims",
    lexicon: Lexicon | None = None,
) -> DataFrame | dict[str, DataFrame]:
    """Extracts claims from the texts of a PySpark DataFrame, on the executors.

    Args:
        df: one row per article.
        text_col: the article text.
        id_col: the article id (claim and event ids are built from it; keep it unique).
        published_col: publication dates (a date, or ISO text such as ``2016-03-27``);
            without it, dates are inferred from datelines as :func:`warclaims.extract` does.
        outlet_col, title_col: optional outlet and title columns.
        tables: ``"claims"`` (default), ``"control"`` or ``"articles"`` for one Spark
            DataFrame; a sequence of them for a dict of DataFrames. Asking for several runs
            the extraction once and caches its output (``MEMORY_AND_DISK``).
        lexicon: the lexicon (default: :meth:`Lexicon.default`), sent to the executors.

    Returns:
        A Spark DataFrame with :func:`schema`'s columns, or a dict of them by table name.

    Raises:
        InputError: a named column is not in ``df``.
        ValueError: an unknown table name.
    """
    _require_pyspark()
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    wanted = [tables] if isinstance(tables, str) else list(tables)
    unknown = [t for t in wanted if t not in TABLES]
    if unknown or not wanted:
        raise ValueError(f"tables must name some of {', '.join(TABLES)}, not {tables!r}")
    fields = {
        "id": id_col,
        "text": text_col,
        "published": published_col,
        "outlet": outlet_col,
        "title": title_col,
    }
    inputs = df.select(*_columns(df, fields))
    from pyspark.sql.pandas.types import to_arrow_schema

    # The Arrow types Spark reads back (plain strings and lists, signed integers).
    targets = {table: to_arrow_schema(schema(table)) for table in wanted}
    run = _extract_batches(lexicon or Lexicon.default(), targets)
    blobs = inputs.mapInArrow(run, "table string, ipc binary")
    if len(wanted) > 1:
        blobs = blobs.persist(StorageLevel.MEMORY_AND_DISK)
    out = {
        table: blobs.filter(F.col("table") == table)
        .select("ipc")
        .mapInArrow(_decode_batches, schema(table))
        for table in wanted
    }
    return out[wanted[0]] if isinstance(tables, str) else out


def _extract_batches(lexicon: Lexicon, targets: dict[str, pa.Schema]) -> Any:
    """The executor side: Arrow batches of articles in, one Arrow IPC payload per batch and
    table out (so one extraction can feed several tables)."""

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        import pyarrow as pa

        import warclaims

        for batch in batches:
            frame = pl.DataFrame(pl.from_arrow(batch))
            if frame.height == 0:
                continue
            ex = warclaims.extract(frame, lexicon=lexicon, text_column="text")
            names, payloads = [], []
            for table, target in targets.items():
                sink = pa.BufferOutputStream()
                arrow = _arrow(getattr(ex, table)).cast(target)
                with pa.ipc.new_stream(sink, arrow.schema) as writer:
                    writer.write_table(arrow)
                names.append(table)
                payloads.append(sink.getvalue().to_pybytes())
            yield pa.RecordBatch.from_arrays(
                [pa.array(names, pa.string()), pa.array(payloads, pa.binary())],
                names=["table", "ipc"],
            )

    return run


def _decode_batches(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """IPC payloads back into record batches of one table."""
    import pyarrow as pa

    for batch in batches:
        for payload in batch.column("ipc").to_pylist():
            yield from pa.ipc.open_stream(payload).read_all().to_batches()
