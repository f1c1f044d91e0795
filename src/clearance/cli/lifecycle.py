"""``clearance lists update``, ``clearance lists diff`` and ``clearance rescreen``."""

from __future__ import annotations

from typing import Annotated

import typer

from clearance.cli.common import out, print_json
from clearance.cli.lists import lists_app
from clearance.errors import ClearanceError, InputError, NotFound
from clearance.lifecycle.diff import diff_entries
from clearance.lifecycle.fetch import FetchLimits
from clearance.lifecycle.update import UpdateResult, update_many
from clearance.sources import PARSERS
from clearance.store import open_store

# Sources updated when no --source is given: one file per publisher URL. The OFAC legacy
# CSV sets need four files each (use us_ofac_enhanced); OFSI's ConList, DDTC and FtM data
# are fetched only when named (retired feed, changing attachment URL, licensed data).
UPDATABLE = ("us_csl", "us_bis_dpl", "un_sc", "us_ofac_enhanced", "eu_fsf")


def _print(item: UpdateResult | str) -> None:
    if isinstance(item, str):
        out.print(f"[red]refused/failed:[/] {item}")
        return
    out.print(
        f"{item.source}: [bold]{item.outcome}[/] {item.version or ''} ({item.entries} entries)"
    )
    for note in item.notes:
        out.print(f"  {note}")
    if item.rescreen:
        out.print("  re-screen: " + ", ".join(f"{k} {v}" for k, v in item.rescreen.items()))


def update(
    source: Annotated[list[str] | None, typer.Option("--source", help="Source key(s).")] = None,
    url: Annotated[str | None, typer.Option(help="Override the address (one --source).")] = None,
    force: Annotated[bool, typer.Option(help="Import despite bounds / share lost.")] = False,
    sha256: Annotated[str | None, typer.Option(help="Expected sha256 of the download.")] = None,
    max_bytes: Annotated[int, typer.Option(help="Download size limit.")] = 200 * 1024 * 1024,
    max_loss: Annotated[float, typer.Option(help="Largest share of entries lost.")] = 0.10,
    every: Annotated[str | None, typer.Option(help="Repeat every 30m / 6h / 1d.")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Download, archive, check and import official lists; re-screen the register."""
    sources = list(source or UPDATABLE)
    unknown = [s for s in sources if s not in PARSERS]
    if unknown:
        raise InputError(f"--source: unknown {', '.join(unknown)}; known: {', '.join(PARSERS)}")
    store = open_store()
    if every:
        from clearance.lifecycle.scheduler import parse_interval, run_forever

        run_forever(store, sources, parse_interval(every), _print)
        return
    limits = FetchLimits(max_bytes=max_bytes)
    results, errors = update_many(
        store, sources, url, force=force, limits=limits, sha256=sha256, max_loss=max_loss
    )
    if as_json:
        print_json({"results": [r.as_dict() for r in results], "errors": errors})
    else:
        for res in results:
            _print(res)
        for err in errors:
            _print(err)
    if errors:
        raise ClearanceError(f"{len(errors)} of {len(sources)} source(s) not updated")


def diff(
    v1: Annotated[str | None, typer.Argument(help="Old version (default: the one before).")] = None,
    v2: Annotated[str | None, typer.Argument(help="New version (default: current).")] = None,
    source: Annotated[str | None, typer.Option(help="Source, when versions are omitted.")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Added, removed and changed entries between two versions of one list."""
    store = open_store()
    rows = store.versions()
    by_name = {r.version: r for r in rows}
    for v in (v1, v2):
        if v is not None and v not in by_name:
            raise NotFound(f"no list version {v!r}; see `clearance lists show`")
    if v2 is None:
        src = source or (by_name[v1].source if v1 else None)
        cur = [r for r in rows if r.is_current and (src is None or r.source == src)]
        if len(cur) != 1:
            raise InputError("give V2 or one --source to diff against its current version")
        new = cur[0]
    else:
        new = by_name[v2]
    if v1 is None:
        older = [r for r in rows if r.source == new.source and r.id < new.id]
        if not older:
            raise NotFound(f"{new.version} has no earlier version to compare with")
        old = older[-1]
    else:
        old = by_name[v1]
    result = diff_entries(store.entries(old.id), store.entries(new.id))
    if as_json:
        print_json({"old": old.version, "new": new.version, **result.as_dict()})
        return
    s = result.summary()
    out.print(f"{old.version} -> {new.version}: " + ", ".join(f"{k} {v}" for k, v in s.items()))
    for _key, grp in sorted(result.added.items()):
        out.print(f"  + {grp[0].list_code} {grp[0].name}")
    for _key, grp in sorted(result.removed.items()):
        out.print(f"  - {grp[0].list_code} {grp[0].name}")
    for _key, change in sorted(result.changed.items()):
        out.print(f"  ~ {change.new[0].list_code} {change.new[0].name}: {', '.join(change.fields)}")


def rescreen(
    full: Annotated[bool, typer.Option(help="Screen every party against whole lists.")] = False,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Run pending delta re-screens (after a crash), or a full re-screen of the register."""
    from clearance.lifecycle.full import full_rescreen
    from clearance.lifecycle.rescreen import rescreen_pending

    store = open_store()
    summary = full_rescreen(store) if full else rescreen_pending(store)
    if as_json:
        print_json(summary)
    else:
        out.print(summary or "nothing pending")


def register(app: typer.Typer) -> None:
    lists_app.command("update")(update)
    lists_app.command("diff")(diff)
    app.command("rescreen")(rescreen)
