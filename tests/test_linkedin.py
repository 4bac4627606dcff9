"""Reading a LinkedIn export safely: crafted exports of every shape, anonymisation, the synthetic
export and the bundled sample, and the analyses checked against values worked out by hand."""

from __future__ import annotations

import csv
import io
import math
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from connections import frame_of, monthly
from scipy import stats

from socialmath import attention, linkedin, pareto
from socialmath.linkedin import ExportError

ROOT = Path(__file__).resolve().parents[1]
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
NOTES = ('Notes:\n"When you export your connections, some e-mail addresses may be missing."\n\n')
ROWS = [
    'Zorya,Quellhaven,https://www.linkedin.com/in/zorya-quellhaven-1a2b,,"Acme, Inc.",'
    'Data Scientist,15 Mar 2024',
    "Bartholomew,Ixworth,https://www.linkedin.com/in/bix-99/,bart.ixworth@mail.test,Globex,"
    '"Founder, CEO",02 Jan 2023',
    "Odalys,Vantrekken,https://www.linkedin.com/in/odalys-v,,,Student,5 Feb 2024",
]
IDENTIFYING = ["Zorya", "Quellhaven", "Bartholomew", "Ixworth", "Odalys", "Vantrekken",
               "linkedin.com/in", "bart.ixworth@mail.test", "mail.test"]


def export_text(rows=ROWS, *, bom=True, preamble=NOTES, header=HEADER, newline="\n") -> str:
    text = ("\ufeff" if bom else "") + preamble + header + "\n" + "\n".join(rows) + "\n"
    return text.replace("\n", newline)


def write(tmp_path, text: str, name: str = "Connections.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def expected_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "company": pd.array(["Globex", pd.NA, "Acme, Inc."], dtype="string"),
        "position": pd.array(["Founder, CEO", "Student", "Data Scientist"], dtype="string"),
        "connected_on": pd.to_datetime(["2023-01-02", "2024-02-05", "2024-03-15"]).astype(
            "datetime64[ns]"),
    })


# --- the export as downloaded, and its variants ---------------------------------------------------


def test_reads_the_export_as_downloaded(tmp_path):
    frame = linkedin.read_connections(write(tmp_path, export_text()))
    pd.testing.assert_frame_equal(frame, expected_frame())
    assert frame.attrs["format"] == "export"
    assert frame.attrs["blank_rows"] == 0


@pytest.mark.parametrize("variant", [
    {"bom": False, "preamble": ""},
    {"bom": True, "preamble": ""},
    {"preamble": "Notes:\nSome e-mail addresses may be missing.\n"},  # no quotes, no blank line
    {"preamble": 'Notes:\n"Some e-mail addresses\nmay be missing, as members choose."\n\n\n'},
    {"preamble": "Notes:\n\n"},
    {"newline": "\r\n"},
    {"bom": False, "newline": "\r\n"},
])
def test_preamble_variants_give_the_same_frame(tmp_path, variant):
    frame = linkedin.read_connections(write(tmp_path, export_text(**variant)))
    pd.testing.assert_frame_equal(frame, expected_frame())


def test_quoted_commas_and_quotes_inside_fields(tmp_path):
    row = ('A,B,https://x.test/a,,"Smith, Jones & Co","Head of ""Growth"", EMEA",'
           "01 Jan 2020")
    frame = linkedin.read_connections(write(tmp_path, export_text([row])))
    assert frame.loc[0, "company"] == "Smith, Jones & Co"
    assert frame.loc[0, "position"] == 'Head of "Growth", EMEA'


def test_a_quoted_field_may_span_lines(tmp_path):
    row = 'A,B,https://x.test/a,,"Acme\nLabs",Engineer,01 Jan 2020'
    frame = linkedin.read_connections(write(tmp_path, export_text([row, ROWS[0]])))
    assert frame["company"].tolist() == ["Acme\nLabs", "Acme, Inc."]


def test_empty_rows_are_skipped_and_counted(tmp_path):
    rows = [ROWS[0], ",,,,,,", "", ROWS[1], " , , , , , , ", ROWS[2], ",,,,,,"]
    frame = linkedin.read_connections(write(tmp_path, export_text(rows)))
    pd.testing.assert_frame_equal(frame, expected_frame())
    assert frame.attrs["blank_rows"] == 4


def test_a_header_only_export_says_there_are_no_connections(tmp_path):
    with pytest.raises(ExportError, match=r"no connections after the header \(line 4\)"):
        linkedin.read_connections(write(tmp_path, export_text([])))
    with pytest.raises(ExportError, match="no connections after the header"):
        linkedin.read_connections(write(tmp_path, export_text([",,,,,,"] * 3)))


@pytest.mark.parametrize(("date", "when"), [("01 Jan 1850", "before 1990"),
                                            ("15 Mar 2099", "in the future")])
def test_impossible_connection_dates_name_their_line(tmp_path, date, when):
    rows = [ROWS[0], ROWS[1].replace("02 Jan 2023", date)]
    with pytest.raises(ExportError, match=f"line 6: 'Connected On' is '{date}', {when}"):
        linkedin.read_connections(write(tmp_path, export_text(rows)))


def test_an_older_export_without_urls(tmp_path):
    header = "First Name,Last Name,Email Address,Company,Position,Connected On"
    rows = ["Zorya,Quellhaven,,Acme,Engineer,15 Mar 2024"]
    frame = linkedin.read_connections(write(tmp_path, export_text(rows, header=header)),
                                      salt="s")
    assert frame.attrs["format"] == "export without URLs"
    assert frame.loc[0, "contact"] == linkedin.salted_hash("name:zorya\x1fquellhaven", "s")


def test_a_file_saved_with_semicolons(tmp_path):
    header = HEADER.replace(",", ";")
    rows = ["A;B;https://x.test/a;;Acme, Inc.;Engineer;15 Mar 2024"]
    frame = linkedin.read_connections(write(tmp_path, export_text(rows, header=header)))
    assert frame.loc[0, "company"] == "Acme, Inc."


