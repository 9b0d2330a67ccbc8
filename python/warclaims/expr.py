"""Polars expressions: extraction inside lazy and streaming queries.

>>> import polars as pl, warclaims
>>> df = pl.DataFrame({"text": ["At least 38 militants were killed near Palmyra.", "Calm."]})
>>> out = df.with_columns(warclaims.claims_expr("text").alias("claims"))
>>> out.get_column("claims").list.len().to_list()
[1, 0]
"""

from __future__ import annotations

from functools import cache

import polars as pl

from warclaims import _warclaims
from warclaims.lexicon import Lexicon

# Columns of a claim kept in the per-row struct (the row itself is the article).
_DROPPED = ("article_id",)


@cache
def _claim_dtype() -> pl.DataType:
    empty = pl.DataFrame(_warclaims.extract([], None, None, None)[1])
    fields = [pl.Field(n, t) for n, t in empty.schema.items() if n not in _DROPPED]
    return pl.List(pl.Struct(fields))


def _claims_per_row(texts: pl.Series, published: pl.Series | None, lexicon: Lexicon | None):
    n = texts.len()
    columns = {"id": [str(i) for i in range(n)], "text": texts.cast(pl.String).to_list()}
    if published is not None:
        columns["published"] = published.cast(pl.String).to_list()
    inner = lexicon._inner if lexicon is not None else None
    claims = pl.DataFrame(_warclaims.extract([("expr", columns)], None, None, inner)[1])
    dtype = _claim_dtype()
    fields = [f.name for f in dtype.inner.fields]  # type: ignore[attr-defined]
    per_row = claims.group_by(pl.col("article_id").cast(pl.Int64).alias("_row")).agg(
        pl.struct(fields).alias("claims")
    )
    rows = pl.DataFrame({"_row": range(n)}, schema={"_row": pl.Int64})
    joined = rows.join(per_row, on="_row", how="left", maintain_order="left")
    return joined.get_column("claims").cast(dtype).fill_null(pl.lit([], dtype=dtype))


def claims_expr(
    text: str | pl.Expr = "text",
    *,
    published: str | pl.Expr | None = None,
    lexicon: Lexicon | None = None,
) -> pl.Expr:
    """An expression giving, per row, the list of claims (structs with the ``claims``
    columns but ``article_id``) found in its ``text``.

    Works in eager, lazy and streaming queries (it is element-wise: each batch of rows is
    extracted on its own, in parallel in the Rust core). ``published`` names a date or ISO
    string column that relative dates ("on Friday") resolve against.

    Example: ``lf.with_columns(warclaims.claims_expr("body").alias("claims"))``, then
    ``.explode("claims").unnest("claims")`` for one row per claim.
    """
    text_expr = pl.col(text) if isinstance(text, str) else text
    if published is None:
        return text_expr.map_batches(
            lambda s: _claims_per_row(s, None, lexicon),
            return_dtype=_claim_dtype(),
            is_elementwise=True,
        )
    published_expr = pl.col(published) if isinstance(published, str) else published
    return pl.struct(text_expr.alias("t"), published_expr.alias("p")).map_batches(
        lambda s: _claims_per_row(s.struct.field("t"), s.struct.field("p"), lexicon),
        return_dtype=_claim_dtype(),
        is_elementwise=True,
    )
