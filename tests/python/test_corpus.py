"""The figure and time corpora (tests/corpus/*.toml) through the Python API."""

import tomllib
from datetime import date
from pathlib import Path

import pytest

import warclaims

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
FIGURES = tomllib.loads((CORPUS / "figures.toml").read_text("utf-8"))
TIMES = tomllib.loads((CORPUS / "times.toml").read_text("utf-8"))


def cases(table, key):
    for case in table.get(key, []):
        for text in case["texts"]:
            yield pytest.param(case, text, id=f"{case['rule']}: {text[:40]}")


@pytest.mark.parametrize(("case", "text"), list(cases(FIGURES, "case")))
def test_figure(case, text):
    df = warclaims.parse_figures(text)
    assert df.height == 1, df
    row = df.row(0, named=True)
    assert (row["low"], row["high"], row["approx"]) == (
        case.get("low"),
        case.get("high"),
        case.get("approx", False),
    )
    assert text[row["start"] : row["end"]] == row["figure_text"]


@pytest.mark.parametrize(("case", "text"), list(cases(FIGURES, "negative")))
def test_not_a_figure(case, text):
    assert warclaims.parse_figures(text).height == 0


@pytest.mark.parametrize(("case", "text"), list(cases(TIMES, "case")))
def test_time(case, text):
    published = case.get("published", TIMES["published"])
    df = warclaims.parse_times(text, published=published)
    assert df.height == 1, df
    row = df.row(0, named=True)
    assert (str(row["date_start"]), str(row["date_end"])) == (case["start"], case["end"])


@pytest.mark.parametrize(("case", "text"), list(cases(TIMES, "unresolved")))
def test_unresolved_time(case, text):
    row = warclaims.parse_times(text, published=TIMES["published"]).row(0, named=True)
    assert row["date_start"] is None and case["reason"] in row["unresolved"]


def test_relative_time_without_publication_date_says_why():
    row = warclaims.parse_times("on Friday").row(0, named=True)
    assert row["date_start"] is None and "publication date unknown" in row["unresolved"]


def test_published_accepts_a_date_and_rejects_garbage():
    df = warclaims.parse_times("yesterday", published=date(2016, 3, 27))
    assert df.get_column("date_start").to_list() == [date(2016, 3, 26)]
    with pytest.raises(warclaims.InputError, match="not a date"):
        warclaims.parse_times("yesterday", published="soon")


def test_inferred_publication_date():
    df = warclaims.read_articles(["Wed 05 Apr 2017 At least 70 people died on Tuesday."])
    row = df.row(0, named=True)
    assert (row["published"], row["published_basis"]) == (date(2017, 4, 5), "inferred")
