"""A store holding the full 2022-05 CSL (14,160 entries) and its screener, built once."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.screening import Screener
from clearance.sources import parse_paths
from clearance.store import open_store

CSL = "us_trade_csl_consolidated_2022-05.csv.gz"


@pytest.fixture(scope="session")
def store_url(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = shared_dir / CSL
    if not path.is_file():
        pytest.skip(f"{CSL} missing from {shared_dir}")
    url = f"sqlite:///{tmp_path_factory.mktemp('spark-store') / 'store.db'}"
    store = open_store(url)
    for parsed in parse_paths([path]):
        store.import_parsed(parsed)
    return url


@pytest.fixture(scope="session")
def screener(store_url: str) -> Screener:
    return Screener.from_store(open_store(store_url))
