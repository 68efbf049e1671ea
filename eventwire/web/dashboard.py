"""The dashboard's two aggregates for the current filters: events per country and events per month for
each PLOVER type. One grouped SQL query each, over the store's own filter clause (all values bound)."""
from __future__ import annotations

from pydantic import BaseModel, Field

from eventwire.country_codes import codes
from eventwire.store import EventFilter, Store
from eventwire.store.queries import EVENT_FROM, event_where

# The country an event counts for: where it happened, else the country of the actor that did it.
EVENT_COUNTRY = "coalesce(e.place_country, e.source_country)"


class CountryCount(BaseModel):
    country: str = Field(description="ISO 3166-1 alpha-3 (or IGO…) of the place, else of the source actor")
    name: str | None = Field(None, description="the country's English name")
    events: int
    fatalities: int = Field(description="sum of the events' fatalities")


class PeriodCount(BaseModel):
    period: str = Field(description="YYYY-MM")
    count: int


class TypeSeries(BaseModel):
    type: str
    total: int
    points: list[PeriodCount]


class Dashboard(BaseModel):
    countries: list[CountryCount] = Field(description="most events first")
    series: list[TypeSeries] = Field(description="events per month for each type, most events first")
    periods: list[str] = Field(description="every month from the first to the last, for a shared axis")
    no_country: int = Field(description="events with neither a place nor a source country")
    undated: int = Field(description="events without a date (not in the series)")


def dashboard_of(store: Store, f: EventFilter) -> Dashboard:
    where, args = event_where(f, full_text=store.full_text)
    countries, no_country = [], 0
    for code, n, dead in store.db.execute(
            f"SELECT {EVENT_COUNTRY} AS c, count(*), coalesce(sum(e.fatalities), 0) FROM {EVENT_FROM} {where} "
            f"GROUP BY c ORDER BY count(*) DESC, c", args):
        if code is None:
            no_country += n
        else:
            known = codes(code)
            countries.append(CountryCount(country=code, name=known.name if known else None, events=n, fatalities=dead))
    by_type: dict[str, list[PeriodCount]] = {}
    undated = 0
    for typ, month, n in store.db.execute(
            f"SELECT e.type, substr(e.date_lo, 1, 7) AS m, count(*) FROM {EVENT_FROM} {where} "
            f"GROUP BY e.type, m ORDER BY e.type, m", args):
        if month is None:
            undated += n
        else:
            by_type.setdefault(typ, []).append(PeriodCount(period=month, count=n))
    series = sorted((TypeSeries(type=t, total=sum(p.count for p in pts), points=pts) for t, pts in by_type.items()),
                    key=lambda s: (-s.total, s.type))
    return Dashboard(countries=countries, series=series, periods=_months(series), no_country=no_country,
                     undated=undated)


def _months(series: list[TypeSeries]) -> list[str]:
    seen = sorted({p.period for s in series for p in s.points})
    if not seen:
        return []
    (y, m), (y1, m1) = (map(int, seen[0].split("-")), map(int, seen[-1].split("-")))
    out = []
    while (y, m) <= (y1, m1):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out
