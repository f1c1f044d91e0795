"""A service over a fresh store (SQLite and PostgreSQL) with the SAMPLE list and one key a role."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient

from clearance.screening import sample_list_path
from clearance.service import create_app
from clearance.service.keys import create_key
from clearance.sources import parse_paths
from clearance.store import Store, open_store

HUAWEI = "Huawei Technologies Co., Ltd."


@dataclass
class Env:
    client: TestClient
    store: Store
    keys: dict[str, str]

    def auth(self, role: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.keys[role]}"}


@pytest.fixture
def env(store_url: str) -> Iterator[Env]:
    store = open_store(store_url)
    store.import_parsed(parse_paths([sample_list_path()])[0])
    keys = {
        role: create_key(store.engine, role, role)[1] for role in ("screener", "reviewer", "admin")
    }
    with TestClient(create_app(store), raise_server_exceptions=False) as client:
        yield Env(client, store, keys)
    store.engine.dispose()
