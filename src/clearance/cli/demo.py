"""``clearance demo``: the quickstart job on the embedded default (SQLite + SAMPLE list)."""

from __future__ import annotations

from typing import Annotated

import typer

from clearance import NOT_LEGAL_ADVICE, settings
from clearance.cli.common import out
from clearance.cli.render import print_result
from clearance.hits import Query
from clearance.screening import Screener, sample_list_path
from clearance.sources import parse_paths
from clearance.store import open_store

DEMO_NAMES = (
    ("Huawei Technologies Co., Ltd.", "CN"),
    ("华为技术有限公司", "CN"),
    ("Hangzhou Hikvision Digital Technology", None),
    ("Владимир Путин", None),
    ("Acme Widgets GmbH", "DE"),
)


def demo(names: Annotated[list[str] | None, typer.Argument()] = None) -> None:
    """Import the bundled SAMPLE list into the embedded store and screen a few names."""
    store = open_store()
    parsed = parse_paths([sample_list_path()])[0]
    ref = store.import_parsed(parsed)
    out.print(f"store: {settings.database_url()}")
    out.print(
        f"imported SAMPLE list {ref.version} ({ref.entries} entries) — a small excerpt "
        "for demonstration, not an official or current list"
    )
    screener = Screener.from_store(store, sources=["sample"])
    queries = [Query(n) for n in names] if names else [Query(n, c) for n, c in DEMO_NAMES]
    for query in queries:
        print_result(screener.screen(query))
    out.print(f"\n{NOT_LEGAL_ADVICE}")


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)
