"""The ``warclaims`` command line."""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence

from warclaims import __version__
from warclaims.errors import WarclaimsError
from warclaims.lexicon import Lexicon
from warclaims.stream import extract_to


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
        "write articles.*, claims.*, control.* and groups.* into --out. Corpora are read "
        "in batches, so memory stays bounded whatever their size.",
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
    ex.add_argument(
        "--batch-size",
        type=int,
        default=5000,
        metavar="N",
        help="rows or files per batch (memory grows with it; default 5000)",
    )
    ex.add_argument(
        "--quiet", action="store_true", help="no progress bar (it is off anyway when not a TTY)"
    )
    ex.add_argument(
        "--no-groups",
        action="store_true",
        help="skip groups.* (grouping holds every claim in memory; skip it for huge corpora)",
    )
    rules = sub.add_parser(
        "rules",
        help="list the extraction rules with the rows each made on a corpus",
        description="Extract PATH... in memory and print, for claims and control, every "
        "rule with the rows it made (0 for a rule that never fired).",
    )
    rules.add_argument("paths", nargs="+", metavar="PATH", help="files or directories to read")
    rules.add_argument("--meta", metavar="CSV", help="metadata manifest")
    rules.add_argument("--lexicon", metavar="TOML", action="append", default=[])
    rules.add_argument("--text-column", metavar="NAME", help="text column of table corpora")
    return parser


def _lexicon(paths: Sequence[str]) -> Lexicon | None:
    if not paths:
        return None
    lexicon = Lexicon.default()
    for path in paths:
        lexicon = lexicon.extend(path)
    return lexicon


def _rules(args: argparse.Namespace) -> int:
    from warclaims.api import extract

    ex = extract(
        args.paths, meta=args.meta, lexicon=_lexicon(args.lexicon), text_column=args.text_column
    )
    counts = ex.rule_counts()
    print(ex.summary())
    for table, rule, rows in counts.iter_rows():
        print(f"{table:<8} {rule:<22} {rows:>8}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    if args.command == "rules":
        try:
            return _rules(args)
        except (WarclaimsError, ValueError) as err:
            print(f"warclaims: error: {err}", file=sys.stderr)
            return 2
    try:
        lexicon = _lexicon(args.lexicon)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = extract_to(
                args.paths,
                args.out,
                batch_size=args.batch_size,
                meta=args.meta,
                lexicon=lexicon,
                text_column=args.text_column,
                format=args.format,
                progress=False if args.quiet else None,
                groups=not args.no_groups,
            )
        for w in caught:
            print(f"warclaims: warning: {w.message}", file=sys.stderr)
    except (WarclaimsError, ValueError) as err:
        print(f"warclaims: error: {err}", file=sys.stderr)
        return 2
    print(f"{result.summary()} -> {', '.join(str(p) for p in result.files)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
