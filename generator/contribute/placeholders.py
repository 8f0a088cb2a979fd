"""`python -m generator check-setup`: values a new copy of the project must replace.

The project ships with a few stand-ins that only its maintainers can fill in (where people
report a wrong listing, who reviews pull requests). The deploy job runs this check first and
publishes nothing while one is still set, so the public site never sends corrections to an
address nobody reads. README.md's "Before you publish" lists the same values: a test keeps the
two in step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.core import config
from generator.core.problems import Problem


@dataclass(frozen=True)
class Placeholder:
    file: str  # relative to the project's top folder
    pattern: str  # what a value still set to the stand-in looks like; group "value" is it
    what: str  # the setting, as the README names it
    fix: str
    setting: tuple[str, ...] = ()  # in mkdocs.yml: the setting, read as the generator reads it


# Domains reserved for examples (RFC 2606): mail to them goes nowhere.
_EXAMPLE_DOMAIN = r"[\w.-]*(?:\.example|example\.(?:com|org|net))\b"

PLACEHOLDERS = (
    Placeholder(config.FILE, rf"(?P<value>[^\s@]+@{_EXAMPLE_DOMAIN})", "extra.report_email",
                "set it to the inbox where people report a wrong or stale listing (the About "
                "page and every listing link to it)", ("extra", "report_email")),
    Placeholder(".github/CODEOWNERS", r"^[^#\n]*?(?P<value>@probono-directory/maintainers)\b",
                "code owner",
                "replace it with your maintainers' team or users, each with write access to the "
                "repository"),
)


def check(root: Path) -> list[Problem]:
    """Every placeholder still set, at its line."""
    problems = []
    for placeholder in PLACEHOLDERS:
        path = root / placeholder.file
        if not path.is_file():  # gone, not filled in: nothing to publish with either
            problems.append(Problem(placeholder.file, 1, 1, f"{placeholder.what}: the file is "
                                    "missing; restore it from the project and set the "
                                    f"{placeholder.what} in it"))
            continue
        if placeholder.setting:  # mkdocs.yml: read as YAML, !ENV as MkDocs reads it
            found = config.located(root, *placeholder.setting)
            if found is not None and isinstance(found[0], str) and \
                    re.fullmatch(placeholder.pattern, found[0].strip()):
                problems.append(Problem(placeholder.file, found[1], found[2],
                                        f"{placeholder.what}: '{found[0].strip()}' is the "
                                        f"project's stand-in; {placeholder.fix}"))
            continue
        text = path.read_text(encoding="utf-8")
        for found in re.finditer(placeholder.pattern, text, flags=re.M):
            start = found.start("value")
            line = text.count("\n", 0, start) + 1
            column = start - (text.rfind("\n", 0, start) + 1) + 1
            problems.append(Problem(placeholder.file, line, column,
                                    f"{placeholder.what}: '{found.group('value')}' is the "
                                    f"project's stand-in; {placeholder.fix}"))
    return problems