def test_header_names_are_matched_whatever_their_case_and_spaces(tmp_path):
    header = "first name, LAST NAME ,url,Email  Address,company,position,connected on"
    frame = linkedin.read_connections(write(tmp_path, export_text(header=header)))
    pd.testing.assert_frame_equal(frame, expected_frame())


@pytest.mark.parametrize(("value", "expected"), [
    ("5 Mar 2024", "2024-03-05"),
    ("15 March 2024", "2024-03-15"),
    ("15 Sept 2024", "2024-09-15"),
    ("15 sep 2024", "2024-09-15"),
    ("2024-03-15", "2024-03-15"),
    ("29 Feb 2024", "2024-02-29"),
])
def test_dates_in_the_forms_accepted(tmp_path, value, expected):
    row = f"A,B,https://x.test/a,,Acme,Engineer,{value}"
    frame = linkedin.read_connections(write(tmp_path, export_text([row])))
    assert frame.loc[0, "connected_on"] == pd.Timestamp(expected)


@pytest.mark.parametrize(("value", "what"), [
    ("31 Feb 2024", "'31 Feb 2024', not a real date"),
    ("29 Feb 2023", "'29 Feb 2023', not a real date"),
    ("03/15/2024", "'03/15/2024', not a real date"),
    ("15 Marc 2024", "'15 Marc 2024', not a real date"),
    ("15 Foo 2024", "'15 Foo 2024', not a real date"),
    ("", "empty"),
    ("yesterday", "'yesterday', not a real date"),
])
def test_a_bad_date_names_its_line(tmp_path, value, what):
    rows = [ROWS[0], ROWS[1], f"A,B,https://x.test/a,,Acme,Engineer,{value}"]
    with pytest.raises(ExportError) as error:
        linkedin.read_connections(write(tmp_path, export_text(rows)))
    # BOM + "Notes:" (1), the paragraph (2), a blank line (3), the header (4), rows from 5.
    assert "Connections.csv, line 7: 'Connected On' is " + what in str(error.value)
    assert "15 Mar 2024" in str(error.value)


@pytest.mark.parametrize(("header", "missing"), [
    ("First Name,Last Name,URL,Email Address,Company,Position", "'Connected On'"),
    ("First Name,Last Name,URL,Email Address,Position,Connected On", "'Company'"),
    ("First Name,Last Name,URL,Company,Connected On", "'Position'"),
    ("Email Address,Company,Position,Connected On", "First Name and Last Name, or URL"),
])
def test_missing_columns_are_named(tmp_path, header, missing):
    with pytest.raises(ExportError, match=re.escape(missing)) as error:
        linkedin.read_connections(write(tmp_path, export_text([], header=header)))
    assert "line 4: the header lacks" in str(error.value)


def test_a_repeated_column_is_refused(tmp_path):
    header = HEADER + ",Company"
    with pytest.raises(ExportError, match=r"line 4: the header repeats \['Company'\]"):
        linkedin.read_connections(write(tmp_path, export_text([], header=header)))


@pytest.mark.parametrize(("row", "message"), [
    ("A,B,https://x.test/a,,Acme, Inc.,Engineer,15 Mar 2024",
     "line 6: 8 fields where the header (line 4) has 7 (a comma inside a field that is not "
     "quoted?)"),
    ("A,B,https://x.test/a,,Acme,15 Mar 2024",
     "line 6: 6 fields where the header (line 4) has 7 (a field missing"),
])
def test_a_row_of_the_wrong_width_names_its_line(tmp_path, row, message):
    with pytest.raises(ExportError, match=re.escape(message)):
        linkedin.read_connections(write(tmp_path, export_text([ROWS[0], row, ROWS[1]])))


def test_broken_quoting_names_its_line(tmp_path):
    rows = [ROWS[0], 'A,B,https://x.test/a,,"Acme" Labs,Engineer,15 Mar 2024']
    with pytest.raises(ExportError, match=r"line 6: broken quoting"):
        linkedin.read_connections(write(tmp_path, export_text(rows)))


# --- the export .zip ------------------------------------------------------------------------------


def make_zip(tmp_path, members: dict[str, str], name="Basic_LinkedInDataExport_01-01-2026.zip"):
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for member, text in members.items():
            archive.writestr(member, text.encode("utf-8"))
    return path


def test_reads_connections_from_the_export_zip(tmp_path):
    path = make_zip(tmp_path, {"Profile.csv": "First Name,Headline\nMe,Hi\n",
                               "Connections.csv": export_text(),
                               "messages.csv": "FROM,TO\n"})
    frame = linkedin.read_connections(path)
    pd.testing.assert_frame_equal(frame, expected_frame())
    assert frame.attrs["sha256"] == linkedin.fingerprint(path)


def test_reads_connections_from_a_folder_inside_the_zip(tmp_path):
    path = make_zip(tmp_path, {"Complete_LinkedInDataExport/Connections.csv": export_text()})
    pd.testing.assert_frame_equal(linkedin.read_connections(path), expected_frame())


def test_errors_inside_a_zip_name_the_member_and_line(tmp_path):
    path = make_zip(tmp_path, {"Connections.csv": export_text([ROWS[0], "A,B,C"])})
    with pytest.raises(ExportError, match=r"\.zip:Connections\.csv, line 6: 3 fields"):
        linkedin.read_connections(path)


def test_a_zip_without_connections_says_what_it_holds(tmp_path):
    path = make_zip(tmp_path, {"Profile.csv": "a,b\n", "Skills.csv": "c\n"})
    with pytest.raises(ExportError, match=r"no Connections\.csv in this \.zip \(it holds "
                                          r"Profile\.csv, Skills\.csv\)"):
        linkedin.read_connections(path)


def test_a_zip_with_two_connections_files_is_refused(tmp_path):
    path = make_zip(tmp_path, {"a/Connections.csv": export_text(),
                               "b/Connections.csv": export_text()})
    with pytest.raises(ExportError, match="several Connections.csv"):
        linkedin.read_connections(path)


def test_a_damaged_zip(tmp_path):
    path = tmp_path / "export.zip"
    path.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 20)
    with pytest.raises(ExportError, match="damaged .zip"):
        linkedin.read_connections(path)


