"""Charts: the data they draw, the colours they use, and export without a browser."""

import datetime as dt

import polars as pl
import pytest

from warclaims import Lexicon, plot

alt = pytest.importorskip("altair")


def test_palmyra_lanes_and_parties(seeds_extraction):
    lanes, events = plot.control_timeline_data(seeds_extraction, places=["Palmyra"])
    assert lanes.select("actor", "start").rows() == [
        ("Islamic State", dt.date(2015, 5, 1)),
        ("Syrian government", dt.date(2016, 3, 27)),
        ("Islamic State", dt.date(2016, 12, 11)),
    ]
    assert lanes.get_column("open_end").to_list() == [False, False, True]
    assert set(events.get_column("action")) <= {"captured", "withdrew", "holds"}
    chart = plot.control_timeline(seeds_extraction, places=["Palmyra"])
    spec = chart.to_dict()
    bars = spec["layer"][0]
    colours = dict(
        zip(
            bars["encoding"]["color"]["scale"]["domain"],
            bars["encoding"]["color"]["scale"]["range"],
            strict=True,
        )
    )
    palette = plot.party_colours()
    assert colours["Islamic State"] == palette["Islamic State"]
    assert colours["Syrian government"] == palette["Syrian government"]


def test_party_colours_are_distinct_and_stable():
    a, b = plot.party_colours(), plot.party_colours(Lexicon.default())
    assert a == b
    main = ["Islamic State", "Syrian government", "Russia", "US-led coalition", "Kurdish forces"]
    assert len({a[p] for p in main}) == len(main)


def test_casualty_chart_draws_ranges_not_points(seeds_extraction):
    data = plot.casualties_data(seeds_extraction, every="1mo")
    row = data.filter(
        (pl.col("actor") == "Islamic State") & (pl.col("source") == "Syrian government")
    ).row(0, named=True)
    assert (row["low"], row["high_drawn"]) == (200, 999)  # "hundreds" drawn as a range
    spec = plot.casualties(seeds_extraction).to_dict()
    assert spec["layer"][0]["mark"]["type"] == "rule"
    assert spec["layer"][0]["encoding"]["y2"]["field"] == "high_drawn"


def test_who_says_what_and_places(seeds_extraction):
    spec = plot.who_says_what(seeds_extraction, actor="Islamic State").to_dict()
    assert "facet" in spec
    places = plot.places_data(seeds_extraction)
    palmyra = places.filter(pl.col("place") == "Palmyra").row(0, named=True)
    assert palmyra["n_claims"] > 0 and palmyra["lat"] == pytest.approx(34.5517)


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_save_without_a_browser(tmp_path, seeds_extraction, suffix):
    pytest.importorskip("vl_convert")
    path = plot.save(plot.control_timeline(seeds_extraction), tmp_path / f"t{suffix}")
    assert path.stat().st_size > 1000


def test_save_rejects_unknown_formats(tmp_path, seeds_extraction):
    with pytest.raises(ValueError, match=r"\.png"):
        plot.save(plot.places(seeds_extraction), tmp_path / "t.gif")


def test_evidence_is_marked_in_its_sentence(seeds_extraction):
    from warclaims.display import evidence, evidence_html

    frame = evidence(seeds_extraction.claims, seeds_extraction.articles, limit=5)
    for row in frame.iter_rows(named=True):
        assert f"[[{row['evidence']}]]" in row["in_context"]
    assert "<mark>" in evidence_html(seeds_extraction.claims, seeds_extraction.articles)


def test_every_party_gets_a_colour_however_many_there_are():
    from warclaims.plot import party_colours

    lexicon = Lexicon.default().extend(
        {"party": [{"id": f"Party {i}", "aliases": [f"Party {i}"]} for i in range(60)]}
    )
    colours = party_colours(lexicon)
    assert all(f"Party {i}" in colours for i in range(60))
