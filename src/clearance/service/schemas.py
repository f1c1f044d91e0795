"""Request and response shapes of the API (pydantic), as published in the OpenAPI schema."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from clearance.hits import Query

EntityType = Literal["person", "company", "vessel", "aircraft", "unknown"]
MAX_BATCH = 1000
# At least one character Python's str.strip() keeps: its whitespace set spelled out, so the
# JSON-schema (ECMA) and pydantic (Rust) regex engines, whose \s differ, agree.
NOT_BLANK = (
    r"[^\t\n\u000b\u000c\r\u001c-\u001f \u0085\u00a0\u1680\u2000-\u200a"
    r"\u2028\u2029\u202f\u205f\u3000]"
)
# No NUL anywhere (PostgreSQL text cannot hold one: see service.nul_guard)
TEXT = r"^[^\u0000]*$"
# TEXT with at least one character NOT_BLANK keeps
TEXT_NOT_BLANK = r"^[^\u0000]*" + NOT_BLANK[:-1] + r"\u0000]" + r"[^\u0000]*$"


class ScreenQuery(BaseModel):
    """One counterparty: name, and optionally country, type and the date of the lists."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=500, pattern=TEXT_NOT_BLANK)
    country: str | None = Field(default=None, pattern=r"^[A-Za-z]{2}$")
    type: EntityType | None = None
    as_of: date | None = None
    id: str | None = Field(default=None, max_length=200, pattern=TEXT)

    def query(self) -> tuple[Query, date | None]:
        country = self.country.upper() if self.country else None
        return Query(self.name, country, self.type, self.id), self.as_of


class ScreenBatch(BaseModel):
    """Up to 1,000 queries answered under one decision id."""

    model_config = ConfigDict(extra="forbid")
    queries: list[ScreenQuery] = Field(min_length=1, max_length=MAX_BATCH)


_OBJ = {"type": "object"}
QUESTION: dict[str, Any] = {
    "type": "object",
    "description": "The question of `clearance check --input` (see the determination docs).",
    "required": ["date", "destination", "parties", "item", "activity"],
    "properties": {
        "date": {"type": "string", "format": "date"},
        "destination": {"type": "string", "pattern": "^[A-Za-z]{2}$"},
        "parties": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string"},
                    "country": {"type": "string"},
                    "role": {"type": "string"},
                    "lists": {"type": "array"},
                    "owned_by": {"type": "array"},
                },
            },
        },
        "item": {**_OBJ, "required": ["type", "eccn"]},
        "activity": {**_OBJ, "required": ["kind"]},
        "notes": {"type": "array", "items": {"type": "string"}},
    },
}


class ErrorDetail(BaseModel):
    status: int
    code: str
    detail: str
    field: str | None = None


class ErrorBody(BaseModel):
    """The one shape of every error response."""

    error: ErrorDetail


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ScreenResponse(Open):
    decision_id: str
    matched: bool


class CheckResponse(Open):
    decision_id: str
    outcome: str
    license_required: bool | None


class Judgement(BaseModel):
    model_config = ConfigDict(extra="forbid")
    action: Literal["confirm", "dismiss"]
    reason: str = Field(min_length=1, max_length=2000, pattern=TEXT_NOT_BLANK)


class JudgementResponse(Open):
    decision_id: str
    hit: dict[str, Any]


class HitList(BaseModel):
    hits: list[dict[str, Any]]


class ListsResponse(BaseModel):
    lists: list[dict[str, Any]]
    stale_after_days: int


class ImportResponse(BaseModel):
    decision_id: str
    versions: list[dict[str, Any]]


class Decision(Open):
    decision_id: str
    seq: int
    kind: str
    actor: str
    created_at: str
    hash: str
    prev_hash: str


class Replay(BaseModel):
    decision_id: str
    same: bool
    differences: list[str]


class NewKey(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: Literal["screener", "reviewer", "admin"]
    name: str | None = Field(default=None, pattern=r"^[A-Za-z0-9_.@-]{1,100}$")


class KeyCreated(BaseModel):
    name: str
    role: str
    key: str


class KeyList(BaseModel):
    keys: list[dict[str, Any]]


class VerifyResponse(BaseModel):
    ok: bool
    records: int
    problem: str | None
    seq: int | None
    decision_id: str | None


class Health(BaseModel):
    status: str
    version: str
