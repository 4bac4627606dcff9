"""Self-checks for chapter 6, "Should you accept everyone?".

Expected answers come from the model (``socialmath.policy``) or from the closing table's data
(``socialmath.datasets.essay_claims``), never typed in twice. The judging exercises take the
learner's own weights and assumptions: any choice is accepted, and the check says what the model
makes of it.

>>> check_accepted(164)
Feedback(correct=True, message='Correct: 164 requests accepted.')
>>> "miss" in check_accepted(160).message
True
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from socialmath.datasets import essay_claims
from socialmath.exercises.feedback import NO_ANSWER, Feedback, check_number
from socialmath.policy import (
    CRITERIA,
    PLATFORM_CAP,
    TIE_MARGIN,
    Assumptions,
    PolicyComparison,
    accept_genuine,
    compare_policies,
    expected_acceptance,
    network_measures,
    standard_policies,
)

#: Exercise 1: a month of requests under "genuine only".
ACCEPT_EXERCISE = {"requests": 200, "genuine_share": 0.8, "spam_detection": 0.9}
#: Exercise 2: a network of 600 in-field, 900 out-of-field and 300 fake contacts.
NOISE_EXERCISE = {"in_field": 600, "out_of_field": 900, "spam": 300}
#: Exercise 3: your in-field and out-of-field contacts, and the chance of knowing each.
MUTUAL_EXERCISE = {"in_field": 800, "out_of_field": 1200, "mutual_in_field": 0.005,
                   "mutual_across": 0.0005}
#: The chapter's simulation, used by the judging exercises.
CHAPTER_RUN = {"months": 60, "seed": 0}


def check_accepted(answer: object) -> Feedback:
    """Exercise 1: requests you expect to accept in a month under "genuine only"."""
    requests, genuine, detection = ACCEPT_EXERCISE.values()
    a = Assumptions(genuine_share=genuine, spam_detection=detection)
    expected = requests * expected_acceptance(accept_genuine(), a)
    fake = requests * (1 - genuine)
    slips = [
        (lambda x: requests * genuine, f"that counts the genuine profiles only; you also accept "
                                       f"the fake ones you miss ({1 - detection:.0%} of "
                                       f"{fake:.0f})."),
        (lambda x: requests, "that is every request: the policy of accepting everyone."),
        (lambda x: requests - x, "that is the number of requests you decline."),
        (lambda x: requests * genuine + fake * detection,
         "that adds the fake profiles you spot; you accept the ones you miss."),
        (lambda x: fake * (1 - detection),
         "that is only the fake profiles you miss; you accept every genuine profile too."),
    ]
    return check_number(answer, expected, name="requests accepted", rel_tol=0.005, slips=slips)


def _noise_measures():
    return network_measures(**NOISE_EXERCISE)


def check_noise_share(answer: object) -> Feedback:
    """Exercise 2: the share (0 to 1) of the feed that is noise, with the chapter's assumptions."""
    a = Assumptions()
    expected = float(_noise_measures().noise_share[0])
    inside, outside, fake = NOISE_EXERCISE.values()
    per_genuine = (1 - a.silent_share) * a.posts_per_active
    genuine_posts = (inside + outside) * per_genuine
    relevant = (inside + outside * a.out_of_field_relevance) * per_genuine
    everything = genuine_posts + fake * a.spam_posts_per_week
    slips = [
        (lambda x: x * 100, "that is a percentage; the question asks for a share (0 to 1)."),
        (lambda x: 1 - relevant / genuine_posts,
         "that leaves out the fake profiles' posts: they reach your feed too, and all of them "
         "are noise."),
        (lambda x: 1 - inside * per_genuine / everything,
         f"that counts every out-of-field post as noise; {a.out_of_field_relevance:.0%} of them "
         f"concern you."),
        (lambda x: 1 - x, "that is the share of the feed that concerns you, the signal."),
    ]
    return check_number(answer, expected, name="share of the feed that is noise", rel_tol=0.01,
                        slips=slips)


