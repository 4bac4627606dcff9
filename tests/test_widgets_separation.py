"""The chapter 3 explorers: every control, at its ends and in between, gives a sound result."""

from __future__ import annotations

import math

import numpy as np
import pytest

from socialmath.attention import LINKEDIN_CONNECTION_CAP
from socialmath.plots import new_figure
from socialmath.plots.separation import draw_distance_distribution, draw_studies
from socialmath.separation import distance_distribution, reach_estimate
from socialmath.widgets.separation import (
    NEIGHBOURS,
    SIZES,
    SmallWorldExplorer,
    YourNetworkExplorer,
)


@pytest.fixture(scope="module")
def small_world():
    return SmallWorldExplorer()


@pytest.fixture(scope="module")
def your_network():
    return YourNetworkExplorer()


def assert_small_world_sound(result):
    assert 1.0 <= result.mean_distance <= result.n / 2
    assert 0.0 <= result.clustering <= 1.0
    assert 0.0 < result.relative_distance <= 1.2
    assert 0.0 <= result.relative_clustering <= 1.05
    assert math.isfinite(result.curve.mean_distance_ring)


def test_small_world_defaults(small_world):
    result = small_world.result
    assert (result.n, result.k, result.p) == (1000, 10, pytest.approx(0.01))
    assert result.relative_distance < 0.4 and result.relative_clustering > 0.9
    assert "of the ring" in small_world.describe_plain()


@pytest.mark.parametrize("n", [SIZES[0], SIZES[-1], 500])
def test_small_world_size(small_world, n):
    small_world.controls["n"].value = n
    assert small_world.result.n == n
    assert_small_world_sound(small_world.result)
    small_world.controls["n"].value = 1000


@pytest.mark.parametrize("k", [NEIGHBOURS[0], NEIGHBOURS[-1], 6])
def test_small_world_neighbours(small_world, k):
    small_world.controls["k"].value = k
    result = small_world.result
    assert result.k == k
    assert result.curve.clustering_ring == pytest.approx(3 * (k - 2) / (4 * (k - 1)), abs=0.01)
    assert_small_world_sound(result)
    small_world.controls["k"].value = 10


@pytest.mark.parametrize("p", [1e-4, 1e-3, 0.01, 0.1, 1.0])
def test_small_world_rewiring(small_world, p):
    small_world.controls["p"].value = p
    assert small_world.result.p == pytest.approx(p, rel=1e-6)
    assert_small_world_sound(small_world.result)


def test_small_world_corners(small_world):
    for n in (SIZES[0], SIZES[-1]):
        for k in (NEIGHBOURS[0], NEIGHBOURS[-1]):
            for p in (1e-4, 1.0):
                small_world.controls["n"].value = n
                small_world.controls["k"].value = k
                small_world.controls["p"].value = p
                assert_small_world_sound(small_world.result)


def test_small_world_rewiring_shrinks_distance_first(small_world):
    small_world.controls["n"].value = 1000
    small_world.controls["k"].value = 10
    small_world.controls["p"].value = 1.0
    random = small_world.result
    small_world.controls["p"].value = 1e-4
    ring_like = small_world.result
    assert random.mean_distance < 0.2 * ring_like.mean_distance
    assert random.clustering < 0.1 * ring_like.clustering
    assert small_world.png()[:4] == b"\x89PNG"


def test_small_world_rejects_bad_defaults():
    with pytest.raises(ValueError, match="n must be one of"):
        SmallWorldExplorer(n=300)
    with pytest.raises(ValueError, match="k must be one of"):
        SmallWorldExplorer(k=3)
    with pytest.raises(ValueError, match="p"):
        SmallWorldExplorer(p=2.0)


def assert_reach_sound(result):
    first, second, third = result.by_degree
    assert first == result.contacts
    assert 0.0 <= second <= result.naive[1] + 1e-6
    assert third >= 0.0
    assert result.within_three <= result.population - 1
    assert 0.0 <= result.share_within_three <= 1.0


def test_your_network_defaults(your_network):
    expected = reach_estimate(500, 500, 0.5, 1e9)
    assert your_network.result == expected
    assert "within three steps" in your_network.describe_plain()


