"""The facts parser: every bad input is an InputError naming the field."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from clearance.determination import parse_facts
from clearance.errors import InputError

GOOD: dict[str, Any] = {
    "date": "2020-06-20",
    "destination": "CN",
    "parties": [{"name": "Huawei Technologies Co., Ltd.", "country": "CN", "role": "end_user"}],
    "item": {"type": "technology", "eccn": "EAR99", "published": False,
             "us_content_percent": None, "foreign_produced": False},
    "activity": {"kind": "release", "purpose": "standards_development",
                 "standards_body": {"name": "3GPP", "recognized": True, "topic": "5G"}},
}  # fmt: skip


def mutate(path: str, value: Any) -> dict[str, Any]:
    raw = copy.deepcopy(GOOD)
    *parents, last = path.split(".")
    node: Any = raw
    for key in parents:
        node = node[int(key)] if key.isdigit() else node[key]
    if value is DELETE:
        del node[last]
    else:
        node[int(last) if last.isdigit() else last] = value
    return raw


DELETE = object()


def test_good_input_parses() -> None:
    facts = parse_facts(GOOD)
    assert facts.on.isoformat() == "2020-06-20" and facts.destination == "CN"
    assert facts.parties[0].role == "end_user" and facts.item.eccn == "EAR99"
    assert facts.activity.standards_body is not None and facts.activity.standards_body.recognized


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("date", "2020-02-30", "date: bad date"),
        ("date", "20/06/2020", "date: bad date"),
        ("date", DELETE, "input.date: required"),
        ("destination", "CHN", "destination: bad country"),
        ("parties", [], "parties: expected a non-empty list"),
        ("parties.0.role", "owner", "parties[0].role"),
        ("parties.0.country", "X1", "parties[0].country: bad country"),
        ("parties.0.nickname", "hw", "parties[0]: unknown field 'nickname'"),
        ("item.eccn", "5E02", "item.eccn: bad ECCN"),
        ("item.eccn", "ear-99", "item.eccn: bad ECCN"),
        ("item.type", "hardware", "item.type"),
        ("item.us_content_percent", 120, "item.us_content_percent"),
        ("item.us_content_percent", True, "item.us_content_percent"),
        ("item.published", "yes", "item.published: expected true or false"),
        ("item.fdp_direct_product_of", ["3E1"], "item.fdp_direct_product_of: bad ECCN"),
        ("activity.kind", "ship", "activity.kind"),
        ("activity.purpose", "research", "activity.purpose"),
        ("activity.intent_to_publish", "no", "activity.intent_to_publish"),
        ("activity.standards_body.recognised", True, "activity.standards_body: unknown field"),
        ("colour", "red", "input: unknown field 'colour'"),
    ],
)
def test_bad_field_is_named(path: str, value: Any, message: str) -> None:
    with pytest.raises(InputError) as exc:
        parse_facts(mutate(path, value))
    assert message in exc.value.detail


def test_declared_lists_and_owners_are_checked() -> None:
    with pytest.raises(InputError, match=r"parties\[0\]\.lists\[0\]\.list"):
        parse_facts(mutate("parties.0.lists", [{"list": "XYZ"}]))
    with pytest.raises(InputError, match=r"parties\[0\]\.owned_by\[0\]\.percent"):
        parse_facts(mutate("parties.0.owned_by", [{"name": "Huawei", "percent": 150}]))


def test_deemed_export_only_for_releases_of_technology_or_software() -> None:
    raw = mutate("activity.deemed_export", True)
    assert parse_facts(raw).activity.deemed_export
    raw["activity"]["kind"] = "export"
    with pytest.raises(InputError, match="activity.deemed_export"):
        parse_facts(raw)
    raw = mutate("activity.deemed_export", True)
    raw["item"]["type"] = "commodity"
    with pytest.raises(InputError, match="commodity cannot be released"):
        parse_facts(raw)


def test_destination_us_asks_for_the_deemed_export_form() -> None:
    from clearance.determination import determine, us_ruleset

    with pytest.raises(InputError, match="deemed_export"):
        determine(mutate("destination", "US"), us_ruleset(), None)
