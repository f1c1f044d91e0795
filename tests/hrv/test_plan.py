"""The removal plan meets every binding deadline when capacity allows, else names the shortfall."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from clearance.errors import InputError
from clearance.hrv.cases import row_dict as row
from clearance.hrv.inventory import Inventory
from clearance.hrv.plan import month_end, plan_as_dict, plan_removals
from clearance.hrv.vendors import VendorRegister

Reader = Callable[[list[dict[str, Any]]], Inventory]
START = dt.date(2023, 1, 1)


def _network(read_rows: Reader) -> Inventory:
    access = [row(site=f"a{i:03d}", vendor="Huawei" if i < 50 else "Ericsson") for i in range(100)]
    core = [row(site="c1", function="core"), row(site="c2", function="core", vendor="Nokia")]
    return read_rows(access + core)


def _deadlines(data: dict[str, Any]) -> dict[str, tuple[int, int]]:
    (p,) = data["providers"]
    return {
        t["requirement"].rsplit(".", 1)[1]: (t["sites_needed"], t["short_by_sites"])
        for t in p["deadlines"]
    }


def test_month_slots() -> None:
    assert month_end(START, 0) == dt.date(2023, 1, 31)
    assert month_end(START, 6) == dt.date(2023, 7, 31)
    assert month_end(dt.date(2023, 11, 15), 2) == dt.date(2024, 1, 31)


def test_enough_capacity_meets_every_deadline(read_rows: Reader, register: VendorRegister) -> None:
    data = plan_as_dict(plan_removals(_network(read_rows), 3, register, START), START, 3)
    assert data["feasible"] is True
    assert _deadlines(data) == {
        "d5_5g_access_cap": (15, 0),
        "d2_core": (1, 0),
        "d8_5g_exit": (51, 0),
    }
    schedule = data["providers"][0]["schedule"]
    assert sum(r["sites"] for m in schedule for r in m["removals"]) == 51
    assert all(sum(r["sites"] for r in m["removals"]) <= 3 for m in schedule)
    removed = [s for m in schedule for r in m["removals"] for s in r["site_ids"]]
    assert len(removed) == len(set(removed))


def test_too_little_capacity_names_deadline_and_shortfall(
    read_rows: Reader, register: VendorRegister
) -> None:
    data = plan_as_dict(plan_removals(_network(read_rows), 2, register, START), START, 2)
    assert data["feasible"] is False
    # 15 sites needed by 2023-07-31; 7 months x 2 sites = 14: short by one site
    assert _deadlines(data)["d5_5g_access_cap"] == (15, 1)
    assert _deadlines(data)["d8_5g_exit"] == (51, 0)


def test_passed_deadline_is_overdue(read_rows: Reader, register: VendorRegister) -> None:
    start = dt.date(2024, 2, 1)
    data = plan_as_dict(plan_removals(_network(read_rows), 100, register, start), start, 100)
    assert _deadlines(data)["d2_core"] == (1, 1)


def test_capacity_must_be_positive(read_rows: Reader, register: VendorRegister) -> None:
    with pytest.raises(InputError, match="capacity"):
        plan_removals(_network(read_rows), 0, register, START)