# --- files of another kind ------------------------------------------------------------------------


def test_an_empty_file_says_what_was_expected(tmp_path):
    with pytest.raises(ExportError, match="the file is empty; expected LinkedIn's "
                                          "Connections.csv, whose header is First Name"):
        linkedin.read_connections(write(tmp_path, "\ufeff \n"))


def test_another_csv_says_what_was_expected(tmp_path):
    with pytest.raises(ExportError) as error:
        linkedin.read_connections(write(tmp_path, "name,age\nAda,36\n", name="people.csv"))
    message = str(error.value)
    assert message.startswith(str(tmp_path / "people.csv") + ": no connections header")
    assert "line 1 reads 'name,age'" in message
    assert HEADER in message


@pytest.mark.parametrize(("data", "what"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a binary file"),
    ("First Name,Company".encode("utf-16"), "UTF-16 text"),
    (export_text(bom=False).encode("utf-16-le"), "UTF-16 text without a byte-order mark"),
    (export_text(bom=False).encode("utf-16-be"), "UTF-16 text without a byte-order mark"),
    (export_text().encode("latin-1", errors="replace").replace(b"Data", b"D\xe9ta"),
     "not UTF-8 text (byte 0xe9"),
])
def test_files_that_are_not_utf8_text(tmp_path, data, what):
    path = tmp_path / "Connections.csv"
    path.write_bytes(data)
    with pytest.raises(ExportError, match=re.escape(what)):
        linkedin.read_connections(path)


def test_arguments_are_validated(tmp_path):
    good = write(tmp_path, export_text())
    with pytest.raises(ValueError, match="path must name an existing file, got '.*nope.csv': "
                                         "no such file"):
        linkedin.read_connections(tmp_path / "nope.csv")
    with pytest.raises(ValueError, match="a folder; expected Connections.csv or the export .zip"):
        linkedin.read_connections(tmp_path)
    with pytest.raises(TypeError, match="path must be a path"):
        linkedin.read_connections(42)
    with pytest.raises(TypeError, match="anonymise must be True or False, got 'yes'"):
        linkedin.read_connections(good, anonymise="yes")
    with pytest.raises(TypeError, match="salt must be a non-empty string or bytes, got 7"):
        linkedin.read_connections(good, salt=7)
    with pytest.raises(ValueError, match="salt must be a non-empty string or bytes, got an empty"):
        linkedin.read_connections(good, salt="")


def test_a_file_too_large_is_refused_with_an_estimate(tmp_path, monkeypatch):
    path = write(tmp_path, export_text())
    monkeypatch.setattr(linkedin, "MAX_BYTES", 100)
    with pytest.raises(ValueError, match=r"about 0.1 kB a connection \(3 MB for 30,000\)"):
        linkedin.read_connections(path)


# --- anonymisation --------------------------------------------------------------------------------


def _frame_text(frame: pd.DataFrame) -> str:
    return " ".join([frame.to_csv(), repr(frame), str(list(frame.columns)), str(frame.attrs)])


@pytest.mark.parametrize("salt", [None, "class of 2026"])
def test_no_name_url_or_email_appears_anywhere_in_the_returned_frame(tmp_path, salt):
    frame = linkedin.read_connections(write(tmp_path, export_text()), salt=salt)
    text = _frame_text(frame)
    leaked = [value for value in IDENTIFYING if value.lower() in text.lower()]
    assert not leaked
    assert not {"first_name", "last_name", "url", "email"} & set(frame.columns)


def test_no_identifying_value_of_the_sample_survives_anonymisation():
    raw = linkedin.read_connections(linkedin.SAMPLE, anonymise=False)
    text = _frame_text(linkedin.read_connections(linkedin.SAMPLE, salt="x"))
    for column in ("url", "email"):
        values = raw[column].dropna().unique()
        assert len(values) > 0
        assert not [v for v in values if v in text], column
    names = set(raw["first_name"].dropna()) | {n.split(",")[0] for n in raw["last_name"].dropna()}
    found = [n for n in names if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text)]
    assert not found


def test_anonymise_false_keeps_everything_for_your_eyes(tmp_path):
    frame = linkedin.read_connections(write(tmp_path, export_text()), anonymise=False)
    assert frame["first_name"].tolist() == ["Bartholomew", "Odalys", "Zorya"]
    assert frame["email"].tolist()[0] == "bart.ixworth@mail.test"
    assert frame["email"].isna().sum() == 2


def test_pseudonyms_are_stable_per_salt_and_differ_between_salts(tmp_path):
    path = write(tmp_path, export_text())
    a = linkedin.read_connections(path, salt="one")["contact"]
    again = linkedin.read_connections(path, salt="one")["contact"]
    other = linkedin.read_connections(path, salt="two")["contact"]
    assert a.tolist() == again.tolist()
    assert not set(a) & set(other)
    assert all(re.fullmatch(r"[0-9a-f]{16}", value) for value in a)
    # The unsalted digest of the URL is not the pseudonym: a guess cannot be checked.
    import hashlib
    url = "url:https://www.linkedin.com/in/zorya-quellhaven-1a2b"
    assert hashlib.blake2b(url.encode(), digest_size=8).hexdigest() not in set(a)
    assert linkedin.salted_hash(url, "one") in set(a)


def test_the_same_profile_gets_the_same_pseudonym_in_two_exports(tmp_path):
    mine = export_text([ROWS[0]])
    theirs = export_text([ROWS[0].replace("zorya-quellhaven-1a2b", "Zorya-Quellhaven-1a2b/")
                          .replace("15 Mar 2024", "01 Jun 2021")])
    a = linkedin.read_connections(write(tmp_path, mine, "a.csv"), salt="class")
    b = linkedin.read_connections(write(tmp_path, theirs, "b.csv"), salt="class")
    assert a.loc[0, "contact"] == b.loc[0, "contact"]


def test_a_row_without_name_or_url_has_no_pseudonym(tmp_path):
    rows = [",,,,Acme,Engineer,01 Jan 2020"]
    frame = linkedin.read_connections(write(tmp_path, export_text(rows)), salt="s")
    assert frame["contact"].isna().all()


