"""``clearance law test|show``: run golden cases, list rules and their dated versions."""

from __future__ import annotations

from pathlib import Path

import typer

from clearance.determination.law import US_LAW

LAW_PATH = typer.Argument(US_LAW, help="law folder or one *.cases.yml")
LAW_ROOT = typer.Argument(US_LAW, help="law folder")
law_app = typer.Typer(help="Law-as-data: golden cases and rule versions.", no_args_is_help=True)


@law_app.command("test")
def test(path: Path = LAW_PATH) -> None:
    """Run every golden case under PATH; exit 1 on any failure."""
    from clearance.rules import find_law_root, load_ruleset, run_cases

    results = run_cases(path, load_ruleset(find_law_root(path)))
    failed = [r for r in results if not r.passed]
    for r in failed:
        typer.echo(f"FAIL {r.case.path}:{r.case.line} {r.case.id} {r.case.name}")
        for f in r.failures:
            typer.echo(f"    {f}")
    typer.echo(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    if failed:
        raise typer.Exit(1)


@law_app.command("show")
def show(path: Path = LAW_ROOT) -> None:
    """List every rule with its versions, effective dates and citations."""
    from clearance.rules import load_ruleset

    rs = load_ruleset(path)
    typer.echo(rs.label)
    for rule in sorted(rs.rules.values(), key=lambda r: r.id):
        typer.echo(f"{rule.id}: {rule.summary}")
        for v in rule.versions:
            end = v.effective_to or "open"
            typer.echo(f"  {v.id} {v.effective_from}..{end} {'; '.join(v.cites)}")


def register(app: typer.Typer) -> None:
    app.add_typer(law_app, name="law")
