"""A synthetic operator inventory (fixed seed) for the benchmark, the chart demo and tests.

Sites belong to one provider; each site carries some networks and functions, each with a few
equipment rows from one vendor. Part of the Huawei equipment is swapped out over 2020-2027
(``removed_on`` set and a replacement row from another vendor installed the same day), so
shares fall over time the way an operator's removal programme would make them fall.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from clearance.hrv.inventory import OPTIONAL, REQUIRED

PROVIDERS = {
    "Alpha Mobile": 0.42,
    "Beacon Telecom": 0.30,
    "Cobalt Fibre": 0.38,
    "Delta Networks": 0.0,
}
HUAWEI_SPELLINGS = (
    "Huawei",
    "HUAWEI TECH. CO",
    "Huawei Technologies Co., Ltd.",
    "Huawei Technologies (UK) Co., Ltd.",
)
OTHERS = (
    "Ericsson",
    "Ericsson AB",
    "NOKIA",
    "Nokia Solutions and Networks",
    "Samsung",
    "Cisco Systems",
    "Ciena",
)
REPLACEMENT_FACTOR = 1.24
SEGMENTS = (
    ("5G", "access", 0.8),
    ("4G", "access", 0.9),
    ("full_fibre", "access", 0.25),
    ("5G", "core", 0.01),
    ("4G", "core", 0.01),
    ("other", "transmission", 0.03),
)


def _day(rng: random.Random, a: dt.date, b: dt.date) -> dt.date:
    return a + dt.timedelta(days=rng.randrange((b - a).days + 1))


def generate_rows(rows: int = 20_000, sites: int = 1_000, seed: int = 7) -> dict[str, list[object]]:
    """Roughly ``rows`` equipment rows over ``sites`` sites, as columns."""
    rng = random.Random(seed)
    cols: dict[str, list[object]] = {c: [] for c in (*REQUIRED, *OPTIONAL)}
    # about a quarter of the segments get a replacement row per removed row
    per_segment = rows / (sites * sum(p for *_, p in SEGMENTS) * REPLACEMENT_FACTOR)
    names = list(PROVIDERS)
    for s in range(sites):
        prov = names[s % len(names)]
        ns = rng.random() < 0.01
        for net, fn, p in SEGMENTS:
            if rng.random() >= p:
                continue
            huawei = rng.random() < PROVIDERS[prov] * (0.5 if fn != "access" else 1.0)
            installed = _day(rng, dt.date(2015, 1, 1), dt.date(2019, 12, 31))
            removal = _day(rng, dt.date(2020, 6, 1), dt.date(2028, 3, 31)) if huawei else None
            if removal and rng.random() < 0.12:
                removal = None  # laggards keep their kit
            n = int(per_segment) + (rng.random() < per_segment % 1)
            for k in range(max(1, n + rng.randint(-2, 2))):
                vendor = rng.choice(HUAWEI_SPELLINGS) if huawei else rng.choice(OTHERS)
                _add(cols, prov, net, fn, f"S{s:06d}", vendor, installed, removal, ns, f"eq-{k}")
                if removal:
                    _add(
                        cols,
                        prov,
                        net,
                        fn,
                        f"S{s:06d}",
                        rng.choice(OTHERS),
                        removal,
                        None,
                        ns,
                        f"new-{k}",
                    )
    return cols


def _add(
    cols: dict[str, list[object]],
    prov: str,
    net: str,
    fn: str,
    site: str,
    vendor: str,
    installed: dt.date,
    removed: dt.date | None,
    ns: bool,
    equipment: str,
) -> None:
    row = {
        "provider": prov,
        "network": net,
        "function": fn,
        "site_id": site,
        "vendor": vendor,
        "installed_on": installed.isoformat(),
        "removed_on": removed.isoformat() if removed else "",
        "purchased_on": (installed - dt.timedelta(days=30)).isoformat(),
        "national_security_site": "true" if ns else "false",
        "sanctions_affected": "false",
        "equipment": equipment,
    }
    for k, v in row.items():
        cols[k].append(v)


def write_inventory(path: Path, rows: int = 20_000, sites: int = 1_000, seed: int = 7) -> Path:
    """Write a synthetic inventory as CSV or Parquet (by suffix)."""
    table = pa.table(
        {k: pa.array(v, pa.string()) for k, v in generate_rows(rows, sites, seed).items()}
    )
    if path.suffix.lower() in (".parquet", ".pq"):
        pq.write_table(table, path)
    else:
        pacsv.write_csv(table, path)
    return path