def check_mutual_connections(answer: object) -> Feedback:
    """Exercise 3: expected mutual connections of a new in-field contact."""
    inside, outside, q_in, q_across = MUTUAL_EXERCISE.values()
    a = Assumptions(mutual_in_field=q_in, mutual_across=q_across)
    # The newcomer is one more in-field contact: its mutual connections are among the others.
    expected = float(network_measures(inside + 1, outside, 0, a).mutual_in_field[0])
    slips = [
        (lambda x: inside * q_in, "that counts only your in-field contacts; the newcomer may "
                                  "know some of your out-of-field contacts too."),
        (lambda x: (inside + outside) * q_in,
         f"that uses the in-field chance ({q_in}) for every contact; across fields it is "
         f"{q_across}."),
        (lambda x: (inside + outside) * q_across,
         f"that uses the across-field chance ({q_across}) for every contact; within your field "
         f"it is {q_in}."),
        (lambda x: outside * q_across, "that counts only your out-of-field contacts."),
    ]
    return check_number(answer, expected, name="mutual connections (expected)", rel_tol=0.01,
                        slips=slips)


# --- judging: your weights, your assumptions ------------------------------------------------------


@lru_cache(maxsize=32)
def _comparison(assumptions: Assumptions) -> PolicyComparison:
    return compare_policies(None, CHAPTER_RUN["months"], assumptions, CHAPTER_RUN["seed"])


def _weights_problem(weights: object, name: str = "weights") -> str | None:
    """None when ``weights`` can be used; else what is wrong with them, for the learner
    (``name``: what the notebook calls them)."""
    if weights is None:
        if name == "weights":
            return NO_ANSWER
        return (f"{name} is still None: set it to your weights in exercise 4 (a dictionary such "
                f"as {{\"reach\": 1, \"signal\": 2}}) and run that cell first.")
    example = ", ".join(f'"{name}": 1' for name in CRITERIA)
    if not isinstance(weights, Mapping):
        return f"Weights must be a dictionary such as {{{example}}}, got {weights!r}."
    unknown = [name for name in weights if name not in CRITERIA]
    if unknown:
        return f"Unknown criteria {unknown}; use names among {list(CRITERIA)}."
    for name, value in weights.items():
        if isinstance(value, bool) or not isinstance(value, int | float) or not (
                0 <= value < float("inf")):
            return f"The weight of {name!r} must be a number >= 0, got {value!r}."
    if not any(weights.values()):
        return "At least one weight must be above 0: with no weight, nothing decides."
    return None


def _policy_names() -> list[str]:
    return _comparison(Assumptions()).names


def _name_problem(answer: object) -> str | None:
    if answer is None or answer is Ellipsis:
        return NO_ANSWER
    names = _policy_names()
    if not isinstance(answer, str) or answer.strip().lower() not in names:
        return f"Name one of the policies: {', '.join(map(repr, names))}; got {answer!r}."
    return None


def check_winner(weights: object, answer: object) -> Feedback:
    """Exercise 4: with your own ``weights``, which policy do you expect to win after five years?

    Any weights are accepted; the check says whether your prediction is what the model gives and
    why. A policy within :data:`~socialmath.policy.TIE_MARGIN` of the winner is tied with it and
    counts as right.

    >>> feedback = check_winner({"reciprocated": 1}, "cap at 1,000")
    >>> feedback.correct, feedback.message[:40]
    (True, 'Right. cap at 1,000 wins with 1.00 of a ')
    """
    problem = _weights_problem(weights) or _name_problem(answer)
    if problem:
        return Feedback(False, problem)
    decision = _comparison(Assumptions()).decide(weights)
    chosen = answer.strip().lower()
    tied = decision.tied
    if chosen in tied:
        extra = (f" {chosen.capitalize()} is within {TIE_MARGIN} of "
                 f"{', '.join(n for n in tied if n != chosen)}: a tie."
                 if len(tied) > 1 else "")
        return Feedback(True, f"Right. {decision.why()}{extra}")
    return Feedback(False, f"Not with these weights: {decision.why()} Your choice, {chosen}, "
                           f"scores {decision.totals[chosen]:.2f}. Look at the table of scores: "
                           f"where is it ahead, and how much do you weigh that?")


