"""The vendor register (identities, aliases) and the dated high-risk/designated vendor sets.

All three are rules of the UK law folder: ``uk.hrv.vendor_register`` (identity data),
``uk.hrv.high_risk_vendors`` (NCSC advice) and ``uk.hrv.designated_vendors`` (designation
notices under the Telecommunications (Security) Act 2021).
"""

from __future__ import annotations

import datetime as dt

from clearance.errors import RuleDataError
from clearance.hrv.names import normalize_name, tokens
from clearance.rules import RuleSet

REGISTER = "uk.hrv.vendor_register"
CLASSES = {"high_risk": "uk.hrv.high_risk_vendors", "designated": "uk.hrv.designated_vendors"}


class VendorRegister:
    """Known vendors, their alias index and dated status sets; resolves free-text names."""

    def __init__(self, ruleset: RuleSet) -> None:
        rule = ruleset.rule(REGISTER)
        if len(rule.versions) != 1:
            raise RuleDataError(f"{REGISTER} must have exactly one version", rule.path)
        values = rule.versions[0].values
        self.names: dict[str, str] = dict(values["names"])
        self._aliases: dict[str, str] = {}
        self._tokens: dict[str, str] = {}
        for vid, aliases in values["aliases"].items():
            self._need(vid, rule.path)
            for alias in [*aliases, self.names[vid]]:
                key = normalize_name(alias)
                if self._aliases.setdefault(key, vid) != vid:
                    raise RuleDataError(f"alias {alias!r} names two vendors", rule.path)
        for vid, toks in values["match_tokens"].items():
            self._need(vid, rule.path)
            for tok in toks:
                if self._tokens.setdefault(tok, vid) != vid:
                    raise RuleDataError(f"match token {tok!r} names two vendors", rule.path)
        for vid in self.names:
            self._aliases.setdefault(normalize_name(self.names[vid]), vid)
        self._classes = {c: ruleset.rule(rid) for c, rid in CLASSES.items()}
        for r in self._classes.values():
            for v in r.versions:
                for vid in v.values["vendors"]:
                    self._need(vid, r.path)

    def _need(self, vid: str, path: str) -> None:
        if vid not in self.names:
            raise RuleDataError(f"vendor id {vid!r} is not in {REGISTER}", path)

    def resolve(self, text: str) -> str | None:
        """Vendor id for a name, or None when unknown or ambiguous."""
        norm = normalize_name(text)
        if norm in self._aliases:
            return self._aliases[norm]
        hits = {self._tokens[t] for t in tokens(text) if t in self._tokens}
        return hits.pop() if len(hits) == 1 else None

    def members(self, cls: str, on: dt.date) -> frozenset[str]:
        """Vendor ids of class ``cls`` on ``on`` (designated implies high_risk)."""
        if cls not in CLASSES:
            raise RuleDataError(f"unknown vendor class {cls!r} (use {', '.join(CLASSES)})")
        out: set[str] = set()
        for c in ("designated",) if cls == "designated" else tuple(CLASSES):
            version = self._classes[c].at(on)
            if version is not None:
                out.update(version.values["vendors"])
        return frozenset(out)

    def expand(self, vendors: list[str], on: dt.date) -> frozenset[str]:
        """A requirement's ``vendors`` list (class names or vendor ids) as vendor ids on ``on``."""
        out: set[str] = set()
        for item in vendors:
            if item in CLASSES:
                out |= self.members(item, on)
            else:
                self._need(item, "requirement")
                out.add(item)
        return frozenset(out)
