"""Self-checks for chapter 7, "Your own network".

Every check takes the learner's answer and the connections it is about (the bundled synthetic
sample when none are given), so the same exercises work on your own export. The expected answers
come from ``socialmath.linkedin``, never typed in by hand; the hints recognise the usual slips.

>>> from socialmath import linkedin
>>> pace = linkedin.growth(linkedin.read_connections(linkedin.SAMPLE)).recent_pace
>>> check_recent_pace(pace).correct
True
>>> print(check_recent_pace(pace * 12))
✘ Not yet: that is the total of the last 12 months; divide by 12 for a monthly pace.
"""

from __future__ import annotations

import pandas as pd

from socialmath import linkedin
from socialmath.attention import CAPACITY_DUNBAR_1993
from socialmath.exercises.feedback import NO_ANSWER, Feedback, check_number

VERDICTS = ("proportional", "steady", "undecided", "neither")
_ALIASES = {"proportional": "proportional", "proportional to size": "proportional",
            "pace proportional to size": "proportional", "steady": "steady",
            "steady pace": "steady", "constant": "steady", "undecided": "undecided",
            "cannot tell": "undecided", "can't tell": "undecided", "neither": "neither"}
#: Mechanism names, which the test cannot return: it names a pattern.
_MECHANISMS = {"preferential", "preferential attachment", "rich get richer", "uniform",
               "uniform attachment", "random"}
#: Answers to "does this show rich-get-richer?" that are not a plain yes or no.
_CANNOT_TELL = {"cannot tell", "can't tell", "undecided", "unknown", "no way to tell"}

#: The essay's claims that exercise 6 holds against your numbers.
ESSAY_CLAIMS = {
    "beyond_capacity": "Your network has grown past what you can keep up with (Dunbar's 147.8).",
    "feed_unreadable": "Under the essay's assumptions (80% silent, the others posting once a "
                       "week, 2 s a post), your feed takes more than 15 minutes a day.",
    "eighty_twenty": "The top 20% of the companies in your network hold about 80% of your "
                     "contacts (at least 75%).",
}


def _connections(connections: object) -> pd.DataFrame | Feedback:
    """The connections to check against, or a Feedback saying why they cannot be used."""
    if connections is None:
        return linkedin.read_connections(linkedin.SAMPLE)
    try:
        return linkedin._require_connections(connections)
    except (TypeError, ValueError) as error:
        return Feedback(False, f"These connections cannot be checked: {error}")


def check_recent_pace(answer: object, connections: pd.DataFrame | None = None) -> Feedback:
    """Exercise 1: new connections a month, on average over the last 12 months."""
    frame = _connections(connections)
    if isinstance(frame, Feedback):
        return frame
    history = linkedin.growth(frame)
    whole = history.total / history.months.size
    slips = [
        (lambda x: x * history.window, f"that is the total of the last {history.window} months; "
                                       f"divide by {history.window} for a monthly pace."),
        (lambda x: whole, "that is the mean over the whole history; the question asks for the "
                          "last 12 months only."),
        (lambda x: history.total / 12, "that is your whole network divided by 12; count only "
                                       "the connections of the last 12 months."),
    ]
    calendar = float(history.per_month[-history.window:].mean())
    if abs(calendar - history.recent_pace) > 0.01 * history.recent_pace:
        slips.append((lambda x: calendar, "that averages the last 12 calendar months, and the "
                                          "last one is only partly over; count the 12 months up "
                                          "to the last date instead (history.recent_pace)."))
    return check_number(answer, history.recent_pace, name="new connections a month",
                        rel_tol=0.01, slips=slips)


def check_years_to_cap(answer: object, connections: pd.DataFrame | None = None) -> Feedback:
    """Exercise 2: years to reach LinkedIn's cap of 30,000 at the recent pace (finite: the
    history ends with a connection, so the recent pace is never zero)."""
    frame = _connections(connections)
    if isinstance(frame, Feedback):
        return frame
    history = linkedin.growth(frame)
    slips = [
        (lambda x: history.months_to_cap, "that is in months; divide by 12 for years."),
        (lambda x: history.cap / history.recent_pace / 12,
         "that counts the whole cap; subtract the connections you already have."),
        (lambda x: (history.cap - history.total) / history.recent_pace / 52,
         "that divides months by 52; there are 12 months in a year."),
    ]
    return check_number(answer, history.years_to_cap, name="years", rel_tol=0.02, slips=slips)