def check_weights_for(target: object, weights: object) -> Feedback:
    """Exercise 4, second part: find weights under which ``target`` wins outright. Any weights
    that make it win by :data:`~socialmath.policy.TIE_MARGIN` or more pass; a tie does not.

    >>> check_weights_for("curate by field", {"signal": 1}).correct
    True
    """
    problem = _name_problem(target) or _weights_problem(weights)
    if problem:
        return Feedback(False, problem)
    decision = _comparison(Assumptions()).decide(weights)
    chosen = target.strip().lower()
    if decision.tied == [chosen]:
        return Feedback(True, f"Yes: with these weights {decision.why()}")
    scores = decision.scores
    mine = scores.loc[chosen]
    dominant = [name for name in scores.index
                if name != chosen and (scores.loc[name] >= mine - 1e-12).all()]
    best = [CRITERIA[name].label for name, score in mine.items()
            if score >= scores[name].max() - 1e-12]
    others_best = {CRITERIA[name].label: [n for n in scores.index if n != chosen
                                          and scores.loc[n, name] >= mine[name] - 1e-12]
                   for name in mine.index}
    if chosen in decision.tied:
        start = f"Not yet, as a tie is not a win: {decision.why()}"
    else:
        start = f"Not yet: {decision.why()}"
    if dominant:
        hint = (f"{dominant[0]} does at least as well as {chosen} on every criterion here, so no "
                f"weights make {chosen} win outright: at best it ties. Try another policy, or "
                f"change an assumption (exercise 5).")
    elif best:
        shared = [f"{label} (shared with {', '.join(others_best[label])})" if others_best[label]
                  else label for label in best]
        hint = (f"{chosen} is the best policy on {', '.join(shared)}: weigh that more, and the "
                f"criteria where it is weak less.")
    else:
        hint = (f"{chosen} is not the best policy on any criterion here, so no weights may make "
                f"it win; try another policy.")
    return Feedback(False, f"{start} {hint}")


def check_flip(assumption: object, value: object, weights: object, answer: object) -> Feedback:
    """Exercises 5 and 6: change one assumption to ``value``; with your ``weights``, does the
    winner change (``answer`` True or False)? Any assumption and value in range are accepted.
    Policies within :data:`~socialmath.policy.TIE_MARGIN` are tied: when a tie is involved on
    either side and the two decisions share a policy at the top, both answers are accepted.

    >>> check_flip("genuine_share", 0.8, {"reach": 1}, False).correct
    True
    """
    problem = _weights_problem(weights, name="my_weights")
    if problem:
        return Feedback(False, problem)
    names = Assumptions.names()
    if not isinstance(assumption, str) or assumption not in names:
        return Feedback(False, f"Name one of the assumptions: {', '.join(names)}; "
                               f"got {assumption!r}.")
    try:
        changed = Assumptions().replace(**{assumption: value})
        after = _comparison(changed).decide(weights)
    except (TypeError, ValueError) as error:
        return Feedback(False, f"That value cannot be used: {error}.")
    if answer is None:
        return Feedback(False, NO_ANSWER)
    if not isinstance(answer, bool):
        return Feedback(False, "Answer True (the winner changes) or False (it does not), "
                               f"got {answer!r}.")
    before = _comparison(Assumptions()).decide(weights)
    default = getattr(Assumptions(), assumption)
    story = (f"With {assumption} = {default!r} (the chapter's value), {before.verdict} "
             f"({before.totals[before.winner]:.3f}); with {assumption} = {value!r}, "
             f"{after.verdict} ({after.totals[after.winner]:.3f}).")
    shared = set(before.tied) & set(after.tied)
    if shared and (len(before.tied) > 1 or len(after.tied) > 1):
        return Feedback(True, f"Either answer is defensible here. {story} A tie (totals within "
                              f"{TIE_MARGIN}) is involved and {', '.join(sorted(shared))} is at "
                              f"the top both times, so whether the winner changes is a matter "
                              f"of noise, not of this assumption.")
    flips = not shared
    if answer == flips:
        verdict = ("so the answer depends on this assumption: hold it up to whatever evidence "
                   "you have." if flips else
                   "so this answer does not hinge on that assumption at this value.")
        return Feedback(True, f"Right. {story} The winner {'changes' if flips else 'stays'}, "
                              f"{verdict}")
    return Feedback(False, f"Not quite. {story} Compare the two tables of scores.")


@lru_cache(maxsize=32)
def _comparison_capped(cap: int) -> PolicyComparison:
    return compare_policies(standard_policies(cap), CHAPTER_RUN["months"], Assumptions(),
                            CHAPTER_RUN["seed"])


def _order(decision, first: str, second: str) -> int:
    """1 if ``first`` is ahead of ``second``, -1 if behind, 0 within the tie margin."""
    gap = float(decision.totals[first] - decision.totals[second])
    return 0 if abs(gap) < TIE_MARGIN else (1 if gap > 0 else -1)


