"""Folder and file names, ids, and the checks that look across files."""

from __future__ import annotations

import shutil

from tests.conftest import ORG, PROGRAM, run


def test_program_id_must_be_unique_across_organizations(project, capsys):
    other = project / "orgs" / "second-org"
    other.mkdir()
    (other / "organization.yml").write_text((project / ORG).read_text().replace(
        "name: Bay Example Legal Aid", "name: Second Example Org").replace(
        "short_name: BELA", "short_name: SEO").replace(
        "website: https://example.org", "website: https://second.example.org"))
    shutil.copy(project / PROGRAM, other / "u-visa-petitions.yml")
    code, out, _ = run(project, "validate", capsys=capsys)
    assert code == 1
    assert out.splitlines() == [
        "orgs/second-org/u-visa-petitions.yml:1:1: the id 'u-visa-petitions' is already used by "
        "orgs/bay-legal-aid/u-visa-petitions.yml; rename this file (ids are unique across the "
        "directory)"]


def test_program_id_may_not_repeat_an_organization_id(project, capsys):
    shutil.copy(project / PROGRAM, project / "orgs" / "bay-legal-aid" / "bay-legal-aid.yml")
    code, out, _ = run(project, "validate", capsys=capsys)
    assert code == 1
    assert "the id 'bay-legal-aid' is already used by orgs/bay-legal-aid/organization.yml" in out


def test_program_without_organization_file(project, capsys):
    (project / ORG).unlink()
    code, out, _ = run(project, "validate", capsys=capsys)
    assert code == 1
    assert out.splitlines() == [
        "orgs/bay-legal-aid:1:1: this folder has no organization.yml; add one describing the "
        "organization (see CONTRIBUTING.md)"]


def test_bad_names_get_a_suggested_id(project, capsys):
    (project / "orgs" / "Bay Legal Aid").mkdir()
    shutil.copy(project / PROGRAM, project / "orgs" / "bay-legal-aid" / "U Visa.yml")
    shutil.copy(project / PROGRAM, project / "orgs" / "bay-legal-aid" / "extra.yaml")
    (project / "orgs" / "bay-legal-aid" / "notes.docx").write_bytes(b"x")
    code, out, _ = run(project, "validate", capsys=capsys)
    assert code == 1
    assert out.splitlines() == [
        "orgs/Bay Legal Aid:1:1: folder name 'Bay Legal Aid' is not a valid id; rename it to "
        "'bay-legal-aid' (lowercase letters, digits and hyphens)",
        "orgs/bay-legal-aid/U Visa.yml:1:1: file name 'U Visa.yml' is not a valid id; rename it "
        "to 'u-visa.yml'",
        "orgs/bay-legal-aid/extra.yaml:1:1: rename it to extra.yml (this directory uses the .yml "
        "ending)",
        "orgs/bay-legal-aid/notes.docx:1:1: only .yml files belong in an organization's folder; "
        "move or delete this file",
    ]


def test_open_program_needs_a_way_to_get_involved(project, capsys):
    org = project / ORG
    text = org.read_text()
    text = text.replace("website: https://example.org\n", "")
    text = text.replace("  email: probono@example.org\n", "")
    org.write_text(text)
    program = project / PROGRAM
    program.write_text(program.read_text().replace(
        "contact:\n  interest_form: https://example.org/interest\n", ""))
    code, out, _ = run(project, "validate", capsys=capsys)
    assert code == 1
    assert out.splitlines() == [
        f"{PROGRAM}:1:1: an open program must say how to get involved; add contact: with an "
        "email, phone, interest_form or website, or give the organization a pro_bono_contact "
        "or website"]
    program.write_text(program.read_text().replace("status: open", "status: closed"))
    assert run(project, "validate", capsys=capsys)[0] == 0


def test_oversize_empty_and_non_utf8_files(project, capsys):
    folder = project / "orgs" / "bay-legal-aid"
    (folder / "empty.yml").write_text("")
    (folder / "huge.yml").write_text("title: " + "x" * 70_000)
    (folder / "latin1.yml").write_bytes("title: caf\xe9\n".encode("latin-1"))
    code, out, _ = run(project, "validate", capsys=capsys)
    assert code == 1
    assert out.splitlines() == [
        "orgs/bay-legal-aid/empty.yml:1:1: the file is empty; copy the example in "
        "CONTRIBUTING.md and fill it in",
        "orgs/bay-legal-aid/huge.yml:1:1: the file is 70,007 bytes, over the limit of 65,536; "
        "shorten the descriptions (a listing is a page, not a document)",
        "orgs/bay-legal-aid/latin1.yml:1:11: byte 0xe9 is not UTF-8 text; save the file with the "
        "UTF-8 encoding",
    ]


def test_unicode_text_is_fine(project, capsys):
    program = project / PROGRAM
    program.write_text(program.read_text(encoding="utf-8").replace(
        "gather records", "gather records — 收集文件, reúnen documentos"), encoding="utf-8")
    assert run(project, "validate", capsys=capsys)[0] == 0
