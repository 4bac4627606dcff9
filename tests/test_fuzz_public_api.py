"""Every public function of the models, called with one bad argument at a time.

The functions are found, not listed: every function named in the ``__all__`` of each model module
(the model column of the chapter table in ``socialmath.__doc__``, plus the shared models in
``SHARED_MODELS``), and every public method of the classes named there (called on an object from
``INSTANCES``). Each is first called with valid arguments (its defaults, and examples from
``EXAMPLES``), then once per parameter and per bad value in ``BAD_VALUES`` with that one argument
replaced. Each call must return normally, or raise ``ValueError`` or ``TypeError`` whose message
names the parameter; never another exception, a ``MemoryError`` or a hang (each function has
``SECONDS_PER_FUNCTION`` for all its calls). A function that returns when given a NaN or an
infinity must not return a NaN for it, silently.

A chapter that adds a model module gets it fuzzed by adding its row to the chapter table. Its
functions need valid examples only for the parameters that have no default and no entry in
``EXAMPLES_BY_NAME`` (``graph``, ``contacts``, ``alpha``...): add them to ``EXAMPLES`` under
``"module.function"``, e.g. ``"branding.cascade_size": {"threshold": 0.2}`` (a value a call
could change, such as a graph, as ``Make(lambda: ...)``: made afresh for each call), and a way to
make an object of each class with public methods to ``INSTANCES``.
``test_every_function_has_valid_examples`` says which are missing.
"""

from __future__ import annotations

import importlib
import inspect
import math
import re
import warnings
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from functools import cache
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from test_package import chapter_rows

#: Model modules every chapter shares (not in the chapter table's model column).
SHARED_MODELS = ("graphs", "datasets")
#: Seconds all the calls of one function may take together: a hang fails the test.
SECONDS_PER_FUNCTION = 60


def model_modules() -> list[str]:
    """The model modules: the chapter table's model column, then the shared ones."""
    names = [modules[0] for _, modules in chapter_rows() if "." not in modules[0]]
    return sorted(set(names)) + [name for name in SHARED_MODELS if name not in names]


class Make:
    """A value made afresh for each call (a graph, an array, an Axes: things a call may change)."""

    def __init__(self, factory: Callable[[], object]):
        self.factory = factory

    def __call__(self) -> object:
        return self.factory()


@cache
def _power_law_fit():
    from socialmath.pareto import fit_power_law, sample_power_law

    return fit_power_law(sample_power_law(2.5, 1.0, 300, seed=1), max_candidates=20)


def _studies_csv() -> Path:
    from socialmath.datasets import _data_dir

    return Path(str(_data_dir().joinpath("small_world_studies.csv")))


def _studies():
    from socialmath.datasets import small_world_studies

    return small_world_studies()


#: A valid value for a parameter of this name, in any function that has no example of its own.
#: A value wrapped in ``Make`` is made afresh for each call.
EXAMPLES_BY_NAME: dict[str, object] = {
    "graph": Make(lambda: nx.cycle_graph(12)),
    "node": 0,
    "contacts": 100,
    "alpha": 1.5,
    "values": Make(lambda: np.array([1.0, 2, 3, 5, 8, 13, 21, 34, 55, 89])),
    "size": 50,
    "n": 20,
    "mean_degree": 4.0,
    "k": 4,
    "m": 2,
    "p": 0.1,
    "posts": 100,
    "silent_share": 0.8,
    "posts_per_active": 1.0,
    "their_contacts": 50,
    "fit": Make(_power_law_fit),
    "x_min": 1.0,
    "name": "small_world_studies",
    "path": Make(_studies_csv),
}

