"""Your own network: read a LinkedIn data export safely, anonymise it, and measure it.

LinkedIn's "Get a copy of your data" archive holds ``Connections.csv``: one row per first-degree
connection, with their name, profile URL, e-mail (mostly empty), current company and position, and
the date you connected. The file may start with a UTF-8 byte-order mark and a ``Notes:`` preamble,
quotes the fields that hold commas, and can hold rows whose fields are all empty. The names, URLs
and e-mails are other people's personal data, so this module:

* reads the CSV or the whole export ``.zip`` and **drops** names, URLs and e-mails by default; with
  a ``salt`` it replaces them by a salted hash (a keyed BLAKE2b digest), a stable pseudonym that
  cannot be turned back into the name without the salt;
* checks every row and names the line of the first malformed one, and says what it expected when a
  file is not a connections export at all;
* writes an anonymised copy (``socialmath anonymise IN OUT``) and a realistic *synthetic* export, so
  that everything runs without anybody's personal data (the bundled ``SAMPLE`` is one);
* measures the network: growth over time and pace towards LinkedIn's cap of 30,000 connections
  (``linkedincap``), how concentrated it is by company or role (chapter 2's top shares and Gini),
  how much of it fits an attention budget (chapter 1), and whether its monthly pace grows with
  its size (a pattern that, on one member's history, names no mechanism).

>>> connections = read_connections(SAMPLE)
>>> sorted(connections.columns)
['company', 'connected_on', 'position']
>>> len(connections) == SAMPLE_SIZE
True
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
import numbers
import os
import re
import subprocess
import tempfile
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import special

from socialmath import attention, pareto
from socialmath._validate import (
    require_array,
    require_choice,
    require_integer,
    require_number,
    require_rng,
    require_share,
)

__all__ = [
    "EXPORT_COLUMNS",
    "SAMPLE",
    "SAMPLE_SEED",
    "SAMPLE_SIZE",
    "AttachmentTest",
    "AttentionFit",
    "Concentration",
    "ExportError",
    "Growth",
    "Snapshot",
    "anonymise_file",
    "anonymised_csv",
    "attachment_test",
    "attention_fit",
    "check_storage",
    "concentration",
    "describe_source",
    "export_csv",
    "fingerprint",
    "growth",
    "read_connections",
    "role_family",
    "salted_hash",
    "simulated_member",
    "size_exponent",
    "snapshot",
    "synthetic_export",
]

#: The header of ``Connections.csv``, in LinkedIn's order.
EXPORT_COLUMNS = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                  "Connected On")
#: Columns that name a person: never kept by default.
IDENTIFYING_COLUMNS = ("First Name", "Last Name", "URL", "Email Address")
#: Columns every readable file must have.
REQUIRED_COLUMNS = ("Company", "Position", "Connected On")
#: The pseudonym column of an anonymised file (written by ``anonymised_csv`` with a salt).
CONTACT_COLUMN = "Contact ID"
#: Column names in the returned frame.
FRAME_NAMES = {"First Name": "first_name", "Last Name": "last_name", "URL": "url",
               "Email Address": "email", "Company": "company", "Position": "position",
               "Connected On": "connected_on", CONTACT_COLUMN: "contact"}

#: Files larger than this are refused: 30,000 connections take about 3 MB.
MAX_BYTES = 100_000_000
#: Connection dates before this year, or after today, are refused as typos.
EARLIEST_YEAR = 1990
#: Rows searched for the header line (the preamble is a few lines).
HEADER_SEARCH_ROWS = 25

#: The bundled synthetic export: its size and seed (``synthetic_export(SAMPLE_SIZE, SAMPLE_SEED)``,
#: written by ``export_csv`` with ``SAMPLE_BLANK_ROWS`` empty rows).
SAMPLE_SIZE = 750
SAMPLE_SEED = 2026
SAMPLE_BLANK_ROWS = 2
SAMPLE = Path(str(resources.files("socialmath").joinpath("data", "linkedin",
                                                         "sample-connections.csv")))

_MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
_DATE = re.compile(r"^\s*(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{4})\s*$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ExportError(ValueError):
    """A file that cannot be read as a connections export; the message names the file, the line
    (when there is one) and what was expected."""


# --- privacy helpers ------------------------------------------------------------------------------


def salted_hash(value: str, salt: str | bytes) -> str:
    """A 16-hex-digit pseudonym of ``value``: a BLAKE2b digest keyed with ``salt``.

    The same value and salt always give the same pseudonym; without the salt, nobody can check a
    guess ("is it Ada Lovelace?") against it.

    >>> salted_hash("Ada Lovelace", salt="class of 2026") == salted_hash("Ada Lovelace",
    ...                                                                   salt="class of 2026")
    True
    >>> salted_hash("Ada Lovelace", salt="a") == salted_hash("Ada Lovelace", salt="b")
    False
    """
    if not isinstance(value, str):
        raise TypeError(f"value must be a string, got {value!r} ({type(value).__name__})")
    key = _require_salt(salt)
    return hashlib.blake2b(value.encode("utf-8"), key=key, digest_size=8).hexdigest()


def _require_salt(salt: object) -> bytes:
    if isinstance(salt, str):
        key = salt.encode("utf-8")
    elif isinstance(salt, bytes):
        key = salt
    else:
        raise TypeError(f"salt must be a non-empty string or bytes, got {salt!r} "
                        f"({type(salt).__name__})")
    if not key:
        raise ValueError("salt must be a non-empty string or bytes, got an empty one")
    return key if len(key) <= 64 else hashlib.sha256(key).digest()


def fingerprint(path: str | os.PathLike) -> str:
    """The SHA-256 digest of a file's bytes: it changes if a single byte of the file changes.

    >>> fingerprint(SAMPLE) == read_connections(SAMPLE).attrs["sha256"]
    True
    """
    file = _require_file("path", path)
    return hashlib.sha256(file.read_bytes()).hexdigest()


def describe_source(connections: pd.DataFrame) -> str:
    """One line saying what ``read_connections`` read: rows, fingerprint, what it dropped. It never
    names the file (a path can hold your name).

    >>> print(describe_source(read_connections(SAMPLE)))  # doctest: +ELLIPSIS
    750 connections read (2 empty rows skipped); names, URLs and e-mails dropped; ...
    """
    frame = _require_connections(connections)
    attrs = frame.attrs
    if "sha256" not in attrs:
        raise ValueError("connections must come from read_connections (it records the file's "
                         "fingerprint), got a frame without one")
    kept = "kept" if "first_name" in frame.columns else "dropped"
    pseudonyms = ", a salted pseudonym per contact" if "contact" in frame.columns else ""
    blank = attrs.get("blank_rows", 0)
    sample = " (the bundled synthetic sample)" if attrs["sha256"] == _sample_digest() else ""
    scrubbed = attrs.get("scrubbed", 0)
    masked = (f"; {scrubbed} company or position fields held a name or contact details and were "
              "masked" if scrubbed else "")
    return (f"{len(frame):,} connections read ({blank} empty rows skipped); names, URLs and "
            f"e-mails {kept}{pseudonyms}{masked}; fingerprint {attrs['sha256']}{sample}")


def _sample_digest() -> str:
    return hashlib.sha256(SAMPLE.read_bytes()).hexdigest()


def check_storage(path: str | os.PathLike) -> str:
    """Say whether a file of your data is safe from git: outside any repository, or ignored by it.

    Returns one sentence. A file inside a git work tree that git does not ignore gets a warning:
    one ``git add .`` would publish it. An ignored file is safe from git only: anyone who can
    read the folder can still read it.

    >>> check_storage(SAMPLE)
    'The bundled synthetic sample: nobody real is in it.'
    """
    file = _require_file("path", path).resolve()
    if file == SAMPLE.resolve():
        return "The bundled synthetic sample: nobody real is in it."
    root = next((folder for folder in file.parents if (folder / ".git").exists()), None)
    if root is None:
        return "Outside any git repository: git cannot publish it by mistake."
    try:
        result = subprocess.run(["git", "-C", str(root), "check-ignore", "-q", str(file)],
                                capture_output=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return (f"WARNING: inside the git repository {root.name!r}, and git could not be asked "
                "whether it ignores the file. Move it to my-data/ or out of the repository.")
    if result.returncode == 0:
        return (f"Inside the git repository {root.name!r}, in a place git ignores: git will not "
                "add it.")
    return (f"WARNING: inside the git repository {root.name!r}, and git does not ignore it. Move "
            "it to my-data/ (ignored) or out of the repository before you commit anything.")


# --- reading --------------------------------------------------------------------------------------


def read_connections(path: str | os.PathLike, *, anonymise: bool = True,
                     salt: str | bytes | None = None) -> pd.DataFrame:
    """Read LinkedIn's ``Connections.csv``, or the export ``.zip`` that holds it.

    The frame has one row per connection, oldest first, with ``company`` and ``position`` (strings,
    missing values as ``<NA>``) and ``connected_on`` (dates). With ``anonymise=True`` (the default)
    names, URLs and e-mails are not kept; with a ``salt`` a ``contact`` column holds each contact's
    salted hash (of the profile URL, or of the name when there is no URL), the same for the same
    person and salt. Company and position are free text typed by each contact, so anonymising
    also replaces a company or position that holds the contact's own first and last name by
    ``NAME_REMOVED`` and masks e-mails, web addresses and phone numbers written into them
    (``frame.attrs["scrubbed"]`` counts the fields changed). With ``anonymise=False`` the columns
    ``first_name``, ``last_name``, ``url`` and ``email`` are kept too, and the fields as typed:
    for your eyes, on your machine.

    Accepted: the export as downloaded (a byte-order mark, a ``Notes:`` preamble, quoted commas,
    empty rows, dates like ``15 Mar 2024``), older exports without the URL column, files separated
    by semicolons (as a spreadsheet may save them) and the anonymised files ``anonymised_csv``
    writes. A malformed row raises :class:`ExportError` naming its line; a file of another kind
    says what was expected. ``frame.attrs`` records the file's SHA-256 ``fingerprint``, its
    ``format`` and the number of ``blank_rows`` skipped.

    >>> connections = read_connections(SAMPLE)
    >>> connections["connected_on"].is_monotonic_increasing
    True
    >>> "first_name" in read_connections(SAMPLE, anonymise=False).columns
    True
    """
    file = _require_file("path", path)
    if not isinstance(anonymise, bool):
        raise TypeError(f"anonymise must be True or False, got {anonymise!r}")
    key = None if salt is None else _require_salt(salt)
    data = file.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    text, name = _export_text(data, str(path))
    header, rows, lines, blank, fmt = _parse(text, name)
    frame = _frame(header, rows, lines, name, anonymise=anonymise, key=key, fmt=fmt)
    frame.attrs.update({"sha256": digest, "format": fmt, "blank_rows": blank})
    return frame


def _require_file(name: str, path: object) -> Path:
    if isinstance(path, bool) or not isinstance(path, str | os.PathLike):
        raise TypeError(f"{name} must be a path (a string or a pathlib.Path), got {path!r} "
                        f"({type(path).__name__})")
    file = Path(path).expanduser()
    if not file.exists():
        raise ValueError(f"{name} must name an existing file, got '{path}': no such file "
                         f"(looked for {file.absolute()})")
    if not file.is_file():
        raise ValueError(f"{name} must name a file, got '{path}', a folder; expected "
                         "Connections.csv or the export .zip")
    size = file.stat().st_size
    if size > MAX_BYTES:
        raise ValueError(f"{name} '{path}' is {size / 1e6:,.0f} MB; a connections export is "
                         f"about 0.1 kB a connection (3 MB for 30,000): files over "
                         f"{MAX_BYTES / 1e6:,.0f} MB are refused")
    return file


def _export_text(data: bytes, name: str) -> tuple[str, str]:
    """The text of the connections file, from the CSV itself or from the export .zip."""
    if data[:4] == b"PK\x03\x04":
        return _text_from_zip(data, name)
    return _decode(data, name), name


def _text_from_zip(data: bytes, name: str) -> tuple[str, str]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise ExportError(f"{name}: a damaged .zip ({error}); expected LinkedIn's data export "
                          "archive, which holds Connections.csv") from error
    with archive:
        members = [info for info in archive.infolist()
                   if info.filename.replace("\\", "/").rsplit("/", 1)[-1].lower()
                   == "connections.csv"]
        if not members:
            found = ", ".join(info.filename for info in archive.infolist()[:8]) or "nothing"
            raise ExportError(f"{name}: no Connections.csv in this .zip (it holds {found}); "
                              "expected LinkedIn's data export archive")
        if len(members) > 1:
            listed = ", ".join(info.filename for info in members)
            raise ExportError(f"{name}: several Connections.csv in this .zip ({listed}); "
                              "expected one. Extract the one you mean and read it")
        member = members[0]
        if member.file_size > MAX_BYTES:
            raise ExportError(f"{name}: {member.filename} would be {member.file_size / 1e6:,.0f} "
                              f"MB unpacked; files over {MAX_BYTES / 1e6:,.0f} MB are refused")
        inner = f"{name}:{member.filename}"
        return _decode(archive.read(member), inner), inner


def _decode(data: bytes, name: str) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise ExportError(f"{name}: UTF-16 text, as a spreadsheet saves 'Unicode text'; expected "
                          "the UTF-8 CSV LinkedIn sends. Download the export again and read it as "
                          "it comes")
    head = data[:4096]
    if head.count(0) > len(head) // 4 and (head[0::2].count(0) > len(head) // 3
                                           or head[1::2].count(0) > len(head) // 3):
        raise ExportError(f"{name}: UTF-16 text without a byte-order mark, as some tools save "
                          "'Unicode text'; expected the UTF-8 CSV LinkedIn sends. Download the "
                          "export again and read it as it comes")
    if b"\x00" in head:
        raise ExportError(f"{name}: a binary file, not text; expected LinkedIn's Connections.csv "
                          "or the export .zip")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ExportError(f"{name}: not UTF-8 text (byte {data[error.start]:#04x} at offset "
                          f"{error.start}); expected LinkedIn's Connections.csv, which is UTF-8. "
                          "If a spreadsheet saved it, download the export again") from error


def _normalise_header(field: str) -> str:
    return " ".join(field.strip().strip("\ufeff").split()).lower()


_KNOWN = {_normalise_header(column): column
          for column in (*EXPORT_COLUMNS, CONTACT_COLUMN)}


def _parse(text: str, name: str) -> tuple[list[str], list[list[str]], list[int], int, str]:
    """Header (canonical names), data rows, their line numbers, blank rows skipped, format."""
    if not text.strip():
        raise ExportError(f"{name}: the file is empty; expected LinkedIn's Connections.csv, whose "
                          f"header is {','.join(EXPORT_COLUMNS)}")
    for delimiter in (",", ";"):
        found = _find_header(text, name, delimiter)
        if found is not None:
            return _read_rows(text, name, delimiter, *found)
    first = text.lstrip().splitlines()[0][:80]
    raise ExportError(f"{name}: no connections header in its first {HEADER_SEARCH_ROWS} lines "
                      f"(line 1 reads {first!r}); expected LinkedIn's Connections.csv: an "
                      f"optional 'Notes:' preamble, then the header {','.join(EXPORT_COLUMNS)}")


def _reader(text: str, delimiter: str):
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)


def _find_header(text: str, name: str, delimiter: str) -> tuple[list[str], int, int] | None:
    """The header's fields, its line and how many records precede it, or None if not found."""
    reader = _reader(text, delimiter)
    line = 1
    try:
        for index, row in enumerate(reader):
            start, line = line, reader.line_num + 1
            known = [_KNOWN.get(_normalise_header(field)) for field in row]
            if sum(column is not None for column in known) >= 2:
                missing = [column for column in REQUIRED_COLUMNS if column not in known]
                names_a_person = any(column in known for column in IDENTIFYING_COLUMNS)
                identified = "URL" in known or {"First Name", "Last Name"} <= set(known)
                if missing or (names_a_person and not identified):
                    what = missing or ["First Name and Last Name, or URL"]
                    raise ExportError(f"{name}, line {start}: the header lacks "
                                      f"{', '.join(map(repr, what))}; found {row}; expected "
                                      f"{','.join(EXPORT_COLUMNS)}")
                duplicated = sorted({c for c in known if c is not None and known.count(c) > 1})
                if duplicated:
                    raise ExportError(f"{name}, line {start}: the header repeats {duplicated}")
                return [column or "" for column in known], start, index
            if index + 1 >= HEADER_SEARCH_ROWS:
                return None
    except csv.Error:
        return None
    return None


