"""CI subset of the screening benchmark: deterministic quality floors for our matcher.

Every floor is the figure the default matcher (name-v2, measured on 2026-11-27 with the
quick pools of ``python -m benchmarks.run --quick``) achieved minus a small margin (about
0.03; 0.05 for classes with fewer than 60 cases), never above the measured figure; the
name-v1 floors they replace were lower everywhere. A failing floor means a regression:
look at the suite's ``errors`` in the JSON result before lowering anything.
"""

from __future__ import annotations

import pytest
from benchmarks.common import default_threshold, ours_pair_score
from benchmarks.peers import load_peers
from benchmarks.quality import cross_script, name_bench, robustness
from benchmarks.quality.pairs import score_cases, score_pairs

OURS, _ = load_peers(["ours"])

# measured 0.8428 F1 and 0.8165 recall at P>=0.90 (name-v2, 2026-11-28)
NAME_BENCH_F1 = 0.82
NAME_BENCH_RECALL_AT_P90 = 0.79
# quick cross-script set: measured recall 0.915, precision 1.0 (name-v2 with script forms)
CROSS_SCRIPT_RECALL = 0.88
CROSS_SCRIPT_PRECISION = 0.95
# robustness (quick pool): recall floors per class, measured minus margin
CLASS_RECALL = {
    "diacritics_expand": 0.97,
    "double_collapse": 0.95,
    "homoglyph": 0.97,
    "initials": 0.97,
    "invisible_char": 0.97,
    "middle_name": 0.95,
    "name_order": 0.97,
    "ocr": 0.97,
    "org_company_word_order": 0.95,
    "org_homoglyph": 0.97,
    "org_legal_form": 0.95,
    "org_punctuation": 0.97,
    "org_typo": 0.97,
    "particle": 0.97,
    "phonetic": 0.95,
    "punctuation": 0.97,
    "script_arabic": 0.93,
    "script_cyrillic": 0.85,
    "script_han": 0.88,
    "script_hangul": 0.95,
    "title_affix": 0.97,
    "token_drop": 0.95,
    "translit": 0.95,
    "transpose": 0.95,
    "truncate": 0.95,
    "typo": 0.97,
    "vowel_drop": 0.97,
}
# false-alert ceilings per synthetic negative class, measured plus margin
NEGATIVE_CEILING = {  # name-v2 measured 0.036, 0.0, 0.0, 0.0, 0.067
    "neg:company_swap": 0.07,
    "neg:cross_pair": 0.03,
    "neg:edit_beyond": 0.03,
    "neg:script_swap": 0.03,
    "neg:token_swap": 0.07,
}


def test_ours_pair_score_is_the_matcher_on_both_variants() -> None:
    assert ours_pair_score("Huawei Technologies Co., Ltd.", "HUAWEI TECHNOLOGIES CO LTD") >= 0.98
    assert ours_pair_score("Angela Merkel", "Olaf Scholz") < default_threshold()


def test_name_bench_floor() -> None:
    pairs = name_bench.load()
    assert len(pairs) == 826 and sum(p.label for p in pairs) == 425
    result = score_pairs(pairs, OURS)["ours"]
    assert result["threshold"] == default_threshold()
    assert result["f1"] >= NAME_BENCH_F1, result["errors"]
    assert result["recall_at_p90"] >= NAME_BENCH_RECALL_AT_P90


def test_cross_script_floor() -> None:
    result = score_cases(cross_script.build(quick=True), OURS)["ours"]
    assert result["recall"] >= CROSS_SCRIPT_RECALL, result["errors"]["misses"]
    assert result["precision"] >= CROSS_SCRIPT_PRECISION, result["errors"]["false_alerts"]
    assert result["groups"]["un:cyrillic"]["recall"] >= 0.9


@pytest.fixture(scope="module")
def robustness_result() -> dict[str, object]:
    cases = robustness.build(quick=True)
    assert cases == robustness.build(quick=True), "generation must be deterministic"
    return score_cases(cases, OURS)["ours"]


@pytest.mark.parametrize("cls", sorted(CLASS_RECALL))
def test_robustness_class_recall(robustness_result: dict[str, object], cls: str) -> None:
    groups = robustness_result["groups"]
    assert isinstance(groups, dict)
    assert groups[cls]["n"] >= 10
    assert groups[cls]["recall"] >= CLASS_RECALL[cls]


@pytest.mark.parametrize("cls", sorted(NEGATIVE_CEILING))
def test_robustness_false_alerts(robustness_result: dict[str, object], cls: str) -> None:
    groups = robustness_result["groups"]
    assert isinstance(groups, dict)
    assert groups[cls]["n"] >= 20
    assert groups[cls]["false_alert_rate"] <= NEGATIVE_CEILING[cls]
