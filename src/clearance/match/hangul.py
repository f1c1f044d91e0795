"""Hangul to Latin in the McCune-Reischauer-like spelling the sanctions lists use.

Revised Romanization (what ICU gives: ``김정은`` -> ``gimjeong-eun``) is not how Korean
names appear on OFAC or UN lists (``KIM Jong Un``). Each syllable is decomposed
arithmetically (Unicode Hangul block) and written as its own word, with the customary
spelling of common surnames.
"""

from __future__ import annotations

import re

# Company words, translated before romanisation (longest first) so that
# ``단군무역회사`` becomes ``dangun trading corporation`` as the lists write it.
GLOSSARY: dict[str, str] = {
    "주식회사": " co ltd ",
    "유한회사": " llc ",
    "(주)": " co ltd ",
    "㈜": " co ltd ",
    "(유)": " llc ",
    "총회사": " general corporation ",
    "회사": " corporation ",
    "무역": " trading ",
    "상사": " trading ",
    "은행": " bank ",
    "조선": " korea ",
    "개발": " development ",
    "광업": " mining ",
    "항공": " air ",
    "기술": " technology ",
    "연구소": " research institute ",
    "대학": " university ",
    "그룹": " group ",
    "공사": " corporation ",
    "합영": " joint venture ",
    "무역국": " trading bureau ",
}
_LEGAL_RE = re.compile(r"주식회사|유한회사|\(주\)|㈜|\(유\)")
_LATIN_LEGAL = re.compile(r"\b(?:co ltd|llc)\b")
_GLOSSARY_RE = re.compile("|".join(sorted(map(re.escape, GLOSSARY), key=len, reverse=True)))

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
# The spelling North Korean names take on the UN and OFAC lists, where it differs.
NORTH_SURNAMES = {"박": "pak", "최": "choe", "조": "jo", "이": "ri", "정": "jong", "노": "ro"}
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


_VOICED = {"k": "g", "t": "d", "p": "b", "ch": "j"}


def _romanize_run(word: str) -> str:
    """A run of syllables as one word, plosives voiced after a voiced sound (련봉 -> ryonbong)."""
    out = ""
    for c in word:
        syllable = romanize_syllable(c) if is_hangul_syllable(c) else c
        if out and out[-1] in "aeiouylmng":
            for plain, voiced in _VOICED.items():
                if syllable.startswith(plain) and not syllable.startswith(plain + "h"):
                    syllable = voiced + syllable[len(plain) :]
                    break
        out += syllable
    return out


def romanize_hangul(text: str, north: bool = False) -> str:
    """Write each Hangul syllable as one word; a leading known surname in its usual form.

    Text holding a company word is translated and each remaining run of syllables
    written as one word (``련봉`` -> ``ryonbong``), as company names are spelt.
    """
    # Two or three syllables are a personal name (조선희 is Jo Son Hui, not "Korea Hui").
    glossed = _LEGAL_RE.sub(lambda m: GLOSSARY[m.group(0)], text)
    if sum(1 for c in glossed if is_hangul_syllable(c)) > 3:
        glossed = _GLOSSARY_RE.sub(lambda m: GLOSSARY[m.group(0)], glossed)
    if glossed != text or _LATIN_LEGAL.search(text):
        return " ".join(_romanize_run(w) if has_hangul(w) else w for w in glossed.split())
    words: list[str] = []
    surnames = {**SURNAMES, **NORTH_SURNAMES} if north else SURNAMES
    for part in text.split():
        syllables = [c for c in part if is_hangul_syllable(c)]
        if not syllables:
            words.append(part)
            continue
        first = surnames.get(syllables[0]) if len(syllables) in (2, 3) else None
        out = [first or romanize_syllable(syllables[0])]
        out.extend(romanize_syllable(c) for c in syllables[1:])
        words.extend(out)
    return " ".join(words)


def has_hangul(text: str) -> bool:
    if text.isascii() or max(text) < "\uac00":  # below the Hangul syllables block
        return False
    return any(is_hangul_syllable(c) for c in text)


def hangul_person_variants(text: str) -> list[str]:
    """A 2-3 syllable Korean personal name in the North Korean list spelling, if it differs."""
    text = text.strip()
    if not (2 <= len(text) <= 3) or not all(is_hangul_syllable(c) for c in text):
        return []
    if text[0] not in NORTH_SURNAMES:
        return []
    return [romanize_hangul(text, north=True)]


def gloss_legal(text: str) -> str:
    """Korean legal forms (``(주)``, ``주식회사``) in Latin, before brackets are read."""
    return _LEGAL_RE.sub(lambda m: GLOSSARY[m.group(0)], text) if has_hangul(text) else text
