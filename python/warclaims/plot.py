"""One-call charts of an extraction: casualties over time, control timelines, who says what,
and a map of places. Altair charts (interactive in Jupyter, Vega-Lite underneath), in one
party colour scheme taken from the lexicon, titled and sourced as a newsroom would publish.

Altair and vl-convert are an optional extra: ``pip install "warclaims[plot]"``. They are
imported when a chart is made, not when ``warclaims`` is.

    >>> from warclaims import plot                      # doctest: +SKIP
    >>> chart = plot.control_timeline(ex, places=["Palmyra"])   # doctest: +SKIP
    >>> plot.save(chart, "palmyra.png")                 # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl

from warclaims.lexicon import Lexicon

if TYPE_CHECKING:
    from warclaims.api import Extraction

# Colours per side of the war; a side's second and third party take the next shade.
_SIDE_COLOURS: dict[str, list[str]] = {
    "jihadist": ["#1a1a1a", "#4d4d4d", "#7a7a7a"],
    "pro-government": ["#c0392b", "#e67e22", "#8e2a1f", "#f1948a"],
    "coalition": ["#1f5fa8", "#5dade2"],
    "iraqi": ["#7d3c98", "#bb8fce"],
    "opposition": ["#1e8449", "#58d68d"],
    "kurdish": ["#d4ac0d", "#f7dc6f"],
    "turkey": ["#a04000", "#dc7633"],
    "civilian": ["#95a5a6", "#bdc3c7"],
}
_OTHER_COLOURS = ["#17a589", "#6c3483", "#b7950b", "#2e4053", "#cb4335", "#148f77"]
_UNKNOWN = "#cccccc"


def _altair() -> Any:
    """Altair, or a clear error saying how to install it."""
    try:
        import altair as alt  # an optional extra, imported on use
    except ImportError as err:  # pragma: no cover - exercised only without the extra
        raise ImportError(
            "warclaims.plot needs Altair: pip install 'warclaims[plot]' "
            "(Altair and vl-convert-python)"
        ) from err
    return alt


def party_colours(lexicon: Lexicon | None = None) -> dict[str, str]:
    """A colour per party of the lexicon, grouped by side (the same across all charts)."""
    lexicon = lexicon or Lexicon.default()
    used: dict[str, int] = {}
    colours: dict[str, str] = {}
    spare = itertools.cycle(_OTHER_COLOURS)  # any number of parties: shades repeat
    for entry in lexicon.entries("party"):
        side = entry.get("side") or ""
        shades = _SIDE_COLOURS.get(side)
        k = used.get(side, 0)
        used[side] = k + 1
        colours[entry["id"]] = shades[k] if shades and k < len(shades) else next(spare)
    return colours


def _colour_scale(values: Sequence[str | None], lexicon: Lexicon | None) -> Any:
    alt = _altair()
    colours = party_colours(lexicon)
    domain = sorted({v for v in values if v is not None})
    return alt.Scale(domain=domain, range=[colours.get(v, _UNKNOWN) for v in domain])


def _source_line(ex: Extraction, extra: str = "") -> str:
    outlets = ex.articles.get_column("outlet").drop_nulls().n_unique()
    text = f"Source: warclaims, {ex.articles.height} articles from {outlets} outlets"
    return f"{text}. {extra}".strip() if extra else text + "."


def _title(alt: Any, text: str, subtitle: str) -> Any:
    return alt.TitleParams(text=text, subtitle=[subtitle], anchor="start", fontSize=15)


# --- casualties -------------------------------------------------------------------------


def casualties_data(
    ex: Extraction,
    kind: str = "killed",
    every: str = "1mo",
    actors: Sequence[str] | None = None,
) -> pl.DataFrame:
    """The frame :func:`casualties` draws: the casualty series by actor and source, with
    ``high_drawn`` (the high, or the low where the figure is open-ended) and ``open_ended``."""
    series = ex.casualty_series(every=every, by=("actor", "source"), kind=kind)
    if actors is not None:
        series = series.filter(pl.col("actor").is_in(list(actors)))
    label = "%d %b %Y" if every.endswith(("d", "w")) else "%b %Y"
    return series.with_columns(
        pl.col("source").fill_null("the outlet itself"),
        pl.col("high").is_null().alias("open_ended"),
        pl.coalesce("high", "low").alias("high_drawn"),
        pl.col("date").dt.strftime(label).alias("period"),
    )


def casualties(
    ex: Extraction,
    kind: str = "killed",
    every: str = "1mo",
    actors: Sequence[str] | None = None,
    lexicon: Lexicon | None = None,
    title: str | None = None,
    width: int = 640,
    height: int = 320,
) -> Any:
    """Figures over time by party (colour) and claimant (shape): each figure's range is a
    line from low to high, its low a point; hollow points are approximate or open-ended.

    Each claim group counts once per claimant, so a figure carried by five outlets is
    drawn once.
    """
    alt = _altair()
    data = casualties_data(ex, kind, every, actors)
    colour = alt.Color("actor:N", title="Party", scale=_colour_scale(data["actor"], lexicon))
    # Periods as ordered categories, claimants side by side within each: war reporting is
    # bursty, and a time axis would squeeze a month of claims into one pixel.
    periods = data.sort("date").get_column("period").unique(maintain_order=True).to_list()
    x = alt.X("period:O", title=None, sort=periods, axis=alt.Axis(labelAngle=0))
    tooltip = [
        alt.Tooltip("period:N"),
        alt.Tooltip("actor:N", title="party"),
        alt.Tooltip("source:N", title="claimant"),
        alt.Tooltip("low:Q"),
        alt.Tooltip("high:Q"),
        alt.Tooltip("n_groups:Q", title="events"),
        alt.Tooltip("approx:N", title="approximate"),
    ]
    base = alt.Chart(data).encode(
        x=x, xOffset=alt.XOffset("source:N"), color=colour, tooltip=tooltip
    )
    ranges = base.mark_rule(strokeWidth=3, opacity=0.7).encode(
        y=alt.Y("low:Q", title=f"{kind} (as reported)"), y2="high_drawn:Q"
    )
    points = base.mark_point(size=70).encode(
        y="low:Q",
        shape=alt.Shape("source:N", title="Claimant"),
        fill=alt.condition("datum.approx", alt.value("white"), colour),
    )
    return (ranges + points).properties(
        width=width,
        height=height,
        title=_title(
            alt,
            title or f"{kind.capitalize()} as reported, by party and claimant",
            _source_line(ex, "Lines span each figure's low to high; hollow = approximate."),
        ),
    )


# --- control timeline -------------------------------------------------------------------


def control_timeline_data(
    ex: Extraction, places: Sequence[str] | None = None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The frames :func:`control_timeline` draws: the intervals (open ends closed at the
    latest date of the corpus, ``open_end`` set) and the dated events that mark them."""
    lanes = ex.control_timeline(list(places) if places is not None else None)
    latest = ex.articles.get_column("published").max()
    latest_event = ex.control.get_column("date_end").max()
    ends = [d for d in (latest, latest_event, *lanes.get_column("start").to_list()) if d]
    last_day = max(ends) if ends else dt.date.today()
    lanes = lanes.with_columns(
        pl.col("end").is_null().alias("open_end"),
        pl.col("end").fill_null(pl.lit(last_day)).alias("end_drawn"),
        pl.col("sources").list.join(", ").alias("cited"),
        pl.col("event_ids").list.len().alias("n_events"),
    )
    events = (
        ex.control.join(ex.articles.select("article_id", "published", "outlet"), on="article_id")
        .filter(pl.col("action").is_in(["captured", "withdrew", "holds"]))
        .with_columns(
            pl.when(pl.col("date_basis") == "stated")
            .then(pl.col("date_start"))
            .otherwise(pl.col("published"))
            .alias("date"),
            pl.coalesce("source", "outlet").alias("voice"),
            pl.col("sentence").str.slice(0, 160).alias("evidence"),
        )
        .filter(pl.col("date").is_not_null())
    )
    if places is not None:
        events = events.filter(pl.col("place").is_in(list(places)))
    return lanes, events.select("place", "action", "actor", "date", "voice", "outlet", "evidence")


