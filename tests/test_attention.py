"""Silent-majority arithmetic: the essay's numbers, Nielsen's tiers, budgets, simulation."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialmath.attention import (
    CAPACITY_DUNBAR_1993,
    CAPACITY_GONCALVES_2011,
    CONTENT_SHARES_VAN_MIERLO_2014,
    NIELSEN_90_9_1,
    Tier,
    active_contacts,
    capacity_coverage,
    essay_tiers,
    feed_load,
    nielsen_tiers,
    people_per_tier,
    posts_within_budget,
    reading_hours,
    simulate_weekly_activity,
)

# --- the essay and its sources -----------------------------------------------------------------


def test_essay_arithmetic_25000_contacts_at_80_percent_silent_gives_5000_posters():
    assert active_contacts(25_000, silent_share=0.8) == 5000.0


def test_nielsen_90_9_1_on_25000_contacts():
    tiers = nielsen_tiers(25_000)
    assert tiers["heavy contributors"] == 250.0
    assert tiers["contributors"] == 2250.0
    assert tiers["lurkers"] == 22_500.0
    assert tiers["posting"] == 2500.0


def test_nielsen_shares_are_the_published_ones():
    assert [t.share for t in NIELSEN_90_9_1] == [0.90, 0.09, 0.01]


def test_van_mierlo_content_shares_are_the_published_ones_and_sum_to_one():
    assert CONTENT_SHARES_VAN_MIERLO_2014 == {"lurkers": 0.013, "contributors": 0.240,
                                              "superusers": 0.747}
    assert math.isclose(sum(CONTENT_SHARES_VAN_MIERLO_2014.values()), 1.0)


def test_dunbar_1993_estimate_and_interval():
    assert (CAPACITY_DUNBAR_1993.estimate, CAPACITY_DUNBAR_1993.low,
            CAPACITY_DUNBAR_1993.high) == (147.8, 100.2, 231.1)


def test_goncalves_2011_range():
    assert (CAPACITY_GONCALVES_2011.low, CAPACITY_GONCALVES_2011.high) == (100.0, 200.0)


# --- reading time and budget ---------------------------------------------------------------------


def test_reading_5000_posts_at_1_7_seconds_takes_about_20_minutes_a_day():
    hours = reading_hours(5000, seconds_per_post=1.7)
    assert hours == pytest.approx(2.3611, abs=1e-4)
    assert hours * 60 / 7 == pytest.approx(20.24, abs=0.01)


def test_budget_of_15_minutes_a_day_at_2_seconds_covers_3150_posts_a_week():
    assert posts_within_budget(15, seconds_per_post=2) == 3150.0


def test_budget_over_one_day():
    assert posts_within_budget(10, seconds_per_post=3, days=1) == 200.0


def test_feed_load_for_the_essay_network():
    load = feed_load(25_000, silent_share=0.8, posts_per_active=1.0, seconds_per_post=2.0,
                     minutes_per_day=15.0)
    assert load.posts_per_week == 5000.0
    assert load.hours_per_week == pytest.approx(5000 * 2 / 3600)
    assert load.minutes_per_day_needed == pytest.approx(5000 * 2 / 60 / 7)
    assert load.posts_readable_per_week == 3150.0
    assert load.share_readable == pytest.approx(0.63)
    assert load.contacts_followable == pytest.approx(15_750.0)
    assert load.contacts_at_budget == pytest.approx(15_750.0)


def test_small_network_is_fully_readable():
    load = feed_load(150)
    assert load.share_readable == 1.0
    assert load.contacts_followable == 150.0


def test_silent_network_sends_nothing_and_is_fully_followable():
    load = feed_load(1000, silent_share=1.0)
    assert load.posts_per_week == 0.0
    assert load.share_readable == 1.0
    assert load.contacts_followable == 1000.0
    assert load.contacts_at_budget == math.inf


def test_zero_budget_reads_nothing():
    load = feed_load(1000, minutes_per_day=0)
    assert load.share_readable == 0.0
    assert load.contacts_followable == 0.0


@given(contacts=st.integers(1, 30_000), silent=st.floats(0, 1), rate=st.floats(0, 20),
       seconds=st.floats(0.1, 60), minutes=st.floats(0, 600))
def test_feed_load_invariants(contacts, silent, rate, seconds, minutes):
    load = feed_load(contacts, silent, rate, seconds, minutes)
    assert 0.0 <= load.share_readable <= 1.0
    assert 0.0 <= load.contacts_followable <= contacts
    assert load.posts_per_week == pytest.approx(contacts * (1 - silent) * rate, abs=1e-6)


@given(contacts=st.integers(1, 30_000), silent=st.floats(0, 0.99))
def test_more_contacts_never_make_the_feed_lighter(contacts, silent):
    assert feed_load(contacts + 1, silent).posts_per_week >= feed_load(contacts, silent) \
        .posts_per_week


# --- tiers ---------------------------------------------------------------------------------------


def test_essay_tiers_split_silent_and_active():
    silent, active = essay_tiers(0.8, 2.0)
    assert (silent.share, silent.posts_per_week) == (0.8, 0.0)
    assert (active.share, active.posts_per_week) == (0.2, 2.0)


def test_people_per_tier_with_custom_tiers():
    tiers = (Tier("quiet", 0.5, 0), Tier("loud", 0.5, 3))
    assert people_per_tier(10, tiers) == {"quiet": 5.0, "loud": 5.0}


# --- simulation ---------------------------------------------------------------------------------


def test_simulation_is_reproducible_with_a_seed():
    a = simulate_weekly_activity(2000, NIELSEN_90_9_1, weeks=20, seed=7)
    b = simulate_weekly_activity(2000, NIELSEN_90_9_1, weeks=20, seed=7)
    np.testing.assert_array_equal(a.posts, b.posts)
    np.testing.assert_array_equal(a.posters, b.posters)


def test_simulation_mean_matches_the_expected_posts():
    activity = simulate_weekly_activity(25_000, essay_tiers(0.8, 1.0), weeks=300, seed=3)
    assert activity.posts.mean() == pytest.approx(5000, rel=0.01)
    # Poisson posting: the weekly spread is about the square root of the mean.
    assert activity.summary()["std"] == pytest.approx(math.sqrt(5000), rel=0.15)


def test_simulated_posters_are_those_who_post_at_least_once():
    activity = simulate_weekly_activity(10_000, essay_tiers(0.8, 1.0), weeks=200, seed=5)
    expected = 2000 * (1 - math.exp(-1.0))
    assert activity.posters.mean() == pytest.approx(expected, rel=0.02)
    assert (activity.posters <= activity.posts).all()


def test_summary_interval_contains_the_mean():
    summary = simulate_weekly_activity(5000, NIELSEN_90_9_1, weeks=100, seed=1).summary(0.9)
    assert summary["low"] <= summary["mean"] <= summary["high"]


def test_silent_network_simulates_no_posts():
    activity = simulate_weekly_activity(1000, essay_tiers(1.0), weeks=5, seed=0)
    assert activity.posts.sum() == 0 and activity.weeks == 5


def test_tier_sizes_add_up_to_the_network_even_with_rounding():
    tiers = (Tier("a", 1 / 3, 1.0), Tier("b", 1 / 3, 1.0), Tier("c", 1 / 3, 1.0))
    activity = simulate_weekly_activity(10, tiers, weeks=400, seed=2)
    assert activity.posts.mean() == pytest.approx(10, rel=0.05)


# --- capacity ------------------------------------------------------------------------------------


def test_capacity_covers_under_one_percent_of_25000_contacts():
    coverage = capacity_coverage(25_000)
    assert coverage.share == pytest.approx(147.8 / 25_000)
    assert coverage.share_low == pytest.approx(100.2 / 25_000)
    assert coverage.share_high == pytest.approx(231.1 / 25_000)
    assert coverage.beyond_capacity == pytest.approx(25_000 - 147.8)


def test_capacity_covers_a_small_network_entirely():
    coverage = capacity_coverage(120, CAPACITY_GONCALVES_2011)
    assert coverage.share == 1.0 and coverage.share_low == pytest.approx(100 / 120)
    assert coverage.beyond_capacity == 0.0


# --- bad input: every public function names the parameter, the value and what is allowed -------

BAD_CALLS = [
    (active_contacts, (-1,), {}, ValueError, "contacts must be >= 0, got -1"),
    (active_contacts, (2.5,), {}, TypeError, "contacts must be an integer"),
    (active_contacts, (100,), {"silent_share": 80}, ValueError, "divide by 100"),
    (active_contacts, (100,), {"silent_share": "0.8"}, TypeError,
     r"silent_share must be a share in \[0, 1\], got '0.8' \(str\)"),
    (feed_load, (True,), {}, TypeError, "contacts must be an integer"),
    (feed_load, (100,), {"posts_per_active": -1}, ValueError, "posts_per_active must be >= 0"),
    (feed_load, (100,), {"seconds_per_post": 0}, ValueError, "seconds_per_post must be > 0"),
    (feed_load, (100,), {"minutes_per_day": 2000}, ValueError,
     r"minutes_per_day must be in \[0, 1440\]"),
    (feed_load, (100,), {"silent_share": float("nan")}, ValueError,
     r"silent_share must be a share in \[0, 1\], got nan"),
    (reading_hours, (-5,), {}, ValueError, "posts must be >= 0"),
    (reading_hours, (5,), {"seconds_per_post": -2}, ValueError, "seconds_per_post must be > 0"),
    (posts_within_budget, (-1,), {}, ValueError, r"minutes_per_day must be in \[0, 1440\], got -1"),
    (posts_within_budget, (10,), {"days": 0}, ValueError, "days must be >= 1"),
    (posts_within_budget, (10,), {"days": 1.5}, TypeError, "days must be an integer"),
    (essay_tiers, (1.2,), {}, ValueError, "silent_share must be a share in \\[0, 1\\]"),
    (essay_tiers, (0.8, -1), {}, ValueError, "posts_per_active must be >= 0"),
    (people_per_tier, (10, []), {}, TypeError, "tiers must be a non-empty sequence"),
    (people_per_tier, (10, [("a", 1.0, 0)]), {}, TypeError, "tiers must contain only Tier"),
    (people_per_tier, (10, [Tier("a", 0.5, 0)]), {}, ValueError, "shares adding up to 1, got 0.5"),
    (nielsen_tiers, (-3,), {}, ValueError, "contacts must be >= 0"),
    (simulate_weekly_activity, (100,), {"weeks": 0}, ValueError, r"weeks must be in \[1, 10000\]"),
    (simulate_weekly_activity, (100,), {"seed": -1}, ValueError, "seed must be >= 0"),
    (simulate_weekly_activity, (100,), {"seed": "abc"}, TypeError, "seed must be None, an int"),
    (simulate_weekly_activity, (100,), {"tiers": "90-9-1"}, TypeError, "tiers must be a non-emp"),
    (capacity_coverage, (0,), {}, ValueError, "contacts must be >= 1"),
    (capacity_coverage, (100,), {"capacity": 150}, TypeError, "capacity must be a Capacity"),
]


@pytest.mark.parametrize(("function", "args", "kwargs", "error", "message"), BAD_CALLS,
                         ids=[f"{c[0].__name__}-{i}" for i, c in enumerate(BAD_CALLS)])
def test_bad_input_raises_a_clear_error(function, args, kwargs, error, message):
    with pytest.raises(error, match=message):
        function(*args, **kwargs)


def test_tier_rejects_bad_fields():
    with pytest.raises(ValueError, match="share of tier 'x' must be a share"):
        Tier("x", 2.0, 1.0)
    with pytest.raises(ValueError, match="posts_per_week of tier 'x' must be >= 0"):
        Tier("x", 0.5, -1.0)
    with pytest.raises(TypeError, match="Tier name must be a non-empty string"):
        Tier("", 0.5, 1.0)


def test_summary_rejects_a_bad_coverage():
    activity = simulate_weekly_activity(10, essay_tiers(), weeks=3, seed=0)
    with pytest.raises(ValueError, match=r"coverage must be in \(0, 1\], got 0"):
        activity.summary(0)


def test_van_mierlo_groups_are_shares_of_actors_ranked_by_posts():
    from socialmath.attention import PEOPLE_SHARES_VAN_MIERLO_2014

    assert PEOPLE_SHARES_VAN_MIERLO_2014 == {"lurkers": 0.90, "contributors": 0.09,
                                             "superusers": 0.01}
    assert list(PEOPLE_SHARES_VAN_MIERLO_2014) == list(CONTENT_SHARES_VAN_MIERLO_2014)
    # the same groups: the top 1% of actors wrote 74.7% of the content
    assert CONTENT_SHARES_VAN_MIERLO_2014["superusers"] == 0.747
