"""The ``warclaims`` command line."""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence

from warclaims import __version__
from warclaims.api import extract
from warclaims.errors import WarclaimsError
from warclaims.lexicon import Lexicon


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="warclaims",
        description="Turn war reporting into data: claims, control events and who says so.",
    )
    parser.add_argument("--version", action="version", version=f"warclaims {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser(
        "extract",
        help="extract claims and control events from articles",
        description="Read articles (files, directories, .jsonl/.csv/.parquet corpora) and "
        "write articles.*, claims.* and control.* into --out.",
    )
    ex.add_argument("paths", nargs="+", metavar="PATH", help="files or directories to read")
    ex.add_argument(
        "--meta",
        metavar="CSV",
        help="metadata manifest (id or file, title, outlet, url, published)",
    )
    ex.add_argument("--out", required=True, metavar="DIR", help="output directory")
    ex.add_argument("--format", choices=("parquet", "csv", "jsonl"), default="parquet")
    ex.add_argument(
        "--lexicon",
        metavar="TOML",
        action="append",
        default=[],
        help="extend the default lexicon with this file (repeatable)",
    )
    ex.add_argument("--text-column", metavar="NAME", help="text column of table corpora")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        lexicon = None
        if args.lexicon:
            lexicon = Lexicon.default()
            for path in args.lexicon:
                lexicon = lexicon.extend(path)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = extract(args.paths, args.meta, lexicon=lexicon, text_column=args.text_column)
        for w in caught:
            print(f"warclaims: warning: {w.message}", file=sys.stderr)
        written = result.write(args.out, args.format)
    except WarclaimsError as err:
        print(f"warclaims: error: {err}", file=sys.stderr)
        return 2
    print(f"{result.summary()} -> {', '.join(str(p) for p in written)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
