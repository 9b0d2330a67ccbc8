"""Claim groups, who-says-what, control timelines and casualty series."""

import datetime as dt

import polars as pl
import pytest

import warclaims

IS = "Islamic State"
SOHR = "Syrian Observatory for Human Rights"


def _article(i: str, text: str, published: str, outlet: str) -> dict:
    return {"id": i, "text": text, "published": published, "outlet": outlet}


# --- on the seeds -------------------------------------------------------------------


def test_palmyra_timeline_reads_is_government_is(seeds_extraction):
    t = seeds_extraction.control_timeline("Palmyra")
    lanes = t.select("actor", "start").rows()
    assert lanes == [
        (IS, dt.date(2015, 5, 1)),
        ("Syrian government", dt.date(2016, 3, 27)),
        (IS, dt.date(2016, 12, 11)),
    ]
    assert t.get_column("end").to_list() == [dt.date(2016, 3, 27), dt.date(2016, 12, 11), None]
    assert not t.get_column("conflict").any()
    # Every interval cites its events and articles; the recapture is carried by all four
    # March articles.
    assert all(len(ids) > 0 for ids in t.get_column("event_ids").to_list())
    government = t.row(1, named=True)
    assert {"002_172d477000cfe6ce", "003_8161c645ce9cbb4d", "004_17474be93732817c"} <= set(
        government["articles"]
    )
    assert t.row(2, named=True)["articles"] == ["000_01309a8fe6ac82aa"]


def test_observatory_400_from_two_outlets_is_one_group(seeds_extraction):
    g = seeds_extraction.groups()
    four_hundred = g.filter(
        (pl.col("kind") == "killed") & (pl.col("actor") == IS) & (pl.col("low") == 400)
    )
    assert four_hundred.height == 1
    row = four_hundred.row(0, named=True)
    assert row["n_outlets"] == 2
    assert row["n_mentions"] == 2
    assert row["sources"] == [SOHR]
    assert len(row["claim_ids"]) == 2


def test_every_claim_gets_a_group_and_groups_cover_all_claims(seeds_extraction):
    claims = seeds_extraction.grouped_claims()
    assert seeds_extraction.grouped_claims() is claims  # grouped once, then kept
    groups = seeds_extraction.groups()
    assert claims.height == seeds_extraction.claims.height
    assert claims.get_column("group_id").null_count() == 0
    assert groups.get_column("n_mentions").sum() == claims.height
    members = groups.select(pl.col("claim_ids").explode()).to_series().sort().to_list()
    assert members == claims.get_column("claim_id").sort().to_list()


def test_march_2016_is_dead_side_by_side(seeds_extraction):
    w = seeds_extraction.who_says_what(kind="killed", by=("actor",))
    march = w.filter(
        (pl.col("actor") == IS)
        & (pl.col("window_start") >= dt.date(2016, 3, 1))
        & (pl.col("window_end") <= dt.date(2016, 3, 31))
    )
    by_source = {r["source"]: r for r in march.iter_rows(named=True)}
    assert set(by_source) >= {SOHR, "Syrian government", "Russia"}
    assert by_source[SOHR]["low"] == 400
    assert sorted(by_source[SOHR]["outlets"]) == ["India TV News", "SBS News"]
    assert (by_source["Syrian government"]["low"], by_source["Syrian government"]["high"]) == (
        200,
        999,
    )
    assert by_source["Russia"]["low"] == 100
    assert by_source["Russia"]["high"] is None
    # One event window for all three claimants.
    assert march.select(pl.col("window_start").n_unique()).item() == 1


def test_casualty_series_counts_each_group_once(seeds_extraction):
    s = seeds_extraction.casualty_series(every="1mo", by=("actor", "source"))
    march = (pl.col("date") == dt.date(2016, 3, 1)) & (pl.col("actor") == IS)
    row = s.filter(march & (pl.col("source") == SOHR)).row(0, named=True)
    assert row["n_groups"] == 1  # two outlets, one figure
    assert row["low"] == 400
    daily = seeds_extraction.casualty_series(every="1d", by=("actor",))
    assert daily.get_column("date").is_sorted()


