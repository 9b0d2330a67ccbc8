"""The functions users call: read articles, extract claims and control events."""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import polars as pl

from warclaims import _warclaims, analysis
from warclaims.errors import InputError
from warclaims.lexicon import Lexicon

__all__ = ["Extraction", "Source", "extract", "read_articles"]

PathLike = str | os.PathLike[str]
#: What :func:`extract` and :func:`read_articles` accept.
Source = PathLike | Sequence[PathLike] | pl.DataFrame | Sequence[Mapping[str, Any]] | Sequence[str]

Format = Literal["parquet", "csv", "jsonl"]
_FIELDS = ("id", "title", "outlet", "url", "published", "text")


def _pick(columns: Iterable[str], field: str, text_column: str | None) -> str | None:
    if field == "text" and text_column is not None:
        return text_column if text_column in columns else None
    lower = {c.lower(): c for c in columns}
    for alias in _warclaims.COLUMN_ALIASES[field]:
        if alias in lower:
            return lower[alias]
    return None


def _frame_records(origin: str, df: pl.DataFrame, text_column: str | None) -> tuple:
    picked = {f: _pick(df.columns, f, text_column) for f in _FIELDS}
    if picked["text"] is None:
        wanted = text_column or ", ".join(_warclaims.COLUMN_ALIASES["text"])
        raise InputError(
            f"{origin}: no text column (looked for: {wanted}; found: {', '.join(df.columns)}). "
            "Rename the column or pass text_column="
        )
    cols = {
        field: df.get_column(name).cast(pl.String).to_list()
        for field, name in picked.items()
        if name is not None
    }
    return (origin, cols)


def _is_path(obj: object) -> bool:
    return isinstance(obj, str | os.PathLike)


def _inputs(source: Source, manifest: Path | None, text_column: str | None) -> list:
    """Turns a source into the core's inputs: files, and records for tables Polars reads."""
    if isinstance(source, pl.DataFrame):
        return [_frame_records("dataframe", source, text_column)]
    items: list[Any] = [source] if _is_path(source) else list(source)  # type: ignore[arg-type]
    if items and all(isinstance(i, Mapping) for i in items):
        return [_frame_records("records", pl.DataFrame(items), text_column)]
    if (
        items
        and all(isinstance(i, str) for i in items)
        and not any(os.path.exists(i) for i in items)
    ):
        if len(items) > 1 or "\n" in items[0] or " " in items[0]:
            return [("text", {"text": items})]
    if not all(_is_path(i) for i in items):
        raise InputError(
            "source must be a path, a list of paths, a polars DataFrame, a list of dicts "
            "or a list of strings"
        )
    paths = [str(i) for i in items]
    inputs: list[Any] = []
    for path, explicit in _warclaims.list_files(paths, str(manifest) if manifest else None):
        if path.lower().endswith(".parquet"):
            inputs.append(_parquet_records(path, text_column, explicit))
        else:
            inputs.append((path, explicit))
    return inputs


def _parquet_records(path: str, text_column: str | None, explicit: bool) -> tuple:
    stem = Path(path).stem
    try:
        df = pl.read_parquet(path)
    except Exception as err:  # polars raises several error types for bad files
        if explicit:
            raise InputError(f"{path}: cannot read it as Parquet ({err})") from err
        return (stem, {"id": [stem], "text": [None]})
    return _frame_records(stem, df, text_column)


