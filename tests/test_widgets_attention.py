"""The feed explorer: every control moves the model and the figure, and no position raises."""

import itertools

import numpy as np
import pytest

from socialmath.attention import feed_load
from socialmath.widgets import FeedExplorer


@pytest.fixture
def explorer():
    return FeedExplorer()


def test_defaults_are_the_essays_network(explorer):
    assert explorer.result == feed_load(25_000, 0.8, 1.0, 2.0, 15.0)
    assert explorer.artists.title.get_text() == "5,000 posts a week: your budget covers 63%"


def test_contacts_slider_spans_10_to_linkedins_cap(explorer):
    slider = explorer.controls["contacts"]
    assert (slider.min, slider.max) == (10, 30_000)
    slider.value = 30_000
    assert explorer.result.posts_per_week == 6000.0
    assert explorer.artists.you.get_xdata()[0] == 30_000


@pytest.mark.parametrize(("name", "value", "field", "expected"), [
    ("contacts", 1000, "posts_per_week", 200.0),
    ("silent_share", 0.9, "posts_per_week", 2500.0),
    ("posts_per_active", 3.0, "posts_per_week", 15_000.0),
    ("seconds_per_post", 4.0, "hours_per_week", 5000 * 4 / 3600),
    ("minutes_per_day", 30.0, "posts_readable_per_week", 6300.0),
])
def test_each_control_drives_the_model(explorer, name, value, field, expected):
    explorer.controls[name].value = value
    assert getattr(explorer.result, field) == pytest.approx(expected)


def test_moving_a_control_updates_the_figure_in_place(explorer):
    line = explorer.artists.need
    before = line.get_ydata().copy()
    explorer.controls["posts_per_active"].value = 2.0
    assert explorer.artists.need is line
    np.testing.assert_allclose(line.get_ydata(), before * 2)
    assert explorer.artists.budget.get_ydata()[0] == pytest.approx(15 * 7 / 60)
    explorer.controls["minutes_per_day"].value = 60.0
    assert explorer.artists.budget.get_ydata()[0] == pytest.approx(7.0)
    assert explorer.artists.title.get_text() == "10,000 posts a week: your budget covers 100%"


def test_readout_states_the_numbers(explorer):
    explorer.controls["contacts"].value = 500
    assert "<b>100</b> posts a week" in explorer.readout.value


@pytest.mark.parametrize("name", ["contacts", "silent_share", "posts_per_active",
                                  "seconds_per_post", "minutes_per_day"])
def test_no_position_of_any_slider_raises(explorer, name):
    slider = explorer.controls[name]
    for value in np.linspace(slider.min, slider.max, 25):
        slider.value = type(slider.value)(value)
        assert 0.0 <= explorer.result.share_readable <= 1.0
    slider.value = slider.max
    slider.value = slider.min


def test_extreme_corners_of_the_control_space(explorer):
    corners = {name: (c.min, c.max) for name, c in explorer.controls.items()}
    for values in itertools.product(*corners.values()):
        for name, value in zip(corners, values, strict=True):
            explorer.controls[name].value = value
        bottom, top = explorer.artists.need.axes.get_ylim()
        assert 0 < bottom < top
    explorer.figure.canvas.draw()


def test_static_display_carries_a_png_of_the_figure(explorer):
    bundle = explorer._repr_mimebundle_()
    assert bundle["image/png"].startswith("iVBORw0KGgo")  # base64 of the PNG signature
    assert "5,000 posts a week" in bundle["text/plain"]
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_bad_defaults_are_refused_before_any_widget_is_built():
    with pytest.raises(ValueError, match="silent_share must be a share"):
        FeedExplorer(silent_share=80)


def test_direct_labels_follow_their_lines(explorer):
    labels = explorer.artists.labels
    explorer.controls["contacts"].value = 1000
    assert labels["you"].get_position()[0] == 1000
    explorer.controls["minutes_per_day"].value = 60.0
    assert labels["budget"].get_position()[1] == pytest.approx(7.0 * 1.1)
    explorer.controls["silent_share"].value = 1.0
    assert not labels["need"].get_visible()  # nobody posts: no curve to label
    assert not labels["overflow"].get_visible()


# --- positions a review found wrong --------------------------------------------------------------


