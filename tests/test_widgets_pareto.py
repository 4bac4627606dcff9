"""The chapter 2 explorer: every control, at its ends and in between, gives a sound result."""


import numpy as np
import pytest

from socialmath.pareto import ALPHA_80_20, alpha_for_share, share_of_top
from socialmath.plots import new_figure
from socialmath.plots.pareto import draw_ccdf, draw_lorenz, draw_top_share_by_alpha
from socialmath.widgets.pareto import SAMPLE_SIZES, ParetoExplorer


@pytest.fixture(scope="module")
def explorer():
    return ParetoExplorer()


def assert_sound(result):
    assert result.alpha >= 1.0
    assert 0.0 <= result.gini <= 1.0 and 0.0 <= result.sample_gini <= 1.0
    assert 0.2 <= result.top20 <= 1.0 and 0.01 <= result.top1 <= result.top20
    low, high = result.top20_range
    assert 0.0 <= low <= result.sample_top20 <= high <= 1.0
    assert result.lorenz.shape == result.sample_lorenz.shape == (201,)
    assert np.all(np.isfinite(result.lorenz)) and np.all(np.isfinite(result.sample_lorenz))


def test_defaults_are_80_20(explorer):
    result = explorer.result
    assert result.alpha == pytest.approx(ALPHA_80_20)
    assert result.top20 == pytest.approx(0.8)
    assert result.gini == pytest.approx(1 / (2 * ALPHA_80_20 - 1))
    assert "top 20% hold 80%" in explorer.describe_plain()


@pytest.mark.parametrize("value", [1.05, 1.16, 1.5, 2.0, 4.0])
def test_alpha_slider(explorer, value):
    explorer.controls["set_by"].value = "alpha"
    explorer.controls["alpha"].value = value
    assert explorer.result.alpha == pytest.approx(value)
    assert explorer.result.top20 == pytest.approx(share_of_top(value, 0.2))
    assert explorer.result.top1 == pytest.approx(share_of_top(value, 0.01))
    assert_sound(explorer.result)


def test_alpha_slider_bounds(explorer):
    assert explorer.controls["alpha"].min == 1.05 and explorer.controls["alpha"].max == 4.0


@pytest.mark.parametrize(("top", "share"), [(0.01, 0.51), (0.01, 0.99), (0.49, 0.51),
                                            (0.49, 0.99), (0.2, 0.8), (0.1, 0.9)])
def test_top_and_share_sliders(explorer, top, share):
    explorer.controls["set_by"].value = "top x% hold y%"
    explorer.controls["top"].value = top
    explorer.controls["share"].value = share
    assert explorer.result.alpha == pytest.approx(alpha_for_share(top, share))
    assert share_of_top(explorer.result.alpha, top) == pytest.approx(share)
    assert_sound(explorer.result)
    assert explorer.controls["alpha"].disabled and not explorer.controls["top"].disabled


@pytest.mark.parametrize("size", SAMPLE_SIZES)
def test_every_sample_size(explorer, size):
    explorer.controls["set_by"].value = "alpha"
    explorer.controls["alpha"].value = 1.5
    explorer.controls["sample_size"].value = size
    assert explorer.result.sample_size == size
    assert_sound(explorer.result)


def test_large_samples_are_less_noisy():
    explorer = ParetoExplorer(alpha=2.0, sample_size=100)
    small = np.subtract(*explorer.result.top20_range[::-1])
    explorer.controls["sample_size"].value = 100_000
    large = np.subtract(*explorer.result.top20_range[::-1])
    assert large < small / 3
    assert explorer.result.sample_top20 == pytest.approx(share_of_top(2.0, 0.2), abs=0.02)


@pytest.mark.parametrize("seed", [0, 1, 500, 999])
def test_seed_slider_changes_only_the_sample(explorer, seed):
    explorer.controls["set_by"].value = "alpha"
    explorer.controls["alpha"].value = 1.5
    explorer.controls["sample_size"].value = 1_000
    explorer.controls["seed"].value = seed
    assert explorer.result.seed == seed
    assert explorer.result.top20 == pytest.approx(share_of_top(1.5, 0.2))
    assert_sound(explorer.result)


