"""`socialmath anonymise IN OUT`: what an instructor runs on a class's exports."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from socialmath import linkedin
from socialmath.cli import main

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
EXPORT = ("\ufeffNotes:\n\"Some e-mail addresses may be missing.\"\n\n" + HEADER + "\n"
          "Zorya,Quellhaven,https://www.linkedin.com/in/zorya-q,zorya@mail.test,\"Acme, Inc.\","
          "Engineer,15 Mar 2024\n"
          ",,,,,,\n"
          "Odalys,Vantrekken,https://www.linkedin.com/in/odalys-v,,Globex,Founder,02 Jan 2023\n")
SECRETS = ("Zorya", "Quellhaven", "Odalys", "Vantrekken", "linkedin.com", "mail.test")


@pytest.fixture
def export(tmp_path) -> Path:
    path = tmp_path / "Connections.csv"
    path.write_text(EXPORT, encoding="utf-8")
    return path


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_anonymise_writes_a_copy_without_names_urls_or_emails(export, tmp_path, capsys):
    out = tmp_path / "anonymised.csv"
    assert main(["anonymise", str(export), str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text == ("Company,Position,Connected On\n"
                    "Globex,Founder,02 Jan 2023\n"
                    '"Acme, Inc.",Engineer,15 Mar 2024\n')
    assert not [secret for secret in SECRETS if secret in text]
    wrote, storage = capsys.readouterr().out.strip().splitlines()
    assert wrote == (f"wrote 2 connections to {out}, readable by you alone (names, URLs and "
                     "e-mails dropped; 1 empty rows skipped)")
    assert storage == linkedin.check_storage(out)
    assert out.stat().st_mode & 0o777 == 0o600
    assert linkedin.read_connections(out).equals(linkedin.read_connections(export))


def test_anonymise_reads_the_export_zip(export, tmp_path):
    archive = tmp_path / "Basic_LinkedInDataExport_01-01-2026.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.write(export, "Connections.csv")
    out = tmp_path / "out.csv"
    assert main(["anonymise", str(archive), str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("Company,Position,Connected On\n")


def test_a_salt_adds_stable_pseudonyms(export, tmp_path, monkeypatch):
    salt_file = tmp_path / "salt.txt"
    salt_file.write_text("class of 2026\n", encoding="utf-8")
    first, second, third = tmp_path / "a.csv", tmp_path / "b.csv", tmp_path / "c.csv"
    assert main(["anonymise", str(export), str(first), "--salt-file", str(salt_file)]) == 0
    monkeypatch.setenv("SOCIALMATH_SALT", "class of 2026")
    assert main(["anonymise", str(export), str(second)]) == 0
    monkeypatch.delenv("SOCIALMATH_SALT")
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "class of 2026")
    assert main(["anonymise", str(export), str(third), "--ask-salt"]) == 0
    text = first.read_text(encoding="utf-8")
    assert text.startswith("Contact ID,Company,Position,Connected On\n")
    assert text == second.read_text(encoding="utf-8") == third.read_text(encoding="utf-8")
    assert not [secret for secret in SECRETS if secret in text]


def test_the_salt_is_never_taken_on_the_command_line(export, tmp_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["anonymise", str(export), str(tmp_path / "a.csv"), "--salt", "class of 2026"])
    assert stopped.value.code == 2 and not (tmp_path / "a.csv").exists()
    assert "--salt-file" in capsys.readouterr().err


def test_an_empty_salt_is_refused_not_ignored(export, tmp_path, capsys, monkeypatch):
    empty = tmp_path / "salt.txt"
    empty.write_text("\n", encoding="utf-8")
    out = tmp_path / "a.csv"
    assert main(["anonymise", str(export), str(out), "--salt-file", str(empty)]) == 2
    assert "salt must not be empty" in one_line(capsys.readouterr().err)
    monkeypatch.setenv("SOCIALMATH_SALT", "")
    assert main(["anonymise", str(export), str(out)]) == 2
    assert "SOCIALMATH_SALT" in one_line(capsys.readouterr().err)
    assert not out.exists()


def test_re_anonymising_keeps_the_ids_and_says_so(export, tmp_path, capsys, monkeypatch):
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    monkeypatch.setenv("SOCIALMATH_SALT", "one")
    assert main(["anonymise", str(export), str(first)]) == 0
    monkeypatch.setenv("SOCIALMATH_SALT", "two")
    capsys.readouterr()
    assert main(["anonymise", str(first), str(second)]) == 0
    assert "already anonymised: its Contact IDs kept as they were" in capsys.readouterr().out
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")


def test_an_output_git_would_add_gets_a_warning(export, tmp_path, capsys):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    out = tmp_path / "my-network.csv"
    assert main(["anonymise", str(export), str(out)]) == 0
    assert "WARNING" in capsys.readouterr().out.splitlines()[1]


def test_an_existing_output_is_not_overwritten_without_force(export, tmp_path, capsys):
    out = tmp_path / "out.csv"
    out.write_text("keep me", encoding="utf-8")
    assert main(["anonymise", str(export), str(out)]) == 2
    message = one_line(capsys.readouterr().err)
    assert message == (f"socialmath anonymise: '{out}' exists; nothing was written (overwrite "
                       "it with --force)")
    assert out.read_text(encoding="utf-8") == "keep me"
    assert main(["anonymise", str(export), str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8").startswith("Company,")


def test_the_output_cannot_be_the_input(export, tmp_path, capsys, monkeypatch):
    before = export.read_bytes()
    monkeypatch.chdir(tmp_path)
    for target in (str(export), "Connections.csv", f"../{tmp_path.name}/Connections.csv"):
        assert main(["anonymise", str(export), target, "--force"]) == 2
        message = one_line(capsys.readouterr().err)
        assert "target must differ from source" in message and "Connections.csv" in message
    link = tmp_path / "link.csv"
    link.symlink_to(export)
    assert main(["anonymise", str(export), str(link), "--force"]) == 2
    assert "target must differ from source" in one_line(capsys.readouterr().err)
    assert export.read_bytes() == before


@pytest.mark.parametrize(("make", "expected"), [
    (lambda tmp: tmp / "missing.csv", "source must name an existing file, got '{}': no such"),
    (lambda tmp: tmp, "source must name a file, got '{}', a folder"),
])
def test_a_bad_input_gets_one_line_naming_it(tmp_path, capsys, make, expected):
    source = make(tmp_path)
    assert main(["anonymise", str(source), str(tmp_path / "out.csv")]) == 2
    assert expected.format(source) in one_line(capsys.readouterr().err)
    assert not (tmp_path / "out.csv").exists()


def test_a_malformed_export_names_its_line_and_writes_nothing(tmp_path, capsys):
    source = tmp_path / "Connections.csv"
    source.write_text(EXPORT.replace("02 Jan 2023", "32 Jan 2023"), encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["anonymise", str(source), str(out)]) == 2
    message = one_line(capsys.readouterr().err)
    assert message == (f"socialmath anonymise: {source}, line 7: 'Connected On' is "
                       "'32 Jan 2023', not a real date; expected a date like 15 Mar 2024")
    assert not out.exists() and not list(tmp_path.glob("*.partial"))


def test_an_output_in_a_missing_folder(export, tmp_path, capsys):
    out = tmp_path / "nowhere" / "out.csv"
    assert main(["anonymise", str(export), str(out)]) == 2
    assert "target must be in an existing folder" in one_line(capsys.readouterr().err)
    assert main(["anonymise", str(export), str(tmp_path)]) == 2
    assert "a folder" in one_line(capsys.readouterr().err)


def test_the_installed_command_runs(export, tmp_path):
    out = tmp_path / "out.csv"
    command = Path(sys.executable).with_name("socialmath")
    result = subprocess.run([str(command), "anonymise", str(export), str(out)],
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert result.returncode == 0, result.stderr
    assert out.exists() and "wrote 2 connections" in result.stdout
