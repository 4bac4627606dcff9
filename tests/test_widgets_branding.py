"""The chapter 4 explorers: every control through its range, the figure moved in place, no
position that raises."""

from __future__ import annotations

import math

import numpy as np
import pytest

from socialmath.branding import (
    critical_probability,
    friendship_paradox,
    reach_funnel,
    reciprocation,
)
from socialmath.graphs import barabasi_albert
from socialmath.plots import new_figure
from socialmath.plots.branding import draw_degree_tail, draw_growth, draw_paradox
from socialmath.plots.reach import draw_cascades, draw_contagion, draw_riot, draw_tipping
from socialmath.widgets.branding import (
    CASCADE_COUNT,
    CASCADE_NETWORK,
    GROWTH_SIZES,
    NETWORKS,
    P_RANGE,
    CascadeExplorer,
    FunnelExplorer,
    GrowthExplorer,
    ParadoxExplorer,
    TippingExplorer,
    paradox_view,
)


def positions(slider, count: int = 9) -> list:
    """``count`` values from the slider's minimum to its maximum (its options, if it has them)."""
    if hasattr(slider, "options"):
        return list(slider.options)
    if hasattr(slider, "base"):  # a log slider: evenly spaced exponents
        return [slider.base ** e for e in np.linspace(slider.min, slider.max, count)]
    steps = round((slider.max - slider.min) / slider.step)  # real positions lie on the steps
    picks = np.unique(np.round(np.linspace(0, steps, count)).astype(int))
    return [type(slider.value)(slider.min + k * slider.step) for k in picks]


# --- growth ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def growth():
    return GrowthExplorer()


def assert_growth_sound(explorer):
    r = explorer.result
    assert r.sizes[-1] == explorer.values["n"] and r.m == explorer.values["m"]
    assert np.all((r.top1 > 0) & (r.top1 < 1)) and np.all((r.gini >= 0) & (r.gini < 1))
    assert 0 < explorer.artists.top1.axes.get_ylim()[1] >= r.gini.max()
    assert explorer.artists.top1.get_xdata()[-1] == r.n
    assert "hold" in explorer.readout.value


@pytest.mark.parametrize("name", ["n", "m", "preferential_share"])
def test_growth_every_position(growth, name):
    control = growth.controls[name]
    start = control.value
    for value in positions(control, 6):
        control.value = value
        assert_growth_sound(growth)
    control.value = start


def test_growth_corners_and_the_pure_rules(growth):
    growth.controls["n"].value = GROWTH_SIZES[-1]
    growth.controls["m"].value = 1
    growth.controls["preferential_share"].value = 1.0
    preferential = growth.result.top1[-1]
    growth.controls["preferential_share"].value = 0.0
    assert growth.result.top1[-1] < preferential / 2
    assert "Uniform attachment" in growth.artists.title.get_text()
    references = growth.artists.references
    assert set(references) == {"all preferential", "all uniform"}
    assert references["all preferential"].get_ydata()[-1] == pytest.approx(preferential)
    growth.controls["m"].value = 10
    growth.controls["n"].value = GROWTH_SIZES[0]
    assert_growth_sound(growth)
    growth.figure.canvas.draw()
    growth.controls["n"].value, growth.controls["m"].value = 20_000, 3
    growth.controls["preferential_share"].value = 1.0


def test_growth_bad_defaults():
    with pytest.raises(ValueError, match="n must be one of"):
        GrowthExplorer(n=3000)
    with pytest.raises(ValueError, match="preferential_share"):
        GrowthExplorer(preferential_share=2)
    with pytest.raises(ValueError, match="m must be between 1 and 10"):
        GrowthExplorer(m=11)


# --- the friendship paradox -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def paradox():
    return ParadoxExplorer()


@pytest.mark.parametrize("network", NETWORKS)
def test_paradox_every_network(paradox, network):
    paradox.controls["network"].value = network
    result = paradox.result.paradox
    assert result.mean_friend_degree >= result.mean_degree
    assert result.feld_identity == pytest.approx(result.mean_friend_degree)
    points = paradox.artists.people.get_offsets()
    assert len(points) == np.count_nonzero(paradox.result.degrees)
    assert paradox.artists.friend_mean.get_ydata()[0] == pytest.approx(result.mean_friend_degree)
    assert f"{result.share_below:.0%} of people" in paradox.artists.title.get_text()
    fixed = network == NETWORKS[0]
    assert paradox.controls["n"].disabled is fixed and paradox.controls["mean_degree"].disabled \
        is fixed
    paradox.controls["network"].value = NETWORKS[4]


@pytest.mark.parametrize("name", ["n", "mean_degree"])
@pytest.mark.parametrize("network", NETWORKS[1:])
def test_paradox_every_size_and_degree(paradox, network, name):
    paradox.controls["network"].value = network
    control = paradox.controls[name]
    start = control.value
    for value in positions(control, 5):
        control.value = value
        assert paradox.result.paradox.n == (paradox.values["n"])
        assert 0 <= paradox.result.paradox.share_below <= 1
    control.value = start
    paradox.controls["network"].value = NETWORKS[4]