#: Valid examples for one function, by "module.function": they take precedence over the names.
EXAMPLES: dict[str, dict[str, object]] = {
    "graphs.from_edges": {"n": 4, "sources": Make(lambda: np.array([0, 1, 2])),
                          "targets": Make(lambda: np.array([1, 2, 3]))},
    "pareto.sample_power_law": {"alpha": 2.5, "size": 50},
    "pareto.fit_power_law": {"max_candidates": 20},
    "pareto.goodness_of_fit": {"bootstraps": 3, "max_candidates": 20},
    "pareto.fit_uncertainty": {"resamples": 3, "max_candidates": 20},
    "pareto.simulate_reactions": {"posts": 100},
    "pareto.pareto_profile": {"sample_size": 100, "repeats": 3},
    "pareto.lorenz_pareto": {"population": Make(lambda: np.linspace(0, 1, 11))},
    "separation.small_world_sweep": {"n": 40, "k": 4, "p": (0.1,)},
    "separation.random_graph_estimate": {"n": 1000.0},
    "separation.reach_estimate": {"population": 1e6},
    "separation.search_seconds": {"n_sources": 100, "n_edges": 1000},
    "attention.weekly_posts": {"contacts": 100},
    "attention.FeedLoad.hours_needed": {"contacts": Make(lambda: [10.0, 100.0])},
    "graphs.barabasi_albert": {"n": 30},
    "graphs.professional_network": {"n": 100},
    "pareto.PowerLawFit.survival": {"x": Make(lambda: _power_law_fit().x_min * np.arange(1, 4))},
    "pareto.PowerLawFit.lognormal_survival": {
        "x": Make(lambda: _power_law_fit().x_min * np.arange(1, 4))},
    "pareto.PowerLawFit.comparison": {"alternative": "lognormal"},
    "separation.DistanceDistribution.within": {"distance": 2},
    "datasets.studies_as_text": {"studies": Make(_studies)},
    "linkedin.size_exponent": {"sizes": Make(lambda: np.array([10.0, 20, 40, 80, 160])),
                               "gains": Make(lambda: np.array([1.0, 2, 4, 8, 16]))},
    "branding.cascade_by_loop": {"graph": Make(lambda: nx.cycle_graph(12)), "source": 0,
                                 "rng": Make(lambda: np.random.default_rng(1))},
    "branding.simulate_cascades": {"n_cascades": 20},
    "branding.degree_shares": {"k_max": 50},
    "branding.riot": {"thresholds": Make(lambda: np.arange(20))},
    "branding.structural_virality": {"tree": Make(lambda: nx.path_graph(4))},
    "branding.tail_exponent": {"preferential_share": 0.5},
    "branding.grow_network": {"n": 50, "snapshots": 5},
    "branding.clustered_and_random": {"n": 30},
    "branding.fit_degree_tail": {"graph": Make(lambda: nx.barabasi_albert_graph(300, 2, seed=1))},
    "branding.paradox_by_degree": {"graph": Make(lambda: nx.barabasi_albert_graph(30, 2, seed=1))},
    "branding.Cascades.share_reached": {"hops": 2},
    "branding.Cascades.share_of_reach_within": {"hops": 2},
    "branding.Cascades.share_ending_within": {"hops": 2},
    "branding.Cascades.share_of_cascades": {"at_most": 2},
    "branding.Contagion.rounds_to": {"share": 0.5},
    "advocacy.cascade_samples": {"samples": 5},
    "advocacy.cascade_curve": {"cascades": Make(lambda: _cascade_samples()),
                               "ambassadors": [0, 3]},
    "advocacy.cascade_reach": {"cascades": Make(lambda: _cascade_samples()),
                               "ambassadors": [0, 3]},
    "advocacy.choose_ambassadors": {"k": 2},
    "advocacy.best_ambassadors": {"k": 2},
    "advocacy.company": {"graph": Make(lambda: watts_strogatz_graph(40)), "employees": 5,
                         "followers": 10},
    "advocacy.concentration": {"top": 0.2},
    "advocacy.hold_claims": {"programme": Make(lambda: _programme())},
    "advocacy.independent_reach": {"contacts": Make(lambda: [100, 200]), "population": 10_000},
    "advocacy.simulate_independent_reach": {"contacts": Make(lambda: [100, 200]),
                                            "population": 10_000, "runs": 20},
    "advocacy.overlap": {"ambassadors": [0, 3]},
    "advocacy.reach_curve": {"ambassadors": [0, 3]},
    "advocacy.union_reach": {"ambassadors": [0, 3]},
    "advocacy.required_overlap": {"factor": 2.0, "followers": 1000, "summed_contacts": 5000},
    "advocacy.required_rate_ratio": {"factor": 2.0, "reach_ratio": 1.5},
    "advocacy.required_sharers_reach": {"share": 0.5, "followers": 1000},
    "advocacy.sharers_engagement_share": {"sharers_reach": 500, "followers": 1000},
    "policy.compare_policies": {"months": 6},
    "policy.simulate_policy": {"policy": Make(lambda: _policy().accept_genuine()), "months": 6},
    "policy.winner_by_assumption": {"name": "genuine_share", "values": (0.6, 0.9),
                                    "weights": Make(lambda: {"readable": 1, "reach": 1}),
                                    "months": 6},
    "policy.decide": {"summary": Make(lambda: _comparison().summary()),
                      "weights": Make(lambda: {"readable": 1, "reach": 1})},
    "policy.expected_acceptance": {"policy": Make(lambda: _policy().accept_genuine())},
    "policy.network_measures": {"in_field": 100, "out_of_field": 50},
    "policy.request_rate": {"genuine_contacts": 100},
    "policy.tie_strength_shares": {"mutual": Make(lambda: np.array([0, 1, 3, 5, 12]))},
    "policy.cap_at": {"size": 500},
    "policy.PolicyComparison.run": {"name": "accept everyone"},
    "policy.PolicyComparison.decide": {"weights": Make(lambda: {"readable": 1, "reach": 1})},
    "policy.PolicyRun.at": {"month": 3},
    "policy.Policy.accepts": {"genuine": Make(lambda: np.array([True, False, False])),
                              "in_field": Make(lambda: np.array([True, True, False])),
                              "detected": Make(lambda: np.array([False, True, False]))},
    "linkedin.synthetic_export": {"n": 60},
    "linkedin.salted_hash": {"value": "Ada Lovelace", "salt": "a salt"},
    "linkedin.anonymise_file": {"source": Make(lambda: _linkedin_sample()),
                                "target": Make(lambda: _scratch_file("anonymised.csv"))},
    "linkedin.anonymised_csv": {"connections": Make(lambda: _connections())},
    "linkedin.attachment_test": {"connections": Make(lambda: _connections())},
    "linkedin.attention_fit": {"connections": Make(lambda: _connections())},
    "linkedin.concentration": {"connections": Make(lambda: _connections())},
    "linkedin.describe_source": {"connections": Make(lambda: _connections())},
    "linkedin.export_csv": {"export": Make(lambda: _export())},
    "linkedin.growth": {"connections": Make(lambda: _connections())},
    "linkedin.role_family": {"positions": Make(lambda: ["Data Scientist", "Nurse", "CEO"])},
    "linkedin.snapshot": {"connections": Make(lambda: _connections()), "as_of": "2024-06-30"},
    "linkedin.Growth.date_reached": {"size": 100},
    "linkedin.read_connections": {"path": Make(lambda: _linkedin_sample())},
    "linkedin.check_storage": {"path": Make(lambda: _linkedin_sample())},
    "linkedin.fingerprint": {"path": Make(lambda: _linkedin_sample())},
}


