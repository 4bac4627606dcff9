"""The learner's working copy of the course: `make lab` serves it, so running cells never touches
the tracked notebooks.

    python scripts/workcopy.py [--source notebooks] [--dest my-notebooks] [--take NAME ...]

copies every notebook of ``source`` (and any data file beside them; not the ``.md`` sources nor
jupytext's configuration) into ``dest``, an ignored folder, and records what it copied (a SHA-256
per file) in ``dest/.course-copy.json``. Run again, it brings a file up to the course's current
version only when the learner has not changed it since it was copied. A file the learner changed
is never overwritten: the script says that a newer version exists, and ``--take NAME`` takes it,
after moving the learner's file aside to ``NAME.yours-N.ipynb`` (nothing is ever deleted).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".course-copy.json"
SKIPPED_NAMES = {"jupytext.toml", "__pycache__", ".ipynb_checkpoints"}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def course_files(source: Path) -> list[Path]:
    """Files of ``source`` that belong in a working copy, relative to ``source``."""
    files = []
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if not path.is_file() or any(p.startswith(".") or p in SKIPPED_NAMES
                                     for p in relative.parts):
            continue
        if path.suffix == ".md" and path.with_suffix(".ipynb").exists():
            continue  # the paired MyST source: the working copy is the notebook itself
        files.append(relative)
    return files


@dataclass
class Report:
    copied: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # changed by the learner, newer course version
    taken: list[tuple[str, str]] = field(default_factory=list)  # (name, where theirs went)


def _aside(path: Path) -> Path:
    n = 1
    while (target := path.with_name(f"{path.stem}.yours-{n}{path.suffix}")).exists():
        n += 1
    return target


def sync(source: Path, dest: Path, take: tuple[str, ...] = ()) -> Report:
    """Bring ``dest`` up to date with ``source`` without losing a learner's change."""
    source, dest = Path(source), Path(dest)
    if not source.is_dir():
        raise ValueError(f"source must be a folder of notebooks, got {str(source)!r}")
    dest.mkdir(parents=True, exist_ok=True)
    manifest_path = dest / MANIFEST
    recorded = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    report = Report()
    for relative in course_files(source):
        name = relative.as_posix()
        origin, target = source / relative, dest / relative
        course = _sha256(origin)
        if not target.exists():
            report.copied.append(name)
        elif (current := _sha256(target)) == course:
            recorded[name] = course
            continue
        elif current == recorded.get(name):
            report.updated.append(name)  # untouched since we copied it: safe to refresh
        elif name in take or relative.name in take or relative.stem in take:
            aside = _aside(target)
            target.rename(aside)
            report.taken.append((name, aside.name))
        else:
            if recorded.get(name) != course:
                report.kept.append(name)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(origin, target)
        recorded[name] = course
    manifest_path.write_text(json.dumps(recorded, indent=1, sort_keys=True) + "\n")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=Path("notebooks"))
    parser.add_argument("--dest", type=Path, default=Path("my-notebooks"))
    parser.add_argument("--take", nargs="*", default=[],
                        help="take the course's version of these notebooks (yours is moved aside)")
    args = parser.parse_args(argv)
    try:
        report = sync(args.source, args.dest, tuple(args.take))
    except ValueError as error:
        print(f"workcopy: {error}", file=sys.stderr)
        return 2
    where = args.dest.as_posix().rstrip("/") + "/"
    if report.copied:
        print(f"Your working copy is {where}: copied {len(report.copied)} file(s) there.")
    for name in report.updated:
        print(f"Updated {where}{name} to the course's current version (you had not changed it).")
    for name, aside in report.taken:
        print(f"Took the course's version of {where}{name}; yours is now {where}{aside}.")
    for name in report.kept:
        print(f"Kept your changed {where}{name}. The course has a newer version: to take it "
              f"(yours is moved aside, not deleted), run: make lab TAKE={Path(name).stem}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
