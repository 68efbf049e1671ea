"""Request and response shapes of the API, and the one read the store's API does not offer (events per day)."""
from __future__ import annotations

from datetime import date
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from eventwire.store import ActorRow, DocumentRow, EventFilter, EventRow, FusedEventRow, PlaceRow, QuoteRow, Store
from eventwire.store.queries import EVENT_FROM, event_where


class CodeRequest(BaseModel):
    """POST /api/code: one article, as plain text or as HTML (exactly one of the two)."""
    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="the article as plain text (headline on the first line)")
    html: str | None = Field(None, description="the article as an HTML page; the story is extracted from it")
    published: str | None = Field(None, description="publication date, YYYY-MM-DD", examples=["2020-05-05"])
    source: str | None = Field(None, max_length=200, description="publisher, e.g. 'TRT World'")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    doc_id: str | None = Field(None, max_length=200, description="id for the record; default: a hash of the text")

    @field_validator("published")
    @classmethod
    def _iso(cls, v: str | None) -> str | None:
        if v is None:
            return v
        try:
            return date.fromisoformat(v).isoformat()
        except ValueError:
            raise ValueError(f"{v!r} is not a date in the form YYYY-MM-DD") from None

    @model_validator(mode="after")
    def _one_body(self) -> "CodeRequest":
        if (self.text is None) == (self.html is None):
            raise ValueError("send the article as exactly one of `text` or `html`")
        if not (self.text if self.text is not None else self.html or "").strip():
            raise ValueError("the article is empty")
        return self


def timeline_of(store: Store, f: EventFilter) -> "Timeline":
    """Events per day for the filter.

    Events dated to a day are counted on that day; those dated only to a month or a year, and undated
    ones, are counted apart so the bars never spread one event over many days. The store's read API has
    no per-day count, so this groups in SQL over the store's own filter clause (`event_where`, all
    values bound): one query however large the corpus."""
    where, args = event_where(f, full_text=store.full_text)
    per_day: list[DayCount] = []
    coarse = undated = 0
    sql = f"SELECT e.date, count(*) FROM {EVENT_FROM} {where} GROUP BY e.date ORDER BY e.date"
    for day, n in store.db.execute(sql, args):
        if day is None:
            undated += n
        elif len(day) == 10:
            per_day.append(DayCount(date=day, count=n))
        else:
            coarse += n
    return Timeline(items=per_day, coarse=coarse, undated=undated)


# ---- response shapes (documented in /openapi.json); rows are the store's own dataclasses ----------------

class EventsPage(BaseModel):
    total: int = Field(description="events matching the filters, over all pages")
    limit: int
    offset: int
    items: list[EventRow]


class FusedPage(BaseModel):
    total: int = Field(description="fused events matching the filters, over all pages")
    limit: int
    offset: int
    items: list[FusedEventRow]


class ActorList(BaseModel):
    items: list[ActorRow]


class DocumentList(BaseModel):
    items: list[DocumentRow]


class QuoteList(BaseModel):
    items: list[QuoteRow]


class PlaceList(BaseModel):
    items: list[PlaceRow]


class DayCount(BaseModel):
    date: str = Field(description="YYYY-MM-DD")
    count: int


class Timeline(BaseModel):
    items: list[DayCount] = Field(description="days with at least one event, in date order")
    coarse: int = Field(description="events dated only to a month or a year (not drawn per day)")
    undated: int = Field(description="events without a date")


class TypeList(BaseModel):
    items: list[str]


class ErrorDetail(BaseModel):
    code: str = Field(description="short machine-readable code, e.g. invalid_parameter, not_found")
    message: str = Field(description="what was wrong and what to send instead")


class ErrorBody(BaseModel):
    error: ErrorDetail