def watts_strogatz_graph(n: int):
    from socialmath.graphs import watts_strogatz

    return watts_strogatz(n, 4, 0.1, seed=1)


@cache
def _cascade_samples():
    from socialmath.advocacy import cascade_samples

    return cascade_samples(nx.cycle_graph(12), 0.3, samples=5, seed=1)


def _programme():
    from socialmath.advocacy import Programme

    return Programme(followers=1000, summed_contacts=5000, unique_reach=4000, rate_ratio=2.0)


def _policy():
    from socialmath import policy

    return policy


def _branding():
    from socialmath import branding

    return branding


def _linkedin():
    from socialmath import linkedin

    return linkedin


@cache
def _comparison():
    from socialmath.policy import compare_policies

    return compare_policies(months=6, seed=1)


def _linkedin_sample() -> Path:
    from socialmath.linkedin import SAMPLE

    return SAMPLE


@cache
def _connections_once():
    from socialmath.linkedin import read_connections

    return read_connections(_linkedin_sample())


def _connections():
    return _connections_once().copy()


def _export():
    from socialmath.linkedin import synthetic_export

    return synthetic_export(60, seed=1)


def _scratch_file(name: str) -> Path:
    import tempfile

    return Path(tempfile.mkdtemp(prefix="socialmath-fuzz-")) / name


