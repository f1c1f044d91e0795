"""Build the Wade-Giles syllable table frozen into matcher ``name-v2``.

``name-v2`` reads a Chinese personal name written in Wade-Giles (``HSI Chin-p'ing``,
``MAO Tse-tung``) in pinyin too (:mod:`clearance.match.wade_giles`). The table maps each
Wade-Giles syllable, as names write it in ASCII (apostrophe dropped, ``ü`` as ``u``), to
the pinyin syllables it may stand for, each with whether Wade-Giles writes it aspirated,
the readings without aspiration first (``ping`` -> ``bing``, ``ping``: ``p'ing`` is the
aspirated one, an apostrophe writers mostly leave out). Its source is pypinyin's
Wade-Giles conversion table, read once here so that an upgrade never changes a past
score, and shipped as
``src/clearance/match/data/wade_giles.json``. pypinyin's own converter is not used: it
turns a syllable spelt alike in both systems through its initial and final tables
(``lai`` -> ``lei``) and its exceptions keep ``guo`` as ``guo``.

    python scripts/build_wade_giles.py [--out PATH]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from pypinyin.style import wadegiles

SYLLABLES = Path("src/clearance/match/data/pinyin_syllables.json")
OUT = Path("src/clearance/match/data/wade_giles.json")
MISSING = {"lv": "lü", "nv": "nü"}  # pinyin's lü, nü: not in pypinyin's table
ALIASES = {"szu": "ssu"}  # another Wade-Giles spelling of a syllable


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    out_path = ap.parse_args().out
    table = dict(wadegiles._convert_table)
    for pinyin, spelling in wadegiles._except_table:  # chih, shih, jih, tzu, ssu, hsüeh...
        table.setdefault(pinyin, spelling)
    table.update(MISSING)
    readings: dict[str, list[tuple[bool, str]]] = {}
    for pinyin in json.loads(SYLLABLES.read_text(encoding="utf-8")):
        spelling = table.get(pinyin)
        if spelling is None:
            continue  # interjections and rare syllables no name is written with
        aspirated = "'" in spelling or "`" in spelling  # pypinyin writes ch`ua once
        key = spelling.replace("'", "").replace("`", "").replace("ü", "u")
        readings.setdefault(key, []).append((aspirated, pinyin))
    out = {key: [[p, a] for a, p in sorted(found)] for key, found in sorted(readings.items())}
    out.update({alias: out[key] for alias, key in ALIASES.items()})
    out_path.write_text(json.dumps(out, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(out)} Wade-Giles syllables -> {out_path}")


if __name__ == "__main__":
    main()