def test_feld_in_the_explorer_is_table_1():
    explorer = ParadoxExplorer(network=NETWORKS[0])
    assert (explorer.result.paradox.mean_degree, explorer.result.paradox.mean_friend_degree) == (
        2.5, 3.0)
    assert "<b>3.00</b>" in explorer.readout.value
    assert paradox_view(NETWORKS[0], 100, 4) is paradox_view(NETWORKS[0], 100, 4)  # cached


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"network": "twitter"}, "network must be one of"),
    ({"n": 150}, "n must be a multiple of 100"),
    ({"mean_degree": 3}, "mean_degree must be an even number"),
])
def test_paradox_bad_defaults(kwargs, message):
    with pytest.raises(ValueError, match=message):
        ParadoxExplorer(**kwargs)


# --- the funnel -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def funnel():
    return FunnelExplorer()


def test_funnel_defaults_are_the_models(funnel):
    assert funnel.result == reach_funnel(25_000)
    assert funnel.artists.title.get_text().startswith("Of an audience of 25,000, 750 are shown")


@pytest.mark.parametrize("name", ["contacts", "followers", "share_online", "share_shown",
                                  "reaction_rate", "comment_rate", "reshare_rate"])
def test_funnel_every_position(funnel, name):
    control = funnel.controls[name]
    start = control.value
    for value in positions(control):
        control.value = value
        expected = reach_funnel(**funnel.values)
        assert funnel.result == expected
        ends = [bar.get_x() + bar.get_width() for bar in funnel.artists.bars]
        assert ends[0] == pytest.approx(max(expected.audience, 0.1))
        assert ends[2] == pytest.approx(max(expected.impressions, 0.1))
        assert funnel.artists.filtered.get_width() >= 0
    control.value = start


def test_funnel_empty_audience_draws(funnel):
    funnel.controls["contacts"].value = 0
    funnel.controls["followers"].value = 0
    assert funnel.result.audience == 0
    funnel.figure.canvas.draw()
    funnel.controls["contacts"].value = 25_000


# --- cascades -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cascades():
    return CascadeExplorer()


def test_cascades_every_position(cascades):
    control = cascades.controls["p"]
    shares = []
    for value in positions(control, 7):
        control.value = value
        run = cascades.result
        assert run.n_cascades == CASCADE_COUNT
        assert run.p == pytest.approx(min(max(value, P_RANGE[0]), P_RANGE[1]), rel=1e-3)
        heights = [bar.get_height() for bar in cascades.artists.hops]
        assert sum(heights) == pytest.approx(1.0) or sum(heights) == 0
        shares.append(run.share_of_cascades(1))
        assert f"{run.share_of_cascades(1):.0%} of posts" in cascades.artists.titles[0].get_text()
    assert shares[0] > 0.95 and shares[-1] < shares[0]  # more posts spread as p grows
    network = barabasi_albert(CASCADE_NETWORK["n"], CASCADE_NETWORK["m"], seed=0)
    assert cascades.critical == pytest.approx(critical_probability(network))
    control.value = 0.05


def test_cascades_bad_default():
    with pytest.raises(ValueError, match="p must be in"):
        CascadeExplorer(p=0.5)


# --- the tipping point ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tipping():
    return TippingExplorer()


def test_tipping_defaults(tipping):
    assert tipping.result == reciprocation()
    assert "keep up with 0.4% of them" in tipping.artists.title.get_text()
    assert tipping.artists.you.get_xdata()[0] == 25_000


@pytest.mark.parametrize("name", ["contacts", "hours_per_week", "minutes_per_exchange",
                                  "exchanges_per_month", "requests_per_contact"])
def test_tipping_every_position(tipping, name):
    control = tipping.controls[name]
    start = control.value
    for value in positions(control):
        control.value = value
        r, contacts = tipping.result, tipping.values["contacts"]
        assert 0 <= r.reciprocated_share(contacts) <= 1
        y = tipping.artists.reciprocated.get_ydata()
        assert np.all((y >= 0) & (y <= 1))
        assert tipping.artists.you.get_ydata()[0] == pytest.approx(r.reciprocated_share(contacts))
        x = tipping.artists.tipping.get_xdata()[0]
        assert math.isfinite(x)
        assert "you can keep up with" in tipping.readout.value
    control.value = start


def test_tipping_when_nobody_writes_and_no_time(tipping):
    tipping.controls["requests_per_contact"].value = 0.0
    assert "never fill your time" in tipping.artists.title.get_text()
    assert "never (nobody writes)" in tipping.readout.value
    tipping.controls["hours_per_week"].value = 0.0
    assert tipping.result.capacity == 0
    tipping.figure.canvas.draw()
    tipping.controls["requests_per_contact"].value = 0.01
    tipping.controls["hours_per_week"].value = 2.0


def test_tipping_bad_default():
    with pytest.raises(ValueError, match="minutes_per_exchange"):
        TippingExplorer(minutes_per_exchange=0)


# --- every explorer -------------------------------------------------------------------------------