def _read_rows(text: str, name: str, delimiter: str, header: list[str], header_line: int,
               header_index: int) -> tuple[list[str], list[list[str]], list[int], int, str]:
    reader = _reader(text, delimiter)
    width = len(header)
    rows: list[list[str]] = []
    lines: list[int] = []
    blank = 0
    line = 1
    try:
        for index, row in enumerate(reader):
            start, line = line, reader.line_num + 1
            if index <= header_index:
                continue
            if not "".join(row).strip():
                blank += 1
                continue
            if len(row) != width:
                hint = (" (a comma inside a field that is not quoted?)" if len(row) > width
                        else " (a field missing, or a line cut short?)")
                raise ExportError(f"{name}, line {start}: {len(row)} fields where the header "
                                  f"(line {header_line}) has {width}{hint}")
            rows.append(row)
            lines.append(start)
    except csv.Error as error:
        raise ExportError(f"{name}, line {reader.line_num}: broken quoting ({error}); a field "
                          "that starts with a quote must end with one") from error
    if not rows:
        raise ExportError(f"{name}: no connections after the header (line {header_line}); "
                          "expected one row per connection. A download cut short, or an export "
                          "requested before any connection was made?")
    if "URL" in header:
        fmt = "export"
    elif CONTACT_COLUMN in header or not any(c in header for c in IDENTIFYING_COLUMNS):
        fmt = "anonymised"
    else:
        fmt = "export without URLs"
    return header, rows, lines, blank, fmt


