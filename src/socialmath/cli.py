"""The ``socialmath`` command.

    socialmath student [--source notebooks] [--out student] [--force]
    python -m socialmath student ...   (the same, without the installed script)

writes the student edition: every notebook without its folded solutions (see
``socialmath.editions``).

    socialmath anonymise IN OUT [--force] [--salt SALT]

reads a LinkedIn connections export (``Connections.csv`` or the export ``.zip``) and writes an
anonymised copy, without names, URLs or e-mails (see ``socialmath.linkedin``): what an instructor
collects from a class.
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
    _add_anonymise_parser(commands)
    return parser


def _add_anonymise_parser(commands) -> None:
    anonymise = commands.add_parser(
        "anonymise", help="copy a LinkedIn connections export without names, URLs or e-mails",
        description="Read a LinkedIn connections export (Connections.csv or the export .zip) "
                    "and write Company, Position and Connected On to OUT. Company, position and "
                    "date together can still point to a person: share OUT only with people "
                    "who may see your network.")
    anonymise.add_argument("source", metavar="IN", help="Connections.csv or the export .zip")
    anonymise.add_argument("target", metavar="OUT", help="the anonymised CSV file to write")
    anonymise.add_argument("--force", action="store_true", help="replace OUT if it exists")
    anonymise.add_argument("--salt", default=None,
                           help="add a Contact ID column: each contact's salted hash. The same "
                                "salt gives the same ID for the same person in every file, "
                                "so a class can count shared contacts; keep the salt secret")


def _run_anonymise(args: argparse.Namespace) -> int:
    from socialmath.linkedin import anonymise_file

    try:
        frame = anonymise_file(args.source, args.target, salt=args.salt or None,
                               overwrite=args.force)
    except FileExistsError as error:
        print(f"socialmath anonymise: {error}", file=sys.stderr)
        return 2
    except (ValueError, TypeError, OSError) as error:
        print(f"socialmath anonymise: {error}", file=sys.stderr)
        return 2
    dropped = "replaced by a salted Contact ID" if args.salt else "dropped"
    print(f"wrote {len(frame):,} connections to {args.target} (names, URLs and e-mails "
          f"{dropped}; {frame.attrs['blank_rows']} empty rows skipped)")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "anonymise":
        return _run_anonymise(args)
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
