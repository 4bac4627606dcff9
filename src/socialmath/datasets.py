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

__all__ = ["DataError", "available", "essay_claims", "load", "read_csv", "small_world_studies"]

STATUSES = {"V", "V2", "U"}
#: The order of the statuses, strongest first: a claim's status is its weakest source's.
STATUS_ORDER = ("V", "V2", "U")
#: What the course's sources say about a claim of the essay.
VERDICTS = ("holds", "in part", "unsupported", "misattributed", "definition")
MEASURES = {"distance", "intermediaries", "unclear"}
_STUDY_NUMBERS = ["year", "size", "reported", "reported_low", "reported_high", "distance",
                  "distance_low", "distance_high"]
_CLAIM_COLUMNS = ["claim", "essay", "found", "chapters", "source", "status", "verdict"]
#: Chapters of the course a claim can be checked in.
CHAPTERS = range(1, 8)
_STUDY_COLUMNS = ["study", "year", "population", "size", "statistic", "measure",
                  *_STUDY_NUMBERS[2:], "status", "source", "note"]


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
    (``intermediaries``, one fewer); ``distance`` converts it. A range (``*_low``, ``*_high``)
    replaces a single figure where the study gave one.
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
    return table


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
