"""End to end on the seeds, checked against the gold: what the extractor must already get."""

import json

import warclaims


def gold_keys(path, fields):
    with open(path, encoding="utf-8") as f:
        return {tuple(json.loads(line)[k] for k in fields) for line in f if line.strip()}


def test_seed_claims_include_gold_casualty_figures(seeds, seeds_gold):
    ex = warclaims.extract(seeds, seeds / "articles.csv")
    fields = ("article_id", "kind", "low", "high", "actor")
    predicted = {tuple(r[k] for k in fields) for r in ex.claims.to_dicts()}
    gold = gold_keys(seeds_gold / "claims.jsonl", fields)
    must = {
        ("000_01309a8fe6ac82aa", "killed", 38, None, "Islamic State"),
        ("001_c15c1d91e6a02702", "killed", 49, 49, "Syrian government"),
        ("002_172d477000cfe6ce", "sorties", 40, 40, "Russia"),
    }
    assert must <= gold
    assert must <= predicted


def test_every_span_lies_in_its_article_and_sentence(seeds):
    ex = warclaims.extract(seeds, seeds / "articles.csv")
    texts = dict(ex.articles.select("article_id", "text").iter_rows())
    for frame in (ex.claims, ex.control):
        for row in frame.iter_rows(named=True):
            span = texts[row["article_id"]][row["start"] : row["end"]]
            assert span and span in row["sentence"], row


def test_claim_ids_are_stable(seeds):
    a = warclaims.extract(seeds, seeds / "articles.csv").claims.get_column("claim_id").to_list()
    b = warclaims.extract(seeds, seeds / "articles.csv").claims.get_column("claim_id").to_list()
    assert a == b and len(set(a)) == len(a)


def _gold_rows(gold_dir):
    import csv

    published = {r["id"]: r["published"] for r in csv.DictReader(open(gold_dir / "articles.csv"))}
    for name in ("claims", "control"):
        with open(gold_dir / f"{name}.jsonl", encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                if row.get("time_text"):
                    yield published[row["article_id"]], row


def test_gold_time_expressions_resolve_as_annotated(seeds_gold):
    """Each annotated time expression resolves alone to the gold dates, or says it needs
    the article's context (a duration's anchor, a day named earlier)."""
    checked = 0
    for gold_dir in (seeds_gold, seeds_gold.parent / "dev-gold"):
        for published, row in _gold_rows(gold_dir):
            df = warclaims.parse_times(row["time_text"], published=published)
            want = (row["date_start"], row["date_end"])
            got = [
                (
                    str(r["date_start"]) if r["date_start"] else None,
                    str(r["date_end"]) if r["date_end"] else None,
                    r["unresolved"],
                )
                for r in df.iter_rows(named=True)
            ]
            if want == (None, None):
                assert all(g[0] is None for g in got), (row["time_text"], got)
            elif not any(g[:2] == want for g in got):
                reasons = " ".join(g[2] or "" for g in got)
                assert "anchor" in reasons or "earlier" in reasons, (row["time_text"], got)
            checked += 1
    assert checked >= 50