def control_timeline(
    ex: Extraction,
    places: Sequence[str] | None = None,
    lexicon: Lexicon | None = None,
    title: str | None = None,
    width: int = 640,
) -> Any:
    """One lane per place, coloured by the party in control; ticks mark the captures,
    withdrawals and holds behind it. Hover shows the sources and the evidence."""
    alt = _altair()
    lanes, events = control_timeline_data(ex, places)
    actors = [*lanes.get_column("actor").to_list(), *events.get_column("actor").to_list()]
    colour = alt.Color("actor:N", title="In control", scale=_colour_scale(actors, lexicon))
    y = alt.Y("place:N", title=None)
    bars = (
        alt.Chart(lanes)
        .mark_bar(height={"band": 0.6}, opacity=0.85)
        .encode(
            x=alt.X("start:T", title=None),
            x2="end_drawn:T",
            y=y,
            color=colour,
            strokeDash=alt.condition("datum.conflict", alt.value([4, 2]), alt.value([1, 0])),
            tooltip=[
                alt.Tooltip("actor:N", title="in control"),
                alt.Tooltip("start:T"),
                alt.Tooltip("end:T"),
                alt.Tooltip("start_basis:N", title="start from"),
                alt.Tooltip("cited:N", title="sources"),
                alt.Tooltip("n_events:Q", title="events"),
                alt.Tooltip("conflict:N"),
            ],
        )
    )
    ticks = (
        alt.Chart(events)
        .mark_tick(thickness=2, size=18, color="#333333")
        .encode(
            x="date:T",
            y=y,
            tooltip=[
                alt.Tooltip("date:T"),
                alt.Tooltip("action:N"),
                alt.Tooltip("actor:N"),
                alt.Tooltip("voice:N", title="source"),
                alt.Tooltip("outlet:N"),
                alt.Tooltip("evidence:N"),
            ],
        )
    )
    n_places = max(lanes.get_column("place").n_unique(), 1)
    return (bars + ticks).properties(
        width=width,
        height=40 * n_places + 20,
        title=_title(
            alt,
            title or "Who held what, when",
            _source_line(ex, "Ticks: reported captures, withdrawals and holds."),
        ),
    )