def _move(explorer, **values):
    for name, value in values.items():
        explorer.controls[name].value = value
    return explorer


def _box(text):
    renderer = text.figure.canvas.get_renderer()
    return text.get_window_extent(renderer)


def test_budget_full_is_hidden_where_it_would_land_on_dunbars_label(explorer):
    _move(explorer, silent_share=0.0, posts_per_active=10.0, seconds_per_post=30.0,
          minutes_per_day=180.0)
    assert explorer.result.contacts_at_budget == pytest.approx(252.0)
    assert not explorer.artists.labels["overflow"].get_visible()
    assert explorer.artists.overflow.get_visible()  # the dotted line stays


def test_a_need_beyond_the_axes_and_beyond_a_day_is_flagged(explorer):
    _move(explorer, silent_share=0.0, posts_per_active=10.0, seconds_per_post=30.0,
          minutes_per_day=180.0)
    assert explorer.result.minutes_per_day_needed == pytest.approx(17_857.1, abs=0.1)
    assert explorer.artists.you.get_marker() == "^"  # points off the top of the axes
    assert "17,857 min a day (over 24 h)" in explorer.artists.note.get_text()
    assert "more than a day holds" in explorer.readout.value
    _move(explorer, posts_per_active=1.0, seconds_per_post=2.0)
    assert explorer.artists.you.get_marker() == "o"
    assert "over 24 h" not in explorer.artists.note.get_text()


def test_the_curves_label_is_hidden_when_the_curve_is_below_the_axes_there(explorer):
    _move(explorer, contacts=10, silent_share=0.99, posts_per_active=0.1)
    assert not explorer.artists.labels["need"].get_visible()
    assert explorer.artists.you.get_marker() == "v"  # below the axes: 0.36 s a week
    assert "<b>fewer than 1</b> contact counted as active" in explorer.readout.value
    assert "<b>0.01</b> posts a week" in explorer.readout.value


def test_people_are_whole_and_counted_as_active_even_when_they_do_not_post(explorer):
    _move(explorer, silent_share=0.4, posts_per_active=0.0)
    assert "<b>0</b> posts a week from <b>15,000</b> contacts counted as active" in (
        explorer.readout.value)


def test_the_you_label_is_not_crossed_by_the_budget_line(explorer):
    _move(explorer, silent_share=0.9)  # 1.4 h a week needed, just under the 1.75 h budget
    label = _box(explorer.artists.labels["you"])
    budget_y = explorer.artists.budget.get_transform().transform(
        (0, explorer.result.budget_hours_per_week))[1]
    assert not label.y0 <= budget_y <= label.y1


def test_the_explore_prompt_position_reads_the_crossing_beyond_the_cap(explorer):
    """Chapter 1's prompt: 90% silent, 0.7 posts per active contact. The budget covers the whole
    feed, and the readout says how large a network it would fit (15 x 60 x 7 / 2 = 6,300 posts a
    week, / 0.07 posts per contact = 45,000), not just the slider's 25,000."""
    explorer.controls["silent_share"].value = 0.9
    explorer.controls["posts_per_active"].value = 0.7
    assert ("covers <b>100%</b> of the feed; it would fit <b>45,000 contacts</b>, more than "
            "LinkedIn's cap of 30,000") in explorer.readout.value
    assert explorer.artists.note.get_text().endswith("budget fits: 45,000 contacts")
    need = explorer.artists.labels["need"]
    assert need.get_visible()  # the curve starts below the axes: its label moves to where it enters
    assert need.get_position()[1] == pytest.approx(0.002)


def test_a_feed_just_past_the_budget_is_never_said_to_be_covered_at_100_percent(explorer):
    explorer.controls["contacts"].value = 15_800  # 3,160 posts, the budget covers 3,150
    assert "covers <b>99.6%</b> of the feed; it fits <b>15,750 contacts</b>" in \
        explorer.readout.value
    assert explorer.artists.title.get_text() == "3,160 posts a week: your budget covers 99.6%"


def test_nobody_posting_fits_any_network(explorer):
    explorer.controls["silent_share"].value = 1.0
    assert "it would fit <b>any number of contacts</b>" in explorer.readout.value
    assert "cap" not in explorer.readout.value