def _frame(header: list[str], rows: list[list[str]], lines: list[int], name: str, *,
           anonymise: bool, key: bytes | None, fmt: str) -> pd.DataFrame:
    columns = {column: index for index, column in enumerate(header) if column}

    def column(label: str) -> list[str]:
        where = columns.get(label)
        if where is None:
            return [""] * len(rows)
        return [row[where].strip() for row in rows]

    dates = _parse_dates(column("Connected On"), lines, name)
    company, position = column("Company"), column("Position")
    if fmt == "anonymised":
        company, position = _unguard(company), _unguard(position)
    data: dict[str, object] = {}
    if key is not None:
        data["contact"] = _pseudonyms(columns, rows, column, key)
    if not anonymise and fmt != "anonymised":
        for label in IDENTIFYING_COLUMNS:
            data[FRAME_NAMES[label]] = pd.array(column(label), dtype="string")
    scrubbed = 0
    if anonymise and fmt != "anonymised":
        firsts, lasts = column("First Name"), column("Last Name")
        company, position, scrubbed = _scrub(company, position, firsts, lasts)
    data["company"] = pd.array(company, dtype="string")
    data["position"] = pd.array(position, dtype="string")
    data["connected_on"] = dates
    frame = pd.DataFrame(data)
    for label in ("company", "position", *(FRAME_NAMES[c] for c in IDENTIFYING_COLUMNS)):
        if label in frame:
            frame[label] = frame[label].mask(frame[label] == "")
    frame = frame.sort_values("connected_on", kind="stable").reset_index(drop=True)
    frame.attrs["scrubbed"] = scrubbed
    return frame


#: Contact details typed into a free-text field: e-mails, web addresses and phone numbers.
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WEB = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|io|fr|de|"
                  r"uk|co|me|info|biz|eu)(?:/\S*)?\b", re.IGNORECASE)
_PHONE = re.compile(r"(?<![\w/])\+?\d[\d ().-]{6,}\d(?![\w/])")
#: What replaces a scrubbed value: a company or position that holds the contact's own name.
NAME_REMOVED = "[name removed]"


def _fold(text: str) -> str:
    """Case- and accent-folded words, for comparing names: "Zélie Dubreuil" -> "zelie dubreuil"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(re.findall(r"[a-z0-9]+", plain.casefold()))


def _mask_contacts(value: str) -> str:
    value = _EMAIL.sub("[e-mail]", value)
    value = _WEB.sub("[web address]", value)
    # Nine digits or more: a phone number, not a span of years such as 2019-2023.
    return _PHONE.sub(lambda match: "[phone]" if sum(c.isdigit() for c in match.group()) >= 9
                      else match.group(), value)


def _scrub(companies: list[str], positions: list[str], firsts: list[str],
           lasts: list[str]) -> tuple[list[str], list[str], int]:
    """Company and position are free text written by each contact: a freelancer's company is
    often their own name, a position can hold an e-mail or a phone number. Replace a field that
    holds the contact's own first and last name by ``NAME_REMOVED``, and mask e-mails, web
    addresses and phone numbers in the others. Returns the fields and how many were changed."""
    changed = 0
    out_companies, out_positions = [], []
    for company, position, first, last in zip(companies, positions, firsts, lasts, strict=True):
        first_words = _fold(first).split()
        last_words = _fold(last.split(",")[0]).split()  # "Xu, PhD": the name before the title
        row = []
        for value in (company, position):
            new = value
            if value:
                new = _mask_contacts(value)
                words = f" {_fold(new)} "
                if (first_words and last_words
                        and f" {' '.join(first_words)} " in words
                        and f" {' '.join(last_words)} " in words):
                    new = NAME_REMOVED
            changed += new != value
            row.append(new)
        out_companies.append(row[0])
        out_positions.append(row[1])
    return out_companies, out_positions, changed


def _pseudonyms(columns: dict[str, int], rows: list[list[str]], column, key: bytes) -> pd.array:
    if CONTACT_COLUMN in columns:  # already pseudonymised: keep the file's own pseudonyms
        return pd.array([value or None for value in column(CONTACT_COLUMN)], dtype="string")
    urls, firsts, lasts = column("URL"), column("First Name"), column("Last Name")
    out: list[str | None] = []
    for url, first, last in zip(urls, firsts, lasts, strict=True):
        if url:
            identity = "url:" + url.split("?", 1)[0].rstrip("/").lower()
        elif first or last:
            identity = f"name:{first.casefold()}\x1f{last.casefold()}"
        else:
            out.append(None)
            continue
        out.append(hashlib.blake2b(identity.encode("utf-8"), key=key, digest_size=8).hexdigest())
    return pd.array(out, dtype="string")


def _parse_dates(values: list[str], lines: list[int], name: str) -> pd.Series:
    """Dates like ``15 Mar 2024`` (or ``15 March 2024``, or ISO ``2024-03-15``), vectorised; the
    first value that is not a real date raises an error naming its line."""
    distinct, inverse = np.unique(np.asarray(values, dtype=object).astype(str),
                                  return_inverse=True)  # a few thousand days at most
    series = pd.Series(distinct, dtype=object)
    parts = series.str.extract(_DATE)
    words = parts[1].str.lower()
    named = words.isin(_MONTH_NAMES) | (words.str.len() == 3).fillna(False) | (words == "sept")
    month = words.str[:3].map(_MONTHS).where(named.astype(bool))
    iso = series.str.extract(_ISO_DATE)
    table = pd.DataFrame({
        "year": pd.to_numeric(parts[2].fillna(iso[0])),
        "month": pd.to_numeric(month).fillna(pd.to_numeric(iso[1])),
        "day": pd.to_numeric(parts[0].fillna(iso[2])),
    }).astype("float64")
    dates = pd.to_datetime(table, errors="coerce").to_numpy()[inverse]
    bad = np.flatnonzero(np.isnat(dates))
    if bad.size:
        where = int(bad[0])
        value = values[where]
        what = "empty" if not value else f"{value!r}, not a real date"
        raise ExportError(f"{name}, line {lines[where]}: 'Connected On' is {what}; expected a "
                          "date like 15 Mar 2024")
    tomorrow = np.datetime64(pd.Timestamp.now().normalize() + pd.Timedelta(days=1))
    odd = np.flatnonzero((dates < np.datetime64(f"{EARLIEST_YEAR}-01-01")) | (dates > tomorrow))
    if odd.size:
        where = int(odd[0])
        when = "in the future" if dates[where] > tomorrow else f"before {EARLIEST_YEAR}"
        raise ExportError(f"{name}, line {lines[where]}: 'Connected On' is {values[where]!r}, "
                          f"{when}; expected the day a connection was made, from "
                          f"{EARLIEST_YEAR} to today (a typo, or a file edited by hand?)")
    return pd.Series(dates.astype("datetime64[ns]"))


def _guard(value: str) -> str:
    """Make a cell inert in a spreadsheet: a leading quote before =, +, -, @ (OWASP's advice
    against formula injection; any LinkedIn member can type a formula into their position)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _unguard(values: list[str]) -> list[str]:
    return [value[1:] if value.startswith("'") and value[1:].startswith(_FORMULA_START)
            else value for value in values]