def check_third_policy(cap: object, weights: object, answer: object) -> Feedback:
    """Exercise 8: move only the cap policy from 1,000 to ``cap``. With your ``weights`` on the
    relative scale, does the order of "genuine only" and "curate by field" change (``answer`` True
    or False)? Their own measures stay the same; any cap from 1 to 30,000 is accepted.

    >>> check_third_policy(5000, {"reciprocated": 1, "weak_ties": 2, "signal": 3}, True).correct
    True
    """
    problem = _weights_problem(weights)
    if problem:
        return Feedback(False, problem)
    if cap is None or answer is None:
        return Feedback(False, NO_ANSWER)
    if isinstance(cap, bool) or not isinstance(cap, int) or not 1 <= cap <= PLATFORM_CAP:
        return Feedback(False, f"The cap must be a whole number of contacts from 1 to "
                               f"{PLATFORM_CAP:,}, got {cap!r}.")
    capped = _comparison_capped(cap)
    if not isinstance(answer, bool):
        return Feedback(False, f"Answer True (the order changes) or False (it does not), got "
                               f"{answer!r}.")
    first, second = "genuine only", "curate by field"
    words = {1: f"{first} ahead", -1: f"{second} ahead", 0: "a tie"}
    before, after = (comparison.decide(weights) for comparison in
                     (_comparison_capped(1000), capped))
    flips = _order(before, first, second) != _order(after, first, second)
    best_before, best_after = before.values.max(axis=0), after.values.max(axis=0)
    moved = [CRITERIA[name].label for name in CRITERIA
             if weights.get(name, 0) and abs(best_before[name] - best_after[name]) > 1e-12]
    why = (f"The best value moved on {', '.join(moved)}, and every relative score on it with it."
           if moved else "No best value you weigh moved, so no relative score moved either.")
    absolute = [comparison.decide(weights, scale="absolute") for comparison in
                (_comparison_capped(1000), capped)]
    steady = _order(absolute[0], first, second) == _order(absolute[1], first, second)
    story = (f"With the cap at 1,000: {first} {before.totals[first]:.3f}, {second} "
             f"{before.totals[second]:.3f} ({words[_order(before, first, second)]}). With the cap "
             f"at {cap:,}: {after.totals[first]:.3f} and {after.totals[second]:.3f} "
             f"({words[_order(after, first, second)]}). Their own measures did not change. {why}"
             f" On the absolute scale the order {'stays' if steady else 'changes too'}"
             f"{'' if steady else ', through the number of weak ties, which stays relative'}.")
    if answer == flips:
        return Feedback(True, f"Right. {story}")
    return Feedback(False, f"Not quite. {story}")


# --- the essay, claim by claim ------------------------------------------------------------------


#: Exercise 7: the statuses a learner may give claim 4, and what each one rests on.
CLAIM_FOUR_STATUS = {
    "V": (False, "Not with the table's rule. Rajkumar and colleagues (read first-hand) measured "
                 "job moves through direct ties with a moderate number of mutual connections. "
                 "They did not test a chain of a contact of a contact of a contact, and "
                 "Granovetter's argument was read only through notes (V2). A status is only as "
                 "strong as the weakest source the finding needs."),
    "V2": (True, "Defensible, and it is the table's rule: the finding needs Granovetter's "
                 "argument that weak ties bridge circles, read only through notes, beside "
                 "Rajkumar's experiments, read first-hand. Note what V2 does not say: nobody "
                 "tested the essay's chain of three contacts."),
    "U": (True, "Defensible too, if you judge the essay's mechanism itself: no source we read "
                "tested a chain of a contact of a contact of a contact leading to a job. "
                "Rajkumar's evidence concerns direct ties. The table gives V2 because it grades "
                "the sources the finding rests on, not the chain."),
}


def check_claim_status(answer: object) -> Feedback:
    """Exercise 7: which status ("V", "V2" or "U") does claim 4 deserve, given what Rajkumar and
    colleagues measured? V2 and U are both defensible, each for its reason; V is not.

    >>> check_claim_status("V2").correct, check_claim_status("V").correct
    (True, False)
    """
    if answer is None or answer is Ellipsis:
        return Feedback(False, NO_ANSWER)
    chosen = answer.strip().upper() if isinstance(answer, str) else None
    if chosen not in CLAIM_FOUR_STATUS:
        return Feedback(False, f"Answer with one of the statuses \"V\", \"V2\" or \"U\"; got "
                               f"{answer!r}.")
    correct, why = CLAIM_FOUR_STATUS[chosen]
    shown = essay_claims().loc[4, "status"]
    return Feedback(correct, f"{why} (The closing table gives claim 4 {shown}.)")
