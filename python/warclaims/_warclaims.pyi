"""Type stubs of the compiled core (``warclaims._warclaims``)."""

from collections.abc import Iterable
from typing import Any

__version__: str
#: Column names tried for each field of table inputs, in order.
COLUMN_ALIASES: dict[str, list[str]]

class WarclaimsError(Exception):
    """Base class of every warclaims error."""

class InputError(WarclaimsError):
    """An input path, file or table that cannot be read as given."""

class ManifestError(InputError):
    """A metadata manifest that cannot be used."""

class LexiconError(WarclaimsError):
    """A lexicon file or entry that is not valid."""

class ArrowTable:
    """An Arrow table exported through the Arrow PyCapsule stream interface."""

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...
    def __len__(self) -> int: ...

class RustLexicon:
    """A compiled lexicon."""

    @staticmethod
    def default_lexicon() -> RustLexicon: ...
    @staticmethod
    def from_toml(text: str, name: str) -> RustLexicon: ...
    def extend_toml(self, text: str, name: str) -> tuple[RustLexicon, list[str]]: ...
    def to_toml(self) -> str: ...
    def ids(self, entry_type: str) -> list[str]: ...

def list_files(paths: list[str], exclude: str | None = None) -> list[tuple[str, bool]]:
    """Expands paths into (file, explicit) pairs."""

def extract(
    inputs: list[Any],
    manifest: str | None = None,
    text_column: str | None = None,
    lexicon: RustLexicon | None = None,
) -> tuple[ArrowTable, ArrowTable, ArrowTable, list[str]]:
    """Reads and extracts inputs: (articles, claims, control, unused manifest keys)."""

def parse_figures(text: str) -> ArrowTable:
    """The figures of a text as an Arrow table."""

def parse_times(text: str, published: str | None = None) -> ArrowTable:
    """The time expressions of a text, resolved against an ISO publication date."""

def group_claims(
    batches: Iterable[object], expected_rows: int | None = None
) -> tuple[ArrowTable, ArrowTable]:
    """Groups claims given as Arrow tables (objects with ``__arrow_c_stream__``, such as
    Polars DataFrames from ``collect_batches``) with string columns ``kind``, ``actor``,
    ``unit``, ``place``, ``source``, ``outlet``, ``article``, Int32 ``start``/``end`` (days
    since 1970-01-01, null when undated) and Int64 ``low``/``high``. Returns ``group_id`` per
    claim and ``contested`` per group."""

def control_timeline(
    place: list[str],
    action: list[str],
    actor: list[str],
    article: list[str],
    start: list[int | None],
    end: list[int | None],
    published: list[int | None],
) -> list[tuple[str, str, int, int | None, bool, list[int], list[int], bool]]:
    """Control intervals: (place, actor, start, end, start_from_publication, supporting event
    indices, conflicting event indices, conflict)."""

def scan_phrases(texts: list[str], lexicon: RustLexicon) -> int:
    """A bare Aho-Corasick scan of the lexicon's phrases: how many it finds (benchmark floor)."""

RULES: dict[str, list[str]]
