"""The figure and time layers on their own: what warclaims recognises in a text."""

from __future__ import annotations

import datetime as dt

import polars as pl

from warclaims import _warclaims

__all__ = ["parse_figures", "parse_times"]


def parse_figures(text: str) -> pl.DataFrame:
    """Every figure in ``text`` with its bounds, per the claims model's figure table.

    Columns: ``start``, ``end`` (``str`` indices), ``figure_text``, ``low``, ``high``,
    ``approx``, ``qualifier`` (as written), ``unit`` (currency code for money), ``rule``.
    Ages, years, dates, durations, ordinals, percentages, times of day and ids are not figures.

    Example:
        >>> import warclaims
        >>> warclaims.parse_figures("At least 38 of the 82-year-old's guards died.").select(
        ...     "figure_text", "low", "high").rows()
        [('At least 38', 38, None)]
    """
    return pl.DataFrame(_warclaims.parse_figures(text))


def parse_times(text: str, published: dt.date | str | None = None) -> pl.DataFrame:
    """Every time expression in ``text``, resolved against the publication date.

    Columns: ``start``, ``end``, ``time_text``, ``date_start``, ``date_end``, ``precision``
    (``day``, ``week``, ``month``, ``season``, ``year``) and ``unresolved`` (the reason,
    when it cannot be placed: relative dates need ``published``).

    Example:
        >>> import warclaims
        >>> df = warclaims.parse_times("IS retook it on Friday", published="2016-12-17")
        >>> str(df.row(0, named=True)["date_start"])
        '2016-12-16'
    """
    p = published.isoformat() if isinstance(published, dt.date) else published
    return pl.DataFrame(_warclaims.parse_times(text, p))
