"""The ``clearance`` command line: a thin edge over the library.

Exit codes: 0 success (whether or not anything matched); 1 matches found and
``--fail-on-match`` given; 2 usage or input error; 3 no usable lists (fail closed).
Library errors (:class:`clearance.errors.ClearanceError`) are turned into a one-line
message on standard error and their exit code here, and nowhere else.
"""

from __future__ import annotations

import sys

import typer
from rich.console import Console

from clearance.errors import ClearanceError

app = typer.Typer(
    name="clearance",
    help="Export-control screening, EAR determinations and UK high-risk-vendor checks. "
    "Not legal advice.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)


OPTIONAL_COMMANDS = (
    "check",
    "law",
    "hrv",
    "serve",
    "keys",
    "audit",
    "review",
    "lifecycle",
    "parties",
    "alerts",
    "spark",
)


def _register() -> None:
    from clearance.cli import demo, lists, screen

    lists.register(app)
    screen.register(app)
    demo.register(app)
    # Optional layers register themselves when their module is present: determination
    # (check, law), UK HRV (hrv), service (serve, keys, audit, review), list lifecycle
    # (update, parties, alerts) and Spark (spark).
    for name in OPTIONAL_COMMANDS:
        try:
            module = __import__(f"clearance.cli.{name}", fromlist=["register"])
        except ModuleNotFoundError as exc:
            if exc.name == f"clearance.cli.{name}":
                continue  # that layer is not part of this build
            if exc.name and exc.name.split(".")[0] in EXTRAS:
                _missing_extra(name, exc.name)
                continue
            raise
        module.register(app)


# Third-party packages of optional extras, and the extra that brings each.
EXTRAS = {
    "fastapi": "api",
    "uvicorn": "api",
    "jinja2": "api",
    "multipart": "api",
    "pyspark": "spark",
    "psycopg": "postgres",
}


def _missing_extra(command: str, package: str) -> None:
    extra = EXTRAS[package.split(".")[0]]

    def unavailable() -> None:
        raise ClearanceError(
            f"`clearance {command}` needs the '{extra}' extra: pip install 'clearance[{extra}]'"
        )

    app.command(command, help=f"(needs: pip install 'clearance[{extra}]')")(unavailable)


_register()


def main() -> None:
    """Console entry point: run the app, translate clearance errors into exit codes."""
    try:
        code = app(standalone_mode=False)  # click returns the code of typer.Exit here
    except ClearanceError as exc:
        err.print(f"[bold red]error:[/] {exc.detail}", highlight=False, soft_wrap=True)
        sys.exit(exc.exit_code)
    except typer.Abort:
        err.print("aborted")
        sys.exit(2)
    except Exception as exc:  # click usage errors surface here with standalone_mode=False
        show = getattr(exc, "show", None)  # typer vendors click: match by behaviour, not type
        if callable(show) and hasattr(exc, "exit_code"):
            show()
            sys.exit(2)
        raise
    sys.exit(code if isinstance(code, int) else 0)
