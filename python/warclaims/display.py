"""Evidence in context: claims and control events with their span marked in the sentence,
for reading in a notebook (HTML) or a terminal (text)."""

from __future__ import annotations

import html
from typing import Any

import polars as pl


def _marked(sentence: str, span: str, open_tag: str, close_tag: str, escape: bool) -> str:
    at = sentence.find(span) if span else -1
    quote = html.escape if escape else (lambda s: s)
    if at < 0:
        return quote(sentence)
    return (
        quote(sentence[:at])
        + open_tag
        + quote(span)
        + close_tag
        + quote(sentence[at + len(span) :])
    )


def evidence(rows: pl.DataFrame, articles: pl.DataFrame, limit: int | None = 20) -> pl.DataFrame:
    """``rows`` (claims or control) with ``evidence`` (the span as written) and
    ``in_context`` (the sentence with the span in ``[[...]]``)."""
    texts = articles.select("article_id", "text")
    picked = rows.head(limit) if limit is not None else rows
    joined = picked.join(texts, on="article_id", how="left", maintain_order="left")
    spans = [
        (text or "")[start:end]
        for text, start, end in joined.select("text", "start", "end").iter_rows()
    ]
    marked = [
        _marked(sentence or "", span, "[[", "]]", escape=False)
        for sentence, span in zip(joined.get_column("sentence").to_list(), spans, strict=True)
    ]
    return joined.drop("text").with_columns(
        pl.Series("evidence", spans, dtype=pl.String),
        pl.Series("in_context", marked, dtype=pl.String),
    )


def evidence_html(
    rows: pl.DataFrame,
    articles: pl.DataFrame,
    columns: tuple[str, ...] = ("kind", "low", "high", "actor", "source"),
    limit: int | None = 20,
) -> str:
    """An HTML table of ``rows`` with each sentence shown and its evidence highlighted."""
    frame = evidence(rows, articles, limit)
    shown = [c for c in columns if c in frame.columns]
    head = "".join(f"<th>{html.escape(c)}</th>" for c in [*shown, "sentence"])
    body = []
    for row in frame.iter_rows(named=True):
        cells = "".join(
            f"<td>{html.escape('' if row[c] is None else str(row[c]))}</td>" for c in shown
        )
        sentence = _marked(row["sentence"] or "", row["evidence"], "<mark>", "</mark>", escape=True)
        body.append(f"<tr>{cells}<td style='text-align:left'>{sentence}</td></tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def show_evidence(
    rows: pl.DataFrame,
    articles: pl.DataFrame,
    columns: tuple[str, ...] = ("kind", "low", "high", "actor", "source"),
    limit: int | None = 20,
) -> Any:
    """In Jupyter, the rows with their evidence highlighted (an ``IPython.display.HTML``);
    elsewhere, the HTML text."""
    text = evidence_html(rows, articles, columns, limit)
    try:
        from IPython.display import HTML  # only inside a notebook
    except ImportError:
        return text
    return HTML(text)
