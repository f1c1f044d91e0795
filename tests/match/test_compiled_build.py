"""The optional mypyc build (``scripts/compile.py``): a compiled module is loaded only
while its source is the one it was built from."""

from __future__ import annotations

import hashlib
import json
import pickle
from pathlib import Path

import pytest

from clearance.errors import StaleBuildError
from clearance.match import STAMP, build, check_compiled
from clearance.match.index import NameIndex
from clearance.match.matcher import DEFAULT
from clearance.sources import parse_paths

from ..conftest import need


def _compiled(folder: Path, source: str) -> None:
    (folder / "index.py").write_text(source)
    (folder / "index.cpython-311-x86_64-linux-gnu.so").write_bytes(b"")
    digest = hashlib.sha256(b"x = 1\n").hexdigest()
    (folder / STAMP).write_text(json.dumps({"index.py": digest}))


def test_pure_python_has_nothing_to_check(tmp_path: Path) -> None:
    (tmp_path / "index.py").write_text("x = 1\n")
    assert check_compiled(tmp_path) is False


def test_a_module_built_from_its_source_loads(tmp_path: Path) -> None:
    _compiled(tmp_path, "x = 1\n")
    assert check_compiled(tmp_path) is True


def test_a_module_whose_source_changed_is_refused(tmp_path: Path) -> None:
    _compiled(tmp_path, "x = 2\n")
    with pytest.raises(StaleBuildError, match=r"index\.py changed since it was compiled"):
        check_compiled(tmp_path)


def test_compiled_modules_without_their_stamp_are_refused(tmp_path: Path) -> None:
    _compiled(tmp_path, "x = 1\n")
    (tmp_path / STAMP).unlink()
    with pytest.raises(StaleBuildError, match="without _compiled.json"):
        check_compiled(tmp_path)


def test_the_build_loaded_is_named() -> None:
    assert build() in ("python", "mypyc")


def test_the_index_pickles_with_its_forms_and_scores(lists_dir: Path) -> None:
    """Spark broadcasts the built index and worker processes return name forms and
    scores: they pickle on either build (mypyc's own classes would not)."""
    entries = parse_paths([need(lists_dir, "bis_dpl_2023-11.txt")])[0].entries
    index = NameIndex(entries)
    forms = DEFAULT.variants(entries[3].name)
    found = index.search(forms, 0.8)
    again = pickle.loads(pickle.dumps(index))
    assert again.search(forms, 0.8) == found
    assert pickle.loads(pickle.dumps(found)) == found  # forms and scores alike
    assert found
