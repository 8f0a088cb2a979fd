"""`python -m generator preview`: serves the site with the change and prints the listing's URL."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import ROOT, VALID, make_project


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.slow
def test_preview_serves_the_listing_it_names(tmp_path):
    project = make_project(tmp_path / "project", VALID / "orgs")
    listing = "orgs/bay-legal-aid/u-visa-petitions.yml"
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "--root", str(project), "preview", listing,
         "--dev-addr", f"127.0.0.1:{port}"], cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        first = [server.stdout.readline() for _ in range(3)]
        urls = [u for line in first for u in re.findall(r"http://\S+", line)]
        assert urls == [f"http://127.0.0.1:{port}/opportunities/u-visa-petitions/"], first
        deadline, html = time.monotonic() + 120, ""
        while time.monotonic() < deadline and server.poll() is None:
            try:
                html = urllib.request.urlopen(urls[0], timeout=2).read().decode()
                break
            except OSError:
                time.sleep(0.5)
        assert "U visa petitions for survivors of violent crime" in html
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


def test_preview_refuses_a_broken_directory(project):
    (project / "orgs" / "bay-legal-aid" / "u-visa-petitions.yml").write_text("title: [\n")
    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(project),
                             "preview"], capture_output=True, text=True, cwd=ROOT, check=False,
                            timeout=60)
    assert result.returncode == 1
    assert "orgs/bay-legal-aid/u-visa-petitions.yml:" in result.stdout
    assert "Serving" not in result.stdout + result.stderr


def test_listing_urls_and_site_path(tmp_path, monkeypatch):
    from generator.contribute.preview import listing_url, site_path

    assert listing_url("orgs/her-justice/t-visa.yml") == "opportunities/t-visa/"
    assert listing_url("orgs/her-justice/organization.yml") == "organizations/her-justice/"
    assert listing_url("content/about.md") is None
    (tmp_path / "mkdocs.yml").write_text("site_url: https://x.github.io/probono/\n")
    assert site_path(tmp_path) == "/probono/"
    (tmp_path / "mkdocs.yml").write_text("site_url: !ENV SITE_URL\n")
    monkeypatch.delenv("SITE_URL", raising=False)
    assert site_path(tmp_path) == "/"
    monkeypatch.setenv("SITE_URL", "https://example.org/directory/")
    assert site_path(tmp_path) == "/directory/"
