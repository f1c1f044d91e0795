"""Shared fixtures: the shared list data, a fresh store, a loopback HTTP server."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from clearance.store import Store, open_store

from ..conftest import need

__all__ = ["need"]


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    h = tmp_path / "home"
    monkeypatch.setenv("CLEARANCE_HOME", str(h))
    monkeypatch.delenv("CLEARANCE_DATABASE_URL", raising=False)
    monkeypatch.delenv("CLEARANCE_FAULT_STAGE", raising=False)
    return h


@pytest.fixture()
def store(home: Path) -> Store:
    return open_store()


class Server:
    """Serves files from ``roots`` at ``/<name>``, plus ``/hang``, ``/500``, ``/big/<n>``."""

    def __init__(self) -> None:
        self.roots: list[Path] = []
        self.hits: dict[str, int] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                path = self.path.split("?")[0]
                server.hits[path] = server.hits.get(path, 0) + 1
                if path == "/hang":
                    time.sleep(5)
                    return
                if path == "/500":
                    self.send_response(500)
                    self.end_headers()
                    return
                if path == "/html":
                    body = b"<html><body>maintenance</body></html>"
                    self._send(body, "text/html")
                    return
                if path.startswith("/big/"):
                    n = int(path.split("/")[2])
                    self.send_response(200)
                    self.send_header("Content-Type", "text/csv")
                    self.end_headers()  # no Content-Length: the limit must bite while streaming
                    chunk = b"x" * 65536
                    try:
                        for _ in range(n // len(chunk) + 1):
                            self.wfile.write(chunk)
                    except (BrokenPipeError, ConnectionResetError):
                        pass
                    return
                for root in server.roots:
                    f = root / path.lstrip("/")
                    if f.is_file():
                        self._send(f.read_bytes(), "application/octet-stream")
                        return
                self.send_response(404)
                self.end_headers()

            def _send(self, body: bytes, ctype: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, name: str) -> str:
        return f"{self.base}/{name}"


@pytest.fixture()
def server(lists_dir: Path, tmp_path: Path) -> Iterator[Server]:
    s = Server()
    mutated = tmp_path / "served"
    mutated.mkdir()
    s.roots = [lists_dir, mutated]
    yield s
    s.httpd.shutdown()
    s.httpd.server_close()


def drop_rows(src: Path, dest: Path, every: int, header_lines: int = 1) -> Path:
    """Copy a CSV/TSV list dropping every ``every``-th data line (one record per line)."""
    lines = src.read_bytes().splitlines(keepends=True)
    kept = lines[:header_lines] + [
        line for i, line in enumerate(lines[header_lines:]) if i % every != 0
    ]
    dest.write_bytes(b"".join(kept))
    return dest
