"""The GitHub side: workflows, Dependabot, and a build done exactly as the deploy job does it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, copy_repository, with_make

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent
PAGES = GITHUB / "workflows" / "pages.yml"
CHECKS = GITHUB / "workflows" / "checks.yml"
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+?)@(\S+)(.*)$")
BASE_URL = "https://example.github.io/probono-directory"


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def steps(workflow: dict):
    for job_id, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, step


def tool(name: str) -> str:
    path = BIN / name
    return str(path) if path.exists() else name


def zizmor(*inputs: Path) -> list[dict]:
    result = subprocess.run([tool("zizmor"), "--offline", "--format", "json",
                             *map(str, inputs)], capture_output=True, text=True, check=False)
    # zizmor exits 0 with no findings and 10-14 with findings (by highest severity).
    assert result.returncode in (0, 10, 11, 12, 13, 14), result.stderr
    return json.loads(result.stdout)


def serious(findings: list[dict]) -> list[str]:
    return [f"{f['ident']} ({f['determinations']['severity']})" for f in findings
            if f["determinations"]["severity"] in ("Medium", "High")]


def test_there_are_a_checks_and_a_pages_workflow():
    assert CHECKS in WORKFLOWS and PAGES in WORKFLOWS


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_matches_githubs_schema(path):
    result = subprocess.run([tool("check-jsonschema"), "--builtin-schema",
                             "vendor.github-workflows", str(path)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_dependabot_config_matches_its_schema():
    result = subprocess.run([tool("check-jsonschema"), "--builtin-schema", "vendor.dependabot",
                             str(GITHUB / "dependabot.yml")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_dependabot_watches_the_python_pins_and_the_actions():
    updates = {u["package-ecosystem"]: u for u in load(GITHUB / "dependabot.yml")["updates"]}
    assert set(updates) == {"pip", "github-actions"}
    assert all(u["directory"] == "/" for u in updates.values())


def test_zizmor_finds_nothing_of_medium_severity_or_above():
    findings = zizmor(GITHUB)
    assert serious(findings) == []


def test_zizmor_would_catch_a_careless_workflow(tmp_path):
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text("""\
on: pull_request_target
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.pull_request.title }}"
""", encoding="utf-8")
    found = " ".join(serious(zizmor(tmp_path)))
    for audit in ("template-injection", "unpinned-uses", "artipacked", "dangerous-triggers"):
        assert audit in found


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_tag(path):
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if USES.match(line)]
    assert lines
    for line in lines:
        action, ref, comment = USES.match(line).groups()
        assert re.fullmatch(r"[0-9a-f]{40}", ref), line
        assert re.fullmatch(r"\s+# v\d+(\.\d+)*", comment), line


def test_each_action_is_pinned_to_the_same_commit_everywhere():
    pins: dict[str, set[str]] = {}
    for path in WORKFLOWS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if match := USES.match(line):
                pins.setdefault(match[1], set()).add(match[2] + match[3].strip())
    assert {action: len(refs) for action, refs in pins.items()} == dict.fromkeys(pins, 1)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_checkout_keeps_its_credentials(path):
    checkouts = [step for _, step in steps(load(path))
                 if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    assert all(step.get("with", {}).get("persist-credentials") is False for step in checkouts)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_permissions_are_granted_per_job(path):
    workflow = load(path)
    assert workflow["permissions"] == {}
    for job_id, job in workflow["jobs"].items():
        writes = {k for k, v in job["permissions"].items() if v == "write"}
        allowed = {("pages.yml", "deploy"): {"pages", "id-token"},
                   ("stale.yml", "report"): {"issues"}}.get((path.name, job_id), set())
        assert writes <= allowed, job_id


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_expression_is_written_into_a_script(path):
    for job_id, step in steps(load(path)):
        assert "${{" not in step.get("run", ""), (job_id, step.get("name"))


def test_pull_requests_run_the_developers_make_targets():
    workflow = load(CHECKS)
    assert "pull_request" in workflow[True]  # PyYAML reads the key `on` as True
    runs = {job_id: " ".join(s.get("run", "") for s in job["steps"])
            for job_id, job in workflow["jobs"].items()}
    assert "make validate" in runs["validate"]
    assert "make site" in runs["build"]
    assert "make test" in runs["test"]


def test_validation_problems_become_annotations():
    script = next(s["run"] for _, s in steps(load(CHECKS)) if "make validate" in s.get("run", ""))
    assert script.index("::add-matcher::.github/problem-matcher.json") < script.index("make validate")
    matcher = json.loads((GITHUB / "problem-matcher.json").read_text(encoding="utf-8"))
    owner = matcher["problemMatcher"][0]["owner"]
    assert any(f"::remove-matcher owner={owner}::" in s.get("run", "")
               for _, s in steps(load(CHECKS)))


def test_the_pull_request_preview_is_uploaded_with_how_to_serve_it():
    build = load(CHECKS)["jobs"]["build"]["steps"]
    upload = next(s for s in build if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site"
    note = " ".join(s.get("run", "") for s in build)
    assert "GITHUB_STEP_SUMMARY" in note and "http.server" in note and "file://" in note


def test_main_deploys_to_pages_daily_and_on_demand():
    workflow = load(PAGES)
    on = workflow[True]
    assert on["push"]["branches"] == ["main"]
    assert re.fullmatch(r"\d+ \d+ \* \* \*", on["schedule"][0]["cron"])  # once a day
    assert "workflow_dispatch" in on
    assert workflow["concurrency"]["group"] == "pages"
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    uses = [s.get("uses", "").split("@")[0] for s in build["steps"]]
    assert "actions/configure-pages" in uses and "actions/upload-pages-artifact" in uses
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][-1]["uses"].startswith("actions/deploy-pages@")


def _deploy_build_step() -> tuple[str, dict[str, str], str]:
    """The deploy job's build step: its script, its environment, and the folder it uploads."""
    build = load(PAGES)["jobs"]["build"]
    step = next(s for s in build["steps"] if "make site" in s.get("run", ""))
    upload = next(s for s in build["steps"]
                  if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    known = {"steps.pages.outputs.base_url": BASE_URL}  # what configure-pages gives on Pages
    env = {}
    for name, value in {**build.get("env", {}), **step.get("env", {})}.items():
        expression = re.fullmatch(r"\$\{\{\s*(.+?)\s*\}\}", str(value))
        env[name] = known[expression[1]] if expression else str(value)
    return step["run"], env, upload["with"]["path"]


@pytest.mark.slow
@pytest.mark.orgs  # builds the repository's own listings
def test_the_site_builds_exactly_as_the_deploy_job_builds_it(tmp_path):
    script, env, uploaded = _deploy_build_step()
    clone = copy_repository(tmp_path / "clone")
    with_make(clone)  # the Makefile's venv, already installed: the python running these tests
    environment = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "PYTHONPATH")}
    result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                            cwd=clone, env={**environment, **env}, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "pip install" not in result.stdout  # it built, and did not reinstall
    site = clone / uploaded
    for page in ("index.html", "find/index.html", "pagefind/pagefind.js", "api/opportunities.json"):
        assert (site / page).is_file(), page
    # Served under /probono-directory/, the 404 page still finds its style sheets.
    assert 'href="/probono-directory/assets/' in (site / "404.html").read_text(encoding="utf-8")
    assert f"<loc>{BASE_URL}/</loc>" in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_the_weekly_report_keeps_one_tracking_issue():
    workflow = load(GITHUB / "workflows" / "stale.yml")
    assert workflow[True]["schedule"] and "workflow_dispatch" in workflow[True]
    runs = "\n".join(step.get("run", "") for _, step in steps(workflow))
    assert "make --silent stale ARGS=--format=markdown" in runs
    assert '>> "$GITHUB_STEP_SUMMARY"' in runs
    assert "gh issue edit" in runs and "gh issue create" in runs  # edit the one, or open it


def test_the_readme_says_what_the_workflows_do():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    checks = load(CHECKS)["jobs"]
    artifact = next(s["with"]["name"] for s in checks["build"]["steps"]
                    if s.get("uses", "").startswith("actions/upload-artifact@"))
    for fact in (".github/workflows/pages.yml", ".github/workflows/checks.yml",
                 ".github/workflows/stale.yml", "make stale",
                 "Source** to **GitHub Actions", "Custom domain", artifact,
                 checks["test"]["container"], "python3 -m http.server", "file://",
                 "bench/results.md", "@probono-directory/maintainers"):
        assert fact in readme, fact
    assert "@probono-directory/maintainers" in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8")


def test_the_licences_are_named_in_the_readme_and_on_the_about_page(real_site):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    about = (real_site / "about" / "index.html").read_text(encoding="utf-8")
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert "CC BY 4.0" in (ROOT / "LICENSE-DATA.md").read_text(encoding="utf-8")
    for text in (readme, about):
        assert "MIT License" in text
        assert "Creative Commons Attribution 4.0 International" in text
