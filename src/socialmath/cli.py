"""The ``socialmath`` command.

    socialmath student [--source notebooks] [--out student] [--force]
    python -m socialmath student ...   (the same, without the installed script)

writes the student edition: every notebook without its folded solutions (see
``socialmath.editions``).
"""

from __future__ import annotations

import argparse
import sys

from socialmath.editions import write_student_edition


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="socialmath", description="Tools for the socialmath course.")
    commands = parser.add_subparsers(dest="command", required=True)
    student = commands.add_parser(
        "student", help="write the student edition: the notebooks without their solutions")
    student.add_argument("--source", default="notebooks",
                         help="folder holding the NN-*.ipynb notebooks (default: notebooks)")
    student.add_argument("--out", default="student",
                         help="folder to write the edition into (default: student)")
    student.add_argument("--force", action="store_true",
                         help="replace notebooks already in the output folder")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "student":
        try:
            report = write_student_edition(args.source, args.out, overwrite=args.force)
        except FileExistsError as error:
            print(f"socialmath student: {error}.\nNothing was written. To replace them, run "
                  "again with --force (with make: make student FORCE=1).", file=sys.stderr)
            return 2
        except ValueError as error:
            print(f"socialmath student: {error}", file=sys.stderr)
            return 2
        except OSError as error:  # one line naming the path, never a traceback
            where = error.filename or args.out
            reason = error.strerror or str(error)
            print(f"socialmath student: cannot write {str(where)!r}: {reason}. Nothing was "
                  f"written.", file=sys.stderr)
            return 2
        print(f"wrote {len(report.notebooks)} notebooks to {args.out}/ "
              f"({report.solutions_removed} solutions removed)")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
