"""Plot functions check their arguments as the models do.

Handed the wrong object, an unknown colour or an empty series, a plot function raised
matplotlib's or pandas' ``AttributeError``, ``KeyError`` or ``IndexError`` from deep inside; now it
raises a ``TypeError`` or ``ValueError`` naming the parameter before drawing anything. The first
tests pin the examples; the last ones call every public plot function (found from the plots column
of the chapter table, plus ``plots.style``) with one bad argument at a time, like
``test_fuzz_public_api.py`` does for the models. A chapter's plot module needs valid examples in
``PLOT_EXAMPLES`` for parameters that ``PLOT_EXAMPLES_BY_NAME`` does not cover.
"""

from __future__ import annotations

import importlib
import inspect
import math
from functools import cache

import matplotlib as mpl
import networkx as nx
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure
from test_fuzz_public_api import Make, call_with_bad_values, valid_arguments
from test_package import chapter_rows

from socialmath.attention import CAPACITY_DUNBAR_1993, CONTENT_SHARES_VAN_MIERLO_2014, feed_load
from socialmath.datasets import small_world_studies
from socialmath.pareto import fit_power_law, pareto_profile, sample_power_law
from socialmath.plots import new_figure
from socialmath.plots.advocacy import draw_reach_curves
from socialmath.plots.attention import (
    draw_feed,
    draw_people_and_content,
    draw_weekly_posts,
    update_feed,
)
from socialmath.plots.branding import draw_growth, draw_paradox
from socialmath.plots.linkedin import draw_timeline
from socialmath.plots.pareto import draw_ccdf, draw_lorenz, draw_top_share_by_alpha
from socialmath.plots.policy import draw_decision, draw_tradeoffs
from socialmath.plots.reach import draw_cascades, draw_funnel, draw_tipping
from socialmath.plots.separation import (
    draw_distance_distribution,
    draw_reach,
    draw_small_world,
    draw_studies,
)
from socialmath.plots.style import label_axes
from socialmath.separation import distance_distribution, reach_estimate, small_world_sweep


def axes():
    return new_figure()[1]


def plain_axes():
    """Axes without the house style's layout: quicker to make, and all a check looks at."""
    return Figure().add_subplot()


@cache
def studies():
    return small_world_studies()


@cache
def profile():
    return pareto_profile(1.5, sample_size=100, repeats=3)


@cache
def sweeps():
    curve = small_world_sweep(40, 4, p=[1e-3, 0.1, 1.0], seed=1)
    point = small_world_sweep(40, 4, p=[0.1], seed=1)
    return curve, point


@cache
def fit():
    return fit_power_law(sample_power_law(2.5, 1.0, 300, seed=1), max_candidates=20)


# --- the examples ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("call", "error", "message"), [
    (lambda: draw_feed(axes(), {"contacts": 100}), TypeError,
     r"load must be a FeedLoad \(from socialmath.attention.feed_load\), got dict"),
    (lambda: draw_feed(new_figure(1, 2)[1], feed_load(100)), TypeError,
     r"ax must be a matplotlib Axes .* got ndarray \(one Axes of the array: ax\[0\]\)"),
    (lambda: update_feed(None, feed_load(100)), TypeError,
     r"artists must be a FeedArtists \(what draw_feed returned\), got NoneType"),
    (lambda: draw_lorenz(axes(), 1.5), TypeError,
     r"profile must be a ParetoProfile \(from socialmath.pareto.pareto_profile\), got float"),
    (lambda: draw_reach(axes(), (100, 10_000, 1_000_000)), TypeError,
     "estimate must be a ReachEstimate"),
    (lambda: draw_small_world(axes(), sweeps()[0], sweeps()[0]), ValueError,
     "point must be a sweep of one rewiring share p, got 3"),
    (lambda: draw_distance_distribution(axes(), distance_distribution(nx.empty_graph(3))),
     ValueError, "dist must have at least one connected pair to draw, got none"),
    (lambda: draw_studies(axes(), small_world_studies().drop(columns="measure")), ValueError,
     r"studies must have the columns .* missing \['measure'\]"),
    (lambda: draw_studies(axes(), small_world_studies().iloc[:0]), ValueError,
     "studies must hold at least one study, got an empty table"),
    (lambda: draw_studies(axes(), small_world_studies().to_dict()), TypeError,
     "studies must be a DataFrame"),
], ids=["feed: a dict", "feed: an array of axes", "update: no artists", "lorenz: a number",
        "reach: a tuple", "small world: a curve as the point", "distances: nobody connected",
        "studies: a missing column", "studies: empty", "studies: a dict"])
