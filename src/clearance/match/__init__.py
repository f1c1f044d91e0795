"""Name matching: normalisation, transliteration, candidate index and versioned scorers.

The hot modules may be compiled with mypyc (``scripts/compile.py``): :func:`build` says
which build is loaded. A compiled module whose source has changed since it was built is
refused at import (:class:`~clearance.errors.StaleBuildError`), never run in its place.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from clearance.errors import StaleBuildError

STAMP = "_compiled.json"  # written by scripts/compile.py: module -> sha256 of its source


def check_compiled(folder: Path) -> bool:
    """Whether compiled modules are in ``folder``, each built from the source beside it;
    :class:`~clearance.errors.StaleBuildError` if one is not."""
    built = [p for p in folder.iterdir() if p.suffix in (".so", ".pyd")]
    if not built:
        return False
    fix = "run `python scripts/compile.py` again, or `python scripts/compile.py --clean`"
    stamp = folder / STAMP
    if not stamp.is_file():
        raise StaleBuildError(f"compiled modules in {folder} without {STAMP}: {fix}")
    for name, digest in json.loads(stamp.read_text()).items():
        source = folder / name
        if not source.is_file() or hashlib.sha256(source.read_bytes()).hexdigest() != digest:
            raise StaleBuildError(f"{source} changed since it was compiled: {fix}")
    return True


_COMPILED = check_compiled(Path(__file__).parent)


def build() -> str:
    """``"mypyc"`` when the matcher's hot modules run compiled, else ``"python"``."""
    from clearance.match import index

    return "mypyc" if _COMPILED and not index.__file__.endswith(".py") else "python"
