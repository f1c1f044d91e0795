"""Share measurement: high-risk-vendor units / all units per provider and segment on a date.

The unit is a setting. ``sites`` (default): a site counts once per provider x network x function
when it has in-service equipment there, and as high-risk when any of that equipment is from a
vendor in the set. ``equipment``: every in-service inventory row counts. Equipment is in
service on D when ``installed_on <= D`` and (``removed_on`` is empty or ``removed_on > D``).
Counts are always per provider; nothing is aggregated across providers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from clearance.errors import InputError
from clearance.hrv.inventory import Inventory

UNITS = ("sites", "equipment")
SEGMENT = ("provider", "network", "function")


@dataclass(frozen=True)
class Count:
    """High-risk units and all units in one segment; ``share`` is in [0, 1]."""

    hrv: int
    total: int

    @property
    def share(self) -> float:
        return self.hrv / self.total if self.total else 0.0


def in_service(table: pa.Table, on: dt.date) -> pa.Array:
    """Boolean mask of rows in service on ``on``."""
    d = pa.scalar(on, pa.date32())
    installed = pc.less_equal(table.column("installed_on"), d)
    removed = table.column("removed_on")
    still = pc.or_kleene(pc.is_null(removed), pc.greater(removed, d))
    return pc.and_(installed, still)


def flag_name(i: int) -> str:
    return f"hrv_{i}"


def units(
    inv: Inventory,
    on: dt.date,
    unit: str,
    vendor_sets: Sequence[frozenset[str]],
    keep_site: bool = False,
) -> pa.Table:
    """The in-service units on ``on`` with one boolean column ``hrv_<i>`` per vendor set.

    Columns: provider, network, function, national_security_site, hrv_0..hrv_n. For ``sites``
    there is one row per provider x network x function x site.
    """
    if unit not in UNITS:
        raise InputError(f"unit must be one of {', '.join(UNITS)}, not {unit!r}")
    t = inv.table.filter(in_service(inv.table, on))
    cols = {c: t.column(c) for c in (*SEGMENT, "site_id", "national_security_site")}
    for i, vs in enumerate(vendor_sets):
        cols[flag_name(i)] = pc.is_in(
            t.column("vendor"), value_set=pa.array(sorted(vs), pa.string())
        )
    rows = pa.table(cols)
    if unit == "equipment":
        return rows if keep_site else rows.drop_columns(["site_id"])
    flags = ["national_security_site", *(flag_name(i) for i in range(len(vendor_sets)))]
    agg = rows.group_by([*SEGMENT, "site_id"], use_threads=True).aggregate(
        [(f, "any") for f in flags]
    )
    agg = agg.rename_columns([f.removesuffix("_any") for f in agg.column_names])
    return agg if keep_site else agg.drop_columns(["site_id"])


def counts(
    unit_table: pa.Table, flag: str, keys: Sequence[str] = SEGMENT
) -> dict[tuple[str, ...], Count]:
    """Count high-risk and all units grouped by ``keys`` (a subset of provider/network/function)."""
    t = unit_table.select([*keys, flag]).set_column(
        len(keys), flag, pc.cast(unit_table.column(flag), pa.int64())
    )
    if not keys:
        total = t.num_rows
        return {(): Count(int(pc.sum(t.column(flag)).as_py() or 0), total)}
    g = t.group_by(list(keys)).aggregate([(flag, "sum"), (flag, "count")])
    key_cols = [g.column(k).to_pylist() for k in keys]
    hrv = g.column(f"{flag}_sum").to_pylist()
    tot = g.column(f"{flag}_count").to_pylist()
    return {
        tuple(str(c[i]) for c in key_cols): Count(int(hrv[i]), int(tot[i]))
        for i in range(g.num_rows)
    }
