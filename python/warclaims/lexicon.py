"""The lexicon: parties, sources, places, units, claim kinds and control actions, as data.

The default lexicon covers the war against Islamic State in Syria and Iraq. Extend it
for another war without code::

    lex = warclaims.Lexicon.default().extend("my_war.toml")
    ex = warclaims.extract("articles/", lexicon=lex)
"""

from __future__ import annotations

import os
import tomllib
import warnings
from pathlib import Path
from typing import Any

from warclaims._warclaims import LexiconError, RustLexicon

__all__ = ["Lexicon"]

ENTRY_TYPES = ("party", "source", "place", "unit", "kind", "action")


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise LexiconError(
        f"lexicon dict: cannot write value {value!r} (use str, number, bool or list)"
    )


def _dict_to_toml(entries: dict[str, list[dict[str, Any]]]) -> str:
    lines: list[str] = []
    for entry_type, items in entries.items():
        if entry_type not in ENTRY_TYPES:
            raise LexiconError(
                f"lexicon dict: unknown entry type {entry_type!r}; "
                f"use one of {', '.join(ENTRY_TYPES)}"
            )
        for item in items:
            lines.append(f"[[{entry_type}]]")
            lines.extend(f"{key} = {_toml_value(value)}" for key, value in item.items())
            lines.append("")
    return "\n".join(lines)


class Lexicon:
    """A compiled lexicon. Build one with :meth:`default`, :meth:`from_file` or :meth:`extend`.

    Example:
        >>> import warclaims
        >>> lex = warclaims.Lexicon.default().extend(
        ...     {"party": [{"id": "Taliban", "aliases": ["Taliban", "insurgents"]}]})
        >>> "Taliban" in lex.ids("party")
        True
    """

    def __init__(self, inner: RustLexicon) -> None:
        self._inner = inner

    @classmethod
    def default(cls) -> Lexicon:
        """The lexicon shipped with warclaims (the war against Islamic State)."""
        return cls(RustLexicon.default_lexicon())

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> Lexicon:
        """A lexicon made only of the entries in a TOML file (no defaults)."""
        path = Path(path)
        return cls(RustLexicon.from_toml(_read(path), str(path)))

    @classmethod
    def from_toml(cls, text: str, name: str = "<toml>") -> Lexicon:
        """A lexicon made only of the entries in TOML ``text``; ``name`` shows in errors."""
        return cls(RustLexicon.from_toml(text, name))

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        """Pickles as its TOML text, so a lexicon can go to worker processes (Spark
        executors, multiprocessing)."""
        return (Lexicon.from_toml, (self.to_toml(),))

    def extend(self, other: str | os.PathLike[str] | dict[str, list[dict[str, Any]]]) -> Lexicon:
        """A new lexicon with the entries of a TOML file or a dict added.

        Entries whose ``id`` already exists gain the new aliases (``remove_aliases`` takes
        some away), and the fields they give replace the old ones. An alias that moves from
        one entry to another is said in a :class:`UserWarning`. Raises
        :class:`LexiconError` naming the file and entry when the addition is not valid.
        """
        if isinstance(other, dict):
            text, name = _dict_to_toml(other), "<dict>"
        else:
            path = Path(other)
            text, name = _read(path), str(path)
        inner, moved = self._inner.extend_toml(text, name)
        if moved:
            warnings.warn(
                f"{name}: aliases now name another entry (the one added last wins): "
                + "; ".join(moved),
                UserWarning,
                stacklevel=2,
            )
        return Lexicon(inner)

    def ids(self, entry_type: str) -> list[str]:
        """The canonical ids of one entry type (``party``, ``place``, ...)."""
        return self._inner.ids(entry_type)

    def entries(self, entry_type: str) -> list[dict[str, Any]]:
        """The entries of one type as dicts (``id``, ``aliases`` and fields such as
        ``side``, ``country``, ``lat``, ``lon``)."""
        if entry_type not in ENTRY_TYPES:
            raise ValueError(
                f"entry_type must be one of {', '.join(ENTRY_TYPES)}, not {entry_type!r}"
            )
        return list(tomllib.loads(self.to_toml()).get(entry_type, []))

    def to_toml(self) -> str:
        """The lexicon as TOML text, readable by :meth:`from_file`."""
        return self._inner.to_toml()

    def save(self, path: str | os.PathLike[str]) -> None:
        """Writes the lexicon to a TOML file."""
        Path(path).write_text(self.to_toml(), encoding="utf-8")

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(self.ids(t))} {t}" for t in ENTRY_TYPES)
        return f"Lexicon({counts})"


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as err:
        raise LexiconError(f"lexicon {path}: cannot read it ({err}); check the path") from err
