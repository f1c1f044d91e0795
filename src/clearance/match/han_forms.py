"""Han-script names spelt the lists' way where v1's pinyin is not: for ``name-v2``'s
derived variants (:mod:`clearance.match.script_forms`).

``name-v1`` (:func:`clearance.match.han.romanize_han`) translates a few company words and
writes every other run of Han characters as one pinyin word, so that
``成都海光集成电路设计有限公司`` becomes ``chengduhaiguangjichengdianlusheji co ltd``,
far from the listed ``Chengdu Haiguang Integrated Circuit Design Co., Ltd.``; and it reads
every name in Mandarin, so ``金正恩`` is ``jin zhengen``, not ``Kim Jong Un``.
:func:`han_forms` adds, as plain ASCII strings:

* **Companies.** For a name holding a company word of the glossary (v1's and
  :data:`GLOSSARY`'s: ``集成电路`` integrated circuit, ``设计`` design, ``先进``
  advanced...): the company words in English, the place names of :data:`PLACES` as their
  own words (``成都`` chengdu, ``哈尔滨`` harbin, ``香港`` hong kong), every other run one
  pinyin word (``海光`` haiguang), as the lists write Chinese company names.
* **Korean personal names.** A name of two or three characters (four with a two-character
  surname) whose surname is Korean (:data:`SURNAMES`) and whose every character has a
  Sino-Korean reading (:mod:`clearance.match.hanja_readings`, from Unihan): its reading
  in Hangul romanised as :mod:`clearance.match.hangul` does, in the South's spelling
  (initial-sound law: ``李`` 이 Lee) and the North's (``李`` 리 Ri):
  ``金正恩`` -> ``kim jong un``, ``崔龍海`` -> ``choi yong hae``, ``choe ryong hae``.

Japanese names (``山田太郎`` Yamada Taro) need kun readings no small offline library
gives under a compatible licence: left out.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from pypinyin import lazy_pinyin

from clearance.match.han import GLOSSARY as V1_GLOSSARY
from clearance.match.hangul import (
    NORTH_SURNAMES,
    is_hangul_syllable,
    romanize_hangul,
    romanize_syllable,
)
from clearance.match.hangul import SURNAMES as HANGUL_SURNAMES
from clearance.match.hanja_readings import READINGS

MAX_FORMS = 3  # a company form, or two readings of a Korean name

# Company words v1's glossary lacks (simplified and traditional characters).
GLOSSARY: dict[str, str] = {
    "集成电路": " integrated circuit ",
    "集成電路": " integrated circuit ",
    "电路": " circuit ",
    "電路": " circuit ",
    "设计": " design ",
    "設計": " design ",
    "先进": " advanced ",
    "先進": " advanced ",
    "进出口": " import export ",
    "進出口": " import export ",
    "船舶": " shipbuilding ",
    "航运": " shipping ",
    "航運": " shipping ",
    "海运": " shipping ",
    "海運": " shipping ",
    "物流": " logistics ",
    "运输": " transport ",
    "運輸": " transport ",
    "计算机": " computer ",
    "計算機": " computer ",
    "计算": " computing ",
    "計算": " computing ",
    "移动": " mobile ",
    "移動": " mobile ",
    "电信": " telecom ",
    "電信": " telecom ",
    "电子": " electronics ",
    "電子": " electronics ",
    "科技": " technology ",
    "技術": " technology ",
    "集團": " group ",
    "貿易": " trading ",
    "投資": " investment ",
    "國際": " international ",
    "研究所": " research institute ",
    "研究院": " research institute ",
    "研究中心": " research center ",
    "实验室": " laboratory ",
    "實驗室": " laboratory ",
    "科学院": " academy of sciences ",
    "科學院": " academy of sciences ",
    "工程": " engineering ",
    "机械": " machinery ",
    "機械": " machinery ",
    "装备": " equipment ",
    "裝備": " equipment ",
    "仪器": " instrument ",
    "儀器": " instrument ",
    "材料": " materials ",
    "能源": " energy ",
    "石油": " petroleum ",
    "化工": " chemical ",
    "电力": " power ",
    "電力": " power ",
    "重工": " heavy industry ",
    "兵器": " ordnance ",
    "光学": " optics ",
    "光學": " optics ",
    "精密": " precision ",
    "自动化": " automation ",
    "自動化": " automation ",
    "卫星": " satellite ",
    "衛星": " satellite ",
    "导航": " navigation ",
    "導航": " navigation ",
    "无人机": " uav ",
    "無人機": " uav ",
    "医药": " pharmaceutical ",
    "醫藥": " pharmaceutical ",
    "银行": " bank ",
    "銀行": " bank ",
    "发展": " development ",
    "發展": " development ",
    "开发": " development ",
    "開發": " development ",
    "工业": " industry ",
    "工業": " industry ",
    "大學": " university ",
    "工业大学": " university of technology ",
    "工業大學": " university of technology ",
    "理工大学": " university of science and technology ",
    "理工大學": " university of science and technology ",
    "科技大学": " university of science and technology ",
    "科技大學": " university of science and technology ",
    "工程大学": " engineering university ",
    "工程大學": " engineering university ",
    "航空航天大学": " university of aeronautics and astronautics ",
    "航空航天大學": " university of aeronautics and astronautics ",
    "国防": " national defense ",
    "國防": " national defense ",
    "分公司": " branch ",
    "有限公司": " co ltd ",
    "股份有限公司": " co ltd ",
    "有限責任公司": " co ltd ",
    "公司": " company ",
}
# Places as the lists write them: pinyin words, or the English name where there is one.
PLACES: dict[str, str] = {
    "北京": "beijing",
    "天津": "tianjin",
    "上海": "shanghai",
    "重庆": "chongqing",
    "重慶": "chongqing",
    "河北": "hebei",
    "山西": "shanxi",
    "陕西": "shaanxi",
    "陝西": "shaanxi",
    "辽宁": "liaoning",
    "遼寧": "liaoning",
    "吉林": "jilin",
    "黑龙江": "heilongjiang",
    "黑龍江": "heilongjiang",
    "江苏": "jiangsu",
    "江蘇": "jiangsu",
    "浙江": "zhejiang",
    "安徽": "anhui",
    "福建": "fujian",
    "江西": "jiangxi",
    "山东": "shandong",
    "山東": "shandong",
    "河南": "henan",
    "湖北": "hubei",
    "湖南": "hunan",
    "广东": "guangdong",
    "廣東": "guangdong",
    "海南": "hainan",
    "四川": "sichuan",
    "贵州": "guizhou",
    "貴州": "guizhou",
    "云南": "yunnan",
    "雲南": "yunnan",
    "甘肃": "gansu",
    "甘肅": "gansu",
    "青海": "qinghai",
    "台湾": "taiwan",
    "台灣": "taiwan",
    "内蒙古": "inner mongolia",
    "內蒙古": "inner mongolia",
    "广西": "guangxi",
    "廣西": "guangxi",
    "西藏": "tibet",
    "宁夏": "ningxia",
    "寧夏": "ningxia",
    "新疆": "xinjiang",
    "香港": "hong kong",
    "澳门": "macao",
    "澳門": "macao",
    "成都": "chengdu",
    "武汉": "wuhan",
    "武漢": "wuhan",
    "南京": "nanjing",
    "杭州": "hangzhou",
    "广州": "guangzhou",
    "廣州": "guangzhou",
    "深圳": "shenzhen",
    "西安": "xian",
    "沈阳": "shenyang",
    "瀋陽": "shenyang",
    "大连": "dalian",
    "大連": "dalian",
    "青岛": "qingdao",
    "青島": "qingdao",
    "厦门": "xiamen",
    "廈門": "xiamen",
    "苏州": "suzhou",
    "蘇州": "suzhou",
    "无锡": "wuxi",
    "無錫": "wuxi",
    "宁波": "ningbo",
    "寧波": "ningbo",
    "长沙": "changsha",
    "長沙": "changsha",
    "郑州": "zhengzhou",
    "鄭州": "zhengzhou",
    "济南": "jinan",
    "濟南": "jinan",
    "合肥": "hefei",
    "福州": "fuzhou",
    "昆明": "kunming",
    "南昌": "nanchang",
    "长春": "changchun",
    "長春": "changchun",
    "哈尔滨": "harbin",
    "哈爾濱": "harbin",
    "石家庄": "shijiazhuang",
    "石家莊": "shijiazhuang",
    "太原": "taiyuan",
    "兰州": "lanzhou",
    "蘭州": "lanzhou",
    "乌鲁木齐": "urumqi",
    "烏魯木齊": "urumqi",
    "呼和浩特": "hohhot",
    "贵阳": "guiyang",
    "貴陽": "guiyang",
    "南宁": "nanning",
    "南寧": "nanning",
    "海口": "haikou",
    "珠海": "zhuhai",
    "东莞": "dongguan",
    "東莞": "dongguan",
    "佛山": "foshan",
    "绵阳": "mianyang",
    "綿陽": "mianyang",
    "西宁": "xining",
    "西寧": "xining",
    "银川": "yinchuan",
    "銀川": "yinchuan",
    "拉萨": "lhasa",
    "拉薩": "lhasa",
    "喀什": "kashgar",
    "中国": "china",
    "中國": "china",
    "中华": "china",
    "中華": "china",
}
_WORDS = {**V1_GLOSSARY, **GLOSSARY, **{k: f" {v} " for k, v in PLACES.items()}}
_WORDS_RE = re.compile("|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True)))
_COMPANY_WORDS = {w for w in {**V1_GLOSSARY, **GLOSSARY} if len(w) >= 2 and w not in PLACES}
_COMPANY_RE = re.compile("|".join(sorted(map(re.escape, _COMPANY_WORDS), key=len, reverse=True)))
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# Korean surnames in Hanja (traditional and simplified): their reading in the South's
# spelling (initial-sound law) and, where it differs, the North's.
SURNAMES: dict[str, tuple[str, ...]] = {
    "金": ("김",),
    "李": ("이", "리"),
    "朴": ("박",),
    "崔": ("최",),
    "鄭": ("정",),
    "郑": ("정",),
    "姜": ("강",),
    "趙": ("조",),
    "赵": ("조",),
    "尹": ("윤",),
    "張": ("장",),
    "张": ("장",),
    "林": ("임", "림"),
    "韓": ("한",),
    "韩": ("한",),
    "吳": ("오",),
    "吴": ("오",),
    "申": ("신",),
    "徐": ("서",),
    "權": ("권",),
    "权": ("권",),
    "黃": ("황",),
    "黄": ("황",),
    "安": ("안",),
    "宋": ("송",),
    "柳": ("유", "류"),
    "全": ("전",),
    "洪": ("홍",),
    "高": ("고",),
    "文": ("문",),
    "孫": ("손",),
    "孙": ("손",),
    "梁": ("양", "량"),
    "裵": ("배",),
    "裴": ("배",),
    "白": ("백",),
    "曺": ("조",),
    "曹": ("조",),
    "許": ("허",),
    "许": ("허",),
    "劉": ("유", "류"),
    "刘": ("유", "류"),
    "南": ("남",),
    "沈": ("심",),
    "盧": ("노", "로"),
    "卢": ("노", "로"),
    "丁": ("정",),
    "河": ("하",),
    "郭": ("곽",),
    "成": ("성",),
    "車": ("차",),
    "车": ("차",),
    "具": ("구",),
    "禹": ("우",),
    "朱": ("주",),
    "任": ("임",),
    "羅": ("나", "라"),
    "罗": ("나", "라"),
    "辛": ("신",),
    "閔": ("민",),
    "闵": ("민",),
    "田": ("전",),
    "俞": ("유",),
    "陳": ("진",),
    "陈": ("진",),
    "池": ("지",),
    "嚴": ("엄",),
    "严": ("엄",),
    "元": ("원",),
    "蔡": ("채",),
    "千": ("천",),
    "方": ("방",),
    "康": ("강",),
    "玄": ("현",),
    "孔": ("공",),
    "咸": ("함",),
    "卞": ("변",),
    "楊": ("양",),
    "杨": ("양",),
    "廉": ("염", "렴"),
    "邊": ("변",),
    "边": ("변",),
    "呂": ("여", "려"),
    "吕": ("여", "려"),
    "秋": ("추",),
    "魯": ("노", "로"),
    "鲁": ("노", "로"),
    "都": ("도",),
    "蘇": ("소",),
    "苏": ("소",),
    "愼": ("신",),
    "慎": ("신",),
    "石": ("석",),
    "宣": ("선",),
    "薛": ("설",),
    "馬": ("마",),
    "马": ("마",),
    "吉": ("길",),
    "周": ("주",),
    "延": ("연",),
    "房": ("방",),
    "表": ("표",),
    "魏": ("위",),
    "明": ("명",),
    "奇": ("기",),
    "潘": ("반",),
    "王": ("왕",),
    "琴": ("금",),
    "玉": ("옥",),
    "陸": ("육", "륙"),
    "陆": ("육", "륙"),
    "印": ("인",),
    "孟": ("맹",),
    "卓": ("탁",),
    "秦": ("진",),
    "太": ("태",),
    "桂": ("계",),
    "龍": ("용", "룡"),
    "龙": ("용", "룡"),
    "南宮": ("남궁",),
    "南宫": ("남궁",),
    "諸葛": ("제갈",),
    "诸葛": ("제갈",),
    "皇甫": ("황보",),
    "鮮于": ("선우",),
    "鲜于": ("선우",),
    "獨孤": ("독고",),
    "独孤": ("독고",),
    "司空": ("사공",),
    "西門": ("서문",),
    "西门": ("서문",),
}
_RIEUL, _NIEUN, _IEUNG = 5, 2, 11  # initial consonants in the Hangul syllable arithmetic
_I_OR_Y = frozenset({2, 3, 6, 7, 12, 17, 20})  # medials ya yae yeo ye yo yu i


def han_forms(name: str) -> list[str]:
    """List-style Latin spellings of a Han-script name that v1's pinyin does not give
    ([] for none): the company form, or a Korean name's readings."""
    text = unicodedata.normalize("NFKC", name)
    if _HAN.search(text) is None:
        return []
    forms = []
    company = company_form(text)
    if company:
        forms.append(company)
        forms.extend(f for f in other_company_forms(text) if f != company)
    forms.extend(korean_readings(text))
    return forms[:MAX_FORMS]


