"""The HTTP API and the explore page over one eventwire store (SQLite), read-only.

    from eventwire.web.app import create_app
    app = create_app("events.db")          # then: uvicorn.run(app, host="127.0.0.1", port=8000)

Every read goes through the store's API (eventwire.store), whose SQL binds all parameters. Errors answer
one JSON shape (eventwire.web.errors). The page at / is static files; it reads only this API.
"""
# No `from __future__ import annotations` here: FastAPI reads these annotations at run time.
import io
import threading
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any, Iterator

from fastapi import APIRouter, Body, Depends, FastAPI, Query, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles

from eventwire import __version__
from eventwire.errors import StoreError
from eventwire.export import FUSED, write_csv
from eventwire.record import Record
from eventwire.settings import Settings
from eventwire.store import PLOVER_TYPES, EventFilter, EventRow, Network, Store
from eventwire.web.dashboard import Dashboard, dashboard_of
from eventwire.web.errors import ApiError, install_error_handlers
from eventwire.web.guard import BodyLimit, HostCheck, SecurityHeaders
from eventwire.web.models import (ActorList, CodeRequest, DocumentList, ErrorBody, EventsPage, FusedPage, PlaceList,
                                  QuoteList, Timeline, TypeList, timeline_of)

STATIC = Path(__file__).parent / "static"
# A page of events: enough for a screen of table, small enough that one request stays cheap.
MAX_LIMIT = 500
# POST /api/code: a news story is 5–100 kB; a megabyte is a scrape or an attack, not an article.
MAX_BODY = 1 * 2**20
# Longest wait for the (single) pipeline behind other POST /api/code requests before answering 503; the
# first request also loads spaCy (a few seconds), so this leaves room for that and a few articles.
CODE_WAIT_S = 30.0
# Host names a server on the loopback interface answers to (see guard.HostCheck).
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}
# Longest filter string we accept: names and phrases, not documents.
MAX_FILTER = 200



def _filter(description: str) -> Any:
    return Query(max_length=MAX_FILTER, description=description)


def get_store(request: Request) -> Iterator[Store]:
    """One read-only connection per request: SQLite connections are not shared across threads."""
    s = Store.open(request.app.state.db_path, readonly=True)
    try:
        yield s
    finally:
        s.close()


def event_filter(
    actor: Annotated[str | None, _filter("source or target: part of a name, or a code (TUR, TURGOV, kb id)")] = None,
    country: Annotated[str | None, _filter("country of either actor or of the place: a name (Iraq), ISO alpha-3 "
                                           "or alpha-2 (IRQ, IQ), or an actor code (IGO)")] = None,
    type: Annotated[str | None, _filter("PLOVER event type; several as ASSAULT,COERCE")] = None,
    since: Annotated[str | None, _filter("first day, YYYY-MM-DD (or YYYY-MM, YYYY)")] = None,
    until: Annotated[str | None, _filter("last day, YYYY-MM-DD (or YYYY-MM, YYYY)")] = None,
    place: Annotated[str | None, _filter("part of a place name, or a GeoNames id")] = None,
    text: Annotated[str | None, _filter("words that must occur in the event's evidence")] = None,
) -> EventFilter:
    """Filters shared by /api/events, /api/timeline and /api/network (validated by EventFilter → 400)."""
    return EventFilter(actor=actor, country=country, type=type, since=since, until=until, place=place, text=text)


def reject_unknown_parameters(request: Request) -> None:
    """400 for a query parameter the endpoint does not take: a misspelt filter ("contry=IRQ") would
    otherwise be ignored and answer every event, which reads as if the filter had matched them all."""
    route = request.scope.get("route")
    if route is None or not hasattr(route, "dependant"):
        return
    known: set[str] = set()
    todo = [route.dependant]
    while todo:                   # the endpoint's own parameters and those of its dependencies (the filters)
        d = todo.pop()
        known.update(p.alias for p in d.query_params)
        todo.extend(d.dependencies)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise ApiError(400, f"unknown parameter {', '.join(unknown)}; this endpoint takes "
                            f"{', '.join(sorted(known)) or 'no parameters'}", "unknown_parameter")


