"""Streaming extraction (extract_to), the CLI's batches, and claims_expr in lazy queries."""

import polars as pl
import pytest

import warclaims

TEXTS = [
    "At least 38 Islamic State militants were killed near Palmyra on Friday, a monitor said.",
    "Russian warplanes flew 40 sorties over Raqqa.",
    "Nothing happened today.",
    "Government forces recaptured Palmyra from Islamic State on Sunday.",
    "Coalition strikes kill 12 civilians in Mosul",
]


@pytest.fixture
def corpus(tmp_path):
    df = pl.DataFrame(
        {
            "id": [f"a{i}" for i in range(len(TEXTS) * 20)],
            "text": TEXTS * 20,
            "published": ["2016-03-27"] * (len(TEXTS) * 20),
        }
    )
    paths = {}
    for suffix, write in (
        (".parquet", df.write_parquet),
        (".jsonl", df.write_ndjson),
        (".csv", df.write_csv),
    ):
        paths[suffix] = tmp_path / f"corpus{suffix}"
        write(paths[suffix])
    return df, paths


def _ids(directory, table="claims"):
    return sorted(pl.read_parquet(directory / f"{table}.parquet").get_column(f"{table[:-1]}_id"))


@pytest.mark.parametrize("suffix", [".parquet", ".jsonl", ".csv"])
def test_streamed_equals_in_memory(tmp_path, corpus, suffix):
    df, paths = corpus
    whole = warclaims.extract(df)
    result = warclaims.extract_to(paths[suffix], tmp_path / "out", batch_size=7, progress=False)
    assert result.batches == 15  # 100 rows in batches of 7
    assert result.articles == 100
    assert result.claims == whole.claims.height
    assert _ids(tmp_path / "out") == sorted(whole.claims.get_column("claim_id"))
    schema = pl.read_parquet_schema(tmp_path / "out" / "claims.parquet")
    assert list(schema) == whole.claims.columns
    assert (tmp_path / "out" / "groups.parquet").exists()
    assert not (tmp_path / "out" / ".parts").exists()


def test_streamed_groups_equal_in_memory_groups(tmp_path, seeds):
    """The streaming path groups from integer codes read back from the parts; it must give
    the very groups the in-memory path gives (same ids, members, corroboration)."""
    whole = warclaims.extract(seeds, meta=seeds / "articles.csv").groups()
    warclaims.extract_to(
        seeds, tmp_path / "o", batch_size=2, meta=seeds / "articles.csv", progress=False
    )
    streamed = pl.read_parquet(tmp_path / "o" / "groups.parquet")
    assert whole.height > 20
    assert streamed.equals(whole)
    assert set(streamed.get_column("corroboration")) == {"contested", "single_source"}


@pytest.mark.parametrize("stage_rows", [1, 300_000])
def test_groups_built_in_many_slices_equal_the_whole(tmp_path, seeds, monkeypatch, stage_rows):
    """Group rows built slice by slice from parts (staged once, or flushed after every
    part) are the groups of the whole extraction, in the same order."""
    from warclaims import analysis

    monkeypatch.setattr(analysis, "_STAGE_ROWS", stage_rows)
    ex = warclaims.extract(seeds, meta=seeds / "articles.csv")
    ids = ex.articles.get_column("article_id").to_list()
    pairs = []
    for k in range(0, len(ids), 2):  # parts of two articles, as extract_to writes them
        chunk = ids[k : k + 2]
        claims, articles = tmp_path / f"c{k}.parquet", tmp_path / f"a{k}.parquet"
        ex.claims.filter(pl.col("article_id").is_in(chunk)).write_parquet(claims)
        ex.articles.filter(pl.col("article_id").is_in(chunk)).write_parquet(articles)
        pairs.append((claims, articles))
    slices = list(analysis.groups_from_parts(pairs, max_claims=2))
    assert len(slices) > 10
    assert pl.concat(slices).equals(ex.groups())


