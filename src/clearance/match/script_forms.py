"""Extra Latin spellings of names written in other scripts, for ``name-v2``'s variants.

Each form is plain ASCII text the matcher folds like any Latin name, as a *derived*
variant (it scores a little below the name as written). Kept apart from
:mod:`clearance.match.normalize`, whose output ``name-v1`` depends on.

* Arabic script (:mod:`clearance.match.arabic`): list-style spellings, and an
  organisation's name in English;
* Han (:mod:`clearance.match.han_forms`): company names with their company words in
  English and places apart; Korean personal names in Hanja, read in Korean;
* Hangul (:mod:`clearance.match.hangul_forms`): personal names in their popular
  South Korean spelling;
* Greek and Hebrew (:mod:`clearance.match.greek_hebrew`): Greek endings dropped, Hebrew
  consonants the Israeli way;
* Cyrillic (:mod:`clearance.match.cyrillic_arabic`): ``дж`` as ``j``, and Arabic names
  with ``w`` and ``al-`` as the lists write them.
"""

from __future__ import annotations

from clearance.match.arabic import arabic_forms, has_arabic
from clearance.match.cyrillic_arabic import cyrillic_arabic_forms, has_cyrillic
from clearance.match.greek_hebrew import greek_forms, has_greek, has_hebrew, hebrew_forms
from clearance.match.han import has_han
from clearance.match.han_forms import han_forms
from clearance.match.hangul import has_hangul
from clearance.match.hangul_forms import hangul_forms


def script_forms(name: str) -> list[str]:
    """List-style Latin spellings of ``name`` ([] for a name with nothing to add)."""
    if has_arabic(name):
        return arabic_forms(name)
    if has_han(name):
        return han_forms(name)
    if has_hangul(name):
        return hangul_forms(name)
    if has_hebrew(name):
        return hebrew_forms(name)
    if has_greek(name):
        return greek_forms(name)
    if has_cyrillic(name):
        return cyrillic_arabic_forms(name)
    return []
