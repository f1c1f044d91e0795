"""Shared fixtures for the HRV tests: the real UK law folder and a CSV writer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from clearance.hrv.cases import write_csv
from clearance.hrv.inventory import Inventory, read_inventory
from clearance.hrv.requirements import load_law
from clearance.hrv.vendors import VendorRegister
from clearance.rules import RuleSet


@pytest.fixture(scope="session")
def ruleset() -> RuleSet:
    return load_law()


@pytest.fixture(scope="session")
def register(ruleset: RuleSet) -> VendorRegister:
    return VendorRegister(ruleset)


Reader = Callable[[list[dict[str, Any]]], Inventory]


@pytest.fixture
def read_rows(tmp_path: Path, register: VendorRegister) -> Reader:
    """Write rows to a CSV in tmp_path and read them back with the real reader."""
    counter = iter(range(10**6))

    def read(rows: list[dict[str, Any]]) -> Inventory:
        path = write_csv(rows, tmp_path / f"inv{next(counter)}.csv")
        return read_inventory(path, register)

    return read
