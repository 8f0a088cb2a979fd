"""mkdocs.yml read once, the way MkDocs reads it where a value is set by the environment."""

from __future__ import annotations

from generator.core import config, freshness


def _write(tmp_path, text: str):
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    return tmp_path


def test_env_tags_read_as_mkdocs_reads_them(tmp_path, monkeypatch):
    root = _write(tmp_path, "site_url: !ENV SITE_URL\nrepo_url: !ENV [REPO_A, REPO_B, "
                  "https://example.org/fallback]\nmarkdown_extensions:\n"
                  "  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions."
                  "emoji.twemoji\nhooks: !relative hooks.py\n")
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.delenv("REPO_A", raising=False)
    monkeypatch.delenv("REPO_B", raising=False)
    assert (config.setting(root, "site_url"), config.setting(root, "repo_url")) == (
        "", "https://example.org/fallback")
    monkeypatch.setenv("SITE_URL", "https://example.org/probono/")
    monkeypatch.setenv("REPO_B", "https://example.org/b")
    assert (config.setting(root, "site_url"), config.setting(root, "repo_url")) == (
        "https://example.org/probono/", "https://example.org/b")
    assert config.read(root)["hooks"] is None  # a tag that carries no value runs nothing
    assert config.read(root)["markdown_extensions"][0]["pymdownx.emoji"]["emoji_index"] is None


def test_plugin_options_and_a_missing_or_broken_file(tmp_path):
    assert config.read(tmp_path) == {} and freshness.window_days(tmp_path) == 180
    root = _write(tmp_path, "plugins:\n  - search\n  - probono:\n      freshness_days: 90\n")
    assert (freshness.window_days(root), freshness.urgent_days(root)) == (90, 30)
    _write(tmp_path, "plugins: [unclosed\n")
    assert config.read(tmp_path) == {} and config.plugin_option(tmp_path, "x", 7) == 7
