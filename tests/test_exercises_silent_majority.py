"""Chapter 1 self-checks: right answers pass, usual slips get their hint, nothing raises."""

import math

import pytest

from socialmath.exercises.feedback import NO_ANSWER, Feedback, check_number
from socialmath.exercises.silent_majority import (
    ESSAY_FEED,
    check_capacity_share,
    check_heavy_contributors,
    check_minutes_per_day,
    check_own_feed,
    check_people_or_content,
    check_posts_per_week,
)

CHECKS = [check_posts_per_week, check_minutes_per_day, check_heavy_contributors,
          check_capacity_share]


@pytest.mark.parametrize(("check", "answer"), [
    (check_posts_per_week, 900),
    (check_minutes_per_day, 900 * 2 / 60 / 7),
    (check_minutes_per_day, 4.3),
    (check_minutes_per_day, 4),      # "about 4 minutes": the rounding the question invites
    (check_heavy_contributors, 120),
    (check_capacity_share, 147.8 / 5000),
    (check_capacity_share, 0.03),
])
def test_right_answers_pass(check, answer):
    assert check(answer).correct


@pytest.mark.parametrize(("check", "answer", "hint"), [
    (check_posts_per_week, 90_000, "percentage"),
    (check_posts_per_week, 600, "active contacts"),
    (check_posts_per_week, 5100, "silent share"),
    (check_posts_per_week, 6000, "every contact"),
    (check_minutes_per_day, 30, "whole week"),
    (check_minutes_per_day, 0.5, "hours a week"),
    (check_minutes_per_day, 1800, "seconds a week"),
    (check_minutes_per_day, 900 * 2 / 7, "seconds a day"),
    (check_minutes_per_day, 900 * 2 / 3600 / 7, "hours a day"),
    (check_heavy_contributors, 1200, "everyone who posts"),
    (check_heavy_contributors, 1080, "9%"),
    (check_heavy_contributors, 12, "0.1%"),
    (check_capacity_share, 2.956, "percentage"),
    (check_capacity_share, 5000 / 147.8, "contacts per relationship"),
    (check_capacity_share, 1 - 147.8 / 5000, "beyond"),
    # the likeliest slip: reusing the chapter's 25,000 contacts, or its feed
    (check_posts_per_week, 25_000 * 0.15 * 1.5, "chapter's 25,000-contact network"),
    (check_posts_per_week, 5000, "chapter's feed, 25,000 contacts at 80% silent"),
    (check_minutes_per_day, 5000 * 2 / 60 / 7, "chapter's feed of 5,000 posts"),
    (check_minutes_per_day, 23.8, "chapter's feed of 5,000 posts"),
    (check_minutes_per_day, 25_000 * 0.15 * 1.5 * 2 / 60 / 7, "has 4,000 contacts"),
    (check_capacity_share, 0.0059, "chapter's 25,000-contact network; this exercise has 5,000"),
    # and the others a learner is likely to make
    (check_posts_per_week, 3400, "number of silent contacts"),
    (check_minutes_per_day, 2.86, "600 active contacts at one post each"),
    (check_capacity_share, 0.04, "Gonçalves's maximum of 200"),
    (check_capacity_share, 0.046, "top of Dunbar's interval, 231.1"),
    (check_capacity_share, 0.02, "bottom of Dunbar's interval, 100.2"),
])
def test_usual_slips_get_a_specific_hint(check, answer, hint):
    feedback = check(answer)
    assert not feedback.correct
    assert hint in feedback.message


def test_far_off_answer_says_by_how_much():
    feedback = check_posts_per_week(9_000_000)
    assert "too high by a factor of about 10,000" in feedback.message


def test_units_are_blamed_only_when_a_unit_factor_explains_the_answer():
    # 4.29 minutes a day: a factor of 100 (a percentage) is a unit slip...
    assert "100, a percentage for a share: check the units" in check_minutes_per_day(
        900 * 2 / 60 / 7 * 100).message
    # ...the factor of about 6 of the chapter's 23.8 is not, and has its own hint
    assert "units" not in check_minutes_per_day(23.8).message


def test_a_decimal_comma_is_explained_not_called_a_tuple():
    feedback = check_minutes_per_day((4, 3))
    assert not feedback.correct
    assert feedback.message == ("Python reads 4,3 as two numbers, (4, 3): write 4.3 for a "
                                "decimal, and 4000 or 4_000 for thousands.")


def test_close_but_wrong_answer_says_which_way():
    assert "too low" in check_posts_per_week(700).message


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("answer", [None, "900", [900], float("nan"), math.inf, True, object()])
def test_checks_never_raise(check, answer):
    feedback = check(answer)
    assert isinstance(feedback, Feedback) and not feedback.correct


def test_no_answer_prompts_the_learner():
    assert check_posts_per_week(None).message == NO_ANSWER


def test_feedback_displays_as_coloured_html():
    html = check_posts_per_week(900)._repr_html_()
    assert "#009E73" in html and "Correct" in html
    assert "#D55E00" in check_posts_per_week(1)._repr_html_()


def test_feedback_html_escapes_the_learners_text():
    assert "<script>" not in check_number("<script>", expected=1)._repr_html_()


def test_five_minutes_is_not_a_rounding_of_4_3():
    assert not check_minutes_per_day(5).correct