def test_anonymised_csv_reads_back_the_same(tmp_path):
    frame = linkedin.read_connections(write(tmp_path, export_text()), salt="s")
    path = write(tmp_path, linkedin.anonymised_csv(frame), "anonymised.csv")
    again = linkedin.read_connections(path, salt="other salt")
    assert again.attrs["format"] == "anonymised"
    pd.testing.assert_frame_equal(again, frame)  # the file's own pseudonyms are kept


def test_anonymised_csv_makes_formulas_inert_and_reads_them_back(tmp_path):
    rows = ['A,B,https://x.test/a,,"=HYPERLINK(""evil"")",+SUM(A1:A9),01 Jan 2020',
            "C,D,https://x.test/c,,@Acme,-Lead,02 Jan 2020"]
    frame = linkedin.read_connections(write(tmp_path, export_text(rows)))
    text = linkedin.anonymised_csv(frame)
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'=HYPERLINK(\"evil\")" in cells and "'+SUM(A1:A9)" in cells
    assert "'@Acme" in cells and "'-Lead" in cells
    again = linkedin.read_connections(write(tmp_path, text, "anonymised.csv"))
    pd.testing.assert_frame_equal(again, frame)


def test_anonymised_csv_refuses_a_frame_with_names(tmp_path):
    frame = linkedin.read_connections(write(tmp_path, export_text()), anonymise=False)
    with pytest.raises(ValueError, match=r"identifying columns \['first_name'"):
        linkedin.anonymised_csv(frame)


def test_salted_hash_validates():
    with pytest.raises(TypeError, match="value must be a string"):
        linkedin.salted_hash(3, "s")
    assert linkedin.salted_hash("x", "k" * 100) == linkedin.salted_hash("x", "k" * 100)


# --- the synthetic export and the bundled sample --------------------------------------------------


def test_synthetic_export_is_seeded_and_shaped_like_linkedins():
    export = linkedin.synthetic_export(2000, seed=3, years=10, end="2024-12-31")
    assert list(export.columns) == list(linkedin.EXPORT_COLUMNS)
    assert len(export) == 2000
    pd.testing.assert_frame_equal(export, linkedin.synthetic_export(2000, seed=3, years=10,
                                                                    end="2024-12-31"))
    assert not export.equals(linkedin.synthetic_export(2000, seed=4, years=10, end="2024-12-31"))
    dates = pd.to_datetime(export["Connected On"], format="%d %b %Y")
    assert dates.is_monotonic_decreasing  # newest first, as LinkedIn writes it
    assert dates.iloc[0] == pd.Timestamp("2024-12-31")
    assert dates.min() >= pd.Timestamp("2015-01-01")
    emails = export["Email Address"][export["Email Address"] != ""]
    assert 0.02 < len(emails) / len(export) < 0.06
    assert emails.str.endswith("@example.com").all()
    assert export["URL"].str.match(r"https://www\.linkedin\.com/in/[a-z0-9-]+-[0-9a-f]{8}$").all()
    assert export["Position"].str.contains(",").any()  # quoted commas in the file
    assert export["Company"].str.contains(",").any()


def test_synthetic_companies_have_a_heavy_tail():
    frame = linkedin.read_connections(io_file(linkedin.synthetic_export(5000, seed=1)))
    result = linkedin.concentration(frame, "company")
    assert result.sizes.iloc[0] >= 100  # an employer
    assert (result.sizes == 1).sum() > result.groups / 3  # many companies of one contact
    assert 0.35 < result.gini < 0.8
    assert 0.03 < result.missing / len(frame) < 0.07


def io_file(export: pd.DataFrame, blank_rows: int = 0) -> Path:
    import tempfile

    folder = Path(tempfile.mkdtemp())
    path = folder / "Connections.csv"
    path.write_text(linkedin.export_csv(export, blank_rows=blank_rows), encoding="utf-8")
    return path


def test_export_csv_round_trips_through_the_reader():
    export = linkedin.synthetic_export(300, seed=5)
    frame = linkedin.read_connections(io_file(export, blank_rows=3), anonymise=False)
    assert frame.attrs["blank_rows"] == 3
    read = frame[["first_name", "last_name", "url", "company", "position"]].fillna("")
    read["date"] = frame["connected_on"].dt.strftime("%d %b %Y")
    written = export.drop(columns="Email Address").set_axis(read.columns, axis=1)
    assert sorted(map(tuple, read.to_numpy())) == sorted(map(tuple, written.to_numpy()))


@pytest.mark.parametrize(("kwargs", "error", "message"), [
    ({"n": 0}, ValueError, "n must be >= 1, got 0"),
    ({"n": 300_000}, ValueError, "n must be <= 200,000 (LinkedIn caps a network at 30,000), "
                                 "got 300,000: that many rows would take about 150 MB"),
    ({"n": 10.0}, TypeError, "n must be an integer"),
    ({"n": 10, "seed": -1}, ValueError, "seed must be >= 0"),
    ({"n": 10, "years": 0}, ValueError, "years must be in [1, 40], got 0"),
    ({"n": 10, "end": "soon"}, ValueError, "end must be a date"),
    ({"n": 10, "end": 2024}, TypeError, "end must be a date string"),
    ({"n": 10, "end": ""}, ValueError, "end must be a date such as '2024-03-15', got ''"),  # was
    # an AttributeError: pandas reads "" as NaT, which has no to_period
    ({"n": 10, "attachment": np.array([])}, ValueError, "attachment must be 'uniform' or "
                                                        "'preferential', got array([]"),
    ({"n": 10, "attachment": "viral"}, ValueError, "attachment must be 'uniform' or "
                                                   "'preferential', got 'viral'"),
    ({"n": 10, "email_share": 4}, ValueError, "email_share must be a share in [0, 1], got 4"),
])
def test_synthetic_export_validates(kwargs, error, message):
    with pytest.raises(error, match=re.escape(message)):
        linkedin.synthetic_export(**kwargs)


def test_export_csv_validates():
    with pytest.raises(TypeError, match="export must be a DataFrame with the columns"):
        linkedin.export_csv(pd.DataFrame({"a": [1]}))
    with pytest.raises(ValueError, match=re.escape("blank_rows must be in [0, 1000], got -1")):
        linkedin.export_csv(linkedin.synthetic_export(3, seed=0), blank_rows=-1)


