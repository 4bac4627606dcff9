"""The set-up files agree: every dependency is pinned, and conda/Binder installs the same pins."""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
CONSTRAINTS = (ROOT / "requirements" / "constraints.txt").read_text(encoding="utf-8")
PINS = dict(re.findall(r"^([A-Za-z0-9_.\-]+)==(\S+)$", CONSTRAINTS, flags=re.MULTILINE))


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_names():
    project = PYPROJECT["project"]
    requirements = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        requirements += [r for r in extra if not r.startswith("socialmath")]
    return sorted({_normalise(re.split(r"[<>=!\[; ]", r, maxsplit=1)[0]) for r in requirements})


def test_every_dependency_of_every_extra_is_pinned():
    pinned = {_normalise(name) for name in PINS}
    missing = [name for name in _requirement_names() if name not in pinned]
    assert not missing, f"not pinned in requirements/constraints.txt (run make lock): {missing}"


def test_pins_satisfy_the_declared_ranges():
    from packaging.requirements import Requirement

    project = PYPROJECT["project"]
    requirements = list(project["dependencies"]) + [
        r for extra in project["optional-dependencies"].values() for r in extra
        if not r.startswith("socialmath")]
    pinned = {_normalise(name): version for name, version in PINS.items()}
    for text in requirements:
        requirement = Requirement(text)
        version = pinned[_normalise(requirement.name)]
        assert requirement.specifier.contains(version, prereleases=True), (text, version)


def test_conda_environment_installs_the_same_pins():
    environment = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    dependencies = environment["dependencies"]
    python = next(d for d in dependencies if isinstance(d, str) and d.startswith("python="))
    assert python == "python=3.11"
    assert PYPROJECT["project"]["requires-python"] == ">=3.11"  # the lock is made on 3.11
    pip = next(d["pip"] for d in dependencies if isinstance(d, dict) and "pip" in d)
    assert "-c requirements/constraints.txt" in pip
    assert any(line.startswith("-e .[") and "lab" in line for line in pip)


MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
TOOLS = {"playwright", "pytest", "nbval", "hypothesis", "ruff", "jupyter-book", "sphinx",
         "powerlaw", "pytest-xdist"}


def _closure(requirement: str) -> set[str]:
    """The installed distributions a requirement pulls in, transitively (markers honoured)."""
    from importlib import metadata

    from packaging.requirements import Requirement

    seen, todo = set(), [(Requirement(requirement), frozenset(Requirement(requirement).extras))]
    while todo:
        req, extras = todo.pop()
        name = _normalise(req.name)
        if (name, extras) in seen:
            continue
        seen.add((name, extras))
        for text in metadata.requires(req.name) or []:
            sub = Requirement(text)
            environments = [{"extra": e} for e in extras] or [{"extra": ""}]
            if sub.marker is None or any(sub.marker.evaluate(env) for env in environments):
                todo.append((sub, frozenset(sub.extras)))
    return {name for name, _ in seen}


def test_the_learner_install_is_the_course_without_the_test_and_book_tools():
    lab = re.search(r"^\$\(LAB_STAMP\):.*?(?=^\S)", MAKEFILE, flags=re.M | re.S).group(0)
    assert re.search(r'install -c \$\(CONSTRAINTS\) -e "\.\[lab\]"', lab)
    assert re.search(r"^lab: \$\(LAB_STAMP\)$", MAKEFILE, flags=re.M)
    course = _closure("socialmath[lab]")
    assert {"jupyterlab", "ipykernel", "numpy"} <= course
    assert not course & TOOLS, f"make lab would install test or book tools: {course & TOOLS}"
    assert {"playwright", "pytest", "jupyter-book"} <= _closure("socialmath[lab,dev,book]")


def test_pip_shows_its_progress():
    installs = [line for line in MAKEFILE.splitlines() if "$(PIP) install" in line
                or "pip install" in line]
    assert installs and not [line for line in installs if "--quiet" in line or " -q " in line]