@pytest.mark.parametrize("make", [GrowthExplorer, ParadoxExplorer, FunnelExplorer,
                                  CascadeExplorer, TippingExplorer])
def test_static_display_has_a_png_and_a_line_of_text(make):
    explorer = make()
    bundle = explorer._repr_mimebundle_()
    assert bundle["image/png"].startswith("iVBORw0KGgo")
    assert "->" in bundle["text/plain"] or ":" in bundle["text/plain"]
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_notebook_only_figures_draw():
    from socialmath.branding import clustered_and_random, grow_network, riot, threshold_contagion

    fig, ax = new_figure()
    drawn = draw_degree_tail(ax, {"preferential": grow_network(5000, 2, seed=1),
                                  "uniform": grow_network(5000, 2, 0.0, seed=1)})
    assert set(drawn) == {"preferential", "uniform"} and ax.get_xscale() == "log"
    fig, ax = new_figure()
    lines = draw_riot(ax, {"all": riot(range(100)), "moved": riot([0, 2, 2, 3])})
    assert [line.get_ydata()[-1] for line in lines] == [100, 1]  # flat to the last round
    fig, ax = new_figure()
    pair = clustered_and_random(300, 4, seed=1)
    lines = draw_contagion(ax, {name: threshold_contagion(g, 2) for name, g in pair.items()})
    assert len({line.get_xdata().size for line in lines}) == 1
    assert friendship_paradox(pair["random"]).share_equal == 1.0  # everyone has 4


def test_contagion_rounds_start_at_the_seeds_and_a_few_seeds_are_not_zero():
    from socialmath.branding import clustered_and_random, threshold_contagion

    pair = clustered_and_random(2000, 6, seed=1)
    runs = {f"complex, {name}": threshold_contagion(g, 2) for name, g in pair.items()}
    fig, ax = new_figure()
    lines = draw_contagion(ax, runs)
    for line, run in zip(lines, runs.values(), strict=True):
        assert line.get_xdata()[0] == 0  # round 0 is the seeds, as rounds_to counts
        assert line.get_ydata()[0] == pytest.approx(7 / 2000)
        assert line.get_xdata()[run.rounds_to(0.5) or 0] == (run.rounds_to(0.5) or 0)
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert labels == ["complex, clustered: 100%", "complex, random: 0.4%"]
    assert ax.get_xlim()[0] == 0 and ax.get_xscale() == "symlog"


def test_cascade_titles_name_the_largest_hop_group():
    import networkx as nx

    from socialmath.branding import simulate_cascades

    fig, axes = new_figure(ncols=2)
    chain = draw_cascades(axes, simulate_cascades(nx.path_graph(10), 1.0, sources=[0]))
    assert chain.titles[1].get_text() == ("67% of those who passed it on\n"
                                          "are 4 or more hops from the author")
    fig, axes = new_figure(ncols=2)
    star = draw_cascades(axes, simulate_cascades(nx.star_graph(5), 1.0, sources=[0]))
    assert star.titles[1].get_text().endswith("are 1 hop from the author")
    fig, axes = new_figure(ncols=2)
    alone = draw_cascades(axes, simulate_cascades(nx.star_graph(5), 0.0, sources=[0]))
    assert alone.titles[1].get_text() == "Nobody passed the post on"


def test_the_tipping_bars_start_inside_the_axes():
    from socialmath.branding import tipping_band

    band = tipping_band()
    fig, ax = new_figure(figsize=(8, 5))
    draw_tipping(ax, reciprocation(), 25_000, band)
    assert ax.get_xlim()[0] <= band.capacity_low
    texts = [t.get_text() for t in ax.texts]
    assert "capacity over the assumptions' ranges: 2.2 to 2,600" in texts
    assert "tipping size over the assumptions' ranges: 40 to 75,000" in texts


def test_growth_reference_lines_are_drawn_over_the_live_ones_and_named():
    from socialmath.branding import grow_network

    live = grow_network(2000, 3, seed=1)
    fig, ax = new_figure()
    artists = draw_growth(ax, live, {"all preferential": live,
                                     "all uniform": grow_network(2000, 3, 0.0, seed=1)})
    order = ax.get_lines()
    assert order.index(artists.references["all preferential"]) > order.index(artists.top1)
    assert [t.get_text() for t in artists.legend.get_texts()] == [
        "top-1% share of contacts", "Gini index", "top-1% share, all preferential",
        "top-1% share, all uniform"]
    assert [artists.references[n].get_linestyle() for n in artists.references] == ["--", ":"]
    assert "Gini" in ax.get_ylabel()


def test_the_paradox_legend_names_the_three_lines():
    from socialmath.branding import feld_1991_graph, friends_mean_degree

    girls = feld_1991_graph()
    degrees = np.array([d for _, d in girls.degree()])
    fig, ax = new_figure()
    draw_paradox(ax, friendship_paradox(girls), degrees, friends_mean_degree(girls))
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "as many as you (above: they have more)", "a person's mean contacts",
        "a friend's mean contacts"]
