"""Places stage: place mentions → gazetteer entries with coordinates (record.places, token_place)."""
from __future__ import annotations

from eventwire.actors.scene import country_is_guessed
from eventwire.analysis import Analysis
from eventwire.places.find import FoundPlace, find_mentions, load_rules, resolve
from eventwire.places.gazetteer import gazetteer, precision_of
from eventwire.record import Place, Record
from eventwire.settings import Settings

__all__ = ["PlaceStage", "actor_mentions", "write_places"]


class PlaceStage:
    name = "places"
    requires = ("doc",)
    assigns = ("record.places", "token_place")

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.rules = load_rules()

    def __call__(self, an: Analysis) -> None:
        mentions = find_mentions(an.doc, self.rules)
        if not mentions:
            return
        found = resolve(mentions, gazetteer(), actor_mentions(an.record), self.rules,
                        self.settings.place_agents, an.doc.text, an.record.source)
        write_places(an, found)


def actor_mentions(rec: Record) -> list[tuple[str, str]]:
    """(country, mention text) of the actors found so far: context for ambiguous place names. An actor whose
    country is only the story's guessed focus ("Protests swept …" → the story country) is left out: it
    would vouch for the very guess it was made from."""
    return [(a.country, m.text) for a in rec.actors
            if a.country and len(a.country) == 3 and a.country.isalpha() and a.country not in ("IGO", "NGO")
            and not country_is_guessed(a.reason)
            for m in a.mentions]



def write_places(an: Analysis, found: list[FoundPlace]) -> None:
    rec = an.record
    gaz = gazetteer()
    for n, f in enumerate(found, start=len(rec.places) + 1):
        pid = f"P{n}"
        exact = precision_of(gaz, f.name, f.country, f.kind, f.lat, f.lon, f.geonameid)
        rec.places.append(Place(id=pid, name=f.name, country=f.country, kind=f.kind,
                                lat=None if f.lat is None else round(f.lat, 5),
                                lon=None if f.lon is None else round(f.lon, 5), geonameid=f.geonameid,
                                mentions=[rec.span(m.start, m.end) for m in f.mentions], reason=f.reason,
                                precision=exact.precision, admin1=exact.admin1, admin1_name=exact.admin1_name,
                                role=f.role))
        for m in f.mentions:
            if m.anchors:                      # only a name used as a location places events
                for i in m.tokens:
                    an.token_place[i] = pid
