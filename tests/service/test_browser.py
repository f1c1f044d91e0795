"""The web UI in Debian's chromium (headless, via Playwright): sign in, screen, dismiss, audit.

A screenshot of each page goes to ``test-artifacts/``. Skips when chromium is absent.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from clearance.screening import sample_list_path
from clearance.service import create_app
from clearance.service.keys import create_key
from clearance.sources import parse_paths
from clearance.store import open_store

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
HUAWEI = "Huawei Technologies Co., Ltd."


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A live server on a free loopback port over a SQLite store with the SAMPLE list."""
    import uvicorn

    store = open_store(f"sqlite:///{tmp_path / 'ui.db'}")
    store.import_parsed(parse_paths([sample_list_path()])[0])
    key = create_key(store.engine, "admin", "alice")[1]
    port = _free_port()
    config = uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", key
    srv.should_exit = True
    thread.join(10)


def test_sign_in_screen_dismiss_and_audit(server: tuple[str, str]) -> None:
    if not CHROMIUM.exists():
        print(f"SKIP: {CHROMIUM} not installed (apt-get install -y chromium)")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install -y chromium)")
    pytest.importorskip("playwright", reason="the playwright package is not installed")
    from playwright.sync_api import expect, sync_playwright

    base, key = server
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1366, "height": 800})
        page.set_default_timeout(20000)

        def shot(name: str) -> None:
            page.screenshot(path=str(ARTIFACTS / f"service-{name}.png"), full_page=True)

        page.goto(f"{base}/ui/")
        expect(page).to_have_url(f"{base}/ui/login")
        shot("1-login")
        page.get_by_label("API key").fill(key)
        page.keyboard.press("Enter")  # keyboard only
        expect(page.get_by_role("heading", name="Screen a counterparty")).to_be_visible()
        expect(page.get_by_text("SAMPLE data.")).to_be_visible()
        shot("2-screen")

        page.get_by_label("Name").fill(HUAWEI)
        page.get_by_label("Country").fill("CN")
        page.get_by_role("button", name="Screen").click()
        expect(page.get_by_role("heading", name=f"Screening: {HUAWEI}")).to_be_visible()
        target = page.locator("article.hit", has_text="Huawei Technologies Co., Ltd. (Huawei)")
        expect(target).to_have_count(1)
        shot("3-decision")

        target.get_by_label("Reason").fill(
            "Different entity: our supplier is Huawei Device, Dongguan"
        )
        target.get_by_role("button", name="Dismiss").click()
        expect(target.locator(".now")).to_contain_text("dismissed")
        shot("3b-decision-after-dismissal")

        page.get_by_role("link", name="Review queue").click()
        expect(page.get_by_role("heading", name="Review queue")).to_be_visible()
        shot("4-review")
        page.get_by_role("link", name="dismissed").click()
        expect(page.get_by_text("Different entity: our supplier")).to_be_visible()

        page.get_by_role("link", name="Lists").click()
        expect(page.get_by_role("heading", name="List status")).to_be_visible()
        shot("5-lists")

        page.get_by_role("link", name="Audit log").click()
        expect(page.get_by_text("Hash chain verified")).to_be_visible()
        row = page.locator("tr", has_text="dismiss")
        expect(row).to_contain_text("Different entity: our supplier")
        expect(row).to_contain_text("alice")
        shot("6-audit")

        page.get_by_role("link", name="Check").click()
        page.get_by_role("button", name="Decide").click()
        expect(page.get_by_role("heading", name="Trace")).to_be_visible()
        shot("7-check-decision")

        page.get_by_role("button", name="Sign out").click()
        expect(page).to_have_url(f"{base}/ui/login")
        browser.close()

    # The dismissal is in the audit log the API exports, too.
    import httpx

    lines = httpx.get(f"{base}/v1/audit/export", headers={"Authorization": f"Bearer {key}"}).text
    kinds = [json.loads(line)["kind"] for line in lines.splitlines()]
    assert kinds == ["screen", "review", "check"]
