"""Extra Latin spellings of names written in other scripts, for ``name-v2``'s variants.

Each form is plain ASCII text the matcher folds like any Latin name, as a *derived*
variant (it scores a little below the name as written). Kept apart from
:mod:`clearance.match.normalize`, whose output ``name-v1`` depends on.
"""

from __future__ import annotations

from clearance.match.arabic import arabic_forms, has_arabic


def script_forms(name: str) -> list[str]:
    """List-style Latin spellings of ``name`` ([] for a name with nothing to add)."""
    if has_arabic(name):
        return arabic_forms(name)
    return []
