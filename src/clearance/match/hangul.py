"""Hangul to Latin in the McCune-Reischauer-like spelling the sanctions lists use.

Revised Romanization (what ICU gives: ``김정은`` -> ``gimjeong-eun``) is not how Korean
names appear on OFAC or UN lists (``KIM Jong Un``). Each syllable is decomposed
arithmetically (Unicode Hangul block) and written as its own word, with the customary
spelling of common surnames.
"""

from __future__ import annotations

_INITIALS = [
    "k",
    "kk",
    "n",
    "t",
    "tt",
    "r",
    "m",
    "p",
    "pp",
    "s",
    "ss",
    "",
    "j",
    "jj",
    "ch",
    "k",
    "t",
    "p",
    "h",
]
_MEDIALS = [
    "a",
    "ae",
    "ya",
    "yae",
    "o",
    "e",
    "yo",
    "ye",
    "o",
    "wa",
    "wae",
    "oe",
    "yo",
    "u",
    "wo",
    "we",
    "wi",
    "yu",
    "u",
    "ui",
    "i",
]
_FINALS = [
    "",
    "k",
    "k",
    "k",
    "n",
    "n",
    "n",
    "t",
    "l",
    "k",
    "m",
    "l",
    "l",
    "l",
    "p",
    "l",
    "m",
    "p",
    "p",
    "t",
    "t",
    "ng",
    "t",
    "t",
    "k",
    "t",
    "p",
    "t",
]
SURNAMES = {
    "김": "kim",
    "이": "lee",
    "박": "park",
    "최": "choi",
    "정": "jong",
    "강": "kang",
    "조": "cho",
    "윤": "yun",
    "장": "jang",
    "임": "lim",
    "한": "han",
    "오": "oh",
    "서": "seo",
    "신": "shin",
    "권": "kwon",
    "황": "hwang",
    "안": "ahn",
    "송": "song",
    "류": "ryu",
    "리": "ri",
    "전": "jon",
    "홍": "hong",
    "문": "mun",
    "양": "yang",
    "손": "son",
    "배": "bae",
    "백": "paek",
    "허": "ho",
    "유": "yu",
    "남": "nam",
    "심": "sim",
    "노": "no",
    "하": "ha",
}


def is_hangul_syllable(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def romanize_syllable(ch: str) -> str:
    code = ord(ch) - 0xAC00
    initial, rest = divmod(code, 588)
    medial, final = divmod(rest, 28)
    return _INITIALS[initial] + _MEDIALS[medial] + _FINALS[final]


def romanize_hangul(text: str) -> str:
    """Write each Hangul syllable as one word; a leading known surname in its usual form."""
    words: list[str] = []
    for part in text.split():
        syllables = [c for c in part if is_hangul_syllable(c)]
        if not syllables:
            words.append(part)
            continue
        first = SURNAMES.get(syllables[0]) if len(syllables) in (2, 3) else None
        out = [first or romanize_syllable(syllables[0])]
        out.extend(romanize_syllable(c) for c in syllables[1:])
        words.extend(out)
    return " ".join(words)


def has_hangul(text: str) -> bool:
    return any(is_hangul_syllable(c) for c in text)
