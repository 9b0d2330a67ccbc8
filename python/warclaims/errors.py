"""Exceptions raised by warclaims.

Every error derives from :class:`WarclaimsError`, so ``except warclaims.WarclaimsError``
catches them all; the subclasses let you catch one cause. Messages name the file, row,
column or lexicon entry at fault and say what to do.
"""

from warclaims._warclaims import InputError, LexiconError, ManifestError, WarclaimsError

__all__ = ["InputError", "LexiconError", "ManifestError", "WarclaimsError"]
