"""Across outlets: claim groups, who-says-what, control timelines and casualty series.

Everything here works on the frames of an :class:`~warclaims.Extraction` with Polars
expressions; the two steps that need a transitive or sequential pass (linking claims into
groups, building control intervals) run in the Rust core (``warclaims._warclaims``).

How a group is decided
    Two claims link when they have the same ``kind``, ``actor`` and ``unit``; the same place
    (a claim with no place joins only when all it could join lies in one place); event
    windows that overlap or touch (the stated ``date_start``..``date_end``, else the day
    before publication to the publication day; a claim with neither groups only within its
    article); and compatible figures (their ranges
    overlap, an open bound counting up to 10% past it: "at least 400" fits 400..440, "up to
    200" fits 100..200). Links are transitive: a group is a connected set of claims.

How corroboration is decided
    A *voice* is a claim's ``source``, or the outlet when the outlet speaks for itself. A
    group is ``contested`` when another group of the same kind, actor and unit, about the
    same short event window (a week at most; start and end within a day) in the same named
    place, gives a precise figure (not "dozens") that cannot be true with its own and is
    within ten times of it (a running total beside one incident is no dispute), in another
    voice (from another article, or another named source in the same one); else
    ``corroborated`` when two or more voices carry it; else ``single_source``. Two
    outlets relaying the same monitor are one voice, not two.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import polars as pl

from warclaims import _warclaims

if TYPE_CHECKING:
    from warclaims.api import Extraction

Corroboration = Literal["single_source", "corroborated", "contested"]

_EPOCH = dt.date(1970, 1, 1)


def _with_articles(frame: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """Adds each row's ``published`` and ``outlet`` (the outlet falls back to the article),
    keeping the rows in order."""
    meta = articles.select("article_id", "published", "outlet")
    return frame.join(meta, on="article_id", how="left", maintain_order="left").with_columns(
        pl.col("outlet").fill_null(pl.col("article_id"))
    )


def _event_window() -> list[pl.Expr]:
    """The window a claim's event falls in: stated dates, else publication day - 1 .. day."""
    stated = pl.col("date_basis") == "stated"
    return [
        pl.when(stated)
        .then(pl.col("date_start"))
        .otherwise(pl.col("published") - pl.duration(days=1))
        .alias("_from"),
        pl.when(stated).then(pl.col("date_end")).otherwise(pl.col("published")).alias("_to"),
    ]


def _closed_high(how: str) -> pl.Expr:
    """The highest (``"max"``) or summed (``"sum"``) upper bound, null when any member is
    open-ended ("at least 400" has no upper bound, so neither has the aggregate)."""
    high = pl.col("high")
    return (
        pl.when(high.null_count() == 0)
        .then(high.max() if how == "max" else high.sum())
        .otherwise(None)
        .alias("high")
    )


def _days(col: str) -> pl.Expr:
    return (pl.col(col) - pl.lit(_EPOCH)).dt.total_days().cast(pl.Int32)


def grouped_claims(ex: Extraction) -> pl.DataFrame:
    """The claims with ``group_id``, ``corroboration``, ``published`` and ``outlet`` added
    (computed once per extraction and kept: groups, who-says-what and series share it)."""
    return ex.grouped_claims()


def _group_columns(prepared: pl.DataFrame) -> pl.DataFrame:
    """What the Rust grouping reads of prepared claims."""
    return prepared.select(
        "kind",
        "actor",
        "unit",
        "place",
        "source",
        "outlet",
        pl.col("article_id").alias("article"),
        _days("_from").alias("start"),
        _days("_to").alias("end"),
        pl.col("low").cast(pl.Int64),
        pl.col("high").cast(pl.Int64),
    )


def _group_ids(
    prepared: Iterable[pl.DataFrame], expected_rows: int | None = None
) -> tuple[pl.Series, pl.DataFrame]:
    """Each prepared claim's ``group_id`` (in the order of the frames and rows) and, per
    group, ``_contested``. The frames go to Rust through Arrow one at a time, and Rust codes
    their names to integers: memory stays a few dozen bytes per claim, and no Python
    object is made per claim."""
    batches = (_group_columns(frame) for frame in prepared)
    group_of, contested = _warclaims.group_claims(batches, expected_rows)
    status = pl.DataFrame(contested).with_row_index("group_id")
    return pl.DataFrame(group_of).to_series(), status.rename({"contested": "_contested"})


