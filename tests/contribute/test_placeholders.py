"""`check-setup`: the deploy job publishes nothing while a maintainer's stand-in is still set."""

from __future__ import annotations

import re
import shutil

import yaml

from generator.contribute import placeholders
from tests.conftest import ROOT, run

REPORT = "corrections@probono-directory.example"
TEAM = "@probono-directory/maintainers"


def copy_settings(tmp_path, report: str = REPORT, team: str = TEAM):
    (tmp_path / ".github").mkdir()
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"report_email: \S+", f"report_email: {report}", config)
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    owners = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    owners = re.sub(r"^(\S+\s+)@\S+$", rf"\g<1>{team}", owners, flags=re.M)
    (tmp_path / ".github" / "CODEOWNERS").write_text(owners, encoding="utf-8")
    return tmp_path


def test_every_stand_in_is_named_with_its_line_and_the_fix(tmp_path, capsys):
    code, out, err = run(copy_settings(tmp_path), "check-setup", capsys=capsys)
    assert code == 1
    lines = out.splitlines()
    config = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(config, 1) if text.strip().startswith("report_email"))
    assert lines[0].startswith(
        f"mkdocs.yml:{line}:17: extra.report_email: 'corrections@probono-directory.example' is the "
        "project's stand-in; set it to the inbox where people report a wrong or stale listing")
    owners = [line for line in lines if line.startswith(".github/CODEOWNERS:")]
    assert len(owners) == 2
    assert owners[0].endswith(": code owner: '@probono-directory/maintainers' is the project's "
                              "stand-in; replace it with your maintainers' team or users, each "
                              "with write access to the repository")
    assert err == ("3 stand-in value(s) to replace before publishing (README.md, 'Before you "
                   "publish'); nothing was published.\n")


def test_any_reserved_example_domain_counts_as_a_stand_in(tmp_path, capsys):
    for address in ("help@example.org", "a@mail.example.com", "x@corrections.example"):
        folder = tmp_path / address
        folder.mkdir()
        code, out, _ = run(copy_settings(folder, report=address, team="@real-org/team"),
                           "check-setup", capsys=capsys)
        assert code == 1 and f"'{address}'" in out


def test_real_values_pass(tmp_path, capsys):
    folder = copy_settings(tmp_path, report="corrections@probono.legal", team="@legal-aid/web")
    code, out, err = run(folder, "check-setup", capsys=capsys)
    assert (code, out, err) == (0, "ok: no stand-in values left.\n", "")


def test_a_missing_settings_file_is_not_taken_for_a_filled_in_one(tmp_path, capsys):
    folder = copy_settings(tmp_path, report="corrections@probono.legal", team="@legal-aid/web")
    (folder / ".github" / "CODEOWNERS").unlink()
    code, out, _ = run(folder, "check-setup", capsys=capsys)
    assert code == 1
    assert out.splitlines() == [
        ".github/CODEOWNERS:1:1: code owner: the file is missing; restore it from the project "
        "and set the code owner in it"]


def test_the_readme_lists_every_stand_in():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Before you publish")[1].split("\n### ")[0]
    for placeholder in placeholders.PLACEHOLDERS:
        assert f"`{placeholder.file}`" in section, placeholder.file
    assert f"`{REPORT}`" in section and f"`{TEAM}`" in section


def test_the_deploy_job_checks_before_it_builds():
    steps = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(
        encoding="utf-8"))["jobs"]["build"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert runs.index("make check-setup") < runs.index("make site")
    assert shutil.which("make")


def test_the_address_is_read_as_the_site_reads_it(tmp_path, capsys, monkeypatch):
    """extra.report_email, as YAML and with !ENV as MkDocs reads it: a comment or another
    setting that mentions an example address is not the setting, and a quoted value is found
    inside its quotes."""
    def check(value: str) -> list[str]:
        folder = tmp_path / str(len(list(tmp_path.iterdir())))
        folder.mkdir()
        copy_settings(folder, team="@legal-aid/web")
        config = (folder / "mkdocs.yml").read_text(encoding="utf-8")
        config = re.sub(r"report_email: \S+", f"report_email: {value}", config)
        config += "# report_email: old@corrections.example\n"
        (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
        code, out, _ = run(folder, "check-setup", capsys=capsys)
        return [line.split(": extra.report_email")[0].split(":", 1)[1] for line in
                out.splitlines() if code == 1]

    assert check("corrections@probono.legal") == []  # the comment is not the setting
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(config, 1) if text.strip().startswith("report_email"))
    assert check("'help@example.org'") == [f"{line}:18"]  # inside the quotes
    monkeypatch.delenv("REPORT_EMAIL", raising=False)
    assert check("!ENV [REPORT_EMAIL, 'help@example.org']") == [f"{line}:17"]
    monkeypatch.setenv("REPORT_EMAIL", "corrections@probono.legal")
    assert check("!ENV [REPORT_EMAIL, 'help@example.org']") == []