def check_company_top_share(answer: object, connections: pd.DataFrame | None = None
                            ) -> Feedback:
    """Exercise 3: share of contacts (with a company) in the top 20% of companies."""
    frame = _connections(connections)
    if isinstance(frame, Feedback):
        return frame
    result = linkedin.concentration(frame, "company")
    with_missing = result.top_share * result.contacts / (result.contacts + result.missing)
    slips = [
        (lambda x: x * 100, "that is a percentage; the question asks for a share (0 to 1)."),
        (lambda x: 1 - x, "that is the share held by the other 80% of companies."),
        (lambda x: result.largest_share, "that is the largest company alone; take the top 20% "
                                         "of companies together."),
        (lambda x: with_missing, "that divides by every contact; leave out the contacts with no "
                                 "company, as pareto.top_share does on the company sizes."),
    ]
    return check_number(answer, result.top_share, name="share of contacts", rel_tol=0.02,
                        abs_tol=0.005, slips=slips)


def check_share_within_capacity(answer: object, connections: pd.DataFrame | None = None
                                ) -> Feedback:
    """Exercise 4: share of your network that Dunbar's 147.8 covers."""
    frame = _connections(connections)
    if isinstance(frame, Feedback):
        return frame
    fit = linkedin.attention_fit(frame)
    contacts = fit.contacts
    slips = [
        (lambda x: x * 100, "that is a percentage; the question asks for a share (0 to 1)."),
        (lambda x: contacts / CAPACITY_DUNBAR_1993.estimate,
         "that is how many times your network exceeds the capacity; divide the other way."),
        (lambda x: max(0.0, 1 - x), "that is the share beyond the capacity."),
    ]
    # Two decimals, rounded or cut short (0.197 read as 0.19), are accepted.
    return check_number(answer, fit.share_within_capacity, name="share of the network",
                        rel_tol=0.02, abs_tol=0.01, slips=slips)


def _normalise(answer: str) -> str:
    return " ".join(answer.strip().lower().replace("-", " ").replace("’", "'").split())


def _attachment(frame: pd.DataFrame) -> linkedin.AttachmentTest | Feedback:
    try:
        return linkedin.attachment_test(frame)
    except ValueError as error:
        return Feedback(False, f"This network is too young to judge: {error}.")


def _numbers(test: linkedin.AttachmentTest) -> str:
    return (f"R = {test.log_likelihood_ratio:,.1f}, p = {test.p_value:.2g}, beta = "
            f"{test.beta:.2f} (95% interval {test.beta_low:.2f} to {test.beta_high:.2f}) over "
            f"{test.months} months")


def check_attachment_judgement(answer: object, connections: pd.DataFrame | None = None
                               ) -> Feedback:
    """Exercise 5a: which pattern fits the network's monthly gains: "proportional" (the pace
    grows with the size), "steady", "undecided" (p-value at or above 0.1) or "neither" (beta's
    whole interval below 0: the pace falls as the network grows)?

    Accepts the test's verdict; when the test is undecided, accepts a lean the ratio supports.
    """
    if answer is None or answer is Ellipsis:
        return Feedback(False, NO_ANSWER)
    if not isinstance(answer, str):
        return Feedback(False, f"Expected one of {', '.join(map(repr, VERDICTS))}, "
                               f"got {answer!r}.")
    text = _normalise(answer)
    frame = _connections(connections)
    if isinstance(frame, Feedback):
        return frame
    if text in _MECHANISMS:
        return Feedback(False, "Not yet: the test names a pattern, not a mechanism. Answer "
                               "'proportional', 'steady', 'undecided' or 'neither'; part b asks "
                               "about the mechanism.")
    choice = _ALIASES.get(text)
    if choice is None:
        return Feedback(False, f"Expected one of {', '.join(map(repr, VERDICTS))}, "
                               f"got {answer!r}.")
    test = _attachment(frame)
    if isinstance(test, Feedback):
        return test
    numbers = _numbers(test)
    if choice == test.verdict:
        return Feedback(True, f"Correct: {numbers}.")
    leaning = "proportional" if test.log_likelihood_ratio > 0 else "steady"
    if test.verdict == "undecided":
        if choice == leaning:
            return Feedback(True, f"Defensible as a lean: R points to {leaning} ({numbers}), "
                                  "but a p-value this high means the data cannot decide.")
        return Feedback(False, f"Not yet: the ratio leans to {leaning}, if anything ({numbers}); "
                               "with a p-value this high, 'undecided' is the safe answer.")
    if test.verdict == "neither":
        return Feedback(False, f"Not yet: {numbers}. Beta's whole interval is below 0: the pace "
                               "falls as the network grows, which neither model allows.")
    if choice == "neither":
        return Feedback(False, f"Not yet: {numbers}. 'Neither' needs beta's whole interval "
                               "below 0, a pace that falls as the network grows.")
    if choice == "undecided":
        return Feedback(False, f"Not yet: {numbers}. A p-value below 0.1 means the sign of R "
                               "would arise by chance less than 10% of the time if both models "
                               "fitted equally well, so the comparison does decide here.")
    return Feedback(False, f"Not yet: {numbers}. A positive R favours the pace proportional to "
                           "size, a negative one the steady pace.")


