"""Compile the matcher's hot modules to C with mypyc, in place (an optional faster build).

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
"""

from __future__ import annotations

import argparse
import hashlib
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

# What a screening query spends its time in (py-spy over a batch and over the slowest
# single queries): name forms, the candidate index and its bounds, token similarity and
# the score. The rest of the package is I/O, storage and rules: left as Python.
MODULES = [
    "bounds.py",
    "compound.py",
    "index.py",
    "inserted.py",
    "keys.py",
    "name_v1.py",
    "name_v2.py",
    "normalize.py",
    "pool_bounds.py",
    "tokens.py",
    "v2_evidence.py",
    "v2_forms.py",
    "v2_similarity.py",
    "weights.py",
]


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
    setup(
        name="clearance-match-native",
        ext_modules=mypycify(paths, opt_level="3", group_name=GROUP, target_dir=str(temp / "c")),
        script_args=["build_ext", "--inplace", "--quiet"]
        + ["--build-temp", str(temp / "o"), "--build-lib", str(temp / "lib")],
    )
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
