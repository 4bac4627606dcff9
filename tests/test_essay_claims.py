"""The capstone's closing table covers every claim of the essay, each with the chapters that check
it, its sources and the status of its evidence."""

import re
from pathlib import Path

import pytest

from socialmath.datasets import STATUSES, DataError, essay_claims

ROOT = Path(__file__).resolve().parents[1]
BIBLIOGRAPHY = (ROOT / "book" / "references.bib").read_text(encoding="utf-8")

#: The essay's claims, as the course's sources list them (the essay is in French; these are the
#: course's summaries), each with words its row must use and the chapter that must check it.
ESSAY = {
    1: ("a silent majority of about 80%: of 25,000 contacts, 5,000 post weekly",
        ["80%", "25,000"], 1),
    2: ("reading or skimming 5,000 posts a week is practically impossible", ["5,000 posts"], 1),
    3: ("past some size you cannot interact with everyone: a mass medium", ["mass medium"], 4),
    4: ("accept every genuine request: a contact of a contact may be your employer",
        ["genuine", "employer"], 6),
    5: ("six handshakes apart (Karinthy 1929), 3.5 on social networks", ["six", "3.5"], 3),
    6: ("personal branding treats a person as a brand", ["brand"], 4),
    7: ("the 80-20 rule (Pareto)", ["80-20", "Pareto"], 2),
    8: ("employee advocacy: employees as the company's ambassadors", ["mployee", "ambassador"], 5),
}


@pytest.fixture(scope="module")
def claims():
    return essay_claims()


def test_every_claim_of_the_essay_has_exactly_one_row(claims):
    assert sorted(claims.index) == sorted(ESSAY)


@pytest.mark.parametrize("number", sorted(ESSAY))
def test_each_row_is_the_claim_it_says(claims, number):
    _, words, chapter = ESSAY[number]
    row = claims.loc[number]
    for word in words:
        assert word in row["essay"], f"claim {number}: {word!r} not in {row['essay']!r}"
    assert chapter in row["chapters"], f"claim {number} must be checked in chapter {chapter}"
    assert len(row["found"]) > 60, f"claim {number}: say what the course found"


@pytest.mark.parametrize("number", sorted(ESSAY))
def test_each_row_has_a_status_and_sources_from_the_bibliography(claims, number):
    row = claims.loc[number]
    assert row["status"] in STATUSES
    assert row["source"], f"claim {number} has no source"
    for key in row["source"]:
        assert re.search(rf"@\w+\{{{re.escape(key)},", BIBLIOGRAPHY), (
            f"claim {number} cites {key!r}, which is not in book/references.bib")
    assert all(1 <= chapter <= 7 for chapter in row["chapters"])


def test_the_unsourced_claims_are_marked_unverified(claims):
    # The fact sheet has no source for "80% silent on LinkedIn" nor for 80/20 in Pareto's work.
    assert claims.loc[1, "status"] == "U"
    assert claims.loc[7, "status"] == "U"


def test_a_malformed_claims_file_is_refused(monkeypatch):
    import pandas as pd

    import socialmath.datasets as datasets

    good = datasets.load("essay_claims")
    for column, value, message in (("status", "maybe", "status"),
                                   ("chapters", "one", "chapter numbers"),
                                   ("chapters", "9", "chapters must be in")):
        bad = good.copy()
        bad.loc[0, column] = value
        monkeypatch.setattr(datasets, "load", lambda name, table=bad: table)
        with pytest.raises(DataError, match=message):
            essay_claims()
    twice = pd.concat([good, good.iloc[:1]], ignore_index=True)
    monkeypatch.setattr(datasets, "load", lambda name: twice)
    with pytest.raises(DataError, match="twice"):
        essay_claims()
