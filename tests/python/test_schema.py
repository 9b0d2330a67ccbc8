"""Every output column, in order and with its dtype, as the claims model says."""

import polars as pl

import warclaims

COMMON = [
    ("date_start", pl.Date),
    ("date_end", pl.Date),
    ("date_basis", pl.String),
    ("time_text", pl.String),
    ("source", pl.String),
    ("source_text", pl.String),
    ("start", pl.UInt32),
    ("end", pl.UInt32),
    ("sentence", pl.String),
    ("rule", pl.String),
]
ARTICLES = [
    ("article_id", pl.String),
    ("title", pl.String),
    ("outlet", pl.String),
    ("url", pl.String),
    ("published", pl.Date),
    ("published_basis", pl.String),
    ("text", pl.String),
    ("n_claims", pl.UInt32),
    ("n_control", pl.UInt32),
    ("warnings", pl.List(pl.String)),
]
CLAIMS = [
    ("claim_id", pl.String),
    ("article_id", pl.String),
    ("kind", pl.String),
    ("low", pl.Int64),
    ("high", pl.Int64),
    ("approx", pl.Boolean),
    ("qualifier", pl.String),
    ("figure_text", pl.String),
    ("unit", pl.String),
    ("actor", pl.String),
    ("agent", pl.String),
    ("place", pl.String),
    *COMMON,
]
CONTROL = [
    ("event_id", pl.String),
    ("article_id", pl.String),
    ("action", pl.String),
    ("place", pl.String),
    ("actor", pl.String),
    ("from_actor", pl.String),
    *COMMON,
]


def check(frame: pl.DataFrame, expected: list) -> None:
    assert list(frame.schema.items()) == expected


def test_seed_frames_match_the_model(seeds):
    ex = warclaims.extract(seeds, seeds / "articles.csv")
    check(ex.articles, ARTICLES)
    check(ex.claims, CLAIMS)
    check(ex.control, CONTROL)
    assert ex.claims.height > 0 and ex.control.height > 0


def test_empty_input_keeps_the_full_schema():
    ex = warclaims.extract(["Nothing happened here today."])
    assert ex.claims.height == 0
    check(ex.articles, ARTICLES)
    check(ex.claims, CLAIMS)
    check(ex.control, CONTROL)


def test_written_parquet_keeps_the_schema(tmp_path, seeds):
    ex = warclaims.extract(seeds, seeds / "articles.csv")
    ex.write(tmp_path)
    check(pl.read_parquet(tmp_path / "claims.parquet"), CLAIMS)
    check(pl.read_parquet(tmp_path / "articles.parquet"), ARTICLES)


def test_every_row_names_a_known_rule(seeds):
    ex = warclaims.extract(seeds, seeds / "articles.csv")
    for table, frame in (("claims", ex.claims), ("control", ex.control)):
        rules = set(frame.get_column("rule").to_list())
        assert None not in rules
        assert rules <= set(warclaims._warclaims.RULES[table]), rules


def test_rule_counts_add_up_and_list_rules_that_never_fired(seeds):
    ex = warclaims.extract(seeds, seeds / "articles.csv")
    counts = ex.rule_counts()
    by_table = dict(counts.group_by("table").agg(pl.col("rows").sum()).iter_rows())
    assert by_table == {"claims": ex.claims.height, "control": ex.control.height}
    empty = warclaims.extract(["Nothing happened here today."]).rule_counts()
    assert empty.height == sum(len(v) for v in warclaims._warclaims.RULES.values())
    assert empty.get_column("rows").sum() == 0
