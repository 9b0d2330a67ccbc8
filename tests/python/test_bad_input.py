"""Junk a scraped folder holds: every document still gives its articles row, repaired where
it can be and said so in ``warnings``; nothing panics, nothing is dropped.

The manifest cases (missing column, unknown id, bad date) are in ``test_read.py``.
"""

import os
import subprocess
import sys
import zlib
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import warclaims

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / "seeds").glob("*.txt").__next__().read_text("utf-8")

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nstream\n" + zlib.compress(b"x" * 999)


def _one(path: Path, **kw) -> warclaims.Extraction:
    ex = warclaims.extract(path, **kw)
    assert ex.articles.height == 1, "one articles row per document"
    return ex


def _codes(ex: warclaims.Extraction) -> list[str]:
    return [w.split(" ", 1)[0] for w in ex.articles.get_column("warnings")[0]]


def _spans_hold(ex: warclaims.Extraction) -> None:
    """Every claim's evidence span lies in its article's text, inside its sentence."""
    texts = dict(ex.articles.select("article_id", "text").iter_rows())
    for table in (ex.claims, ex.control):
        for row in table.select("article_id", "start", "end", "sentence").iter_rows():
            article_id, start, end, sentence = row
            text = texts[article_id]
            assert 0 <= start < end <= len(text)
            assert text[start:end] in sentence


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("empty.txt", b"", "W004"),
        ("image.png", PNG, "W003"),
        ("paper.pdf", PDF, "W003"),
        ("broken.txt", b"5 people were \xff\xfe killed in Palmyra.", "W001"),
    ],
)
def test_empty_binary_and_invalid_bytes_give_a_row_and_say_why(tmp_path, name, data, code):
    path = tmp_path / name
    path.write_bytes(data)
    ex = _one(path)
    assert code in _codes(ex)
    if code == "W003":
        assert ex.articles.get_column("text")[0] == ""


