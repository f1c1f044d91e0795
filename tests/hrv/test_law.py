"""The UK HRV rule data: loads strictly, every requirement dated, cited and marked binding."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from clearance.errors import RuleDataError
from clearance.hrv.requirements import LAW_ROOT, in_force_on, requirement_rules
from clearance.hrv.vendors import VendorRegister
from clearance.rules import RuleSet, load_ruleset


def test_every_requirement_is_cited_and_binding_is_stated(ruleset: RuleSet) -> None:
    rules = requirement_rules(ruleset)
    assert len(rules) == 15
    for rule in rules:
        for v in rule.versions:
            assert v.citations and v.values["binding"] in ("advice", "policy", "law")


def test_dvd_binds_and_earlier_instruments_do_not(ruleset: RuleSet) -> None:
    before = in_force_on(ruleset, dt.date(2021, 6, 1))
    after = in_force_on(ruleset, dt.date(2022, 10, 13))
    assert before and not any(r.binding for r in before)
    assert {r.id for r in after} == {r.id for r in requirement_rules(ruleset) if ".dvd." in r.id}
    assert all(r.binding for r in after)
    assert in_force_on(ruleset, dt.date(2019, 12, 31)) == []


def test_deadlines(ruleset: RuleSet) -> None:
    want = {
        "d2_core": "2023-12-31",
        "d3_national_security_sites": "2023-01-28",
        "d4_full_fibre_access_cap": "2023-10-31",
        "d5_5g_access_cap": "2023-07-31",
        "d7_transmission": "2025-12-31",
        "d8_5g_exit": "2027-12-31",
    }
    got = {
        r.id.rsplit(".", 1)[1]: r.deadline.isoformat()
        for r in in_force_on(ruleset, dt.date(2023, 1, 1))
        if r.deadline
    }
    assert got == want
    unsure = {
        r.id.rsplit(".", 1)[1]
        for r in in_force_on(ruleset, dt.date(2023, 1, 1))
        if r.version.unsure
    }
    assert {"d5_5g_access_cap", "d7_transmission"} <= unsure


def test_vendor_status_is_dated(register: VendorRegister) -> None:
    assert register.members("high_risk", dt.date(2020, 1, 27)) == frozenset()
    assert register.members("high_risk", dt.date(2020, 1, 28)) == {"huawei", "zte"}
    assert register.members("designated", dt.date(2022, 10, 12)) == frozenset()
    assert register.members("designated", dt.date(2022, 10, 13)) == {"huawei"}


@pytest.fixture
def law_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(LAW_ROOT, tmp_path / "uk"))


def test_unknown_vendor_id_in_status_rule(law_copy: Path) -> None:
    f = law_copy / "hrv" / "high_risk_vendors.yml"
    f.write_text(f.read_text().replace("[huawei, zte]", "[huawei, zte, acme]"))
    with pytest.raises(RuleDataError, match="'acme' is not in uk.hrv.vendor_register"):
        VendorRegister(load_ruleset(law_copy))


def test_unknown_key_names_file_and_line(law_copy: Path) -> None:
    f = law_copy / "hrv" / "dvd_d2_core.yml"
    lines = f.read_text().splitlines()
    at = next(i for i, x in enumerate(lines) if x.strip() == "cap: 0.0")
    lines.insert(at, "      cap_percent: 0")
    f.write_text("\n".join(lines) + "\n")
    with pytest.raises(RuleDataError) as exc:
        load_ruleset(law_copy)
    assert "dvd_d2_core.yml" in str(exc.value) and "cap_percent" in str(exc.value)
    assert exc.value.line is not None
