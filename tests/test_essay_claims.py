"""The capstone's closing table covers every claim of the essay, each with the chapters that check
it, its sources and the status of its evidence."""

import re
from pathlib import Path

import pytest

from socialmath.datasets import STATUS_ORDER, STATUSES, VERDICTS, DataError, essay_claims

ROOT = Path(__file__).resolve().parents[1]
BIBLIOGRAPHY = (ROOT / "book" / "references.bib").read_text(encoding="utf-8")

#: The essay's claims, as the course's sources list them (the essay is in French; these are the
#: course's summaries), each with words its row must use and the chapters that judge it.
ESSAY = {
    1: ("a silent majority of about 80%: of 25,000 contacts, 5,000 post weekly",
        ["80%", "25,000"], (1,)),
    2: ("reading or skimming 5,000 posts a week is practically impossible", ["5,000 posts"],
        (1, 7)),
    3: ("past some size you cannot interact with everyone: a mass medium", ["mass medium"],
        (1, 4, 6, 7)),
    4: ("accept every genuine request: a contact of a contact may be your employer",
        ["genuine", "employer"], (3, 6)),
    5: ("six handshakes apart (Karinthy 1929), 3.5 on social networks", ["six", "3.5"], (3,)),
    6: ("personal branding treats a person as a brand", ["brand"], (4,)),
    7: ("the 80-20 rule (Pareto)", ["80-20", "Pareto"], (2, 7)),
    8: ("employee advocacy: employees as the company's ambassadors", ["mployee", "ambassador"],
        (5,)),
}


#: The status of every source the table cites, as the course's fact sheet
#: (``../shared/facts/FACTS.md``) gives it for the fact the row uses.
SOURCE_STATUS = {
    "nielsen2006": "V", "vanmierlo2014": "V", "facebookiq2016": "V2", "dangi2020": "V",
    "goncalves2011": "V", "dunbar1993": "V2", "lindenfors2021": "V", "rajkumar2022": "V",
    "granovetter1973": "V2", "karinthy1929": "V", "milgram1967": "V2", "travers1969": "V",
    "edunov2016": "V", "peters1997": "V2", "barabasi1999": "V", "broido2019": "V",
    "feld1991": "V", "juran1975": "V", "pareto1896": "U", "clauset2009": "V",
    "linkedin2016": "V", "linkedin2017": "V2",
}
#: What the course concludes on each claim (its chapters' verdicts).
VERDICT = {1: "unsupported", 2: "in part", 3: "holds", 4: "in part", 5: "in part",
           6: "definition", 7: "misattributed", 8: "definition"}


@pytest.fixture(scope="module")
def claims():
    return essay_claims()


def test_every_claim_of_the_essay_has_exactly_one_row(claims):
    assert sorted(claims.index) == sorted(ESSAY)


@pytest.mark.parametrize("number", sorted(ESSAY))
def test_each_row_is_the_claim_it_says(claims, number):
    _, words, chapters = ESSAY[number]
    row = claims.loc[number]
    for word in words:
        assert word in row["essay"], f"claim {number}: {word!r} not in {row['essay']!r}"
    # Every chapter that judges the claim is named, and no other.
    assert sorted(row["chapters"]) == list(chapters), f"claim {number}: chapters {chapters}"
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


@pytest.mark.parametrize("number", sorted(ESSAY))
def test_a_status_is_the_weakest_of_its_sources(claims, number):
    # One rule for every row: a finding is only as well read as the weakest source it rests on.
    sources = claims.loc[number, "source"]
    weakest = max((SOURCE_STATUS[key] for key in sources), key=STATUS_ORDER.index)
    assert claims.loc[number, "status"] == weakest, (number, sources)


def test_each_claim_has_the_verdict_its_chapters_reach(claims):
    assert set(claims["verdict"]) <= set(VERDICTS)
    assert claims["verdict"].to_dict() == VERDICT


def test_the_unsourced_and_the_misnamed_claims_say_so(claims):
    # No source gives "80% silent" for LinkedIn; Juran admitted giving 80/20 Pareto's name.
    assert claims.loc[1, "verdict"] == "unsupported"
    assert "no source gives 80% for LinkedIn" in claims.loc[1, "found"]
    assert claims.loc[7, "verdict"] == "misattributed"
    assert "juran1975" in claims.loc[7, "source"]
    # The essay's chain of three contacts was never tested: its row cannot be V.
    assert claims.loc[4, "status"] != "V"
    assert "nobody tested" in claims.loc[4, "found"]


def test_a_malformed_claims_file_is_refused(monkeypatch):
    import pandas as pd

    import socialmath.datasets as datasets

    good = datasets.load("essay_claims")
    for column, value, message in (("status", "maybe", "status"),
                                   ("verdict", "probably", "verdict"),
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
