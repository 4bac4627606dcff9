"""The explorers' browser twins hold the model's numbers: each twin's formulas (and the tables
the model computed for it), evaluated in Python at sampled control values, equal what the
explorer's model gives there; every control is bound under the explorer's own name, and each
specification is valid Vega-Lite of a reasonable weight.

The same twins in a real browser, sliders moved and numbers read back: tests/test_book_browser.py.
"""

import json
import math
from pathlib import Path

import pytest

import socialmath.twins.base
from socialmath.twins import TWINS, twin

pytest.importorskip("altair")
# The tables the book build computed are read back while the package's code is unchanged.
socialmath.twins.base.CACHE_DIR = Path(__file__).resolve().parents[1] / "_build" / "twin-tables"
#: Largest specification (formulas, tables and chart) a page may carry, in bytes.
MOST_BYTES = 400_000


@pytest.fixture(scope="module", params=sorted(TWINS))
def chosen(request):
    return twin(request.param)


def _close(actual, expected, tolerance):
    return abs(actual - expected) <= tolerance * max(1.0, abs(expected))


def test_formulas_give_the_model_numbers_at_sampled_positions(chosen):
    positions = chosen.positions(count=12, seed=3)
    assert len(positions) == 13
    for values in positions:
        twin_numbers = chosen.evaluate(values)
        model_numbers = chosen.numbers(values)
        assert model_numbers, chosen.name
        for key, expected in model_numbers.items():
            actual = twin_numbers[key]
            assert math.isfinite(actual), (chosen.name, values, key)
            assert _close(actual, expected, chosen.tolerance.get(key, 1e-9)), (
                f"{chosen.name} at {values}: {key} = {actual}, the model gives {expected}")


def test_controls_are_the_explorers_own(chosen):
    explorer = chosen.instance
    for control in chosen.inputs():
        widget = explorer.controls[control.name]
        assert control.label == widget.description
        if hasattr(widget, "options"):  # the option itself, or its position when a page
            options = [o[1] if isinstance(o, tuple) else o for o in widget.options]
            kept = chosen.only.get(control.name, control.options)
            assert len(control.options) == (len(options) if control.name not in chosen.only
                                            else len(kept))
            if control.name not in chosen.only:
                assert options[control.options.index(control.value)] == widget.value
            else:
                assert control.value == widget.value and set(kept) <= set(options)
        else:
            assert control.value == pytest.approx(widget.value)
        if control.kind == "range":
            assert (control.low, control.high) == (widget.min, widget.max)
            step = chosen.step.get(control.name, widget.step)
            assert control.step == step and round(step / widget.step, 9).is_integer()


def test_every_control_is_bound_under_its_name_and_every_formula_is_a_signal(chosen):
    spec = chosen.spec()
    params = {p["name"]: p for p in spec["params"]}
    for control in chosen.inputs():
        assert "bind" in params[control.bound], control.bound
        assert control.name in params
    for name in chosen.evaluate(chosen.values()):
        assert "expr" in params[name], name


def test_specification_is_valid_vega_lite_of_a_reasonable_weight(chosen):
    text = chosen.spec_json()  # Altair validates it against Vega-Lite's schema
    spec = json.loads(text)
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/v6")
    assert "http" not in text.replace(spec["$schema"], "")  # nothing to fetch
    assert len(text.encode()) < MOST_BYTES, f"{chosen.name}: {len(text):,} bytes"
    assert spec["description"]


def test_twin_is_unknown_for_an_explorer_without_one():
    with pytest.raises(ValueError, match="explorer must be one of"):
        twin("NoSuchExplorer")


def test_the_feed_twin_writes_the_covered_share_as_the_explorer_does():
    from socialmath.plots.attention import format_covered
    from socialmath.twins.attention import covered

    for share in (0.0, 0.004, 0.5, 0.63, 0.9949, 0.995, 0.9964, 0.9996, 0.99999, 1.0):
        assert covered(share) == format_covered(share), share