def _instances() -> dict[str, Callable[[], object]]:
    from socialmath.attention import feed_load, simulate_weekly_activity
    from socialmath.graphs import watts_strogatz
    from socialmath.separation import distance_distribution

    return {
        "attention.FeedLoad": lambda: feed_load(100),
        "attention.WeeklyActivity": lambda: simulate_weekly_activity(100, weeks=5),
        "pareto.PowerLawFit": _power_law_fit,  # frozen: the same one will do
        "separation.DistanceDistribution": lambda: distance_distribution(nx.cycle_graph(8)),
        "graphs.Graph": lambda: watts_strogatz(10, 2, 0.0),
        "branding.Cascades": lambda: _branding().simulate_cascades(
            nx.cycle_graph(12), 0.5, n_cascades=20, seed=1),
        "branding.Contagion": lambda: _branding().threshold_contagion(
            nx.circulant_graph(12, [1, 2]), 2),
        "branding.Funnel": lambda: _branding().reach_funnel(1000),
        "branding.Growth": lambda: _branding().grow_network(50, snapshots=5, seed=1),
        "branding.Reciprocation": lambda: _branding().reciprocation(),
        "linkedin.Growth": lambda: _linkedin().growth(_connections()),
        "policy.Assumptions": lambda: _policy().Assumptions(),
        "policy.Decision": lambda: _comparison().decide({"readable": 1, "reach": 1}),
        "policy.NetworkMeasures": lambda: _policy().network_measures(100, 50),
        "policy.Policy": lambda: _policy().accept_genuine(),
        "policy.PolicyComparison": _comparison,  # read only: the same one will do
        "policy.PolicyRun": lambda: _comparison().run("accept everyone"),
    }


#: An object of each class, by "module.Class", whose public methods are fuzzed too.
INSTANCES = _instances()

NAN, INF = math.nan, math.inf

#: One bad value of each kind: wrong type, not finite, negative, huge, tiny, zero, empty, bool.
BAD_VALUES: dict[str, object] = {
    "a string": "3",
    "None": None,
    "an object": object(),
    "NaN": NAN,
    "inf": INF,
    "-inf": -INF,
    "-1": -1,
    "-0.5": -0.5,
    "10**12": 10**12,
    "1e300": 1e300,
    "10**30": 10**30,
    "-10**12": -(10**12),
    "0": 0,
    "5e-324": 5e-324,
    "a numpy NaN": np.float64("nan"),
    "a numpy integer too large": np.int64(2**62),
    "True": True,
    "an empty list": [],
    "an empty array": np.array([]),
    "an empty string": "",
    "a list with a NaN": [1.0, NAN],
    "a list with an infinity": [1.0, INF],
    "a list with a negative": [1.0, -1.0],
    "a list of strings": ["a", "b"],
    "a 2-d array": np.ones((2, 2)),
    "a dict": {"a": 1},
}

#: Non-finite values: a function that accepts one must not hand a NaN back for it.
NON_FINITE = {"NaN", "inf", "-inf", "a numpy NaN"}


def public_functions() -> list[tuple[str, Callable]]:
    """("module.function", function) for every function in the models' ``__all__``, and
    ("module.Class.method", a function making the bound method) for the public methods of the
    classes there (``None`` in place of that function when ``INSTANCES`` has no object)."""
    found = []
    for module_name in model_modules():
        module = importlib.import_module(f"socialmath.{module_name}")
        for name in getattr(module, "__all__", []):
            value = getattr(module, name)
            if inspect.isfunction(value):
                found.append((f"{module_name}.{name}", value))
            elif inspect.isclass(value):
                make = INSTANCES.get(f"{module_name}.{name}")
                for method, member in vars(value).items():
                    if inspect.isfunction(member) and not method.startswith("_"):
                        found.append((f"{module_name}.{name}.{method}",
                                      _BoundMethod(make, method) if make else None))
    return found


class _BoundMethod:
    """The method ``name`` of a fresh object from ``make``, with the method's signature."""

    def __init__(self, make: Callable[[], object], name: str):
        self.make, self.name = make, name
        self.__signature__ = inspect.signature(getattr(make(), name))

    def __call__(self, *args, **kwargs):
        return getattr(self.make(), self.name)(*args, **kwargs)


def fresh(value: object) -> object:
    return value() if isinstance(value, Make) else value


def valid_arguments(key: str, function: Callable | None,
                    examples: dict[str, dict[str, object]] | None = None,
                    by_name: dict[str, object] | None = None) -> dict[str, object] | None:
    """Valid values for every parameter (``Make`` ones still to be made): the function's
    examples, its defaults, the examples by name; ``None`` when a parameter without a default has
    none (or a method has no object)."""
    if function is None:
        return None
    own = (EXAMPLES if examples is None else examples).get(key, {})
    names = EXAMPLES_BY_NAME if by_name is None else by_name
    arguments = {}
    for parameter in inspect.signature(function).parameters.values():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        if parameter.name in own:
            arguments[parameter.name] = own[parameter.name]
        elif parameter.default is not parameter.empty:
            arguments[parameter.name] = parameter.default
        elif parameter.name in names:
            arguments[parameter.name] = names[parameter.name]
        else:
            return None
    return arguments


