"""Input built to crash or hang the loader: each gets its own message, at once, no traceback."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from generator.core.load import MAX_ID, find_files, parse, read_file
from generator.core.problems import Problem
from tests.conftest import ORG, PROGRAM, ROOT, SITE_DATA, run, validate_lines

HEADER = b"# yaml-language-server: $schema=../../schema/listing.schema.json\n"
FLOW = ("nesting deeper than 12 levels; no field is nested this deep: check the brackets: each "
        "'[' or '{' needs its ']' or '}', and a list in a list is never needed")
BLOCK = "nesting deeper than 12 levels; no field is nested this deep: check the indentation"
TAB = "a tab is used here; YAML separates with spaces: write a space instead"
KEY = "a field name must be a plain word such as 'title'"

# 30,000 levels in 60 KB: libyaml's composer recursed once a level and the process died
DEEP = [
    ("brackets", b"title: " + b"[" * 30000, [(2, 19, FLOW)]),
    ("braces", b"title: " + b"{" * 30000, [(2, 9, KEY), (2, 19, FLOW)]),
    ("mixed", b"title: " + b"[{" * 15000, [(2, 10, KEY), (2, 19, FLOW)]),
    ("dashes", b"- " * 30000, [(2, 25, BLOCK)]),
    ("dashes-and-tabs", b"-\t" * 30000, [(2, 2, TAB)]),
    ("complex-keys", b"? " * 30000, [(2, 3, KEY), (2, 25, BLOCK)]),
    ("indentation", b"".join(b" " * i + b"k:\n" for i in range(300)), [(14, 13, BLOCK)]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in DEEP], ids=[c[0] for c in DEEP])
def test_deep_nesting_is_refused_with_its_place_not_a_crash(text, expected):
    code = ("import sys; from generator.core.load import parse; "
            "print(parse(sys.stdin.buffer.read(), 'x.yml')[1])")
    result = subprocess.run([sys.executable, "-c", code], input=HEADER + text,
                            capture_output=True, env={**os.environ, "PYTHONPATH": str(
                                ROOT)}, check=False, timeout=60)
    assert (result.returncode, result.stderr) == (0, b"")  # -11 was the segfault
    assert result.stdout.decode() == f"{[Problem('x.yml', *e) for e in expected]}\n"


def test_brackets_inside_quotes_do_not_refuse_a_file():
    doc, problems = parse(HEADER + b'title: "' + b"[" * 30000 + b'"\n', "x.yml")
    assert problems == []
    assert doc.data == {"title": "[" * 30000}


def test_a_file_nesting_just_past_the_limit_is_told_where():
    text = HEADER + b"a:\n" + b"".join(b"  " * i + b"- b:\n" for i in range(1, 12))
    assert parse(text, "x.yml")[1] == [Problem("x.yml", 8, 15, BLOCK)]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("where", ["program", "organization", "folder"])
def test_a_named_pipe_is_refused_at_once_and_not_opened(project, capsys, where):
    target = {"program": project / "orgs" / "bay-legal-aid" / "pipe.yml",
              "organization": project / ORG, "folder": project / "orgs" / "pipe-org"}[where]
    if where == "organization":
        target.unlink()
    os.mkfifo(target)
    # opening the pipe would wait for a writer for ever: the test would time out, not fail
    outcome: list = []
    worker = threading.Thread(target=lambda: outcome.append(validate_lines(project, capsys)),
                              daemon=True)
    worker.start()
    worker.join(timeout=30)
    if worker.is_alive():  # let the blocked open return, so the test process can end
        os.close(os.open(target, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("validate opened the named pipe and waited")
    code, lines = outcome[0]
    shown = target.relative_to(project).as_posix()
    assert (code, lines) == (1, [
        f"{shown}:1:1: this is a named pipe, not a plain file, and only plain files and folders "
        "are read under orgs/; delete it, and put the listing's .yml file here instead"])


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets here")
def test_a_socket_is_refused(project, capsys, tmp_path):
    target = project / "orgs" / "bay-legal-aid" / "s.yml"
    if len(str(target)) > 100:
        pytest.skip("path too long for a socket")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(target))
        code, lines = validate_lines(project, capsys)
    assert (code, lines) == (1, [
        "orgs/bay-legal-aid/s.yml:1:1: this is a socket, not a plain file, and only plain files "
        "and folders are read under orgs/; delete it, and put the listing's .yml file here "
        "instead"])


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_read_file_refuses_a_device_and_never_reads_it():
    assert read_file(Path("/dev/zero"), "orgs/a/b.yml")[1] == [Problem(
        "orgs/a/b.yml", 1, 1, "this is a device, not a plain file, and only plain files and "
        "folders are read under orgs/; delete it, and put the listing's .yml file here instead")]


def test_a_huge_file_is_refused_by_its_size_without_being_read(tmp_path):
    path = tmp_path / "big.yml"
    with path.open("wb") as handle:
        handle.truncate(10 * 1024 ** 3)  # sparse: 10 GB that take no room
    assert read_file(path, "orgs/a/big.yml")[1] == [Problem(
        "orgs/a/big.yml", 1, 1, "the file is 10,737,418,240 bytes, over the limit of 65,536; "
        "shorten the descriptions (a listing is a page, not a document)")]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_is_told_so(project, capsys):
    (project / PROGRAM).chmod(0)
    code, lines = validate_lines(project, capsys)
    assert (code, lines) == (1, [f"{PROGRAM}:1:1: the file cannot be read (permission denied); "
                                 "check that it is a plain file you may read (git checkout it "
                                 "again if need be)"])


def test_an_id_over_the_length_limit_is_refused_with_a_shorter_one(project, capsys):
    long_id = "-".join(["pro-bono-immigration-help"] * 3)  # 77 characters
    (project / PROGRAM).rename(project / "orgs" / "bay-legal-aid" / f"{long_id}.yml")
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert lines == [f"orgs/bay-legal-aid/{long_id}.yml:1:1: file name '{long_id}.yml' is 77 "
                     f"characters long, over the limit of {MAX_ID} for an id; rename it to "
                     "'pro-bono-immigration-help-pro-bono-immigration-help-pro-bono.yml' or "
                     "another short name"]


def test_an_id_of_exactly_the_limit_is_accepted(project):
    (project / PROGRAM).rename(project / "orgs" / "bay-legal-aid" / f"{'a' * MAX_ID}.yml")
    files, problems = find_files(project)
    assert problems == []
    assert sorted(f.id for f in files) == ["a" * MAX_ID, "bay-legal-aid"]


@pytest.mark.parametrize("what", ["folder", "file"])
def test_the_reserved_id_index_is_refused(project, capsys, what):
    if what == "folder":
        (project / "orgs" / "bay-legal-aid").rename(project / "orgs" / "index")
        shown, message = "orgs/index", "folder name 'index'"
    else:
        (project / PROGRAM).rename(project / "orgs" / "bay-legal-aid" / "index.yml")
        shown, message = "orgs/bay-legal-aid/index.yml", "file name 'index.yml'"
    code, lines = validate_lines(project, capsys)
    assert code == 1
    suggestion = "index-listing" + (".yml" if what == "file" else "")
    assert lines == [f"{shown}:1:1: {message} is reserved: the site's own page 'index' would be "
                     f"replaced by it; rename it to a name of its own, such as '{suggestion}'"]


# -- messages that say what the person did -------------------------------------------------------

LINE_BREAK = ("is here; YAML reads it as a line break but editors show none, so the file does not "
              "mean what it shows: delete it, or put a plain line break (Enter) in its place")


@pytest.mark.parametrize("char,name", [("\u2028", "U+2028 (LINE SEPARATOR)"),
                                       ("\u2029", "U+2029 (PARAGRAPH SEPARATOR)"),
                                       ("\x85", "U+0085 (NEXT LINE)"),
                                       ("\r", "U+000D (CARRIAGE RETURN)")])
def test_a_line_break_editors_do_not_show_is_named_on_its_own_line(project, capsys, char, name):
    # it used to move every later line one down ("5:1: could not find expected ':'"), or pass
    path = project / PROGRAM
    text = path.read_text(encoding="utf-8")
    text = text.replace("summary: Prepare", f"summary: Pre{char}pare").replace(
        "urgent: true", f"urgent: tr{char}ue")
    path.write_bytes(text.encode("utf-8"))
    code, lines = validate_lines(project, capsys)
    assert (code, lines) == (1, [f"{PROGRAM}:3:13: the character {name} {LINE_BREAK}",
                                 f"{PROGRAM}:9:11: the character {name} {LINE_BREAK}"])


def test_a_file_with_cr_line_endings_is_told_so(project, capsys):
    path = project / PROGRAM
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r"))
    code, lines = validate_lines(project, capsys)
    assert (code, lines) == (1, [
        f"{PROGRAM}:1:1: the file's lines end with a carriage return alone (CR, the old Mac OS "
        "ending), which git and GitHub show as one long line; save it with LF line endings "
        "(Unix) or CRLF (Windows)"])


def test_a_file_with_crlf_line_endings_is_fine(project, capsys):
    path = project / PROGRAM
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert validate_lines(project, capsys) == (
        0, ["ok: 1 organizations, 1 listings, no problems."])


@pytest.mark.parametrize("key,expected", [
    ("urg\u200bent", "unknown field 'urg<U+200B>ent': it holds the character U+200B (ZERO WIDTH "
     "SPACE), which editors do not show as they are; delete it, so the name reads 'urgent'"),
    ("urgent\u00a0\u2060", "unknown field 'urgent<U+00A0><U+2060>': it holds the characters "
     "U+00A0 (NO-BREAK SPACE) and U+2060 (WORD JOINER), which editors do not show as they are; "
     "delete them, so the name reads 'urgent'"),
    ("urgnet\u00ad", "unknown field 'urgnet<U+00AD>': it holds the character U+00AD (SOFT "
     "HYPHEN), which editors do not show as they are; delete it, and fix the name: did you mean "
     "'urgent'?"),
])
def test_an_invisible_character_in_a_field_name_is_shown_by_its_code(project, capsys, key,
                                                                     expected):
    path = project / PROGRAM
    path.write_text(path.read_text(encoding="utf-8").replace("urgent: true", f"{key}: true"),
                    encoding="utf-8")
    assert validate_lines(project, capsys) == (1, [f"{PROGRAM}:9:1: {expected}"])


def test_an_invisible_character_in_a_value_is_shown_in_the_fields_message(project, capsys):
    path = project / PROGRAM
    path.write_text(path.read_text(encoding="utf-8").replace("urgent: true", "urgent: tr\u200bue"),
                    encoding="utf-8")
    assert validate_lines(project, capsys) == (1, [
        f"{PROGRAM}:9:9: urgent: expected true or false, got 'tr<U+200B>ue'; write true or false, "
        "or leave the field out if nobody has said",
        f"{PROGRAM}:9:11: the invisible character U+200B (ZERO WIDTH SPACE) is not allowed here; "
        "delete it (it often comes with text pasted from another program)"])


TRAINING = "orgs/bay-legal-aid/t-visa-basics-training.yml"
NUMBERS = [
    ("capacity: 60", "capacity: \u0666\u0660", "26:11: capacity: expected a whole number written "
     "with the digits 0-9, got '\u0666\u0660' (Arabic-Indic digits); write 60"),
    ("capacity: 60", "capacity: 0x3C", "26:11: capacity: expected a whole number in ordinary "
     "decimal digits, got '0x3C' (hexadecimal); write 60"),
    ("capacity: 60", "capacity: 1_000", "26:11: capacity: expected a whole number written without "
     "separators, got '1_000'; write 1000"),
    ("capacity: 60", "capacity: 60 people", "26:11: capacity: expected a whole number alone, got "
     "'60 people'; write 60 (the field says what it counts)"),
    ("capacity: 60", "capacity: 0", "26:11: capacity: 0 is too small; the least this field takes "
     "is 1"),
    ("capacity: 60", "capacity: 1.5", "26:11: capacity: expected a whole number, got '1.5'; write "
     "a whole number such as 60"),
    ("hours: 1.5", "hours: \uff11.\uff15", "29:12: hours: expected a number written with the "
     "digits 0-9, got '\uff11.\uff15' (Fullwidth digits); write 1.5"),
    ("hours: 1.5", "hours: \u0661\u066b\u0665", "29:12: hours: expected a number written with "
     "the digits 0-9, got '\u0661\u066b\u0665' (Arabic-Indic digits); write 1.5"),
    ("hours: 1.5", "hours: 1,5", "29:12: hours: expected a number with a decimal point, got "
     "'1,5'; write 1.5"),
    ("hours: 1.5", "hours: 15e-1", "29:12: hours: expected a number written out, got '15e-1'; "
     "write 1.5"),
    ("hours: 1.5", "hours: -1.5", "29:12: hours: expected a number above zero, got '-1.5'; write "
     "it without the minus sign"),
    ("hours: 1.5", "hours: 1.3", "29:12: hours: 1.3 is not a multiple of 0.25; round it to 1.25 "
     "or 1.5"),
    ("hours: 1.5", "hours: .nan", "29:12: hours: expected a number such as 1.5, got '.nan'; "
     "write it with the digits 0-9"),
]


@pytest.mark.parametrize("old,new,expected", NUMBERS, ids=[n[1] for n in NUMBERS])
def test_a_number_written_another_way_gets_the_fields_message(tmp_path, capsys, old, new,
                                                              expected):
    shutil.copytree(SITE_DATA, tmp_path / "p")
    path = tmp_path / "p" / TRAINING
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert validate_lines(tmp_path / "p", capsys) == (1, [f"{TRAINING}:{expected}"])
