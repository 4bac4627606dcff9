"""Chapter 7 figures draw what they say: the data, the models, and titles that state a finding."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from socialmath import linkedin
from socialmath.plots import new_figure
from socialmath.plots.linkedin import (
    draw_attachment,
    draw_cumulative,
    draw_lorenz_of_groups,
    draw_monthly,
    draw_top_groups,
)

SAMPLE = linkedin.read_connections(linkedin.SAMPLE)
GROWTH = linkedin.growth(SAMPLE)


def test_monthly_bars_are_the_counts_and_the_title_the_pace():
    fig, ax = new_figure()
    bars, line = draw_monthly(ax, GROWTH)
    assert [bar.get_height() for bar in bars] == GROWTH.per_month.tolist()
    assert {bar.get_width() for bar in bars} == {25.0}  # days: visible bars
    assert line.get_ydata()[-1] == pytest.approx(GROWTH.per_month[-12:].mean())
    assert ax.get_title() == "Busiest month: July 2023, 45 new connections"


def test_cumulative_curve_and_the_day_the_capacity_was_outgrown():
    fig, ax = new_figure()
    artists = draw_cumulative(ax, GROWTH)
    assert artists.curve.get_ydata().tolist() == GROWTH.cumulative.tolist()
    passed = GROWTH.date_reached(147.8)
    assert artists.crossing.get_xdata()[0] == passed
    assert ax.get_title() == f"Outgrew Dunbar 1993's 147.8 in {passed:%B %Y}"
    assert ax.get_ylim()[1] >= GROWTH.total
    fig.canvas.draw()


def test_cumulative_curve_of_a_network_still_within_the_capacity():
    small = SAMPLE.iloc[:40]
    fig, ax = new_figure()
    artists = draw_cumulative(ax, linkedin.growth(small))
    assert artists.crossing is None
    assert ax.get_title().startswith("40 connections after")
    assert ax.get_ylim()[1] >= 231.1  # the whole capacity band is visible


def test_lorenz_of_companies_marks_the_top_20_percent():
    result = linkedin.concentration(SAMPLE, "company")
    fig, ax = new_figure()
    diagonal, curve, marker = draw_lorenz_of_groups(ax, result)
    assert curve.get_xdata()[-1] == 1.0 and curve.get_ydata()[-1] == 1.0
    assert marker.get_ydata()[0] == pytest.approx(1 - result.top_share)
    assert ax.get_title() == f"{result.groups:,} companies: Gini {result.gini:.2f}"


def test_top_groups_are_the_largest_in_order():
    result = linkedin.concentration(SAMPLE, "role")
    fig, ax = new_figure()
    bars = draw_top_groups(ax, result, k=5)
    widths = [bar.get_width() for bar in bars][::-1]
    expected = result.sizes.iloc[:5].to_numpy() / result.contacts * 100
    np.testing.assert_allclose(widths, expected)
    assert ax.get_title() == (f"Engineering and IT lead, with {expected[0]:.0f}% of the "
                              "contacts")
    companies = linkedin.concentration(SAMPLE, "company")
    draw_top_groups(ax, companies, k=2)
    two = companies.sizes.iloc[:2].sum() / companies.contacts * 100
    assert ax.get_title() == f"The 2 largest companies hold {two:.0f}% of the contacts"


def test_attachment_figure_shows_both_models():
    test = linkedin.attachment_test(SAMPLE)
    fig, ax = new_figure()
    dots, steady, proportional = draw_attachment(ax, test)
    assert dots.get_offsets().shape == (test.months, 2)
    assert np.all(steady.get_ydata() == test.steady_rate)
    x = proportional.get_xdata()
    np.testing.assert_allclose(proportional.get_ydata(), test.proportional_rate * x)
    assert ax.get_title() == f"Pace grows with size (β = {test.beta:.2f})"
    member = linkedin.attachment_test(linkedin.simulated_member("preferential", "steady"))
    draw_attachment(ax, member, label="Steady platform")
    assert ax.get_title() == (f"Steady platform: pace falls as the network grows "
                              f"(β = {member.beta:.2f})")
    with pytest.raises(TypeError, match="label must be a string"):
        draw_attachment(ax, test, label=3)


def test_figures_of_a_one_month_network_do_not_fail():
    tiny = pd.DataFrame({"company": pd.array(["A"], dtype="string"),
                         "position": pd.array(["B"], dtype="string"),
                         "connected_on": pd.to_datetime(["2024-05-01"])})
    history = linkedin.growth(tiny)
    fig, axes = new_figure(1, 2)
    draw_monthly(axes[0], history)
    draw_cumulative(axes[1], history)
    fig.canvas.draw()
