"""Build the table of pinyin syllables frozen into matcher ``name-v2``.

``name-v2`` tells a Chinese name written in pinyin by its words dividing into pinyin
syllables (``xiaohong`` is ``xiao hong``). pypinyin knows every syllable its character table
uses, but reading them takes about a second at each start and an upgrade must not change a
past score, so they are read once, here, and shipped as
``src/clearance/match/data/pinyin_syllables.json`` (toneless, ASCII: ``lv`` for ``lü``).

    python scripts/build_pinyin_syllables.py
"""

from __future__ import annotations

import json
from pathlib import Path

from pypinyin.constants import PINYIN_DICT
from pypinyin.contrib.tone_convert import to_normal

OUT = Path("src/clearance/match/data/pinyin_syllables.json")


def main() -> None:
    found = {
        to_normal(reading, v_to_u=False)
        for readings in PINYIN_DICT.values()
        for reading in readings.split(",")
    }
    syllables = sorted(s for s in found if s.isascii() and s.isalpha())
    OUT.write_text(json.dumps(syllables) + "\n", encoding="utf-8")
    print(f"{len(syllables)} syllables -> {OUT}")


if __name__ == "__main__":
    main()