@pytest.mark.parametrize("contacts", [1, 2, 150, 5000, LINKEDIN_CONNECTION_CAP])
def test_your_network_contacts(your_network, contacts):
    your_network.controls["contacts"].value = contacts
    assert your_network.result.contacts == contacts
    assert_reach_sound(your_network.result)


@pytest.mark.parametrize("their", [1, 2, 100, 1000, LINKEDIN_CONNECTION_CAP])
def test_your_network_their_contacts(your_network, their):
    your_network.controls["their_contacts"].value = their
    assert your_network.result.their_contacts == their
    assert_reach_sound(your_network.result)
    if their == 1:
        assert your_network.result.by_degree[1:] == (0.0, 0.0)


@pytest.mark.parametrize("overlap", [0.0, 0.25, 0.5, 0.9, 0.99])
def test_your_network_overlap(your_network, overlap):
    your_network.controls["overlap"].value = overlap
    assert your_network.result.overlap == pytest.approx(overlap)
    assert_reach_sound(your_network.result)


def test_your_network_corners(your_network):
    controls = your_network.controls
    for contacts in (1, LINKEDIN_CONNECTION_CAP):
        for their in (1, LINKEDIN_CONNECTION_CAP):
            for overlap in (0.0, 0.99):
                controls["contacts"].value = contacts
                controls["their_contacts"].value = their
                controls["overlap"].value = overlap
                assert_reach_sound(your_network.result)
    # the largest open network saturates: nearly everyone is within three steps
    controls["overlap"].value = 0.0
    assert your_network.result.share_within_three > 0.99


def test_overlap_keeps_second_degree_far_below_k_squared(your_network):
    controls = your_network.controls
    controls["contacts"].value = 500
    controls["their_contacts"].value = 500
    controls["overlap"].value = 0.0
    open_circles = your_network.result.by_degree[1]
    controls["overlap"].value = 0.9
    assert your_network.result.by_degree[1] == pytest.approx(open_circles / 10, rel=1e-3)


def test_your_network_labels_k_squared_as_naive_and_counts_members():
    # The box's k x k is not "the 2nd degree without overlap": with no overlap the model still
    # leaves out the person who introduced each contact, and the population is finite.
    explorer = YourNetworkExplorer(contacts=500, their_contacts=500, overlap=0.0)
    assert round(explorer.result.by_degree[1]) == 249_469
    assert explorer.result.naive[1] == 250_000
    assert "naive k x k: 250,000" in explorer.artists.note.get_text()
    assert "without overlap" not in explorer.describe(explorer.result)
    assert "members" in explorer.artists.title.get_text()
    # At the extreme, the 2nd degree fills most of the billion and the 3rd holds those left.
    explorer = YourNetworkExplorer(contacts=30_000, their_contacts=30_000, overlap=0.0)
    first, second, third = explorer.result.by_degree
    assert third < second and 1 + first + second + third <= 1e9


def test_static_figures_draw():
    from socialmath.datasets import small_world_studies
    from socialmath.graphs import barabasi_albert

    fig, ax = new_figure()
    studies = small_world_studies()
    artists = draw_studies(ax, studies, title="my finding")
    assert artists.title.get_text() == "my finding"
    # Karinthy's bet is its two readings, not a point; each kind of range has its own style.
    assert artists.readings.get_ydata()[:2].tolist() == [5, 6]
    assert 1929 not in artists.points.get_xdata()
    assert sorted(artists.ranges) == ["chains", "figure"]
    assert artists.ranges["chains"].get_linewidth() != artists.ranges["figure"].get_linewidth()
    assert artists.unclear.get_xdata().tolist() == [2011]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "a fictional maximum, read two ways" in legend and "range reported" not in legend
    with pytest.raises(ValueError, match="missing"):
        draw_studies(ax, studies.drop(columns="range_of"))
    with pytest.raises(TypeError, match="title"):
        draw_studies(ax, studies, title=3)
    fig, ax = new_figure()
    dist = distance_distribution(barabasi_albert(2000, 3, seed=1), sources=50)
    drawn = draw_distance_distribution(ax, dist)
    heights = np.array([bar.get_height() for bar in drawn.bars])
    assert heights.sum() == pytest.approx(1.0)