StoreDep = Annotated[Store, Depends(get_store)]
FilterDep = Annotated[EventFilter, Depends(event_filter)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"page size, at most {MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=10**9)]
# Every endpoint may answer these, always in the one error shape.
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "invalid parameter or body"},
    404: {"model": ErrorBody, "description": "unknown id"},
    413: {"model": ErrorBody, "description": "request body too large"},
}
api = APIRouter(prefix="/api", responses=ERRORS, dependencies=[Depends(reject_unknown_parameters)])


def create_app(db_path: str | Path, *, max_body: int = MAX_BODY, settings: Settings | None = None,
               allowed_hosts: set[str] | None = LOOPBACK_HOSTS) -> FastAPI:
    """The app for the store at `db_path` (opened now, so a bad file fails before serving).

    `allowed_hosts`: Host header names to answer (default: the loopback names); None answers any host."""
    db_path = Path(db_path)
    if not db_path.is_file():
        raise StoreError(f"no such store: {db_path} (create one with `eventwire ingest`)")
    Store.open(db_path, readonly=True).close()
    app = FastAPI(title="eventwire", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="Political event data coded from news articles (PLOVER types, CAMEO crosswalk); "
                              "every event carries the text spans behind it.")
    app.state.db_path = db_path
    app.state.coder = _Coder(settings or Settings())
    install_error_handlers(app)
    app.add_middleware(GZipMiddleware, minimum_size=2048)   # a page of 500 events is ~350 kB of JSON
    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_middleware(HostCheck, allowed=allowed_hosts)
    app.add_middleware(SecurityHeaders)
    app.include_router(api)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    app.openapi = lambda: _openapi(app)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    return app


Sort = Annotated[str | None, Query(max_length=40, description="column to sort by (date, type, source, target, "
                                                                  "place, fatalities…); -name for descending")]


@api.get("/events", summary="Events matching the filters, one page at a time")
def events(s: StoreDep, f: FilterDep, limit: Limit = 50, offset: Offset = 0, sort: Sort = None) -> EventsPage:
    return EventsPage(total=s.count_events(f), limit=limit, offset=offset,
                      items=s.events(f, limit=limit, offset=offset, sort=sort))


@api.get("/fused", summary="Fused events (one event told by several articles), one page at a time")
def fused(s: StoreDep, f: FilterDep, limit: Limit = 50, offset: Offset = 0, sort: Sort = None) -> FusedPage:
    return FusedPage(total=s.count_fused_events(f), limit=limit, offset=offset,
                     items=s.fused_events(f, limit=limit, offset=offset, sort=sort))


@api.get("/export.csv", summary="Every event matching the filters as CSV (the columns of `eventwire export`)",
         response_class=StreamingResponse, responses={200: {"content": {"text/csv": {}}}})
def export_csv(s: StoreDep, f: FilterDep,
               fused: Annotated[bool, Query(description="one row per fused event")] = False) -> StreamingResponse:
    buf = io.StringIO()
    if fused:
        write_csv(s.fused_events(f, limit=None), buf, FUSED)
    else:
        write_csv(s.iter_events(f), buf)
    name = "eventwire-fused.csv" if fused else "eventwire-events.csv"
    return StreamingResponse(iter([buf.getvalue()]), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})


@api.get("/dashboard", summary="Events per country and per month for each type, for the filters")
def dashboard(s: StoreDep, f: FilterDep) -> Dashboard:
    return dashboard_of(s, f)


@api.get("/events/{event_id:path}", summary="One event by its store id (\"<doc_id>#E1\")")
def event(event_id: str, s: StoreDep) -> EventRow:
    row = s.event(event_id)
    if row is None:
        raise ApiError(404, f"no event with id {event_id!r}")
    return row


@api.get("/documents", summary="Articles in the store; `q` keeps those whose title or text has all its words")
def documents(s: StoreDep, q: Annotated[str | None, _filter("words in the title or text")] = None,
              limit: Limit = 50, offset: Offset = 0) -> DocumentList:
    if q and q.strip():
        return DocumentList(items=s.search_documents(q, limit=offset + limit)[offset:])
    return DocumentList(items=s.documents(limit=limit, offset=offset))