def test_batch_size_does_not_change_the_output(tmp_path, corpus):
    _, paths = corpus
    a = warclaims.extract_to(paths[".parquet"], tmp_path / "a", batch_size=1, progress=False)
    b = warclaims.extract_to(paths[".parquet"], tmp_path / "b", batch_size=1000, progress=False)
    assert (a.batches, b.batches) == (100, 1)
    for table in ("claims", "control"):
        assert pl.read_parquet(tmp_path / "a" / f"{table}.parquet").equals(
            pl.read_parquet(tmp_path / "b" / f"{table}.parquet")
        )


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_rows_without_ids_are_numbered_across_batches(tmp_path, suffix):
    """Parquet is read a slice per batch, JSONL through Polars' batches: same numbering."""
    path = tmp_path / f"c{suffix}"
    frame = pl.DataFrame({"text": TEXTS})
    frame.write_ndjson(path) if suffix == ".jsonl" else frame.write_parquet(path)
    warclaims.extract_to(path, tmp_path / "o", batch_size=2, progress=False)
    articles = pl.read_parquet(tmp_path / "o" / "articles.parquet")
    assert articles.get_column("article_id").to_list() == [f"c:{i}" for i in range(1, 6)]
    assert articles.get_column("text").to_list() == TEXTS


def test_combined_files_have_row_groups_sized_by_their_rows(tmp_path):
    """The sink holds row groups in memory: long articles get few rows per group."""
    import pyarrow.parquet as pq

    long_text = "Nothing happened today. " * 4_000  # 96 KB, no claim
    path = tmp_path / "long.parquet"
    pl.DataFrame({"text": [long_text] * 400}).write_parquet(path)
    warclaims.extract_to(path, tmp_path / "o", batch_size=50, progress=False)
    meta = pq.ParquetFile(tmp_path / "o" / "articles.parquet").metadata
    rows = [meta.row_group(i).num_rows for i in range(meta.num_row_groups)]
    assert sum(rows) == 400
    assert max(rows) <= 200  # 16 MB / 96 KB = 174 rows, not Polars' default of 512^2


def test_empty_corpus_writes_empty_tables(tmp_path):
    result = warclaims.extract_to([], tmp_path / "o", progress=False)
    assert result.articles == 0
    for table in ("articles", "claims", "control", "groups"):
        assert pl.read_parquet(tmp_path / "o" / f"{table}.parquet").height == 0


def test_unused_manifest_rows_are_warned_once(tmp_path, seeds):
    manifest = tmp_path / "m.csv"
    lines = (seeds / "articles.csv").read_text().splitlines()
    manifest.write_text("\n".join([*lines, "nowhere,,,,2016-01-01"]) + "\n")
    header = lines[0].split(",")
    assert header[0] in ("id", "file")
    with pytest.warns(UserWarning, match="1 row") as caught:
        warclaims.extract_to(seeds, tmp_path / "o", batch_size=2, meta=manifest, progress=False)
    assert len([w for w in caught if "matched no document" in str(w.message)]) == 1


def test_bad_arguments_are_clear(tmp_path):
    with pytest.raises(ValueError, match="batch_size"):
        warclaims.extract_to(TEXTS, tmp_path, batch_size=0)
    with pytest.raises(warclaims.InputError, match="missing"):
        warclaims.extract_to(tmp_path / "missing", tmp_path / "o", progress=False)


def test_no_progress_bar_when_not_a_terminal(tmp_path, corpus, capsys):
    _, paths = corpus
    warclaims.extract_to(paths[".parquet"], tmp_path / "o", batch_size=10)
    assert capsys.readouterr().err == ""


def test_claims_expr_in_a_streaming_query(corpus):
    df, _ = corpus
    whole = warclaims.extract(df)
    out = (
        df.lazy()
        .with_columns(warclaims.claims_expr("text", published="published").alias("claims"))
        .collect(engine="streaming")
    )
    assert out.height == df.height
    counts = out.get_column("claims").list.len()
    assert int(counts.sum()) == whole.claims.height
    per_article = whole.claims.group_by("article_id").len()
    first = per_article.filter(pl.col("article_id") == "a0").get_column("len").item()
    assert counts[0] == first
    assert counts[2] == 0  # "Nothing happened today."
    flat = out.select(pl.col("claims").explode()).unnest("claims").drop_nulls("kind")
    assert set(flat.get_column("kind")) == set(whole.claims.get_column("kind"))