def test_the_bundled_sample_is_the_synthetic_export_it_claims_to_be():
    expected = linkedin.export_csv(
        linkedin.synthetic_export(linkedin.SAMPLE_SIZE, linkedin.SAMPLE_SEED),
        blank_rows=linkedin.SAMPLE_BLANK_ROWS).encode("utf-8")
    assert linkedin.SAMPLE.read_bytes() == expected, (
        "the bundled sample differs from its generator; regenerate it with "
        "linkedin.SAMPLE.write_bytes(linkedin.export_csv(linkedin.synthetic_export("
        "linkedin.SAMPLE_SIZE, linkedin.SAMPLE_SEED), blank_rows=linkedin.SAMPLE_BLANK_ROWS)"
        ".encode())")


def test_the_bundled_sample_is_small_and_exercises_the_parser():
    data = linkedin.SAMPLE.read_bytes()
    assert len(data) < 150_000
    text = data.decode("utf-8")
    assert text.startswith("\ufeffNotes:\n")
    assert '"Founder, CEO"' in text and ",,,,,," in text
    frame = linkedin.read_connections(linkedin.SAMPLE)
    assert len(frame) == linkedin.SAMPLE_SIZE
    assert frame.attrs["blank_rows"] == linkedin.SAMPLE_BLANK_ROWS


def test_the_sample_ships_with_the_package():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"data/linkedin/*.csv"' in pyproject
    assert linkedin.SAMPLE.parent.name == "linkedin" and linkedin.SAMPLE.is_file()


# --- analyses -------------------------------------------------------------------------------------


def test_growth_counts_every_month_by_hand():
    g = linkedin.growth(frame_of(["2024-01-15", "2024-01-20", "2024-03-01"]), window=2)
    assert g.months.astype(str).tolist() == ["2024-01", "2024-02", "2024-03"]
    assert g.per_month.tolist() == [2, 0, 1]
    assert g.cumulative.tolist() == [2, 2, 3]
    assert g.total == 3 and g.window == 2
    # The 2 months up to 1 March: 2 January to 1 March hold all 3 (not February and a March
    # of one day, which would give 0.5).
    assert g.recent_pace == 1.5
    assert g.months_to_cap == (30_000 - 3) / 1.5
    assert g.years_to_cap == pytest.approx((30_000 - 3) / 1.5 / 12)
    assert g.share_of_cap == 3 / 30_000
    assert g.date_reached(2) == pd.Timestamp("2024-01-20")
    assert g.date_reached(2.5) == pd.Timestamp("2024-03-01")
    assert g.date_reached(4) is None
    assert g.per_year.to_dict() == {2024: 3}


def test_growth_to_a_later_date_adds_empty_months_and_slows_the_pace():
    g = linkedin.growth(frame_of(["2024-01-15", "2024-01-20", "2024-03-01"]),
                        as_of="2024-06-30", window=12)
    assert g.per_month.tolist() == [2, 0, 1, 0, 0, 0]
    assert g.window == 6 and g.recent_pace == 0.5
    earlier = linkedin.growth(frame_of(["2024-01-15", "2024-01-20", "2024-03-01"]),
                              as_of="2024-01-31")
    assert earlier.total == 2 and earlier.per_month.tolist() == [2]


def test_growth_at_and_beyond_the_cap():
    g = linkedin.growth(frame_of(["2024-01-15", "2024-02-20"]), cap=2)
    assert g.months_to_cap == 0.0
    still = linkedin.growth(frame_of(["2024-01-15"]), as_of="2025-06-01", cap=10)
    assert still.recent_pace == 0.0 and math.isinf(still.months_to_cap)


@pytest.mark.parametrize(("kwargs", "error", "message"), [
    ({"window": 0}, ValueError, "window must be in [1, 1200], got 0"),
    ({"cap": 0}, ValueError, "cap must be >= 1"),
    ({"as_of": "2023-12-31"}, ValueError, "as_of must be on or after the first connection "
                                          "(15 Jan 2024), got 31 Dec 2023"),
    ({"as_of": 2024}, TypeError, "as_of must be a date"),
    ({"as_of": "someday"}, ValueError, "as_of must be a date such as"),
])
def test_growth_validates(kwargs, error, message):
    with pytest.raises(error, match=re.escape(message)):
        linkedin.growth(frame_of(["2024-01-15"]), **kwargs)


@pytest.mark.parametrize(("connections", "error", "message"), [
    ("x.csv", TypeError, "connections must be a DataFrame from read_connections, got str"),
    (pd.DataFrame({"company": []}), ValueError, "got a frame without ['position', "
                                                "'connected_on']"),
    (pd.DataFrame({"company": ["a"], "position": ["b"], "connected_on": ["2024"]}), TypeError,
     "connections['connected_on'] must hold dates"),
    (frame_of([]), ValueError, "connections must hold at least one connection, got none"),
    (frame_of(["2024-01-01", None]), ValueError, "must have a date on every row"),
])
def test_analyses_validate_the_connections(connections, error, message):
    for analysis in (linkedin.growth, linkedin.concentration, linkedin.attachment_test):
        with pytest.raises(error, match=re.escape(message)):
            analysis(connections)


def brute_force_gini(values) -> float:
    x = np.asarray(values, dtype=float)
    return float(np.abs(x[:, None] - x[None, :]).sum() / (2 * x.size**2 * x.mean()))


def test_concentration_by_company_by_hand():
    companies = ["A"] * 6 + ["B"] * 2 + ["C", "D", "E", None]
    frame = frame_of(["2024-01-01"] * 12, companies=companies)
    result = linkedin.concentration(frame, "company")
    assert result.sizes.to_dict() == {"A": 6, "B": 2, "C": 1, "D": 1, "E": 1}
    assert (result.groups, result.contacts, result.missing) == (5, 11, 1)
    assert result.top_share == pytest.approx(6 / 11)  # the top 20% of 5 companies is A
    assert result.gini == pytest.approx(brute_force_gini([6, 2, 1, 1, 1]))
    assert result.largest == "A" and result.largest_share == pytest.approx(6 / 11)
    assert result.top1_share == pytest.approx(pareto.top_share([6, 2, 1, 1, 1], 0.01))
    assert result.top_groups == pytest.approx(1.0)


