from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

from generator.adapters.cli import main

# The same examples on every run: a check that passes on one machine passes on CI. Examples that
# once failed are pinned with @example next to their test. HYPOTHESIS_PROFILE=explore draws new
# examples, ten times as many, to look for cases the fixed ones miss.
settings.register_profile("repeatable", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, max_examples=2000, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

TESTS = Path(__file__).parent
VALID = TESTS / "data" / "valid"
ROOT = TESTS.parent
TODAY = dt.date(2026, 11, 22)
ORG = "orgs/bay-legal-aid/organization.yml"
PROGRAM = "orgs/bay-legal-aid/u-visa-petitions.yml"


# -- tests that read the repository's own orgs/ ---------------------------------------------------
# They carry the `orgs` mark, and the contributor journey runs them again on a copy of the
# repository with an organization added (tests/contribute/test_contributor_journey.py). Tests
# that use the real site are marked by their fixture; every test is watched from the start of its
# setup (the fixtures it is first to need included) to the end of its teardown: one that opens or
# lists anything under orgs/, itself or in a Python process it starts (tests/audit/), without the
# mark, fails and says so.
ORGS = ROOT / "orgs"
_USES_THE_REAL_SITE = {"real_site", "served"}
_ORGS_LOG = ""  # set once per test process, by pytest_configure


def pytest_configure(config: pytest.Config) -> None:
    """Start watching for reads of orgs/: here once (tests import this module again by name, and
    a second log would leave the first one unread), in this process and in each Python process
    a test starts, which loads tests/audit/sitecustomize.py from PYTHONPATH."""
    import importlib.util

    global _ORGS_LOG
    handle, _ORGS_LOG = tempfile.mkstemp(prefix="probono-orgs-reads-")
    os.close(handle)
    atexit.register(os.unlink, _ORGS_LOG)
    os.environ["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(TESTS / "audit"), os.environ.get("PYTHONPATH", "")]))
    os.environ.update(PROBONO_ORGS_DIR=str(ORGS), PROBONO_ORGS_AUDIT=_ORGS_LOG)
    spec = importlib.util.spec_from_file_location("orgs_audit",
                                                  TESTS / "audit" / "sitecustomize.py")
    spec.loader.exec_module(importlib.util.module_from_spec(spec))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _USES_THE_REAL_SITE & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.orgs)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item):
    Path(_ORGS_LOG).write_text("", encoding="utf-8")
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None):
    result = yield
    read = set(Path(_ORGS_LOG).read_text(encoding="utf-8").splitlines())
    if read and item.get_closest_marker("orgs") is None:
        first = Path(min(read)).relative_to(ROOT).as_posix()
        pytest.fail(f"{item.nodeid} reads the repository's own listings ({first}, and "
                    f"{len(read) - 1} more) without @pytest.mark.orgs: mark it, so the "
                    "contributor journey runs it again with an organization added, and "
                    "check only what holds for any valid directory", pytrace=False)
    return result


# The windows the tests decide listings' standing with, written out (mkdocs.yml sets the site's).
WINDOW, URGENT_DAYS = 180, 30


def life(directory, today: dt.date = TODAY, window: int = WINDOW,
         urgent_days: int = URGENT_DAYS):
    """Every listing's standing on `today` (generator/core/lifecycle.py)."""
    from generator.core.lifecycle import Lifecycle

    return Lifecycle(directory, today, window, urgent_days)


def standing(program, today: dt.date = TODAY, window: int = WINDOW,
             urgent_days: int = URGENT_DAYS):
    """One listing's standing on `today`: its status, whether it is listed, its freshness."""
    from generator.core import lifecycle

    return lifecycle.standing(program, today, window, urgent_days)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A throwaway copy of the valid sample project, for tests that break files."""
    shutil.copytree(VALID, tmp_path / "project")
    return tmp_path / "project"


def run(root: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--root", str(root), *args])
    out, err = capsys.readouterr()
    return code, out, err


def generator(*args: str, input: str | None = None,
              env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m generator ARGS` run in this process: what it prints, and its exit status.

    As a subprocess would see it (stdin a pipe holding `input`, the environment `env` if given),
    without paying a second of imports per command; tests/adapters/test_cli.py runs the real
    entry point. An exception the command does not handle fails the test where it is raised.
    """
    import io

    out, err = io.StringIO(), io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO((input or "").encode("utf-8")), encoding="utf-8")
    saved = dict(os.environ)
    if env is not None:
        os.environ.clear()
        os.environ.update(env)
    try:
        with (contextlib.redirect_stdout(out), contextlib.redirect_stderr(err),
              _stdin(stdin)):
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse's usage errors and --help
                code = exc.code if isinstance(exc.code, int) else 1
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return subprocess.CompletedProcess(["python", "-m", "generator", *args], code,
                                       out.getvalue(), err.getvalue())


@contextlib.contextmanager
def _stdin(stream):
    saved, sys.stdin = sys.stdin, stream
    try:
        yield
    finally:
        sys.stdin = saved