def _run(
    source: Source,
    meta: PathLike | None,
    text_column: str | None,
    lexicon: Lexicon | None,
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    manifest = Path(meta) if meta is not None else None
    inputs = _inputs(source, manifest, text_column)
    inner = lexicon._inner if lexicon is not None else None
    articles, claims, control, unused = _warclaims.extract(
        inputs, str(manifest) if manifest else None, text_column, inner
    )
    _warn_unused(manifest, unused)
    return pl.DataFrame(articles), pl.DataFrame(claims), pl.DataFrame(control)


def _warn_unused(manifest: Path | None, unused: list[str]) -> None:
    """Says which manifest rows matched no document (nothing is dropped silently)."""
    if unused:
        shown = ", ".join(unused[:10]) + (" ..." if len(unused) > 10 else "")
        warnings.warn(
            f"manifest {manifest}: {len(unused)} row(s) matched no document: {shown}",
            UserWarning,
            stacklevel=4,
        )


def read_articles(
    source: Source,
    meta: PathLike | None = None,
    *,
    text_column: str | None = None,
) -> pl.DataFrame:
    """Reads documents into the ``articles`` table, one row per document.

    Args:
        source: a file or directory (read recursively: ``.txt``, ``.md``, ``.html``,
            ``.jsonl``, ``.csv``, ``.parquet``), a list of paths, a Polars DataFrame,
            a list of dicts, or a list of article texts.
        meta: a metadata manifest (CSV with ``id`` or ``file`` and any of ``title``,
            ``outlet``, ``url``, ``published``); its values win over what was read.
        text_column: the text column of table inputs (default: ``text``, ``content``, ...).

    Returns:
        The ``articles`` frame; nothing is dropped: empty or broken documents get a row
        with ``warnings``.

    Example:
        >>> import warclaims
        >>> df = warclaims.read_articles(["Five civilians were killed on Friday."])
        >>> df.select("article_id", "n_claims").row(0)
        ('text:1', 0)
    """
    manifest = Path(meta) if meta is not None else None
    inputs = _inputs(source, manifest, text_column)
    articles, _, _, unused = _warclaims.extract(
        inputs, str(manifest) if manifest else None, text_column, _empty_lexicon()
    )
    _warn_unused(manifest, unused)
    return pl.DataFrame(articles)


def _empty_lexicon() -> Any:
    """An empty lexicon: reading alone extracts nothing."""
    return _warclaims.RustLexicon.from_toml("", "<none>")


@dataclass(frozen=True)
class Extraction:
    """The result of :func:`extract`: three Polars frames of the claims model.

    Attributes:
        articles: one row per input document (``article_id``, ``text``, ``warnings``, ...).
        claims: one row per claim mention (kind, figure bounds, actor, source, evidence span).
        control: one row per control-event mention (action, place, actor, ...).
    """

    articles: pl.DataFrame
    claims: pl.DataFrame
    control: pl.DataFrame

    def summary(self) -> str:
        """A one-line summary: articles, claims, control events and warnings."""
        n_warn = int(self.articles.get_column("warnings").list.len().sum() or 0)
        return (
            f"{self.articles.height} articles, {self.claims.height} claims, "
            f"{self.control.height} control events, {n_warn} warnings"
        )

    def write(self, directory: PathLike, format: Format = "parquet") -> list[Path]:
        """Writes ``articles``, ``claims``, ``control`` and ``groups`` files into ``directory``.

        Args:
            directory: created if missing.
            format: ``parquet`` (default), ``csv`` or ``jsonl``. CSV cannot hold lists, so
                lists (``warnings``, ``sources``, ``claim_ids``...) are joined with `` | ``
                there.

        Returns:
            The paths written.
        """
        if format not in ("parquet", "csv", "jsonl"):
            raise ValueError(f"format must be 'parquet', 'csv' or 'jsonl', not {format!r}")
        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name, frame in (
            ("articles", self.articles),
            ("claims", self.claims),
            ("control", self.control),
            ("groups", self.groups()),
        ):
            path = out / f"{name}.{format}"
            if format == "parquet":
                frame.write_parquet(path)
            elif format == "jsonl":
                frame.write_ndjson(path)
            else:
                flat = frame.with_columns(pl.col(pl.List(pl.String)).list.join(" | "))
                flat.write_csv(path)
            written.append(path)
        return written

    @cached_property
    def _grouped_claims(self) -> pl.DataFrame:
        return analysis.group(self)

    def grouped_claims(self) -> pl.DataFrame:
        """The claims with their ``group_id`` and ``corroboration`` (and ``published``,
        ``outlet``) added; see :mod:`warclaims.analysis`. Computed once, then kept."""
        return self._grouped_claims

    def groups(self) -> pl.DataFrame:
        """Claim groups: one row per event figure with every outlet that carried it.

        See :func:`warclaims.analysis.groups` for the columns and how groups and
        corroboration (``single_source``, ``corroborated``, ``contested``) are decided.
        """
        return analysis.groups(self)

    def who_says_what(
        self, kind: str = "killed", by: Sequence[str] = ("actor",), window: str = "7d"
    ) -> pl.DataFrame:
        """Per event window and party, each source's figures side by side
        (see :func:`warclaims.analysis.who_says_what`)."""
        return analysis.who_says_what(self, kind=kind, by=by, window=window)

    def control_timeline(self, place: str | Sequence[str] | None = None) -> pl.DataFrame:
        """Per place, consecutive intervals of control citing their events
        (see :func:`warclaims.analysis.control_timeline`)."""
        return analysis.control_timeline(self, place=place)

    def casualty_series(
        self,
        every: str = "1mo",
        by: Sequence[str] = ("actor", "source"),
        kind: str | Sequence[str] = "killed",
    ) -> pl.DataFrame:
        """Figures over time, each claim group counted once
        (see :func:`warclaims.analysis.casualty_series`)."""
        return analysis.casualty_series(self, every=every, by=by, kind=kind)

    def rule_counts(self) -> pl.DataFrame:
        """Rows made by each extraction rule: ``table`` (``claims`` or ``control``), ``rule``
        and ``rows``, every known rule listed (a rule that never fired has 0 rows)."""
        return rule_counts(self.claims, self.control)

    def __repr__(self) -> str:
        return f"Extraction({self.summary()})"


def rule_counts(claims: pl.DataFrame, control: pl.DataFrame) -> pl.DataFrame:
    """Rows per extraction rule of ``claims`` and ``control`` frames (or any frames with a
    ``rule`` column), every known rule listed with 0 where it never fired, most rows first.

    >>> import polars as pl
    >>> counts = rule_counts(pl.DataFrame({"rule": ["toll", "toll"]}), pl.DataFrame({"rule": []}))
    >>> counts.filter(pl.col("rule") == "toll").get_column("rows").to_list()
    [2]
    """
    parts = []
    for table, frame in (("claims", claims), ("control", control)):
        known = pl.DataFrame({"rule": _warclaims.RULES[table]}, schema={"rule": pl.String})
        fired = frame.select(pl.col("rule").cast(pl.String)).group_by("rule").len("rows")
        counts = (
            known.join(fired, on="rule", how="full", coalesce=True)
            .with_columns(pl.col("rows").fill_null(0).cast(pl.UInt32), table=pl.lit(table))
            .select("table", "rule", "rows")
        )
        parts.append(counts.sort("rows", "rule", descending=[True, False]))
    return pl.concat(parts)


def extract(
    source: Source,
    meta: PathLike | None = None,
    *,
    lexicon: Lexicon | None = None,
    text_column: str | None = None,
) -> Extraction:
    """Reads documents and extracts their claims and control events.

    Args:
        source: as for :func:`read_articles`.
        meta: a metadata manifest CSV (``published`` there wins over anything inferred).
        lexicon: the lexicon to use (default: :meth:`Lexicon.default`).
        text_column: the text column of table inputs.

    Returns:
        An :class:`Extraction` with ``articles``, ``claims`` and ``control`` frames.

    Example:
        >>> import warclaims
        >>> ex = warclaims.extract([{"id": "a", "published": "2016-12-17",
        ...     "text": "At least 38 militants were killed near Palmyra, a monitor said."}])
        >>> ex.claims.select("kind", "low", "high", "actor", "source").row(0)
        ('killed', 38, None, 'Islamic State', 'Syrian Observatory for Human Rights')
    """
    articles, claims, control = _run(source, meta, text_column, lexicon)
    return Extraction(articles=articles, claims=claims, control=control)
