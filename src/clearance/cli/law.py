"""``clearance law test|show``: run golden cases, list rules and their dated versions."""

from __future__ import annotations

from pathlib import Path

import typer

from clearance.determination.law import US_LAW

LAW_FOLDERS = sorted(p for p in US_LAW.parent.iterdir() if (p / "_ruleset.yml").exists())
LAW_PATH = typer.Argument(None, help="law folder or one *.cases.yml (default: every law folder)")
LAW_ROOT = typer.Argument(US_LAW, help="law folder")
law_app = typer.Typer(help="Law-as-data: golden cases and rule versions.", no_args_is_help=True)


@law_app.command("test")
def test(path: Path | None = LAW_PATH) -> None:
    """Run every golden case under PATH (default: US and UK law); exit 1 on any failure."""
    from clearance.rules import find_law_root, load_ruleset, run_cases

    results = []
    for folder in [path] if path else LAW_FOLDERS:
        results.extend(run_cases(folder, load_ruleset(find_law_root(folder))))
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