def test_utf16_with_bom_is_decoded(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes("5 people were killed in Palmyra, the Observatory said.".encode("utf-16"))
    ex = _one(path)
    assert "W002" in _codes(ex)
    assert ex.claims.select("kind", "low", "place").rows() == [("killed", 5, "Palmyra")]


def test_a_50_mb_article_is_read_whole_and_extracted(tmp_path):
    path = tmp_path / "huge.txt"
    copies = 50_000_000 // len(SEED.encode()) + 1
    path.write_text("\n".join([SEED] * copies), "utf-8")
    ex = _one(path, meta=None)
    assert len(ex.articles.get_column("text")[0]) >= 50_000_000 // 2
    assert ex.claims.height >= copies  # each copy's claims are found
    assert "W007" not in _codes(ex)  # under the 64 MiB cap: nothing truncated


def test_a_single_5_million_character_line(tmp_path):
    sentence = "At least 5 soldiers were killed in Palmyra on Friday, the army said. "
    line = sentence * (5_000_000 // len(sentence) + 1)
    path = tmp_path / "line.txt"
    path.write_text(line, "utf-8")
    ex = _one(path)
    assert len(ex.articles.get_column("text")[0]) >= 5_000_000
    assert ex.claims.height == line.count("soldiers were killed")


def test_text_without_sentence_punctuation_is_cut_into_bounded_pieces(tmp_path):
    filler = " and the fighting went on" * 20_000
    text = f"five people were killed in Palmyra{filler} ten soldiers were killed near Raqqa"
    path = tmp_path / "nopunct.txt"
    path.write_text(text, "utf-8")
    ex = _one(path)
    assert "W011" in _codes(ex)
    assert sorted(ex.claims.get_column("low").to_list()) == [5, 10]
    assert ex.claims.get_column("sentence").str.len_bytes().max() <= 2000
    _spans_hold(ex)


@pytest.mark.parametrize(
    ("html", "expect_text"),
    [
        (
            "<html><head><script>var killed = 500;</script></head><body><script>x()</script>"
            "<style>p{}</style></body></html>",
            None,
        ),
        (
            "<table>" * 1000
            + "<tr><td>12 people were killed in Palmyra.</td></tr>"
            + "</table>" * 1000,
            "12 people were killed in Palmyra.",
        ),
        (
            "<p>7 civilians were <b>killed in <i>Raqqa</p><div><p unclosed>on Friday<</div>",
            "7 civilians were killed in Raqqa",
        ),
    ],
    ids=["scripts-only", "tables-1000-deep", "broken-tags"],
)
def test_hostile_html(tmp_path, html, expect_text):
    path = tmp_path / "page.html"
    path.write_text(html, "utf-8")
    ex = _one(path)
    text = ex.articles.get_column("text")[0]
    assert "500" not in text and "x()" not in text, "scripts are never text"
    if expect_text is None:
        assert text.strip() == "" and "W004" in _codes(ex)
    else:
        assert expect_text in text
        assert ex.claims.height == 1
    _spans_hold(ex)


def test_arabic_and_mixed_right_to_left_text():
    text = (
        "قتل 15 شخصا في تدمر يوم الجمعة. "
        "5 people were killed in Palmyra (تدمر), the Observatory said."
    )
    ex = warclaims.extract([text])
    assert ex.claims.select("kind", "low", "place").rows() == [("killed", 5, "Palmyra")]
    _spans_hold(ex)


def test_invisible_marks_inside_figures_and_names_are_removed():
    ex = warclaims.extract(
        ["1\u200b500 people were killed in Pal\u200fmyra\u202c, the Observ\u00adatory said."]
    )
    assert ex.claims.select("low", "place", "source").rows() == [
        (1500, "Palmyra", "Syrian Observatory for Human Rights")
    ]
    assert "W012" in _codes(ex)
    nbsp = warclaims.extract(["1\u00a0500 people were killed in\u00a0Palmyra."])
    assert nbsp.claims.select("low", "place").rows() == [(1500, "Palmyra")]


def test_a_40_digit_figure_is_no_figure():
    ex = warclaims.extract(["1234567890123456789012345678901234567890 people were killed."])
    assert ex.claims.height == 0 and ex.articles.height == 1


def test_31_february_stays_undated():
    ex = warclaims.extract(
        [{"id": "a", "published": "2016-03-05", "text": "5 people were killed on 31 February."}]
    )
    assert ex.claims.select("low", "date_start").rows() == [(5, None)]


@pytest.mark.parametrize("published", ["2090-01-01", "1900-01-01", "1850-06-01"])
def test_implausible_publication_dates_are_kept_and_flagged(published):
    text = "5 people were killed on Friday."
    ex = warclaims.extract([{"id": "a", "published": published, "text": text}])
    assert str(ex.articles.get_column("published")[0]) == published
    flagged = "W013" in _codes(ex)
    assert flagged == (published != "1900-01-01")
    assert ex.claims.height == 1


def test_duplicate_ids_are_renamed_not_dropped():
    rows = [{"id": "x", "text": "5 people were killed."}, {"id": "x", "text": "6 were killed."}]
    ex = warclaims.extract(rows)
    assert ex.articles.get_column("article_id").to_list() == ["x", "x#2"]
    assert "W010" in ex.articles.get_column("warnings")[1][0]
    assert sorted(ex.claims.get_column("low").to_list()) == [5, 6]


# --- properties ------------------------------------------------------------------------

NEWSY = st.lists(
    st.sampled_from(
        [
            "5",
            "1,500",
            "dozens",
            "at least",
            "killed",
            "wounded",
            "were",
            "people",
            "Palmyra",
            "Raqqa",
            "IS",
            "the Observatory said",
            "on Friday",
            "last week",
            "captured",
            "army",
            ".",
            ",",
            "\n",
            "\u200b",
            "\u00a0",
            "تدمر",
            "\ufffd",
            "é",
            "<b>",
            "31 February",
            "between",
            "and",
            "2016",
        ]
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(NEWSY, max_size=6))
def test_any_texts_give_one_row_each_and_valid_spans(texts):
    ex = warclaims.extract([{"id": f"t{i}", "text": t} for i, t in enumerate(texts)])
    assert ex.articles.height == len(texts)
    _spans_hold(ex)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_in_a_file_give_one_row(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes") / "doc.txt"
    path.write_bytes(data)
    ex = _one(path)
    _spans_hold(ex)


def test_output_does_not_depend_on_input_order(seeds):
    texts = [p.read_text("utf-8") for p in sorted(seeds.glob("*.txt"))]
    rows = [{"id": f"s{i}", "text": t} for i, t in enumerate(texts)]
    forward = warclaims.extract(rows).claims.sort("claim_id")
    backward = warclaims.extract(rows[::-1]).claims.sort("claim_id")
    assert forward.height > 30
    assert forward.equals(backward)


def _write_seeds(out: Path, threads: int) -> bytes:
    env = {**os.environ, "RAYON_NUM_THREADS": str(threads)}
    code = (
        "import sys, warclaims; "
        "ex = warclaims.extract(sys.argv[1], meta=sys.argv[1] + '/articles.csv'); "
        "ex.claims.write_parquet(sys.argv[2])"
    )
    subprocess.run([sys.executable, "-c", code, str(ROOT / "seeds"), str(out)], env=env, check=True)
    return out.read_bytes()


def test_parquet_is_byte_identical_across_runs_and_thread_counts(tmp_path):
    one = _write_seeds(tmp_path / "one.parquet", 1)
    again = _write_seeds(tmp_path / "again.parquet", 1)
    two = _write_seeds(tmp_path / "two.parquet", 2)
    assert one == again == two
    ids = pl.read_parquet(tmp_path / "one.parquet").get_column("claim_id")
    assert ids.n_unique() == ids.len() > 30