def _prepared(claims: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """The claims with ``published``, ``outlet`` and the event window ``_from``/``_to``."""
    return _with_articles(claims, articles).with_columns(_event_window())


def _corroboration(contested: pl.Expr, voices: pl.Expr) -> pl.Expr:
    """``contested``, else ``corroborated`` by two or more voices, else ``single_source``."""
    return (
        pl.when(contested)
        .then(pl.lit("contested"))
        .when(voices >= 2)
        .then(pl.lit("corroborated"))
        .otherwise(pl.lit("single_source"))
        .alias("corroboration")
    )


def group(ex: Extraction) -> pl.DataFrame:
    """Computes :func:`grouped_claims` (call that instead: it is cached)."""
    claims = _prepared(ex.claims, ex.articles)
    group_of, status = _group_ids([claims], claims.height)
    voice = pl.coalesce("source", "outlet")
    return (
        claims.with_columns(group_of)
        .join(status, on="group_id", how="left", maintain_order="left")
        .with_columns(_corroboration(pl.col("_contested"), voice.n_unique().over("group_id")))
        .drop("_contested")
    )


def _group_rows(grouped: pl.LazyFrame) -> pl.LazyFrame:
    """One row per group, from claims that carry ``group_id`` and ``_contested``."""
    return (
        grouped.group_by("group_id")
        .agg(
            pl.col("kind").first(),
            pl.col("actor").first(),
            pl.col("unit").first(),
            pl.col("place").drop_nulls().first(),
            pl.col("_from").min().alias("date_start"),
            pl.col("_to").max().alias("date_end"),
            pl.col("low").min(),
            _closed_high("max"),
            pl.len().cast(pl.UInt32).alias("n_mentions"),
            pl.col("article_id").n_unique().cast(pl.UInt32).alias("n_articles"),
            pl.col("outlet").n_unique().cast(pl.UInt32).alias("n_outlets"),
            pl.coalesce("source", "outlet").n_unique().cast(pl.UInt32).alias("n_sources"),
            pl.col("source").drop_nulls().unique(maintain_order=True).alias("sources"),
            pl.col("outlet").unique(maintain_order=True).alias("outlets"),
            pl.col("published").min().alias("first_published"),
            _corroboration(
                pl.col("_contested").first(), pl.coalesce("source", "outlet").n_unique()
            ),
            pl.col("claim_id").alias("claim_ids"),
        )
        .sort("group_id")
    )


def groups(ex: Extraction) -> pl.DataFrame:
    """One row per claim group: the event, its figure range and who carried it.

    Columns: ``group_id, kind, actor, unit, place, date_start, date_end, low, high,
    n_mentions, n_articles, n_outlets, n_sources, sources, outlets, first_published,
    corroboration, claim_ids``. ``low`` is the lowest bound and ``high`` the highest over
    the group (null when some member has no upper bound); dates span the members' windows.
    """
    grouped = grouped_claims(ex).lazy()
    contested = (pl.col("corroboration") == "contested").alias("_contested")
    return _group_rows(grouped.with_columns(contested)).collect()


# Claims held in memory before the staged slices are written out.
_STAGE_ROWS = 300_000


def groups_from_parts(
    parts: Sequence[tuple[Path, Path]], max_claims: int = 100_000
) -> Iterator[pl.DataFrame]:
    """:func:`groups` over a corpus too large to hold, from Parquet parts written batch by
    batch (``(claims_part, articles_part)`` pairs, each claims part citing only its own
    articles, as :func:`warclaims.extract_to` writes them). Yields the group rows in
    slices of group ids, each slice built from at most about ``max_claims`` claims.

    Memory: the grouping holds a few dozen bytes per claim (integer codes, in Rust). One
    more pass over the parts then stages each claim under its slice in a temporary
    folder, so each slice reads back only its own claims.
    """
    needed = [
        "claim_id", "kind", "actor", "unit", "place", "date_start", "date_end",
        "date_basis", "low", "high", "source", "article_id",
    ]  # fmt: skip
    meta = ["article_id", "published", "outlet"]

    def prepared() -> Iterator[pl.DataFrame]:
        for claims, articles in parts:
            yield _prepared(
                pl.read_parquet(claims, columns=needed), pl.read_parquet(articles, columns=meta)
            )

    n_claims = pl.scan_parquet([c for c, _ in parts]).select(pl.len()).collect().item()
    group_of, status = _group_ids(prepared(), n_claims)
    # Slices of consecutive group ids holding about max_claims claims each (group ids
    # follow first mentions, so early groups of a repetitive corpus can be huge).
    sizes = group_of.to_frame().group_by("group_id").len().sort("group_id")
    slice_of = sizes.select(
        "group_id", ((pl.col("len").cum_sum() - 1) // max_claims).cast(pl.UInt32).alias("_slice")
    )
    status = status.join(slice_of, on="group_id", how="left")
    with tempfile.TemporaryDirectory(prefix="warclaims-groups-") as tmp:
        staged = _SliceStage(Path(tmp), flush_rows=_STAGE_ROWS)
        offset = 0
        for frame in prepared():
            ids = group_of.slice(offset, frame.height)
            offset += frame.height
            staged.add(frame.with_columns(ids).join(status, on="group_id", how="left"))
        staged.flush()
        for files in staged.slices():
            yield _group_rows(pl.scan_parquet(files)).collect()


class _SliceStage:
    """Claims staged by slice: pieces are held until ``flush_rows`` rows wait, then each
    slice's pieces are written as one Parquet file (few files, bounded memory)."""

    def __init__(self, folder: Path, flush_rows: int) -> None:
        self.folder = folder
        self.flush_rows = flush_rows
        self.pending: dict[int, list[pl.DataFrame]] = {}
        self.n_pending = 0
        self.written: dict[int, list[Path]] = {}

    def add(self, claims: pl.DataFrame) -> None:
        for (k,), piece in claims.partition_by("_slice", as_dict=True).items():
            self.pending.setdefault(int(k), []).append(piece.drop("_slice"))
        self.n_pending += claims.height
        if self.n_pending >= self.flush_rows:
            self.flush()

    def flush(self) -> None:
        for k, pieces in self.pending.items():
            files = self.written.setdefault(k, [])
            path = self.folder / f"slice-{k:06d}-{len(files):06d}.parquet"
            pl.concat(pieces).write_parquet(path)
            files.append(path)
        self.pending.clear()
        self.n_pending = 0

    def slices(self) -> Iterator[list[Path]]:
        """Each slice's files, in slice order."""
        for k in sorted(self.written):
            yield self.written[k]


def who_says_what(
    ex: Extraction,
    kind: str = "killed",
    by: Sequence[str] = ("actor",),
    window: str = "7d",
) -> pl.DataFrame:
    """Per event window and party, one row per source with its figures and outlets.

    Claims of ``kind`` are ordered by event date within each ``by`` key; a claim more than
    ``window`` after the latest end so far opens a new event window. Within a window, each
    source (``None``: the outlet's own report) gets one row: ``low`` is its lowest bound,
    ``high`` its highest (null if some figure is open-ended), ``figures`` the figures as
    written, ``outlets`` the outlets that carried it.

    Args:
        ex: an extraction.
        kind: the claim kind (``killed``, ``wounded``, ``destroyed`` ...).
        by: columns that make a "party" (default ``("actor",)``; add ``"unit"`` or
            ``"place"`` to split further).
        window: a Polars duration string: how far apart two claims may be and still be
            about the same event window.
    """
    gap = pl.duration(**_duration_kwargs(window))
    keys = list(by)
    claims = (
        grouped_claims(ex)
        .filter(pl.col("kind") == kind)
        .filter(pl.col("_from").is_not_null())
        .sort([*keys, "_from", "_to"], nulls_last=True)
    )
    latest_end = pl.col("_to").cum_max().shift(1).over(keys)
    claims = claims.with_columns(
        (pl.col("_from") > latest_end + gap).fill_null(True).cum_sum().over(keys).alias("_event")
    )
    windows = claims.group_by([*keys, "_event"]).agg(
        pl.col("_from").min().alias("window_start"), pl.col("_to").max().alias("window_end")
    )
    return (
        claims.group_by([*keys, "_event", "source"], maintain_order=True)
        .agg(
            pl.col("low").min(),
            _closed_high("max"),
            pl.col("figure_text").unique(maintain_order=True).alias("figures"),
            pl.col("outlet").unique(maintain_order=True).alias("outlets"),
            pl.col("_from").min().alias("date_start"),
            pl.col("_to").max().alias("date_end"),
            pl.len().cast(pl.UInt32).alias("n_mentions"),
            pl.col("group_id").unique(maintain_order=True).alias("group_ids"),
            pl.col("claim_id").alias("claim_ids"),
        )
        .join(windows, on=[*keys, "_event"], how="left")
        .sort([*keys, "window_start", "source"], nulls_last=True)
        .select(
            *keys,
            "window_start",
            "window_end",
            "source",
            "low",
            "high",
            "figures",
            "outlets",
            "date_start",
            "date_end",
            "n_mentions",
            "group_ids",
            "claim_ids",
        )
    )


def control_timeline(ex: Extraction, place: str | Sequence[str] | None = None) -> pl.DataFrame:
    """Per place, consecutive intervals of who held it, each citing its events.

    Built from ``captured``, ``holds`` and ``withdrew`` events (``advanced`` and ``fighting``
    change nobody's control). Stated dates order the events; events dated only by their
    article's publication date support the interval covering that day, or are listed in
    ``conflicting_event_ids`` when they name another party. ``start_basis`` says whether the
    start rests on a stated date or on publication dates; ``end`` is the next interval's
    start (null while open); ``conflict`` flags a short interval of one article's word
    between two of the same other party. Nothing is dropped: every supporting or
    conflicting event is cited.

    Columns: ``place, actor, start, end, start_basis, conflict, event_ids, sources,
    articles, conflicting_event_ids``.
    """
    control = _with_articles(ex.control, ex.articles)
    if place is not None:
        places = [place] if isinstance(place, str) else list(place)
        control = control.filter(pl.col("place").is_in(places))
    control = control.with_row_index("_i")
    events = control.select(
        "place",
        "action",
        "actor",
        pl.col("article_id").alias("article"),
        _days("date_start").alias("start"),
        _days("date_end").alias("end"),
        _days("published").alias("published"),
    )
    columns = {name: events.get_column(name).to_list() for name in events.columns}
    intervals = _warclaims.control_timeline(**columns)
    schema = {
        "place": pl.String,
        "actor": pl.String,
        "start": pl.Int32,
        "end": pl.Int32,
        "from_publication": pl.Boolean,
        "_events": pl.List(pl.UInt32),
        "_conflicts": pl.List(pl.UInt32),
        "conflict": pl.Boolean,
    }
    frame = pl.DataFrame(intervals, schema=schema, orient="row")
    lookup = control.select(
        pl.col("_i").cast(pl.UInt32),
        "event_id",
        pl.coalesce("source", "outlet").alias("_voice"),
        "article_id",
    )

    def cite(column: str) -> pl.DataFrame:
        return (
            frame.with_row_index("_k")
            .select("_k", column)
            .explode(column)
            .join(lookup, left_on=column, right_on="_i", how="left")
            .group_by("_k")
            .agg(
                pl.col("event_id").drop_nulls(),
                pl.col("_voice").drop_nulls().unique(maintain_order=True),
                pl.col("article_id").drop_nulls().unique(maintain_order=True),
            )
        )

    support = cite("_events").rename(
        {"event_id": "event_ids", "_voice": "sources", "article_id": "articles"}
    )
    conflicts = cite("_conflicts").select("_k", pl.col("event_id").alias("conflicting_event_ids"))
    return (
        frame.with_row_index("_k")
        .join(support, on="_k", how="left")
        .join(conflicts, on="_k", how="left")
        .sort("_k")
        .select(
            "place",
            "actor",
            (pl.lit(_EPOCH) + pl.duration(days=pl.col("start"))).alias("start"),
            (pl.lit(_EPOCH) + pl.duration(days=pl.col("end"))).alias("end"),
            pl.when(pl.col("from_publication"))
            .then(pl.lit("published"))
            .otherwise(pl.lit("stated"))
            .alias("start_basis"),
            "conflict",
            "event_ids",
            "sources",
            "articles",
            "conflicting_event_ids",
        )
    )


def casualty_series(
    ex: Extraction,
    every: str = "1mo",
    by: Sequence[str] = ("actor", "source"),
    kind: str | Sequence[str] = "killed",
) -> pl.DataFrame:
    """Figures over time for charting, counting each group once per ``by`` key.

    Each claim group contributes once to each combination of ``by`` values among its
    members (so one Observatory figure carried by five outlets counts once), with that
    combination's lowest ``low`` and highest ``high``; groups are placed at their window's
    start and summed per period of ``every`` (``"1d"``, ``"1w"``, ``"1mo"``...).

    Columns: ``date`` (period start), the ``by`` columns, ``low`` (sum of lows, open lower
    bounds as 0), ``high`` (sum of highs; null when some figure in the period has no upper
    bound), ``n_groups``, ``approx`` (some figure is hedged or open-ended).
    """
    kinds = [kind] if isinstance(kind, str) else list(kind)
    keys = list(by)
    claims = grouped_claims(ex).filter(pl.col("kind").is_in(kinds) & pl.col("_from").is_not_null())
    per_group = claims.group_by(["group_id", *keys]).agg(
        pl.col("_from").min().alias("date"),
        pl.col("low").min(),
        _closed_high("max"),
        (pl.col("approx").any() | pl.col("high").is_null().any()).alias("approx"),
    )
    return (
        per_group.with_columns(pl.col("date").dt.truncate(every))
        .group_by(["date", *keys])
        .agg(
            pl.col("low").fill_null(0).sum(),
            _closed_high("sum"),
            pl.len().cast(pl.UInt32).alias("n_groups"),
            pl.col("approx").any(),
        )
        .sort(["date", *keys], nulls_last=True)
    )


def _duration_kwargs(window: str) -> dict[str, int]:
    """``"7d"`` -> ``{"days": 7}``; ``"2w"`` -> ``{"weeks": 2}``; ``"12h"`` -> hours."""
    units = {"d": "days", "w": "weeks", "h": "hours"}
    number, unit = window[:-1], window[-1:]
    if unit not in units or not number.isdigit():
        raise ValueError(f"window must look like '7d', '2w' or '12h', not {window!r}")
    return {units[unit]: int(number)}