# --- who says what ----------------------------------------------------------------------


def who_says_what(
    ex: Extraction,
    kind: str = "killed",
    actor: str | None = None,
    window_start: dt.date | None = None,
    lexicon: Lexicon | None = None,
    title: str | None = None,
) -> Any:
    """Claimants side by side: per event window, each source's figure as a range (low to
    high) with its outlets on hover. ``actor`` and ``window_start`` pick one party and window."""
    alt = _altair()
    data = ex.who_says_what(kind=kind, by=("actor",))
    if actor is not None:
        data = data.filter(pl.col("actor") == actor)
    if window_start is not None:
        data = data.filter(pl.col("window_start") == window_start)
    data = data.with_columns(
        pl.col("source").fill_null("the outlet itself"),
        pl.coalesce("high", "low").alias("high_drawn"),
        pl.col("high").is_null().alias("open_ended"),
        pl.col("outlets").list.join(", ").alias("carried_by"),
        pl.col("figures").list.join(" / ").alias("as_written"),
        pl.col("window_start").dt.strftime("%d %b %Y").alias("window"),
    )
    colour = alt.Color("actor:N", title="Party", scale=_colour_scale(data["actor"], lexicon))
    base = alt.Chart(data).encode(
        y=alt.Y("source:N", title=None),
        color=colour,
        tooltip=["source:N", "as_written:N", "low:Q", "high:Q", "carried_by:N", "window:N"],
    )
    chart = base.mark_rule(strokeWidth=6).encode(
        x=alt.X("low:Q", title=f"{kind} (as claimed)"), x2="high_drawn:Q"
    ) + base.mark_point(size=90, filled=True).encode(x="low:Q")
    return chart.facet(row=alt.Row("window:N", title=None)).properties(
        title=_title(
            alt,
            title or f"Who says how many were {kind}",
            _source_line(ex, "Each claimant's figure as a range; open-ended ones at their bound."),
        )
    )


# --- places -----------------------------------------------------------------------------


def places_data(ex: Extraction, lexicon: Lexicon | None = None) -> pl.DataFrame:
    """Claims and control events per place with the lexicon's coordinates (places without
    coordinates are left out of the map; their counts are still here with null lat/lon)."""
    lexicon = lexicon or Lexicon.default()
    coords = pl.DataFrame(
        [
            {"place": e["id"], "lat": e.get("lat"), "lon": e.get("lon")}
            for e in lexicon.entries("place")
        ],
        schema={"place": pl.String, "lat": pl.Float64, "lon": pl.Float64},
    )
    claims = ex.claims.group_by("place").agg(pl.len().alias("n_claims"))
    control = ex.control.group_by("place").agg(pl.len().alias("n_control"))
    return (
        claims.join(control, on="place", how="full", coalesce=True)
        .drop_nulls("place")
        .with_columns(pl.col("n_claims", "n_control").fill_null(0).cast(pl.UInt32))
        .join(coords, on="place", how="left")
        .sort("n_claims", descending=True)
    )


def places(ex: Extraction, lexicon: Lexicon | None = None, title: str | None = None) -> Any:
    """A map of places (lexicon coordinates), circles sized by the claims made about them."""
    alt = _altair()
    data = places_data(ex, lexicon).drop_nulls(["lat", "lon"])
    base = alt.Chart(data).encode(
        longitude="lon:Q",
        latitude="lat:Q",
        tooltip=["place:N", "n_claims:Q", "n_control:Q"],
    )
    circles = base.mark_circle(color="#c0392b", opacity=0.6).encode(
        size=alt.Size("n_claims:Q", title="Claims", scale=alt.Scale(range=[30, 1500]))
    )
    labels = base.mark_text(dy=-12, fontSize=11).encode(text="place:N")
    return (
        (circles + labels)
        .project(type="mercator")
        .properties(
            width=520,
            height=420,
            title=_title(alt, title or "Where the claims are", _source_line(ex)),
        )
    )


def save(chart: Any, path: str | os.PathLike[str], scale: float = 2.0) -> Path:
    """Writes a chart to ``.png``, ``.svg``, ``.pdf``, ``.html`` or ``.json`` (PNG, SVG and
    PDF through vl-convert, no browser needed). Returns the path."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in {".png", ".svg", ".pdf", ".html", ".json"}:
        raise ValueError(f"save: {path} must end in .png, .svg, .pdf, .html or .json")
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".png":
        chart.save(str(path), scale_factor=scale)
    else:
        chart.save(str(path))
    return path
