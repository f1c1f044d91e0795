"""Greek and Hebrew names: the spellings ICU's transliteration misses, for ``name-v2``'s
derived variants (:mod:`clearance.match.script_forms`).

* **Greek.** ICU writes ``Αλέξανδρος`` as ``alexandros``; English and most lists drop the
  nominative ending of a name (Alexander, Constantine, Dimitri). :func:`greek_forms` adds
  the name with each word's final ``-ος`` (``-ός``) or ``-ς`` dropped (``alexandr``,
  ``konstantin``, ``ioanni``), which the matcher's similarity takes from there.
* **Hebrew.** ICU writes the consonants alone, the classical way (``דוד`` -> ``dwd``,
  ``יוסף`` -> ``ywsp``). :func:`hebrew_forms` spells the commonest Israeli names
  (:data:`HEBREW_NAMES`) as they are romanised (David, Yosef); guessing the vowels of
  other words by rule made names too alike for the matcher (``סארה רוט`` Sara Rot read
  ``sra rvt`` reached ``RTV SYRIA``), so they keep ICU's spelling.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from clearance.match.normalize import fold_text

_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
_HEBREW = re.compile(r"[\u05d0-\u05ea]")
_GREEK_ENDING = re.compile(r"(?:ος|ς)$")
_NOT_HEBREW = re.compile(r"[^\u05d0-\u05ea]+")
_HEBREW_POINTS = re.compile(r"[\u0591-\u05c7]")  # cantillation marks and vowel points
MIN_GREEK_STEM = 4  # letters left once the ending is dropped

# The commonest Israeli given names and surnames, as they are romanised.
HEBREW_NAMES: dict[str, str] = {
    "דוד": "david",
    "משה": "moshe",
    "יוסף": "yosef",
    "אברהם": "avraham",
    "יצחק": "yitzhak",
    "יעקב": "yaakov",
    "שלמה": "shlomo",
    "בנימין": "binyamin",
    "אהרן": "aharon",
    "אהרון": "aharon",
    "שמואל": "shmuel",
    "דניאל": "daniel",
    "מיכאל": "michael",
    "אליהו": "eliyahu",
    "חיים": "haim",
    "יהודה": "yehuda",
    "רפאל": "rafael",
    "נתן": "natan",
    "יונתן": "yonatan",
    "אריה": "arie",
    "מרדכי": "mordechai",
    "מנחם": "menachem",
    "אליעזר": "eliezer",
    "יהושע": "yehoshua",
    "גדעון": "gideon",
    "שמעון": "shimon",
    "ראובן": "reuven",
    "אבי": "avi",
    "אורי": "uri",
    "אילן": "ilan",
    "עמית": "amit",
    "איתי": "itai",
    "עומר": "omer",
    "נועם": "noam",
    "אייל": "eyal",
    "אלון": "alon",
    "ליאור": "lior",
    "שרה": "sarah",
    "רחל": "rachel",
    "רבקה": "rivka",
    "לאה": "leah",
    "מרים": "miriam",
    "אסתר": "esther",
    "חנה": "hannah",
    "רות": "ruth",
    "נועה": "noa",
    "תמר": "tamar",
    "יעל": "yael",
    "מיכל": "michal",
    "כהן": "cohen",
    "לוי": "levi",
    "מזרחי": "mizrahi",
    "פרץ": "peretz",
    "ביטון": "biton",
    "דהן": "dahan",
    "אזולאי": "azoulay",
    "פרידמן": "friedman",
    "שפירא": "shapira",
    "גולדברג": "goldberg",
    "רוזנברג": "rosenberg",
    "קליין": "klein",
    "נתניהו": "netanyahu",
}


def has_greek(text: str) -> bool:
    return _GREEK.search(text) is not None


def has_hebrew(text: str) -> bool:
    return _HEBREW.search(text) is not None


@lru_cache(maxsize=65536)
def greek_forms(name: str) -> list[str]:
    """The name with each word's nominative ending dropped ([] if nothing changes)."""
    if not has_greek(name):
        return []
    words = unicodedata.normalize("NFC", name).lower().split()
    stems = []
    for word in words:
        stem = _GREEK_ENDING.sub("", word)
        bare = "".join(c for c in unicodedata.normalize("NFD", stem) if c.isalpha())
        stems.append(stem if len(bare) >= MIN_GREEK_STEM else word)
    if stems == words:
        return []
    return [fold_text(" ".join(stems))]


@lru_cache(maxsize=65536)
def hebrew_forms(name: str) -> list[str]:
    """The name with the words of :data:`HEBREW_NAMES` spelt as Israelis romanise them
    and the others as ICU does ([] if no word is in the table)."""
    if not has_hebrew(name):
        return []
    text = _HEBREW_POINTS.sub("", unicodedata.normalize("NFC", name))
    words = _NOT_HEBREW.sub(" ", text).split()
    if not any(w in HEBREW_NAMES for w in words):
        return []
    return [" ".join(HEBREW_NAMES.get(w) or fold_text(w) for w in words)]
