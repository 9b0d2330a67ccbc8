"""The command line: warclaims extract and python -m warclaims."""

import subprocess
import sys

import polars as pl

from warclaims.cli import main


def test_cli_writes_three_files_and_a_summary(tmp_path, seeds, capsys):
    code = main(
        ["extract", str(seeds), "--meta", str(seeds / "articles.csv"), "--out", str(tmp_path)]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert out.startswith("5 articles, ")
    for name in ("articles", "claims", "control"):
        assert (tmp_path / f"{name}.parquet").exists()
    assert pl.read_parquet(tmp_path / "articles.parquet").height == 5


def test_cli_formats(tmp_path, seeds):
    for fmt in ("csv", "jsonl"):
        args = ["extract", str(seeds), "--meta", str(seeds / "articles.csv")]
        assert main([*args, "--out", str(tmp_path / fmt), "--format", fmt]) == 0
        assert (tmp_path / fmt / f"claims.{fmt}").exists()
    csv = pl.read_csv(tmp_path / "csv" / "articles.csv")
    assert csv.height == 5


def test_cli_error_is_a_message_not_a_traceback(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "missing"), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert "warclaims: error:" in err and "missing" in err


def test_python_m_warclaims_help():
    done = subprocess.run(
        [sys.executable, "-m", "warclaims", "--help"], capture_output=True, text=True
    )
    assert done.returncode == 0 and "extract" in done.stdout


def test_a_csv_without_text_in_a_folder_is_reported_not_dropped(tmp_path, seeds):
    assert main(["extract", str(seeds), "--out", str(tmp_path)]) == 0
    articles = pl.read_parquet(tmp_path / "articles.parquet")
    manifest_row = articles.filter(pl.col("article_id") == "articles").row(0, named=True)
    assert manifest_row["warnings"][0].startswith("W008")


def test_cli_can_skip_groups(tmp_path, seeds):
    args = ["extract", str(seeds), "--meta", str(seeds / "articles.csv"), "--quiet"]
    assert main([*args, "--out", str(tmp_path), "--no-groups"]) == 0
    assert (tmp_path / "claims.parquet").exists()
    assert not (tmp_path / "groups.parquet").exists()


def test_cli_rules_lists_every_rule_with_its_rows(seeds, capsys):
    assert main(["rules", str(seeds), "--meta", str(seeds / "articles.csv")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("5 articles, ")
    counts = {tuple(line.split()[:2]): int(line.split()[2]) for line in lines[1:]}
    assert ("claims", "kind-after") in counts and ("control", "fighting") in counts
    assert counts[("claims", "kind-after")] > 0