def test_write_adds_a_groups_file(tmp_path, seeds_extraction):
    written = seeds_extraction.write(tmp_path)
    assert tmp_path / "groups.parquet" in written
    back = pl.read_parquet(tmp_path / "groups.parquet")
    assert back.height == seeds_extraction.groups().height


# --- rules on small inputs ---------------------------------------------------------


def test_corroborated_and_contested():
    ex = warclaims.extract(
        [
            _article(
                "a",
                "At least 20 civilians were killed in Aleppo, the Observatory said.",
                "2016-08-02",
                "AFP",
            ),
            _article(
                "b",
                "At least 20 civilians were killed in Aleppo, Amnesty said.",
                "2016-08-02",
                "Reuters",
            ),
            _article(
                "c",
                "Government forces killed 5 civilians in Aleppo, SANA said.",
                "2016-08-02",
                "SANA",
            ),
            _article(
                "d", "Five civilians were killed in Raqqa, activists said.", "2016-09-20", "AP"
            ),
        ]
    )
    g = ex.groups().filter(pl.col("kind") == "killed")
    status = {(r["place"], r["low"]): r["corroboration"] for r in g.iter_rows(named=True)}
    assert status[("Aleppo", 20)] == "contested"
    assert status[("Aleppo", 5)] == "contested"
    assert status[("Raqqa", 5)] == "single_source"
    twenty = g.filter(pl.col("low") == 20).row(0, named=True)
    assert twenty["n_sources"] == 2 and twenty["n_outlets"] == 2


def test_same_source_relayed_is_not_corroboration():
    text = "At least 12 soldiers were killed near Manbij, the Observatory said."
    ex = warclaims.extract(
        [_article("a", text, "2016-06-02", "AFP"), _article("b", text, "2016-06-03", "BBC")]
    )
    row = ex.groups().row(0, named=True)
    assert (row["n_outlets"], row["n_sources"], row["corroboration"]) == (2, 1, "single_source")


def test_timeline_keeps_conflicting_reports():
    ex = warclaims.extract(
        [
            _article(
                "a",
                "Kurdish forces captured Manbij from Islamic State on 12 August.",
                "2016-08-13",
                "AFP",
            ),
            _article("b", "Islamic State captured Manbij.", "2016-08-20", "Amaq"),
        ]
    )
    t = ex.control_timeline()
    assert t.height == 1
    assert t.row(0, named=True)["conflicting_event_ids"]


def test_bad_window_is_a_clear_error(seeds_extraction):
    with pytest.raises(ValueError, match="window"):
        seeds_extraction.who_says_what(window="a week")


def test_group_claims_names_a_missing_or_mistyped_column():
    from warclaims import _warclaims

    with pytest.raises(warclaims.InputError, match='string column "kind"'):
        _warclaims.group_claims([pl.DataFrame({"place": [1]})])
    strings = {c: ["x"] for c in ("kind", "actor", "unit", "place", "source", "outlet")}
    with pytest.raises(warclaims.InputError, match='"start" of type Int32'):
        _warclaims.group_claims([pl.DataFrame({**strings, "article": ["a"], "start": ["x"]})])
    with pytest.raises(ValueError, match="__arrow_c_stream__"):
        _warclaims.group_claims([[1, 2, 3]])


def test_empty_extraction_gives_empty_frames():
    ex = warclaims.extract([])
    assert ex.groups().height == 0
    assert ex.control_timeline().height == 0
    assert ex.who_says_what().height == 0
    assert ex.casualty_series().height == 0


# --- a real corpus -----------------------------------------------------------------


def test_runs_on_fakes(fakes_csv):
    raw = pl.read_csv(fakes_csv, encoding="latin-1", infer_schema_length=0)
    corpus = raw.select(
        pl.col("unit_id").alias("id"),
        pl.col("article_content").alias("text"),
        pl.col("source").alias("outlet"),
    )
    ex = warclaims.extract(corpus)
    g = ex.groups()
    assert g.get_column("n_mentions").sum() == ex.claims.height
    assert ex.who_says_what().height > 0
    assert ex.casualty_series(every="1w").height > 0
    ex.control_timeline()
