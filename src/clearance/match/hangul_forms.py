"""Korean personal names in the popular spellings South Koreans use in passports and
business (``성`` Sung, ``정`` Jung, ``영`` Young, ``이`` Lee, ``박`` Park), for ``name-v2``.

:mod:`clearance.match.hangul` romanises as the sanctions lists do (McCune-Reischauer-like:
``박지성`` -> ``pak ji song``); a customer register writes ``Park Ji Sung``. This adds that
spelling as a form of a short all-Hangul name: each syllable from a table of the commonest
name syllables in their popular spelling, the others as ``hangul`` romanises them.
"""

from __future__ import annotations

import re

from clearance.match.hangul import romanize_syllable

POPULAR = {
    "이": "lee", "박": "park", "김": "kim", "최": "choi", "정": "jung", "강": "kang",
    "조": "cho", "윤": "yoon", "장": "jang", "임": "lim", "한": "han", "오": "oh",
    "서": "seo", "신": "shin", "권": "kwon", "황": "hwang", "안": "ahn", "송": "song",
    "류": "ryu", "유": "yoo", "홍": "hong", "전": "jeon", "고": "ko", "문": "moon",
    "양": "yang", "손": "son", "배": "bae", "백": "baek", "허": "heo", "노": "noh",
    "성": "sung", "영": "young", "준": "joon", "현": "hyun", "진": "jin", "민": "min",
    "은": "eun", "수": "soo", "우": "woo", "석": "suk", "혁": "hyuk", "철": "chul",
    "훈": "hoon", "희": "hee", "경": "kyung", "재": "jae", "승": "seung", "용": "yong",
    "연": "yeon", "숙": "sook", "순": "soon", "주": "joo", "혜": "hye", "원": "won",
    "종": "jong", "동": "dong", "상": "sang", "태": "tae", "규": "kyu", "근": "geun",
}  # fmt: skip
_SHORT_HANGUL = re.compile(r"[\uac00-\ud7a3]{2,4}")


def hangul_forms(name: str) -> list[str]:
    """``박지성`` -> ``["park ji sung"]``; [] unless ``name`` is 2-4 Hangul syllables."""
    text = "".join(name.split())
    if not _SHORT_HANGUL.fullmatch(text):
        return []
    parts = [POPULAR.get(ch) or romanize_syllable(ch) for ch in text]
    return [parts[0] + " " + " ".join(parts[1:])]
