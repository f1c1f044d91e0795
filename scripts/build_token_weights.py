"""Build the token document-frequency table frozen into matcher ``name-v1``.

Token weights must not depend on which lists a user happens to load (a score must replay
the same), so they are computed once from a reference corpus — every name and alias of the
trade.gov Consolidated Screening List of 2022-05 — and shipped as data. Only counts of
normalised tokens with df >= 2 are kept, not the list itself.

    python scripts/build_token_weights.py \
        ../shared/data/lists/us_trade_csl_consolidated_2022-05.csv.gz
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

from clearance.match.normalize import name_variants

OUT = Path("src/clearance/match/data/name_v1_token_df.json")


def main(src: str) -> None:
    counts: Counter[str] = Counter()
    documents = 0
    with gzip.open(src, "rt", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            names = [row["name"], *[a for a in row["alt_names"].split(";") if a.strip()]]
            for name in names:
                documents += 1
                tokens: set[str] = set()
                for variant in name_variants(name.strip()):
                    tokens.update(variant.tokens)
                counts.update(tokens)
    table = {t: n for t, n in sorted(counts.items()) if n >= 2}
    OUT.write_text(json.dumps({"documents": documents, "df": table}, separators=(",", ":")))
    print(f"{documents} names, {len(table)} tokens with df >= 2 -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
