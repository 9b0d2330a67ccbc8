"""Shows what warclaims extracts from sentences given on the command line (a debugging aid).

python scripts/try.py "At least 38 militants were killed near Palmyra." [--published 2016-12-17]
"""

import argparse

import polars as pl

import warclaims

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("texts", nargs="+")
parser.add_argument("--published", default="2016-03-27")
args = parser.parse_args()
pl.Config.set_tbl_width_chars(200).set_tbl_cols(20).set_fmt_str_lengths(40)
records = [{"id": str(i), "text": t, "published": args.published} for i, t in enumerate(args.texts)]
ex = warclaims.extract(records)
print(
    ex.claims.select(
        "kind",
        "low",
        "high",
        "unit",
        "actor",
        "agent",
        "place",
        "source",
        "time_text",
        "figure_text",
    )
)
print(ex.control.select("action", "place", "actor", "from_actor", "source", "time_text"))
