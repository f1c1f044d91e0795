"""Han (Chinese) script to Latin: a glossary of company words, then pinyin per word run.

Company names in Chinese are mostly a place, a brand and generic words ("technology",
"limited company"). The generic words are translated from a small glossary so that
``华为技术有限公司`` becomes ``huawei technology co ltd``; every remaining run of Han
characters becomes one pinyin word (``华为`` -> ``huawei``), which is how pinyin names are
written in the official lists.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pypinyin import lazy_pinyin

# Longest entries first when matching; values are English list-style words.
GLOSSARY: dict[str, str] = {
    "股份有限公司": " co ltd ",
    "有限责任公司": " co ltd ",
    "有限公司": " co ltd ",
    "集团公司": " group co ",
    "公司": " company ",
    "集团": " group ",
    "控股": " holding ",
    "科技": " technology ",
    "技术": " technology ",
    "电子": " electronics ",
    "微电子": " microelectronics ",
    "半导体": " semiconductor ",
    "光电": " optoelectronics ",
    "通信": " communication ",
    "通讯": " communication ",
    "网络": " network ",
    "软件": " software ",
    "数字": " digital ",
    "信息": " information ",
    "研究所": " research institute ",
    "研究院": " research institute ",
    "大学": " university ",
    "投资": " investment ",
    "国际": " international ",
    "贸易": " trading ",
    "实业": " industrial ",
    "工业": " industry ",
    "设备": " equipment ",
    "终端": " terminal ",
    "智能": " intelligent ",
    "航空": " aviation ",
    "航天": " aerospace ",
    "云计算": " cloud computing ",
    "海思": " hisilicon ",
    "中国": " china ",
    "市": " ",
    "省": " ",
}
_GLOSSARY_RE = re.compile("|".join(sorted(map(re.escape, GLOSSARY), key=len, reverse=True)))
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def has_han(text: str) -> bool:
    return _HAN_RUN.search(text) is not None


@lru_cache(maxsize=65536)
def romanize_han(text: str) -> str:
    """Translate glossary words, then write every other Han run as one pinyin word."""
    text = _GLOSSARY_RE.sub(lambda m: GLOSSARY[m.group(0)], text)
    return _HAN_RUN.sub(lambda m: " " + "".join(lazy_pinyin(m.group(0))) + " ", text)


def han_person_variants(text: str) -> list[str]:
    """A Chinese or Korean personal name of 2-4 Han characters, surname split off.

    ``习近平`` -> ``xi jinping``. Only used for short all-Han names.
    """
    text = text.strip()
    if not (2 <= len(text) <= 4) or _HAN_RUN.fullmatch(text) is None:
        return []
    syllables = lazy_pinyin(text)
    return [syllables[0] + " " + "".join(syllables[1:])]
