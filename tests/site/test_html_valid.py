"""The built pages pass the Nu HTML Checker (vnu.jar), apart from the theme's own findings, listed."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from ..conftest import ROOT

VNU_JAR = ROOT / "tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar"

#: Findings in Material for MkDocs' own markup (base.html and its partials), not in ours.
#: Each is explained; the test fails if one disappears, so the list never goes stale.
THEME_FINDINGS = {
    # The drawer, search and table-of-contents toggles are hidden checkboxes with
    # autocomplete="off", which stops Firefox restoring their state on reload.
    # The attribute is not allowed on checkboxes; browsers ignore it there.
    r"^Attribute “autocomplete” is only allowed when the input type is": "Material's toggles",
    # The table of contents' title is a <label for="__toc">, but Material writes the
    # matching checkbox only inside the current page's navigation entry. Exercise,
    # anatomy, routine and guide pages are reached from their section's index page, not
    # listed in the navigation, so on them the label points at nothing.
    r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control": (
        "Material's table-of-contents label"
    ),
}


@pytest.fixture(scope="module")
def findings(real_site: Path) -> list[dict[str, str]]:
    java = shutil.which("java")
    assert java, "Java is missing: run `make test` (it installs default-jre-headless)"
    assert VNU_JAR.exists(), "vnu.jar is missing: run `make test` (it runs npm ci in tools/vnu)"
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html", str(real_site)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages: list[dict[str, str]] = json.loads(result.stderr)["messages"]
    return messages


def test_only_the_themes_listed_findings_remain(findings: list[dict[str, str]], real_site: Path) -> None:
    ours = [
        f"{m.get('url', '').removeprefix(real_site.as_uri())}:{m.get('lastLine')}: {m['message']}"
        for m in findings
        if not any(re.search(pattern, m["message"]) for pattern in THEME_FINDINGS)
    ]
    assert not ours, "\n".join(ours[:20])


def test_every_listed_theme_finding_still_occurs(findings: list[dict[str, str]]) -> None:
    for pattern, where in THEME_FINDINGS.items():
        assert any(re.search(pattern, m["message"]) for m in findings), f"{where}: fixed upstream, drop it"


def test_the_checker_catches_invalid_html(tmp_path: Path) -> None:
    """A broken page is reported, so a pass above means something."""
    java = shutil.which("java")
    assert java and VNU_JAR.exists()
    (tmp_path / "bad.html").write_text("<!doctype html><title>x</title><p><div></p>", "utf-8")
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", str(tmp_path / "bad.html")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert json.loads(result.stderr)["messages"], "vnu reported nothing for invalid HTML"
