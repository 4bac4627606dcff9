"""Small data sets shipped with the package, each a CSV file in ``socialmath/data`` with a
``source`` column naming the reference (a key of ``book/references.bib``) of every row.

A file is checked as it is read: a malformed one raises :class:`DataError` naming the file, the
line and the problem, rather than returning a silently wrong table.

>>> studies = small_world_studies()
>>> edunov = studies.set_index("source").loc["edunov2016"]
>>> int(edunov["year"]), float(edunov["distance"]), int(edunov["size"])
(2016, 4.57, 1590000000)
>>> available()
['essay_claims', 'small_world_studies']
"""

from __future__ import annotations

import csv
import io
import numbers
from importlib import resources
from pathlib import Path

import pandas as pd

__all__ = ["DataError", "available", "essay_claims", "load", "read_csv", "small_world_studies",
           "studies_as_text"]

STATUSES = {"V", "V2", "U"}
#: The order of the statuses, strongest first: a claim's status is its weakest source's.
STATUS_ORDER = ("V", "V2", "U")
#: What the course's sources say about a claim of the essay.
VERDICTS = ("holds", "in part", "unsupported", "misattributed", "definition")
MEASURES = {"distance", "intermediaries", "unclear"}
#: What a study's low-high range describes: two readings of an ambiguous text, the shortest and
#: the longest single chain, or a figure that the study itself gives as a range.
RANGES = {"readings": "two readings of the text", "chains": "shortest to longest chain",
          "figure": "given as a range"}
_STUDY_NUMBERS = ["year", "size", "reported", "reported_low", "reported_high", "distance",
                  "distance_low", "distance_high"]
_CLAIM_COLUMNS = ["claim", "essay", "found", "chapters", "source", "status", "verdict"]
#: Chapters of the course a claim can be checked in.
CHAPTERS = range(1, 8)
_STUDY_COLUMNS = ["study", "year", "population", "size", "statistic", "measure",
                  *_STUDY_NUMBERS[2:], "range_of", "status", "source", "note"]


class DataError(ValueError):
    """A data file that cannot be read as promised; the message names file, line and problem."""


def _data_dir():
    return resources.files("socialmath").joinpath("data")


def available() -> list[str]:
    """Names of the data sets shipped with the package (file names without ``.csv``)."""
    return sorted(entry.name[:-4] for entry in _data_dir().iterdir()
                  if entry.name.endswith(".csv"))


def load(name: str) -> pd.DataFrame:
    """Read the shipped data set ``name`` (see :func:`available`) as a DataFrame.

    >>> load("small_world_studies")["source"].iloc[0]
    'karinthy1929'
    """
    if not isinstance(name, str):
        raise TypeError(f"name must be a string, got {name!r} ({type(name).__name__})")
    if name not in available():
        raise ValueError(f"name must be one of {available()}, got {name!r}")
    return _parse(_decode(_data_dir().joinpath(f"{name}.csv").read_bytes(), f"{name}.csv"),
                  f"{name}.csv")


def read_csv(path: str | Path) -> pd.DataFrame:
    """Read a CSV file of your own with the same checks as the shipped ones (``source`` column,
    same number of fields on every line, a source on every row). The file must be UTF-8; a
    byte-order mark at its start (as spreadsheet programs write) is accepted."""
    if not isinstance(path, str | Path):
        raise TypeError(f"path must be a string or a Path, got {path!r} ({type(path).__name__})")
    file = Path(path)
    if not file.is_file():
        raise ValueError(f"path must name an existing file, got {str(path)!r}")
    return _parse(_decode(file.read_bytes(), file.name), file.name)


