"""Shared fixtures: paths to the seeds and the evaluation sets."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


@pytest.fixture
def seeds() -> Path:
    return ROOT / "seeds"


@pytest.fixture
def seeds_gold() -> Path:
    path = SHARED / "eval" / "seeds-gold"
    if not path.exists():
        pytest.skip("../shared/eval is not present")
    return path


@pytest.fixture(scope="session")
def seeds_extraction():
    """The seeds extracted once for the tests that only read the result."""
    import warclaims

    return warclaims.extract(ROOT / "seeds", meta=ROOT / "seeds" / "articles.csv")


@pytest.fixture
def fakes_csv() -> Path:
    path = SHARED / "data" / "fakes" / "fakes.csv"
    if not path.exists():
        pytest.skip("../shared/data/fakes is not present")
    return path
