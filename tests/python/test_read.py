"""Reading documents: every document gives one articles row, repaired where needed."""

import json
import warnings
from datetime import date

import polars as pl
import pytest

import warclaims

HTML = """<!doctype html><html><head><title>Raqqa page</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2017-06-09T10:00:00Z">
<link rel="canonical" href="https://example.org/raqqa"></head>
<body><nav>Menu</nav><article><h1>Raqqa strikes</h1>
<p>At least 17 civilians were killed in Raqqa, the Observatory said.</p></article>
<script>var n = 999;</script></body></html>"""


@pytest.fixture
def mixed(tmp_path):
    (tmp_path / "a.txt").write_text("Skip to main content\n\nTitle A\n\nBody of A.", "utf-8")
    (tmp_path / "b.html").write_text(HTML, "utf-8")
    rows = [{"id": "j1", "text": "one"}, {"id": "j2", "text": "two", "published": "2016-03-27"}]
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
    (tmp_path / "d.txt").write_bytes(b"Palmyra \xff\xfe fell")
    (tmp_path / "e.txt").write_bytes(b"")
    return tmp_path


def test_mixed_directory_one_row_per_document(mixed):
    df = warclaims.read_articles(mixed)
    assert df.get_column("article_id").to_list() == ["a", "b", "j1", "j2", "d", "e"]
    rows = {r["article_id"]: r for r in df.to_dicts()}
    assert rows["a"]["title"] == "Title A"
    assert rows["b"]["outlet"] == "Example News"
    assert rows["b"]["url"] == "https://example.org/raqqa"
    assert rows["b"]["published"] == date(2017, 6, 9)
    assert "999" not in rows["b"]["text"] and "Menu" not in rows["b"]["text"]
    assert rows["j2"]["published_basis"] == "given"
    assert rows["d"]["text"] == "Palmyra \ufffd\ufffd fell"
    assert rows["d"]["warnings"][0].startswith("W001")
    assert rows["e"]["warnings"][0].startswith("W004")
    assert rows["a"]["warnings"] == []


def test_offsets_are_python_str_indices():
    text = "Tadmur — café 🙂. At least 38 militants were killed near Palmyra."
    ex = warclaims.extract([{"id": "x", "text": text, "published": "2016-12-17"}])
    row = ex.claims.row(0, named=True)
    assert text[row["start"] : row["end"]] == "At least 38 militants"
    assert text[row["start"] : row["end"]] in row["sentence"]


def test_manifest_wins_and_unused_rows_warn(tmp_path):
    (tmp_path / "x.txt").write_text("Headline\n\nBody.", "utf-8")
    manifest = tmp_path / "meta.csv"
    manifest.write_text("id,title,outlet,url,published\nx,Real title,AFP,,2016-03-27\nghost,,,,\n")
    with pytest.warns(UserWarning, match="ghost"):
        df = warclaims.read_articles(tmp_path, manifest)
    assert df.height == 1  # the manifest itself is not read as a document
    row = df.row(0, named=True)
    assert (row["title"], row["outlet"], row["published"]) == (
        "Real title",
        "AFP",
        date(2016, 3, 27),
    )


def test_bad_manifest_date_is_a_warning_not_an_error(tmp_path):
    (tmp_path / "x.txt").write_text("Body.", "utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text("id,published\nx,31 February 2016\n")
    df = warclaims.read_articles(tmp_path / "x.txt", manifest)
    assert df.get_column("published").to_list() == [None]
    assert "row 2" in df.get_column("warnings").to_list()[0][0]


def test_errors_are_typed_and_name_the_culprit(tmp_path):
    with pytest.raises(warclaims.InputError, match="no/such/path"):
        warclaims.read_articles("no/such/path")
    bad = tmp_path / "m.csv"
    bad.write_text("name,title\nx,y\n")
    (tmp_path / "x.txt").write_text("Body.")
    with pytest.raises(warclaims.ManifestError, match="`id` or a `file`"):
        warclaims.read_articles(tmp_path / "x.txt", bad)
    table = tmp_path / "t.csv"
    table.write_text("id,title\n1,x\n")
    with pytest.raises(warclaims.InputError, match="no text column"):
        warclaims.read_articles(table)
    assert issubclass(warclaims.ManifestError, warclaims.WarclaimsError)


def test_python_inputs_dataframe_dicts_strings():
    df = pl.DataFrame({"id": ["p1"], "content": ["Two soldiers were killed."]})
    assert warclaims.read_articles(df).get_column("article_id").to_list() == ["p1"]
    dicts = warclaims.read_articles([{"text": "a b"}, {"text": "c d"}])
    assert dicts.get_column("article_id").to_list() == ["records:1", "records:2"]
    strings = warclaims.read_articles(["first text", "second text"])
    assert strings.height == 2


def test_parquet_corpus(tmp_path):
    pl.DataFrame(
        {
            "id": ["q1", "q2"],
            "text": ["Five civilians were killed.", ""],
            "published": ["2016-01-02", None],
        }
    ).write_parquet(tmp_path / "corpus.parquet")
    df = warclaims.read_articles(tmp_path)
    assert df.get_column("article_id").to_list() == ["q1", "q2"]
    assert df.get_column("published").to_list() == [date(2016, 1, 2), None]


def test_no_warning_without_manifest(tmp_path):
    (tmp_path / "x.txt").write_text("Body.")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warclaims.read_articles(tmp_path)