def test_concentration_ties_are_ordered_by_name():
    frame = frame_of(["2024-01-01"] * 4, companies=["b", "a", "c", "a"])
    assert linkedin.concentration(frame).sizes.index.tolist() == ["a", "b", "c"]


def test_concentration_by_role_uses_role_families():
    positions = ["Software Engineer", "DevOps Engineer", "Founder, CEO", "Recruiter", None]
    frame = frame_of(["2024-01-01"] * 5, positions=positions)
    result = linkedin.concentration(frame, "role")
    assert result.sizes.to_dict() == {"engineering and IT": 2, "HR and recruiting": 1,
                                      "founders and executives": 1}
    assert result.missing == 1


def test_concentration_validates():
    frame = frame_of(["2024-01-01"], companies=[None])
    with pytest.raises(ValueError, match="at least one company filled in"):
        linkedin.concentration(frame)
    with pytest.raises(ValueError, match="by must be 'company', 'position' or 'role', got 'x'"):
        linkedin.concentration(frame_of(["2024-01-01"]), "x")
    with pytest.raises(ValueError, match="top must be a share in"):
        linkedin.concentration(frame_of(["2024-01-01"]), top=20)
    with pytest.raises(ValueError, match="by must be 'company', 'position' or 'role', got arr"):
        linkedin.concentration(frame_of(["2024-01-01"]), np.ones((2, 2)))  # was numpy's error


@pytest.mark.parametrize(("position", "family"), [
    ("Senior Software Engineer", "engineering and IT"),
    ("Ingénieur logiciel", "engineering and IT"),
    ("PhD Student", "students and interns"),
    ("Stagiaire marketing", "students and interns"),
    ("Chief Marketing Officer", "founders and executives"),
    ("Directeur général", "founders and executives"),
    ("Head of Marketing, EMEA", "marketing and communication"),
    ("Talent Acquisition Partner", "HR and recruiting"),
    ("Chargée RH", "HR and recruiting"),
    ("Chrome Developer", "engineering and IT"),  # "hr" inside a word is not HR
    ("Account Executive", "sales and business"),
    ("Data Analyst", "data and analysis"),
    ("UX Designer", "design"),
    ("Senior Consultant", "consulting"),
    ("Professor", "research and teaching"),
    ("Financial Analyst", "data and analysis"),
    ("Comptable", "finance"),
    ("Chef de projet", "management and operations"),
    ("Project Manager", "management and operations"),
    ("Astronaut", "other"),
])
def test_role_families(position, family):
    assert linkedin.role_family([position]).iloc[0] == family


def test_role_family_keeps_missing_values_missing():
    assert linkedin.role_family(["", " ", None]).isna().tolist() == [True, True, True]
    with pytest.raises(TypeError, match="positions must be a sequence of strings"):
        linkedin.role_family("Engineer")
    with pytest.raises(ValueError, match="positions must be one-dimensional .* got 2 dimensions"):
        linkedin.role_family(np.array([["CEO", "Nurse"], ["Chef", "Pilot"]]))  # was pandas'


def test_attention_fit_is_chapter_ones_model_on_your_size():
    fit = linkedin.attention_fit(frame_of(["2024-01-01"] * 300))
    assert fit.contacts == 300
    assert fit.coverage == attention.capacity_coverage(300)
    assert fit.feed == attention.feed_load(300)
    assert fit.share_within_capacity == pytest.approx(147.8 / 300)
    assert fit.share_followable == 1.0  # 60 posts a week fit in 15 minutes a day
    big = linkedin.attention_fit(25_000, minutes_per_day=15)
    assert big.feed.posts_per_week == 5000
    assert big.share_followable == pytest.approx(3150 / 5000)
    with pytest.raises(ValueError, match="connections must be >= 1"):
        linkedin.attention_fit(0)
    with pytest.raises(ValueError, match="silent_share must be a share"):
        linkedin.attention_fit(10, silent_share=80)


def test_attachment_test_by_hand_against_scipy():
    gains = [3, 1, 2, 4, 6, 9]
    test = linkedin.attachment_test(monthly(gains))
    sizes = np.cumsum(gains)[:-1].astype(float)
    later = np.array(gains[1:], dtype=float)
    assert test.sizes.tolist() == sizes.tolist() and test.gains.tolist() == later.tolist()
    assert test.steady_rate == pytest.approx(later.mean())
    assert test.proportional_rate == pytest.approx(later.sum() / sizes.sum())
    pointwise = (stats.poisson.logpmf(later, test.proportional_rate * sizes)
                 - stats.poisson.logpmf(later, later.mean()))
    assert test.log_likelihood_ratio == pytest.approx(pointwise.sum())
    z = pointwise.sum() / (pointwise.std() * math.sqrt(pointwise.size))
    assert test.statistic == pytest.approx(z)
    assert test.p_value == pytest.approx(2 * stats.norm.sf(abs(z)))


def test_the_size_exponent_is_the_poisson_maximum_likelihood():
    from scipy import optimize

    rng = np.random.default_rng(3)
    sizes = np.cumsum(rng.integers(1, 9, 80)).astype(float)
    gains = rng.poisson(0.4 * sizes**0.6).astype(float)
    beta, se = linkedin.size_exponent(sizes, gains)

    def minus_loglik(coef):
        mean = np.exp(coef[0] + coef[1] * np.log(sizes))
        return -stats.poisson.logpmf(gains, mean).sum()

    best = optimize.minimize(minus_loglik, [0.0, 0.5], method="Nelder-Mead",
                             options={"xatol": 1e-8, "fatol": 1e-10, "maxiter": 5000})
    assert beta == pytest.approx(best.x[1], abs=1e-4)
    assert 0.6 - 3 * se < beta < 0.6 + 3 * se and 0 < se < 0.2
    # An exact power law: the fit recovers its exponent, whatever it is.
    for exponent in (-0.5, 0.0, 1.0, 1.5):
        assert linkedin.size_exponent(sizes, 3 * (sizes / 10) ** exponent)[0] == pytest.approx(
            exponent, abs=1e-6)
    with pytest.raises(ValueError, match="sizes must be > 0"):
        linkedin.size_exponent([0, 1], [1, 1])
    with pytest.raises(ValueError, match="same length"):
        linkedin.size_exponent([1, 2, 3], [1, 1])
    with pytest.raises(ValueError, match="at least one new connection"):
        linkedin.size_exponent([1, 2], [0, 0])