def test_same_seed_same_sample():
    first = ParetoExplorer(seed=7).result
    second = ParetoExplorer(seed=7).result
    assert first.sample_top20 == second.sample_top20


def test_figure_follows_the_controls():
    explorer = ParetoExplorer()
    explorer.controls["alpha"].value = 1.5
    assert "top 20% hold 58%" in explorer.artists.title.get_text()
    y = explorer.artists.top20.get_ydata()[0]
    assert y == pytest.approx(1 - share_of_top(1.5, 0.2))
    assert explorer.png().startswith(b"\x89PNG")
    assert "58%" in explorer.readout.value


def test_display_has_a_static_image_and_text():
    bundle = ParetoExplorer()._repr_mimebundle_()
    assert "image/png" in bundle and "alpha 1.16" in bundle["text/plain"]


@pytest.mark.parametrize(("kwargs", "name"), [
    ({"alpha": 0.5}, "alpha"),
    ({"top": 0.3, "share": 0.2}, "share"),
    ({"sample_size": 12}, "sample_size"),
    ({"seed": -1}, "seed"),
    ({"set_by": "gini"}, "set_by"),
])
def test_bad_defaults_name_the_parameter(kwargs, name):
    with pytest.raises(ValueError, match=name):
        ParetoExplorer(**kwargs)


def test_static_figures_draw():
    from socialmath.pareto import fit_power_law, simulate_reactions

    fig, ax = new_figure()
    artists = draw_top_share_by_alpha(ax)
    assert artists[2].get_ydata()[0] == 80
    fig, ax = new_figure()
    reactions = simulate_reactions(2000, seed=1)
    fit = fit_power_law(reactions, discrete=True)
    lines = draw_ccdf(ax, reactions, fit, label="reactions", title="t")
    assert len(lines) == 3 and ax.get_xscale() == "log"
    assert all(np.all(np.isfinite(line.get_ydata())) for line in lines)
    fig, ax = new_figure()
    assert len(draw_ccdf(ax, reactions)) == 1
    assert ax.get_ylim()[1] >= 1.0


def test_draw_lorenz_fixed_limits():
    from socialmath.pareto import pareto_profile

    fig, ax = new_figure()
    draw_lorenz(ax, pareto_profile(1.2, 100))
    assert ax.get_xlim() == (0.0, 1.0) and ax.get_ylim() == (0.0, 1.0)


def _overlap(a, b, renderer):
    return a.get_window_extent(renderer).overlaps(b.get_window_extent(renderer))


@pytest.mark.parametrize(("top", "share"), [(0.01, 0.99), (0.01, 0.9), (0.05, 0.99),
                                            (0.2, 0.8), (0.49, 0.51)])
def test_no_two_labels_of_the_lorenz_figure_overlap(top, share):
    from socialmath.pareto import pareto_profile

    fig, ax = new_figure(figsize=(5.5, 5.5))
    artists = draw_lorenz(ax, pareto_profile(alpha_for_share(top, share), 1000, seed=0))
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    labels = list(artists.labels.values())
    for i, first in enumerate(labels):
        for second in labels[i + 1:]:
            assert not _overlap(first, second, renderer), (first.get_text(), second.get_text())


def test_the_title_does_not_round_a_near_total_share_up_to_everything():
    explorer = ParetoExplorer()
    explorer.controls["set_by"].value = "top x% hold y%"
    explorer.controls["top"].value = 0.01
    explorer.controls["share"].value = 0.99
    alpha = explorer.result.alpha
    assert alpha == pytest.approx(1.0022, abs=1e-4)
    assert share_of_top(alpha, 0.2) == pytest.approx(0.9964, abs=1e-4)
    assert "alpha 1.002: top 20% hold 99.6%" in explorer.figure.axes[0].get_title()
    assert "top 20% hold 99.6%" in explorer.describe_plain()
