"""Compile the matcher (``clearance.match``) to C with mypyc, in place (an optional faster build).

    python scripts/compile.py            # build (about a minute on 2 cores; needs a C compiler)
    python scripts/compile.py --clean    # back to pure Python

The modules stay the same Python source (mypyc compiles type-annotated Python); the
extension modules it writes next to them in ``src/clearance/match`` are imported instead
of the ``.py`` files. Screening gives the very same results either way: CI runs the
matcher's tests on both builds. ``clearance.match.build()`` says which one is loaded, and
the benchmarks print it; a compiled module older than its source refuses to load
(:class:`clearance.errors.StaleBuildError`), so an edit is never silently ignored.

Why mypyc: it ships with mypy, which checks these modules already; the hot loops are
plain Python over floats, strings and dicts, which it compiles to C without rewriting.
The classes that are pickled (the index Spark broadcasts; name forms and scores) stay
ordinary Python classes (``mypyc_attr(native_class=False)``): mypyc's own cannot be
unpickled. Nested functions inside their methods are avoided (mypyc cannot compile them).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import os
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src"
MATCH = SRC / "clearance" / "match"
STAMP = MATCH / "_compiled.json"  # clearance.match.STAMP
GROUP = "clearance_match_native"  # the name of the shared runtime library mypyc writes

# Every module of the matcher: what a screening query spends its time in (py-spy over a
# batch and over the slowest single queries) is name forms, script forms (Arabic script
# above all), the candidate index and its bounds, token similarity and the score, spread
# over most of them. The rest of the package is I/O, storage and rules: left as Python,
# as are the package's __init__ (it checks the build) and matcher.py (a table of the
# matchers' functions, run once; mypyc cannot type its re-exported cached functions).
MODULES = sorted(p.name for p in MATCH.glob("*.py") if p.name not in ("__init__.py", "matcher.py"))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def clean() -> None:
    for built in [*MATCH.glob("*.so"), *MATCH.glob("*.pyd"), *SRC.glob(f"{GROUP}__mypyc*")]:
        built.unlink()
    STAMP.unlink(missing_ok=True)
    shutil.rmtree(REPO / "build" / "mypyc", ignore_errors=True)


def build() -> None:
    from mypyc.build import mypycify
    from setuptools import setup

    clean()
    os.chdir(SRC)  # module names come from the paths: clearance/match/index.py
    paths = [f"clearance/match/{name}" for name in MODULES]
    temp = REPO / "build" / "mypyc"
    log = io.StringIO()  # the compiler's command lines: shown only if the build fails
    try:
        with contextlib.redirect_stdout(log):
            setup(
                name="clearance-match-native",
                ext_modules=mypycify(
                    paths, opt_level="3", group_name=GROUP, target_dir=str(temp / "c")
                ),
                script_args=["build_ext", "--inplace"]
                + ["--build-temp", str(temp / "o"), "--build-lib", str(temp / "lib")],
            )
    except BaseException:
        print(log.getvalue(), file=sys.stderr)
        clean()
        raise
    STAMP.write_text(
        json.dumps({name: digest(MATCH / name) for name in MODULES}, indent=1, sort_keys=True)
        + "\n"
    )
    print(f"compiled {len(MODULES)} modules of clearance.match with mypyc", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clean", action="store_true", help="remove the compiled modules")
    args = parser.parse_args()
    clean() if args.clean else build()


if __name__ == "__main__":
    main()