# --- exercise 5: your own feed, judged on your own assumptions ------------------------------------


def test_the_essays_assumptions_with_the_verdict_they_imply_are_defensible():
    feedback = check_own_feed({}, False)
    assert feedback.correct
    assert "5,000 posts a week" in feedback.message
    assert "covers 63% of it" in feedback.message
    assert "holds" in feedback.message


def test_other_assumptions_are_defensible_when_the_verdict_follows_from_them():
    mine = {"silent_share": 0.9, "posts_per_active": 0.5, "shown_share": 0.5}
    assert check_own_feed(mine, True).correct            # 625 posts, 3.0 min a day
    wrong = check_own_feed(mine, False)
    assert not wrong.correct and "covers the whole feed" in wrong.message


def test_the_verdict_is_computed_from_the_assumptions_not_typed_in():
    budget = {"contacts": 1000, "silent_share": 0.8, "posts_per_active": 1.0,
              "seconds_per_post": 60.0}
    # 200 posts x 60 s = 200 min a week = 28.6 min a day: more than the 15-minute budget
    assert check_own_feed(budget, False).correct
    assert check_own_feed({**budget, "minutes_per_day": 30.0}, True).correct


@pytest.mark.parametrize(("mine", "covers", "note"), [
    ({"silent_share": 0.5}, False, "lower than the published figures"),
    ({"seconds_per_post": 1.0}, True, "quicker than a glance"),   # 11.9 min a day
    ({"contacts": 40_000}, False, "caps connections at 30,000"),
    ({}, False, "shows every post"),
])
def test_assumptions_outside_the_sources_are_accepted_with_a_note(mine, covers, note):
    feedback = check_own_feed(mine, covers)
    assert feedback.correct and note in feedback.message


@pytest.mark.parametrize(("mine", "minutes", "covered"), [
    ({"contacts": 15_751}, "15.0", "99.9% of it, less than one post a week short"),
    ({"shown_share": 0.64}, "15.2", "98.4% of it, 50 posts a week short"),
    ({"contacts": 15_000}, "14.3", "the whole feed"),
    ({"contacts": 16_500}, "15.7", "95.4% of it, 150 posts a week short"),
])
def test_a_feed_within_5_percent_of_the_budget_is_too_close_to_call(mine, minutes, covered):
    """At 15,751 contacts the need is 15.001 minutes: either verdict is defensible, and the check
    never says 100% of a feed it does not cover."""
    for covers in (True, False):
        feedback = check_own_feed(mine, covers)
        assert feedback.correct, feedback.message
        assert f"takes {minutes} minutes a day" in feedback.message
        assert f"covers {covered}." in feedback.message
        assert "too close to call" in feedback.message and "100%" not in feedback.message


def test_a_feed_just_beyond_5_percent_is_judged():
    # 16,800 contacts: 3,360 posts, 16.0 minutes a day, 6.7% over the 15-minute budget
    assert not check_own_feed({"contacts": 16_800}, True).correct
    assert check_own_feed({"contacts": 16_800}, False).correct
    assert "covers 93.8% of it" not in check_own_feed({"contacts": 16_800}, False).message
    assert "covers 94% of it" in check_own_feed({"contacts": 16_800}, False).message


def test_no_note_for_assumptions_inside_the_sources():
    assert "Note" not in check_own_feed({"shown_share": 0.3}, True).message


@pytest.mark.parametrize(("mine", "covers", "message"), [
    (None, None, "No answer yet"),
    ({}, None, "No answer yet"),
    ([1, 2], True, "should be a dictionary"),
    ({"friends": 10}, True, "Unknown assumption(s) friends"),
    ({}, "yes", "should be True or False"),
    ({"silent_share": 80}, True, "a percentage? divide by 100"),
    ({"shown_share": 2}, True, "shown_share must be a share"),
    ({"contacts": "many"}, True, "contacts must be"),
    ({"seconds_per_post": 0}, True, "seconds_per_post must be > 0"),
])
def test_own_feed_check_explains_bad_input_and_never_raises(mine, covers, message):
    feedback = check_own_feed(mine, covers)
    assert not feedback.correct and message in feedback.message


def test_own_feed_keys_are_the_models_arguments():
    assert set(ESSAY_FEED) == {"contacts", "silent_share", "posts_per_active", "seconds_per_post",
                               "minutes_per_day", "shown_share"}


# --- exercise 6: a share of people, or of content? ------------------------------------------------


@pytest.mark.parametrize("answer", ["does not follow", "Doesn't follow.", "false", "cannot tell",
                                    "it depends"])
def test_every_defensible_judgement_passes_and_says_why(answer):
    feedback = check_people_or_content(answer)
    assert feedback.correct
    assert "share of the content, not of the people" in feedback.message
    assert "fewer than 25% posted at all" in feedback.message


@pytest.mark.parametrize("answer", ["follows", "True", "yes"])
def test_reading_content_as_people_is_explained(answer):
    feedback = check_people_or_content(answer)
    assert not feedback.correct
    assert feedback.message.startswith("Not yet: that reads a share of the content as a share "
                                       "of the people.")


@pytest.mark.parametrize("answer", [None, 3, True, "maybe", ["follows"]])
def test_the_judgement_check_never_raises(answer):
    feedback = check_people_or_content(answer)
    assert not feedback.correct and feedback.message