def _decode(raw: bytes, filename: str) -> str:
    """UTF-8 text without a byte-order mark, or a DataError naming the file and the line."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[:error.start].count(b"\n") + 1
        raise DataError(f"{filename}, line {line}: not UTF-8 text (byte {raw[error.start]:#04x} "
                        f"at position {error.start}); save the file as UTF-8 and read it "
                        f"again") from None


def _parse(text: str, filename: str) -> pd.DataFrame:
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or not any(rows[0]):
        raise DataError(f"{filename}, line 1: the file is empty; expected a header line")
    header = rows[0]
    if "source" not in header:
        raise DataError(f"{filename}, line 1: no 'source' column in the header {header}")
    where = header.index("source")
    for number, row in enumerate(rows[1:], start=2):
        if not row:
            continue
        if len(row) != len(header):
            raise DataError(f"{filename}, line {number}: {len(row)} fields where the header has "
                            f"{len(header)}")
        if not row[where].strip():
            raise DataError(f"{filename}, line {number}: empty 'source'; every row needs one")
    return pd.read_csv(io.StringIO(text), skip_blank_lines=True)


def small_world_studies() -> pd.DataFrame:
    """Published degrees-of-separation figures, one row per study (Karinthy 1929 to Edunov et al.
    2016): year, population, size, the reported figure and its unit, the distance it amounts to,
    and the status of the fact (V read in the source, V2 through a secondary source, U unverified).

    ``measure`` says whether ``reported`` counts links (``distance``) or people in between
    (``intermediaries``, one fewer), or that the source leaves it ``unclear``; ``distance``
    converts it, and is empty when no single distance follows. A range (``*_low``, ``*_high``)
    goes with or replaces the single figure, and ``range_of`` says what it describes (a key of
    ``RANGES``): two readings of the text (Karinthy), single chains from the shortest to the
    longest (Milgram), or a figure the study gives as a range (Dodds et al.).

    >>> karinthy = small_world_studies().set_index("source").loc["karinthy1929"]
    >>> karinthy["measure"], float(karinthy["distance_low"]), float(karinthy["distance_high"])
    ('unclear', 5.0, 6.0)
    """
    table = _check_studies(load("small_world_studies"), "small_world_studies.csv")
    return table.astype({"year": "int64", "size": "Int64"})


def _check_studies(table: pd.DataFrame, filename: str) -> pd.DataFrame:
    missing = [column for column in _STUDY_COLUMNS if column not in table.columns]
    if missing:
        raise DataError(f"{filename}, line 1: missing columns {missing}")
    for index, row in table.iterrows():
        line = int(index) + 2
        for column in _STUDY_NUMBERS:
            value = row[column]
            if pd.notna(value) and (isinstance(value, bool) or not isinstance(value, numbers.Real)):
                raise DataError(f"{filename}, line {line}: {column} must be a number, "
                                f"got {value!r}")
        if row["measure"] not in MEASURES:
            raise DataError(f"{filename}, line {line}: measure must be one of "
                            f"{sorted(MEASURES)}, got {row['measure']!r}")
        if row["status"] not in STATUSES:
            raise DataError(f"{filename}, line {line}: status must be one of "
                            f"{sorted(STATUSES)}, got {row['status']!r}")
        has_range = pd.notna(row["distance_low"]) or pd.notna(row["reported_low"])
        kind = row["range_of"]
        if has_range and kind not in RANGES:
            raise DataError(f"{filename}, line {line}: range_of must be one of {sorted(RANGES)} "
                            f"for a row with a range, got {kind!r}")
        if not has_range and pd.notna(kind):
            raise DataError(f"{filename}, line {line}: range_of must be empty for a row "
                            f"without a range, got {kind!r}")
    return table


def studies_as_text(studies: pd.DataFrame) -> pd.DataFrame:
    """The table of :func:`small_world_studies` for reading: each study's figure as reported and
    as a distance, single values and ranges alike written out, with what a range describes.

    >>> table = studies_as_text(small_world_studies())
    >>> table.loc["Milgram's letters", ["reported", "distance (links)"]].tolist()
    ['5 (2 to 10)', '6 (3 to 11)']
    >>> table.loc["Karinthy's story", "distance (links)"]
    '5 or 6'
    """
    if not isinstance(studies, pd.DataFrame):
        raise TypeError(f"studies must be the DataFrame of small_world_studies(), got "
                        f"{type(studies).__name__}")
    rows = {}
    for _, row in _check_studies(studies, "studies").iterrows():
        rows[row["study"]] = {
            "year": int(row["year"]),
            "size": f"{int(row['size']):,}" if pd.notna(row["size"]) else "",
            "statistic": row["statistic"],
            "unit": row["measure"],
            "reported": _figure(row["reported"], row["reported_low"], row["reported_high"],
                                row["range_of"]),
            "distance (links)": _figure(row["distance"], row["distance_low"],
                                        row["distance_high"], row["range_of"]),
            "range": RANGES.get(row["range_of"], ""),
            "status": row["status"],
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def _figure(value, low, high, kind) -> str:
    """A figure as text: "6.2", "5 to 7", "6 (3 to 11)", or "5 or 6" for two readings."""
    if pd.isna(low) or pd.isna(high):
        return "" if pd.isna(value) else f"{value:g}"
    span = f"{low:g} or {high:g}" if kind == "readings" else f"{low:g} to {high:g}"
    return span if pd.isna(value) else f"{value:g} ({span})"


def essay_claims() -> pd.DataFrame:
    """The essay's claims, one row each, with what the course found: the claim in the course's
    words (``essay``), the finding (``found``), the chapters that check it (``chapters``, a list of
    numbers), the sources (``source``, keys of ``book/references.bib`` separated by ``;``), the
    status of the evidence (``status``: the weakest of its sources' statuses in the course's fact
    sheet, V read in a primary source, V2 only through a secondary source, U not read at all) and
    what that evidence says about the claim as the essay states it (``verdict``, one of
    :data:`VERDICTS`).

    >>> claims = essay_claims()
    >>> len(claims), claims.loc[5, "chapters"]
    (8, [3])
    """
    table = load("essay_claims")
    filename = "essay_claims.csv"
    missing = [column for column in _CLAIM_COLUMNS if column not in table.columns]
    if missing:
        raise DataError(f"{filename}, line 1: missing columns {missing}")
    chapters = []
    for index, row in table.iterrows():
        line = int(index) + 2
        if row["status"] not in STATUSES:
            raise DataError(f"{filename}, line {line}: status must be one of "
                            f"{sorted(STATUSES)}, got {row['status']!r}")
        if row["verdict"] not in VERDICTS:
            raise DataError(f"{filename}, line {line}: verdict must be one of "
                            f"{list(VERDICTS)}, got {row['verdict']!r}")
        try:
            numbers = [int(part) for part in str(row["chapters"]).split(";")]
        except ValueError:
            raise DataError(f"{filename}, line {line}: chapters must be chapter numbers "
                            f"separated by ';', got {row['chapters']!r}") from None
        if not numbers or any(number not in CHAPTERS for number in numbers):
            raise DataError(f"{filename}, line {line}: chapters must be in "
                            f"{CHAPTERS.start}..{CHAPTERS.stop - 1}, got {row['chapters']!r}")
        chapters.append(numbers)
    if table["claim"].duplicated().any():
        raise DataError(f"{filename}: a claim number appears twice: "
                        f"{sorted(table.loc[table['claim'].duplicated(), 'claim'])}")
    table = table.assign(chapters=chapters,
                         source=[[key.strip() for key in str(keys).split(";")]
                                 for keys in table["source"]])
    return table.astype({"claim": "int64"}).set_index("claim")
