"""Fusion through the real pipeline: one event told by two articles becomes one fused event."""
from __future__ import annotations

from eventwire.store import EventFilter, Store

ARTICLE_A = ("Kenya urges Uganda to reopen border crossing\n\n"
             "Kenya urged Uganda on Tuesday to reopen the Busia border crossing, saying hundreds of trucks "
             "were stranded. The foreign ministry said talks would continue.")
ARTICLE_B = ("Nairobi presses Kampala over closed border\n\n"
             "The Kenyan government on Tuesday urged Uganda to reopen its border with Kenya after traders "
             "complained about losses. Ugandan officials did not comment.")
ARTICLE_C = ("Kenya urges Uganda to reopen border\n\n"
             "Kenya urged Uganda to reopen the border crossing, officials said on Friday.")


def test_same_event_from_two_articles_is_fused(tmp_path, pipeline):
    recs = [pipeline.code(ARTICLE_A, published="2024-03-05", source="Wire A", doc_id="a"),
            pipeline.code(ARTICLE_B, published="2024-03-05", source="Wire B", doc_id="b"),
            pipeline.code(ARTICLE_C, published="2024-03-20", source="Wire C", doc_id="c")]
    with Store.open(tmp_path / "f.db") as store:
        for r in recs:
            assert store.add_record(r)
        requests = store.events(EventFilter(type="REQUEST", actor="KEN"))
        assert {e.doc_id for e in requests} == {"a", "b", "c"}, [(e.doc_id, e.source_name) for e in requests]
        fused = store.fused_events(EventFilter(type="REQUEST", actor="KEN"))
        by_docs = sorted(f.doc_ids for f in fused)
        assert ["a", "b"] in by_docs                 # same day, same dyad: one event, two sources
        assert ["c"] in by_docs                      # fifteen days later: another event
        pair = next(f for f in fused if f.doc_ids == ["a", "b"])
        assert pair.n_articles == 2 and pair.source_country == "KEN" and pair.target_country == "UGA"
        texts = {r.doc_id: r.text for r in recs}
        for event_id, span in zip(pair.event_ids, pair.evidence):   # each source keeps its own evidence
            assert texts[event_id.split("#")[0]][span.start:span.end] == span.text and "urged" in span.text
