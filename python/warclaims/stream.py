"""Streaming extraction: corpora larger than memory, in batches, to Parquet.

:func:`extract_to` reads Parquet corpora a slice of rows per batch, JSONL and CSV through
Polars' lazy scans, folders of documents a batch of files at a time, and in-memory frames
and lists in slices; each batch is extracted (in parallel, the GIL released) and written as
Parquet parts. At the end the parts are combined with Polars' streaming sink into one file
per table, in row groups of about 16 MB, and the claim groups are computed from the claims
(the texts are not read again). Memory is bounded by the batch, not the corpus: a 2 GB
corpus streams in under 1 GB (see the README's Performance section).
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import polars as pl

from warclaims import _warclaims, analysis
from warclaims.api import (
    Extraction,
    Source,
    _frame_records,
    _inputs,
    _is_path,
    _pick,
    _warn_unused,
)
from warclaims.errors import InputError
from warclaims.lexicon import Lexicon

PathLike = str | os.PathLike[str]
TABLES = ("articles", "claims", "control")
_SCANS = {
    ".parquet": pl.scan_parquet,
    ".csv": pl.scan_csv,
    ".jsonl": pl.scan_ndjson,
    ".ndjson": pl.scan_ndjson,
}


@dataclass
class StreamResult:
    """What :func:`extract_to` did: counts, time and the files written."""

    articles: int = 0
    claims: int = 0
    control: int = 0
    groups: int = 0
    batches: int = 0
    text_bytes: int = 0
    seconds: float = 0.0
    files: list[Path] = field(default_factory=list)

    @property
    def mb_per_s(self) -> float:
        """Text throughput, MB (10^6 bytes of text) per second."""
        return self.text_bytes / 1e6 / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        """One line: counts, batches and throughput."""
        return (
            f"{self.articles} articles, {self.claims} claims, {self.control} control events, "
            f"{self.groups} groups in {self.batches} batches; {self.text_bytes / 1e6:.1f} MB "
            f"of text in {self.seconds:.1f} s ({self.mb_per_s:.1f} MB/s)"
        )


class _Progress:
    """A progress bar on a terminal (articles, MB/s, ETA by bytes), silent otherwise."""

    def __init__(self, total_bytes: int | None, enabled: bool) -> None:
        self.bar: Any = None
        if not enabled:
            return
        from tqdm import tqdm  # only when a bar is shown

        self.bar = tqdm(
            total=total_bytes,
            unit="B",
            unit_scale=True,
            unit_divisor=1000,
            desc="warclaims",
            file=sys.stderr,
        )

    def update(self, n_bytes: int, articles: int) -> None:
        if self.bar is not None:
            self.bar.update(n_bytes)
            self.bar.set_postfix(articles=articles, refresh=False)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _table_batches(path: Path, batch_size: int, text_column: str | None) -> Iterator[tuple]:
    """A table corpus in batches of rows, ids numbered as the in-memory reader does."""
    scan = _SCANS[path.suffix.lower()]
    try:
        lazy = scan(path, infer_schema_length=0) if path.suffix.lower() == ".csv" else scan(path)
        columns = lazy.collect_schema().names()
    except Exception as err:  # polars raises several error types for unreadable files
        raise InputError(f"{path}: cannot read it as {path.suffix[1:]} ({err})") from err
    has_id = _pick(columns, "id", None) is not None
    offset = 0
    for batch in _scan_batches(lazy, batch_size, path.suffix.lower() == ".parquet"):
        if not has_id:
            ids = [f"{path.stem}:{offset + i + 1}" for i in range(batch.height)]
            batch = batch.with_columns(pl.Series("id", ids, dtype=pl.String))
        offset += batch.height
        yield _frame_records(path.stem, batch, text_column)


def _scan_batches(lazy: pl.LazyFrame, batch_size: int, sliceable: bool) -> Iterator[pl.DataFrame]:
    """The rows of a scan, ``batch_size`` at a time.

    A Parquet scan is read one slice per batch: Polars' batch iterator decodes row groups
    far ahead of a slow consumer (pola-rs/polars#28569), which held about 1 GB of a 2 GB
    corpus, while a slice decodes only its own pages.
    """
    if not sliceable:
        yield from lazy.collect_batches(chunk_size=batch_size)
        return
    total = lazy.select(pl.len()).collect().item()
    for offset in range(0, total, batch_size):
        yield lazy.slice(offset, batch_size).collect()


def _batches(
    source: Source | pl.LazyFrame, batch_size: int, manifest: Path | None, text_column: str | None
) -> Iterator[list]:
    """The core's inputs, a batch at a time."""
    if isinstance(source, pl.LazyFrame):
        for batch in source.collect_batches(chunk_size=batch_size):
            yield [_frame_records("lazyframe", batch, text_column)]
        return
    if isinstance(source, pl.DataFrame):
        for batch in source.iter_slices(batch_size):
            yield [_frame_records("dataframe", batch, text_column)]
        return
    items = [source] if _is_path(source) else list(source)  # type: ignore[arg-type]
    if not items or not all(_is_path(i) for i in items):
        if items and all(isinstance(i, Mapping) for i in items):
            for start in range(0, len(items), batch_size):
                yield _inputs(items[start : start + batch_size], manifest, text_column)
            return
        yield _inputs(source, manifest, text_column)  # type: ignore[arg-type]
        return
    paths = [str(i) for i in items]
    files: list[tuple[str, bool]] = _warclaims.list_files(
        paths, str(manifest) if manifest else None
    )
    pending: list[Any] = []
    for path, explicit in files:
        if Path(path).suffix.lower() in _SCANS:
            if pending:
                yield pending
                pending = []
            try:
                yield from ([b] for b in _table_batches(Path(path), batch_size, text_column))
            except InputError:
                if explicit:
                    raise
                # Like the in-memory reader, a broken table found in a folder still gets
                # its row: the core reads it and says what was wrong.
                yield [(path, explicit)]
            continue
        pending.append((path, explicit))
        if len(pending) >= batch_size:
            yield pending
            pending = []
    if pending:
        yield pending


def _input_bytes(source: object) -> int | None:
    """The size on disk of a path source (the progress bar's total), else None."""
    items: Iterable[object] = [source] if _is_path(source) else []
    if isinstance(source, list | tuple) and all(_is_path(i) for i in source):
        items = source
    total = 0
    for item in items:
        p = Path(item)  # type: ignore[arg-type]
        if p.is_file():
            total += p.stat().st_size
        elif p.is_dir():
            total += sum(f.stat().st_size for f in p.rglob("*") if f.is_file())
    return total or None


def extract_to(
    source: Source | pl.LazyFrame,
    out_dir: PathLike,
    *,
    batch_size: int = 5_000,
    meta: PathLike | None = None,
    lexicon: Lexicon | None = None,
    text_column: str | None = None,
    format: Literal["parquet", "csv", "jsonl"] = "parquet",
    groups: bool = True,
    progress: bool | None = None,
) -> StreamResult:
    """Extracts a corpus of any size in batches, writing one file per table into ``out_dir``.

    Args:
        source: as for :func:`warclaims.extract`, plus a Polars ``LazyFrame``. JSONL, CSV
            and Parquet files are scanned lazily, never read whole.
        out_dir: created if missing; gets ``articles``, ``claims``, ``control`` (and
            ``groups``) files in ``format``.
        batch_size: rows or files per batch; memory grows with it, not with the corpus.
        meta: a metadata manifest; rows that match no document anywhere are warned about
            once, at the end.
        lexicon: the lexicon (default: :meth:`Lexicon.default`).
        text_column: the text column of table corpora.
        format: ``parquet`` (default), ``csv`` or ``jsonl``.
        groups: also write the claim groups (:func:`warclaims.analysis.groups`).
        progress: show a progress bar (articles, MB/s, ETA); default: only on a terminal.

    Returns:
        A :class:`StreamResult` with counts, throughput and the paths written.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    if format not in ("parquet", "csv", "jsonl"):
        raise ValueError(f"format must be 'parquet', 'csv' or 'jsonl', not {format!r}")
    out = Path(out_dir)
    parts = out / ".parts"
    if parts.exists():
        shutil.rmtree(parts)
    for table in TABLES:
        (parts / table).mkdir(parents=True, exist_ok=True)
    manifest = Path(meta) if meta is not None else None
    inner = lexicon._inner if lexicon is not None else None
    show = sys.stderr.isatty() if progress is None else progress
    # Walking the input for its size is only worth it when a bar shows it.
    bar = _Progress(_input_bytes(source) if show else None, show)
    result = StreamResult()
    unused: set[str] | None = None
    sizes = _RowSizes()
    started = time.perf_counter()
    try:
        for k, inputs in enumerate(_batches(source, batch_size, manifest, text_column)):
            frames = _warclaims.extract(
                inputs, str(manifest) if manifest else None, text_column, inner
            )
            articles, claims, control = (pl.DataFrame(f) for f in frames[:3])
            batch_unused = set(frames[3])
            unused = batch_unused if unused is None else unused & batch_unused
            for table, frame in zip(TABLES, (articles, claims, control), strict=True):
                frame.write_parquet(parts / table / f"part-{k:06d}.parquet")
                sizes.add(table, frame)
            n_bytes = int(articles.get_column("text").str.len_bytes().sum() or 0)
            result.batches += 1
            result.articles += articles.height
            result.claims += claims.height
            result.control += control.height
            result.text_bytes += n_bytes
            bar.update(n_bytes, result.articles)
    finally:
        bar.close()
    empty = Extraction(*(pl.DataFrame(f) for f in _warclaims.extract([], None, None, inner)[:3]))
    if result.batches == 0:  # an empty corpus still gets its (empty) tables
        for table in TABLES:
            getattr(empty, table).write_parquet(parts / table / "part-000000.parquet")
    if manifest is not None:
        _warn_unused(manifest, sorted(unused or ()))
    result.files = _combine(parts, out, format, sizes)
    if groups:
        # Grouping holds integer codes per claim; the group rows are then built slice by
        # slice from the parts, so neither texts nor whole claim rows are held at once.
        pairs = list(
            zip(
                sorted((parts / "claims").glob("*.parquet")),
                sorted((parts / "articles").glob("*.parquet")),
                strict=True,
            )
        )
        staged = parts / "groups"
        staged.mkdir()
        for k, frame in enumerate(analysis.groups_from_parts(pairs)):
            frame.write_parquet(staged / f"part-{k:06d}.parquet")
            sizes.add("groups", frame)
            result.groups += frame.height
        if result.groups == 0:  # no claims: the (empty) groups table still gets written
            analysis.groups(empty).write_parquet(staged / "part-000000.parquet")
        groups_rows = sizes.row_group_rows("groups")
        result.files.append(
            _write(pl.scan_parquet(staged), out / f"groups.{format}", format, groups_rows)
        )
    shutil.rmtree(parts)
    result.seconds = time.perf_counter() - started
    return result


class _RowSizes:
    """Bytes per row of each table, seen batch by batch, to size the combined files' row
    groups: the Parquet sink holds row groups in memory, and Polars' default (512^2 rows)
    is half a gigabyte of article texts. The heaviest batch sets the size, since rows
    vary (a group copied by thousands of outlets carries thousands of claim ids)."""

    TARGET_BYTES = 16 * 2**20

    def __init__(self) -> None:
        self.per_row: dict[str, float] = {}

    def add(self, table: str, frame: pl.DataFrame) -> None:
        if frame.height:
            per_row = frame.estimated_size() / frame.height
            self.per_row[table] = max(self.per_row.get(table, 0.0), per_row)

    def row_group_rows(self, table: str) -> int:
        """Rows per row group holding about ``TARGET_BYTES`` (64 to 512^2 rows)."""
        per_row = max(self.per_row.get(table, 1.0), 1.0)
        return int(min(max(self.TARGET_BYTES / per_row, 64), 512**2))


def _write(lazy: pl.LazyFrame, path: Path, format: str, row_group_rows: int) -> Path:
    """Sinks a lazy frame to ``path`` with the streaming engine."""
    if format == "parquet":
        lazy.sink_parquet(path, row_group_size=row_group_rows)
    elif format == "jsonl":
        lazy.sink_ndjson(path)
    else:
        lists = [n for n, t in lazy.collect_schema().items() if isinstance(t, pl.List)]
        lazy.with_columns(pl.col(lists).list.join(" | ")).sink_csv(path)
    return path


def _combine(parts: Path, out: Path, format: str, sizes: _RowSizes) -> list[Path]:
    """One file per table from the parts, streamed (no table is held whole)."""
    written = []
    for table in TABLES:
        files = sorted((parts / table).glob("*.parquet"))
        if not files:
            continue
        lazy = pl.scan_parquet(files)
        written.append(_write(lazy, out / f"{table}.{format}", format, sizes.row_group_rows(table)))
    return written
