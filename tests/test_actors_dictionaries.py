"""Actor knowledge base and user dictionaries: our YAML/CSV format and the CAMEO/PETRARCH format."""
from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.actors.dictionaries import load_user_file, parse_actors, parse_agents, parse_code
from eventwire.actors.kb import DatedCode, load_builtin
from eventwire.actors.lexicon import plural_forms
from eventwire.errors import UsageError
from eventwire.inputs import Article, Meta
from eventwire.pipeline import Pipeline
from eventwire.record import Record
from eventwire.settings import Settings

ACTORS_TXT = """\
<!-- A small actor dictionary written for these tests.
     Names are invented. -->
VALDORIA  [VLD]   # a country
+VALDORIAN
+PORT_ESKEN

NORTHERN_FRONT_ [VLDREB]
+NF

MARTA KOVEL   # a person whose job changed over time
\t[VLDOPP < 20150101]
\t[VLDGOV 20150101 - 20191231]
\t[VLDELI > 20200101]

TIDEWATCH COUNCIL
\t[IGOCOPTWC]

OLD_ARCHIVE [---]
"""

AGENTS_TXT = """\
<!-- agents written for these tests -->
!OFFICIAL! = CLERK, CLERKS, WARDEN

HARBOUR_MASTER [~GOV] # a role
TIDE!OFFICIAL! [~JUD]
LIGHTHOUSE_KEEPERS {} [~CVL]
SEA_SCOUT {SEA_SCOUTS_TROOP} [~EDU]
RESCUE_CHARITY [NGO~]
"""


def test_parse_code_reads_dates_and_blocks():
    assert parse_code("VLDGOV 20150101 - 20191231") == DatedCode("VLD", "GOV", "20150101", "20191231")
    assert parse_code("HOB < 950601") == DatedCode("HOB", None, None, "19950601")
    assert parse_code("VLDELI > 20200101") == DatedCode("VLD", "ELI", "20200101", None)
    assert parse_code("PSEHMSGOV") == DatedCode("PSE", "GOV")        # the known-group block is skipped
    assert parse_code("---GOV") == DatedCode(None, "GOV")
    assert parse_code("< 911226") is None


def test_petrarch_actors_blocks_synonyms_and_dates():
    kb = parse_actors(ACTORS_TXT, source="test")
    by_text = {a.text.lower(): a for a in kb.aliases}
    valdoria = by_text["valdoria"].entry
    assert by_text["valdorian"].entry is valdoria and by_text["port esken"].entry is valdoria
    assert (valdoria.country, valdoria.sector) == ("VLD", None)
    front = by_text["northern front"]
    assert (front.entry.country, front.entry.sector, front.stem) == ("VLD", "REB", False)
    assert by_text["valdoria"].stem
    kovel = by_text["marta kovel"].entry
    assert kovel.code_at("2010-05-01") == ("VLD", "OPP")
    assert kovel.code_at("2017-05-01") == ("VLD", "GOV")
    assert kovel.code_at("2021-05-01") == ("VLD", "ELI")
    council = by_text["tidewatch council"].entry
    assert (council.country, council.sector) == ("IGO", "COP")
    assert by_text["old archive"].entry.country is None


def test_petrarch_agents_macros_plurals_and_prefix_codes():
    kb = parse_agents(AGENTS_TXT, source="test")
    roles = {r.text: r for r in kb.roles}
    assert roles["harbour master"].sector == "GOV" and roles["harbour master"].plural
    assert {"tideclerk", "tideclerks", "tidewarden"} <= set(roles)
    assert roles["tidewarden"].sector == "JUD"
    assert not roles["lighthouse keepers"].plural                     # {} = no generated plural
    assert roles["sea scouts troop"].sector == "EDU" and not roles["sea scout"].plural
    assert roles["rescue charity"].country == "NGO" and roles["rescue charity"].sector is None


