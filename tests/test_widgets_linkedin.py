"""The network-timeline explorer: every control moves the model and the figure, no position
raises, and it works on any connections, not only the sample."""

from __future__ import annotations

import itertools
import re

import numpy as np
import pandas as pd
import pytest

from socialmath import linkedin
from socialmath.attention import CAPACITY_GONCALVES_2011
from socialmath.widgets.linkedin import CAPACITIES, NetworkTimelineExplorer, month_options


@pytest.fixture(scope="module")
def sample():
    return linkedin.read_connections(linkedin.SAMPLE)


@pytest.fixture
def explorer(sample):
    return NetworkTimelineExplorer(sample)


def test_defaults_show_the_whole_sample(explorer, sample):
    last = month_options(sample)[-1][1]
    assert explorer.result.as_of == last == pd.Timestamp("2025-06-30")
    assert explorer.result.contacts == linkedin.SAMPLE_SIZE
    expected = linkedin.snapshot(sample, last)
    assert explorer.result.fit == expected.fit
    assert explorer.artists.title.get_text() == ("Jun 2025: 750 contacts, far past Dunbar "
                                                 "1993's 147.8")


def test_the_date_slider_covers_every_month_of_the_history(explorer, sample):
    options = explorer.controls["as_of"].options
    history = linkedin.growth(sample)
    assert len(options) == history.months.size
    assert options[0][0] == f"{history.first:%b %Y}"
    for label, end in options[::7]:
        explorer.controls["as_of"].value = end
        assert explorer.result.contacts == int((sample["connected_on"] <= end).sum())
        x, y = explorer.artists.now.get_data()
        assert y[0] == explorer.result.contacts
        assert label in explorer.artists.title.get_text()


@pytest.mark.parametrize(("name", "value", "check"), [
    ("capacity", CAPACITY_GONCALVES_2011, lambda r: r.fit.coverage.capacity.estimate == 150.0),
    ("silent_share", 0.9, lambda r: r.fit.feed.posts_per_week == pytest.approx(75.0)),
    ("posts_per_active", 3.0, lambda r: r.fit.feed.posts_per_week == pytest.approx(450.0)),
    ("seconds_per_post", 4.0,
     lambda r: r.fit.feed.hours_per_week == pytest.approx(150 * 4 / 3600)),
    ("minutes_per_day", 0.5,
     lambda r: r.fit.feed.share_readable == pytest.approx(0.5 * 60 * 7 / 2 / 150)),
])
def test_each_control_drives_the_model(explorer, name, value, check):
    explorer.controls[name].value = value
    assert check(explorer.result)


def test_moving_a_control_updates_the_figure_in_place(explorer):
    past, budget = explorer.artists.past, explorer.artists.budget
    explorer.controls["as_of"].value = explorer.controls["as_of"].options[60][1]
    assert explorer.artists.past is past
    assert past.get_ydata()[-1] == explorer.result.contacts
    explorer.controls["minutes_per_day"].value = 0.1  # 42 posts a week readable
    limit = explorer.result.fit.feed.contacts_at_budget
    assert limit == pytest.approx(0.1 * 60 * 7 / 2 / 0.2)
    assert explorer.artists.budget is budget
    assert budget.get_ydata()[0] == pytest.approx(limit)
    explorer.controls["capacity"].value = CAPACITY_GONCALVES_2011
    assert explorer.artists.band.get_y() == 100.0 and explorer.artists.band.get_height() == 100.0


def test_the_budget_line_stays_on_the_chart_and_says_when_it_is_off(explorer):
    top = explorer.artists.now.axes.get_ylim()[1]
    assert explorer.artists.budget.get_ydata()[0] <= top  # 15,750 contacts: off the chart
    assert explorer.artists.budget_label.get_text() == ("budget full at 15,750 contacts "
                                                        "(off the chart) ")
    explorer.controls["silent_share"].value = 1.0
    assert "nobody posts" in explorer.artists.budget_label.get_text()


def test_no_position_of_any_control_raises(explorer):
    corners = {
        "as_of": [explorer.controls["as_of"].options[0][1],
                  explorer.controls["as_of"].options[-1][1]],
        "capacity": [value for _, value in CAPACITIES],
        "silent_share": [0.0, 1.0],
        "posts_per_active": [0.0, 10.0],
        "seconds_per_post": [0.5, 30.0],
        "minutes_per_day": [0.0, 180.0],
    }
    for values in itertools.product(*corners.values()):
        for name, value in zip(corners, values, strict=True):
            explorer.controls[name].value = value
        assert 0.0 <= explorer.result.fit.feed.share_readable <= 1.0
    for name in ("silent_share", "posts_per_active", "seconds_per_post", "minutes_per_day"):
        slider = explorer.controls[name]
        for value in np.linspace(slider.min, slider.max, 7):
            slider.value = float(value)
    explorer.figure.canvas.draw()


@pytest.mark.parametrize(("contacts", "position"), [
    (50, "below"), (100.2, "within"), (147.8, "within"), (148, "past"),
    (231.1, "past"), (232, "far past")])
def test_titles_place_the_network_against_the_capacity(contacts, position):
    from socialmath.attention import CAPACITY_DUNBAR_1993
    from socialmath.plots.linkedin import capacity_position

    assert capacity_position(contacts, CAPACITY_DUNBAR_1993) == position


