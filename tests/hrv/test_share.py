"""Share measurement: units, in-service dates, and the three required properties."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pyarrow as pa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clearance.hrv.cases import row_dict as row
from clearance.hrv.evaluate import evaluate
from clearance.hrv.inventory import Inventory
from clearance.hrv.share import counts, units
from clearance.hrv.vendors import VendorRegister
from clearance.rules import RuleSet

Reader = Callable[[list[dict[str, Any]]], Inventory]

HRV = frozenset({"huawei", "zte"})
DAY0 = dt.date(2019, 1, 1)


def _inv(rows: list[dict[str, Any]]) -> Inventory:
    """A typed in-memory inventory (what read_inventory returns) for fast property tests."""
    cols: dict[str, pa.Array] = {
        c: pa.array([r[c] for r in rows], pa.string())
        for c in ("provider", "network", "function", "site_id", "vendor")
    }
    for c in ("installed_on", "removed_on", "purchased_on"):
        cols[c] = pa.array([r.get(c) for r in rows], pa.date32())
    for c in ("national_security_site", "sanctions_affected"):
        cols[c] = pa.array([bool(r.get(c, False)) for r in rows], pa.bool_())
    return Inventory(pa.table(cols), "<memory>", 2)


def _rows_strategy() -> st.SearchStrategy[list[dict[str, Any]]]:
    one = st.fixed_dictionaries(
        {
            "provider": st.sampled_from(["A", "B", "C"]),
            "network": st.sampled_from(["5G", "4G", "full_fibre"]),
            "function": st.sampled_from(["access", "core", "transmission"]),
            "site_id": st.sampled_from([f"s{i}" for i in range(8)]),
            "vendor": st.sampled_from(["huawei", "zte", "ericsson", "nokia"]),
            "installed_on": st.integers(0, 3000).map(lambda d: DAY0 + dt.timedelta(days=d)),
            "removed_after": st.one_of(st.none(), st.integers(0, 3000)),
            "national_security_site": st.booleans(),
        }
    )

    def fix(r: dict[str, Any]) -> dict[str, Any]:
        after = r.pop("removed_after")
        r["removed_on"] = None if after is None else r["installed_on"] + dt.timedelta(days=after)
        return r

    return st.lists(one.map(fix), max_size=40)


DATES = st.integers(0, 3500).map(lambda d: DAY0 + dt.timedelta(days=d))
UNIT = st.sampled_from(["sites", "equipment"])
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_sites_and_equipment_units(read_rows: Reader) -> None:
    inv = read_rows(
        [
            row(site="s1", vendor="Huawei"),
            row(site="s1", vendor="Huawei"),
            row(site="s1", vendor="Nokia"),
            row(site="s2", vendor="Nokia"),
            row(site="s3", vendor="Huawei", removed="2020-01-01"),
        ]
    )
    on = dt.date(2021, 1, 1)
    by_site = counts(units(inv, on, "sites", [HRV]), "hrv_0")[("A", "5G", "access")]
    by_kit = counts(units(inv, on, "equipment", [HRV]), "hrv_0")[("A", "5G", "access")]
    assert (by_site.hrv, by_site.total) == (1, 2)
    assert (by_kit.hrv, by_kit.total) == (2, 4)


def test_in_service_boundaries(read_rows: Reader) -> None:
    inv = read_rows([row(installed="2020-01-10", removed="2020-02-10")])

    def n(d: dt.date) -> int:
        return sum(c.total for c in counts(units(inv, d, "sites", [HRV]), "hrv_0").values())

    assert [
        n(dt.date(2020, 1, 9)),
        n(dt.date(2020, 1, 10)),
        n(dt.date(2020, 2, 9)),
        n(dt.date(2020, 2, 10)),
    ] == [0, 1, 1, 0]


@FAST
@given(rows=_rows_strategy(), on=DATES, unit=UNIT)
def test_share_is_between_0_and_1(rows: list[dict[str, Any]], on: dt.date, unit: str) -> None:
    for c in counts(units(_inv(rows), on, unit, [HRV]), "hrv_0").values():
        assert 0 <= c.hrv <= c.total and 0.0 <= c.share <= 1.0


@FAST
@given(rows=_rows_strategy(), on=DATES, unit=UNIT, pick=st.integers(0, 100), drop=st.booleans())
def test_removing_an_hrv_site_never_raises_the_share(
    rows: list[dict[str, Any]], on: dt.date, unit: str, pick: int, drop: bool
) -> None:
    before = counts(units(_inv(rows), on, unit, [HRV]), "hrv_0")
    hrv_sites = sorted(
        {
            (r["provider"], r["network"], r["function"], r["site_id"])
            for r in rows
            if r["vendor"] in HRV
        }
    )
    if not hrv_sites:
        return
    target = hrv_sites[pick % len(hrv_sites)]
    key = lambda r: (r["provider"], r["network"], r["function"], r["site_id"])  # noqa: E731
    if drop:  # the whole site leaves the segment
        after_rows = [r for r in rows if key(r) != target]
    else:  # its high-risk equipment is swapped out before the date
        after_rows = [r for r in rows if not (key(r) == target and r["vendor"] in HRV)]
    after = counts(units(_inv(after_rows), on, unit, [HRV]), "hrv_0")
    seg = target[:3]
    if seg in before:
        assert (after[seg].share if seg in after else 0.0) <= before[seg].share


@FAST
@given(rows=_rows_strategy(), on=DATES)
def test_one_providers_inventory_never_changes_anothers_result(
    rows: list[dict[str, Any]], on: dt.date, register: VendorRegister, ruleset: RuleSet
) -> None:
    full = evaluate(_inv(rows), on, register, "sites", ruleset)
    for p in full.providers:
        alone = evaluate(
            _inv([r for r in rows if r["provider"] == p.provider]), on, register, "sites", ruleset
        )
        assert alone.provider(p.provider).as_dict() == p.as_dict()