def test_steady_growth_reads_as_steady_and_compounding_growth_as_proportional():
    steady = linkedin.attachment_test(monthly([5] * 60))
    assert steady.verdict == "steady" and steady.beta_low < 0 < steady.beta_high
    compounding = linkedin.attachment_test(monthly([round(2 * 1.08**i) for i in range(60)]))
    assert compounding.verdict == "proportional" and compounding.beta_low > 0
    assert linkedin.attachment_test(monthly([3, 2, 4, 3])).verdict == "undecided"


def test_a_pace_that_falls_as_the_network_grows_is_neither():
    # The review's case: a pace falling from about 15 to 1 a month, no size effect at all.
    rng = np.random.default_rng(0)
    verdicts = [linkedin.attachment_test(monthly(rng.poisson(np.linspace(15, 1, 60)))).verdict
                for _ in range(20)]
    assert verdicts.count("neither") >= 19
    falling = linkedin.attachment_test(monthly(rng.poisson(np.linspace(10, 1, 120))))
    assert falling.beta_high < 0


@pytest.mark.parametrize(("attachment", "platform", "expected"), [
    ("preferential", "exponential", {"proportional"}),
    ("preferential", "steady", {"neither"}),
    ("uniform", "steady", {"neither"}),
    ("uniform", "exponential", {"steady", "undecided"}),
])
def test_a_chapter_4_member_gets_the_verdict_of_its_platform_and_mechanism(
        attachment, platform, expected):
    # Chapter 4's closed forms: under preferential attachment a member's degree grows like
    # the square root of the platform's size; on a platform gaining a steady number of members,
    # the pace then falls like 1/sqrt(t) while the size grows like sqrt(t) (beta = -1); on one
    # growing by a steady percentage, the pace is proportional to the size (beta = 1).
    tests = [linkedin.attachment_test(linkedin.simulated_member(attachment, platform, seed=seed))
             for seed in range(4)]
    assert {test.verdict for test in tests} <= expected
    if attachment == "preferential":
        target = 1.0 if platform == "exponential" else -1.0
        assert abs(np.mean([test.beta for test in tests]) - target) < 0.3


def test_a_simulated_member_has_the_degree_chapter_4_predicts():
    # Barabási-Albert: a member who arrived as newcomer i has about m * sqrt(n / i) contacts;
    # uniform attachment gives m * (1 + ln(n / i)).
    sizes = [len(linkedin.simulated_member("preferential", seed=s)) for s in range(30)]
    assert np.mean(sizes) == pytest.approx(3 * math.sqrt(60_000 / 5), rel=0.2)
    uniform = [len(linkedin.simulated_member("uniform", seed=s)) for s in range(30)]
    assert np.mean(uniform) == pytest.approx(3 * (1 + math.log(60_000 / 5)), rel=0.15)
    with pytest.raises(ValueError, match="platform must be one of"):
        linkedin.simulated_member("preferential", "linear")
    with pytest.raises(ValueError, match="joined must be"):
        linkedin.simulated_member(joined=2)


@pytest.mark.parametrize(("attachment", "pattern"), [("uniform", "steady"),
                                                    ("preferential", "proportional")])
def test_the_test_finds_the_pattern_of_a_synthetic_export(attachment, pattern):
    # synthetic_export's "preferential" pace grows 2.5% a month, a trend in time: the test finds
    # the pattern (a pace that grows with the size), which says nothing of a mechanism.
    verdicts = {linkedin.attachment_test(linkedin.read_connections(io_file(
        linkedin.synthetic_export(2000, seed=seed, attachment=attachment)))).verdict
        for seed in range(5)}
    assert verdicts == {pattern}


def test_attachment_test_needs_three_months():
    with pytest.raises(ValueError, match="at least three calendar months"):
        linkedin.attachment_test(monthly([2, 3]))


def test_snapshot_is_the_network_on_a_past_date():
    frame = monthly([2, 3, 4, 5])
    snap = linkedin.snapshot(frame, "2015-02-28", minutes_per_day=1)
    assert snap.contacts == 5 and snap.history.total == 14
    assert snap.fit == linkedin.attention_fit(5, minutes_per_day=1)
    assert (snap.companies, snap.company_gini) == (1, 0.0)
    nobody = frame_of(["2020-01-01", "2021-01-01"], companies=[None, "Acme"])
    early = linkedin.snapshot(nobody, "2020-06-01")
    assert early.companies == 0 and math.isnan(early.company_gini)
    with pytest.raises(ValueError, match="as_of must be on or after the first connection"):
        linkedin.snapshot(frame, "2014-12-31")


# --- privacy helpers ------------------------------------------------------------------------------


def test_describe_source_never_names_the_file(tmp_path):
    path = write(tmp_path, export_text(), name="jane-doe-export.csv")
    line = linkedin.describe_source(linkedin.read_connections(path))
    assert "jane" not in line and str(tmp_path) not in line
    assert line.startswith("3 connections read (0 empty rows skipped); names, URLs and e-mails "
                           "dropped; fingerprint ")
    assert linkedin.fingerprint(path) in line
    assert "sample" not in line
    with pytest.raises(ValueError, match="must come from read_connections"):
        linkedin.describe_source(frame_of(["2024-01-01"]))


