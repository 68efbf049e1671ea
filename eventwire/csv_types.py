"""Column types for the CSV exports, so pandas and R read codes back as text.

A CSV file has no types: pandas and R guess them, and read the CAMEO code "080" as the number 80, a
doc_id "000123" as 123, and a year-only date "2020" as a number. Each CSV written to a file gets a
sidecar `NAME.schema.json` beside it: a Frictionless Table Schema (the open standard for typing CSV,
read by the `frictionless` tools for Python and R) that also carries the two one-liners users need:

    pandas:  eventwire.csv_types.read_csv("events.csv")        # or, without eventwire:
             pd.read_csv("events.csv", dtype=schema["pandas_dtypes"], keep_default_na=False, na_values=[""])
    R:       readr::read_csv("events.csv", col_types = jsonlite::read_json("events.schema.json")$readr_col_types,
                             na = "")
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Column:
    name: str
    kind: str          # str | int | float | bool | date


TABLE_SCHEMA_TYPES = {"str": "string", "int": "integer", "float": "number", "bool": "boolean", "date": "date"}
# Nullable pandas dtypes: an empty cell stays <NA> in an integer or boolean column instead of turning it to float.
PANDAS_DTYPES = {"str": "string", "int": "Int64", "float": "float64", "bool": "boolean", "date": "string"}
# readr's compact column spec letters: character, double (64-bit ids do not fit R integers), logical, Date.
READR_TYPES = {"str": "c", "int": "d", "float": "d", "bool": "l", "date": "D"}


def schema_path(csv_path: Path) -> Path:
    """events.csv → events.schema.json"""
    return csv_path.with_name(csv_path.stem + ".schema.json")


def table_schema(columns: list[Column]) -> dict[str, Any]:
    return {
        "fields": [{"name": c.name, "type": TABLE_SCHEMA_TYPES[c.kind],
                    **({"trueValues": ["true"], "falseValues": ["false"]} if c.kind == "bool" else {})}
                   for c in columns],
        "missingValues": [""],
        "pandas_dtypes": pandas_dtypes(columns),
        "pandas_parse_dates": [c.name for c in columns if c.kind == "date"],
        "readr_col_types": "".join(READR_TYPES[c.kind] for c in columns),
    }


def pandas_dtypes(columns: list[Column]) -> dict[str, str]:
    return {c.name: PANDAS_DTYPES[c.kind] for c in columns}


def write_table_schema(columns: list[Column], path: Path) -> None:
    part = path.with_name(path.name + ".part")
    part.write_text(json.dumps(table_schema(columns), indent=2) + "\n", encoding="utf-8")
    part.replace(path)


def read_csv(path: str | Path):
    """An eventwire CSV export as a pandas DataFrame with its columns typed (needs pandas and the sidecar
    schema written beside the CSV; without the sidecar, the event columns are assumed)."""
    import pandas as pd

    path = Path(path)
    sidecar = schema_path(path)
    if sidecar.is_file():
        schema = json.loads(sidecar.read_text(encoding="utf-8"))
    else:
        from eventwire.export import COLUMNS
        schema = table_schema(COLUMNS)
    df = pd.read_csv(path, dtype=schema["pandas_dtypes"], keep_default_na=False, na_values=[""])
    for name in schema["pandas_parse_dates"]:
        df[name] = pd.to_datetime(df[name], format="%Y-%m-%d")
    return df