def test_readout_and_plain_text(explorer):
    assert "<b>750</b> contacts" in explorer.readout.value
    assert explorer.artists.note.get_text().endswith("companies: 401, Gini 0.40")
    assert explorer.describe_plain() == ("Jun 2025: 750 contacts, far past Dunbar 1993's 147.8, "
                                         "150 posts a week, 100% readable")
    bundle = explorer._repr_mimebundle_()
    assert bundle["image/png"].startswith("iVBORw0KGgo")


def test_works_on_any_connections():
    frame = pd.DataFrame({
        "company": pd.array(["A", None, "B"], dtype="string"),
        "position": pd.array(["Engineer", "Student", None], dtype="string"),
        "connected_on": pd.to_datetime(["2020-01-05", "2020-01-06", "2020-04-01"]),
    })
    explorer = NetworkTimelineExplorer(frame, as_of="2020-02-15")
    assert [label for label, _ in explorer.controls["as_of"].options] == [
        "Jan 2020", "Feb 2020", "Mar 2020", "Apr 2020"]
    assert explorer.controls["as_of"].value == pd.Timestamp("2020-02-29")
    assert explorer.result.contacts == 2


def test_bad_defaults_are_refused_before_any_widget_is_built(sample):
    with pytest.raises(ValueError, match="silent_share must be a share"):
        NetworkTimelineExplorer(sample, silent_share=80)
    with pytest.raises(ValueError, match="as_of must be on or after the first connection"):
        NetworkTimelineExplorer(sample, as_of="2000-01-01")
    with pytest.raises(TypeError, match="connections must be a DataFrame"):
        NetworkTimelineExplorer("Connections.csv")


def test_the_now_marker_is_a_date_like_the_history(explorer):
    """The marker holds a numpy datetime, as the curves do, not a pandas Timestamp (which
    numpy cannot turn into numbers)."""
    x, _ = explorer.artists.now.get_data()
    assert np.asarray(x).dtype == np.dtype("datetime64[ns]")
    assert x[0] == np.datetime64(explorer.result.as_of, "ns")
    np.asarray(x, dtype=float)  # what a comparison of figures does


def test_the_readout_says_everything_the_note_says(explorer):
    """The note box repeats the readout, so the live canvas leaves it out: every figure of the
    note must be in the readout, at every position."""
    for minutes, silent in ((15.0, 0.8), (0.0, 0.8), (180.0, 1.0)):
        explorer.controls["minutes_per_day"].value = minutes
        explorer.controls["silent_share"].value = silent
        note = explorer.artists.note.get_text()
        for line in note.splitlines():
            for figure in re.findall(r"\d(?:[\d,.]*\d)?(?:%| s| min)?|any size", line):
                assert figure in explorer.readout.value, (figure, line)
    assert explorer.readout_duplicates() == [explorer.artists.note]


def test_choosing_a_capacity_redraws_the_background_once(explorer):
    explorer.use_live_layout()
    explorer.render()
    kept = explorer._background
    explorer.controls["silent_share"].value = 0.5
    explorer.render()
    assert explorer._background is kept  # the band did not move: blitted on the same picture
    explorer.controls["capacity"].value = CAPACITY_GONCALVES_2011
    explorer.render()
    assert explorer._background is not kept
    blitted = np.asarray(explorer.figure.canvas.buffer_rgba()).copy()
    explorer.figure.canvas.draw()
    full = np.asarray(explorer.figure.canvas.buffer_rgba())
    assert (np.abs(blitted.astype(int) - full.astype(int)).max(axis=2) > 40).mean() < 0.002


def test_the_note_facts_refuse_what_is_not_a_snapshot():
    from socialmath.plots.linkedin import timeline_facts

    with pytest.raises(TypeError, match="snap must be a Snapshot"):
        timeline_facts({"contacts": 750})


def test_the_first_month_reads_one_contact_and_under_a_second(sample):
    first = NetworkTimelineExplorer(sample, as_of=sample["connected_on"].min())
    assert first.result.contacts == 1
    assert first.artists.title.get_text().split(", ")[0].endswith(": 1 contact")
    assert "<b>1</b> contact at" in first.readout.value
    assert "glance at all: under 1 s a day" in first.artists.note.get_text()
    assert first.describe_plain().startswith(f"{first.result.as_of:%b %Y}: 1 contact,")


def test_goncalves_is_named_by_the_range_it_published(explorer):
    explorer.controls["capacity"].value = CAPACITY_GONCALVES_2011
    assert explorer.artists.title.get_text().endswith("far past Gonçalves et al. 2011's 100-200")
    assert "Gonçalves et al. 2011's 100-200 covers" in explorer.readout.value
    assert "'s 150" not in explorer.describe_plain()


@pytest.mark.parametrize(("name", "value", "kept"), [
    ("posts_per_active", 25.0, 10.0), ("seconds_per_post", 0.1, 0.5),
    ("minutes_per_day", 600.0, 180.0)])
def test_a_default_outside_a_slider_warns_where_it_starts(sample, name, value, kept):
    with pytest.warns(UserWarning, match=f"{name}={value!r} is outside the control's range"):
        explorer = NetworkTimelineExplorer(sample, **{name: value})
    assert explorer.controls[name].value == kept
