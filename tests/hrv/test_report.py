"""Report JSON shape and the meaning of ``compliant`` and ``binding``."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from clearance.hrv.cases import row_dict as row
from clearance.hrv.evaluate import evaluate
from clearance.hrv.inventory import Inventory
from clearance.hrv.vendors import VendorRegister
from clearance.rules import RuleSet

Reader = Callable[[list[dict[str, Any]]], Inventory]
FINDING_KEYS = {
    "requirement",
    "status",
    "binding",
    "network",
    "function",
    "share",
    "cap",
    "deadline",
    "citation",
}


def _segment(n: int, hrv: int, **kw: Any) -> list[dict[str, Any]]:
    return [row(site=f"s{i}", vendor="Huawei" if i < hrv else "Nokia", **kw) for i in range(n)]


def test_json_shape(read_rows: Reader, register: VendorRegister, ruleset: RuleSet) -> None:
    inv = read_rows(_segment(10, 4) + _segment(4, 1, function="core", provider="B"))
    data = json.loads(json.dumps(evaluate(inv, dt.date(2024, 1, 15), register).as_dict()))
    assert data["as_of"] == "2024-01-15" and data["unit"] == "sites"
    assert data["law"]["name"] == "uk-hrv" and len(data["law"]["sha256"]) == 64
    assert [p["provider"] for p in data["providers"]] == ["A", "B"]
    for p in data["providers"]:
        assert isinstance(p["compliant"], bool)
        for f in p["findings"]:
            assert set(f) >= FINDING_KEYS
            assert f["status"] in ("compliant", "non_compliant")
            assert f["citation"]
    a = {f["requirement"]: f for f in data["providers"][0]["findings"]}
    d5 = a["uk.hrv.dvd.d5_5g_access_cap"]
    assert (d5["status"], d5["binding"], d5["share"], d5["cap"], d5["deadline"]) == (
        "non_compliant",
        True,
        0.4,
        0.35,
        "2023-07-31",
    )
    assert a["uk.hrv.dvd.d8_5g_exit"]["status"] == "compliant"
    assert a["uk.hrv.dvd.d8_5g_exit"]["in_force"] is False
    b = {f["requirement"]: f for f in data["providers"][1]["findings"]}
    assert b["uk.hrv.dvd.d2_core"]["status"] == "non_compliant"
    assert data["providers"][0]["compliant"] is False and data["providers"][1]["compliant"] is False
    assert any("2023-07-31" in u for u in data["unsure"])


def test_compliant_is_false_exactly_for_binding_breaches(
    read_rows: Reader, register: VendorRegister
) -> None:
    inv = read_rows(_segment(10, 5))  # 50 % Huawei in 5G access
    for on, compliant, level in [
        (dt.date(2020, 3, 1), True, "advice"),  # NCSC cap: breach, not binding
        (dt.date(2023, 3, 1), True, None),  # DVD cap not yet in force
        (dt.date(2023, 8, 1), False, "law"),  # DVD cap binds from 2023-08-01
    ]:
        p = evaluate(inv, on, register).provider("A")
        breaches = [f for f in p.findings if f.breached]
        assert p.compliant is compliant
        assert p.compliant == (not any(f.binding for f in breaches))
        assert {f.level for f in breaches} == ({level} if level else set())


def test_equipment_unit(read_rows: Reader, register: VendorRegister) -> None:
    rows = _segment(10, 3) + [row(site="s0", vendor="Huawei", equipment=f"x{i}") for i in range(5)]
    sites = evaluate(read_rows(rows), dt.date(2024, 1, 1), register, "sites").provider("A")
    kit = evaluate(read_rows(rows), dt.date(2024, 1, 1), register, "equipment").provider("A")
    d5 = "uk.hrv.dvd.d5_5g_access_cap"
    assert next(f for f in sites.findings if f.requirement == d5).share == 0.3
    assert next(f for f in kit.findings if f.requirement == d5).share == 8 / 15
    assert sites.compliant and not kit.compliant
