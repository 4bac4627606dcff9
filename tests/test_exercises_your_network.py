"""Chapter 7 self-checks: right answers pass, the usual slips get their hint, judging exercises
accept any defensible answer, checks work on any connections, and nothing raises."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from connections import frame_of, monthly

from socialmath import linkedin
from socialmath.exercises.feedback import NO_ANSWER, Feedback
from socialmath.exercises.your_network import (
    ESSAY_CLAIMS,
    check_attachment_judgement,
    check_company_top_share,
    check_essay_claims,
    check_recent_pace,
    check_rich_get_richer,
    check_share_within_capacity,
    check_years_to_cap,
    claim_facts,
)

SAMPLE = linkedin.read_connections(linkedin.SAMPLE)
GROWTH = linkedin.growth(SAMPLE)
COMPANIES = linkedin.concentration(SAMPLE, "company")
CHECKS = [check_recent_pace, check_years_to_cap, check_company_top_share,
          check_share_within_capacity, check_attachment_judgement, check_rich_get_richer,
          check_essay_claims]


def test_the_sample_values_the_chapter_quotes():
    # Worked out from the bundled sample: 180 connections over its last 12 months.
    assert GROWTH.per_month[-12:].sum() == 180 and GROWTH.recent_pace == 15.0
    assert GROWTH.years_to_cap == pytest.approx((30_000 - 750) / 15 / 12)


@pytest.mark.parametrize(("check", "answer"), [
    (check_recent_pace, 15),
    (check_recent_pace, 15.0),
    (check_years_to_cap, 162.5),
    (check_years_to_cap, 162),
    (check_company_top_share, round(COMPANIES.top_share, 2)),
    (check_share_within_capacity, 147.8 / 750),
    (check_share_within_capacity, 0.2),
    (check_share_within_capacity, 0.19),  # 0.197 cut short
    (check_attachment_judgement, "proportional"),
    (check_attachment_judgement, " Proportional to size "),
    (check_rich_get_richer, False),
    (check_rich_get_richer, "cannot tell"),
    (check_rich_get_richer, "Can't tell"),
])
def test_right_answers_pass(check, answer):
    assert check(answer).correct


@pytest.mark.parametrize(("check", "answer", "hint"), [
    (check_recent_pace, 180, "total of the last 12 months"),
    (check_recent_pace, 750 / GROWTH.months.size, "mean over the whole history"),
    (check_recent_pace, 750 / 12, "whole network divided by 12"),
    (check_years_to_cap, GROWTH.months_to_cap, "that is in months"),
    (check_years_to_cap, 30_000 / 15 / 12, "subtract the connections you already have"),
    (check_years_to_cap, (30_000 - 750) / 15 / 52, "12 months in a year"),
    (check_company_top_share, COMPANIES.top_share * 100, "that is a percentage"),
    (check_company_top_share, 1 - COMPANIES.top_share, "other 80% of companies"),
    (check_company_top_share, COMPANIES.largest_share, "the largest company alone"),
    (check_company_top_share, COMPANIES.top_share * COMPANIES.contacts / 750,
     "leave out the contacts with no company"),
    (check_share_within_capacity, 19.7, "that is a percentage"),
    (check_share_within_capacity, 750 / 147.8, "divide the other way"),
    (check_share_within_capacity, 1 - 147.8 / 750, "share beyond the capacity"),
    (check_attachment_judgement, "steady", "A positive R favours the pace proportional"),
    (check_attachment_judgement, "undecided", "the comparison does decide here"),
    (check_attachment_judgement, "neither", "whole interval below 0"),
    (check_attachment_judgement, "preferential", "names a pattern, not a mechanism"),
    (check_attachment_judgement, "uniform", "names a pattern, not a mechanism"),
    (check_rich_get_richer, True, "a pattern, not a mechanism"),
])
def test_usual_slips_get_their_hint(check, answer, hint):
    feedback = check(answer)
    assert not feedback.correct
    assert hint in feedback.message


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("answer", [None, ..., "abc", [1], {"x": 1}, float("nan"), True, -1e300])
def test_checks_never_raise(check, answer):
    feedback = check(answer)
    assert isinstance(feedback, Feedback) and not feedback.correct
    if answer is None:
        assert feedback.message == NO_ANSWER


@pytest.mark.parametrize("check", CHECKS)
def test_checks_refuse_what_is_not_connections_without_raising(check):
    answer = {key: True for key in ESSAY_CLAIMS} if check is check_essay_claims else 1.0
    if check is check_attachment_judgement:
        answer = "steady"
    if check is check_rich_get_richer:
        answer = False
    feedback = check(answer, connections="my export.csv")
    assert not feedback.correct and "cannot be checked" in feedback.message


def test_checks_use_the_connections_they_are_given():
    steady = monthly([4] * 36)
    assert check_recent_pace(4, steady).correct
    assert check_years_to_cap((30_000 - 144) / 4 / 12, steady).correct
    assert check_attachment_judgement("steady", steady).correct
    compounding = monthly([round(2 * 1.08**i) for i in range(60)])
    assert check_attachment_judgement("proportional", compounding).correct


def test_a_month_cut_short_by_the_download_does_not_lower_the_pace():
    # 15 connections every month, one every other day, and an export downloaded on 3 June: the
    # pace is 15, not the mean of 11 whole months and June's 2 days.
    dates = pd.date_range("2023-06-04", "2025-06-03", freq="2D")
    export = frame_of(list(dates))
    history = linkedin.growth(export)
    assert history.recent_pace == pytest.approx(((dates > "2024-06-03").sum()) / 12)
    assert 14.5 < history.recent_pace < 15.5
    calendar = history.per_month[-12:].mean()
    assert calendar < history.recent_pace - 0.5
    feedback = check_recent_pace(calendar, export)
    assert not feedback.correct and "only partly over" in feedback.message


def test_years_to_cap_is_never_infinite_for_an_export():
    # growth() ends at the last connection, so the last 12 months hold at least one.
    old = frame_of(["2010-01-01", "2010-02-01", "2012-06-01"])
    assert linkedin.growth(old).recent_pace == pytest.approx(1 / 12)
    assert check_years_to_cap((30_000 - 3) * 12 / 12, old).correct


def test_undecided_tests_accept_a_lean_or_undecided():
    short = monthly([3, 2, 4, 3])
    test = linkedin.attachment_test(short)
    assert test.verdict == "undecided"
    leaning = "proportional" if test.log_likelihood_ratio > 0 else "steady"
    other = {"proportional": "steady", "steady": "proportional"}[leaning]
    assert check_attachment_judgement("undecided", short).correct
    lean = check_attachment_judgement(leaning, short)
    assert lean.correct and "Defensible as a lean" in lean.message
    against = check_attachment_judgement(other, short)
    assert not against.correct and "'undecided' is the safe answer" in against.message


def test_a_collapsing_pace_is_neither_not_steady():
    # The review's member: a pace falling from about 15 to 1 a month.
    falling = monthly(np.random.default_rng(1).poisson(np.linspace(15, 1, 60)))
    assert linkedin.attachment_test(falling).verdict == "neither"
    assert check_attachment_judgement("neither", falling).correct
    steady = check_attachment_judgement("steady", falling)
    assert not steady.correct and "falls as the network grows" in steady.message
    assert check_rich_get_richer(False, falling).correct


def test_rich_get_richer_is_never_shown_by_the_test():
    for frame in (SAMPLE, monthly([5] * 60), monthly([round(2 * 1.08**i) for i in range(60)])):
        assert not check_rich_get_richer(True, frame).correct
        for answer in (False, "cannot tell"):
            feedback = check_rich_get_richer(answer, frame)
            assert feedback.correct and "steady percentage" in feedback.message
    assert "Expected True, False" in check_rich_get_richer("yes").message


def test_young_networks_get_a_message_not_a_traceback():
    young = frame_of(["2020-01-01", "2020-02-01"])
    for check, answer in ((check_attachment_judgement, "steady"), (check_rich_get_richer, False)):
        feedback = check(answer, young)
        assert not feedback.correct and "too young to judge" in feedback.message


def test_the_sample_claims():
    facts = claim_facts(SAMPLE)
    assert facts["beyond_capacity"][:2] == (True, False)
    assert facts["feed_unreadable"][:2] == (False, False)
    assert facts["eighty_twenty"][:2] == (False, False)
    right = {"beyond_capacity": True, "feed_unreadable": False, "eighty_twenty": False}
    assert check_essay_claims(right).correct
    wrong = dict(right, feed_unreadable=True)
    feedback = check_essay_claims(wrong)
    assert not feedback.correct
    assert "feed_unreadable: not yet, your feed needs about 0.7 minutes a day against 15" \
        in feedback.message


def test_a_claim_within_its_own_uncertainty_accepts_both_answers():
    companies = [f"c{i}" for i in range(150)]
    borderline = frame_of(["2020-01-01"] * 150, companies=companies)  # 150: inside 100-231
    for answer in (True, False):
        feedback = check_essay_claims({"beyond_capacity": answer, "feed_unreadable": False,
                                       "eighty_twenty": False}, borderline)
        assert feedback.correct
    assert "beyond_capacity: " in feedback.message


def test_essay_claims_needs_every_key_and_booleans():
    assert "missing ['eighty_twenty']" in check_essay_claims(
        {"beyond_capacity": True, "feed_unreadable": False}).message
    assert "unknown ['extra']" in check_essay_claims(
        {**{key: True for key in ESSAY_CLAIMS}, "extra": True}).message
    assert "Answer True or False" in check_essay_claims(
        {**{key: True for key in ESSAY_CLAIMS}, "eighty_twenty": "yes"}).message


def test_the_claim_thresholds_follow_their_sources():
    # 12,500 contacts at the essay's assumptions need 2,500 posts * 2 s = 83,333 s a week,
    # 11.9 minutes a day: under 15, so the feed claim does not hold.
    big = frame_of(["2020-01-01"] * 12_500, companies=list(np.arange(12_500).astype(str)))
    facts = claim_facts(big)
    assert facts["feed_unreadable"][0] is False
    bigger = frame_of(["2020-01-01"] * 20_000, companies=list(np.arange(20_000).astype(str)))
    assert claim_facts(bigger)["feed_unreadable"][0] is True