def check_rich_get_richer(answer: object, connections: pd.DataFrame | None = None
                          ) -> Feedback:
    """Exercise 5b: does the test show that the network grew by preferential attachment (the
    rich getting richer)? ``True``, ``False`` or ``"cannot tell"``.

    No verdict shows it: the same mechanism gives a proportional pace on a platform growing by a
    steady percentage and a falling pace on one gaining a steady number of members, and a career
    in which you use LinkedIn more gives a proportional pace without it. So False and "cannot
    tell" are right, with that reason; True is not.
    """
    if answer is None or answer is Ellipsis:
        return Feedback(False, NO_ANSWER)
    if isinstance(answer, str) and _normalise(answer) in _CANNOT_TELL:
        choice: object = "cannot tell"
    elif isinstance(answer, bool):
        choice = answer
    else:
        return Feedback(False, f"Expected True, False or 'cannot tell', got {answer!r}.")
    frame = _connections(connections)
    if isinstance(frame, Feedback):
        return frame
    test = _attachment(frame)
    if isinstance(test, Feedback):
        return test
    reason = ("Under chapter 4's preferential attachment, a member's pace grows in proportion "
              "to their size only if the platform grows by a steady percentage; with a steady "
              "number of newcomers it falls as they grow. And using LinkedIn more as a career "
              "goes on makes the pace grow with the size without any rich-get-richer rule.")
    pattern = {"proportional": "the pace grows with the size",
               "steady": "the pace does not grow with the size",
               "undecided": "the comparison cannot decide",
               "neither": "the pace falls as the network grows"}[test.verdict]
    if choice is True:
        return Feedback(False, f"Not yet: here {pattern} ({_numbers(test)}), a pattern, not a "
                               f"mechanism. {reason}")
    word = "Right" if choice is False else "Right, you cannot tell"
    return Feedback(True, f"{word}: here {pattern} ({_numbers(test)}). {reason}")


def claim_facts(connections: pd.DataFrame | None = None) -> dict[str, tuple[bool, bool, str]]:
    """For each of ``ESSAY_CLAIMS``: whether it holds for these connections, whether the opposite
    answer is defensible too (the number is within the claim's own uncertainty), and why.

    >>> sorted(claim_facts())
    ['beyond_capacity', 'eighty_twenty', 'feed_unreadable']
    """
    frame = linkedin.read_connections(linkedin.SAMPLE) if connections is None else connections
    fit = linkedin.attention_fit(frame)
    capacity = CAPACITY_DUNBAR_1993
    contacts = fit.contacts
    minutes = fit.feed.minutes_per_day_needed
    company = linkedin.concentration(frame, "company").top_share
    return {
        "beyond_capacity": (
            contacts > capacity.estimate, capacity.low <= contacts <= capacity.high,
            f"you have {contacts:,} contacts; Dunbar's estimate is {capacity.estimate:g} "
            f"(interval {capacity.low:g}-{capacity.high:g})"),
        "feed_unreadable": (
            minutes > 15.0, 12.0 <= minutes <= 18.75,
            f"your feed needs about {minutes:,.1f} minutes a day against 15"),
        "eighty_twenty": (
            company >= 0.75, 0.65 <= company <= 0.85,
            f"the top 20% of your companies hold {company:.0%} of your contacts"),
    }


def check_essay_claims(answer: object, connections: pd.DataFrame | None = None) -> Feedback:
    """Exercise 6: for each of ``ESSAY_CLAIMS``, True if it holds for your network, else False.

    A claim whose number falls within its own uncertainty (Dunbar's interval, a 25% margin on
    the reading time, 65-85% for 80/20) accepts either answer, and says why.
    """
    if answer is None or answer is Ellipsis:
        return Feedback(False, NO_ANSWER)
    if not isinstance(answer, dict):
        return Feedback(False, f"Expected a dict such as {{'beyond_capacity': True, ...}}, got "
                               f"{answer!r}.")
    missing = [key for key in ESSAY_CLAIMS if key not in answer]
    unknown = [key for key in answer if key not in ESSAY_CLAIMS]
    if missing or unknown:
        return Feedback(False, f"Expected exactly the keys {list(ESSAY_CLAIMS)}; missing "
                               f"{missing}, unknown {unknown}.")
    wrong_type = [key for key, value in answer.items() if not isinstance(value, bool)]
    if wrong_type:
        return Feedback(False, f"Answer True or False for each claim; got something else for "
                               f"{wrong_type}.")
    frame = _connections(connections)
    if isinstance(frame, Feedback):
        return frame
    lines, all_right = [], True
    for key, (holds, borderline, why) in claim_facts(frame).items():
        if answer[key] == holds:
            lines.append(f"{key}: right, {why}.")
        elif borderline:
            lines.append(f"{key}: defensible, {why}, within the claim's own uncertainty.")
        else:
            all_right = False
            lines.append(f"{key}: not yet, {why}.")
    head = "Correct. " if all_right else "Not yet. "
    return Feedback(all_right, head + " ".join(lines))
