"""The chapter 5 explorer and figures: every control, at its ends and in between, gives a sound
result, and the figures draw what they say."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from socialmath import advocacy
from socialmath.advocacy import VENDOR_CLAIMS, independent_reach
from socialmath.plots import new_figure
from socialmath.plots.advocacy import (
    draw_concentration,
    draw_inclusion_exclusion,
    draw_reach_curves,
    update_reach_curves,
)
from socialmath.widgets.advocacy import (
    CONTACTS_RANGE,
    FOLLOWERS_RANGE,
    MAX_AMBASSADORS,
    POPULATION_RANGE,
    RATE_RANGE,
    ProgrammeExplorer,
    programme_view,
)


@pytest.fixture(scope="module")
def explorer():
    return ProgrammeExplorer()


def assert_sound(explorer):
    view = explorer.result
    p = view.programme
    values = explorer.values
    k = values["ambassadors"]
    assert view.ambassadors == k
    assert p.summed_contacts == pytest.approx(k * values["contacts"])
    assert 0 < p.unique_reach <= p.summed_contacts + 1e-6
    assert 0 <= p.overlap < 1
    expected = independent_reach([values["contacts"]] * k, values["population"]).unique
    assert p.unique_reach == pytest.approx(expected, rel=1e-9)
    assert p.reach_ratio == pytest.approx(p.unique_reach / values["followers"])
    assert p.engagement_ratio == pytest.approx(p.reach_ratio * values["rate_ratio"])
    assert list(view.claims.index) == [claim.name for claim in VENDOR_CLAIMS]
    assert view.curve.size == view.summed.size == MAX_AMBASSADORS + 1
    assert np.all(np.diff(view.curve) >= 0) and np.all(view.curve <= view.summed + 1e-6)
    marker_x, marker_y = explorer.artists.marker.get_data()
    assert marker_x[0] == k and marker_y[0] == pytest.approx(p.unique_reach)
    assert f"{k:,} ambassador{'' if k == 1 else 's'} " in explorer.artists.title.get_text()
    for label in explorer.artists.labels.values():
        assert math.isfinite(label.get_position()[1])
    assert f"{k} ambassador{'' if k == 1 else 's'} " in explorer.readout.value
    assert explorer.describe_plain().startswith(f"{k} ambassador{'' if k == 1 else 's'} with")


def test_defaults(explorer):
    assert explorer.values == {"followers": pytest.approx(3000), "ambassadors": 100,
                               "contacts": 500, "population": pytest.approx(1e6),
                               "rate_ratio": pytest.approx(2.0)}
    assert round(explorer.result.programme.unique_reach) == 48_782
    assert explorer.result.programme.reach_ratio > 6.61
    assert_sound(explorer)


def _positions(control, count=7):
    if hasattr(control, "base"):
        exponents = np.linspace(control.min, control.max, count)
        return [float(control.base ** e) for e in exponents]
    grid = np.linspace(control.min, control.max, count)
    return [type(control.value)(round(x / control.step) * control.step) for x in grid]


@pytest.mark.parametrize("name", ["followers", "ambassadors", "contacts", "population",
                                  "rate_ratio"])
def test_every_control_through_its_range(explorer, name):
    control = explorer.controls[name]
    start = control.value
    for value in _positions(control):
        control.value = value
        assert_sound(explorer)
    control.value = start


def test_corners_never_raise(explorer):
    c = explorer.controls
    for followers in FOLLOWERS_RANGE:
        for contacts in CONTACTS_RANGE:
            for population in POPULATION_RANGE:
                for k in (1, MAX_AMBASSADORS):
                    for rate in RATE_RANGE:
                        c["followers"].value = followers
                        c["contacts"].value = contacts
                        c["population"].value = population
                        c["ambassadors"].value = k
                        c["rate_ratio"].value = rate
                        assert_sound(explorer)
    assert explorer.png()[:4] == b"\x89PNG"


def test_a_small_pool_means_heavy_overlap_and_the_claims_follow(explorer):
    c = explorer.controls
    c["followers"].value, c["contacts"].value, c["ambassadors"].value = 3000, 500, 100
    c["population"].value = 1e9
    assert explorer.result.programme.overlap < 0.001
    assert explorer.result.claims.loc["561% further", "holds"]
    c["population"].value = 1e4
    view = explorer.result
    assert view.programme.overlap > 0.8
    assert view.programme.unique_reach == pytest.approx(1e4 * (1 - 0.95**100))
    assert not view.claims.loc["561% further", "holds"]
    assert "✘ 561% further" in explorer.readout.value
    c["population"].value = 1e6


def test_rejects_bad_defaults():
    with pytest.raises(ValueError, match="ambassadors"):
        ProgrammeExplorer(ambassadors=0)
    with pytest.raises(ValueError, match="ambassadors"):
        ProgrammeExplorer(ambassadors=MAX_AMBASSADORS + 1)
    with pytest.raises(ValueError, match="followers"):
        ProgrammeExplorer(followers=0)
    with pytest.raises(ValueError, match="rate_ratio"):
        ProgrammeExplorer(rate_ratio=0)
    with pytest.raises(ValueError, match="contacts"):
        programme_view(3000, 10, 20_000, 1e4, 2.0)


# --- the figures ----------------------------------------------------------------------------------


def test_staircase_climbs_to_the_union():
    fig, ax = new_figure()
    terms = [("A", 200), ("B", 150), ("C", 100), ("A & B", -25), ("A & C", -16),
             ("B & C", -24), ("all three", 3)]
    artists = draw_inclusion_exclusion(ax, terms)
    assert artists.union[0].get_height() == 388
    bottoms = [bar.get_y() for bar in artists.steps]
    assert bottoms == [0, 200, 350, 450, 425, 409, 385]
    assert "450" in artists.title.get_text() and "388" in artists.title.get_text()


def test_reach_curves_draw_and_move():
    fig, ax = new_figure()
    curves = {"greedy": np.array([0, 50, 80, 100]), "random": np.array([0, 10, 30, 40])}
    artists = draw_reach_curves(ax, curves, followers=20, at=2, who="chosen greedily")
    assert artists.marker.get_data()[1][0] == 80
    assert "2 ambassadors chosen greedily reach 4.0x" in artists.title.get_text()
    assert "fall short" in artists.title.get_text()
    update_reach_curves(artists, {"greedy": np.array([0, 100, 160, 200]),
                                  "random": np.array([0, 10, 30, 40])}, followers=10, at=3)
    assert artists.marker.get_data()[1][0] == 200
    assert "reach the 6.61x" in artists.title.get_text()
    assert artists.page.get_ydata()[0] == 10
    assert artists.target.get_ydata()[0] == pytest.approx(66.1)
    label_heights = sorted(label.get_position()[1] for name, label in artists.labels.items()
                           if name in curves)
    assert label_heights[1] > label_heights[0]


def test_concentration_marks_the_top_share():
    fig, ax = new_figure()
    values = np.array([1] * 97 + [10, 10, 10])
    artists = draw_concentration(ax, values, top=0.03)
    share = advocacy.concentration(values, 0.03).share
    assert artists[-1].get_ydata()[0] == pytest.approx(1 - share)
    assert "24%" in ax.get_title()


def test_the_legend_band_stays_empty_at_every_corner():
    """The explorer's legend sits in the top decade of its log scale: no curve, line or marker
    may enter it, at any position (else a moving curve would be blitted over the legend)."""
    from socialmath.widgets.advocacy import Y_LIMITS

    explorer = ProgrammeExplorer()
    legend_floor = Y_LIMITS[1] / 10
    corners = {"followers": FOLLOWERS_RANGE, "contacts": CONTACTS_RANGE,
               "ambassadors": (1, MAX_AMBASSADORS), "population": POPULATION_RANGE}
    for values in itertools.product(*corners.values()):
        for name, value in zip(corners, values, strict=True):
            explorer.controls[name].value = value
        a = explorer.artists
        heights = [np.max(line.get_ydata()) for line in (*a.curves.values(), a.page, a.target,
                                                           a.marker)]
        assert max(heights) < legend_floor, explorer.values
    legend = explorer.figure.axes[0].get_legend()
    assert [t.get_text() for t in legend.get_texts()] == [
        "unique reach", "sum of contacts", "the page's followers", "6.61x the followers"]


def test_curve_labels_do_not_depend_on_the_layout():
    """Labels pushed apart are placed from the scale and limits alone: a figure laid out and one
    not yet laid out put them at the same place."""
    curves = {"unique reach": np.array([0, 10, 30, 38.0]), "sum of contacts": np.array(
        [0, 10, 20, 40.0])}
    placed = []
    for lay_out in (False, True):
        fig, ax = new_figure()
        artists = draw_reach_curves(ax, curves, followers=5, log=True, ylim=(1, 1e3))
        if lay_out:
            fig.draw_without_rendering()
            update_reach_curves(artists, curves, followers=5)
        placed.append([label.get_position() for label in artists.labels.values()])
    assert placed[0] == placed[1]
    low, high = sorted(y for name, (_, y) in zip(artists.labels, placed[1], strict=True)
                       if name in curves)
    assert math.log10(high) - math.log10(low) >= 0.05 * 3 - 1e-9  # pushed a 20th of 3 decades
