"""The SQLite corpus store: schema and migrations, ingest, fusion, queries (see core.Store)."""
from eventwire.store.core import Store
from eventwire.store.filters import PLOVER_TYPES, EventFilter, FilterError
from eventwire.store.ingestion import IngestStats, ingest
from eventwire.store.rows import (ActorRow, DocumentRow, EventRow, FusedEventRow, Network, NetworkEdge, NetworkNode,
                                  PlaceRow, QuoteRow, Summary)

__all__ = ["Store", "EventFilter", "FilterError", "PLOVER_TYPES", "IngestStats", "ingest", "ActorRow",
           "DocumentRow", "EventRow", "FusedEventRow", "Network", "NetworkEdge", "NetworkNode", "PlaceRow",
           "QuoteRow", "Summary"]
