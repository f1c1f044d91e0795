"""name-v2 reads a Chinese personal name written in Wade-Giles in pinyin too
(:mod:`clearance.match.wade_giles`): ``HSI Chin-p'ing`` meets ``XI Jinping`` and a list's
``WEI, Hsueh Lung`` meets ``Wei Xuelong``, through both retrievals."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from clearance.match.wade_giles import MAX_READINGS, wade_giles_forms
from tests.core.retrieval import index_hits, party_hits, sample_entries, v2_score

THRESHOLD = 0.8
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("written", "pinyin"),
    [
        ("HSI Chin-p'ing", "xi jinping"),  # the apostrophe marks aspiration
        ("Hsi Chin-ping", "xi jinping"),  # mostly left out: both readings
        ("MAO Tse-tung", "mao zedong"),
        ("Chiang Ching-kuo", "jiang jingguo"),
        ("Teng Hsiao-p’ing", "deng xiaoping"),
        ("WEI, Hsueh Lung", "wei xue long"),
        ("Lü Hsiu-lien", "lv xiulian"),
        ("LAO, Szu", "lao si"),
        ("Ch'ua Li", "chua li"),  # pypinyin's table writes this one ch`ua
    ],
)
def test_wade_giles_names_read_in_pinyin(written: str, pinyin: str) -> None:
    forms = wade_giles_forms(written)
    assert pinyin in forms and len(forms) <= MAX_READINGS


def test_an_apostrophe_keeps_the_aspirated_readings_alone() -> None:
    # ch'u is chu or qu, never ju or zhu; chun without one may be any of four
    assert {f.split()[0] for f in wade_giles_forms("Ch'u Chun")} == {"chu", "qu"}


@pytest.mark.parametrize(
    "name",
    [
        "Wang Wei",  # pinyin: every syllable a pinyin one
        "Chang Wei",  # Wade-Giles or pinyin alike: read as written
        "Kim Jong Un",  # kim is no Wade-Giles syllable
        "Chan Tai Man",  # Cantonese spelt in syllables both systems have
        "John Smith",
        "Hsu",  # one syllable: no name
        "Hsi Chin-ping Trading Co.",  # a company
        "習近平",
    ],
)
def test_other_names_have_no_reading(name: str) -> None:
    assert wade_giles_forms(name) == ()


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Hsi Chin-ping", "Xi Jinping"),
        ("Mao Tse-tung", "Mao Zedong"),
        ("Xi Jinping", "HSI, Chin-ping"),
        ("Wei Xuelong", "WEI, Hsueh Lung"),
        ("Teng Hsiao-ping", "DENG Xiaoping"),
    ],
)
def test_wade_giles_and_pinyin_names_meet(query: str, listed: str) -> None:
    assert v2_score(query, listed) >= 0.9


def test_the_frozen_table_is_what_the_build_script_makes(tmp_path: Path) -> None:
    out = tmp_path / "wade_giles.json"
    command = [sys.executable, "scripts/build_wade_giles.py", "--out", str(out)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    frozen = (ROOT / "src/clearance/match/data/wade_giles.json").read_text()
    assert json.loads(out.read_text()) == json.loads(frozen)


LISTED = [
    "WEI, Hsueh Lung",
    "HSI, Chin-p'ing",
    "MAO Tse-tung",
    "Deng Xiaoping",
    "Jiang Jingguo",
    "WANG, Chung Lung",
    "CHANG, Chin Sung",
    "LIU Xiaobo",
]
QUERIES = [
    "Wei Xuelong",
    "Xi Jinping",
    "Mao Zedong",
    "Teng Hsiao-ping",
    "Chiang Ching-kuo",
    "Wang Zhonglong",
    "Zhang Jinsong",
    "Liu Hsiao-po",
    "Wei Xue",
    "Li Peng",
]


def test_index_finds_every_reading_hit_brute_force_does() -> None:
    hits = index_hits(sample_entries(LISTED), QUERIES, THRESHOLD)
    assert sum(1 for found in hits if found) >= 7


def test_party_index_finds_reading_hits() -> None:
    assert party_hits(sample_entries(LISTED), QUERIES, THRESHOLD) >= 7
