"""User actor dictionaries: eventwire's own YAML/CSV format and the CAMEO/PETRARCH dictionary format.

PETRARCH actor files list names and synonyms with CAMEO codes:

    GOLLUM            # a comment
    +SMEAGOL          (a synonym of the block's name)
        [HOB < 950601]                       (codes may be date-restricted: before, after, between)
        [HOBGOV 19950601 - 19990815]
    UNITED_STATES [USA]                      ("_" joins words; a trailing "_" means "this word exactly")

Agent files map role nouns to sector codes: `PRESIDENT [~GOV]`, `TROOPS {} [~MIL]` (braces give plurals,
`{}` none), `HUMAN_RIGHTS_BODY [NGO~]` (the code goes before the country), and `!PERSON! = MAN, MEN`
substitution sets used inside names (`CONGRESS!PERSON!`).
"""
from __future__ import annotations

import re
from pathlib import Path

from eventwire.actors.kb import KB, DatedCode, Entry, Role, countries_from_csv, entries_from_csv, load_yaml_file
from eventwire.errors import UsageError

_HTML_COMMENT = re.compile(r"<!\s*--.*?-->", re.S)
_CODE = re.compile(r"\[([^\]]*)\]")
_DATE = r"(\d{6}|\d{8})"
_BEFORE = re.compile(r"^<\s*" + _DATE + "$")
_AFTER = re.compile(r"^>\s*" + _DATE + "$")
_BETWEEN = re.compile(r"^" + _DATE + r"\s*-\s*" + _DATE + "$")
_MACRO = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
_NO_COUNTRY = {"---", "+++", "###", ""}
# Role (sector) blocks of CAMEO/PLOVER codes; other blocks after the root are known-group or attribute codes
# ("PSEHMSGOV": Hamas (HMS) government), so the sector is the first block found here.
SECTOR_CODES = frozenset("""COP GOV INS JUD MIL OPP REB SEP SPY UAF AGR BUS CRM CVL CIV DEV EDU ELI ENV HLH HRI LAB
LEG MED REF MOD RAD PRM PTY JRN SOC REL PRE UNK SET PKO IGO NGO MOP""".split())