def test_describe_source_recognises_the_sample():
    line = linkedin.describe_source(linkedin.read_connections(linkedin.SAMPLE))
    assert line.endswith(f"fingerprint {linkedin.fingerprint(linkedin.SAMPLE)} "
                         "(the bundled synthetic sample)")


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@needs_git
def test_check_storage_tells_where_a_file_is_safe(tmp_path):
    outside = write(tmp_path, export_text())
    assert linkedin.check_storage(outside).startswith("Outside any git repository")
    repo = tmp_path / "course"
    (repo / "my-data").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / ".gitignore").write_text("my-data/\n")
    exposed = write(repo, export_text())
    hidden = write(repo / "my-data", export_text())
    assert linkedin.check_storage(exposed).startswith("WARNING: inside the git repository "
                                                      "'course', and git does not ignore it")
    assert linkedin.check_storage(hidden) == ("Inside the git repository 'course', in a place "
                                              "git ignores: git will not add it.")
    assert "synthetic" in linkedin.check_storage(linkedin.SAMPLE)


@needs_git
@pytest.mark.parametrize("path", ["my-data/Basic_LinkedInDataExport_01-01-2026.zip",
                                  "notebooks/my-data/Connections.csv", "Connections.csv",
                                  "notebooks/Connections.csv",
                                  "notebooks/Complete_LinkedInDataExport_02-02-2026.zip",
                                  "connections.csv", "Connections (1).csv", "linkedin.zip",
                                  "my-network.csv", "my-notebooks/my-data/Connections.csv",
                                  "my-notebooks/07-your-own-network.ipynb"])
def test_the_repository_ignores_where_a_learner_puts_an_export(path):
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    result = subprocess.run(["git", "-C", str(ROOT), "check-ignore", "-q", path])
    assert result.returncode == 0, f"{path} is not ignored by .gitignore"


@needs_git
def test_the_bundled_sample_is_tracked_not_ignored():
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    sample = linkedin.SAMPLE.relative_to(ROOT)
    assert subprocess.run(["git", "-C", str(ROOT), "check-ignore", "-q", str(sample)]
                          ).returncode == 1


# --- free-text fields that name the contact ---------------------------------------------------

FREE_TEXT_ROWS = [
    "Dan,Wolf,https://www.linkedin.com/in/dan-wolf,,Dan Wolf,Freelance photographer,03 Feb 2021",
    "Bob,Yarn,https://www.linkedin.com/in/bob-yarn,,Bob Yarn Consulting,Owner,04 Mar 2022",
    'Carol,Xu,https://www.linkedin.com/in/carol-xu,,Self-employed,'
    '"Coach | carol.xu@outlook.com | +33 6 12 34 56 78",05 Apr 2023',
    "Zélie,Dubreuil,https://www.linkedin.com/in/zd,,ZELIE DUBREUIL,Designer,06 May 2023",
    "Ann,Lee,https://www.linkedin.com/in/ann-lee,,Acme,See www.annlee.io or annlee.com/cv,"
    "07 Jun 2023",
    "Ann,Berg,https://www.linkedin.com/in/ann-berg,,Ann Taylor,Buyer,08 Jul 2023",
    "Eve,Moss,https://www.linkedin.com/in/eve-moss,,Alder Labs 2,Lead 2019-2023 (team of 12),"
    "09 Aug 2023",
]
FREE_TEXT_SECRETS = ("Dan Wolf", "Bob Yarn", "carol.xu", "outlook", "12 34 56 78", "ZELIE",
                     "annlee")


def test_company_and_position_that_name_the_contact_are_scrubbed(tmp_path):
    path = write(tmp_path, export_text(FREE_TEXT_ROWS))
    frame = linkedin.read_connections(path)
    cells = frame[["company", "position"]].astype(str).to_numpy().ravel().tolist()
    assert not [secret for secret in FREE_TEXT_SECRETS
                if any(secret.lower() in cell.lower() for cell in cells)]
    assert frame["company"].tolist() == [
        linkedin.NAME_REMOVED, linkedin.NAME_REMOVED, "Self-employed", linkedin.NAME_REMOVED,
        "Acme", "Ann Taylor", "Alder Labs 2"]  # another person's name, and digits, stay
    assert frame.loc[2, "position"] == "Coach | [e-mail] | [phone]"
    assert frame.loc[4, "position"] == "See [web address] or [web address]"
    assert frame.loc[6, "position"] == "Lead 2019-2023 (team of 12)"
    assert frame.attrs["scrubbed"] == 5
    assert "5 company or position fields" in linkedin.describe_source(frame)
    # Kept as typed for your own eyes, and in the anonymised file nothing comes back.
    assert linkedin.read_connections(path, anonymise=False)["company"][0] == "Dan Wolf"
    out = tmp_path / "out.csv"
    linkedin.anonymise_file(path, out)
    text = out.read_text(encoding="utf-8")
    assert not [secret for secret in FREE_TEXT_SECRETS if secret.lower() in text.lower()]


def test_the_anonymised_file_is_readable_by_its_owner_alone(tmp_path):
    path = write(tmp_path, export_text())
    out = tmp_path / "out.csv"
    previous = os.umask(0o022)
    try:
        linkedin.anonymise_file(path, out)
    finally:
        os.umask(previous)
    assert out.stat().st_mode & 0o777 == 0o600


def test_a_missing_export_is_named_by_its_absolute_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValueError, match=re.escape(str(tmp_path / "my-data" / "x.zip"))):
        linkedin.read_connections("my-data/x.zip")


@pytest.mark.parametrize(("position", "family"), [
    ("Accountant", "finance"), ("Chartered Accountant", "finance"),
    ("Internal Auditor", "finance"), ("International Sales", "sales and business"),
    ("Intern", "students and interns"), ("Marketing internship", "students and interns"),
    ("Account Executive", "sales and business"),
])
def test_role_families_of_titles_that_share_a_prefix(position, family):
    assert linkedin.role_family([position]).tolist() == [family]


def test_anonymising_never_touches_a_file_of_yours_named_like_its_temporary_file(tmp_path):
    path = write(tmp_path, export_text())
    yours = tmp_path / "out.csv.partial"
    yours.write_text("keep me", encoding="utf-8")
    linkedin.anonymise_file(path, tmp_path / "out.csv")
    assert yours.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Connections.csv", "out.csv",
                                                          "out.csv.partial"]
