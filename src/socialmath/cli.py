"""The ``socialmath`` command.

    socialmath student [--source notebooks] [--out student] [--force]
    python -m socialmath student ...   (the same, without the installed script)

writes the student edition: every notebook without its folded solutions (see
``socialmath.editions``).

    socialmath anonymise IN OUT [--force] [--salt-file FILE | --ask-salt]

reads a LinkedIn connections export (``Connections.csv`` or the export ``.zip``) and writes an
anonymised copy, without names, URLs or e-mails (see ``socialmath.linkedin``): what an instructor
collects from a class. The salt of the optional Contact ID column is read from a file, a prompt
or the ``SOCIALMATH_SALT`` environment variable, never from the command line (which shell
history and ``ps`` would show).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

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
        "anonymise", allow_abbrev=False,
        help="copy a LinkedIn connections export without names, URLs or e-mails",
        description="Read a LinkedIn connections export (Connections.csv or the export .zip) "
                    "and write Company, Position and Connected On to OUT. Company, position and "
                    "date together can still point to a person: share OUT only with people "
                    "who may see your network.")
    anonymise.add_argument("source", metavar="IN", help="Connections.csv or the export .zip")
    anonymise.add_argument("target", metavar="OUT", help="the anonymised CSV file to write")
    anonymise.add_argument("--force", action="store_true", help="replace OUT if it exists")
    salt = anonymise.add_mutually_exclusive_group()
    salt.add_argument("--salt-file", metavar="FILE", default=None,
                      help="add a Contact ID column, each contact's salted hash, with the salt "
                           "read from FILE (its first line). The same salt gives the same ID "
                           "for the same person in every file. Whoever receives the files must "
                           "not hold the salt: with it, they can hash a guessed profile address "
                           "and find the person")
    salt.add_argument("--ask-salt", action="store_true",
                      help="the same, with the salt typed at a prompt (not echoed)")
    anonymise.add_argument("--salt", action=_RefuseSalt, help=argparse.SUPPRESS)
    anonymise.epilog = (f"The salt can also come from the {SALT_VARIABLE} environment variable. "
                        "It is never taken on the command line, where shell history and ps "
                        "would show it.")


#: The environment variable that can hold the salt of ``socialmath anonymise``.
SALT_VARIABLE = "SOCIALMATH_SALT"


class _RefuseSalt(argparse.Action):
    """``--salt VALUE`` would leave the salt in shell history and ``ps``: refuse it and say what
    to use instead."""

    def __call__(self, parser, namespace, values, option_string=None):
        parser.error(f"--salt is not accepted: the command line shows in shell history and ps. "
                     f"Put the salt in a file (--salt-file FILE), type it (--ask-salt), or set "
                     f"{SALT_VARIABLE}")


def _salt(args: argparse.Namespace) -> str | None:
    """The salt from --salt-file, --ask-salt or the environment; None without one. An empty salt
    is refused (ValueError), not ignored."""
    if args.salt_file is not None:
        lines = Path(args.salt_file).expanduser().read_text(encoding="utf-8").splitlines()
        value = lines[0].strip() if lines else ""
        where = f"the salt file '{args.salt_file}'"
    elif args.ask_salt:
        value = getpass.getpass("Salt (not shown): ")
        where = "the prompt"
    elif SALT_VARIABLE in os.environ:
        value = os.environ[SALT_VARIABLE]
        where = f"the {SALT_VARIABLE} environment variable"
    else:
        return None
    if not value:
        raise ValueError(f"the salt must not be empty, got an empty one from {where}")
    return value


def _run_anonymise(args: argparse.Namespace) -> int:
    from socialmath.linkedin import anonymise_file, check_storage

    try:
        salt = _salt(args)
        frame = anonymise_file(args.source, args.target, salt=salt, overwrite=args.force)
    except FileExistsError as error:
        print(f"socialmath anonymise: {error}", file=sys.stderr)
        return 2
    except (ValueError, TypeError, OSError) as error:
        print(f"socialmath anonymise: {error}", file=sys.stderr)
        return 2
    if frame.attrs.get("format") == "anonymised":
        ids = ("its Contact IDs kept as they were (the salt given now is not used)"
               if "contact" in frame.columns and salt else
               "its Contact IDs kept" if "contact" in frame.columns else "no Contact IDs")
        what = f"the file was already anonymised: {ids}"
    else:
        what = ("names, URLs and e-mails replaced by a salted Contact ID" if salt
                else "names, URLs and e-mails dropped")
        scrubbed = frame.attrs.get("scrubbed", 0)
        if scrubbed:
            what += (f"; {scrubbed} company or position fields held a name or contact details "
                     "and were masked")
    print(f"wrote {len(frame):,} connections to {args.target}, readable by you alone ({what}; "
          f"{frame.attrs['blank_rows']} empty rows skipped)")
    print(check_storage(args.target))
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
