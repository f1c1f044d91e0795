"""``clearance check``: may this item go to this party on this date? (EAR determination)"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import typer

from clearance import NOT_LEGAL_ADVICE
from clearance.errors import InputError


def _read(path: str) -> dict[str, Any]:
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
        data = json.loads(text)
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"--input {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise InputError(f"--input {path}: expected a JSON object")
    return data


def _sample(as_of: date) -> Any:
    from clearance.screening import Screener

    return Screener.sample(as_of=as_of)


def check(
    input: str | None = typer.Option(None, "--input", help="JSON question file, or - for stdin"),
    party: list[str] = typer.Option([], "--party", help="party name (repeatable)"),
    party_country: str | None = typer.Option(None, "--party-country"),
    role: str = typer.Option("end_user", "--role"),
    destination: str | None = typer.Option(None, "--destination"),
    item_type: str = typer.Option("technology", "--item-type"),
    eccn: str = typer.Option("EAR99", "--eccn"),
    activity: str = typer.Option("release", "--activity"),
    purpose: str | None = typer.Option(None, "--purpose"),
    standards_body: str | None = typer.Option(None, "--standards-body"),
    topic: str | None = typer.Option(None, "--topic"),
    on: str | None = typer.Option(None, "--date", help="YYYY-MM-DD (default today)"),
    published: bool = typer.Option(False, "--published"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Decide whether a US export licence is required; prints outcome, citations and trace."""
    from clearance.determination import determine, us_ruleset

    if input is not None:
        raw = _read(input)
    else:
        if not party:
            raise InputError("--party or --input is required")
        body = (
            {"name": standards_body, "recognized": True, "topic": topic} if standards_body else None
        )
        raw = {
            "date": on or date.today().isoformat(),
            "destination": destination or party_country or "",
            "parties": [{"name": n, "country": party_country, "role": role} for n in party],
            "item": {"type": item_type, "eccn": eccn, "published": published},
            "activity": {"kind": activity, "purpose": purpose, "standards_body": body},
        }
    decision = determine(raw, us_ruleset(), _sample).as_dict()
    if as_json:
        typer.echo(json.dumps(decision, ensure_ascii=False, indent=2))
        return
    typer.echo(f"{decision['outcome']}  (licence required: {decision['license_required']})")
    typer.echo("citations: " + "; ".join(decision["citations"]))
    for entry in decision["trace"]:
        version = entry["version"]["id"] if entry["version"] else "-"
        typer.echo(f"  {entry['rule']} [{version}] {entry['effect']}: {entry['detail']}")
    for reason in decision["manual_review_reasons"]:
        typer.echo(f"manual review: {reason}")
    typer.echo(NOT_LEGAL_ADVICE)


def register(app: typer.Typer) -> None:
    app.command("check")(check)