# --- writing --------------------------------------------------------------------------------------


_NOTES = ('Notes:\n"Some e-mail addresses may be missing: a connection\'s address is exported only '
          'if that member allows it."\n\n')


def _date_strings(dates: pd.Series) -> list[str]:
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    index = pd.DatetimeIndex(dates)
    return [f"{d:02d} {months[m - 1]} {y}" for d, m, y in zip(index.day, index.month, index.year,
                                                            strict=True)]


def export_csv(export: pd.DataFrame, *, bom: bool = True, notes: bool = True,
               blank_rows: int = 0) -> str:
    """The text of a ``Connections.csv`` in LinkedIn's layout, from a frame with its columns
    (as ``synthetic_export`` returns): a byte-order mark, the ``Notes:`` preamble, the header,
    then the rows, with ``blank_rows`` all-empty rows spread among them.

    >>> text = export_csv(synthetic_export(3, seed=1), blank_rows=1)
    >>> text.startswith("\\ufeffNotes:"), text.count(",,,,,,")
    (True, 1)
    """
    if not isinstance(export, pd.DataFrame) or list(export.columns) != list(EXPORT_COLUMNS):
        raise TypeError(f"export must be a DataFrame with the columns {list(EXPORT_COLUMNS)}, "
                        f"got {type(export).__name__}"
                        + (f" with {list(export.columns)}" if isinstance(export, pd.DataFrame)
                           else ""))
    for label, flag in (("bom", bom), ("notes", notes)):
        if not isinstance(flag, bool):
            raise TypeError(f"{label} must be True or False, got {flag!r}")
    n_blank = require_integer("blank_rows", blank_rows, low=0, high=1000)
    buffer = io.StringIO()
    buffer.write("\ufeff" if bom else "")
    buffer.write(_NOTES if notes else "")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(EXPORT_COLUMNS)
    rows = export.astype(str).to_numpy().tolist()
    step = max(1, len(rows) // (n_blank + 1))
    for position in range(n_blank, 0, -1):
        rows.insert(min(len(rows), position * step), [""] * len(EXPORT_COLUMNS))
    writer.writerows(rows)
    return buffer.getvalue()


def anonymised_csv(connections: pd.DataFrame) -> str:
    """The text of an anonymised connections file: ``Company``, ``Position`` and ``Connected On``
    (and ``Contact ID`` when the frame has pseudonyms), readable again by ``read_connections``.

    Cells that a spreadsheet would run as a formula get a leading quote, removed again on reading.

    >>> frame = read_connections(SAMPLE)
    >>> anonymised_csv(frame).splitlines()[0]
    'Company,Position,Connected On'
    """
    frame = _require_connections(connections)
    identifying = [FRAME_NAMES[c] for c in IDENTIFYING_COLUMNS if FRAME_NAMES[c] in frame]
    if identifying:
        raise ValueError(f"connections must be anonymised (read with anonymise=True), got the "
                         f"identifying columns {identifying}")
    header = ([CONTACT_COLUMN] if "contact" in frame else []) + list(REQUIRED_COLUMNS)
    columns = [] if "contact" not in frame else [frame["contact"].fillna("").tolist()]
    for label in ("company", "position"):
        columns.append([_guard(value) for value in frame[label].fillna("").tolist()])
    columns.append(_date_strings(frame["connected_on"]))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(zip(*columns, strict=True))
    return buffer.getvalue()


def anonymise_file(source: str | os.PathLike, target: str | os.PathLike, *,
                   salt: str | bytes | None = None, overwrite: bool = False) -> pd.DataFrame:
    """Read ``source`` anonymised and write it to ``target`` (see ``anonymised_csv``). Refuses to
    replace an existing ``target`` unless ``overwrite``, and refuses ``target`` = ``source``. The
    file is written whole or not at all, readable by its owner alone (0600). Returns the
    anonymised frame.
    """
    _require_file("source", source)
    frame = read_connections(source, salt=salt)
    if isinstance(target, bool) or not isinstance(target, str | os.PathLike):
        raise TypeError(f"target must be a path (a string or a pathlib.Path), got {target!r}")
    if not isinstance(overwrite, bool):
        raise TypeError(f"overwrite must be True or False, got {overwrite!r}")
    out = Path(target).expanduser()
    if out.resolve() == Path(source).expanduser().resolve() or (
            out.exists() and out.samefile(Path(source).expanduser())):
        raise ValueError(f"target must differ from source, got '{target}' for both: writing "
                         "would destroy the export")
    if out.is_dir():
        raise ValueError(f"target must be a file name, got '{target}', a folder")
    if out.exists() and not overwrite:
        raise FileExistsError(f"'{target}' exists; nothing was written (overwrite it with "
                              "--force)")
    if not out.parent.is_dir():
        raise ValueError(f"target must be in an existing folder, got '{target}': no folder "
                         f"'{out.parent}'")
    # A new temporary file (never one of yours of the same name), readable by you alone (0600):
    # on a shared server, other accounts cannot read it.
    descriptor, name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.",
                                        suffix=".partial")
    partial = Path(name)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(anonymised_csv(frame))
        os.chmod(partial, 0o600)
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    return frame


# --- a synthetic export ---------------------------------------------------------------------------

_FIRST_NAMES = (
    "Amara", "Bastien", "Camille", "Dario", "Elif", "Farah", "Gaspard", "Hana", "Ilyes", "Jonas",
    "Keiko", "Lucía", "Malo", "Nadia", "Oskar", "Priya", "Quentin", "Rania", "Soren", "Tamsin",
    "Ugo", "Vera", "Wendell", "Ximena", "Yusuf", "Zélie", "Anouk", "Bram", "Chloé", "Dmitri",
    "Esmé", "Filip", "Grace", "Hugo", "Inès", "Jasper", "Kofi", "Léa", "Mateo", "Noor",
)
_LAST_NAMES = (
    "Abernathy", "Baptiste", "Castellano", "Dubreuil", "Eklund", "Fontaine", "Greenhalgh",
    "Haddad", "Ivanova", "Jaccard", "Kowalczyk", "Lindqvist", "Moreau-Vidal", "Nakamura",
    "Okonkwo", "Petrakis", "Quiroga", "Rasmussen", "Sauvageot", "Tanaka", "Ubaldi", "Vasquez",
    "Whitcombe", "Xu", "Yilmaz", "Zanetti", "Alarcón", "Bergström", "Chevalier", "Dimitriou",
    "Engström", "Ferreira", "Gallagher", "Hoffmann", "Iglesias", "Janssens", "Kapoor",
    "Lefebvre", "Mbeki", "Novak",
)
_NAME_SUFFIXES = (", PhD", ", MBA", ", CFA")
_COMPANY_WORDS = (
    "Alder", "Bluepeak", "Cobalt", "Driftwood", "Ember", "Fernhill", "Granite", "Harbour",
    "Ironleaf", "Juniper", "Kestrel", "Lumen", "Meridian", "Northwind", "Orchard", "Pinecrest",
    "Quarry", "Riverside", "Saltmarsh", "Tidewater", "Umbra", "Vantage", "Willow", "Yarrow",
    "Zephyr", "Aurora", "Brightmoor", "Crescent", "Dunmore", "Eastgate",
)
_COMPANY_KINDS = (
    "Analytics", "Bank", "Consulting", "Foods", "Health", "Insurance", "Labs", "Logistics",
    "Media", "Robotics", "Software", "Studio", "Systems", "Telecom", "Energy", "Partners",
)
_COMPANY_FORMS = ("", "", "", " Group", " & Co", ", Inc.", " SA", " GmbH")
#: Positions, most common first; the weights fall like 1/rank (a Zipf law).
_POSITIONS = (
    "Software Engineer", "Project Manager", "Consultant", "Senior Software Engineer",
    "Product Manager", "Data Scientist", "Account Executive", "Marketing Manager",
    "Founder, CEO", "Business Developer", "Talent Acquisition Partner", "Student",
    "Senior Consultant", "Data Analyst", "Head of Marketing, EMEA", "Engineering Manager",
    "UX Designer", "Sales Director", "HR Business Partner", "Research Scientist",
    "Professor", "Chief Financial Officer", "Financial Analyst", "Operations Manager",
    "Communication Officer", "Recruiter", "PhD Student", "DevOps Engineer", "Managing Director",
    "Freelance Designer", "Ingénieur logiciel", "Chef de projet", "Responsable marketing",
    "Directrice commerciale", "Teacher", "Intern", "Co-founder", "Lecturer", "Solutions Architect",
    "Customer Success Manager",
)
_DOMAIN = "example.com"  # reserved for examples (RFC 2606): no real mailbox
#: The largest synthetic export made (about 0.5 kB of memory a row, 100 MB in all).
MAX_SYNTHETIC = 200_000
#: Monthly growth of the expected new connections in synthetic_export's "preferential" mode: a
#: trend in time (2.5% a month), not a rule that looks at the network's size.
PREFERENTIAL_GROWTH = 0.025