def holds_nan(result: object, depth: int = 0) -> bool:
    """Whether a result (a number, an array, a tuple, a dict or a dataclass) holds a NaN."""
    if depth > 3:
        return False
    if isinstance(result, float | np.floating):
        return bool(np.isnan(result))
    if isinstance(result, np.ndarray):
        return result.dtype.kind in "fc" and bool(np.isnan(result).any())
    if isinstance(result, tuple | list):
        return any(holds_nan(item, depth + 1) for item in result)
    if isinstance(result, dict):
        return any(holds_nan(item, depth + 1) for item in result.values())
    if is_dataclass(result):
        return any(holds_nan(getattr(result, field.name), depth + 1) for field in fields(result))
    return False


def call_with_bad_values(key: str, function: Callable, valid: dict[str, object] | None,
                         bad_values: dict[str, object] | None = None) -> list[str]:
    """Call ``function`` once per parameter and bad value, the other arguments ``valid``; the
    problems found, in words."""
    assert valid is not None, f"{key}: no valid example for a parameter (or no object)"
    function(**{name: fresh(value) for name, value in valid.items()})  # the valid call works
    problems = []
    for parameter in valid:
        for label, bad in (BAD_VALUES if bad_values is None else bad_values).items():
            arguments = {name: fresh(value) for name, value in valid.items()}
            arguments[parameter] = bad
            call = f"{key}({parameter}={label})"
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("error")  # a warning is not an answer
                    result = function(**arguments)
            except (ValueError, TypeError) as error:
                # the name as a word: "low" inside "weak_low" is another parameter's name
                if not re.search(rf"(?<!\w){re.escape(parameter)}(?!\w)", str(error)):
                    problems.append(f"{call}: {type(error).__name__} does not name "
                                    f"{parameter!r}: {error}")
            except MemoryError:
                problems.append(f"{call}: MemoryError (estimate the size and refuse it first)")
            except Exception as error:  # noqa: BLE001 - any other exception is the finding
                problems.append(f"{call}: {type(error).__name__}: {error}")
            else:
                if label in NON_FINITE and holds_nan(result):
                    problems.append(f"{call}: returned a NaN for a non-finite argument")
    return problems


FUNCTIONS = public_functions()


def test_the_models_are_found():
    names = {key for key, _ in FUNCTIONS}
    assert {"attention", "pareto", "separation", "graphs", "datasets"} <= set(model_modules())
    assert {"attention.feed_load", "pareto.fit_power_law", "separation.distance_distribution",
            "graphs.erdos_renyi", "datasets.read_csv", "separation.DistanceDistribution.within",
            "graphs.Graph.neighbors"} <= names
    assert len(names) >= 55


def test_every_function_has_valid_examples():
    missing = [key for key, function in FUNCTIONS if valid_arguments(key, function) is None]
    assert not missing, ("add valid examples to EXAMPLES (or EXAMPLES_BY_NAME), or an object to "
                         "INSTANCES, for " + ", ".join(missing))
    unknown = sorted(set(EXAMPLES) - {key for key, _ in FUNCTIONS})
    assert not unknown, f"EXAMPLES lists functions that are not public: {unknown}"
    classes = {key.rsplit(".", 1)[0] for key, _ in FUNCTIONS}
    assert not set(INSTANCES) - classes, "INSTANCES lists classes without public methods"


@pytest.mark.timeout(SECONDS_PER_FUNCTION)
@pytest.mark.parametrize(("key", "function"), FUNCTIONS, ids=[key for key, _ in FUNCTIONS])
def test_valid_arguments_give_a_result(key, function):
    valid = valid_arguments(key, function)
    if valid is None:
        pytest.fail(f"{key}: add valid examples to EXAMPLES")
    function(**{name: fresh(value) for name, value in valid.items()})


@pytest.mark.timeout(SECONDS_PER_FUNCTION)
@pytest.mark.parametrize(("key", "function"), FUNCTIONS, ids=[key for key, _ in FUNCTIONS])
def test_one_bad_argument_gives_a_clear_error_or_a_result(key, function, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a bad path such as "3" names a file here, not in the project
    problems = call_with_bad_values(key, function, valid_arguments(key, function))
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)
