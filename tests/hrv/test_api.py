"""The HRV routes on a FastAPI app with the service's error handlers."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI, HTTPException, Request

from clearance.hrv.synthetic import write_inventory

pytest.importorskip("fastapi.testclient")
from fastapi.testclient import TestClient  # noqa: E402

from clearance.hrv.api import make_router  # noqa: E402


def _key(request: Request) -> None:
    if request.headers.get("authorization") != "Bearer k":
        raise HTTPException(401, "missing key")


@pytest.fixture(scope="module")
def client() -> TestClient:
    app = FastAPI()
    try:
        from clearance.service import errors
    except ModuleNotFoundError:  # service layer absent: plain FastAPI errors
        errors = None
    if errors is not None:
        errors.install(app)
    app.include_router(make_router(_key, _key))
    return TestClient(app, headers={"authorization": "Bearer k"}, raise_server_exceptions=False)


@pytest.fixture(scope="module")
def inventory(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return write_inventory(tmp_path_factory.mktemp("api") / "i.csv", 2_000, 100, 9).read_bytes()


def test_report(client: TestClient, inventory: bytes) -> None:
    res = client.post(
        "/v1/hrv/report", files={"inventory": ("inv.csv", inventory)}, data={"as_of": "2024-01-15"}
    )
    assert res.status_code == 200, res.text
    body = res.json()
    assert body["as_of"] == "2024-01-15" and body["providers"]


def test_timeline_svg(client: TestClient, inventory: bytes) -> None:
    res = client.post(
        "/v1/hrv/timeline",
        files={"inventory": ("inv.csv", inventory)},
        data={"start": "2020-01-01", "end": "2028-06-30"},
    )
    assert res.status_code == 200 and res.headers["content-type"].startswith("image/svg+xml")
    assert res.text.startswith("<svg")


def test_plan(client: TestClient, inventory: bytes) -> None:
    res = client.post(
        "/v1/hrv/plan",
        files={"inventory": ("inv.csv", inventory)},
        data={"capacity": "5", "as_of": "2023-01-01"},
    )
    assert res.status_code == 200 and "providers" in res.json()


def test_page(client: TestClient, inventory: bytes) -> None:
    assert "<form" in client.get("/hrv").text
    res = client.post(
        "/hrv", files={"inventory": ("inv.csv", inventory)}, data={"as_of": "2024-01-15"}
    )
    assert res.status_code == 200 and "<svg" in res.text and "Alpha Mobile" in res.text


def test_bad_inventory_is_422_with_line(client: TestClient) -> None:
    bad = (
        b"provider,network,function,site_id,vendor,installed_on,removed_on\n"
        b"A,6G,access,s,Nokia,2019-01-01,\n"
    )
    res = client.post(
        "/v1/hrv/report", files={"inventory": ("inv.csv", bad)}, data={"as_of": "2024-01-15"}
    )
    assert res.status_code == 422
    assert ":2: network '6G'" in res.text


def test_key_required(inventory: bytes, client: TestClient) -> None:
    res = client.post(
        "/v1/hrv/report",
        files={"inventory": ("inv.csv", inventory)},
        data={"as_of": "2024-01-15"},
        headers={"authorization": ""},
    )
    assert res.status_code == 401


def test_unsupported_upload(client: TestClient, tmp_path: Path) -> None:
    res = client.post(
        "/v1/hrv/report", files={"inventory": ("inv.xlsx", b"x")}, data={"as_of": "2024-01-15"}
    )
    assert res.status_code == 422
