"""Fixtures shared by every test folder: the shared list data and store URLs.

Fixture policy: the smallest data that shows the behaviour. Whole official lists are used
only where the acceptance criterion is about the whole list (self-match, counts).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

REPO = Path(__file__).resolve().parents[1]
POSTGRES_URL = os.environ.get(
    "CLEARANCE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def shared_lists() -> Path:
    base = Path(os.environ.get("CLEARANCE_SHARED_DIR", REPO.parent / "shared"))
    return base / "data" / "lists"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = shared_lists()
    if not path.is_dir():
        pytest.skip(f"shared list data not found at {path} (set CLEARANCE_SHARED_DIR)")
    return path


@pytest.fixture(scope="session")
def lists_dir(shared_dir: Path) -> Path:
    """The official list files of ``../shared/data/lists`` (same as ``shared_dir``)."""
    return shared_dir.resolve()


def need(lists_dir: Path, name: str) -> Path:
    """One shared list file, or a skip that names it."""
    path = lists_dir / name
    if not path.is_file():
        pytest.skip(f"{name} missing from {lists_dir}")
    return path


def _postgres_available() -> str | None:
    try:
        engine = create_engine(POSTGRES_URL)
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
    except (OperationalError, ModuleNotFoundError) as exc:
        return f"PostgreSQL not reachable at {POSTGRES_URL}: {exc.__class__.__name__}"
    return None


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty store on each backend: SQLite in tmp, PostgreSQL in a new schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    reason = _postgres_available()
    if reason:
        pytest.skip(reason)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    engine = create_engine(POSTGRES_URL)
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty CLEARANCE_HOME, so CLI runs use a fresh embedded store."""
    monkeypatch.setenv("CLEARANCE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("CLEARANCE_DATABASE_URL", raising=False)
    return tmp_path / "home"