def test_the_wrong_object_is_named(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_an_unknown_colour_lists_the_house_colours():
    with pytest.raises(ValueError, match="colour must be one of 'blue', 'orange', 'green', "
                                         "'vermillion', 'sky', 'purple', 'yellow', 'grey', "
                                         "'black', got 'red'"):
        draw_ccdf(axes(), [1, 2, 3], colour="red")  # was a KeyError: 'red'
    with pytest.raises(TypeError, match="colour must be the name of a house colour"):
        draw_ccdf(axes(), [1, 2, 3], colour=(1, 0, 0))


@pytest.mark.parametrize(("call", "message"), [
    (lambda: draw_ccdf(axes(), []), "values must hold at least 1 number, got none"),
    (lambda: draw_ccdf(axes(), [0, 0, -1]), "values must hold at least one value > 0"),
    (lambda: draw_weekly_posts(axes(), [], 10.0), "posts must hold at least 1 number"),
    (lambda: draw_weekly_posts(axes(), [1.0, math.nan], 10.0), "posts must hold finite"),
    (lambda: draw_people_and_content(axes(), {}, CONTENT_SHARES_VAN_MIERLO_2014),
     "people must hold 1 to 7 groups, got 0"),
    (lambda: draw_people_and_content(axes(), {"a": 0.5, "b": 0.2},
                                     CONTENT_SHARES_VAN_MIERLO_2014),
     "people must hold shares adding up to 1, got 0.7"),
    (lambda: draw_top_share_by_alpha(axes(), []), "alphas must hold at least 2 numbers"),
    (lambda: draw_top_share_by_alpha(axes(), [2.0, 1.5]), "alphas must increase"),
    (lambda: draw_top_share_by_alpha(axes(), [0.5, 2.0]), r"alphas must hold numbers >= 1"),
], ids=["ccdf: empty (was IndexError)", "ccdf: nothing positive", "weekly posts: empty",
        "weekly posts: a NaN", "tiers: none", "tiers: do not add up", "alphas: empty",
        "alphas: decreasing", "alphas: below 1"])
def test_an_empty_or_impossible_series_is_refused(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_more_tiers_than_colours_are_refused_not_dropped():
    shares = {f"tier {i}": 0.125 for i in range(8)}
    with pytest.raises(ValueError, match="content must hold 1 to 7 groups, got 8"):
        draw_people_and_content(axes(), {"all": 1.0}, shares)
    seven = {f"tier {i}": 1 / 7 for i in range(7)}
    bars = draw_people_and_content(axes(), {"all": 1.0}, seven)
    assert len(bars) == 8  # every tier drawn (the colours used to run out after 4)


def test_a_fit_of_other_data_is_refused():
    with pytest.raises(ValueError, match=r"fit must be a fit of these values: its x_min"):
        draw_ccdf(axes(), [0.1, 0.2, 0.3], fit())


def test_tie_bands_name_their_own_parameters():
    from socialmath.plots.policy import draw_tie_bands

    # the bounds went on to tie_strength_shares, whose messages said weak_low and weak_high
    with pytest.raises(ValueError, match=r"^low must be in \[0, 100000\], got -1"):
        draw_tie_bands(plain_axes(), -1, 10)
    with pytest.raises(ValueError, match=r"^high must be in \[5, 100000\], got 2"):
        draw_tie_bands(plain_axes(), 5, 2)


def test_labels_must_be_text():
    with pytest.raises(TypeError, match="ylabel must be a string, got None"):
        label_axes(axes(), "x", None)
    with pytest.raises(TypeError, match="title must be a string or None, got 3"):
        draw_ccdf(axes(), [1, 2, 3], title=3)


def test_valid_arguments_still_draw():
    ax = axes()
    artists = draw_feed(ax, feed_load(1000))
    update_feed(artists, feed_load(2000))
    assert artists.you.get_xdata()[0] == 2000
    lines = draw_ccdf(axes(), sample_power_law(2.5, 1.0, 300, seed=1), fit(), colour="green")
    assert len(lines) == 3  # the data, the power law and the log-normal


# --- every public plot function, one bad argument at a time ------------------------------------


def plot_modules() -> list[str]:
    names = [module for _, modules in chapter_rows() for module in modules
             if module.startswith("plots.")]
    return sorted(set(names)) + ["plots.style"]


def plot_functions() -> list[tuple[str, object]]:
    found = []
    for module_name in plot_modules():
        module = importlib.import_module(f"socialmath.{module_name}")
        for name, value in vars(module).items():
            if (inspect.isfunction(value) and not name.startswith(("_", "require_"))
                    and value.__module__ == module.__name__):  # the checks check themselves
                found.append((f"{module_name}.{name}", value))
    return found


#: Valid values by parameter name, for any plot function.
PLOT_EXAMPLES_BY_NAME: dict[str, object] = {
    "ax": Make(plain_axes),
    "load": Make(lambda: feed_load(1000)),
    "profile": Make(profile),
    "estimate": Make(lambda: reach_estimate(100, 100)),
    "dist": Make(lambda: distance_distribution(nx.cycle_graph(8))),
    "curve": Make(lambda: sweeps()[0]),
    "point": Make(lambda: sweeps()[1]),
    "studies": Make(lambda: studies().copy()),
    "values": Make(lambda: sample_power_law(2.5, 1.0, 300, seed=1)),
    "xlabel": "x",
    "ylabel": "y",
    "value": 2500.0,
}

#: Valid values for one plot function, by "plots.module.function".
PLOT_EXAMPLES: dict[str, dict[str, object]] = {
    "plots.attention.update_feed": {
        "artists": Make(lambda: draw_feed(plain_axes(), feed_load(1000)))},
    "plots.attention.draw_people_and_content": {
        "people": Make(lambda: {"lurkers": 0.9, "posters": 0.1}),
        "content": Make(lambda: dict(CONTENT_SHARES_VAN_MIERLO_2014))},
    "plots.attention.draw_weekly_posts": {
        "posts": Make(lambda: np.array([90.0, 100, 110, 95, 105])), "expected": 100.0},
    "plots.pareto.format_share": {"share": 0.58},
    "plots.attention.format_posts": {"posts": 12.5},
    "plots.attention.format_covered": {"share": 0.63},
    "plots.linkedin.capacity_label": {"capacity": CAPACITY_DUNBAR_1993},
    "plots.linkedin.contacts_label": {"count": 750},
    "plots.pareto.update_lorenz": {
        "artists": Make(lambda: draw_lorenz(plain_axes(), profile()))},
    "plots.separation.update_small_world": {
        "artists": Make(lambda: draw_small_world(plain_axes(), *sweeps()))},
    "plots.separation.update_reach": {
        "artists": Make(lambda: draw_reach(plain_axes(), reach_estimate(100, 100)))},
}

@cache
def _chapter_4():
    from socialmath import branding

    ring = nx.circulant_graph(30, [1, 2])
    return {
        "growth": branding.grow_network(200, snapshots=5, seed=1),
        "uniform": branding.grow_network(200, preferential_share=0.0, snapshots=5, seed=1),
        "paradox": branding.friendship_paradox(branding.feld_1991_graph()),
        "degrees": np.array([1, 2, 3, 2, 2, 3, 2, 1], dtype=float),
        "friends_mean": np.array([2.0, 2.5, 2.0, 2.5, 2.5, 2.0, 2.5, 2.0]),
        "funnel": branding.reach_funnel(25_000),
        "cascades": branding.simulate_cascades(nx.barabasi_albert_graph(200, 2, seed=1), 0.3,
                                               n_cascades=100, seed=1),
        "riot": branding.riot(np.arange(50)),
        "contagion": branding.threshold_contagion(ring, 2),
        "point": branding.reciprocation(),
    }


@cache
def _chapter_5():
    return {"a": np.array([100.0, 180, 240, 280]), "b": np.array([100.0, 140, 170, 190])}


@cache
def _chapter_6():
    from socialmath.policy import compare_policies

    comparison = compare_policies(months=6, seed=1)
    return comparison, comparison.decide({"readable": 1, "reach": 1})


@cache
def _chapter_7():
    from socialmath import linkedin

    connections = linkedin.read_connections(linkedin.SAMPLE)
    return {"growth": linkedin.growth(connections),
            "concentration": linkedin.concentration(connections),
            "test": linkedin.attachment_test(connections),
            "snap": linkedin.snapshot(connections, "2024-06-30")}


def _two_axes():
    return Figure().subplots(1, 2)


PLOT_EXAMPLES.update({
    "plots.branding.draw_growth": {"growth": Make(lambda: _chapter_4()["growth"])},
    "plots.branding.update_growth": {
        "artists": Make(lambda: draw_growth(plain_axes(), _chapter_4()["growth"])),
        "growth": Make(lambda: _chapter_4()["growth"])},
    "plots.branding.draw_degree_tail": {
        "growths": Make(lambda: {"preferential": _chapter_4()["growth"],
                                 "uniform": _chapter_4()["uniform"]})},
    "plots.branding.draw_paradox": {
        "paradox": Make(lambda: _chapter_4()["paradox"]),
        "degrees": Make(lambda: _chapter_4()["degrees"].copy()),
        "friends_mean": Make(lambda: _chapter_4()["friends_mean"].copy())},
    "plots.branding.update_paradox": {
        "artists": Make(lambda: draw_paradox(plain_axes(), _chapter_4()["paradox"],
                                             _chapter_4()["degrees"],
                                             _chapter_4()["friends_mean"])),
        "paradox": Make(lambda: _chapter_4()["paradox"]),
        "degrees": Make(lambda: _chapter_4()["degrees"].copy()),
        "friends_mean": Make(lambda: _chapter_4()["friends_mean"].copy())},
    "plots.reach.draw_funnel": {"funnel": Make(lambda: _chapter_4()["funnel"])},
    "plots.reach.update_funnel": {
        "artists": Make(lambda: draw_funnel(plain_axes(), _chapter_4()["funnel"])),
        "funnel": Make(lambda: _chapter_4()["funnel"])},
    "plots.reach.draw_cascades": {"axes": Make(_two_axes),
                                  "run": Make(lambda: _chapter_4()["cascades"])},
    "plots.reach.update_cascades": {
        "artists": Make(lambda: draw_cascades(_two_axes(), _chapter_4()["cascades"])),
        "run": Make(lambda: _chapter_4()["cascades"])},
    "plots.reach.draw_riot": {"riots": Make(lambda: {"everyone": _chapter_4()["riot"]})},
    "plots.reach.draw_contagion": {"runs": Make(lambda: {"ring": _chapter_4()["contagion"]})},
    "plots.reach.draw_tipping": {"point": Make(lambda: _chapter_4()["point"]),
                                 "contacts": 25_000},
    "plots.reach.update_tipping": {
        "artists": Make(lambda: draw_tipping(plain_axes(), _chapter_4()["point"], 25_000)),
        "point": Make(lambda: _chapter_4()["point"]), "contacts": 1000},
    "plots.advocacy.draw_inclusion_exclusion": {
        "terms": Make(lambda: [("Ana", 200), ("Ben", 150), ("Ana and Ben", -25)])},
    "plots.advocacy.draw_reach_curves": {"curves": Make(lambda: dict(_chapter_5())),
                                         "followers": 150.0},
    "plots.advocacy.update_reach_curves": {
        "artists": Make(lambda: draw_reach_curves(plain_axes(), dict(_chapter_5()), 150.0)),
        "curves": Make(lambda: dict(_chapter_5())), "followers": 150.0},
    "plots.policy.draw_growth": {"comparison": Make(lambda: _chapter_6()[0])},
    "plots.policy.draw_by_size": {"comparison": Make(lambda: _chapter_6()[0])},
    "plots.policy.draw_tie_bands": {"low": 2, "high": 10},
    "plots.policy.draw_tradeoffs": {"decision": Make(lambda: _chapter_6()[1])},
    "plots.policy.update_tradeoffs": {
        "artists": Make(lambda: draw_tradeoffs(plain_axes(), _chapter_6()[1])),
        "decision": Make(lambda: _chapter_6()[1])},
    "plots.policy.draw_decision": {"decision": Make(lambda: _chapter_6()[1])},
    "plots.policy.update_decision": {
        "artists": Make(lambda: draw_decision(plain_axes(), _chapter_6()[1])),
        "decision": Make(lambda: _chapter_6()[1])},
    "plots.linkedin.draw_monthly": {"growth": Make(lambda: _chapter_7()["growth"])},
    "plots.linkedin.draw_cumulative": {"growth": Make(lambda: _chapter_7()["growth"])},
    "plots.linkedin.draw_lorenz_of_groups": {
        "concentration": Make(lambda: _chapter_7()["concentration"])},
    "plots.linkedin.draw_top_groups": {
        "concentration": Make(lambda: _chapter_7()["concentration"])},
    "plots.linkedin.draw_attachment": {"test": Make(lambda: _chapter_7()["test"])},
    "plots.linkedin.capacity_position": {"contacts": 750,
                                         "capacity": CAPACITY_DUNBAR_1993},
    "plots.linkedin.timeline_facts": {"snap": Make(lambda: _chapter_7()["snap"])},
    "plots.linkedin.draw_timeline": {"snap": Make(lambda: _chapter_7()["snap"])},
    "plots.linkedin.update_timeline": {
        "artists": Make(lambda: draw_timeline(plain_axes(), _chapter_7()["snap"])),
        "snap": Make(lambda: _chapter_7()["snap"])},
})

#: The bad values for plots: the wrong kinds of object, not-finite numbers, empty series.
PLOT_BAD_VALUES: dict[str, object] = {
    "a string": "3",
    "None": None,
    "an object": object(),
    "NaN": math.nan,
    "-1": -1,
    "True": True,
    "an empty list": [],
    "an empty array": np.array([]),
    "a list with a NaN": [1.0, math.nan],
    "a dict": {"a": 1},
    "an empty table": pd.DataFrame(),
}

PLOT_FUNCTIONS = plot_functions()


def plot_arguments(key, function):
    return valid_arguments(key, function, PLOT_EXAMPLES, PLOT_EXAMPLES_BY_NAME)


def test_the_plot_functions_are_found():
    names = {key for key, _ in PLOT_FUNCTIONS}
    assert {"plots.attention.draw_feed", "plots.pareto.draw_ccdf", "plots.separation.draw_reach",
            "plots.style.label_axes", "plots.style.new_figure"} <= names
    missing = [key for key, function in PLOT_FUNCTIONS if plot_arguments(key, function) is None]
    assert not missing, "add valid examples to PLOT_EXAMPLES for " + ", ".join(missing)
    assert not set(PLOT_EXAMPLES) - names


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("key", "function"), PLOT_FUNCTIONS, ids=[k for k, _ in PLOT_FUNCTIONS])
def test_one_bad_argument_gives_a_clear_error_or_a_drawing(key, function):
    valid = plot_arguments(key, function)
    if valid is None:
        pytest.fail(f"{key}: add valid examples to PLOT_EXAMPLES")
    with mpl.rc_context():  # apply_house_style changes the defaults: keep them to this test
        problems = call_with_bad_values(key, function, valid, PLOT_BAD_VALUES)
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)
