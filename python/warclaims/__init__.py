"""warclaims: turn war reporting into data.

Feed it news articles; get back Polars frames of claims (who says how many were killed,
wounded, captured; what was destroyed; how many strikes and sorties), control events (who
took, lost or holds which town) and the articles themselves, every row with its source,
resolved date and place, and the exact span of text it came from.

    >>> import warclaims
    >>> ex = warclaims.extract("seeds/", meta="seeds/articles.csv")  # doctest: +SKIP
    >>> ex.claims  # doctest: +SKIP
"""

from warclaims._warclaims import __version__
from warclaims.api import Extraction, extract, read_articles, rule_counts
from warclaims.errors import InputError, LexiconError, ManifestError, WarclaimsError
from warclaims.expr import claims_expr
from warclaims.lexicon import Lexicon
from warclaims.parsing import parse_figures, parse_times
from warclaims.stream import StreamResult, extract_to

__all__ = [
    "Extraction",
    "InputError",
    "Lexicon",
    "LexiconError",
    "ManifestError",
    "StreamResult",
    "WarclaimsError",
    "__version__",
    "claims_expr",
    "extract",
    "extract_to",
    "parse_figures",
    "parse_times",
    "read_articles",
    "rule_counts",
]
