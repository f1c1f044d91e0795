"""Every golden EAR case under law/us is one pytest item (as in `clearance law test`)."""

from __future__ import annotations

import pytest

from clearance.determination.law import US_LAW, us_ruleset
from clearance.rules import case_files, load_case_file, run_case
from clearance.rules.cases import resolve_evaluator

CASES = [
    (cf.evaluator, c) for p in case_files(US_LAW) for cf in [load_case_file(p)] for c in cf.cases
]


@pytest.mark.parametrize(("evaluator", "case"), CASES, ids=[c.id for _, c in CASES])
def test_golden(evaluator: str, case: object) -> None:
    result = run_case(case, resolve_evaluator(evaluator), us_ruleset())  # type: ignore[arg-type]
    assert result.passed, f"{case.path}:{case.line}: {result.failures}"  # type: ignore[attr-defined]


def test_history_of_one_question() -> None:
    """Acceptance: the same 5G standards question on different dates."""
    from clearance.determination import determine
    from clearance.determination.cases import _sample

    q = {
        "destination": "CN",
        "parties": [{"name": "Huawei Technologies Co., Ltd.", "country": "CN", "role": "end_user"}],
        "item": {"type": "technology", "eccn": "EAR99"},
        "activity": {"kind": "release", "purpose": "standards_development",
                     "standards_body": {"name": "3GPP", "recognized": True, "topic": "5G"}},
    }  # fmt: skip
    want = {"2019-06-01": False, "2019-09-15": True, "2020-06-20": False}
    for day, required in want.items():
        d = determine({**q, "date": day}, us_ruleset(), _sample).as_dict()
        assert d["license_required"] is required, day
        assert d["rules_version"]["sha256"] and d["lists"] and d["notice"]
    sw = {**q, "item": {"type": "software", "eccn": "EAR99"}}
    assert determine({**sw, "date": "2020-06-20"}, us_ruleset(), _sample).license_required is True
    assert determine({**sw, "date": "2022-10-01"}, us_ruleset(), _sample).license_required is False
