"""Names the story uses for people: a town's name that is also a person's name in the same article.

The small parser tags many people as places when they appear alone ("Freeland said", "Heiden's
recommendations"), after it tagged the full name as a PERSON elsewhere ("Chrystia Freeland", "William
Heiden"). A name that is the surname of a PERSON entity elsewhere in the article, and that the sentence
does not use as a location (no "in", "to", "near" …, here or in another mention), is that person: not a
town of that name. Countries, states, capitals and big cities keep their reading ("Jordan", "Georgia",
"Washington said"): a person sharing the name does not outweigh them.
"""
from __future__ import annotations

from spacy.tokens import Doc

from eventwire.places.gazetteer import BIG_CITY_POP, GeoEntry



def person_names(doc: Doc) -> frozenset[str]:
    """Surnames of the article's people: the last word of each PERSON entity of two words or more ("Chrystia
    Freeland"). A one-word PERSON says little (the parser tags towns so too: "Gainesville"), and earlier
    words are often a town folded into a title ("Gainesville Mayor Myrtle Figueras")."""
    return frozenset(ent[-1].lower_ for ent in doc.ents
                     if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].is_alpha and ent[-1].text[:1].isupper())


def person_not_town(m, e: GeoEntry) -> bool:
    """Is a place mention (find.PlaceMention) that resolved to `e` the person of that name rather than a town?"""
    return (m.person and not m.locative and not m.dateline and not m.region_noun and e.kind == "city"
            and not e.capital and e.population < BIG_CITY_POP)
