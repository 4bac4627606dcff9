"""The reach funnel of one post: arithmetic, assumptions and their sources."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from socialmath.branding.funnel import FUNNEL_ASSUMPTIONS, Assumption, reach_funnel

BIBLIOGRAPHY = (Path(__file__).resolve().parents[1] / "book" / "references.bib").read_text(
    encoding="utf-8")


def test_funnel_arithmetic():
    funnel = reach_funnel(4000, followers=1000, share_online=0.2, share_shown=0.25,
                          reaction_rate=0.04, comment_rate=0.01, reshare_rate=0.002)
    assert funnel.audience == 5000
    assert funnel.online == 1000
    assert funnel.impressions == 250
    assert funnel.filtered_by_feed == 750
    assert funnel.reactions == 10
    assert funnel.comments == 2.5
    assert funnel.reshares == 0.5
    assert funnel.share_of_audience_shown == pytest.approx(0.05)
    assert funnel.pass_on_probability == pytest.approx(0.2 * 0.25 * 0.002)
    assert [name for name, _ in funnel.stages()] == [
        "audience", "online while fresh", "shown the post", "reacted", "commented"]
    assert [people for _, people in funnel.stages()] == [5000, 1000, 250, 10, 2.5]


def test_defaults_are_the_assumptions():
    funnel = reach_funnel(25_000)
    for name, assumption in FUNNEL_ASSUMPTIONS.items():
        assert getattr(funnel, name) == assumption.value
    assert funnel.impressions == pytest.approx(25_000 * 0.1 * 0.3)


def test_the_feed_never_shows_more_than_were_online_and_an_empty_audience_is_zero():
    assert reach_funnel(1000, share_shown=1.0).filtered_by_feed == 0
    empty = reach_funnel(0)
    assert empty.impressions == 0 and empty.share_of_audience_shown == 0.0


def test_every_assumption_has_a_range_a_note_and_a_real_source_or_none():
    for name, assumption in FUNNEL_ASSUMPTIONS.items():
        assert assumption.name == name
        assert assumption.low <= assumption.value <= assumption.high
        assert assumption.low >= 0 and assumption.high <= 1
        assert "assumption" in assumption.note.lower()
        if assumption.sourced:
            assert re.search(rf"@\w+\{{{assumption.source},", BIBLIOGRAPHY)
        else:
            assert "found no" in assumption.note


def test_an_assumption_outside_its_range_is_refused():
    with pytest.raises(ValueError, match="within"):
        Assumption("x", 2.0, 0.0, 1.0, "", "an assumption")


@pytest.mark.parametrize(("call", "error", "name"), [
    (lambda: reach_funnel(-1), ValueError, "contacts"),
    (lambda: reach_funnel(10.5), TypeError, "contacts"),
    (lambda: reach_funnel(10, followers=-5), ValueError, "followers"),
    (lambda: reach_funnel(10, share_online=20), ValueError, "percentage"),
    (lambda: reach_funnel(10, share_shown=-0.1), ValueError, "share_shown"),
    (lambda: reach_funnel(10, reaction_rate="2%"), TypeError, "reaction_rate"),
    (lambda: reach_funnel(10, comment_rate=1.1), ValueError, "comment_rate"),
    (lambda: reach_funnel(10, reshare_rate=float("nan")), ValueError, "reshare_rate"),
])
def test_bad_input_names_the_parameter(call, error, name):
    with pytest.raises(error, match=name):
        call()


def test_chance_that_a_post_is_passed_on_at_least_once():
    funnel = reach_funnel(25_000)
    p = funnel.pass_on_probability
    assert funnel.chance_passed_on == pytest.approx(1 - (1 - p) ** 25_000, rel=1e-12)
    assert funnel.chance_passed_on == pytest.approx(0.5276, abs=1e-4)  # about 1 - e^-0.75
    assert reach_funnel(0).chance_passed_on == 0.0
    assert reach_funnel(1000, reshare_rate=0.0).chance_passed_on == 0.0
    everyone = reach_funnel(3, share_online=1.0, share_shown=1.0, reshare_rate=1.0)
    assert everyone.chance_passed_on == 1.0
    one = reach_funnel(1, share_online=0.5, share_shown=0.5, reshare_rate=0.4)
    assert one.chance_passed_on == pytest.approx(0.1)
