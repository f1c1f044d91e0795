"""Inventory reading: typed columns, vendor resolution, every bad row reported by line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from clearance.errors import InputError
from clearance.hrv.inventory import read_inventory
from clearance.hrv.vendors import VendorRegister

HEADER = "provider,network,function,site_id,vendor,installed_on,removed_on\n"


def _write(tmp_path: Path, body: str, header: str = HEADER) -> Path:
    p = tmp_path / "inv.csv"
    p.write_text(header + body, encoding="utf-8")
    return p


@pytest.mark.parametrize(
    ("name", "vendor"),
    [
        ("HUAWEI TECH. CO", "huawei"),
        ("Huawei Technologies Co., Ltd.", "huawei"),
        ("Huawei Technologies (UK) Co., Ltd.", "huawei"),
        ("HiSilicon", "huawei"),
        ("ZTE Corporation", "zte"),
        ("Ericsson AB", "ericsson"),
        ("NOKIA", "nokia"),
    ],
)
def test_vendor_names_resolve(register: VendorRegister, name: str, vendor: str) -> None:
    assert register.resolve(name) == vendor


def test_unknown_and_ambiguous_vendors_do_not_resolve(register: VendorRegister) -> None:
    assert register.resolve("Acme Radio Ltd") is None
    assert register.resolve("Huawei Ericsson joint venture") is None


def test_reads_typed_columns(tmp_path: Path, register: VendorRegister) -> None:
    p = _write(
        tmp_path,
        "A,5g,Access,s1,HUAWEI TECH. CO,2019-01-01,\nA,5G,access,s2,Nokia,2019-01-01,2021-03-04\n",
    )
    inv = read_inventory(p, register)
    t = inv.table
    assert len(inv) == 2
    assert t.column("network").to_pylist() == ["5G", "5G"]
    assert t.column("function").to_pylist() == ["access", "access"]
    assert t.column("vendor").to_pylist() == ["huawei", "nokia"]
    assert t.column("removed_on").to_pylist() == [None, dt.date(2021, 3, 4)]
    assert t.column("national_security_site").to_pylist() == [False, False]


def test_bad_rows_reported_with_line_numbers(tmp_path: Path, register: VendorRegister) -> None:
    p = _write(
        tmp_path,
        "A,5G,access,s1,Huawei,2019-01-01,\n"  # line 2 ok
        "A,6G,access,s2,Huawei,2019-01-01,\n"  # line 3 unknown network
        "A,5G,access,s3,Huawei,2020-01-01,2019-01-01\n"  # line 4 dates out of order
        "A,5G,access,s4,Acme Radio,2019-01-01,\n"  # line 5 unknown vendor
        "A,5G,access,s5,Nokia,2019-02-30,\n"  # line 6 impossible date
        "A,5G,,s6,Nokia,2019-01-01,\n",  # line 7 empty function
    )
    with pytest.raises(InputError) as exc:
        read_inventory(p, register)
    msg = str(exc.value)
    assert f"{p}:3: network '6G'" in msg
    assert f"{p}:4: removed_on is before installed_on" in msg
    assert f"{p}:5: vendor 'Acme Radio' is not a known vendor" in msg
    assert f"{p}:6: installed_on '2019-02-30' is not a date" in msg
    assert f"{p}:7: function ''" in msg
    assert f"{p}:2:" not in msg
    assert "5 problem(s)" in msg


def test_purchase_after_installation_is_an_error(tmp_path: Path, register: VendorRegister) -> None:
    p = _write(
        tmp_path,
        "A,5G,access,s1,Huawei,2019-01-01,,2019-02-01\n",
        HEADER.strip() + ",purchased_on\n",
    )
    with pytest.raises(InputError, match=r":2: purchased_on is after installed_on"):
        read_inventory(p, register)


def test_missing_column_is_an_error(tmp_path: Path, register: VendorRegister) -> None:
    p = _write(
        tmp_path,
        "A,5G,access,s1,Huawei,2019-01-01\n",
        "provider,network,function,site_id,vendor,installed_on\n",
    )
    with pytest.raises(InputError, match=r"inv.csv:1: missing column\(s\): removed_on"):
        read_inventory(p, register)


def test_unsupported_suffix(tmp_path: Path, register: VendorRegister) -> None:
    p = tmp_path / "inv.xlsx"
    p.write_text("x")
    with pytest.raises(InputError, match="csv or .parquet"):
        read_inventory(p, register)


def test_parquet_matches_csv_and_reports_rows(tmp_path: Path, register: VendorRegister) -> None:
    data = {
        "provider": ["A", "A"],
        "network": ["5G", "full_fibre"],
        "function": ["access", "access"],
        "site_id": ["s1", "s2"],
        "vendor": ["Huawei", "Ericsson"],
        "installed_on": pa.array([dt.date(2019, 1, 1), dt.date(2019, 1, 1)]),
        "removed_on": pa.array([None, dt.date(2022, 1, 1)], pa.date32()),
        "national_security_site": [True, False],
    }
    pq.write_table(pa.table(data), tmp_path / "inv.parquet")
    inv = read_inventory(tmp_path / "inv.parquet", register)
    assert inv.table.column("vendor").to_pylist() == ["huawei", "ericsson"]
    assert inv.table.column("national_security_site").to_pylist() == [True, False]
    assert inv.table.column("removed_on").to_pylist() == [None, dt.date(2022, 1, 1)]
    data["network"] = ["5G", "6G"]
    pq.write_table(pa.table(data), tmp_path / "bad.parquet")
    with pytest.raises(InputError, match=r"bad.parquet:2: network '6G'"):
        read_inventory(tmp_path / "bad.parquet", register)