def test_the_shipped_petrarch_validation_dictionaries_load():
    suite = Path(__file__).resolve().parent.parent.parent / "shared" / "peers" / "petrarch2"
    if not suite.is_dir():
        pytest.skip("shared/peers/petrarch2 is not present")
    actors = load_user_file(suite / "PETR.Validate.actors.txt")
    agents = load_user_file(suite / "PETR.Validate.agents.txt")
    assert len(actors.entries) > 100 and len(agents.roles) > 80
    gollum = next(a.entry for a in actors.aliases if a.text == "Smeagol")
    assert gollum.code_at("1997-01-01") == ("HOB", "GOV")


def test_own_yaml_and_csv_formats(tmp_path):
    yml = tmp_path / "mine.yaml"
    yml.write_text("# my actors\n- {id: mine:HARBOR, name: Harbour Guild, aliases: [HG], country: VLD, sector: BUS}\n",
                   encoding="utf-8")
    kb = load_user_file(yml)
    assert kb.entries["mine:HARBOR"].sector == "BUS"
    assert {a.text for a in kb.aliases} == {"Harbour Guild", "HG"}
    assert next(a for a in kb.aliases if a.text == "HG").exact_case
    roles = tmp_path / "roles.yaml"
    roles.write_text("COP:\n  people: [harbour constable]\n  bodies: [harbour watch]\n", encoding="utf-8")
    assert {r.text for r in load_user_file(roles).roles} == {"harbour constable", "harbour watch"}
    csv = tmp_path / "countries.csv"
    csv.write_text("# my countries\niso3,name,aliases,demonyms,capitals\nVLD,Valdoria,,Valdorian,Esken\n",
                   encoding="utf-8")
    kb = load_user_file(csv)
    assert kb.entries["country:VLD"].sector == "GOV"
    assert {(a.text, a.form) for a in kb.aliases} == {("Valdoria", "name"), ("Valdorian", "demonym"),
                                                      ("Esken", "capital")}


def test_missing_dictionary_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="--actors"):
        load_user_file(tmp_path / "nope.txt")


def test_builtin_kb_has_countries_demonyms_capitals_and_roles():
    kb = load_builtin()
    forms = {(a.text, a.form): a.entry.kb_id for a in kb.aliases}
    assert forms[("Turkey", "name")] == "country:TUR"
    assert forms[("Emirati", "demonym")] == "country:ARE"
    assert forms[("Ankara", "capital")] == "country:TUR"
    assert forms[("UNSMIL", "alias")] == "igo:UNSMIL"
    assert kb.entries["gov:GNA"].government_of == "LBY"
    sectors = {r.text: r.sector for r in kb.roles}
    assert sectors["army"] == "MIL" and sectors["rebel"] == "REB" and sectors["prime minister"] == "GOV"
    assert len([e for e in kb.entries.values() if e.kind == "country"]) >= 249


def test_plural_forms():
    assert plural_forms("army") == ["armies"]
    assert plural_forms("militiaman") == ["militiamen"]
    assert plural_forms("prime minister") == ["prime ministers"]
    assert plural_forms("press") == ["presses"]


def test_user_dictionaries_in_the_pipeline(tmp_path):
    actors = tmp_path / "valdoria.txt"
    actors.write_text(ACTORS_TXT, encoding="utf-8")
    agents = tmp_path / "agents.txt"
    agents.write_text(AGENTS_TXT, encoding="utf-8")
    settings = Settings()
    settings.actor_files = [actors, agents]
    pipe = Pipeline(settings)
    text = ("Valdoria accused the Northern Front of shelling the harbour. "
            "Valdorian harbour masters closed the port, and Marta Kovel condemned the attack.")
    rec = next(pipe.pipe([Article("t", text=text, meta=Meta(published="2017-03-02"))]))
    assert isinstance(rec, Record)
    got = {a.name: (a.country, a.sector) for a in rec.actors}
    assert got["Valdoria"] == ("VLD", "GOV")
    assert got["Northern Front"] == ("VLD", "REB")
    assert got["Marta Kovel"] == ("VLD", "GOV")                   # the 2015-2019 code
    masters = next(a for a in rec.actors if any(m.text == "Valdorian harbour masters" for m in a.mentions))
    assert (masters.country, masters.sector) == ("VLD", "GOV")
