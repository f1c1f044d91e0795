"""``clearance hrv report|timeline|plan`` end to end, through the real entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from clearance.hrv.synthetic import write_inventory


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    code = "from clearance.cli import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, "hrv", *args], capture_output=True, text=True, timeout=120
    )


@pytest.fixture(scope="module")
def inventory(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_inventory(tmp_path_factory.mktemp("cli") / "inv.csv", 3_000, 150, seed=5)


def test_report_json(inventory: Path) -> None:
    res = _run("report", "--inventory", str(inventory), "--as-of", "2024-01-15", "--json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["as_of"] == "2024-01-15" and data["unit"] == "sites"
    assert {p["provider"] for p in data["providers"]} >= {"Alpha Mobile", "Beacon Telecom"}
    for p in data["providers"]:
        binding_breach = any(f["binding"] and f["status"] == "non_compliant" for f in p["findings"])
        assert p["compliant"] is (not binding_breach)


def test_report_table(inventory: Path) -> None:
    res = _run("report", "--inventory", str(inventory), "--as-of", "2020-03-01")
    assert res.returncode == 0, res.stderr
    assert "Alpha Mobile on 2020-03-01" in res.stdout and "not legal advice" in res.stdout


def test_bad_inventory_exits_2_with_line(tmp_path: Path) -> None:
    p = tmp_path / "bad.csv"
    p.write_text(
        "provider,network,function,site_id,vendor,installed_on,removed_on\n"
        "A,5G,access,s1,Acme Radio,2019-01-01,\n",
        encoding="utf-8",
    )
    res = _run("report", "--inventory", str(p), "--as-of", "2024-01-01")
    assert res.returncode == 2
    assert "bad.csv:2:" in res.stderr and "Acme Radio" in res.stderr


def test_bad_date_exits_2(inventory: Path) -> None:
    res = _run("report", "--inventory", str(inventory), "--as-of", "2024-13-01")
    assert res.returncode == 2 and "--as-of" in res.stderr


def test_timeline_svg(inventory: Path, tmp_path: Path) -> None:
    out = tmp_path / "chart.svg"
    res = _run(
        "timeline",
        "--inventory",
        str(inventory),
        "--from",
        "2020-01-01",
        "--to",
        "2028-06-30",
        "--output",
        str(out),
    )
    assert res.returncode == 0, res.stderr
    assert out.read_text(encoding="utf-8").startswith("<svg")


def test_plan_json(inventory: Path) -> None:
    res = _run(
        "plan", "--inventory", str(inventory), "--capacity", "2", "--as-of", "2023-01-01", "--json"
    )
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["capacity_sites_per_month"] == 2
    for p in data["providers"]:
        assert p["feasible"] == all(t["met"] for t in p["deadlines"])
