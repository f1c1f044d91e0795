"""Rebuild the bundled SAMPLE list from the public-domain trade.gov CSL of 2022-05.

The sample is a hand-picked excerpt (US government data, public domain) used by the
quickstart, the demo and the golden law cases. Every row is relabelled "SAMPLE - ..." in its
source column so it can never be mistaken for a current official list.

    python scripts/make_sample_list.py ../shared/data/lists/us_trade_csl_consolidated_2022-05.csv.gz
"""

from __future__ import annotations

import csv
import gzip
import sys
from pathlib import Path

PICKS = {
    # Entity List: Huawei in its three waves, HiSilicon, Hikvision (listed 2019-10-09), others.
    "d05d55fa214aff19c1eb3270d54905e4e362d445",  # Huawei Technologies Co., Ltd. (Huawei), Shenzhen
    "986d3f15a6adf1e1e6b5674715ad657adbf8d048",  # Beijing Huawei Digital Technologies
    "558a612ad38b33a1f717a2e67d07a1bd706a36f0",  # HiSilicon Optoelectronics
    "93bcdfac3c1bc37ff8457bb8d953e56f85e4f2c7",  # Huawei Technologies India (Aug 2019 wave)
    "dfa1f56c7eb4005171285117430fc7eca3b9337b",  # Huawei Technologies (UK) (Aug 2019 wave)
    "23ef080b3a87374adff48a9714ef211e0e90dfe9",  # Huawei Technologies R&D UK (Aug 2020 wave)
    "6e462ef5b64a707bc8de24d02172e3409190dc9b",  # Huawei OpenLab Delhi (Aug 2020 wave)
    "f095626c9f8becc70b5948507fb6de6e443b257a",  # Hangzhou Hikvision (EL, 2019-10-09)
    "ddcba7e6389c6b833dd0ab63d922df20311f12d0",  # Beijing Cloudmind (EL, 2020-06-05)
}
BY_NAME = [
    # (source prefix, name substring) picks for other lists
    ("Entity List", "Huawei Cloud Beijing"),
    ("Non-SDN Chinese Military", "HUAWEI TECHNOLOGIES CO., LTD."),
    ("Denied Persons", "ASH"),
    ("Unverified", ""),
    ("Military End User", ""),
    ("Specially Designated", "PUTIN, Vladimir"),
    ("Specially Designated", "KIM, Jong Un"),
    ("Specially Designated", "ISLAMIC REVOLUTIONARY GUARD CORPS"),
]


def main(src: str, dest: str = "src/clearance/data/sample_list.csv") -> None:
    with gzip.open(src, "rt", encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    chosen = [r for r in rows if r["_id"] in PICKS]
    for prefix, sub in BY_NAME:
        match = next(r for r in rows if r["source"].startswith(prefix) and sub in r["name"])
        chosen.append(match)
    for row in chosen:
        row["source"] = "SAMPLE - " + row["source"]
    with open(Path(dest), "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(chosen)
    print(f"wrote {len(chosen)} rows to {dest}")


if __name__ == "__main__":
    main(*sys.argv[1:])
