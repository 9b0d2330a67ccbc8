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


def test_batch_size_does_not_change_the_output(tmp_path, corpus):
    _, paths = corpus
    a = warclaims.extract_to(paths[".parquet"], tmp_path / "a", batch_size=1, progress=False)
    b = warclaims.extract_to(paths[".parquet"], tmp_path / "b", batch_size=1000, progress=False)
    assert (a.batches, b.batches) == (100, 1)
    for table in ("claims", "control"):
        assert pl.read_parquet(tmp_path / "a" / f"{table}.parquet").equals(
            pl.read_parquet(tmp_path / "b" / f"{table}.parquet")
        )


def test_rows_without_ids_are_numbered_across_batches(tmp_path):
    path = tmp_path / "c.jsonl"
    pl.DataFrame({"text": TEXTS}).write_ndjson(path)
    warclaims.extract_to(path, tmp_path / "o", batch_size=2, progress=False)
    ids = pl.read_parquet(tmp_path / "o" / "articles.parquet").get_column("article_id")
    assert ids.to_list() == [f"c:{i}" for i in range(1, 6)]


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