@api.get("/quotes", summary="Who said what: quotes with their speaker, cue and content spans")
def quotes(s: StoreDep, doc_id: Annotated[str | None, _filter("quotes of one article")] = None,
           speaker: Annotated[str | None, _filter("part of the speaker's name")] = None,
           limit: Limit = 50, offset: Offset = 0) -> QuoteList:
    return QuoteList(items=s.quotes(doc_id=doc_id, speaker=speaker, limit=limit, offset=offset))


@api.get("/documents/{doc_id:path}", summary="The whole eventwire/1 record of one article, spans included")
def document(doc_id: str, s: StoreDep) -> dict[str, Any]:
    rec = s.document(doc_id)
    if rec is None:
        raise ApiError(404, f"no document with id {doc_id!r}")
    return rec.to_dict()


@api.get("/actors", summary="Actors across the store, most active first")
def actors(s: StoreDep, limit: Annotated[int, Query(ge=1, le=5000)] = 500, offset: Offset = 0) -> ActorList:
    return ActorList(items=s.actors(limit=limit, offset=offset))


@api.get("/network", summary="Actors as nodes; events and backs/opposes relations as weighted edges")
def network(s: StoreDep, f: FilterDep) -> Network:
    return s.network(f)


@api.get("/places", summary="Places across the store, with coordinates where known")
def places(s: StoreDep, limit: Annotated[int, Query(ge=1, le=5000)] = 1000, offset: Offset = 0) -> PlaceList:
    return PlaceList(items=s.places(limit=limit, offset=offset))


@api.get("/timeline", summary="Events per day for the filters (month- or year-dated events counted apart)")
def timeline(s: StoreDep, f: FilterDep) -> Timeline:
    return timeline_of(s, f)


@api.get("/summary", summary="Counts of documents, events, actors and places in the store")
def summary(s: StoreDep) -> dict[str, Any]:
    out = asdict(s.summary())
    out.pop("path", None)          # the server's file system is none of the client's business
    return out


@api.get("/types", summary="The PLOVER event types a `type` filter accepts")
def types() -> TypeList:
    return TypeList(items=list(PLOVER_TYPES))


@api.post("/code", summary="Code one posted article (text or HTML) without storing it")
def code(req: Annotated[CodeRequest, Body()], request: Request) -> dict[str, Any]:
    return request.app.state.coder.code(req).to_dict()


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's document, minus its default 422 answers: our validation errors are 400 in ErrorBody."""
    if app.openapi_schema is None:
        from fastapi.openapi.utils import get_openapi

        doc = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        for path in doc.get("paths", {}).values():
            for op in path.values():
                op.get("responses", {}).pop("422", None)
        for name in ("HTTPValidationError", "ValidationError"):
            doc.get("components", {}).get("schemas", {}).pop(name, None)
        app.openapi_schema = doc
    return app.openapi_schema


class _Coder:
    """The pipeline for POST /api/code, loaded on first use (spaCy takes seconds) and used by one
    request at a time (a spaCy pipeline is not meant to be shared across threads)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._pipeline = None
        self._lock = threading.Lock()

    def code(self, req: CodeRequest) -> Record:
        from eventwire.pipeline import Pipeline

        # Waiting requests hold server threads; past CODE_WAIT_S the client is better told to come back
        # than left queued behind a burst of posts while the read endpoints starve.
        if not self._lock.acquire(timeout=CODE_WAIT_S):
            raise ApiError(503, "the coder is busy with other articles; retry in a few seconds", "busy")
        try:
            if self._pipeline is None:
                self._pipeline = Pipeline(self.settings)
            body, html = (req.html, True) if req.html is not None else (req.text, False)
            return self._pipeline.code(body, html=html, published=req.published, source=req.source,
                                       title=req.title, url=req.url, doc_id=req.doc_id)
        finally:
            self._lock.release()