# Words whose English differs from one official name to another: 哈尔滨工业大学 is the
# Harbin Institute of Technology, 北京工业大学 the Beijing University of Technology, 西北工业
# 大学 the Northwestern Polytechnical University, 北京理工大学 the Beijing Institute of
# Technology (all on the Entity List).
OTHER_ENGLISH = {
    "工业大学": (" institute of technology ", " polytechnical university "),
    "工業大學": (" institute of technology ", " polytechnical university "),
    "理工大学": (" institute of technology ",),
    "理工大學": (" institute of technology ",),
}


@lru_cache(maxsize=65536)
def other_company_forms(text: str) -> list[str]:
    """:func:`company_form` with each other English of an :data:`OTHER_ENGLISH` word
    (for a name that has a company word)."""
    forms: list[str] = []
    for word, englishes in OTHER_ENGLISH.items():
        if word in text and _COMPANY_RE.search(text):
            forms.extend(_spelt(text.replace(word, english)) for english in englishes)
    return forms


@lru_cache(maxsize=65536)
def company_form(text: str) -> str | None:
    """The name with its company words in English, its places as their own words and
    every other Han run as one pinyin word; None without a company word."""
    if _COMPANY_RE.search(text) is None:
        return None
    return _spelt(text)


def _spelt(text: str) -> str:
    spelt = _WORDS_RE.sub(lambda m: _WORDS[m.group(0)], text)
    spelt = _HAN_RUN.sub(lambda m: " " + "".join(lazy_pinyin(m.group(0))) + " ", spelt)
    return " ".join(spelt.split())


