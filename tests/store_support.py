"""Hand-built records for store, query and export tests: every field known, no parse needed."""
from __future__ import annotations

from eventwire.record import Actor, Event, Place, Quote, Record, Relation, Span

TEXT = ("Turkey urged Russia to halt its support for the rebels. Russian jets bombed Tripoli on Monday, "
        "officials said. \"We will not stop,\" a Kremlin spokesman said.")


def make_record(doc_id: str, *, assault_date: str | None = "2020-05-04", place: bool = True,
                request_type: str = "REQUEST") -> Record:
    t = TEXT
    i = t.index
    r = Record(doc_id=doc_id, text=t, published="2020-05-05", source="Wire", title=f"Story {doc_id}",
               url=f"https://example.org/{doc_id}")
    r.actors = [Actor("A1", "Turkey", "TUR", "GOV", "country:TUR", [Span.of(t, 0, 6)], reason="kb"),
                Actor("A2", "Russia", "RUS", "GOV", "country:RUS", [Span.of(t, i("Russia"), i("Russia") + 6)]),
                Actor("A3", "Kremlin spokesman", "RUS", "GOV", None,
                      [Span.of(t, i("Kremlin"), i("Kremlin") + 17)])]
    r.places = [Place("P1", "Tripoli", "LBY", "city", 32.89, 13.19, 2210247, [Span.of(t, i("Tripoli"), i("Tripoli") + 7)])]
    s2 = i("Russian jets")
    r.events = [
        Event("E1", request_type, mode="change", cameo="10", source="A1", target="A2", date="2020-05-05",
              trigger=Span.of(t, 7, 12), evidence=Span.of(t, 0, s2 - 1), reason="lexicon: urge"),
        Event("E2", "ASSAULT", mode="aerial", cameo="195", source="A2", date=assault_date,
              place="P1" if place else None, confidence=0.8, trigger=Span.of(t, s2 + 13, s2 + 19),
              evidence=Span.of(t, s2, i("\"We") - 1), reason="lexicon: bomb")]
    r.quotes = [Quote("Q1", speaker="A3", speaker_text="a Kremlin spokesman",
                      content=Span.of(t, i("We will"), i("stop,") + 4), cue=Span.of(t, len(t) - 5, len(t) - 1))]
    r.relations = [Relation("opposes", "A1", "A2", evidence=Span.of(t, 0, s2 - 1), reason="halt its support")]
    return r
