"""The chapter 6 explorer: every control, at its ends and in between, gives a sound decision."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from socialmath.plots import new_figure
from socialmath.plots.policy import MEASURE_LABELS, draw_by_size, draw_growth, draw_tie_bands
from socialmath.policy import CRITERIA, Assumptions, compare_policies, standard_policies
from socialmath.widgets.policy import (
    CAPS,
    MAX_MUTUAL_ACROSS,
    MAX_WEAK_HIGH,
    MAX_WEIGHT,
    PolicyExplorer,
)

NAMES_AT = {cap: [p.name for p in standard_policies(cap)] for cap in CAPS}


@pytest.fixture(scope="module")
def explorer():
    return PolicyExplorer()


def assert_sound(explorer):
    result = explorer.result
    decision = result.decision
    cap = explorer.controls["cap"].value
    assert list(decision.totals.index) == NAMES_AT[cap]
    assert result.comparison.months == explorer.controls["months"].value
    assert ((decision.scores >= 0) & (decision.scores <= 1 + 1e-12)).all().all()
    assert ((decision.totals >= 0) & (decision.totals <= 1 + 1e-12)).all()
    assert decision.winner in NAMES_AT[cap]
    assert result.comparison.run(NAMES_AT[cap][3]).contacts.max() <= max(
        cap, explorer.base.start_contacts)
    # the figure follows: stacked bars end at each total, the heatmap shows the scores
    _, bars = explorer.artists
    ends = [max(b.get_x() + b.get_width() for segment in bars.segments.values()
                for b in [segment[row]]) for row in range(4)]
    np.testing.assert_allclose(ends, decision.totals.to_numpy(), atol=1e-9)
    tradeoffs, _ = explorer.artists
    np.testing.assert_allclose(tradeoffs.cells.get_array(), decision.scores.to_numpy())
    assert decision.winner in bars.title.get_text()
    assert decision.winner in explorer.readout.value
    assert decision.winner in explorer.describe_plain()


def reset(explorer):
    defaults = {**{name: 5 for name in CRITERIA}, "genuine_share": 0.8, "in_field_share": 0.4,
                "requests_per_month": 100, "weak_high": 10, "mutual_across": 0.0005, "cap": 1000,
                "months": 60, "scale": "relative"}
    for name, value in defaults.items():
        explorer.controls[name].value = value


def test_defaults(explorer):
    reset(explorer)
    assert explorer.result.decision.winner == "genuine only"
    assert not explorer.result.equal_weights
    assert_sound(explorer)
    assert explorer.png()[:4] == b"\x89PNG"


@pytest.mark.parametrize("name", list(CRITERIA))
@pytest.mark.parametrize("weight", [0, 1, MAX_WEIGHT])
def test_each_weight_through_its_range(explorer, name, weight):
    reset(explorer)
    explorer.controls[name].value = weight
    assert explorer.result.decision.weights[name] == pytest.approx(weight / (weight + 20))
    assert_sound(explorer)


@pytest.mark.parametrize("name", list(CRITERIA))
def test_one_weight_alone_picks_the_best_policy_on_it(explorer, name):
    reset(explorer)
    for other in CRITERIA:
        explorer.controls[other].value = MAX_WEIGHT if other == name else 0
    decision = explorer.result.decision
    assert decision.values.loc[decision.winner, name] == decision.values[name].max()
    assert_sound(explorer)


def test_all_weights_at_zero_count_every_criterion_the_same(explorer):
    reset(explorer)
    for name in CRITERIA:
        explorer.controls[name].value = 0
    assert explorer.result.equal_weights
    assert explorer.result.decision.weights == pytest.approx({n: 0.2 for n in CRITERIA})
    assert "every criterion counts the same" in explorer.readout.value
    assert_sound(explorer)


@pytest.mark.parametrize("share", [0.0, 0.05, 0.5, 1.0])
def test_genuine_share_through_its_range(explorer, share):
    reset(explorer)
    explorer.controls["genuine_share"].value = share
    summary = explorer.result.comparison.summary()
    assert_sound(explorer)
    if share == 0.0:  # only fake profiles: the start's 250 + 250 contacts are all the signal
        relevant = (250 + 250 * 0.25) * 0.2
        for name in NAMES_AT[1000]:
            assert summary.loc[name, "in_field"] + summary.loc[name, "out_of_field"] == 500
            assert summary.loc[name, "noise_share"] == pytest.approx(
                1 - relevant / summary.loc[name, "posts_per_week"])
    if share == 1.0:  # only genuine profiles: accepting everyone is accepting genuine ones
        assert summary.loc["accept everyone", "contacts"] == summary.loc["genuine only",
                                                                          "contacts"]


@pytest.mark.parametrize("share", [0.0, 0.4, 1.0])
def test_in_field_share_through_its_range(explorer, share):
    reset(explorer)
    explorer.controls["in_field_share"].value = share
    summary = explorer.result.comparison.summary()
    assert_sound(explorer)
    if share == 0.0:
        assert summary.loc["curate by field", "contacts"] == 500  # nobody from your field asks


@pytest.mark.parametrize("requests", [0, 10, 250, 500])
def test_requests_through_their_range(explorer, requests):
    reset(explorer)
    explorer.controls["requests_per_month"].value = requests
    assert explorer.result.comparison.assumptions.requests_per_month == requests
    assert_sound(explorer)


@pytest.mark.parametrize("high", [2, 10, 30, MAX_WEAK_HIGH])
def test_the_band_of_weak_ties_through_its_range(explorer, high):
    reset(explorer)
    explorer.controls["weak_high"].value = high
    comparison = explorer.result.comparison
    assert comparison.assumptions.weak_high == high
    expected = compare_policies(standard_policies(1000), 60, Assumptions(weak_high=high), 0)
    np.testing.assert_allclose(comparison.summary()["moderately_weak"],
                               expected.summary()["moderately_weak"])
    assert explorer.controls["weak_high"].min == Assumptions().weak_low  # never below the bottom
    assert_sound(explorer)


@pytest.mark.parametrize("chance", [0.0, 0.0005, MAX_MUTUAL_ACROSS])
def test_the_chance_across_fields_through_its_range(explorer, chance):
    reset(explorer)
    explorer.controls["mutual_across"].value = chance
    comparison = explorer.result.comparison
    assert comparison.assumptions.mutual_across == pytest.approx(chance)
    summary = comparison.summary()
    if chance == 0.0:  # an out-of-field contact shares no contact with you: all weakest
        for run in comparison.runs:
            assert (run.measures.mutual_out_of_field == 0).all()
    expected = compare_policies(standard_policies(1000), 60,
                                Assumptions(mutual_across=comparison.assumptions.mutual_across), 0)
    np.testing.assert_allclose(summary["moderately_weak"],
                               expected.summary()["moderately_weak"])
    assert_sound(explorer)


@pytest.mark.parametrize("cap", CAPS)
def test_every_cap(explorer, cap):
    reset(explorer)
    explorer.controls["cap"].value = cap
    assert_sound(explorer)
    tick_labels = [t.get_text() for t in explorer.artists[1].title.axes.get_yticklabels()]
    assert tick_labels == NAMES_AT[cap]


@pytest.mark.parametrize("scale", ["relative", "absolute"])
def test_scale(explorer, scale):
    reset(explorer)
    explorer.controls["scale"].value = scale
    decision = explorer.result.decision
    assert decision.scale == scale
    expected = explorer.result.comparison.decide({n: 1 for n in CRITERIA}, scale=scale)
    assert decision.totals.to_dict() == pytest.approx(expected.totals.to_dict())
    assert ("100%" in explorer.artists[0].title.get_text()) == (scale == "absolute")
    assert_sound(explorer)


@pytest.mark.parametrize("months", [6, 60, 120])
def test_months_through_their_range(explorer, months):
    reset(explorer)
    explorer.controls["months"].value = months
    assert_sound(explorer)


def test_corners(explorer):
    for scale, share in ((s, g) for s in ("relative", "absolute") for g in (0.0, 1.0)):
        for requests in (0, 500):
            for cap in (CAPS[0], CAPS[-1]):
                for months in (6, 120):
                    reset(explorer)
                    explorer.controls["scale"].value = scale
                    explorer.controls["genuine_share"].value = share
                    explorer.controls["in_field_share"].value = 1.0 - share
                    explorer.controls["requests_per_month"].value = requests
                    explorer.controls["cap"].value = cap
                    explorer.controls["months"].value = months
                    assert_sound(explorer)


def test_a_tie_is_called_a_tie_in_the_title_and_the_plain_description(explorer):
    reset(explorer)
    for name in CRITERIA:
        explorer.controls[name].value = MAX_WEIGHT if name == "weak_ties" else 0
    decision = explorer.result.decision
    assert decision.tied == ["accept everyone", "genuine only"]  # same weak ties at five years
    _, bars = explorer.artists
    assert bars.title.get_text() == "accept everyone and genuine only tie"
    assert explorer.describe_plain().endswith("accept everyone and genuine only tie")
    assert_sound(explorer)


def test_explorer_uses_the_model():
    explorer = PolicyExplorer(weights={"signal": 3}, cap=2000, months=24, seed=4)
    expected = compare_policies(standard_policies(2000), 24, Assumptions(), 4).decide(
        {"signal": 1})
    assert explorer.result.decision.totals.to_dict() == pytest.approx(expected.totals.to_dict())
    assert explorer.controls["reach"].value == 0


def test_explorer_rejects_bad_defaults():
    with pytest.raises(ValueError, match="cap must be one of"):
        PolicyExplorer(cap=1234)
    with pytest.raises(ValueError, match="weights must name"):
        PolicyExplorer(weights={"noise": 1})
    with pytest.raises(ValueError, match="months"):
        PolicyExplorer(months=0)
    with pytest.raises(ValueError, match="scale"):
        PolicyExplorer(scale="log")
    with pytest.raises(TypeError, match="assumptions"):
        PolicyExplorer(assumptions={"genuine_share": 0.5})


@pytest.mark.parametrize("measure", list(MEASURE_LABELS))
def test_growth_figure_draws_every_measure(measure):
    comparison = compare_policies(months=12, seed=0)
    fig, ax = new_figure()
    artists = draw_growth(ax, comparison, measure)
    for line, run in zip(artists.lines, comparison.runs, strict=True):
        np.testing.assert_allclose(line.get_ydata(), run.measures.as_frame()[measure])
    assert [label.get_text() for label in artists.labels] == comparison.names
    with pytest.raises(ValueError, match="measure"):
        draw_growth(ax, comparison, "happiness")


def test_size_figure_plots_a_measure_against_contacts_and_marks_its_peak():
    comparison = compare_policies(months=120, seed=0)
    fig, ax = new_figure()
    artists = draw_by_size(ax, comparison, names=["genuine only"])
    run = comparison.run("genuine only")
    (line,) = artists.lines
    np.testing.assert_array_equal(line.get_xdata(), run.contacts)
    np.testing.assert_allclose(line.get_ydata(), run.measures.moderately_weak)
    top = int(run.measures.moderately_weak.argmax())
    assert 0 < top < comparison.months  # it rises, then falls: the band is fixed, mutuals grow
    assert artists.labels[0].get_text() == (
        f"{run.measures.moderately_weak[top]:,.0f} at {run.contacts[top]:,} contacts")
    for bad, error in ((dict(names=["nobody"]), ValueError), (dict(names="genuine only"),
                                                               TypeError),
                       (dict(measure="contacts"), ValueError)):
        with pytest.raises(error):
            draw_by_size(ax, comparison, **bad)
    with pytest.raises(TypeError, match="comparison"):
        draw_by_size(ax, comparison.summary())


def test_the_tradeoffs_title_states_the_finding():
    from socialmath.plots.policy import draw_tradeoffs
    from socialmath.policy import decide

    fig, ax = new_figure()
    artists = draw_tradeoffs(ax, compare_policies(months=60, seed=0).decide({"reach": 1}))
    assert artists.title.get_text().startswith("No policy is best on every criterion")
    table = pd.DataFrame({"share_readable": [1.0, 0.5], "share_reciprocated": [0.2, 0.1],
                          "share_within_three": [0.4, 0.4], "moderately_weak": [100, 50],
                          "noise_share": [0.5, 0.6]}, index=["A", "B"])
    fig, ax = new_figure()
    artists = draw_tradeoffs(ax, decide(table, {"reach": 1}))
    assert artists.title.get_text().startswith("A is best on every criterion")


def test_tie_band_figure():
    fig, ax = new_figure()
    artists = draw_tie_bands(ax, 2, 10, {"a contact": 5.0})
    total = sum(np.asarray(line.get_ydata()) for line in artists.curves.values())
    np.testing.assert_allclose(total, 1.0)
    assert len(artists.markers) == 1
    assert artists.title.get_text() == "A tie is moderately weak with 2 to 10 mutual connections"
    # the marker's label sits inside the axes, below the top edge
    fig.canvas.draw()
    (label,) = [text for text in ax.texts if text.get_text().strip() == "a contact"]
    box = label.get_window_extent(fig.canvas.get_renderer())
    assert ax.bbox.y0 < box.y0 and box.y1 < ax.bbox.y1


def test_a_weight_move_blits_and_a_cap_or_scale_move_redraws_the_background():
    explorer = PolicyExplorer()
    explorer.use_live_layout()
    explorer.render()
    kept = explorer._background
    explorer.controls["reach"].value = 9
    explorer.render()
    assert explorer._background is kept
    for name, value in (("cap", 150), ("scale", "absolute")):
        explorer.controls[name].value = value  # row names, then the scale's wording, change
        explorer.render()
        assert explorer._background is not kept
        kept = explorer._background
        blitted = np.asarray(explorer.figure.canvas.buffer_rgba()).copy()
        explorer.figure.canvas.draw()
        full = np.asarray(explorer.figure.canvas.buffer_rgba())
        differ = np.abs(blitted.astype(int) - full.astype(int)).max(axis=2) > 40
        assert differ.mean() < 0.002, name


@pytest.mark.parametrize("scale", ["relative", "absolute"])
def test_the_axis_labels_stay_inside_the_figure(scale):
    explorer = PolicyExplorer(scale=scale)
    renderer = explorer.figure.canvas.get_renderer()
    frame = explorer.figure.bbox
    for ax in explorer.figure.axes:
        for label in (ax.xaxis.label, ax.yaxis.label, *ax.get_yticklabels()):
            if label.get_text():
                box = label.get_window_extent(renderer)
                assert frame.x0 <= box.x0 and box.x1 <= frame.x1, label.get_text()


def test_deciding_again_on_a_comparison_gives_the_same_decision():
    comparison = compare_policies(months=24, seed=3)
    first = comparison.decide({"reach": 1, "signal": 2})
    comparison.decide({"reciprocated": 1}, scale="absolute")  # measures kept between decisions
    again = comparison.decide({"reach": 1, "signal": 2})
    assert again.totals.equals(first.totals) and again.ranking == first.ranking
    from socialmath.policy import decide

    fresh = decide(comparison.summary(), {"reach": 1, "signal": 2}, month=24)
    assert fresh.totals.equals(first.totals)
    again.ranking.append("not a policy")  # the ranking handed out is a copy
    assert "not a policy" not in again.ranking
