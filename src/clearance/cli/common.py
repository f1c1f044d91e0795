"""Small helpers shared by CLI commands: option parsing and output."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import typer
from rich.console import Console

from clearance.errors import InputError

out = Console(highlight=False, soft_wrap=True)


def parse_date(value: str | None, field: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{field}: {value!r} is not a date in YYYY-MM-DD form") from None


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
