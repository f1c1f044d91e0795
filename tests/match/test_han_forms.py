"""Han-script names the lists' way (clearance.match.han_forms): company names with their
company words in English and places apart, Korean personal names in Hanja read in Korean.

Scores are ``name-v2``'s (the only matcher that uses these forms), the best over the
variants of both names, the list name carrying its kind as in the name index.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from faker import Faker

from clearance.match.han_forms import (
    _initial_law,
    _readings,
    company_form,
    han_forms,
    korean_readings,
)
from clearance.match.matcher import get_matcher

THRESHOLD = 0.80
V2 = get_matcher("name-v2")


def score(query: str, listed: str, kind: str = "") -> float:
    candidates = [replace(c, kind=kind) if kind else c for c in V2.variants(listed)]
    return max(V2.quick_score(q, c) for q in V2.variants(query) for c in candidates)


@pytest.mark.parametrize(
    ("original", "form"),
    [
        ("成都海光集成电路设计有限公司", "chengdu haiguang integrated circuit design co ltd"),
        ("天津海光先进技术投资有限公司", "tianjin haiguang advanced technology investment co ltd"),
        ("中国移动通信集团有限公司", "china mobile communication group co ltd"),
        ("江南计算技术研究所", "jiangnan computing technology research institute"),
        ("哈尔滨工程大学", "harbin engineering university"),  # an exonym, not "haerbin"
        ("香港貿易有限公司", "hong kong trading co ltd"),  # traditional characters
    ],
)
def test_company_form(original: str, form: str) -> None:
    assert company_form(original) == form


@pytest.mark.parametrize(
    ("original", "latin"),
    [
        ("成都海光集成电路设计有限公司", "Chengdu Haiguang Integrated Circuit Design Co., Ltd."),
        (
            "天津海光先进技术投资有限公司",
            "Tianjin Haiguang Advanced Technology Investment Co., Ltd.",
        ),
        ("江南计算技术研究所", "Jiangnan Institute of Computing Technology"),
        ("中国移动通信集团有限公司", "China Mobile Communications Group Co., Ltd."),
        ("中国电信股份有限公司", "China Telecom Corporation Limited"),
        ("北京工业大学", "Beijing University of Technology"),
        ("南京航空航天大学", "Nanjing University of Aeronautics and Astronautics"),
    ],
)
def test_companies_reach_the_listed_name(original: str, latin: str) -> None:
    assert score(original, latin, "org") >= THRESHOLD, han_forms(original)


def test_company_form_needs_a_company_word() -> None:
    assert company_form("成都海光") is None  # places and a brand alone: v1's pinyin
    assert company_form("吉林") is None
    assert company_form("王明山") is None
    assert company_form("上海市") is None  # a single-character word is no company word


@pytest.mark.parametrize(
    ("original", "forms"),
    [
        ("金正恩", ["kim jong un"]),
        ("金與正", ["kim yo jong"]),
        ("崔龍海", ["choi yong hae", "choe ryong hae"]),  # South (initial-sound law), North
        ("崔龙海", ["choi yong hae", "choe ryong hae"]),  # simplified characters
        ("李英浩", ["lee yong ho", "ri yong ho"]),
        ("朴奉珠", ["park pong ju", "pak pong ju"]),
        ("南宮民洙", ["namkung min su"]),  # two-character surname
    ],
)
def test_korean_readings(original: str, forms: list[str]) -> None:
    assert korean_readings(original) == forms


@pytest.mark.parametrize(
    "original",
    [
        "王毅",  # two characters: mostly Chinese
        "习近平",  # 习 is no Korean surname
        "山田太郎",  # Japanese: 山 no Korean surname
        "吉田 晃",  # a space: a Japanese name
        "金正恩恩",  # a one-character surname and three more
        "金正",  # too short a given name for the rule
        "Kim",
    ],
)
def test_no_korean_reading(original: str) -> None:
    assert korean_readings(original) == []


@pytest.mark.parametrize(
    ("original", "latin"),
    [("金正恩", "Kim Jong Un"), ("崔龍海", "CHOE Ryong Hae"), ("金與正", "Kim Yo Jong")],
)
def test_korean_names_reach_the_listed_name(original: str, latin: str) -> None:
    assert score(original, latin, "person") >= THRESHOLD, han_forms(original)


def test_initial_sound_law() -> None:
    assert _initial_law("룡") == "용"  # ㄹ before y: silent
    assert _initial_law("로") == "노"  # ㄹ otherwise: ㄴ
    assert _initial_law("녀") == "여"  # ㄴ before y: silent
    assert _initial_law("정") == "정"
    assert _initial_law("x") == "x"


def test_reading_table() -> None:
    readings = _readings()
    assert 6000 <= len(readings) <= 7000  # KS X 1001 and the simplified forms
    assert readings["金"] == "금"  # the common reading; 김 comes from SURNAMES
    assert readings["李"] == "리"  # without the initial-sound law
    assert readings["龙"] == readings["龍"] == "룡"
    assert all(len(r) == 1 and "가" <= r <= "힣" for r in readings.values())


def test_forms_are_plain_ascii_and_few() -> None:
    for name in ("成都海光集成电路设计有限公司", "崔龍海", "金正恩", "华为技术有限公司"):
        forms = han_forms(name)
        assert 1 <= len(forms) <= 3
        assert all(f.isascii() and f == " ".join(f.split()) for f in forms)
    assert han_forms("Huawei") == []
    assert han_forms("김정은") == []


# Measured with Faker's zh_CN (600 names, 200 companies), zh_TW (300, 100) and ja_JP (200)
# names against OFAC SDN 2021 and the CSL of 2022-05: one new alert (罗秀荣 ~ RA,
# Kyong-Su). Here: Chinese names never reach Korean list names through their readings.
NORTH_KOREAN_LISTED = [
    "KIM Jong Un",
    "KIM Yo Jong",
    "CHOE Ryong Hae",
    "RI Pyong Chol",
    "PAK Pong Ju",
    "JO Yon Jun",
    "RI Man Gon",
    "KIM Yong Chol",
    "KIM Tok Hun",
    "CHOE Son Hui",
    "RI Yong Ho",
    "PAK Jong Chon",
    "JANG Song Thaek",
    "KIM Il Sung",
    "KIM Jong Il",
    "RI Su Yong",
    "HAN Song Ryol",
    "O Kuk Ryol",
]


def test_chinese_names_do_not_reach_korean_names() -> None:
    fake = Faker("zh_CN")
    fake.seed_instance(20260227)
    names = {fake.name() for _ in range(300)}
    hits = [
        (name, listed)
        for name in sorted(names)
        if korean_readings(name)
        for listed in NORTH_KOREAN_LISTED
        if score(name, listed, "person") >= THRESHOLD
    ]
    assert hits == []