def synthetic_export(n: int, seed: int | np.random.Generator | None = 0, *, years: int = 12,
                     end: str = "2025-06-30", attachment: str = "preferential",
                     email_share: float = 0.04) -> pd.DataFrame:
    """A realistic fake ``Connections.csv`` of ``n`` connections, as a frame with LinkedIn's
    columns (strings, newest first, as in the export). Nobody in it is real.

    * **Growth**: over ``years`` years ending on ``end``, each month's expected number of new
      connections is a constant (``attachment="uniform"``) or grows by 2.5% a month
      (``"preferential"``). The second is a trend in time that never looks at the network's
      size; it makes the pace roughly proportional to the size, the pattern preferential
      attachment gives on a platform growing by a steady percentage, without the mechanism.
      Three job changes add bursts of new colleagues.
    * **Companies**: colleagues from your three employers, and a pool whose company sizes follow a
      heavy-tailed (power-law) distribution, drawn with ``pareto.sample_power_law``; 5% empty.
    * **Positions**: 40 titles with Zipf weights (English and French, some with commas); 2% empty.
    * **Names** made from word lists, profile URLs, and e-mails at example.com for
      ``email_share`` of the rows.

    >>> export = synthetic_export(500, seed=1)
    >>> len(export), list(export.columns) == list(EXPORT_COLUMNS)
    (500, True)
    >>> export["Connected On"].iloc[0]  # newest first
    '30 Jun 2025'
    """
    size = require_integer("n", n, low=1)
    if size > MAX_SYNTHETIC:
        raise ValueError(f"n must be <= {MAX_SYNTHETIC:,} (LinkedIn caps a network at 30,000), "
                         f"got {n:,}: that many rows would take about {size * 0.5e-3:,.0f} MB "
                         "in memory")
    rng = require_rng("seed", seed)
    span = require_integer("years", years, low=1, high=40)
    if not isinstance(end, str):
        raise TypeError(f"end must be a date string such as '2025-06-30', got {end!r}")
    last = _require_date("end", end)  # "" is NaT, which has no month
    if not isinstance(attachment, str) or attachment not in ("uniform", "preferential"):
        raise ValueError(f"attachment must be 'uniform' or 'preferential', got {attachment!r}")
    email = require_share("email_share", email_share)

    months = 12 * span
    month_index = np.arange(months)
    intensity = (np.exp(PREFERENTIAL_GROWTH * month_index) if attachment == "preferential"
                 else np.ones(months))
    job_changes = np.sort(rng.choice(np.arange(months), size=3, replace=False))
    intensity[job_changes] *= 4.0
    per_month = rng.multinomial(size, intensity / intensity.sum())
    month_of = np.repeat(month_index, per_month)
    starts = pd.period_range(end=last.to_period("M"), periods=months, freq="M").to_timestamp()
    offsets = (rng.random(size) * np.asarray(starts.days_in_month)[month_of]).astype(int)
    dates = np.minimum(starts.to_numpy()[month_of] + offsets.astype("timedelta64[D]"),
                       last.to_datetime64())
    dates = np.sort(dates)  # month by month, as month_of
    dates[-1] = last.to_datetime64()  # the export ends on its newest connection

    companies = _synthetic_companies(rng, size, month_of, job_changes)
    positions = _synthetic_positions(rng, size)
    first = rng.choice(_FIRST_NAMES, size)
    last_names = rng.choice(_LAST_NAMES, size).astype(object)
    titled = rng.random(size) < 0.01
    last_names[titled] = last_names[titled] + rng.choice(_NAME_SUFFIXES, int(titled.sum()))
    suffixes = rng.integers(0, 16**8, size)
    urls = [f"https://www.linkedin.com/in/{_slug(f)}-{_slug(ln.split(',')[0])}-{s:08x}"
            for f, ln, s in zip(first, last_names, suffixes, strict=True)]
    has_email = rng.random(size) < email
    emails = [f"{_slug(f)}.{_slug(ln.split(',')[0])}@{_DOMAIN}" if e else ""
              for f, ln, e in zip(first, last_names, has_email, strict=True)]
    frame = pd.DataFrame({
        "First Name": first, "Last Name": last_names, "URL": urls, "Email Address": emails,
        "Company": companies, "Position": positions,
        "Connected On": _date_strings(pd.Series(dates)),
    })
    return frame.iloc[::-1].reset_index(drop=True)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _company_names(rng: np.random.Generator, count: int) -> np.ndarray:
    """``count`` distinct fictional company names: "Word Kind Form" in a random order, then
    "Wordword Kind", then numbered copies if even those run out."""
    simple = [f"{w} {k}{f}" for w in _COMPANY_WORDS for k in _COMPANY_KINDS
              for f in dict.fromkeys(_COMPANY_FORMS)]
    compound = [f"{w}{v.lower()} {k}" for w in _COMPANY_WORDS for v in _COMPANY_WORDS if v != w
                for k in _COMPANY_KINDS]
    names = [simple[i] for i in rng.permutation(len(simple))]
    if count > len(names):
        names += [compound[i] for i in rng.permutation(len(compound))]
    base = len(names)
    names += [f"{names[i % base]} {2 + i // base}" for i in range(max(0, count - base))]
    return np.asarray(names[:count], dtype=object)


