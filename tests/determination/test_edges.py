"""Edges the golden table names only in prose: dates past verified data, same-day listing."""

from __future__ import annotations

from typing import Any

from clearance.determination import determine, us_ruleset
from clearance.determination.cases import _sample
from clearance.determination.law import US_LAW
from clearance.rules.cases import case_files, load_case_file

HUAWEI = {"name": "Huawei Technologies Co., Ltd.", "country": "CN", "role": "end_user"}


def ask(day: str, **extra: Any) -> dict[str, Any]:
    q: dict[str, Any] = {
        "date": day,
        "destination": "CN",
        "parties": [HUAWEI],
        "item": {"type": "commodity", "eccn": "EAR99"},
        "activity": {"kind": "export"},
        **extra,
    }
    return determine(q, us_ruleset(), _sample).as_dict()


def test_unsure_cases_carry_the_uncertainty_into_the_output() -> None:
    """A case marked UNSURE must expect (and so check) ``unsure: true`` in the decision."""
    for path in case_files(US_LAW):
        for case in load_case_file(path).cases:
            assert bool(case.unsure) == bool(case.expect.get("unsure")), case.id


def test_same_day_as_first_huawei_listing_is_indeterminate() -> None:
    d = ask("2019-05-16")
    assert d["outcome"] == "MANUAL_REVIEW"
    assert any("time of day" in r for r in d["manual_review_reasons"])
    assert ask("2019-05-17")["outcome"] == "LICENSE_REQUIRED"


def test_date_past_verified_rule_data_is_manual_review() -> None:
    d = ask("2027-03-01")
    assert d["outcome"] == "MANUAL_REVIEW"
    assert any("verified only through" in r for r in d["manual_review_reasons"])


def test_affiliates_rule_after_its_suspension_end_is_not_guessed() -> None:
    owned = [{"name": "Shenzhen Acme Widgets Co", "country": "CN",
              "owned_by": [{"name": "Huawei Technologies Co., Ltd.", "percent": 60}]}]  # fmt: skip
    d = ask("2026-11-20", parties=owned)
    assert d["outcome"] == "MANUAL_REVIEW" and d["license_required"] is None
    assert any("affiliates rule status after 2026-11-09" in r for r in d["manual_review_reasons"])


def test_before_modelled_coverage_is_manual_review() -> None:
    d = ask("2018-06-01")
    assert d["outcome"] == "MANUAL_REVIEW"
    assert any("coverage" in r for r in d["manual_review_reasons"])
