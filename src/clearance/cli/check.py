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


INPUT = typer.Option(None, "--input", help="JSON question file, or - for stdin")
PARTY = typer.Option([], "--party", help="party name (repeatable)")
PARTY_COUNTRY = typer.Option(None, "--party-country", help="ISO country of the parties")
ROLE = typer.Option("end_user", "--role", help="purchaser, *_consignee or end_user")
DESTINATION = typer.Option(None, "--destination", help="ISO country (default: party country)")
ITEM_TYPE = typer.Option("technology", "--item-type", help="technology, software, commodity")
ECCN = typer.Option("EAR99", "--eccn", help="EAR99 or an ECCN such as 5E002")
ACTIVITY = typer.Option("release", "--activity", help="export, reexport, transfer, release")
PURPOSE = typer.Option(None, "--purpose", help="e.g. standards_development")
STANDARDS_BODY = typer.Option(None, "--standards-body", help="recognized standards body")
TOPIC = typer.Option(None, "--topic", help="standards topic, e.g. 5G")
DATE = typer.Option(None, "--date", help="YYYY-MM-DD (default today)")
PUBLISHED = typer.Option(False, "--published", help="the technology/software is published")
DEEMED = typer.Option(False, "--deemed-export", help="release in the US to a foreign person")
AS_JSON = typer.Option(False, "--json", help="print the full decision as JSON")


def check(
    input: str | None = INPUT,
    party: list[str] = PARTY,
    party_country: str | None = PARTY_COUNTRY,
    role: str = ROLE,
    destination: str | None = DESTINATION,
    item_type: str = ITEM_TYPE,
    eccn: str = ECCN,
    activity: str = ACTIVITY,
    purpose: str | None = PURPOSE,
    standards_body: str | None = STANDARDS_BODY,
    topic: str | None = TOPIC,
    on: str | None = DATE,
    published: bool = PUBLISHED,
    deemed_export: bool = DEEMED,
    as_json: bool = AS_JSON,
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
            "activity": {
                "kind": activity,
                "purpose": purpose,
                "standards_body": body,
                "deemed_export": deemed_export,
            },
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
    for resolved in decision["parties"]:
        for cand in resolved["uncertain_candidates"]:
            score = cand.get("score")
            shown = f" {score:.2f}" if isinstance(score, float) else ""
            typer.echo(f"candidate for {resolved['name']!r}: {cand.get('name')}{shown}")
    for point in decision["unsure_points"]:
        typer.echo(f"UNSURE: {point}")
    for cond in decision["conditions"]:
        typer.echo(f"condition: {cond}")
    versions = ", ".join(str(ref.get("version")) for ref in decision["lists"]) or "none"
    rv = decision["rules_version"]
    typer.echo(f"rules: {rv['name']} {rv['version']} sha256:{rv['sha256'][:12]}; lists: {versions}")
    typer.echo(NOT_LEGAL_ADVICE)


def register(app: typer.Typer) -> None:
    app.command("check")(check)