def load_user_file(path: Path) -> KB:
    """One --actors file, by its extension and content."""
    if not path.is_file():
        raise UsageError(f"actor dictionary {str(path)!r} does not exist: check the --actors path")
    text = path.read_text(encoding="utf-8", errors="replace")
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return load_yaml_file(path)
    if suffix == ".csv":
        header = next((ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")), "")
        return countries_from_csv(text) if header.startswith("iso3") else entries_from_csv(text)
    if "[~" in text or "~]" in text:
        return parse_agents(text, source=path.name)
    return parse_actors(text, source=path.stem)


def _full_year(d: str) -> str:
    """PETRARCH dates are YYYYMMDD or the old YYMMDD (years 30-99 are 19xx)."""
    if len(d) == 6:
        return ("19" if int(d[:2]) >= 30 else "20") + d
    return d


def _split_code(code: str) -> tuple[str | None, str | None]:
    """CAMEO code → (country/root, first role block): "ARNGOV" → ("ARN", "GOV"), "---GOV" → (None, "GOV")."""
    code = code.strip().split("/")[0].upper()
    root = code[:3]
    blocks = [code[i:i + 3] for i in range(3, len(code), 3)]
    # a known sector block anywhere ("PSEHMSGOV" → GOV), else the second block as the dictionary gives it
    sector = next((b for b in blocks if b in SECTOR_CODES), blocks[0] if blocks else None)
    return (None if root in _NO_COUNTRY else root), sector


def parse_code(raw: str) -> DatedCode | None:
    """"HOBGOV 19950601 - 19990815" → DatedCode; None for a code block with no usable code."""
    parts = raw.strip().split(None, 1)
    if not parts:
        return None
    code, when = parts[0], (parts[1].strip() if len(parts) > 1 else "")
    if code.startswith(("<", ">")) or code[:1].isdigit():      # "[<911226]": a date with no code
        return None
    country, sector = _split_code(code)
    start = end = None
    if m := _BEFORE.match(when):
        end = _full_year(m.group(1))
    elif m := _AFTER.match(when):
        start = _full_year(m.group(1))
    elif m := _BETWEEN.match(when):
        start, end = _full_year(m.group(1)), _full_year(m.group(2))
    return DatedCode(country, sector, start, end)


def _clean_lines(text: str) -> list[str]:
    out = []
    for line in _HTML_COMMENT.sub("", text).splitlines():
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            out.append(line)
    return out


def _words(name: str) -> tuple[str, bool]:
    """PETRARCH name → (text with spaces, stem?): a trailing "_" means exact match, none allows suffixes."""
    name = name.strip()
    exact = name.endswith("_")
    return " ".join(name.replace("_", " ").split()), not exact


def parse_actors(text: str, source: str = "petrarch") -> KB:
    """A CAMEO/PETRARCH actor dictionary → entries (one per block, keyed by its first code)."""
    blocks: list[tuple[list[str], list[DatedCode]]] = []
    for line in _clean_lines(text):
        head = line.lstrip()
        codes = [c for c in (parse_code(raw) for raw in _CODE.findall(head)) if c is not None]
        name = _CODE.sub("", head).strip()
        if head.startswith("+"):
            if blocks:
                blocks[-1][0].append(name[1:])
        elif line[0].isspace() and blocks and not name:
            blocks[-1][1].extend(codes)            # an indented code line of the open block
        elif name:
            blocks.append(([name], codes))
        elif blocks:
            blocks[-1][1].extend(codes)
    kb = KB()
    for names, codes in blocks:
        if not codes:
            continue
        undated = [c for c in codes if c.start is None and c.end is None]
        default = undated[-1] if undated else codes[-1]
        dated = tuple(c for c in codes if c.start is not None or c.end is not None) + ((default,) if undated else ())
        first, _ = _words(names[0])
        key = "".join(x or "" for x in (default.country, default.sector)) or first.upper()
        entry = Entry(f"{source}:{key}:{first.lower()}", first.title(), default.country, default.sector,
                      kind="dictionary", dated=dated if len(codes) > 1 else ())
        for n in names:
            words, stem = _words(n)
            if words:
                kb.add(entry, [(words.title() if words.isupper() else words, "name")], stem=stem)
    return kb


def parse_agents(text: str, source: str = "agents") -> KB:
    """A CAMEO/PETRARCH agent dictionary → roles (`~GOV` → sector GOV; `NGO~` → holder's country NGO)."""
    macros: dict[str, list[str]] = {}
    kb = KB()
    for line in _clean_lines(text):
        if m := _MACRO.match(line.strip()):
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        codes = _CODE.findall(line)
        if not codes:
            continue
        name = _CODE.sub("", line)
        plurals: list[str] | None = None
        if (b := re.search(r"\{([^}]*)\}", name)):
            plurals = [p for p in b.group(1).replace(",", " ").split() if p]
            name = name[:b.start()] + name[b.end():]
        code = codes[0].strip().upper()
        sector, country = None, None
        if code.startswith("~"):
            sector = code[1:4] or None
        elif code.endswith("~"):
            country = code[:-1][:3] or None
        for variant in _expand(name.strip(), macros):
            words, _ = _words(variant)
            if words:
                kb.roles.append(Role(words.lower(), sector, person=False, country=country,
                                     plural=plurals is None, source=source))
        for p in plurals or []:
            kb.roles.append(Role(_words(p)[0].lower(), sector, person=False, country=country, plural=False,
                                 source=source))
    return kb


def _expand(name: str, macros: dict[str, list[str]]) -> list[str]:
    """Substitute `!SET!` markers: CONGRESS!PERSON! → CONGRESSMAN, CONGRESSMEN …"""
    m = re.search(r"![A-Z]+!", name)
    if not m or m.group(0) not in macros:
        return [name]
    out = []
    for value in macros[m.group(0)]:
        out.extend(_expand(name[:m.start()] + value + name[m.end():], macros))
    return out