@lru_cache(maxsize=65536)
def korean_readings(text: str) -> list[str]:
    """A Korean personal name written in Hanja, in the South's and the North's list
    spelling ([] if the name is not one: length, surname, a space (Japanese names are
    written ``山田 太郎``), a character without reading)."""
    text = text.strip()
    if not 2 <= len(text) <= 4 or _HAN_RUN.fullmatch(text) is None:
        return []
    surname = text[:2] if text[:2] in SURNAMES else text[:1]
    given = text[len(surname) :]
    if surname not in SURNAMES or len(given) != 2:
        return []
    readings = _readings()
    if any(c not in readings for c in given):
        return []
    south_surname, north_surname = (SURNAMES[surname] * 2)[:2]
    given_hangul = "".join(readings[c] for c in given)
    south = south_surname + _initial_law(given_hangul[0]) + given_hangul[1:]
    north = north_surname + given_hangul
    forms = [_romanize(south, surname, north=False), _romanize(north, surname, north=True)]
    return list(dict.fromkeys(forms))


def _romanize(hangul: str, surname: str, north: bool) -> str:
    """Surname and given syllables as :mod:`clearance.match.hangul` spells them, a
    two-syllable surname as one word (``namgung``)."""
    if len(surname) == 1:
        return romanize_hangul(hangul, north=north)
    head = "".join(_surname_syllable(c, north) for c in hangul[:2])
    return " ".join([head, *(romanize_syllable(c) for c in hangul[2:])])


def _surname_syllable(syllable: str, north: bool) -> str:
    table = {**HANGUL_SURNAMES, **NORTH_SURNAMES} if north else HANGUL_SURNAMES
    return table.get(syllable) or romanize_syllable(syllable)


def _initial_law(syllable: str) -> str:
    """The initial-sound law of the South: a word does not begin with ㄹ (ㄴ, or silent
    before i and y) nor with ㄴ before i and y (silent): 龍 룡 -> 용, 女 녀 -> 여."""
    if not is_hangul_syllable(syllable):
        return syllable
    code = ord(syllable) - 0xAC00
    initial, rest = divmod(code, 588)
    medial = rest // 28
    if initial == _RIEUL:
        initial = _IEUNG if medial in _I_OR_Y else _NIEUN
    elif initial == _NIEUN and medial in _I_OR_Y:
        initial = _IEUNG
    return chr(0xAC00 + initial * 588 + rest)


@cache
def _readings() -> dict[str, str]:
    """Han character -> its Sino-Korean reading (one Hangul syllable)."""
    return {c: reading for reading, chars in READINGS.items() for c in chars}