def _synthetic_companies(rng: np.random.Generator, size: int, month_of: np.ndarray,
                         job_changes: np.ndarray) -> np.ndarray:
    """Current companies: a fifth of contacts are colleagues from the employer you had when you
    connected (70% of them still there); the rest come from a pool of companies whose sizes follow
    a power law (density exponent 2.5, capped at 4% of the network); 5% are empty."""
    job = np.searchsorted(job_changes[1:], month_of, side="right")  # employer 0, 1 or 2
    at_employer = (rng.random(size) < 0.2) & (rng.random(size) < 0.7)
    rest = np.flatnonzero(~at_employer)
    cap = max(3, size // 25)
    # Every company has at least one contact, so rest.size draws always cover the pool.
    sizes = np.minimum(pareto.sample_power_law(2.5, 1, max(1, rest.size), discrete=True,
                                               seed=rng).astype(int), cap)
    count = int(np.searchsorted(np.cumsum(sizes), rest.size)) + 1
    sizes = sizes[:count]
    sizes[-1] -= int(sizes.sum()) - rest.size
    names = _company_names(rng, count + 3)
    companies = np.empty(size, dtype=object)
    companies[at_employer] = names[:3][job[at_employer]]
    companies[rest] = rng.permutation(np.repeat(names[3:], sizes))
    companies[rng.random(size) < 0.05] = ""
    return companies


def _synthetic_positions(rng: np.random.Generator, size: int) -> np.ndarray:
    weights = 1.0 / np.arange(1, len(_POSITIONS) + 1)
    positions = rng.choice(np.asarray(_POSITIONS, dtype=object), size, p=weights / weights.sum())
    positions[rng.random(size) < 0.02] = ""
    return positions


# --- analyses -------------------------------------------------------------------------------------


def _require_connections(connections: object) -> pd.DataFrame:
    if not isinstance(connections, pd.DataFrame):
        raise TypeError(f"connections must be a DataFrame from read_connections, got "
                        f"{type(connections).__name__}")
    missing = [c for c in ("company", "position", "connected_on") if c not in connections]
    if missing:
        raise ValueError(f"connections must have the columns company, position and connected_on "
                         f"(as read_connections returns), got a frame without {missing}")
    if not pd.api.types.is_datetime64_any_dtype(connections["connected_on"]):
        raise TypeError(f"connections['connected_on'] must hold dates, got "
                        f"{connections['connected_on'].dtype}")
    if connections["connected_on"].isna().any():
        raise ValueError("connections['connected_on'] must have a date on every row, got a "
                         "missing one")
    if len(connections) == 0:
        raise ValueError("connections must hold at least one connection, got none")
    return connections


def _require_date(name: str, value: object) -> pd.Timestamp:
    if isinstance(value, bool | numbers.Number) or value is None:
        raise TypeError(f"{name} must be a date (a string such as '2024-03-15' or a Timestamp), "
                        f"got {value!r}")
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{name} must be a date such as '2024-03-15', got {value!r}") from error
    if stamp is pd.NaT:
        raise ValueError(f"{name} must be a date such as '2024-03-15', got {value!r}")
    return stamp.tz_localize(None) if stamp.tzinfo else stamp


def _up_to(frame: pd.DataFrame, as_of: object) -> tuple[pd.DataFrame, pd.Timestamp]:
    dates = frame["connected_on"]
    if as_of is None:
        return frame, dates.max()
    stamp = _require_date("as_of", as_of)
    first = dates.min()
    if stamp < first.normalize():
        raise ValueError(f"as_of must be on or after the first connection ({first:%d %b %Y}), "
                         f"got {stamp:%d %b %Y}")
    return frame[dates <= stamp + pd.Timedelta(days=1) - pd.Timedelta(1, "ns")], stamp


@dataclass(frozen=True, eq=False)
class Growth:
    """A network's growth month by month, and its pace towards LinkedIn's cap.

    ``months`` are the calendar months from the first connection to ``as_of`` (dtype
    ``datetime64[M]``); ``per_month`` the connections made in each, ``cumulative`` the network's
    size at the end of each. ``recent_pace`` is the connections a month over the ``window`` months
    up to the ``as_of`` day.
    """

    months: np.ndarray
    per_month: np.ndarray
    cumulative: np.ndarray
    dates: np.ndarray
    as_of: pd.Timestamp
    window: int
    recent_pace: float
    cap: int

    @property
    def total(self) -> int:
        return int(self.cumulative[-1])

    @property
    def first(self) -> pd.Timestamp:
        return pd.Timestamp(self.dates[0])

    @property
    def share_of_cap(self) -> float:
        return self.total / self.cap

    @property
    def months_to_cap(self) -> float:
        """Months to reach the cap at the recent pace: 0 if there already, inf at a pace of 0."""
        if self.total >= self.cap:
            return 0.0
        return math.inf if self.recent_pace == 0 else (self.cap - self.total) / self.recent_pace

    @property
    def years_to_cap(self) -> float:
        return self.months_to_cap / 12.0

    @property
    def per_year(self) -> pd.Series:
        """Connections made in each calendar year."""
        years = self.months.astype("datetime64[Y]").astype(int) + 1970
        return pd.Series(self.per_month, index=years).groupby(level=0).sum().rename_axis("year")

    def date_reached(self, size: float) -> pd.Timestamp | None:
        """The day the network first had at least ``size`` connections (None if it never did).

        >>> growth(read_connections(SAMPLE)).date_reached(1) == read_connections(SAMPLE)[
        ...     "connected_on"].min()
        True
        """
        target = require_number("size", size, low=0)
        needed = max(1, math.ceil(target))
        if needed > self.dates.size:
            return None
        return pd.Timestamp(self.dates[needed - 1])


def growth(connections: pd.DataFrame, *, as_of: object = None, window: int = 12,
           cap: int = attention.LINKEDIN_CONNECTION_CAP) -> Growth:
    """Connections per month, the cumulative size, and the pace towards the cap.

    Counts every month from the first connection to ``as_of`` (default: the last connection;
    give the day you downloaded the export if you stopped connecting long before), months without
    a connection included. The recent pace is the connections of the ``window`` months up to the
    ``as_of`` day (from 4 June to 3 June for an export of 3 June, so a month cut short does not
    count as a whole one) divided by ``window`` (fewer months if the network is younger).

    >>> g = growth(read_connections(SAMPLE))
    >>> int(g.per_month.sum()) == g.total == SAMPLE_SIZE
    True
    """
    frame = _require_connections(connections)
    months_back = require_integer("window", window, low=1, high=1200)
    limit = require_integer("cap", cap, low=1)
    kept, stamp = _up_to(frame, as_of)
    dates = np.sort(kept["connected_on"].to_numpy().astype("datetime64[D]"))
    month_of = dates.astype("datetime64[M]")
    first = month_of[0]
    last = np.datetime64(stamp, "M")
    months = np.arange(first, last + np.timedelta64(1, "M"), dtype="datetime64[M]")
    per_month = np.bincount((month_of - first).astype(int), minlength=months.size)
    used = min(months_back, months.size)
    # The pace counts the `used` months up to the as_of day itself, not calendar months: an
    # export downloaded on 3 June would otherwise count June as a month with 3 days in it.
    day = np.datetime64(stamp.normalize(), "D")
    since = np.datetime64((stamp.normalize() - pd.DateOffset(months=used)), "D")
    recent = int(((dates > since) & (dates <= day)).sum())
    return Growth(months=months, per_month=per_month, cumulative=np.cumsum(per_month),
                  dates=dates, as_of=stamp, window=used, recent_pace=recent / used, cap=limit)


#: Role families, tried in this order; the first whose pattern matches a position wins. Rough
#: keyword rules in English and French: a first look, not a classification of jobs.
ROLE_FAMILIES: tuple[tuple[str, str], ...] = (
    ("students and interns", r"\b(?:student|intern(?:ship)?\b|stagiaire|[ée]tudiant|alternant"
                             r"|apprenti|trainee)"),
    ("founders and executives", r"\b(?:founder|co-founder|fondat|owner|ceo|cto|cfo|coo|cmo"
                                r"|chief|president|pr[ée]sident|managing director"
                                r"|directeur g[ée]n[ée]ral|entrepreneur|g[ée]rant)\b"),
    ("HR and recruiting", r"\b(?:recruit|talent|hr|human resources|rh|ressources humaines"
                          r"|people)"),
    ("sales and business", r"\b(?:sales|account(?!ant)|business develop|commercial|vente"
                           r"|customer)"),
    ("marketing and communication", r"\b(?:marketing|communication|brand|content|seo|social "
                                    r"media)"),
    ("data and analysis", r"\b(?:data|analyst|analyste|analytics)"),
    ("engineering and IT", r"\b(?:engineer|developer|d[ée]veloppeu|ing[ée]nieu|devops"
                           r"|architect|software|programm|it\b)"),
    ("design", r"\bdesign"),
    ("consulting", r"\b(?:consult|advis|conseil)"),
    ("research and teaching", r"\b(?:professor|professeur|research|chercheu|teacher"
                              r"|enseignant|lecturer|phd|scientist)"),
    ("finance", r"\b(?:financ|accountant|comptab|audit|controller|tr[ée]sor)"),
    ("management and operations", r"\b(?:manager|head|director|directeur|directrice|lead"
                                   r"|chef|responsable|operations|project|projet)"),
)
OTHER_ROLE = "other"


def role_family(positions: Sequence[str] | pd.Series) -> pd.Series:
    """A rough role family for each position (``ROLE_FAMILIES``), ``<NA>`` where it is missing.

    >>> role_family(["Founder, CEO", "Senior Software Engineer", "Chef de projet", "Astronaut",
    ...              None]).tolist()
    ['founders and executives', 'engineering and IT', 'management and operations', 'other', <NA>]
    """
    if isinstance(positions, str | bytes) or not isinstance(positions, Sequence | pd.Series
                                                              | np.ndarray):
        raise TypeError(f"positions must be a sequence of strings, got {positions!r}")
    if np.ndim(positions) != 1:
        raise ValueError(f"positions must be one-dimensional (one title per contact), got "
                         f"{np.ndim(positions)} dimensions: {positions!r}")
    series = pd.Series(positions, dtype="string")
    distinct = pd.Series(series.dropna().unique(), dtype="string")  # titles repeat a lot
    lower = distinct.str.lower()
    families = pd.Series(pd.NA, index=distinct.index, dtype="string")
    for family, pattern in reversed(ROLE_FAMILIES):
        families[lower.str.contains(pattern, regex=True).to_numpy(dtype=bool)] = family
    unmatched = families.isna() & (distinct.str.strip() != "")
    families[unmatched.to_numpy(dtype=bool)] = OTHER_ROLE
    return series.map(dict(zip(distinct, families, strict=True))).astype("string")


@dataclass(frozen=True, eq=False)
class Concentration:
    """How a network spreads over companies or roles: group sizes (largest first), the share of
    contacts in the top ``top`` share of groups and in the top 1%, and the Gini index of the sizes.
    ``missing`` counts contacts with no value (no company, say)."""

    by: str
    sizes: pd.Series
    missing: int
    top: float
    top_share: float
    top1_share: float
    gini: float

    @property
    def groups(self) -> int:
        return int(self.sizes.size)

    @property
    def contacts(self) -> int:
        return int(self.sizes.sum())

    @property
    def largest(self) -> str:
        return str(self.sizes.index[0])

    @property
    def largest_share(self) -> float:
        return float(self.sizes.iloc[0] / self.contacts)

    @property
    def top_groups(self) -> float:
        """How many groups the top ``top`` share is (it can be a fraction of a group)."""
        return self.top * self.groups


def concentration(connections: pd.DataFrame, by: str = "company", *,
                  top: float = 0.2) -> Concentration:
    """Contacts per company, position or role family, and how unequal those group sizes are,
    with chapter 2's ``pareto.top_share`` and ``pareto.gini``.

    >>> c = concentration(read_connections(SAMPLE), "company")
    >>> c.contacts + c.missing == SAMPLE_SIZE and 0 < c.gini < 1
    True
    """
    frame = _require_connections(connections)
    if not isinstance(by, str) or by not in ("company", "position", "role"):
        raise ValueError(f"by must be 'company', 'position' or 'role', got {by!r}")
    share = require_share("top", top)
    values = role_family(frame["position"]) if by == "role" else frame[by]
    missing = int(values.isna().sum())
    if missing == len(values):
        raise ValueError(f"connections must have at least one {by} filled in, got none")
    sizes = values.value_counts(dropna=True)
    sizes = sizes.iloc[np.lexsort((sizes.index.astype(str), -sizes.to_numpy()))]
    counts = sizes.to_numpy(dtype=float)
    return Concentration(by=by, sizes=sizes.rename_axis(by).rename("contacts"), missing=missing,
                         top=share, top_share=pareto.top_share(counts, share),
                         top1_share=pareto.top_share(counts, 0.01), gini=pareto.gini(counts))


@dataclass(frozen=True)
class AttentionFit:
    """How much of a network an attention budget covers: chapter 1's relationship capacity and
    feed load, applied to the network's size."""

    contacts: int
    coverage: attention.CapacityCoverage
    feed: attention.FeedLoad

    @property
    def share_within_capacity(self) -> float:
        return self.coverage.share

    @property
    def share_followable(self) -> float:
        """Share of your contacts whose posts your reading budget covers."""
        return self.feed.contacts_followable / self.contacts


def attention_fit(connections: pd.DataFrame | int, *,
                  capacity: attention.Capacity = attention.CAPACITY_DUNBAR_1993,
                  silent_share: float = 0.8, posts_per_active: float = 1.0,
                  seconds_per_post: float = 2.0, minutes_per_day: float = 15.0) -> AttentionFit:
    """Chapter 1's models on your network's size: the share a relationship capacity covers, and
    the feed it sends you under the essay's assumptions (80% silent, active contacts posting once
    a week) with a daily reading budget.

    >>> fit = attention_fit(1000)
    >>> round(fit.share_within_capacity, 4), fit.feed.posts_per_week
    (0.1478, 200.0)
    """
    if isinstance(connections, pd.DataFrame):
        contacts = len(_require_connections(connections))
    else:
        contacts = require_integer("connections", connections, low=1)
    coverage = attention.capacity_coverage(contacts, capacity)
    feed = attention.feed_load(contacts, silent_share, posts_per_active, seconds_per_post,
                               minutes_per_day)
    return AttentionFit(contacts=contacts, coverage=coverage, feed=feed)


#: Below this p-value the sign of the log-likelihood ratio is trusted (as in chapter 2).
SIGNIFICANCE = 0.1
#: The normal quantile of the 95% interval of the size exponent beta.
_Z95 = 1.959963984540054


@dataclass(frozen=True, eq=False)
class AttachmentTest:
    """How one member's monthly gains depend on the network's size, fitted by maximum likelihood.

    Two models of the new connections of a month (a Poisson count):

    * steady pace: the same mean ``steady_rate`` every month, whatever the network's size;
    * pace proportional to size: the mean is ``proportional_rate`` times the size at the start
      of the month.

    ``log_likelihood_ratio`` is positive when the proportional model fits better; ``statistic``
    is Vuong's normalised ratio and ``p_value`` its two-sided normal p-value. A third fit lets the
    data choose the link: the mean is ``exp(a) * size ** beta``, so beta = 0 is the steady pace,
    beta = 1 the proportional one, and beta < 0 a pace that falls as the network grows (neither).
    ``beta_low`` and ``beta_high`` bound its 95% interval (robust standard error).

    Which mechanism gives which pattern depends on how the whole platform grows (chapter 4): the
    test describes the pattern, not its cause.
    """

    sizes: np.ndarray
    gains: np.ndarray
    steady_rate: float
    proportional_rate: float
    log_likelihood_ratio: float
    statistic: float
    p_value: float
    beta: float
    beta_se: float

    @property
    def months(self) -> int:
        return int(self.gains.size)

    @property
    def beta_low(self) -> float:
        return self.beta - _Z95 * self.beta_se

    @property
    def beta_high(self) -> float:
        return self.beta + _Z95 * self.beta_se

    @property
    def verdict(self) -> str:
        """'neither' when the whole 95% interval of beta is below 0 (the pace falls as the
        network grows); otherwise 'proportional' or 'steady' by the sign of the log-likelihood
        ratio when its p-value is below 0.1, and 'undecided' when it is not."""
        if self.beta_high < 0:
            return "neither"
        if self.p_value >= SIGNIFICANCE:
            return "undecided"
        return "proportional" if self.log_likelihood_ratio > 0 else "steady"

    @property
    def steady_gains(self) -> np.ndarray:
        return np.full(self.gains.size, self.steady_rate)

    @property
    def proportional_gains(self) -> np.ndarray:
        return self.proportional_rate * self.sizes


def _poisson_log_pmf(counts: np.ndarray, means: np.ndarray) -> np.ndarray:
    return counts * np.log(means) - means - special.gammaln(counts + 1.0)


def size_exponent(sizes: np.ndarray, gains: np.ndarray) -> tuple[float, float]:
    """Fit ``gains ~ Poisson(exp(a) * sizes ** beta)`` by maximum likelihood (Newton's method on
    the concave log-likelihood) and return beta with its standard error: the larger of the
    robust (sandwich) one, which does not trust the Poisson variance, and the model's own.

    >>> sizes = np.array([10.0, 20, 40, 80, 160])
    >>> beta, se = size_exponent(sizes, sizes / 10)
    >>> round(beta, 6)
    1.0
    """
    size = require_array("sizes", sizes, low=0, min_size=2)
    gain = require_array("gains", gains, low=0, min_size=2)
    if size.size != gain.size:
        raise ValueError(f"sizes and gains must have the same length, got {size.size} and "
                         f"{gain.size}")
    if (size <= 0).any():
        raise ValueError("sizes must be > 0 (the network at the start of a month), got a 0")
    if gain.sum() == 0:
        raise ValueError("gains must hold at least one new connection, got none")
    x = np.log(size)
    design = np.column_stack([np.ones_like(x), x - x.mean()])
    if np.ptp(x) == 0:
        raise ValueError("sizes must not all be equal: the size's effect cannot be fitted")
    coef = np.array([math.log(gain.mean()), 0.0])

    def loglik(c: np.ndarray) -> float:
        eta = np.minimum(design @ c, 700.0)
        return float((gain * eta - np.exp(eta)).sum())

    current = loglik(coef)
    for _ in range(200):
        mu = np.exp(np.minimum(design @ coef, 700.0))
        hessian = design.T @ (design * mu[:, None])
        step = np.linalg.solve(hessian, design.T @ (gain - mu))
        scale = 1.0
        while loglik(coef + scale * step) < current - 1e-12 and scale > 1e-8:
            scale /= 2  # a damped Newton step: the log-likelihood never decreases
        coef = coef + scale * step
        previous, current = current, loglik(coef)
        if np.abs(scale * step).max() < 1e-10 or abs(current - previous) < 1e-12:
            break
    mu = np.exp(np.minimum(design @ coef, 700.0))
    bread = np.linalg.inv(design.T @ (design * mu[:, None]))
    meat = design.T @ (design * ((gain - mu) ** 2)[:, None])
    robust = bread @ meat @ bread
    se = math.sqrt(max(robust[1, 1], bread[1, 1]))
    return float(coef[1]), se


def attachment_test(connections: pd.DataFrame, *, as_of: object = None) -> AttachmentTest:
    """Does the network gain contacts at a steady pace, or at a pace proportional to its size?
    Compares, for every month after the first, the connections gained with the size at the
    month's start, and fits the exponent beta of the size (see :class:`AttachmentTest`).

    One member's history cannot name the mechanism. Under chapter 4's preferential attachment,
    a member's pace is proportional to their size only if the platform grows by a steady
    percentage; with a steady number of newcomers, it falls as the member grows. And a career in
    which you use LinkedIn more and more bends the curve the same way. The test says which
    pattern fits, not why.

    >>> test = attachment_test(read_connections(SAMPLE))
    >>> test.months > 100 and test.verdict in ("proportional", "steady", "undecided", "neither")
    True
    """
    history = growth(connections, as_of=as_of)
    if history.months.size < 3:
        raise ValueError(f"connections must span at least three calendar months to compare "
                         f"growth models, got {history.months.size}")
    sizes = history.cumulative[:-1].astype(float)
    gains = history.per_month[1:].astype(float)
    steady_rate = float(gains.mean())
    proportional_rate = float(gains.sum() / sizes.sum())
    if steady_rate == 0:
        return AttachmentTest(sizes, gains, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, math.inf)
    beta, beta_se = (size_exponent(sizes, gains) if np.ptp(sizes) > 0 else (0.0, math.inf))
    pointwise = (_poisson_log_pmf(gains, proportional_rate * sizes)
                 - _poisson_log_pmf(gains, np.full(gains.size, steady_rate)))
    ratio = float(pointwise.sum())
    spread = float(pointwise.std())
    if spread == 0:
        return AttachmentTest(sizes, gains, steady_rate, proportional_rate, ratio, 0.0, 1.0,
                              beta, beta_se)
    statistic = ratio / (spread * math.sqrt(pointwise.size))
    p_value = float(special.erfc(abs(statistic) / math.sqrt(2.0)))
    return AttachmentTest(sizes, gains, steady_rate, proportional_rate, ratio, statistic,
                          p_value, beta, beta_se)


def simulated_member(attachment: str = "preferential", platform: str = "steady", *,
                     newcomers: int = 60_000, links: int = 3, joined: int = 5,
                     months: int = 142, end: str = "2025-06-30",
                     seed: int | np.random.Generator | None = 0) -> pd.DataFrame:
    """The connections of one member of a chapter-4 network, dated: an answer known in advance
    for :func:`attachment_test`.

    The platform grows to ``newcomers`` members; each newcomer links to ``links`` earlier ones,
    chosen in proportion to their contacts (``attachment="preferential"``, Barabási and Albert's
    rule, as :func:`socialmath.graphs.barabasi_albert`) or at random (``"uniform"``). The member
    arrives as newcomer number ``joined`` with ``links`` contacts. The newcomers arrive over
    ``months`` months ending on ``end``: a steady number a month (``platform="steady"``) or a
    number growing by a steady percentage (``"exponential"``). Company and position are empty.

    >>> member = simulated_member("preferential", "exponential", seed=1)
    >>> 150 < len(member) < 800
    True
    """
    mechanism = require_choice("attachment", attachment, ("preferential", "uniform"))
    regime = require_choice("platform", platform, ("steady", "exponential"))
    m = require_integer("links", links, low=1, high=100)
    first = require_integer("joined", joined, low=m + 1, high=1_000_000)
    total = require_integer("newcomers", newcomers, low=first + 2, high=10_000_000)
    span = require_integer("months", months, low=3, high=1200)
    rng = require_rng("seed", seed)
    if not isinstance(end, str):
        raise TypeError(f"end must be a date string such as '2025-06-30', got {end!r}")
    last = _require_date("end", end)
    steps = np.arange(first + 1, total, dtype=float)  # the newcomers after the member
    draws = rng.random(steps.size)
    if mechanism == "uniform":
        linked = steps[draws < m / steps]  # each of the `step` members equally likely
    else:
        # Sum of degrees before newcomer j: the seed clique of m + 1 members, then m links each.
        degree_sum = m * (m + 1) + 2.0 * m * (steps - m - 1)
        found = []
        degree = m
        for step, draw, total_degree in zip(steps.tolist(), draws.tolist(),
                                            degree_sum.tolist(), strict=True):
            if draw < m * degree / total_degree:
                degree += 1
                found.append(step)
        linked = np.asarray(found, dtype=float)
    times = np.concatenate([np.full(m, float(first)), linked])
    if regime == "steady":
        month = (times - first) / (total - first) * span
    else:
        month = np.log(times / first) / math.log(total / first) * span
    start = last - pd.DateOffset(months=span)
    days = (last - start).days
    dates = start + pd.to_timedelta(np.minimum(month / span * days, days).astype(int), unit="D")
    return pd.DataFrame({
        "company": pd.array([pd.NA] * times.size, dtype="string"),
        "position": pd.array([pd.NA] * times.size, dtype="string"),
        "connected_on": pd.Series(dates).astype("datetime64[ns]"),
    }).sort_values("connected_on", kind="stable").reset_index(drop=True)


@dataclass(frozen=True, eq=False)
class Snapshot:
    """The network as it was on ``as_of``: its size, the whole growth curve to compare with, the
    attention fit at that size, and its companies then (how many, and the Gini index of their
    sizes; NaN when no contact had a company yet)."""

    as_of: pd.Timestamp
    history: Growth
    contacts: int
    fit: AttentionFit
    companies: int
    company_gini: float


def snapshot(connections: pd.DataFrame, as_of: object, *,
             capacity: attention.Capacity = attention.CAPACITY_DUNBAR_1993,
             silent_share: float = 0.8, posts_per_active: float = 1.0,
             seconds_per_post: float = 2.0, minutes_per_day: float = 15.0) -> Snapshot:
    """Your network on a past date, with chapter 1's attention budget applied to it.

    >>> snap = snapshot(read_connections(SAMPLE), "2020-01-01")
    >>> 0 < snap.contacts < SAMPLE_SIZE == snap.history.total
    True
    """
    frame = _require_connections(connections)
    kept, stamp = _up_to(frame, as_of)
    history = growth(frame)
    contacts = len(kept)
    fit = attention_fit(max(contacts, 1), capacity=capacity, silent_share=silent_share,
                        posts_per_active=posts_per_active, seconds_per_post=seconds_per_post,
                        minutes_per_day=minutes_per_day)
    by_company = (concentration(kept, "company") if kept["company"].notna().any() else None)
    return Snapshot(as_of=stamp, history=history, contacts=contacts, fit=fit,
                    companies=0 if by_company is None else by_company.groups,
                    company_gini=math.nan if by_company is None else by_company.gini)
