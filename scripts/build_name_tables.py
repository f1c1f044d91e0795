"""Build the personal-name table frozen into matcher ``name-v2``.

``name-v2`` uses rigour's person-name data (nickname groups; which words are given or
family names) but must not load it at run time: that costs about 9 s and 400 MB, and a
rigour upgrade would change past scores. So the data is queried once, here, for a fixed
vocabulary — every word of every name on the reference lists, plus given and family names
Faker generates for 30 locales — and shipped as ``data/name_v2_names.json``: the nickname
groups of the words that have one, and the words rigour knows as personal names.

    python scripts/build_name_tables.py ../shared/data/lists
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from faker import Faker
from rigour.names import NameTypeTag, analyze_names

from clearance.match.normalize import fold_text
from clearance.sources import parse_paths

OUT = Path("src/clearance/match/data/name_v2_names.json")
LISTS = (
    "us_trade_csl_consolidated_2022-05.csv.gz",
    "un_sc_consolidated_2026-02-27.xml",
    "bis_dpl_2023-11.txt",
    "uk_ofsi_conlist_2018-04-13.csv",
)
SDN = ("sdn", "add", "alt", "sdn_comments")
LOCALES = [
    "ar_AA",
    "de_DE",
    "en_GB",
    "en_US",
    "es_ES",
    "es_MX",
    "fa_IR",
    "fr_FR",
    "he_IL",
    "hi_IN",
    "id_ID",
    "it_IT",
    "ja_JP",
    "ko_KR",
    "nl_NL",
    "pl_PL",
    "pt_BR",
    "pt_PT",
    "ro_RO",
    "ru_RU",
    "sv_SE",
    "th_TH",
    "tr_TR",
    "uk_UA",
    "vi_VN",
    "zh_CN",
    "zh_TW",
    "cs_CZ",
    "hu_HU",
    "el_GR",
]  # noqa: SIM905
SAMPLES = 3000


def vocabulary(folder: Path) -> set[str]:
    words: set[str] = set()
    paths = [[folder / name] for name in LISTS]
    paths.append([folder / f"ofac_sdn_2021-07_{part}.csv" for part in SDN])
    for group in paths:
        for parsed in parse_paths(group):
            for entry in parsed.entries:
                for name in entry.names:
                    words.update(fold_text(name).split())
    for i, locale in enumerate(LOCALES):
        fake = Faker(locale)
        fake.seed_instance(i)
        for _ in range(SAMPLES):
            words.update(fold_text(f"{fake.first_name()} {fake.last_name()}").split())
    return {w for w in words if len(w) >= 2 and w.isalpha()}


def main(folder: str) -> None:
    words = vocabulary(Path(folder))
    nicknames: dict[str, list[str]] = {}
    personal: list[str] = []
    for word in sorted(words):
        symbols = {str(s) for n in analyze_names(NameTypeTag.PER, [word]) for s in n.symbols}
        nick = sorted(s[6:-1] for s in symbols if s.startswith("[NICK:"))
        if nick:
            nicknames[word] = nick
        if any(s.startswith("[NAME:") for s in symbols):
            personal.append(word)
    data = {"source": "rigour person-name data", "nicknames": nicknames, "personal": personal}
    OUT.write_text(json.dumps(data, ensure_ascii=True, separators=(",", ":")) + "\n")
    print(f"{len(words)} words: {len(nicknames)} nickname groups, {len(personal)} names -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
