"""Reading and writing Parquet, CSV and JSON Lines files or folders with Spark.

CSV is read as text (no type inference: an id ``00123`` stays ``00123``), with a header
line and RFC 4180 quoting; empty fields are nulls. Output is a folder of part files, as
Spark writes it, and an existing output is refused unless ``overwrite`` is given.
"""

from __future__ import annotations

from pathlib import Path

from pyspark.sql import DataFrame, SparkSession

from clearance.errors import InputError

FORMATS = {".parquet": "parquet", ".csv": "csv", ".jsonl": "json", ".ndjson": "json"}
NAMES = {"parquet": "parquet", "csv": "csv", "jsonl": "json", "json": "json"}


def detect_format(path: str, given: str | None) -> str:
    """Spark format for ``path``: ``given``, else its suffix, else the files in the folder."""
    if given:
        fmt = NAMES.get(given.lower())
        if fmt is None:
            raise InputError(f"--format {given!r}: use parquet, csv or jsonl")
        return fmt
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt:
        return fmt
    local = Path(path)
    if local.is_dir():
        found = {FORMATS[p.suffix.lower()] for p in local.iterdir() if p.suffix.lower() in FORMATS}
        if len(found) == 1:
            return found.pop()
    raise InputError(
        f"{path}: cannot tell the format (name it .parquet, .csv or .jsonl, or give --format)"
    )


def read_input(spark: SparkSession, path: str, fmt: str | None = None) -> DataFrame:
    local = Path(path)
    if "://" not in path and not local.exists():
        raise InputError(f"{path}: no such file or folder")
    fmt = detect_format(path, fmt)
    reader = spark.read.format(fmt)
    if fmt == "csv":
        reader = reader.options(header="true", inferSchema="false", escape='"', multiLine="false")
    return reader.load(path)


def write_output(df: DataFrame, path: str, fmt: str | None = None, overwrite: bool = False) -> str:
    """Write ``df`` as a folder at ``path``; returns the Spark format used."""
    fmt = detect_format(path, fmt) if fmt else FORMATS.get(Path(path).suffix.lower(), "parquet")
    writer = df.write.format(fmt).mode("overwrite" if overwrite else "errorifexists")
    if fmt == "csv":
        writer = writer.options(header="true", escape='"')
    elif fmt == "json":
        writer = writer.option("ignoreNullFields", "false")  # every key on every line
    if "://" not in path and Path(path).exists() and not overwrite:
        raise InputError(f"{path}: already exists; remove it or pass --overwrite")
    writer.save(path)
    return fmt
