"""Reciprocation capacity, the tipping size, and the band the assumptions span."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import numpy as np
import pytest

from socialmath.attention import CAPACITY_DUNBAR_1993
from socialmath.branding.tipping import (
    GROUP_SIZES,
    TIPPING_ASSUMPTIONS,
    reciprocation,
    tipping_band,
)

BIBLIOGRAPHY = (Path(__file__).resolve().parents[1] / "book" / "references.bib").read_text(
    encoding="utf-8")


def test_capacity_and_tipping_size_arithmetic():
    # 3 hours a week = 180 minutes; 52/12 weeks a month: 780 minutes a month; at 6 minutes an
    # exchange and 2 exchanges a month per contact, 65 contacts. Incoming: 180 minutes a week at
    # 6 minutes a reply and 0.02 replies per contact a week: 1,500 contacts.
    point = reciprocation(hours_per_week=3, minutes_per_exchange=6, exchanges_per_month=2,
                          requests_per_contact=0.02)
    assert point.capacity == pytest.approx(65.0)
    assert point.tipping_size == pytest.approx(1500.0)
    assert point.reciprocated_share(130) == pytest.approx(0.5)
    assert point.reciprocated_share(10) == 1.0 and point.reciprocated_share(0) == 1.0
    assert point.answered_share(3000) == pytest.approx(0.5)
    assert point.hours_needed(1500) == pytest.approx(3.0)
    shares = point.reciprocated_share(np.array([0, 65, 650]))
    assert shares.tolist() == pytest.approx([1.0, 1.0, 0.1])


def test_no_time_means_no_capacity_and_no_requests_mean_no_tipping():
    assert reciprocation(hours_per_week=0).capacity == 0
    assert reciprocation(hours_per_week=0).reciprocated_share(5) == 0.0
    assert reciprocation(requests_per_contact=0).tipping_size == float("inf")
    assert reciprocation(requests_per_contact=0).answered_share(10**9) == 1.0


def test_the_band_is_spanned_by_the_corners():
    band = tipping_band(hours_per_week=(1, 4), minutes_per_exchange=(3, 12),
                        exchanges_per_month=(0.5, 2), requests_per_contact=(0.005, 0.04))
    assert band.capacity_low == pytest.approx(reciprocation(1, 12, 2, 0.04).capacity)
    assert band.capacity_high == pytest.approx(reciprocation(4, 3, 0.5, 0.04).capacity)
    assert band.tipping_low == pytest.approx(reciprocation(1, 12, 2, 0.04).tipping_size)
    assert band.tipping_high == pytest.approx(reciprocation(4, 3, 2, 0.005).tipping_size)
    assert band.capacity_low <= band.central.capacity <= band.capacity_high
    assert band.tipping_low <= band.central.tipping_size <= band.tipping_high
    assert band.central.hours_per_week == pytest.approx(2.0)  # sqrt(1 x 4)


def test_a_band_with_every_input_fixed_is_a_point():
    band = tipping_band(hours_per_week=2, minutes_per_exchange=5, exchanges_per_month=1,
                        requests_per_contact=0.01)
    assert band.capacity_low == band.capacity_high == band.central.capacity
    assert band.tipping_low == band.tipping_high == pytest.approx(2400)


def test_default_band_uses_the_assumptions_ranges():
    band = tipping_band()
    ends = {name: (a.low, a.high) for name, a in TIPPING_ASSUMPTIONS.items()}
    assert band.capacity_high == pytest.approx(
        ends["hours_per_week"][1] * 60 * 52 / 12
        / (ends["minutes_per_exchange"][0] * ends["exchanges_per_month"][0]))
    assert band.central == reciprocation()


def test_published_group_sizes():
    dunbar = GROUP_SIZES["dunbar1993"]
    assert (dunbar.estimate_low, dunbar.interval_low, dunbar.interval_high) == (
        CAPACITY_DUNBAR_1993.estimate, CAPACITY_DUNBAR_1993.low, CAPACITY_DUNBAR_1993.high)
    bayesian = GROUP_SIZES["lindenfors2021_bayesian"]
    assert (bayesian.estimate_low, bayesian.estimate_high) == (69, 109)
    assert (bayesian.interval_low, bayesian.interval_high) == (4, 520)
    assert (GROUP_SIZES["lindenfors2021_gls"].interval_low,
            GROUP_SIZES["lindenfors2021_gls"].interval_high) == (2, 336)
    for size in GROUP_SIZES.values():
        assert re.search(rf"@\w+\{{{size.source},", BIBLIOGRAPHY)
        assert size.interval_low <= size.estimate_low <= size.estimate_high <= size.interval_high


@pytest.mark.parametrize(("call", "error", "name"), [
    (lambda: reciprocation(hours_per_week=-1), ValueError, "hours_per_week"),
    (lambda: reciprocation(hours_per_week=200), ValueError, "hours_per_week"),
    (lambda: reciprocation(minutes_per_exchange=0), ValueError, "minutes_per_exchange"),
    (lambda: reciprocation(exchanges_per_month="1"), TypeError, "exchanges_per_month"),
    (lambda: reciprocation(requests_per_contact=-0.1), ValueError, "requests_per_contact"),
    (lambda: reciprocation().reciprocated_share(-5), ValueError, "contacts"),
    (lambda: reciprocation().reciprocated_share("many"), TypeError, "contacts"),
    (lambda: reciprocation().answered_share([1, float("inf")]), ValueError, "contacts"),
    (lambda: reciprocation().hours_needed(True), TypeError, "contacts"),
    (lambda: tipping_band(hours=(1, 2)), TypeError, "unknown"),
    (lambda: tipping_band(hours_per_week=(3, 1)), ValueError, "hours_per_week"),
    (lambda: tipping_band(hours_per_week=(1, 2, 3)), TypeError, "hours_per_week"),
    (lambda: tipping_band(minutes_per_exchange=(0, 5)), ValueError, "minutes_per_exchange"),
])
def test_bad_input_names_the_parameter(call, error, name):
    with pytest.raises(error, match=name):
        call()


@pytest.mark.parametrize(("name", "value"), [
    ("minutes_per_exchange", 5e-324), ("exchanges_per_month", 5e-324),
    ("minutes_per_exchange", 1e-3), ("minutes_per_exchange", 20_000),
    ("exchanges_per_month", 10_000),
])
def test_minutes_and_cadence_outside_their_range_are_refused_with_the_range(name, value):
    # 5e-324 minutes raised ZeroDivisionError (5e-324 x 1 exchange underflows to 0), and a
    # tiny cadence gave an infinite capacity
    allowed = {"minutes_per_exchange": r"\[0.01, 10080\]",
               "exchanges_per_month": r"\[0.01, 720\]"}[name]
    with pytest.raises(ValueError, match=rf"{name} must be in {allowed}, got {value!r}"):
        reciprocation(**{name: value})


def test_the_ends_of_the_ranges_give_finite_capacities():
    fastest = reciprocation(hours_per_week=168, minutes_per_exchange=0.01, exchanges_per_month=0.01)
    assert fastest.capacity == pytest.approx(168 * 60 * 52 / 12 / (0.01 * 0.01))
    slowest = reciprocation(minutes_per_exchange=10080, exchanges_per_month=720)
    assert slowest.capacity == pytest.approx(2 * 60 * 52 / 12 / (10080 * 720))


def test_a_tiny_network_is_all_reciprocated_without_an_overflow_warning():
    point = reciprocation()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert point.reciprocated_share(5e-324) == 1.0
        shares = point.answered_share([0, 5e-324, 1e9])
        assert shares.tolist() == [1.0, 1.0, 2.4e-06]  # the tipping size is 2,400
