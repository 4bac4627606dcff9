"""The data loader and the small-world studies table."""

from __future__ import annotations

import pandas as pd
import pytest

from socialmath.datasets import (
    DataError,
    available,
    load,
    read_csv,
    small_world_studies,
    studies_as_text,
)

KNOWN_KEYS = {"karinthy1929", "milgram1967", "travers1969", "dodds2003", "leskovec2008",
              "bakhshandeh2011", "backstrom2012", "edunov2016"}


def test_studies_cover_the_chapter_and_cite_known_keys():
    studies = small_world_studies()
    assert set(studies["source"]) == KNOWN_KEYS
    assert studies["year"].is_monotonic_increasing
    assert set(studies["status"]) <= {"V", "V2", "U"}


def test_intermediaries_are_one_less_than_distances():
    studies = small_world_studies()
    counted = studies[studies["measure"] == "intermediaries"]
    assert ((counted["distance"] - counted["reported"]) == 1).all()
    measured = studies[studies["measure"] == "distance"].dropna(subset=["reported"])
    assert (measured["distance"] == measured["reported"]).all()


def test_facts_as_on_the_fact_sheet():
    row = small_world_studies().set_index("source")
    assert row.loc["edunov2016", "distance"] == 4.57
    assert row.loc["backstrom2012", "distance"] == 4.74
    assert row.loc["travers1969", "reported"] == 5.2
    assert row.loc["travers1969", "size"] == 296
    assert row.loc["leskovec2008", "distance"] == 6.6
    assert pd.isna(row.loc["bakhshandeh2011", "distance"])  # unit unclear: not converted


def test_available_and_load():
    assert "small_world_studies" in available()
    assert len(load("small_world_studies")) == 8


def write(tmp_path, text):
    path = tmp_path / "mine.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_read_csv_of_a_good_file(tmp_path):
    table = read_csv(write(tmp_path, "study,year,source\nA,2001,key1\n\nB,2002,key2\n"))
    assert table["year"].tolist() == [2001, 2002]


@pytest.mark.parametrize(("text", "message"), [
    ("", "line 1: the file is empty"),
    ("study,year\nA,2001\n", "line 1: no 'source' column"),
    ("study,year,source\nA,2001,k\nB,2002\n", "line 3: 2 fields where the header has 3"),
    ("study,year,source\nA,2001, \n", "line 2: empty 'source'"),
])
def test_malformed_files_name_file_line_and_problem(tmp_path, text, message):
    with pytest.raises(DataError, match=f"mine.csv, {message}"):
        read_csv(write(tmp_path, text))


@pytest.mark.parametrize(("call", "error", "name"), [
    (lambda: load(3), TypeError, "name"),
    (lambda: load("nope"), ValueError, "name"),
    (lambda: read_csv(3.5), TypeError, "path"),
    (lambda: read_csv("/no/such/file.csv"), ValueError, "path"),
])
def test_bad_arguments(call, error, name):
    with pytest.raises(error, match=name):
        call()


def test_study_checks_catch_bad_values(monkeypatch):
    import socialmath.datasets as datasets

    good = datasets.load("small_world_studies")
    for column, value, problem in [("measure", "hops", "measure must be one of"),
                                   ("status", "maybe", "status must be one of"),
                                   ("distance", "four", "distance must be a number")]:
        bad = good.astype({column: object}).copy()
        bad.loc[2, column] = value
        monkeypatch.setattr(datasets, "load", lambda name, table=bad: table)
        with pytest.raises(DataError, match=f"line 4: {problem}"):
            datasets.small_world_studies()


def test_karinthys_bet_reads_as_five_or_six_links():
    # "no more than five individuals": whether the target is one of them is unclear
    # (backstrom2012, note 1), so the chain is at most 5 or at most 6 links.
    row = small_world_studies().set_index("source").loc["karinthy1929"]
    assert (row["distance_low"], row["distance_high"]) == (5, 6)
    assert row["measure"] == "unclear" and row["range_of"] == "readings"
    assert pd.isna(row["distance"])  # no single value: neither reading is the figure


def test_studies_as_text_writes_ranges_out_and_says_what_they_describe():
    table = studies_as_text(small_world_studies())
    assert table.loc["Karinthy's story", "distance (links)"] == "5 or 6"
    assert table.loc["Karinthy's story", "range"] == "two readings of the text"
    assert table.loc["Milgram's letters", "distance (links)"] == "6 (3 to 11)"
    assert table.loc["Milgram's letters", "range"] == "shortest to longest chain"
    assert table.loc["Dodds et al.", "reported"] == "5 to 7"     # no NaN where a range stands
    assert table.loc["Travers and Milgram", "distance (links)"] == "6.2"
    assert table.loc["Travers and Milgram", "range"] == ""
    assert table.loc["Bakhshandeh et al.", "distance (links)"] == ""
    assert not table.isna().any().any()


@pytest.mark.parametrize(("row", "value", "problem"), [
    (2, "figure", "range_of must be empty for a row without a range"),   # Travers: no range
    (1, "", "range_of must be one of"),                                  # Milgram has one
    (1, "spread", "range_of must be one of"),
])
def test_a_range_must_say_what_it_describes(monkeypatch, row, value, problem):
    import socialmath.datasets as datasets

    bad = datasets.load("small_world_studies").astype({"range_of": object}).copy()
    bad.loc[row, "range_of"] = value if value else None
    monkeypatch.setattr(datasets, "load", lambda name, table=bad: table)
    with pytest.raises(DataError, match=f"line {row + 2}: {problem}"):
        datasets.small_world_studies()


def test_a_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes(b"\xef\xbb\xbfstudy,source\nA,karinthy1929\n")
    table = read_csv(path)
    assert list(table.columns) == ["study", "source"]
    assert table["source"].tolist() == ["karinthy1929"]


def test_a_file_that_is_not_utf8_is_named_with_its_line(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("study,source\nA,x\nRényi,y\n".encode("latin-1"))
    with pytest.raises(DataError, match=r"latin1.csv, line 3: not UTF-8 text"):
        read_csv(path)


def test_studies_as_text_refuses_what_is_not_the_table():
    with pytest.raises(TypeError, match="studies must be the DataFrame"):
        studies_as_text([1, 2])
    with pytest.raises(DataError, match="missing columns"):
        studies_as_text(small_world_studies().drop(columns="range_of"))