def validate_lines(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    """`validate`'s exit status and printed lines; it never shows a traceback."""
    code, out, err = run(root, "validate", capsys=capsys)
    assert "Traceback" not in out + err
    return code, out.splitlines()


SITE_DATA = TESTS / "data" / "site"
SITE_SOURCES = ("content", "site_templates", "overrides")  # what a build reads besides orgs/


def make_project(target: Path, orgs: Path, today: str = "2026-11-22") -> Path:
    """A copy of the project's site sources with another orgs/ folder and a fixed 'today'."""
    target.mkdir(parents=True, exist_ok=True)
    for name in SITE_SOURCES:
        shutil.copytree(ROOT / name, target / name)
    shutil.copytree(orgs, target / "orgs")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - probono:\n" in config
    config = config.replace("  - probono:\n", f"  - probono:\n      today: '{today}'\n")
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


_EVERYWHERE = shutil.ignore_patterns("__pycache__", "*.egg-info", ".pytest_cache", ".hypothesis")
_AT_THE_TOP = {".git", ".venv", "site", "build", ".screenshots"}  # tests/data/site is kept


def _not_in_a_clone(folder: str, names: list[str]) -> set[str]:
    top = Path(folder) == ROOT
    return _EVERYWHERE(folder, names) | {n for n in names if top and (
        n in _AT_THE_TOP or n.startswith(".site-"))}


def copy_repository(target: Path) -> Path:
    """The repository as a fresh clone has it: no build output, caches or venv."""
    shutil.copytree(ROOT, target, ignore=_not_in_a_clone)
    return target


def with_make(project: Path) -> Path:
    """Give a project copy the Makefile and the venv the tests already run in, installed.

    `make validate` and friends then run as on a contributor's machine, without reinstalling.
    """
    for name in ("Makefile", "pyproject.toml", "constraints.txt"):
        shutil.copy(ROOT / name, project / name)
    venv = project / ".venv"
    (venv / "bin").mkdir(parents=True, exist_ok=True)
    (venv / "bin" / "python").write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
    (venv / "bin" / "python").chmod(0o755)
    for stamp in (".site-deps", ".test-deps"):
        (venv / stamp).touch()
    return project


# `make test-fast` sets this: every test that needs a site built by MkDocs is skipped (`make
# test` runs them all), so the edit-test loop runs the checks of the code alone.
FAST = os.environ.get("PROBONO_TEST_FAST") == "1"


def skip_builds_when_fast() -> None:
    if FAST:
        pytest.skip("builds a site with MkDocs: make test runs it, make test-fast does not")


def build(project: Path, output: str = "site") -> subprocess.CompletedProcess[str]:
    skip_builds_when_fast()
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "build",
                           "--output", output], capture_output=True, text=True, check=False)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built once from the test listings, for the HTML, JSON and browser tests."""
    project = make_project(tmp_path_factory.mktemp("site") / "project", SITE_DATA / "orgs")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the repository's own listings and pages, as `make site` does.

    The listings belong to the organizations: tests on this site check only what holds for any
    valid directory (tests/test_real_directory.py), never its counts, ids or wording.
    """
    output = tmp_path_factory.mktemp("real") / "site"
    result = build(ROOT, str(output))
    assert result.returncode == 0, result.stdout + result.stderr
    return output


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: .ci/run installs Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def serve(folder: Path):
    """Serve a built site on a free local port; yields its base URL."""
    import socket
    import time
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # The server logs every request: to a file, never to a pipe nobody reads (once the pipe's
    # buffer is full the server blocks on its log line and every later page load times out).
    log = tempfile.TemporaryFile()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind",
                               "127.0.0.1", "--directory", str(folder)],
                              stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    for _ in range(50):
        try:
            urllib.request.urlopen(base, timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    else:
        server.kill()
        log.seek(0)
        raise RuntimeError(f"the test server did not start: {log.read()!r}")
    try:
        yield base
    finally:
        server.terminate()
        server.wait()
        log.close()


@pytest.fixture(scope="session")
def served(real_site: Path):
    """The real site on a local port."""
    yield from serve(real_site)


@pytest.fixture(scope="session")
def served_test_site(site: Path):
    """The test listings' site (closed, paused and expired listings too) on a local port."""
    yield from serve(site)


def open_page(browser, base: str, width: int = 1280, **options):
    """A page in a new browser context, and the list of requests it made to any other host
    or that the site could not answer (a script or the theme asking for a file that is not
    there: a page the test itself opens may be a missing one)."""
    context = browser.new_context(viewport={"width": width, "height": 900}, **options)
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: r.url.startswith(base) or outside.append(r.url))
    page.on("response", lambda r: r.status < 400 or r.request.is_navigation_request()
            or outside.append(f"{r.status} {r.url}"))
    return context, page, outside


@pytest.fixture
def page(browser, served_test_site):
    """A desktop-sized page on the test listings' site; fails the test if it asked another host."""
    context, page, outside = open_page(browser, served_test_site)
    yield page
    context.close()
    assert outside == [], f"a request left the site or failed: {outside}"
