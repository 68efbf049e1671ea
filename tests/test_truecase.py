"""Lower-case texts: names capitalised for the parser, spans kept on the text as given."""
from eventwire.pipeline import Pipeline
from eventwire.record import span_errors
from eventwire.truecase import mostly_lower, parse_text, truecase

LOWER = ("new delhi: the police arrested twelve men in lucknow on monday after a clash near the market, "
         "officials said. the men were taken to a police station in the city. the government of india said "
         "it would send more police to uttar pradesh. i was told the united nations had asked for calm.")


def test_lower_case_text_is_detected_and_normal_text_is_not():
    assert mostly_lower(LOWER)
    assert not mostly_lower("The police arrested twelve men in Lucknow on Monday after a clash near the market, "
                            "officials said. The men were taken to a police station in the city.")
    assert not mostly_lower("too short to judge")


def test_known_names_sentence_starts_and_i_are_capitalised():
    out = truecase(LOWER)
    for name in ("New Delhi", "Lucknow", "Monday", "India", "Uttar Pradesh", "United Nations", "The men", " I was"):
        assert name in out, name
    # ordinary words stay as they are, even where a town somewhere bears their name
    assert "the police arrested" in out and "police station in the city" in out


def test_truecased_copy_changes_case_only():
    out = truecase(LOWER)
    assert len(out) == len(LOWER) and out.lower() == LOWER.lower()
    assert parse_text("The Police Arrested Him In Lucknow.") == "The Police Arrested Him In Lucknow."


def test_lower_case_article_finds_actors_with_spans_on_the_original_text():
    rec = Pipeline().code(LOWER, published="2020-03-02")
    assert rec.text == LOWER
    assert span_errors(rec) == []
    assert any(a.country == "IND" for a in rec.actors)
    assert any(p.country == "IND" for p in rec.places)
